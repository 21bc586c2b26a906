"""The session file keeps its first promise: nothing typed is ever lost.

Every test here looks at what a facilitator would notice: the notes read back, the file on disk,
the error shown when something goes wrong, and that what was saved before survives it.
"""

from __future__ import annotations

import errno
import os
import pwd
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codev_tui.core import store
from codev_tui.core.events import event_from_record
from codev_tui.core.script_data import script_from_data
from codev_tui.core.session import Roster, SessionError
from codev_tui.core.store import (
    LockedError,
    SaveError,
    SessionFile,
    encode_record,
    lock,
    read_session,
)
from codev_tui.core.store.parse import Parsed
from codev_tui.core.store.record import decode_strings

WRITER = Path(__file__).resolve().parents[1] / "faults" / "writer.py"
RECORD_START = re.compile(rb"(?m)^\[\[events\]\]\n")


# -- helpers ---------------------------------------------------------------------------------------


def note_fields(i: int) -> dict:
    """A varied note: kinds, authors, confidentiality and texts with accents and newlines."""
    return {
        "phase": ("expose", "questions", "plan")[i % 3],
        "kind": ("note", "question", "hypothesis", "suggestion")[i % 4],
        "text": f'Note {i} : « il faut "recadrer" » \\ ligne 1\nligne 2\tfin 🙂' * (1 + i % 3),
        "author": ("", "Claire", "Ahmed", "Béatrice")[i % 4],
        "confidential": i % 5 == 2,
    }


def as_seen(note) -> tuple:
    """What the facilitator sees of a note."""
    return (note.id, note.phase, note.kind, note.text, note.author, note.confidential, note.at)


def new_session(folder, script, roster, wall, notes: int = 0) -> SessionFile:
    file = SessionFile.create(folder, script, roster, now=wall)
    for i in range(notes):
        wall.advance(7.25)
        file.record("note", **note_fields(i))
    return file


def parse(path: Path) -> dict:
    return tomllib.loads(path.read_bytes().decode("utf-8"))


def record_spans(raw: bytes) -> list[tuple[int, int]]:
    """(start, end) byte offsets of every [[events]] record in a session file."""
    starts = [m.start() for m in RECORD_START.finditer(raw)]
    return [(s, starts[n + 1] if n + 1 < len(starts) else len(raw)) for n, s in enumerate(starts)]


def side_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.torn-*"))


@pytest.fixture
def paris(monkeypatch):
    """Local time is Europe/Paris (UTC+1 in November) for file names."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# -- round trip ------------------------------------------------------------------------------------


def test_every_note_reads_back_identically_and_in_order(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=25) as file:
        live = [as_seen(n) for n in file.session.notes]
        path = file.path
    session = read_session(path)
    assert [as_seen(n) for n in session.notes] == live
    expected = [note_fields(i) for i in range(25)]
    assert [
        {
            "phase": n.phase,
            "kind": n.kind,
            "text": n.text,
            "author": n.author,
            "confidential": n.confidential,
        }
        for n in session.notes
    ] == expected
    assert [n.id for n in session.notes] == list(range(1, 26))
    assert session.roster == roster
    assert session.script == script
    assert session.lang == "fr"


def test_the_reread_session_equals_the_live_one(data_dir, script, roster, wall):
    """Everything the screens show (timings, talk time, contract...) survives a restart."""
    with SessionFile.create(data_dir, script, roster, now=wall) as file:
        file.record("phase", index=0, running=True)
        file.record("speaker", name="Claire")
        wall.advance(95.5)
        file.record("note", phase="expose", kind="note", text="Claire expose", author="Claire")
        file.record("note", phase="expose", kind="contract", text="Comment dire non ?")
        file.record("pause")
        wall.advance(60)
        file.record("resume")
        file.record("adjust", seconds=120.0)
        wall.advance(30)
        file.record("phase", index=1, running=True)
        file.record("speaker", name="Ahmed")
        wall.advance(42.125)
        file.record("edit", note=1, confidential=True)
        file.record("note", phase="plan", kind="action", text="Appeler Paul / Claire / lundi")
        file.record("note", phase="plan", kind="learning", text="Écouter d'abord", author="Ahmed")
        file.record("note", phase="plan", kind="evaluation", text="4 Bonne séance")
        file.record("skip", prompt="Qu'attends-tu ?")
        wall.advance(10)
        file.record("end")
        live = file.session
        path = file.path
    assert read_session(path) == live
    assert live.talk == {"Claire": 125.5, "Ahmed": 52.125}
    assert live.notes[0].confidential is True
    assert live.contract == "Comment dire non ?"
    assert [(a.what, a.who, a.due) for a in live.actions] == [("Appeler Paul", "Claire", "lundi")]
    assert [(x.who, x.what) for x in live.learnings] == [("Ahmed", "Écouter d'abord")]
    assert [(e.score, e.comment) for e in live.evaluations] == [(4, "Bonne séance")]


def test_reopening_continues_the_numbering(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=3) as file:
        path = file.path
    with SessionFile.open(path, now=wall) as file:
        assert file.repaired is None
        event = file.record("note", phase="plan", kind="action", text="après reprise")
    assert event.seq == 4 and event.id == 4
    notes = read_session(path).notes
    assert [n.id for n in notes] == [1, 2, 3, 4]
    assert notes[-1].text == "après reprise"


# -- the file on disk ------------------------------------------------------------------------------


def test_file_is_0600_and_folder_0700(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=2) as file:
        assert stat.S_IMODE(file.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        path = file.path
    for extra in data_dir.iterdir():  # the lock file too: nobody else may read anything here
        assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0, extra
    path.chmod(0o644)
    data_dir.chmod(0o755)
    SessionFile.open(path, now=wall).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_file_name_is_local_date_time_and_topic_slug(data_dir, script, roster, wall, paris):
    wall.set(datetime(2026, 11, 29, 8, 59, 30, tzinfo=UTC))  # 09:59 in Paris
    first = new_session(data_dir, script, roster, wall)
    wall.advance(20)  # same minute
    second = new_session(data_dir, script, roster, wall)
    third = new_session(data_dir, script, roster, wall)
    wall.advance(20)  # next minute
    fourth = new_session(data_dir, script, Roster(topic="🙂 !!"), wall)
    names = [f.path.name for f in (first, second, third, fourth)]
    for f in (first, second, third, fourth):
        f.close()
    assert names == [
        "2026-11-29_0959_gerer-un-conflit-dans-l-equipe.toml",
        "2026-11-29_0959_gerer-un-conflit-dans-l-equipe-2.toml",
        "2026-11-29_0959_gerer-un-conflit-dans-l-equipe-3.toml",
        "2026-11-29_1000_session.toml",
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d_\d{4}_[a-z0-9-]+\.toml", n) for n in names)
    # the three sessions of the same minute are three different sessions
    assert len({read_session(data_dir / n).id for n in names}) == 4


def test_the_whole_file_is_valid_toml_at_any_point(data_dir, script, roster, wall):
    with SessionFile.create(data_dir, script, roster, now=wall) as file:
        data = parse(file.path)
        assert data["schema"] == 2 and data["session"]["topic"] == roster.topic
        assert "events" not in data
        for i in range(12):
            file.record("note", **note_fields(i))
            data = parse(file.path)
            assert [e["seq"] for e in data["events"]] == list(range(1, i + 2))
            assert data["events"][-1]["text"] == note_fields(i)["text"]
            assert re.fullmatch(r"[0-9a-f]{8}", data["events"][-1]["crc"])


def test_a_same_minute_session_created_by_another_codev_meanwhile_is_never_overwritten(
    data_dir, script, roster, wall, monkeypatch
):
    """Two codev started in the same minute: the one that loses the race must pick `-2`."""
    real_lock = lock.acquire_lock
    raced = []

    def lock_after_the_other_one_saved(path):
        if not raced:  # another process creates the same name between the check and the lock
            raced.append(True)
            with SessionFile.create(data_dir, script, roster, now=wall) as other:
                other.record("note", phase="expose", kind="note", text="la note de l'autre")
                raced.append(other.path)
        return real_lock(path)

    monkeypatch.setattr(lock, "acquire_lock", lock_after_the_other_one_saved)
    with SessionFile.create(data_dir, script, roster, now=wall) as mine:
        mine.record("note", phase="expose", kind="note", text="ma note")
    other_path = raced[1]
    assert mine.path != other_path
    assert [n.text for n in read_session(other_path).notes] == ["la note de l'autre"]
    assert [n.text for n in read_session(mine.path).notes] == ["ma note"]


def test_a_name_another_codev_is_creating_right_now_is_skipped(data_dir, script, roster, wall):
    """Another codev holds the lock of the name but has not written the file yet: take `-2`."""
    data_dir.mkdir(mode=0o700)
    name = f"{wall().astimezone():%Y-%m-%d_%H%M}_gerer-un-conflit-dans-l-equipe"
    held = lock.acquire_lock(data_dir / f"{name}.toml")
    try:
        with SessionFile.create(data_dir, script, roster, now=wall) as file:
            assert file.path.name == f"{name}-2.toml"
    finally:
        lock.release_lock(held, data_dir / f"{name}.toml")


# -- the lock --------------------------------------------------------------------------------------


def test_a_second_open_is_refused_with_a_clear_message_until_closed(data_dir, script, roster, wall):
    file = new_session(data_dir, script, roster, wall, notes=1)
    with pytest.raises(LockedError) as err:
        SessionFile.open(file.path, now=wall)
    message = str(err.value)
    assert file.path.name in message
    assert "already open" in message and str(os.getpid()) in message
    assert isinstance(err.value, SessionError)
    with pytest.raises(LockedError):  # still refused: the failed attempt did not steal the lock
        SessionFile.open(file.path, now=wall)
    file.close()
    file.close()  # closing twice is harmless
    with SessionFile.open(file.path, now=wall) as again:
        again.record("note", phase="expose", kind="note", text="encore")
        with pytest.raises(LockedError):
            SessionFile.open(file.path, now=wall)
    assert [n.text for n in read_session(file.path).notes][-1] == "encore"


def test_a_lock_held_by_a_killed_process_is_taken_over(data_dir):
    env = {**os.environ, "PYTHONPATH": str(Path(store.__file__).resolve().parents[3])}
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), "--count", "2", "--hold"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines = []
        while not lines or lines[-1] != "holding":
            line = proc.stdout.readline()
            assert line, f"writer ended early: {lines}"
            lines.append(line.strip())
        path = Path(lines[0].removeprefix("path "))
        with pytest.raises(LockedError, match=rf"process {proc.pid}\b"):
            SessionFile.open(path)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    with SessionFile.open(path) as file:
        assert len(file.session.notes) == 2
        file.record("note", phase="expose", kind="note", text="après le crash")
    assert len(read_session(path).notes) == 3


# -- a torn last record (crash in the middle of an append) -----------------------------------------


def _check_torn_repair(good_file: Path, cut: int, keep: int, texts: list[str], wall, tmp: Path):
    """Cut a copy of `good_file` at byte `cut`: opening keeps `keep` notes, sets aside the rest."""
    raw = good_file.read_bytes()
    folder = tmp / f"cut-{cut}"
    folder.mkdir(mode=0o700)
    path = folder / good_file.name
    path.write_bytes(raw[:cut])
    path.chmod(0o600)
    spans = record_spans(raw)
    good_end = spans[keep - 1][1] if keep else spans[0][0]

    assert [n.text for n in read_session(path).notes] == texts[:keep]  # read-only: untouched
    assert path.read_bytes() == raw[:cut]

    with SessionFile.open(path, now=wall) as file:
        assert [n.text for n in file.session.notes] == texts[:keep]
        torn = side_files(path)
        if cut == good_end:
            assert file.repaired is None and torn == []
        else:
            assert torn == [file.repaired]
            assert torn[0].read_bytes() == raw[good_end:cut]
            assert stat.S_IMODE(torn[0].stat().st_mode) == 0o600
        assert path.read_bytes() == raw[:good_end]
        parse(path)
        file.record("note", phase="plan", kind="note", text="après réparation")
    assert [n.text for n in read_session(path).notes] == [*texts[:keep], "après réparation"]
    parse(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_torn_last_record_is_set_aside_at_every_byte(data_dir, script, roster, wall, tmp_path):
    texts = ["première", "deuxième", "troisième : « é€🙂 »\nfin"]
    with SessionFile.create(data_dir, script, roster, now=wall) as file:
        for t in texts:
            file.record("note", phase="expose", kind="note", text=t, author="Ahmed")
        path = file.path
    raw = path.read_bytes()
    start, end = record_spans(raw)[-1]
    assert end == len(raw)
    for cut in range(start, end):
        _check_torn_repair(path, cut, 2, texts, wall, tmp_path)


def test_a_torn_first_record_is_set_aside_at_every_byte(data_dir, script, roster, wall, tmp_path):
    with SessionFile.create(data_dir, script, roster, now=wall) as file:
        file.record("note", phase="expose", kind="note", text="seule note « é »")
        path = file.path
    start, end = record_spans(path.read_bytes())[0]
    for cut in range(start, end):
        _check_torn_repair(path, cut, 0, ["seule note « é »"], wall, tmp_path)


def test_read_session_ignores_a_torn_tail_without_touching_the_file(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=3) as file:
        path = file.path
    raw = path.read_bytes()
    path.write_bytes(raw[:-5])
    assert len(read_session(path).notes) == 2
    assert path.read_bytes() == raw[:-5]
    assert side_files(path) == []


# -- a damaged record (bit rot, a hand edit) -------------------------------------------------------


def _damage_reported_at(path: Path, bad: bytes, wall) -> list[int]:
    """Open and read a damaged file: both refuse, naming the file and a line; returns the lines."""
    path.write_bytes(bad)
    lines = []
    for opener in (lambda: SessionFile.open(path, now=wall), lambda: read_session(path)):
        with pytest.raises(SessionError) as err:
            opener()
        assert not isinstance(err.value, LockedError)
        message = str(err.value)
        match = re.search(rf"^{re.escape(str(path))}:(\d+): ", message)
        assert match, f"no file and line in {message!r}"
        assert path.read_bytes() == bad, "the damaged file was changed"
        assert side_files(path) == []
        lines.append(int(match.group(1)))
    return lines


def _check_damaged_record(path: Path, which: int, wall) -> None:
    raw = path.read_bytes()
    start, end = record_spans(raw)[which]
    first_line = raw.count(b"\n", 0, start) + 1
    last_line = raw.count(b"\n", 0, end)
    for offset in range(start, end):
        for mask in (0x01, 0x80):
            bad = bytearray(raw)
            bad[offset] ^= mask
            for line in _damage_reported_at(path, bytes(bad), wall):
                assert first_line <= line <= last_line, (offset, mask, line, first_line, last_line)
    path.write_bytes(raw)
    with SessionFile.open(path, now=wall) as file:  # the intact file still opens
        assert len(file.session.notes) == 3


def test_a_damaged_middle_record_is_reported_and_the_file_left_untouched(
    data_dir, script, roster, wall
):
    with new_session(data_dir, script, roster, wall, notes=3) as file:
        path = file.path
    _check_damaged_record(path, 1, wall)


def test_a_damaged_first_record_is_reported_and_the_file_left_untouched(
    data_dir, script, roster, wall
):
    with new_session(data_dir, script, roster, wall, notes=3) as file:
        path = file.path
    _check_damaged_record(path, 0, wall)


def test_a_damaged_last_record_is_reported_or_at_worst_kept_in_the_side_file(
    data_dir, script, roster, wall, tmp_path
):
    """A complete last record (its checksum line is whole) that fails its checksum was not cut
    short by a crash: it is reported like any damage. Only when the damage hits the checksum
    line itself (or the line break before it) does it look torn; then its bytes are set aside,
    never dropped."""
    with new_session(data_dir, script, roster, wall, notes=3) as file:
        path = file.path
    raw = path.read_bytes()
    start, end = record_spans(raw)[-1]
    crc_line = raw.rindex(b"\ncrc = ", start, end)  # from the line break before it
    first_line = raw.count(b"\n", 0, start) + 1
    for offset in range(start, end):
        bad = bytearray(raw)
        bad[offset] ^= 0x01
        if offset < crc_line:
            for line in _damage_reported_at(path, bytes(bad), wall):
                assert first_line <= line, (offset, line)
            continue
        copy = tmp_path / f"last-{offset}" / path.name
        copy.parent.mkdir()
        copy.write_bytes(bytes(bad))
        try:
            again = SessionFile.open(copy, now=wall)
        except SessionError:  # e.g. a checksum digit changed into another digit
            assert copy.read_bytes() == bytes(bad) and side_files(copy) == []
            continue
        with again:
            assert len(again.session.notes) == 2
            assert again.repaired is not None
            assert again.repaired.read_bytes() == bytes(bad[start:])


# -- failed saves ----------------------------------------------------------------------------------


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("failing", ["write", "fsync", "short write"])
def test_a_failed_save_keeps_what_was_saved_before(
    data_dir, script, roster, wall, monkeypatch, failing
):
    file = new_session(data_dir, script, roster, wall, notes=4)
    before = file.path.read_bytes()
    real_write = os.write
    if failing == "write":
        monkeypatch.setattr(os, "write", _enospc)
    elif failing == "fsync":
        monkeypatch.setattr(os, "fsync", _enospc)
    else:
        monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data)[:10]))
    with pytest.raises(SaveError) as err:
        file.record("note", phase="expose", kind="note", text="perdue ?" * 50)
    monkeypatch.undo()
    assert "not saved" in str(err.value)
    if failing != "short write":
        assert "No space left" in str(err.value)
    assert file.path.read_bytes() == before  # the size was rolled back too
    assert os.fstat(file._fd).st_size == len(before)
    assert len(file.session.notes) == 4  # the screen does not show it as saved
    parse(file.path)
    file.record("note", phase="expose", kind="note", text="réessayée")
    file.close()
    texts = [n.text for n in read_session(file.path).notes]
    assert texts == [note_fields(i)["text"] for i in range(4)] + ["réessayée"]
    assert file.path.read_bytes().startswith(before)


def test_a_failed_save_whose_rollback_fails_too_does_not_spoil_later_notes(
    data_dir, script, roster, wall, monkeypatch
):
    file = new_session(data_dir, script, roster, wall, notes=2)
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data)[:10]))
    monkeypatch.setattr(os, "ftruncate", lambda fd, size: _enospc())
    with pytest.raises(SaveError):
        file.record("note", phase="expose", kind="note", text="perdue")
    monkeypatch.undo()
    file.record("note", phase="expose", kind="note", text="sauvée")
    file.close()
    with SessionFile.open(file.path, now=wall) as again:
        assert [n.text for n in again.session.notes][-1] == "sauvée"
        assert len(again.session.notes) == 3


def test_a_full_disk_at_creation_is_a_save_error_and_leaves_nothing(
    data_dir, script, roster, wall, monkeypatch
):
    monkeypatch.setattr(os, "write", _enospc)
    with pytest.raises(SaveError, match="No space left"):
        SessionFile.create(data_dir, script, roster, now=wall)
    monkeypatch.undo()
    assert list(data_dir.glob("*.toml")) == [] and list(data_dir.glob("*.tmp")) == []
    with new_session(data_dir, script, roster, wall, notes=1) as file:  # the lock was released
        assert len(file.session.notes) == 1


def test_a_read_only_folder_is_never_made_writable(data_dir, script, roster, wall):
    data_dir.mkdir(mode=0o700)
    data_dir.chmod(0o500)
    try:
        try:
            SessionFile.create(data_dir, script, roster, now=wall).close()
        except SaveError:
            pass
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o500
    finally:
        data_dir.chmod(0o700)


def _create_as(uid: int, gid: int, folder: Path, script, roster, wall) -> str:
    """SessionFile.create in a forked child running as another user; returns what happened."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, try, report, never return into pytest
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            try:
                SessionFile.create(folder, script, roster, now=wall).close()
                result = "created"
            except BaseException as exc:  # noqa: BLE001 - the test checks the exception type
                result = f"{type(exc).__name__}: {exc}"
            os.write(write, result.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        result = pipe.read().decode()
    os.waitpid(pid, 0)
    return result


def test_a_read_only_folder_is_a_save_error(script, roster, wall, tmp_path):
    """The owner made the folder read-only (0500): a SaveError (no other exception), and the folder
    is left read-only. As root, chmod cannot make a folder read-only: the attempt runs in a child
    process as `nobody` instead."""
    folder = tmp_path / "read-only"
    if os.getuid() == 0:
        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError:
            pytest.skip("running as root without a `nobody` user: chmod would not be felt")
        folder = Path(tempfile.mkdtemp(prefix="codev-ro-", dir="/tmp"))
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    folder.chmod(0o500)
    try:
        if os.getuid() == 0:
            result = _create_as(nobody.pw_uid, nobody.pw_gid, folder, script, roster, wall)
        else:
            assert not os.access(folder, os.W_OK)
            try:
                SessionFile.create(folder, script, roster, now=wall).close()
                result = "created"
            except SaveError as exc:
                result = f"SaveError: {exc}"
        assert result.startswith("SaveError: ") and "Permission denied" in result, result
        assert stat.S_IMODE(folder.stat().st_mode) == 0o500
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
        if os.getuid() == 0:
            shutil.rmtree(folder)


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_a_folder_that_refuses_files_is_a_save_error(
    data_dir, script, roster, wall, monkeypatch, code
):
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if Path(path).parent == data_dir and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    data_dir.mkdir(mode=0o700)
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SaveError) as err:
        SessionFile.create(data_dir, script, roster, now=wall)
    assert type(err.value) is SaveError and os.strerror(code) in str(err.value)
    assert list(data_dir.glob("*.toml")) == []


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_a_session_file_that_cannot_be_written_is_a_clear_error(
    data_dir, script, roster, wall, monkeypatch, code
):
    """Opening a session on a read-only disk: a message, not a traceback; the lock is released."""
    with new_session(data_dir, script, roster, wall, notes=1) as file:
        path = file.path
    real_open = os.open

    def read_only(p, flags, *args, **kwargs):
        if Path(p) == path and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(code, os.strerror(code), str(p))
        return real_open(p, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(SaveError) as err:
        SessionFile.open(path, now=wall)
    assert path.name in str(err.value) and os.strerror(code) in str(err.value)
    monkeypatch.undo()
    with SessionFile.open(path, now=wall) as again:  # the lock was released
        assert len(again.session.notes) == 1


def test_a_session_file_that_cannot_be_made_private_is_a_clear_error(
    data_dir, script, roster, wall, monkeypatch
):
    """A file left 0644 that codev may not chmod (another owner): a message, not a traceback."""
    with new_session(data_dir, script, roster, wall, notes=1) as file:
        path = file.path
    path.chmod(0o644)

    def refuse(self, mode, **kwargs):
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(self))

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(SaveError, match=rf"{re.escape(path.name)}.*not permitted"):
        SessionFile.open(path, now=wall)
    monkeypatch.undo()
    with SessionFile.open(path, now=wall) as again:  # the lock was released
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(again.session.notes) == 1


def test_a_session_file_that_cannot_be_written_at_creation_releases_the_lock(
    data_dir, script, roster, wall, monkeypatch
):
    real_open = os.open

    def no_append(p, flags, *args, **kwargs):
        if flags & os.O_APPEND:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(p))
        return real_open(p, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_append)
    with pytest.raises(SaveError):
        SessionFile.create(data_dir, script, roster, now=wall)
    monkeypatch.undo()
    (path,) = data_dir.glob("*.toml")
    with SessionFile.open(path, now=wall) as file:
        assert file.session.notes == []


# -- an append writes the new record only ----------------------------------------------------------


def test_a_note_is_appended_not_rewritten(data_dir, script, roster, wall, monkeypatch):
    file = new_session(data_dir, script, roster, wall, notes=5)
    inode = file.path.stat().st_ino
    before = file.path.read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: pytest.fail("the file was replaced"))
    event = file.record("note", phase="expose", kind="note", text="une de plus")
    after = file.path.read_bytes()
    assert file.path.stat().st_ino == inode
    assert after.startswith(before)
    assert after[len(before) :] == encode_record(event)
    file.close()


def _bytes_written_for_one_note(file: SessionFile, monkeypatch) -> tuple[list[int], list]:
    writes: list[int] = []
    dumped: list = []
    real_write, real_dumps = os.write, tomli_w.dumps

    def counting_write(fd, data):
        writes.append(len(data))
        return real_write(fd, data)

    def counting_dumps(obj, *args, **kwargs):
        dumped.append(obj)
        return real_dumps(obj, *args, **kwargs)

    monkeypatch.setattr(os, "write", counting_write)
    monkeypatch.setattr(tomli_w, "dumps", counting_dumps)
    file.record("note", phase="plan", kind="note", text="même note " * 20, author="Chen")
    monkeypatch.undo()
    return writes, dumped


def test_saving_a_note_costs_the_same_in_a_long_session(
    data_dir, script, roster, wall, monkeypatch
):
    small = new_session(data_dir / "small", script, roster, wall, notes=10)
    big = new_session(data_dir / "big", script, roster, wall, notes=2000)
    small_writes, small_dumped = _bytes_written_for_one_note(small, monkeypatch)
    big_writes, big_dumped = _bytes_written_for_one_note(big, monkeypatch)
    assert len(small_writes) == len(big_writes) == 1  # one write per note
    # only the digits of seq and id grow ("seq = 11" vs "seq = 2001")
    assert 0 <= big_writes[0] - small_writes[0] <= 6
    assert small_writes[0] < 600
    # only the new event is serialised, never the session
    assert len(small_dumped) == len(big_dumped) == 1
    assert big_dumped[0]["type"] == "note" and "events" not in big_dumped[0]
    small.close()
    big.close()
    assert len(read_session(big.path).notes) == 2001


# -- any text, any author --------------------------------------------------------------------------

ANY_CHAR = st.one_of(
    st.characters(codec=None, exclude_categories=()),  # every category but surrogates
    st.characters(categories=("Cs",)),  # lone surrogates (pasted from broken sources)
    st.sampled_from("\x00\t\n\r\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\ufffe\"\\'[]=#"),
)
ANY_TEXT = st.one_of(
    st.text(ANY_CHAR),
    st.builds(lambda s, n: s * n, st.text(ANY_CHAR, min_size=1, max_size=50), st.integers(1, 2000)),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=ANY_TEXT, author=st.text(ANY_CHAR, max_size=40), confidential=st.booleans())
def test_any_text_and_author_round_trip(tmp_path_factory, text, author, confidential):
    folder = tmp_path_factory.mktemp("rt")
    script = script_from_data(
        {
            "script": {"name": "rt", "lang": "fr"},
            "phases": [{"id": "p", "title": "P", "minutes": 1}],
        },
        "rt",
    )
    with SessionFile.create(folder, script, Roster(topic=text[:30], client=author)) as file:
        file.record("note", phase="p", kind="note", text="avant", author="")
        file.record(
            "note", phase="p", kind="note", text=text, author=author, confidential=confidential
        )
        file.record("note", phase="p", kind="note", text="après", author=author)
        parse(file.path)
        path = file.path
    session = read_session(path)
    assert [(n.text, n.author, n.confidential) for n in session.notes] == [
        ("avant", "", False),
        (text, author, confidential),
        ("après", author, False),
    ]
    # The fast reader (all records as one JSON document) reads exactly what a TOML parser does.
    parsed = Parsed(path)
    at_once = parsed._records_at_once()
    assert at_once is not None
    assert [event_from_record(r) for r in at_once] == [
        event_from_record(decode_strings(tomllib.loads(parsed.raw[a:b].decode())["events"][0]))
        for a, b in parsed.records
    ]
    assert session.roster.topic == text[:30] and session.roster.client == author
    with SessionFile.open(path) as again:
        assert again.repaired is None
        assert again.session.notes[1].text == text


def test_a_100k_character_note(data_dir, script, roster, wall):
    text = ('Un très long témoignage — « ligne »\n\tsuite 🙂 中文 \\ " ' * 3000)[:100_000]
    assert len(text) == 100_000
    with new_session(data_dir, script, roster, wall, notes=2) as file:
        file.record("note", phase="questions", kind="testimony", text=text, author="Claire")
        file.record("note", phase="questions", kind="note", text="après")
        path = file.path
    notes = read_session(path).notes
    assert notes[2].text == text and notes[3].text == "après"
    assert parse(path)["events"][2]["text"] == text


def test_session_files_are_listed_without_side_files(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=2) as file:
        path = file.path
    path.write_bytes(path.read_bytes()[:-3])
    SessionFile.open(path, now=wall).close()
    assert side_files(path)
    wall.advance(120)
    with new_session(data_dir, script, Roster(topic="Autre"), wall) as other:
        pass
    os.utime(path, (1, 1))
    assert store.list_sessions(data_dir) == [other.path, path]
    shutil.rmtree(data_dir)
    assert store.list_sessions(data_dir) == []


# -- deleting a note: its text is nowhere on disk -------------------------------------------------


def folder_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_a_deleted_note_is_nowhere_on_disk(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=3) as file:
        secret = file.record("note", phase="expose", kind="note", text="secret-AB12 du client")
        file.record("edit", note=secret.id, text="secret-AB12 corrigé", author="Claire")
        file.record("note", phase="expose", kind="note", text="après")
        assert b"secret-AB12" in folder_bytes(data_dir)
        size_before = len(file.path.read_bytes())
        file.record("delete", note=secret.id)
        raw = file.path.read_bytes()
        assert b"secret-AB12" not in folder_bytes(data_dir)
        assert stat.S_IMODE(file.path.stat().st_mode) == 0o600
        assert len(raw) < size_before + 200
        events = parse(file.path)["events"]
        assert [e["type"] for e in events][-4:] == ["tombstone", "tombstone", "note", "delete"]
        assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
        assert all(e["note"] == secret.id for e in events if e["type"] == "tombstone")
        nxt = file.record("note", phase="expose", kind="note", text="la suite s'ajoute")
        assert nxt.id == secret.id + 2
        live = file.session
        path = file.path
    again = read_session(path)
    assert again == live
    assert [n.text for n in again.notes][-2:] == ["après", "la suite s'ajoute"]
    with SessionFile.open(path, now=wall) as file:
        assert file.record("note", phase="expose", kind="note", text="x").id == secret.id + 3


def test_a_deletion_removes_the_side_files_that_hold_its_note(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=2) as file:
        path = file.path
    keep = path.read_bytes()
    # A correction of note 2 cut short by a crash: set aside in a side file at the next open.
    with SessionFile.open(path, now=wall) as file:
        file.record("edit", note=2, text="texte-privé-77 jamais confirmé")
    torn = path.read_bytes()[len(keep) :][:-12]
    path.write_bytes(keep + torn)
    with SessionFile.open(path, now=wall) as file:
        assert file.repaired is not None and b"texte-priv" in file.repaired.read_bytes()
        other = path.with_name(path.name + ".torn-other")
        other.write_bytes(b"[[events]]\nseq = 9\nid = 1\n")  # about another note: stays
        file.record("delete", note=2)
    assert b"texte-priv" not in folder_bytes(data_dir)
    assert side_files(path) == [other]


def test_a_failed_deletion_keeps_the_file_and_can_be_retried(
    data_dir, script, roster, wall, monkeypatch
):
    file = new_session(data_dir, script, roster, wall, notes=3)
    before = file.path.read_bytes()
    event = file.make_event("delete", note=2)
    monkeypatch.setattr(os, "write", _enospc)
    with pytest.raises(SaveError, match="No space left"):
        file.write(event)
    monkeypatch.undo()
    assert file.path.read_bytes() == before
    assert list(data_dir.glob(".*.tmp")) == []
    file.write(event)
    file.write(event)  # a retry that finds it done adds nothing
    file.session.apply(event)
    file.record("note", phase="expose", kind="note", text="ensuite")
    file.close()
    assert [e["type"] for e in parse(file.path)["events"]].count("delete") == 1
    assert [n.id for n in read_session(file.path).notes] == [1, 3, 4]


def test_a_deletion_removes_the_minutes_beside_the_session(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=1) as file:
        file.record("note", phase="expose", kind="note", text="à effacer")
        minutes = file.path.with_suffix(".md")
        minutes.write_text("- À EFFACER\n")  # in another form than the note's
        file.record("delete", note=2)
        assert not minutes.exists()


def test_a_deletion_removes_temporary_files_a_crash_left(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=1) as file:
        file.record("note", phase="expose", kind="note", text="secret-T42")
        left = file.path.with_name(f".{file.path.name}.999.tmp")  # a crash mid-rewrite
        left.write_bytes(file.path.read_bytes())
        file.record("delete", note=2)
    assert b"secret-T42" not in folder_bytes(data_dir) and not left.exists()


def test_deleting_a_note_that_holds_a_lone_surrogate(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=1) as file:
        file.record("note", phase="expose", kind="note", text="abc \ud800 def")
        file.record("delete", note=2)
        file.record("note", phase="expose", kind="note", text="après")
    assert [n.text for n in read_session(file.path).notes][-1] == "après"


def test_an_event_time_without_its_offset_is_a_damaged_record(data_dir, script, roster, wall):
    with new_session(data_dir, script, roster, wall, notes=1) as file:
        path = file.path
    with open(path, "ab") as out:
        out.write(encode_record({"seq": 9, "t": datetime(2026, 11, 29, 9, 0), "type": "pause"}))
    with pytest.raises(SessionError, match="not a time with its offset"):
        read_session(path)


# -- schemas: 1 still opens, a newer one is refused untouched -------------------------------------


def _schema_1_file(data_dir, script, roster, wall) -> Path:
    """A session file as codev wrote it with schema 1: copies of the contract and actions."""
    with new_session(data_dir, script, roster, wall) as file:
        path = file.path
    header = path.read_bytes().replace(b"schema = 2", b"schema = 1")
    records = [
        {"type": "phase", "index": 0, "running": True},
        {
            "type": "note",
            "id": 1,
            "phase": "expose",
            "kind": "contract",
            "text": "Le contrat",
            "author": "",
            "confidential": False,
        },
        {"type": "contract", "text": "Le contrat"},
        {
            "type": "note",
            "id": 2,
            "phase": "plan",
            "kind": "action",
            "text": "Appeler / Claire",
            "author": "",
            "confidential": False,
        },
        {"type": "action", "what": "Appeler", "who": "Claire", "due": "", "note": 2},
        {"type": "confidential", "note": 1, "value": False},
        {"type": "evaluation", "text": "Bonne séance"},
    ]
    body = b"".join(
        encode_record({"seq": n, "t": wall.advance(1), **r}) for n, r in enumerate(records, 1)
    )
    path.write_bytes(header + body)
    return path


def test_a_deletion_removes_a_side_file_holding_a_copy_of_its_text(data_dir, script, roster, wall):
    # Schema 1 copied a contract's text into a record that does not name its note.
    path = _schema_1_file(data_dir, script, roster, wall)
    torn = path.with_name(path.name + ".torn-old")
    torn.write_bytes(
        encode_record({"seq": 20, "t": wall.advance(1), "type": "contract", "text": "Le contrat"})[
            :-12
        ]
    )
    with SessionFile.open(path, now=wall) as file:
        file.record("delete", note=1)
    assert not torn.exists()
    assert b"Le contrat" not in folder_bytes(data_dir)


def test_a_schema_1_file_opens_and_is_brought_to_schema_2(data_dir, script, roster, wall):
    path = _schema_1_file(data_dir, script, roster, wall)
    session = read_session(path)
    assert session.contract == "Le contrat"
    assert [(a.what, a.who) for a in session.actions] == [("Appeler", "Claire")]
    assert [e.comment for e in session.evaluations] == ["Bonne séance"]
    assert parse(path)["schema"] == 1  # reading never writes
    with SessionFile.open(path, now=wall) as file:
        assert parse(path)["schema"] == 2
        file.record("delete", note=1)  # and its schema-1 copy of the contract goes too
    raw = path.read_bytes()
    assert b"Le contrat" not in raw and read_session(path).contract == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw.replace(b"schema = 2", b"schema = 3"), "made by a newer codev: schema 3"),
        (
            lambda raw: raw + encode_record({"seq": 9, "t": datetime.now(UTC), "type": "vote"}),
            "made by a newer codev (event type 'vote'",
        ),
    ],
)
def test_a_file_from_a_newer_codev_is_refused_and_never_touched(
    data_dir, script, roster, wall, change, message, capsys
):
    from codev_tui.cli import main

    with new_session(data_dir, script, roster, wall, notes=2) as file:
        path = file.path
    path.write_bytes(change(path.read_bytes()))
    before = path.read_bytes()
    with pytest.raises(store.NewerFileError, match=re.escape(message)):
        read_session(path)
    with pytest.raises(store.NewerFileError, match="please upgrade"):
        SessionFile.open(path, now=wall)
    assert main(["export", str(path), "-o", str(data_dir / "x.md")]) == 2
    err = capsys.readouterr().err
    assert "please upgrade" in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert path.read_bytes() == before and not (data_dir / "x.md").exists()
