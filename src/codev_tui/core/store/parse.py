"""A session file split into its header, its records (each checked) and any torn tail."""

from __future__ import annotations

import json
import re
import tomllib
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from codev_tui.core.events import (
    FIELD_NAMES,
    SCHEMA,
    Event,
    EventError,
    UnknownEventError,
    event_from_record,
)
from codev_tui.core.problems import Problem
from codev_tui.core.script import dotted_too_deep
from codev_tui.core.session import SessionError
from codev_tui.core.store.errors import NewerFileError, damage, reason, session_error
from codev_tui.core.store.record import (
    B64_SUFFIX,
    CRC_WIDTH,
    RECORD_HEAD,
    RECORD_HEAD_LEN,
    SCHEMA_LINE,
    decode_record,
    decode_strings,
    header_crc_line,
)

_JSON = json.JSONDecoder(strict=False)  # a tab stays raw in a TOML string
_FIELD_LINES = tuple(
    (f"\n{key} = ".encode(), f'\n,"{key}":'.encode())
    for key in sorted({"crc", *FIELD_NAMES, *(f"{name}__b64" for name in FIELD_NAMES)})
)
"""Each field line's start in a record, and the same as a JSON object member."""
_PLAIN_FIELD_LINES = tuple(pair for pair in _FIELD_LINES if b"__b64" not in pair[0])
_CRC_LINE = re.compile(rb'(?m)^crc = "([0-9a-f]{8})"\n')
_HEADER_CRC_MARK = b'\n# header crc = "'
_HEADER_CRC_WIDTH = len(b'# header crc = "00000000"\n')


class Parsed:
    """A session file split into its header, its good records and any torn tail.

    With `salvage`, damage is not refused but noted (`skipped`, the lines of what could not
    be read) and the records around it kept: for `codev export --salvage`, which never writes
    to the file.
    """

    def __init__(self, path: Path, *, salvage: bool = False) -> None:
        self.path = path
        self.salvage = salvage
        self.skipped: list[int] = []
        """With salvage: the first line of each damaged record or header part left out."""
        self.crlf = False
        """With salvage: the file's line ends were CR LF and were read as LF."""
        self.header_changed = False
        """With salvage: the header's checksum did not match; it was read all the same."""
        self.read_events = 0
        """With salvage: how many events were read and applied."""
        try:
            self.raw = path.read_bytes()
        except FileNotFoundError:
            raise session_error("store.no_such_file", path=path) from None
        except OSError as exc:
            raise session_error("store.cannot_read", path=path, reason=reason(exc)) from None
        cr = self.raw.find(b"\r")
        if cr >= 0:
            # codev never writes a CR (tomli_w escapes it in text): the file was converted to
            # CR LF line ends or edited. Records would no longer be found, nor checked.
            if not salvage:
                raise damage(self.path, self.line_at(cr), "store.carriage_return")
            self.raw = self.raw.replace(b"\r\n", b"\n")  # the same lines, the same numbers
            self.crlf = True
        starts = _line_starts(self.raw, RECORD_HEAD)
        if salvage:
            # Damage without a line break (a block of zeros, a line cut in the middle) ends
            # the line before a good record: a record head is looked for anywhere (a raw line
            # break is never inside a value, so `[[events]]` and its line break start one).
            starts = _occurrences(self.raw, RECORD_HEAD)
        end_of_header = starts[0] if starts else len(self.raw)
        self.header_end = end_of_header
        self.good_end = end_of_header
        self.records: list[tuple[int, int]] = []
        """(start, end) of every complete record, in order."""
        self.torn = b""
        stray = _CRC_LINE.search(self.raw, 0, end_of_header)
        if stray:  # a checksum line in the header: a record whose first line is damaged
            if salvage:
                self.header_end = self.good_end = self._header_before(stray.start())
            self._damaged(self.header_end if salvage else stray.start())
        if not salvage and self._all_whole(starts):
            return
        for n, start in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(self.raw)
            chunk = self.raw[start:stop]
            crc = _CRC_LINE.search(chunk)
            ok = crc is not None and int(crc.group(1), 16) == zlib.crc32(chunk[: crc.start()])
            last = n + 1 == len(starts)
            tail = chunk[crc.end() :] if ok and crc is not None else chunk
            # A crash cuts one record short: a torn tail never holds a whole checksum line.
            torn = last and _CRC_LINE.search(tail) is None
            if ok and crc is not None and (crc.end() == len(chunk) or torn):
                self.good_end = start + crc.end()
                self.records.append((start, self.good_end))
                self.torn = tail if torn else b""
                continue
            if torn:
                self.torn = chunk
                break
            if ok and crc is not None and salvage:  # what follows its checksum is damaged
                self.records.append((start, start + crc.end()))
            self._damaged(start + crc.end() if ok and crc is not None else start)
        if not starts and self.raw and not self.raw.endswith(b"\n"):
            # The header is written atomically: only a cut first record can end like this.
            self.header_end = self.good_end = self.raw.rfind(b"\n") + 1
            self.torn = self.raw[self.good_end :]
        if salvage and self.torn:
            self.skipped.append(self.line_at(len(self.raw) - len(self.torn)))

    def _all_whole(self, starts: list[int]) -> bool:
        """The usual case, checked in one pass: every record whole, each ending with its right
        checksum, nothing after the last. Anything else is looked at record by record."""
        raw = self.raw
        if not starts or raw.count(b'\ncrc = "', starts[0]) != len(starts):
            return False
        view = memoryview(raw)
        ends = [*starts[1:], len(raw)]
        width = CRC_WIDTH
        for start, end in zip(starts, ends, strict=True):
            line = end - width  # where the checksum line must start: the record's last line
            if (
                raw[line - 1 : line + 7] != b'\ncrc = "'
                or raw[end - 2 : end] != b'"\n'
                or raw[line + 7 : end - 2] != b"%08x" % zlib.crc32(view[start:line])
            ):
                return False
        self.records = list(zip(starts, ends, strict=True))
        self.good_end = len(raw)
        return True

    def _damaged(self, offset: int) -> None:
        """A damaged record at `offset`: refused, or with salvage noted and left out."""
        if self.salvage:
            self.skipped.append(self.line_at(offset))
            return
        raise damage(self.path, self.line_at(offset), "store.bad_checksum")

    def _header_before(self, stray: int) -> int:
        """With salvage, where the header ends when a damaged record's first line hides the
        record inside it (a checksum line at `stray`): after the header's checksum line, or
        else before the line that precedes the record's `seq`."""
        mark = self.raw.rfind(_HEADER_CRC_MARK, 0, stray)
        if mark >= 0:
            return self.raw.index(b"\n", mark + 1) + 1
        seq = self.raw.rfind(b"\nseq = ", 0, stray)
        if seq < 0:
            raise session_error("store.no_header", path=self.path)
        return self.raw.rfind(b"\n", 0, seq) + 1

    def check_header(self) -> None:
        """Refuse a header changed since it was written (its checksum line, the last line of
        the header, does not match). A header without one (files written before codev added
        it) is read as it is; with salvage a mismatch is only noted."""
        raw, end = self.raw, self.header_end
        mark = raw.rfind(_HEADER_CRC_MARK, 0, min(len(raw), end + len(_HEADER_CRC_MARK)))
        if mark < 0:
            return
        line = raw[mark + 1 : mark + 1 + _HEADER_CRC_WIDTH]
        if mark + 1 + _HEADER_CRC_WIDTH == end and line == header_crc_line(raw[: mark + 1]):
            return
        schema = SCHEMA_LINE.search(raw, 0, end)
        if schema and int(schema.group()[9:]) > SCHEMA:
            return  # a newer codev's file, which may sum its header otherwise: it says so
        if self.salvage:
            self.header_changed = True
            return
        raise damage(self.path, self.line_at(mark + 1), "store.header_changed")

    def line_at(self, offset: int) -> int:
        """The 1-based line of a byte offset."""
        return self.raw.count(b"\n", 0, offset) + 1

    def header(self) -> dict[str, Any]:
        """The header's TOML: schema, session, script."""
        text = self.raw[: self.header_end]
        try:
            decoded = text.decode("utf-8")
            line = dotted_too_deep(decoded)
            if line:
                raise session_error("store.header_too_deep", where=f"{self.path}:{line}")
            return tomllib.loads(decoded)
        except UnicodeDecodeError as exc:
            line = self.line_at(exc.start)
            raise session_error("store.header_not_utf8", where=f"{self.path}:{line}") from None
        except tomllib.TOMLDecodeError as exc:
            raise session_error("store.unreadable", path=self.path, reason=str(exc)) from None
        except RecursionError:
            where = f"{self.path}:{_deepest_line(text)}"
            raise session_error("store.header_too_deep", where=where) from None

    def events(self) -> Iterator[Event]:
        """Every complete record as its typed event."""
        records = self._records_at_once()
        if records is None:
            records = (self._record(start, end) for start, end in self.records)
        for (start, _), record in zip(self.records, records, strict=True):
            try:
                yield event_from_record(record)
            except UnknownEventError as exc:
                where = f"{self.path}:{self.line_at(start)}"
                values = {"where": where, "kind": exc.kind, "schema": SCHEMA}
                raise NewerFileError(Problem("store.newer_event", values)) from None
            except EventError as exc:
                where = f"{self.path}:{self.line_at(start)}"
                raise session_error("store.bad_event", where=where, cause=exc) from None

    def salvaged_events(self) -> Iterator[tuple[int, Event]]:
        """With salvage: each record that reads as an event, with its first line; the others
        are noted in `skipped`."""
        raw, line, at = self.raw, 1, 0
        for start, end in self.records:
            line += raw.count(b"\n", at, start)
            at = start
            try:
                event = event_from_record(self._record(start, end))
            except (SessionError, EventError):
                self.skipped.append(line)
                continue
            yield line, event

    def header_line(self, key: str) -> int:
        """The line of `key` in the header's [session] table (of the table when not there)."""
        raw = self.raw
        table = raw.find(b"\n[session]\n", 0, self.header_end)
        end = raw.find(b"\n[", table + 1, self.header_end) if table >= 0 else -1
        end = self.header_end if end < 0 else end
        for name in (key, key + B64_SUFFIX):
            at = raw.find(b"\n%s = " % name.encode(), max(table, 0), end)
            if at >= 0:
                return self.line_at(at + 1)
        return self.line_at(table + 1) if table >= 0 else 1

    def _record(self, start: int, end: int) -> dict[str, Any]:
        try:
            return decode_record(self.raw[start:end])
        except UnicodeDecodeError as exc:
            line = self.line_at(start + RECORD_HEAD_LEN + exc.start)
            raise damage(self.path, line, "store.not_utf8") from None
        except ValueError as exc:  # not TOML; a __b64 field that is not base64
            line = self.line_at(start)
            raise damage(self.path, line, "store.unreadable_record", reason=str(exc)) from None
        except RecursionError:
            raise damage(self.path, self.line_at(start), "store.record_too_deep") from None

    def _records_at_once(self) -> list[dict[str, Any]] | None:
        """Every record's fields in one pass, or None when a record is not in the usual shape.

        tomli_w writes each field as a `key = value` line whose value, but for the time, is
        also JSON; `seq`, `t` and `type` come first in every record. A few byte replacements
        make the records one JSON array (the time as a string, read by the event classes),
        which the standard library reads several times faster than a TOML parser. Anything
        unusual (a key this version does not know, another order) makes this give up, and
        each record is read on its own, which also says where a record is wrong.
        """
        if not self.records:
            return []
        if self.salvage:  # the records need not follow one another
            return None
        body = b"\n" + self.raw[self.records[0][0] : self.good_end]
        body = body.replace(b"\n[[events]]\nseq = ", b'}\n,{"seq":')
        body = body.replace(b"\nt = ", b'\n,"t":"').replace(b"\ntype = ", b'"\n,"type":')
        encoded = b"__b64 = " in body
        for line, field in _FIELD_LINES if encoded else _PLAIN_FIELD_LINES:
            if line in body:
                body = body.replace(line, field)
        try:
            records = _JSON.decode("[" + body[3:].decode("utf-8") + "}]")
        except (ValueError, RecursionError):  # not UTF-8, not JSON: the slow way says where
            return None
        if len(records) != len(self.records):
            return None
        for record in records:
            t = record.get("t")
            if type(t) is not str or len(t) > 40 or type(record.get("type")) is not str:
                return None
        if encoded:
            try:
                records = [decode_strings(r) for r in records]
            except ValueError:
                return None
        return records


_NOT_BRACKETS = re.compile(rb'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[^\[\]{}\n"\'#]+|["\'#]')
"""Strings, comments and whatever is not a bracket or a line break."""


def _deepest_line(text: bytes) -> int:
    """The line where the brackets of a value nested too deeply go deepest."""
    depth, deepest, line, where = 0, 0, 1, 1
    for ch in _NOT_BRACKETS.sub(b"", text):
        if ch == 0x0A:
            line += 1
        elif ch in b"[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, line
        else:
            depth -= 1
    return where


def _occurrences(raw: bytes, needle: bytes) -> list[int]:
    """Where each occurrence of `needle` starts, anywhere in `raw`."""
    found = []
    at = raw.find(needle)
    while at >= 0:
        found.append(at)
        at = raw.find(needle, at + 1)
    return found


def _line_starts(raw: bytes, line: bytes) -> list[int]:
    """Where each line equal to `line` (ending with its newline) starts."""
    found = [0] if raw.startswith(line) else []
    needle = b"\n" + line
    at = raw.find(needle)
    while at >= 0:
        found.append(at + 1)
        at = raw.find(needle, at + 1)
    return found
