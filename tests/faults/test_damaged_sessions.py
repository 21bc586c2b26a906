"""Session files that are damaged or crafted: refused in one line, never a traceback.

Each case is a real session file changed the way bit rot, a hand edit, a sync tool or a crafted
file would change it, with its checksums made valid again where the case says so (a crafted
file passes a checksum). Then every way of reading it is tried: `read_session` (export, list),
`SessionFile.open` (resume), `codev export`, `codev list` and the setup screen's reading of
recent sessions. A refused file is named with a line, and left as it was.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from codev_tui.cli import main
from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster, SessionError
from codev_tui.core.store import SessionFile, encode_record, read_session

Capsys = pytest.CaptureFixture[str]
DEEP = 600
"""Levels of nesting in a crafted value: more than Python's parsers recurse through."""

HEADER_CRC = re.compile(rb'# header crc = "[0-9a-f]{8}"\n')
SCHEMA_LINE = re.compile(rb"(?m)^schema = [0-9]+$")


# -- helpers ---------------------------------------------------------------------------------------


def make_session(folder: Path, script: PhaseScript, roster: Roster, wall, notes: int = 3) -> Path:
    with SessionFile.create(folder, script, roster, now=wall) as file:
        file.record("phase", index=0, running=True)
        for i in range(notes):
            wall.advance(5)
            file.record("note", phase="expose", kind="note", text=f"note {i}")
        return file.path


def split(raw: bytes) -> tuple[bytes, bytes]:
    """The header (up to the first record) and the records."""
    at = raw.find(b"\n[[events]]\n") + 1 or len(raw)
    return raw[:at], raw[at:]


def reseal_header(header: bytes) -> bytes:
    """A crafted header with a valid checksum: its checksum line computed again (the CRC-32
    of the header before it, its `schema` line left out), or none if it had none."""
    found = HEADER_CRC.search(header)
    if found is None:
        return header
    body = header[: found.start()]
    return body + b'# header crc = "%08x"\n' % zlib.crc32(SCHEMA_LINE.sub(b"", body, count=1))


def craft_header(path: Path, change: Callable[[bytes], bytes]) -> bytes:
    """Change the header of the session at `path`, its checksum still valid; the new bytes."""
    header, records = split(path.read_bytes())
    changed = change(header)
    assert changed != header, "the change did not apply"
    path.write_bytes(reseal_header(changed) + records)
    return path.read_bytes()


def append_record(path: Path, fields: dict | bytes) -> int:
    """Append one record with a valid checksum; the line it starts on."""
    raw = path.read_bytes()
    if isinstance(fields, bytes):
        body = b"[[events]]\n" + fields
        record = body + b'crc = "%08x"\n' % zlib.crc32(body)
    else:
        record = encode_record(fields)
    path.write_bytes(raw + record)
    return raw.count(b"\n") + 1


def refused_everywhere(path: Path, capsys: Capsys, wall, line: int | None = None) -> str:
    """Every reader refuses the file in one line naming it (and `line` when given), the app's
    and the command line's, and nothing touches it; `codev list` lists it and goes on.
    Returns the message."""
    before = path.read_bytes()
    messages = []
    for reader in (lambda: read_session(path), lambda: SessionFile.open(path, now=wall)):
        with pytest.raises(SessionError) as caught:
            reader()
        messages.append(str(caught.value))
    for message in messages:
        assert "\n" not in message
        where = re.match(rf"{re.escape(str(path))}:(\d+): ", message)
        assert where, f"no file and line in {message!r}"
        if line is not None:
            assert int(where.group(1)) == line, message
    capsys.readouterr()
    assert main(["export", str(path), "-o", str(path.with_suffix(".out.md"))]) == 2
    err = capsys.readouterr().err
    assert err.startswith("codev: ") and len(err.splitlines()) == 1, err
    assert not path.with_suffix(".out.md").exists()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert any(path.name in row and "unreadable" in row for row in out.splitlines()), out
    assert path.read_bytes() == before
    beside = {p.name for p in path.parent.iterdir()} - {f".{path.name}.lock"}
    assert beside == {path.name}, "a file was added beside the session"
    return messages[0]


# -- 9. deep nesting -------------------------------------------------------------------------------

DEEP_VALUES = {
    "arrays": b"[" * DEEP + b"]" * DEEP,
    "inline tables": b"{a = " * DEEP + b"1" + b"}" * DEEP,
    "arrays in tables": b"{a = [" * (DEEP // 2) + b"1" + b"]}" * (DEEP // 2),
}


@pytest.mark.parametrize("value", DEEP_VALUES.values(), ids=DEEP_VALUES)
@pytest.mark.parametrize("where", ["[session]", "[script]", "top"])
def test_a_header_nested_too_deeply_is_refused_in_one_line(
    data_dir, script, roster, wall, capsys, value, where
):
    path = make_session(data_dir, script, roster, wall)
    after = b"schema = 2" if where == "top" else where.encode()
    raw = craft_header(path, lambda h: h.replace(after + b"\n", after + b"\nx = " + value + b"\n"))
    line = raw[: raw.index(b"x = [") if b"x = [" in raw else raw.index(b"x = {")].count(b"\n") + 1
    message = refused_everywhere(path, capsys, wall, line)
    assert "nested too deeply" in message


@pytest.mark.parametrize("value", DEEP_VALUES.values(), ids=DEEP_VALUES)
def test_a_record_nested_too_deeply_is_refused_in_one_line(
    data_dir, script, roster, wall, capsys, value
):
    path = make_session(data_dir, script, roster, wall)
    t = b"2026-11-29 10:00:00+00:00"
    line = append_record(path, b'seq = 9\nt = %s\ntype = "pause"\nx = %s\n' % (t, value))
    refused_everywhere(path, capsys, wall, line)


@pytest.mark.parametrize("parts", [40, 20_000])
@pytest.mark.parametrize("where", ["[session]", "top", "a record"])
def test_a_dotted_key_of_thousands_of_parts_is_refused_at_once(
    data_dir, script, roster, wall, capsys, parts, where
):
    """`a.a.a… = 1` nests tables as deeply, and the TOML parser takes time and memory growing
    with the square of its parts (20,000 parts: 38 s and 2.4 GB for `codev list`)."""
    path = make_session(data_dir, script, roster, wall)
    key = b"x." + b".".join([b"a"] * parts) + b" = 1\n"
    if where == "a record":
        t = b"2026-11-29 10:00:00+00:00"
        line = append_record(path, b'seq = 9\nt = %s\ntype = "pause"\n%s' % (t, key))
    else:
        after = b"schema = 2" if where == "top" else where.encode()
        raw = craft_header(path, lambda h: h.replace(after + b"\n", after + b"\n" + key))
        line = raw[: raw.index(b"x.a.a")].count(b"\n") + 1
    message = refused_everywhere(path, capsys, wall, line)
    assert "nested too deeply" in message or "not a readable record" in message


def test_one_unreadable_file_never_blocks_the_others(data_dir, script, roster, wall, capsys):
    """`codev list`, the setup screen's recent rosters: the deep file is skipped or listed as
    unreadable, the good sessions are all there."""
    from codev_tui.core.sessions import past_rosters

    good = make_session(data_dir, script, roster, wall)
    wall.advance(3600)
    bad = make_session(data_dir, script, Roster(topic="deep", group="Autre"), wall)
    craft_header(
        bad,
        lambda h: h.replace(b"[session]\n", b"[session]\nx = " + b"[" * DEEP + b"]" * DEEP + b"\n"),
    )
    latest, by_group = past_rosters(data_dir)
    assert latest == roster and list(by_group) == [roster.group]
    assert main(["list"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(good.name in r and "unreadable" not in r for r in rows)
    assert any(bad.name in r and "unreadable" in r for r in rows)


# -- 12. crafted headers (valid checksums) ---------------------------------------------------------


def _field(key: bytes, value: bytes) -> Callable[[bytes], bytes]:
    """Set a [session] field to a raw TOML value (added when it is not there)."""

    def change(header: bytes) -> bytes:
        line = re.compile(rb"(?m)^" + re.escape(key) + rb" = .*(\n    .*)*(\n\])?$")
        session = header.index(b"[session]\n")
        found = line.search(header, session)
        if found is None:
            return header.replace(b"[session]\n", b"[session]\n%s = %s\n" % (key, value))
        return header[: found.start()] + key + b" = " + value + header[found.end() :]

    return change


def _drop(key: bytes) -> Callable[[bytes], bytes]:
    return lambda h: re.sub(rb"(?m)^" + re.escape(key) + rb" = .*\n", b"", h, count=1)


CRAFTED_HEADERS = {
    "created a string": (_field(b"created", b'"yesterday"'), b"created"),
    "created without offset": (_field(b"created", b"2026-11-29 09:00:00"), b"created"),
    "created a date": (_field(b"created", b"2026-11-29"), b"created"),
    "created a time": (_field(b"created", b"09:00:00"), b"created"),
    "created missing": (_drop(b"created"), b"[session]"),
    "id a number": (_field(b"id", b"12"), b"id"),
    "id missing": (_drop(b"id"), b"[session]"),
    "topic a number": (_field(b"topic", b"3"), b"topic"),
    "topic a table": (_field(b"topic", b"{ a = 1 }"), b"topic"),
    "client an array": (_field(b"client", b'["a"]'), b"client"),
    "consultants a number": (_field(b"consultants", b"5"), b"consultants"),
    "consultants numbers": (_field(b"consultants", b"[1, 2]"), b"consultants"),
    "consultants nested": (_field(b"consultants", b'[["a"]]'), b"consultants"),
    "lang a number": (_field(b"lang", b"5"), b"lang"),
    "lang unknown": (_field(b"lang", b'"de"'), b"lang"),
    "practice a string": (_field(b"practice", b'"yes"'), b"practice"),
    "speed a string": (_field(b"speed", b'"fast"'), b"speed"),
    "speed infinite": (_field(b"speed", b"inf"), b"speed"),
    "speed nan": (_field(b"speed", b"nan"), b"speed"),
    "speed zero": (_field(b"speed", b"0"), b"speed"),
    "speed 1e308": (_field(b"speed", b"1.7976931348623157e308"), b"speed"),
    "speed 1e-10": (_field(b"speed", b"1e-10"), b"speed"),
    "speed negative": (_field(b"speed", b"-2.0"), b"speed"),
    "topic bad base64": (_field(b"topic", b'"x"\ntopic__b64 = "%%%"'), b"topic__b64"),
    "topic base64 of no text": (_field(b"topic", b'"x"\ntopic__b64 = "/w=="'), b"topic__b64"),
    "created in the year 1": (_field(b"created", b"0001-01-01 00:00:00+23:59"), b"created"),
    "created in the year 9999": (_field(b"created", b"9999-12-31 23:59:59-23:59"), b"created"),
    "session not a table": (
        lambda h: h.replace(b"[session]\n", b"session = 5\n[former_session]\n"),
        b"session",
    ),
}


@pytest.mark.parametrize(("change", "key"), CRAFTED_HEADERS.values(), ids=CRAFTED_HEADERS)
def test_a_crafted_header_is_reported_with_its_line(
    data_dir, script, roster, wall, capsys, change, key
):
    path = make_session(data_dir, script, roster, wall)
    raw = craft_header(path, change)
    line = raw[: re.search(rb"(?m)^" + re.escape(key) + rb"( = |$)", raw).start()].count(b"\n") + 1
    refused_everywhere(path, capsys, wall, line)


# -- 12. crafted records (valid checksums) ---------------------------------------------------------

T = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
CRAFTED_RECORDS = {
    "text bad base64": {"seq": 9, "t": T, "type": "note", "id": 9, "phase": "expose",
                        "kind": "note", "text__b64": "%%%"},
    "text base64 of no text": {"seq": 9, "t": T, "type": "note", "id": 9, "phase": "expose",
                               "kind": "note", "text__b64": "/w=="},
    "time without offset": {"seq": 9, "t": datetime(2026, 11, 29, 10, 0), "type": "pause"},
    "time a date": {"seq": 9, "t": T.date(), "type": "pause"},
    "time not a time": {"seq": 9, "t": "soon", "type": "pause"},
    "seq a string": {"seq": "9", "t": T, "type": "pause"},
    "id a string": {"seq": 9, "t": T, "type": "note", "id": "9", "phase": "expose",
                    "kind": "note", "text": "x"},
    "phase out of range": {"seq": 9, "t": T, "type": "phase", "index": 99, "running": True},
    "type a number": {"seq": 9, "t": T, "type": 5},
    "time in the year 1": {"seq": 9, "t": "0001-01-01 00:00:00+23:59", "type": "pause"},
    "time in the year 9999": {"seq": 9, "t": "9999-12-31 23:59:59-23:59", "type": "pause"},
    "adjust nan": {"seq": 9, "t": T, "type": "adjust", "seconds": float("nan")},
    "adjust infinite": {"seq": 9, "t": T, "type": "adjust", "seconds": float("inf")},
    "adjust -infinite": {"seq": 9, "t": T, "type": "adjust", "seconds": float("-inf")},
    "adjust 1e300": {"seq": 9, "t": T, "type": "adjust", "seconds": 1e300},
}  # fmt: skip


@pytest.mark.parametrize("fields", CRAFTED_RECORDS.values(), ids=CRAFTED_RECORDS)
def test_a_crafted_record_is_reported_with_its_line(data_dir, script, roster, wall, capsys, fields):
    path = make_session(data_dir, script, roster, wall)
    line = append_record(path, fields)
    refused_everywhere(path, capsys, wall, line)


# -- 12. the header's checksum ---------------------------------------------------------------------


def _seen(session) -> tuple:
    """Everything read from the header, and the notes."""
    return (
        session.id,
        session.created,
        session.lang,
        session.roster,
        session.script,
        session.practice,
        session.practice_role,
        session.speed,
        [(n.id, n.text) for n in session.notes],
    )


@pytest.mark.slow
def test_every_bit_flip_in_the_header_is_refused_or_changes_nothing(data_dir, script, roster, wall):
    """Flip each bit of a real header in turn: the file is refused in one line naming it, or
    it reads exactly as before (a flip inside a comment: the first line, or the checksum line
    turned into another comment)."""
    path = make_session(data_dir, script, roster, wall)
    raw = path.read_bytes()
    header, _ = split(raw)
    expected = _seen(read_session(path))
    harmless: set[int] = set()
    for offset in range(len(header)):
        for bit in range(8):
            bad = bytearray(raw)
            bad[offset] ^= 1 << bit
            path.write_bytes(bad)
            try:
                got = read_session(path)
            except SessionError as exc:
                assert str(exc).startswith(f"{path}"), exc
                assert "\n" not in str(exc)
                continue
            assert _seen(got) == expected, (offset, bit)
            harmless.add(offset)
    comments = [m.span() for m in re.finditer(rb"(?m)^#.*\n", header)]
    assert all(any(a <= o < b for a, b in comments) for o in harmless), sorted(harmless)


def test_a_sample_of_header_bit_flips_is_refused(data_dir, script, roster, wall):
    """The quick version of the test above: one flip in every data byte of the header."""
    path = make_session(data_dir, script, roster, wall)
    raw = path.read_bytes()
    header, _ = split(raw)
    comments = [m.span() for m in re.finditer(rb"(?m)^#.*\n", header)]
    for offset in range(len(header)):
        if any(a <= offset < b for a, b in comments):
            continue
        bad = bytearray(raw)
        bad[offset] ^= 1 << (offset % 8)
        path.write_bytes(bad)
        with pytest.raises(SessionError, match=re.escape(str(path))):
            read_session(path)


def test_a_header_without_checksum_still_opens(data_dir, script, roster, wall):
    """Files written before the header had a checksum (schema 2 already) open as before."""
    path = make_session(data_dir, script, roster, wall)
    expected = _seen(read_session(path))
    path.write_bytes(HEADER_CRC.sub(b"", path.read_bytes(), count=1))
    assert _seen(read_session(path)) == expected
    with SessionFile.open(path, now=wall) as file:
        file.record("note", phase="expose", kind="note", text="after")
    assert [n.text for n in read_session(path).notes][-1] == "after"


CR_LF = {
    "whole file": lambda raw: raw.replace(b"\n", b"\r\n"),
    "records only": lambda raw: split(raw)[0] + split(raw)[1].replace(b"\n", b"\r\n"),
    "header only": lambda raw: split(raw)[0].replace(b"\n", b"\r\n") + split(raw)[1],
    "one line": lambda raw: raw.replace(b'\ntext = "note 1"\n', b'\ntext = "note 1"\r\n'),
    "a lone CR": lambda raw: raw.replace(b'"note 1"', b'"note\r1"'),
}


@pytest.mark.parametrize("convert", CR_LF.values(), ids=CR_LF)
def test_a_file_with_carriage_returns_is_never_read_unchecked(
    data_dir, script, roster, wall, capsys, convert
):
    """Converted to CR LF line ends (a sync tool, an editor), records were no longer found
    nor checked: a session with no note was shown. It is refused, naming the first CR."""
    path = make_session(data_dir, script, roster, wall)
    raw = convert(path.read_bytes())
    path.write_bytes(raw)
    line = raw[: raw.index(b"\r")].count(b"\n") + 1
    message = refused_everywhere(path, capsys, wall, line)
    assert "carriage return" in message and "--salvage" in message


@pytest.mark.parametrize(
    "text",
    ["Sujet " + "-." * 40 + "-", "voir C:\\Users\\ana " + "-." * 40, "1. 2. " + "a." * 40],
)
def test_a_text_that_looks_like_a_dotted_key_is_read(data_dir, script, wall, text) -> None:
    """As a topic (in the header) and as a note (a record read the slow way for its `\\U`):
    the session opens and every note is there, salvage or not."""
    from codev_tui.core.session import Roster
    from codev_tui.core.store import read_session, salvage_session

    with SessionFile.create(data_dir, script, Roster(topic=text, client="Ana"), now=wall) as file:
        file.record("note", phase="expose", kind="note", text=text + " \\U0001F600")
        path = file.path
    assert read_session(path).roster.topic == text
    assert [n.text for n in read_session(path).notes] == [text + " \\U0001F600"]
    salvaged = salvage_session(path)
    assert not salvaged.skipped and len(salvaged.session.notes) == 1
    with SessionFile.open(path, now=wall) as again:
        assert again.session.note_count == 1
