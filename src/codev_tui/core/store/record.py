"""The bytes of a session file: its records (TOML, one checksum line each) and header checksum."""

from __future__ import annotations

import base64
import re
import tomllib
import zlib
from datetime import datetime
from json.decoder import scanstring as _scanstring
from typing import Any

from codev_tui.core.events import Event
from codev_tui.core.script import dotted_too_deep

RECORD_HEAD = b"[[events]]\n"
RECORD_HEAD_LEN = len(RECORD_HEAD)
CRC_WIDTH = len(b'crc = "00000000"\n')
SCHEMA_LINE = re.compile(rb"(?m)^schema = [0-9]+$")
B64_SUFFIX = "__b64"
SESSION_MARK = b"# codev-tui session file"
"""How every session file starts (its first comment line)."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_strings(data: dict[str, Any]) -> dict[str, Any]:
    """Strings TOML cannot hold (lone surrogates) are stored as `<key>__b64`, read back exactly.

    Inside lists (the consultants' names) a lone surrogate becomes U+FFFD instead.
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            raw = value.encode("utf-8", "surrogatepass")
            out[key + B64_SUFFIX] = base64.b64encode(raw).decode("ascii")
            continue
        if isinstance(value, list):
            value = [toml_text(v) if isinstance(v, str) else v for v in value]
        out[key] = value
    return out


def toml_text(value: str) -> str:
    """Text TOML can hold: a lone surrogate (pasted from a broken source) becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


class Base64Error(ValueError):
    """A `<key>__b64` field that is not base64 of UTF-8 text (a damaged or crafted file)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"{key}: not valid base64 of UTF-8 text")
        self.key = key


def decode_strings(data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `encode_strings`."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key.endswith(B64_SUFFIX) and isinstance(value, str):
            try:
                raw = base64.b64decode(value, validate=True)
                out[key[: -len(B64_SUFFIX)]] = raw.decode("utf-8", "surrogatepass")
            except ValueError:  # binascii.Error, UnicodeDecodeError
                raise Base64Error(key) from None
        else:
            out[key] = value
    return out


def header_crc_line(header: bytes) -> bytes:
    """The header's last line: the CRC-32 of the header's bytes before it.

    The `schema = N` line is left out of the sum: it is read and checked on its own first
    (a newer codev's file is named as such), and it is the one header line codev rewrites
    (bringing a schema 1 file to schema 2).
    """
    return b'# header crc = "%08x"\n' % zlib.crc32(SCHEMA_LINE.sub(b"", header, count=1))


def encode_record(event: Event | dict[str, Any]) -> bytes:
    """One event (or a record's fields) as TOML bytes, ending with its checksum line."""
    import tomli_w  # here: opening a session to show it writes nothing

    fields = event.to_record() if isinstance(event, Event) else event
    body = tomli_w.dumps(encode_strings(fields)).encode("utf-8")
    record = RECORD_HEAD + body
    return record + b'crc = "%08x"\n' % zlib.crc32(record)


def decode_record(chunk: bytes) -> dict[str, Any]:
    """The fields of one `[[events]]` record, its checksum line left out.

    Records are written by tomli_w in one known shape (`key = value` lines of strings, numbers,
    booleans and times), read here without a general TOML parser; anything else goes to tomllib.
    """
    body = chunk[RECORD_HEAD_LEN : chunk.rindex(b"crc = ")].decode("utf-8")
    record: dict[str, Any] = {}
    for line in body.split("\n"):
        if not line:
            continue
        key, sep, value = line.partition(" = ")
        parsed = _scalar(value) if sep and _BARE_KEY.fullmatch(key) else _UNKNOWN
        if parsed is _UNKNOWN:
            if dotted_too_deep(body):
                raise ValueError("a dotted key nested too deeply")
            return decode_strings(tomllib.loads(body))
        record[key] = parsed
    return decode_strings(record)


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
