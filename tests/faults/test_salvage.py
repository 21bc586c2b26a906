"""`codev export --salvage`: the minutes of whatever can still be read of a damaged session.

One edited byte made export and resume refuse the whole file while every other note was on
disk. Salvage reads each record that is still whole, leaves out (and counts, by line) the
others, and never writes to the damaged file. Resume stays strict, and names the way out.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from codev_tui.cli import main
from codev_tui.core.session import SessionError
from codev_tui.core.store import SessionFile, encode_record

Capsys = pytest.CaptureFixture[str]
NOTES = 6


def make_session(folder, script, roster, wall) -> Path:
    with SessionFile.create(folder, script, roster, now=wall) as file:
        file.record("phase", index=0, running=True)
        for i in range(NOTES):
            wall.advance(5)
            file.record("note", phase="expose", kind="note", text=f"note {i}")
        return file.path


def record_at(raw: bytes, n: int) -> tuple[int, int]:
    """(start, first line) of the n-th record (0: the phase, 1 to NOTES: the notes)."""
    start = [m.start() for m in re.finditer(rb"(?m)^\[\[events\]\]\n", raw)][n]
    return start, raw.count(b"\n", 0, start) + 1


def flip_in(n: int, what: bytes = b"note") -> Callable[[bytes], tuple[bytes, list[int]]]:
    """Flip one bit inside the n-th record (in `what`, or in its first line)."""

    def damage(raw: bytes) -> tuple[bytes, list[int]]:
        start, line = record_at(raw, n)
        at = raw.index(what, start) + 1
        bad = bytearray(raw)
        bad[at] ^= 0x01
        return bytes(bad), [line]

    return damage


def several(*damages: Callable) -> Callable[[bytes], tuple[bytes, list[int]]]:
    def damage(raw: bytes) -> tuple[bytes, list[int]]:
        lines: list[int] = []
        for one in damages:
            raw, more = one(raw)
            lines += more
        return raw, sorted(lines)

    return damage


def older_file(damage: Callable) -> Callable[[bytes], tuple[bytes, list[int]]]:
    """The same damage in a file written before the header had its checksum line."""
    return lambda raw: damage(re.sub(rb'(?m)^# header crc = "[0-9a-f]{8}"\n', b"", raw))


def torn_tail(raw: bytes) -> tuple[bytes, list[int]]:
    start, line = record_at(raw, NOTES)
    return raw[: start + 30], [line]


def appended(fields: dict | bytes) -> Callable[[bytes], tuple[bytes, list[int]]]:
    """A record with a valid checksum that still cannot be read, appended."""

    def damage(raw: bytes) -> tuple[bytes, list[int]]:
        if isinstance(fields, bytes):
            body = b"[[events]]\n" + fields
            record = body + b'crc = "%08x"\n' % zlib.crc32(body)
        else:
            record = encode_record(fields)
        return raw + record, [raw.count(b"\n") + 1]

    return damage


T = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
DAMAGES = {
    "one record": (flip_in(3), {2}),
    "two records": (several(flip_in(2), flip_in(5)), {1, 4}),
    "a record's first line": (flip_in(3, b"[[events]]"), {2}),
    "the first record's first line": (flip_in(0, b"[[events]]"), set()),
    "the same, in an older file": (older_file(flip_in(0, b"[[events]]")), set()),
    "the last record, whole": (flip_in(NOTES), {NOTES - 1}),
    "a torn tail": (torn_tail, {NOTES - 1}),
    "the first and last records": (
        several(flip_in(0, b"running"), flip_in(NOTES)), {NOTES - 1}
    ),
    "bad base64": (
        appended({"seq": 99, "t": T, "type": "note", "id": 99, "phase": "expose",
                  "kind": "note", "text__b64": "%%%"}),
        set(),
    ),
    "an event that cannot be applied": (
        appended({"seq": 99, "t": T, "type": "phase", "index": 99, "running": True}), set()
    ),
    "nested too deeply": (
        appended(b'seq = 99\nt = 2026-11-29 12:00:00+00:00\ntype = "pause"\nx = '
                 + b"[" * 600 + b"]" * 600 + b"\n"),
        set(),
    ),
}  # fmt: skip


@pytest.mark.parametrize(("damage", "lost"), DAMAGES.values(), ids=DAMAGES)
def test_salvage_writes_every_readable_note_and_counts_the_rest(
    data_dir, script, roster, wall, capsys, damage, lost
):
    path = make_session(data_dir, script, roster, wall)
    raw = path.read_bytes()
    bad, lines = damage(raw)
    path.write_bytes(bad)
    out = data_dir / "minutes.md"
    before = {p.name for p in data_dir.iterdir()}
    capsys.readouterr()

    assert main(["export", "--salvage", str(path), "-o", str(out)]) == 0

    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    count = len(lines)
    numbers = ", ".join(map(str, lines))
    plural = "s" if count > 1 else ""
    assert f"{count} damaged record{plural} skipped (line{plural} {numbers})" in err, err
    events = raw.count(b"\n[[events]]\n")
    read = events - sum(line <= raw.count(b"\n") for line in lines)  # the records lost
    assert err.rstrip().endswith(f"; {read} events read"), err
    minutes = out.read_text("utf-8")
    kept = [i for i in range(NOTES) if i not in lost]
    assert [i for i in range(NOTES) if f"note {i}\n" in minutes] == kept
    assert path.read_bytes() == bad, "the damaged file was written to"
    assert {p.name for p in data_dir.iterdir()} == before | {out.name}


def test_salvage_of_an_undamaged_file_says_nothing_was_skipped(
    data_dir, script, roster, wall, capsys
):
    path = make_session(data_dir, script, roster, wall)
    capsys.readouterr()
    assert main(["export", "--salvage", str(path), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert f"no damaged record; {NOTES + 1} events read" in err
    assert all(f"note {i}" in out for i in range(NOTES))


CONVERSIONS = {
    "CR LF line ends": (lambda raw: raw.replace(b"\n", b"\r\n"), "CR LF line ends read as LF"),
    "a changed header": (
        lambda raw: raw.replace(b"Ahmed", b"Ahmad", 1),
        "the header was changed since codev wrote it",
    ),
}


@pytest.mark.parametrize(("convert", "said"), CONVERSIONS.values(), ids=CONVERSIONS)
def test_salvage_reads_a_converted_file_and_says_so(
    data_dir, script, roster, wall, capsys, convert, said
):
    path = make_session(data_dir, script, roster, wall)
    bad = convert(path.read_bytes())
    path.write_bytes(bad)
    capsys.readouterr()
    assert main(["export", "--salvage", str(path), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert said in err and f"{NOTES + 1} events read" in err, err
    assert all(f"note {i}" in out for i in range(NOTES))
    assert path.read_bytes() == bad


STRICT = {name: damage for name, (damage, _) in DAMAGES.items() if damage is not torn_tail}
"""A torn tail is what a crash leaves: resume sets it aside and goes on, export ignores it."""


@pytest.mark.parametrize("damage", STRICT.values(), ids=STRICT)
def test_resume_and_export_stay_strict_and_name_salvage(
    data_dir, script, roster, wall, capsys, damage
):
    path = make_session(data_dir, script, roster, wall)
    bad, _ = damage(path.read_bytes())
    path.write_bytes(bad)
    with pytest.raises(SessionError, match="codev export --salvage"):
        SessionFile.open(path, now=wall)
    capsys.readouterr()
    assert main(["export", str(path), "-o", str(data_dir / "m.md")]) == 2
    err = capsys.readouterr().err
    assert "--salvage" in err and len(err.splitlines()) == 1, err
    assert path.read_bytes() == bad and not (data_dir / "m.md").exists()


LINKS = {
    "the file itself": lambda path, dest: None,
    "a symbolic link to it": lambda path, dest: dest.symlink_to(path),
    "a hard link to it": lambda path, dest: os.link(path, dest),
}


@pytest.mark.parametrize("link", LINKS.values(), ids=LINKS)
def test_salvage_never_writes_over_the_damaged_file(data_dir, script, roster, wall, capsys, link):
    path = make_session(data_dir, script, roster, wall)
    bad, _ = flip_in(3)(path.read_bytes())
    path.write_bytes(bad)
    dest = data_dir / "copy.toml"
    link(path, dest)
    target = dest if dest.exists() else path
    capsys.readouterr()
    assert main(["export", "--salvage", str(path), "-o", str(target), "--force"]) == 2
    assert "damaged session itself" in capsys.readouterr().err
    assert path.read_bytes() == bad


def test_many_damaged_records_are_all_counted_and_ten_named(data_dir, script, roster, wall, capsys):
    with SessionFile.create(data_dir, script, roster, now=wall) as file:
        for i in range(30):
            file.record("note", phase="expose", kind="note", text=f"many {i}")
        path = file.path
    raw = path.read_bytes()
    lines = []
    for n in range(0, 30, 2):  # every other note
        raw = flip_in(n, b"many")(raw)[0]
        lines.append(record_at(raw, n)[1])
    path.write_bytes(raw)
    capsys.readouterr()
    assert main(["export", "--salvage", str(path), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    named = ", ".join(map(str, lines[:10]))
    assert f"15 damaged records skipped (lines {named}, …); 15 events read" in err, err
    assert [i for i in range(30) if f"many {i}\n" in out] == list(range(1, 30, 2))


def zeroed(n: int, k: int) -> Callable[[bytes], bytes]:
    """Records n to n+k-1 replaced by zeros, their size kept (power lost while the disk
    wrote them): no line break is left to end the damage before the next record."""

    def damage(raw: bytes) -> bytes:
        start, _ = record_at(raw, n)
        end, _ = record_at(raw, n + k)
        return raw[:start] + b"\0" * (end - start) + raw[end:]

    return damage


def cut_mid_line(n: int) -> Callable[[bytes], bytes]:
    """Record n cut in the middle of a line, the next record right after it."""

    def damage(raw: bytes) -> bytes:
        start, _ = record_at(raw, n)
        end, _ = record_at(raw, n + 1)
        return raw[: start + (end - start) // 2] + raw[end:]

    return damage


@pytest.mark.parametrize(
    ("damage", "lost"),
    [(zeroed(3, 2), {2, 3}), (zeroed(1, 1), {0}), (cut_mid_line(4), {3})],
    ids=["zeros over two records", "zeros over one record", "a record cut mid-line"],
)
def test_salvage_finds_the_good_record_right_after_damage_without_a_line_break(
    data_dir, script, roster, wall, capsys, damage, lost
):
    path = make_session(data_dir, script, roster, wall)
    raw = path.read_bytes()
    path.write_bytes(damage(raw))
    capsys.readouterr()
    assert main(["export", "--salvage", str(path), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    kept = [i for i in range(NOTES) if i not in lost]
    assert [i for i in range(NOTES) if f"note {i}\n" in out] == kept
    events = raw.count(b"\n[[events]]\n")
    assert err.rstrip().endswith(f"; {events - len(lost)} events read"), err
