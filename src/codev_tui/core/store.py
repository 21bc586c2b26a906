"""The session file: a TOML header written once, then an append-only log of checksummed events.

Layout (the whole file is valid TOML)::

    schema = 2
    [session]            # who, what, when: written once, atomically
    [script] ...         # a copy of the phase script used
    [[events]]           # one record per event (see core/events.py), appended with one write
    seq = 1              # and an fsync
    t = 2026-11-29 09:00:00.000000+00:00
    type = "note"
    ...
    crc = "1a2b3c4d"     # CRC-32 of the record's bytes before this line

A record cut short by a crash fails its checksum: it is moved to a side file
(`<name>.torn-<time>`) and the file is rewritten atomically without it before anything new is
appended. A damaged record elsewhere, or a last record whose checksum line is whole (a crash
cannot leave that), is reported and the file is never touched. A file made by a newer codev (a
newer schema, an unknown event type) is refused and never touched.

One event is not appended: deleting a note rewrites the file atomically with every event about
that note replaced by a tombstone, so that its text is nowhere on disk once the deletion is
acknowledged.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import fcntl
import json
import os
import re
import stat
import tomllib
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from json.decoder import scanstring as _scanstring
from pathlib import Path
from typing import Any

from codev_tui.core.events import (
    EVENTS,
    FIELD_NAMES,
    PLAUSIBLE_YEARS,
    READABLE_SCHEMAS,
    SCHEMA,
    Event,
    EventError,
    NoteAdded,
    NoteDeleted,
    Tombstone,
    UnknownEventError,
    event_from_record,
    legacy_copies_text,
)
from codev_tui.core.script import (
    PhaseScript,
    ScriptError,
    dotted_too_deep,
    script_from_data,
    script_to_data,
)
from codev_tui.core.session import Roster, Session, SessionError

WallClock = Callable[[], datetime]
"""A clock returning an aware UTC datetime, injected so tests control time."""

_RECORD_HEAD = b"[[events]]\n"
_RECORD_HEAD_LEN = len(_RECORD_HEAD)
_CRC_WIDTH = len(b'crc = "00000000"\n')
_SCHEMA_LINE = re.compile(rb"(?m)^schema = [0-9]+$")
_JSON = json.JSONDecoder(strict=False)  # a tab stays raw in a TOML string
_FIELD_LINES = tuple(
    (f"\n{key} = ".encode(), f'\n,"{key}":'.encode())
    for key in sorted({"crc", *FIELD_NAMES, *(f"{name}__b64" for name in FIELD_NAMES)})
)
"""Each field line's start in a record, and the same as a JSON object member."""
_PLAIN_FIELD_LINES = tuple(pair for pair in _FIELD_LINES if b"__b64" not in pair[0])
_CRC_LINE = re.compile(rb'(?m)^crc = "([0-9a-f]{8})"\n')
_B64_SUFFIX = "__b64"
_HEADER_CRC_MARK = b'\n# header crc = "'
_HEADER_CRC_WIDTH = len(b'# header crc = "00000000"\n')
SESSION_MARK = b"# codev-tui session file"
"""How every session file starts (its first comment line)."""
_SALVAGE_HINT = "`codev export --salvage` writes out what can still be read"
_SURROGATE = re.compile("[\ud800-\udfff]")


class SaveError(Exception):
    """Saving failed (disk full, read-only folder...); what was saved before is intact."""


class LockedError(SessionError):
    """The session is already open for writing by another process."""


class NewerFileError(SessionError):
    """A session file made by a newer codev (newer schema, unknown event): never touched."""


def _damage(path: Path, line: int, what: str) -> SessionError:
    """The one-line error for damage at `line` of a session file, naming the way out."""
    return SessionError(f"{path}:{line}: {what}; the file was left untouched ({_SALVAGE_HINT})")


def utc_now() -> datetime:
    """The default wall clock."""
    return datetime.now(UTC)


def slugify(text: str, limit: int = 40) -> str:
    """An ASCII file-name slug of a topic: `Gérer un conflit !` -> `gerer-un-conflit`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "session"


def _encode_strings(data: dict[str, Any]) -> dict[str, Any]:
    """Strings TOML cannot hold (lone surrogates) are stored as `<key>__b64`, read back exactly.

    Inside lists (the consultants' names) a lone surrogate becomes U+FFFD instead.
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            raw = value.encode("utf-8", "surrogatepass")
            out[key + _B64_SUFFIX] = base64.b64encode(raw).decode("ascii")
            continue
        if isinstance(value, list):
            value = [_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for v in value]
        out[key] = value
    return out


class _Base64Error(ValueError):
    """A `<key>__b64` field that is not base64 of UTF-8 text (a damaged or crafted file)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"{key}: not valid base64 of UTF-8 text")
        self.key = key


def _decode_strings(data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `_encode_strings`."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key.endswith(_B64_SUFFIX) and isinstance(value, str):
            try:
                raw = base64.b64decode(value, validate=True)
                out[key[: -len(_B64_SUFFIX)]] = raw.decode("utf-8", "surrogatepass")
            except ValueError:  # binascii.Error, UnicodeDecodeError
                raise _Base64Error(key) from None
        else:
            out[key] = value
    return out


def header_crc_line(header: bytes) -> bytes:
    """The header's last line: the CRC-32 of the header's bytes before it.

    The `schema = N` line is left out of the sum: it is read and checked on its own first
    (a newer codev's file is named as such), and it is the one header line codev rewrites
    (bringing a schema 1 file to schema 2).
    """
    return b'# header crc = "%08x"\n' % zlib.crc32(_SCHEMA_LINE.sub(b"", header, count=1))


def encode_record(event: Event | dict[str, Any]) -> bytes:
    """One event (or a record's fields) as TOML bytes, ending with its checksum line."""
    import tomli_w  # here: opening a session to show it writes nothing

    fields = event.to_record() if isinstance(event, Event) else event
    body = tomli_w.dumps(_encode_strings(fields)).encode("utf-8")
    record = _RECORD_HEAD + body
    return record + b'crc = "%08x"\n' % zlib.crc32(record)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_file(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write `data` to `path`, mode 0600, fsync'd; `exclusive` refuses a file already there."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: temp file in the same folder, fsync, rename, fsync folder."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write_private_file(tmp, data)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SaveError(f"could not save {path.name}: {exc.strerror or exc}") from None


def ensure_private_dir(folder: Path) -> None:
    """Create the session folder, and each missing folder above it, readable by its owner only
    (0700, whatever the umask).

    Only `folder` (the data folder codev owns) and the folders made here are changed: an existing
    `folder` loses its group and other permissions, but is never given more (a folder made
    read-only on purpose stays read-only); a folder above it that was there is never touched.
    An existing shared folder (sticky, like /tmp) or another user's is refused, never changed.
    """
    folder = Path(os.path.realpath(folder))  # `shared/new/..` is `shared`, and is not new
    try:
        missing = []
        at = folder
        while not at.exists() and at != at.parent:
            missing.append(at)
            at = at.parent
        for new in reversed(missing):
            try:
                new.mkdir(mode=0o700)
            except FileExistsError:
                continue  # made by another process meanwhile: not ours to change
            new.chmod(0o700)  # mkdir's mode went through the umask
        info = folder.stat()
        if not missing and (info.st_mode & stat.S_ISVTX or info.st_uid != os.geteuid()):
            # A shared folder (/tmp, 1777) or somebody else's: making it private would take it
            # from the others, and leaving it open would show every session's name (its topic).
            raise SaveError(
                f"cannot keep sessions in {folder}: a shared folder, or another user's; "
                "give codev a folder of its own (CODEV_DATA_DIR)"
            )
        mode = info.st_mode & 0o777
        if mode & 0o077:
            folder.chmod(mode & 0o700)
    except OSError as exc:
        raise SaveError(f"cannot use the folder {folder}: {exc.strerror or exc}") from None


def _real_session_path(path: Path) -> Path:
    """The real path of an existing session file (symbolic links resolved), or a SessionError;
    nothing is created or changed."""
    real = Path(os.path.realpath(path))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise SessionError(f"{path}: no such session file") from None
    except OSError as exc:
        raise SessionError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise SessionError(f"{path}: not a regular file, not a session file")
    links = info.st_nlink
    if links > 1:
        # Each name would get its own lock file, and a repair or a deletion (an atomic
        # rewrite) would split the session in two files, each opened by its own codev.
        raise SessionError(
            f"{path}: this session file has {links} names (hard links); "
            "keep one (remove the others) to open it"
        )
    return real


def side_stem(path: Path) -> str:
    """The start of the name of a file made beside a session (`.recovered-…`, `.rescue-…`):
    the session's stem, cut so that the whole name stays under the 255 bytes a file name
    may take."""
    stem = path.stem
    while len(stem.encode("utf-8", "surrogateescape")) > 180:
        stem = stem[:-1]
    return stem


def _in_data_dir(path: Path) -> bool:
    """Whether `path` is in the data folder codev owns (the only folder it makes private)."""
    from codev_tui import locations  # here: only opening a session needs it

    return path.parent == Path(os.path.realpath(locations.data_dir()))


class _Parsed:
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
            raise SessionError(f"{path}: no such session file") from None
        except OSError as exc:
            raise SessionError(f"{path}: cannot read ({exc.strerror or exc})") from None
        cr = self.raw.find(b"\r")
        if cr >= 0:
            # codev never writes a CR (tomli_w escapes it in text): the file was converted to
            # CR LF line ends or edited. Records would no longer be found, nor checked.
            if not salvage:
                raise _damage(
                    self.path,
                    self.line_at(cr),
                    "a carriage return, which codev never writes (converted to CR LF line ends?)",
                )
            self.raw = self.raw.replace(b"\r\n", b"\n")  # the same lines, the same numbers
            self.crlf = True
        starts = _line_starts(self.raw, _RECORD_HEAD)
        if salvage:
            # Damage without a line break (a block of zeros, a line cut in the middle) ends
            # the line before a good record: a record head is looked for anywhere (a raw line
            # break is never inside a value, so `[[events]]` and its line break start one).
            starts = _occurrences(self.raw, _RECORD_HEAD)
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
        width = _CRC_WIDTH
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
        raise _damage(
            self.path, self.line_at(offset), "damaged record (its checksum does not match)"
        )

    def _header_before(self, stray: int) -> int:
        """With salvage, where the header ends when a damaged record's first line hides the
        record inside it (a checksum line at `stray`): after the header's checksum line, or
        else before the line that precedes the record's `seq`."""
        mark = self.raw.rfind(_HEADER_CRC_MARK, 0, stray)
        if mark >= 0:
            return self.raw.index(b"\n", mark + 1) + 1
        seq = self.raw.rfind(b"\nseq = ", 0, stray)
        if seq < 0:
            raise SessionError(f"{self.path}: the header cannot be told from the records")
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
        schema = _SCHEMA_LINE.search(raw, 0, end)
        if schema and int(schema.group()[9:]) > SCHEMA:
            return  # a newer codev's file, which may sum its header otherwise: it says so
        if self.salvage:
            self.header_changed = True
            return
        raise _damage(
            self.path,
            self.line_at(mark + 1),
            "the header was changed (its checksum does not match)",
        )

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
                raise SessionError(f"{self.path}:{line}: nested too deeply, not a session header")
            return tomllib.loads(decoded)
        except UnicodeDecodeError as exc:
            line = self.line_at(exc.start)
            raise SessionError(f"{self.path}:{line}: not valid UTF-8 text") from None
        except tomllib.TOMLDecodeError as exc:
            raise SessionError(f"{self.path}: not a readable session file ({exc})") from None
        except RecursionError:
            raise SessionError(
                f"{self.path}:{_deepest_line(text)}: nested too deeply, not a session header"
            ) from None

    def events(self) -> Iterator[Event]:
        """Every complete record as its typed event."""
        records = self._records_at_once()
        if records is None:
            records = (self._record(start, end) for start, end in self.records)
        for (start, _), record in zip(self.records, records, strict=True):
            try:
                yield event_from_record(record)
            except UnknownEventError as exc:
                raise NewerFileError(
                    f"{self.path}:{self.line_at(start)}: made by a newer codev "
                    f"(event type {exc.kind!r}, unknown to schema {SCHEMA}), please upgrade; "
                    "the file was left untouched"
                ) from None
            except EventError as exc:
                raise SessionError(
                    f"{self.path}:{self.line_at(start)}: {exc}; the file was left untouched"
                ) from None

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
        for name in (key, key + _B64_SUFFIX):
            at = raw.find(b"\n%s = " % name.encode(), max(table, 0), end)
            if at >= 0:
                return self.line_at(at + 1)
        return self.line_at(table + 1) if table >= 0 else 1

    def _record(self, start: int, end: int) -> dict[str, Any]:
        try:
            return decode_record(self.raw[start:end])
        except UnicodeDecodeError as exc:
            line = self.line_at(start + _RECORD_HEAD_LEN + exc.start)
            raise _damage(self.path, line, "not valid UTF-8 text") from None
        except ValueError as exc:  # not TOML; a __b64 field that is not base64
            line = self.line_at(start)
            raise _damage(self.path, line, f"not a readable record ({exc})") from None
        except RecursionError:
            raise _damage(self.path, self.line_at(start), "record nested too deeply") from None

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
                records = [_decode_strings(r) for r in records]
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


def decode_record(chunk: bytes) -> dict[str, Any]:
    """The fields of one `[[events]]` record, its checksum line left out.

    Records are written by tomli_w in one known shape (`key = value` lines of strings, numbers,
    booleans and times), read here without a general TOML parser; anything else goes to tomllib.
    """
    body = chunk[_RECORD_HEAD_LEN : chunk.rindex(b"crc = ")].decode("utf-8")
    record: dict[str, Any] = {}
    for line in body.split("\n"):
        if not line:
            continue
        key, sep, value = line.partition(" = ")
        parsed = _scalar(value) if sep and _BARE_KEY.fullmatch(key) else _UNKNOWN
        if parsed is _UNKNOWN:
            if dotted_too_deep(body):
                raise ValueError("a dotted key nested too deeply")
            return _decode_strings(tomllib.loads(body))
        record[key] = parsed
    return _decode_strings(record)


_UNKNOWN = object()
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INT = re.compile(r"-?[0-9]{1,18}")
_FLOAT = re.compile(r"-?[0-9]+\.[0-9]+(?:e[+-][0-9]+)?|-?[0-9]+e[+-][0-9]+")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}"
    r"(?:\.[0-9]{1,6})?(?:[+-][0-9]{2}:[0-9]{2})?"
)


def _scalar(value: str) -> Any:
    """One value as tomli_w writes it, or _UNKNOWN (tomllib then reads the record)."""
    first = value[:1]
    if first == '"':
        # A TOML basic string as tomli_w writes it is a JSON string, escapes included.
        if "\\U" in value:
            return _UNKNOWN
        try:
            text, end = _scanstring(value, 1, False)
        except ValueError:
            return _UNKNOWN
        return text if end == len(value) else _UNKNOWN
    if value == "true":
        return True
    if value == "false":
        return False
    if len(value) > 18 and value[10:11] == " " and _DATETIME.fullmatch(value):
        return datetime.fromisoformat(value)
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return _UNKNOWN


_READ_ERRORS = (
    RecursionError,
    MemoryError,
    ValueError,
    TypeError,
    LookupError,
    AttributeError,
    OverflowError,
)
"""What reading a crafted or damaged file may raise anywhere; it is reported as damage."""


def _load_session(parsed: _Parsed) -> tuple[Session, int]:
    """Build the session from the header and fold the events; the file's schema with it.

    Whatever the file holds, reading it raises SessionError (naming the file, and the line
    where it can) and nothing else: one unreadable file never stops `codev` or `codev list`.
    """
    try:
        return _fold(parsed)
    except _READ_ERRORS as exc:
        raise SessionError(
            f"{parsed.path}: not a readable session file ({type(exc).__name__})"
        ) from None


def _fold(parsed: _Parsed) -> tuple[Session, int]:
    path = parsed.path
    parsed.check_header()
    data = parsed.header()
    schema = data.get("schema")
    if type(schema) is int and schema > SCHEMA:
        raise NewerFileError(
            f"{path}: made by a newer codev: schema {schema}, please upgrade; "
            "the file was left untouched"
        )
    if schema not in READABLE_SCHEMAS or type(schema) is not int:
        raise SessionError(f"{path}: schema: expected {SCHEMA}, this is not a codev session file")
    try:
        script = script_from_data(data.get("script", {}), f"{path} [script]")
    except ScriptError as exc:
        raise SessionError(exc.problems[0]) from None
    session = _session_from_header(parsed, data.get("session"), script)
    if parsed.salvage:
        for line, event in parsed.salvaged_events():
            try:
                session.apply(event)
                parsed.read_events += 1
            except (SessionError, *_READ_ERRORS):
                parsed.skipped.append(line)
        return session, schema
    for n, event in enumerate(parsed.events()):
        try:
            session.apply(event)
        except (SessionError, *_READ_ERRORS) as exc:
            what = str(exc) if isinstance(exc, SessionError) else type(exc).__name__
            line = parsed.line_at(parsed.records[n][0])
            raise _damage(path, line, f"an event that cannot be applied ({what})") from None
    return session, schema


_HEAD_TEXTS = ("topic", "group", "facilitator", "client", "practice_role")


def _session_from_header(parsed: _Parsed, head: Any, script: PhaseScript) -> Session:
    """The session the header's [session] table describes; each field of the right type."""
    path = parsed.path
    if type(head) is not dict:
        line = parsed.header_line("session")
        raise SessionError(f"{path}:{line}: [session]: missing, not a codev session file")

    def bad(key: str, problem: str, line: int | None = None) -> SessionError:
        line = line or parsed.header_line(key)
        return SessionError(f"{path}:{line}: session.{key}: {problem}")

    try:
        head = _decode_strings(head)
    except _Base64Error as exc:
        line = parsed.header_line(exc.key)
        raise bad(exc.key[: -len(_B64_SUFFIX)], "not valid base64 of UTF-8 text", line) from None
    for key in _HEAD_TEXTS:
        if type(head.get(key, "")) is not str:
            raise bad(key, "not a text")
    ident, created = head.get("id"), head.get("created")
    if type(ident) is not str or not ident:
        raise bad("id", "missing or not a text")
    if type(created) is not datetime or created.tzinfo is None:
        raise bad("created", "missing or not a date and time with its offset")
    if not PLAUSIBLE_YEARS[0] <= created.year <= PLAUSIBLE_YEARS[1]:
        raise bad("created", f"the year {created.year} is not a session's")
    lang = head.get("lang", script.script.lang)
    if type(lang) is not str or lang not in ("fr", "en"):
        raise bad("lang", "expected fr or en")
    consultants = head.get("consultants", [])
    if type(consultants) is not list or any(type(c) is not str for c in consultants):
        raise bad("consultants", "not a list of names")
    practice, speed = head.get("practice", False), head.get("speed", 1.0)
    if type(practice) is not bool:
        raise bad("practice", "expected true or false")
    if type(speed) not in (int, float) or not 0.1 <= speed <= 100:  # as `practice --speed`
        raise bad("speed", "not a number from 0.1 to 100")
    roster = Roster(
        topic=head.get("topic", ""),
        group=head.get("group", ""),
        facilitator=head.get("facilitator", ""),
        client=head.get("client", ""),
        consultants=consultants,
    )
    return Session(
        id=ident,
        created=created,
        lang=lang,
        script=script,
        roster=roster,
        practice=practice,
        practice_role=head.get("practice_role", ""),
        speed=float(speed),
    )


def default_minutes_path(session_path: Path) -> Path:
    """The minutes beside their session file: same folder, same name, `.md`."""
    return Path(session_path).with_suffix(".md")


def read_session(path: Path) -> Session:
    """Load a session for reading only (export, list): a torn tail is ignored, never repaired."""
    return _load_session(_Parsed(path))[0]


@dataclass(frozen=True)
class Salvaged:
    """What `salvage_session` could read of a damaged session file."""

    session: Session
    events: int
    """Events read and applied."""
    skipped: list[int]
    """The first line of each record (or header part) left out, in order."""
    header_changed: bool
    """The header's checksum did not match: it was read all the same."""
    crlf: bool
    """The file had CR LF line ends: it was read as if converted back."""


def salvage_session(path: Path) -> Salvaged:
    """Read whatever can still be read of a damaged session (for its minutes), never writing
    to it: records that fail their checksum, do not decode or cannot be applied are left out
    and counted. The header must still be readable: it holds the script and the roster."""
    parsed = _Parsed(path, salvage=True)
    session = _load_session(parsed)[0]
    return Salvaged(
        session, parsed.read_events, sorted(parsed.skipped), parsed.header_changed, parsed.crlf
    )


class SessionFile:
    """A session open for writing: holds the lock, appends events, keeps the folded state."""

    def __init__(
        self, path: Path, session: Session, lock_fd: int, now: WallClock, written: bytes
    ) -> None:
        """`written`: the file's bytes as just read or written by `open` or `create` (the file
        is read again only if its size says it is not them)."""
        self.path = path
        self.session = session
        self._lock_fd = lock_fd
        self._now = now
        self._seq = session.last_seq
        self._next_note = session.next_note_id
        self.repaired: Path | None = None
        self.replaced: Path | None = None
        """The path this session was first written at, once another program replaced (or
        removed, or changed) the file there: `path` is then the new file holding the session."""
        self.lost = ""
        """Why the session could not be kept at all: its file was replaced and no new file
        could be written (set by `close`; the app then writes a rescue file)."""
        try:
            self._fd = os.open(path, os.O_RDWR | os.O_APPEND)
        except OSError as exc:
            raise SaveError(f"cannot write to {path.name}: {exc.strerror or exc}") from None
        try:
            _hold(self._fd, path)
            info = os.fstat(self._fd)
            same = info.st_size == len(written)
            self._log = bytearray(written) if same else _read_all(self._fd)
            self._ctime = info.st_ctime_ns
        except BaseException:
            os.close(self._fd)
            raise
        self._size = len(self._log)
        self._dirty = False  # bytes past _size that a failed write could not cut back

    @property
    def saved(self) -> bytes:
        """The session file's bytes as codev wrote them (what is acknowledged)."""
        return bytes(self._log)

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        script: PhaseScript,
        roster: Roster,
        *,
        lang: str | None = None,
        practice: bool = False,
        practice_role: str = "",
        speed: float = 1.0,
        now: WallClock = utc_now,
    ) -> SessionFile:
        """Write a new session file's header atomically and open it for writing."""
        ensure_private_dir(folder)
        created = now()
        local = created.astimezone()
        folder = Path(os.path.realpath(folder))
        path, lock_fd = _claim_name(folder, f"{local:%Y-%m-%d_%H%M}_{slugify(roster.topic)}")
        import uuid  # only here: opening a session never needs it

        head: dict[str, Any] = {
            "id": uuid.uuid4().hex,
            "created": created,
            "lang": lang or script.script.lang,
            "topic": roster.topic,
            "group": roster.group,
            "facilitator": roster.facilitator,
            "client": roster.client,
            "consultants": list(roster.consultants),
            "practice": practice,
            "practice_role": practice_role,
            "speed": float(speed),
        }
        header = {
            "schema": SCHEMA,
            "session": _encode_strings(head),
            "script": script_to_data(script),
        }
        import tomli_w

        text = (
            "# codev-tui session file: private (0600). Written by codev;"
            " do not edit while it runs.\n" + tomli_w.dumps(header)
        ).encode("utf-8")
        try:
            write_atomically(path, text + header_crc_line(text))
            parsed = _Parsed(path)
            return cls(path, _load_session(parsed)[0], lock_fd, now, parsed.raw)
        except BaseException:
            _release_lock(lock_fd, path)
            raise

    @classmethod
    def open(cls, path: Path, now: WallClock = utc_now) -> SessionFile:
        """Open an existing session for writing: lock it, repair a torn tail, fold its events.

        A file of schema 1 is brought to schema 2 (its header says so) before anything new is
        written: an older codev then refuses it rather than misread its new events.

        The file is used at its real path (symbolic links resolved): one lock per real file. A
        missing file is a SessionError and nothing is created; only the data folder codev owns
        is made private, never the folder of a file given from elsewhere.
        """
        path = _real_session_path(path)
        if _in_data_dir(path):
            ensure_private_dir(path.parent)
        lock_fd = _acquire_lock(path)
        try:
            parsed = _Parsed(path)
            session, schema = _load_session(parsed)
            repaired = None
            if parsed.torn:
                repaired = path.with_name(f"{path.name}.torn-{now():%Y%m%dT%H%M%S%f}")
                write_atomically(repaired, parsed.torn)
            written = parsed.raw
            if parsed.torn or schema != SCHEMA:
                header = parsed.raw[: parsed.header_end]
                if schema != SCHEMA:
                    header = _SCHEMA_LINE.sub(b"schema = %d" % SCHEMA, header, count=1)
                written = header + parsed.raw[parsed.header_end : parsed.good_end]
                write_atomically(path, written)
            try:
                if path.stat().st_mode & 0o777 != 0o600:
                    path.chmod(0o600)
            except OSError as exc:
                raise SaveError(f"cannot make {path.name} private: {exc.strerror or exc}") from None
            file = cls(path, session, lock_fd, now, written)
        except BaseException:
            _release_lock(lock_fd, path)
            raise
        file.repaired = repaired
        return file

    def close(self) -> None:
        """Release the file and its lock (the lock file goes).

        A file replaced (or removed, or changed) since the last write is found out here too:
        the session then goes to a new file beside it, as a write would have done, and if no
        new file can be written, `lost` says why (what was saved is still in `saved`).
        """
        if self._fd >= 0:
            try:
                if self._replaced():
                    self._move_to_new_file(b"")
            except SaveError as exc:
                self.lost = str(exc)
            os.close(self._fd)
            self._fd = -1
            _release_lock(self._lock_fd, self.path)

    def __enter__(self) -> SessionFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def make_event(self, type_: str, **fields: Any) -> Event:
        """A new event with its sequence number and UTC time; not yet written.

        A note without an id gets the next one.
        """
        cls = EVENTS.get(type_)
        if cls is None or cls.legacy:
            raise ValueError(f"unknown event type {type_!r}")
        if cls is NoteAdded:
            fields.setdefault("id", self._next_note)
            self._next_note = max(self._next_note, int(fields["id"]) + 1)
        self._seq += 1
        return cls(seq=self._seq, t=self._now(), **fields)

    def write(self, event: Event) -> None:
        """Put one event on disk; raise SaveError on failure, keeping what was saved intact.

        A note's deletion rewrites the file without any of the note's text (`_purge`). Any
        other event is appended with a single write and an fsync; on failure the file is cut
        back to its last good size.

        Nothing is written to a file that is no longer the one at the path (replaced by another
        program, renamed, removed, changed): the whole session as saved so far and this event
        go to a new file beside it (`_move_to_new_file`), where the session goes on.
        """
        deleting = isinstance(event, NoteDeleted)
        record = b"" if deleting else encode_record(event)
        if self._replaced():
            self._move_to_new_file(record)
            if not deleting:
                return
        if isinstance(event, NoteDeleted):
            self._purge(event)
            return
        try:
            if self._dirty:
                os.ftruncate(self._fd, self._size)
                self._dirty = False
            written = os.write(self._fd, record)
            if written != len(record):
                raise OSError(28, "short write (disk full?)")
            os.fsync(self._fd)
        except OSError as exc:
            self._dirty = True
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
                self._dirty = False
                self._ctime = os.fstat(self._fd).st_ctime_ns  # our own change
            raise SaveError(f"not saved: {exc.strerror or exc}") from None
        self._size += len(record)
        self._log += record
        with contextlib.suppress(OSError):
            self._ctime = os.fstat(self._fd).st_ctime_ns

    def _replaced(self) -> bool:
        """Whether the path no longer names the file written so far, as written: another file
        there (an atomic replace, `codev export -o` on it), none (renamed, removed), or this
        one changed by another program."""
        try:
            mine = os.fstat(self._fd)
            there = os.stat(self.path)
        except FileNotFoundError:
            return True
        except OSError as exc:
            raise SaveError(f"not saved: {exc.strerror or exc}") from None
        if (mine.st_dev, mine.st_ino) != (there.st_dev, there.st_ino):
            return True
        # Changed in place by another program: its size, or its time of change (an edit that
        # keeps the size; the status change time, which no program can set back).
        return not self._dirty and (mine.st_size, mine.st_ctime_ns) != (self._size, self._ctime)

    def _move_to_new_file(self, record: bytes) -> None:
        """Write the session as saved so far, and `record`, to a new file beside the replaced
        one (`<stem>.recovered-<time>.toml`, private, atomic, locked), and go on there."""
        old = self.path
        try:
            path, lock_fd = _claim_name(
                old.parent, f"{side_stem(old)}.recovered-{self._now():%Y%m%dT%H%M%S}"
            )
        except (SaveError, OSError) as exc:
            raise SaveError(
                f"{old.name} was replaced by another program; not saved: {exc}"
            ) from None
        data = bytes(self._log) + record
        try:
            write_atomically(path, data)
            fd = os.open(path, os.O_RDWR | os.O_APPEND)
        except (SaveError, OSError) as exc:
            _release_lock(lock_fd, path)
            raise SaveError(
                f"{old.name} was replaced by another program; not saved: {exc}"
            ) from None
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: nobody else holds it
        os.close(self._fd)
        _release_lock(self._lock_fd, old)
        self._fd, self._lock_fd, self.path = fd, lock_fd, path
        self._log, self._size, self._dirty = bytearray(data), len(data), False
        self._ctime = os.fstat(fd).st_ctime_ns
        self.replaced = self.replaced or old

    def _purge(self, event: NoteDeleted) -> None:
        """Rewrite the file atomically with every event about the note made a tombstone.

        The note's text (as typed and as corrected) is then nowhere in the folder: not in the
        session file, not in the temporary file (it is written without it), not in a side file
        a torn record left (those about the note are removed). The tombstones keep each event's
        place, time and the note's id.
        """
        try:
            parsed = _Parsed(self.path)
            if parsed.raw != self._log:  # changed since the check: never read another's file
                self._move_to_new_file(b"")
                parsed = _Parsed(self.path)
            events = list(parsed.events())
            records = [
                (parsed.raw[a:b], e) for (a, b), e in zip(parsed.records, events, strict=True)
            ]
        except SessionError as exc:
            raise SaveError(f"not deleted: {exc}") from None
        texts = {
            text
            for _, e in records
            if e.note_id == event.note and (text := getattr(e, "text", None))
        }
        pieces = [parsed.raw[: parsed.header_end]]
        for chunk, old in records:
            # Tombstones and earlier deletions hold no text: they stay as they are.
            about = old.note_id == event.note and not isinstance(old, Tombstone | NoteDeleted)
            if about or legacy_copies_text(old, texts):
                chunk = encode_record(
                    Tombstone(seq=old.seq, t=old.t, note=event.note, was=old.type)
                )
            pieces.append(chunk)
        if not records or records[-1][1].seq != event.seq:  # a retry may find it written
            pieces.append(encode_record(event))
        data = b"".join(pieces)
        write_atomically(self.path, data)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the new file, which is ours
        except OSError as exc:
            raise SaveError(f"cannot write to {self.path.name}: {exc.strerror or exc}") from None
        os.close(self._fd)
        self._fd, self._size, self._dirty = fd, len(data), False
        self._log = bytearray(data)
        self._ctime = os.fstat(fd).st_ctime_ns
        self._forget_in_side_files(event.note, texts)

    def _forget_in_side_files(self, note: int, texts: set[str]) -> None:
        """Remove the torn records set aside earlier that were about the deleted note, any
        temporary file a crash left behind (it may hold the whole session) and the minutes
        written beside the session (they may show the note in many forms: F3 writes them
        again)."""
        marks = [b"\nid = %d\n" % note, b"\nnote = %d\n" % note]
        for text in texts:
            # The value as a record holds it, whatever its field (a text TOML cannot hold is
            # stored base64-encoded): `x = "…"\n` gives `"…"\n`.
            line = encode_record({"x": text})[_RECORD_HEAD_LEN:-_CRC_WIDTH]
            marks.append(line.partition(b" = ")[2])
        import glob

        name = glob.escape(self.path.name)
        torn = list(self.path.parent.glob(f"{name}.torn-*"))
        whatever_they_hold = [
            *self.path.parent.glob(f".{name}.*.tmp"),
            default_minutes_path(self.path),
        ]
        for side in [*torn, *whatever_they_hold]:
            try:
                if side in whatever_they_hold or any(m in side.read_bytes() for m in marks):
                    side.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise SaveError(f"cannot remove {side.name}: {exc.strerror or exc}") from None
        with contextlib.suppress(OSError):
            fsync_dir(self.path.parent)

    def record(self, type_: str, **fields: Any) -> Event:
        """Make, write and fold one event: on return it is on disk."""
        event = self.make_event(type_, **fields)
        self.write(event)
        self.session.apply(event)
        return event


def _hold(fd: int, path: Path) -> None:
    """Lock the open session file itself, besides its lock file: the same file under another
    name (a hard link) has another lock file, but not another inode."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise LockedError(
            f"{path.name} is already open in another codev (under another name); "
            "close it there first"
        ) from None


def _read_all(fd: int) -> bytearray:
    """The whole content of an open file."""
    data = bytearray()
    while chunk := os.pread(fd, 1 << 20, len(data)):
        data += chunk
    return data


def _claim_name(folder: Path, stem: str) -> tuple[Path, int]:
    """A new file name in `folder` (`stem.toml`, else `stem-2.toml`...) and its lock, taken
    before the file exists: another codev may create the same name at the same time."""
    path = folder / f"{stem}.toml"
    n = 2
    while True:
        lock_fd = None
        if not path.exists():
            with contextlib.suppress(LockedError):
                lock_fd = _acquire_lock(path)
        # Another codev may have created this name since the check: never write over it.
        if lock_fd is not None and not path.exists():
            return path, lock_fd
        if lock_fd is not None:
            _release_lock(lock_fd, path)
        path = folder / f"{stem}-{n}.toml"
        n += 1


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


_LOCK_CONTENT = re.compile(rb"[0-9]*\n?")
"""What a lock file holds: its holder's process id, or nothing yet."""


def _acquire_lock(path: Path) -> int:
    """Take the session's lock (`.NAME.lock` beside it); an abandoned lock (its process died)
    is taken over.

    The lock file is never followed when it is a symbolic link, never truncated nor written
    when it is not one codev made (another owner, another name for the same file, other
    content): those are refused. A lock file is removed when released, so once the lock is
    taken the path must still name the file locked; if it does not, the holder removed it
    meanwhile and the lock is taken again on the new file.
    """
    lock = _lock_path(path)
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise SaveError(
                    f"cannot lock {path.name}: {lock} is a symbolic link, not codev's lock file; "
                    "remove it"
                ) from None
            raise SaveError(f"cannot lock {path.name}: {exc.strerror or exc}") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise LockedError(
                    f"{path.name} is already open in another codev (process {_holder(fd)}); "
                    "close it there first"
                ) from None
            mine = os.fstat(fd)
            if _names(lock, mine):
                if not _is_lock_file(fd, mine):
                    raise SaveError(
                        f"cannot lock {path.name}: {lock} is not codev's lock file (another "
                        "owner, another link or other content); remove it"
                    )
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # its holder removed it between our open and our lock: again
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def _holder(fd: int) -> str:
    """The process id a lock file holds, as far as it can be read."""
    try:
        return os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


def _is_lock_file(fd: int, st: os.stat_result) -> bool:
    """Whether an open file is one codev made to lock: a regular file of ours, of one name,
    holding a process id or nothing."""
    if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or st.st_nlink != 1:
        return False
    return st.st_size <= 32 and _LOCK_CONTENT.fullmatch(os.pread(fd, 32, 0)) is not None


def _names(path: Path, st: os.stat_result) -> bool:
    """Whether `path` (not followed) is the file `st` describes."""
    try:
        there = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (there.st_dev, there.st_ino) == (st.st_dev, st.st_ino)


def _release_lock(fd: int, path: Path) -> None:
    """Remove the lock file of the session at `path`, then release it.

    Removed while still held, and only when its name is still the file locked: a process that
    opened it meanwhile finds, once it has the lock, that the name is gone, and tries again.
    """
    lock = _lock_path(path)
    with contextlib.suppress(OSError):
        if _names(lock, os.fstat(fd)):
            lock.unlink()
    with contextlib.suppress(OSError):
        os.close(fd)


def list_sessions(folder: Path) -> list[Path]:
    """Session files in `folder`, most recent first."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.toml") if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def latest_session(folder: Path) -> Path | None:
    """The most recent session file in `folder`: not a phase script or another TOML file kept
    there. A damaged session file counts: opening it says what is wrong."""
    for path in list_sessions(folder):
        try:
            if is_session_file(path):
                return path
        except OSError:
            continue
    return None


def is_session_file(path: Path) -> bool:
    """A cheap look at the first bytes: a codev session starts with its comment line, or at
    least has its `schema` line and `[session]` table there."""
    with path.open("rb") as file:
        head = file.read(4096)
    return head.startswith(SESSION_MARK) or (
        _SCHEMA_LINE.search(head) is not None and b"\n[session]" in head
    )
