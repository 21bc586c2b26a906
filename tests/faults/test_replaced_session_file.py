"""The session file replaced under a running session: nothing goes to the old file, the whole
session goes on in a new file beside it, and nothing that was acknowledged is lost."""

from __future__ import annotations

import os
import re
import shutil
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from codev_tui.core.events import Event
from codev_tui.core.problems import Problem
from codev_tui.core.session import Roster
from codev_tui.core.store import LockedError, SessionFile, read_session
from codev_tui.core.writer import BackgroundWriter

ROSTER = Roster(topic="Remplacé", client="Claire", consultants=["Ahmed", "Béatrice"])


def _atomic_replace(path: Path) -> None:
    """A sync tool, an editor, `codev export S -o S --force`: another file renamed over it."""
    tmp = path.with_name("incoming.tmp")
    tmp.write_text("# the minutes of the session\n")
    os.replace(tmp, path)


def _copy_of_itself(path: Path) -> None:
    """A sync tool putting back the same bytes: another file all the same."""
    tmp = path.with_name("copy.tmp")
    shutil.copy2(path, tmp)
    os.replace(tmp, path)


def _renamed(path: Path) -> None:
    path.rename(path.with_name("moved-away.toml"))


def _removed(path: Path) -> None:
    path.unlink()


def _symlink_over(path: Path) -> None:
    other = path.with_name("other.txt")
    other.write_text("someone else's file\n")
    tmp = path.with_name("link.tmp")
    tmp.symlink_to(other.name)
    os.replace(tmp, path)


def _appended_in_place(path: Path) -> None:
    with path.open("ab") as f:
        f.write(b"# edited in place\n")


def _truncated_in_place(path: Path) -> None:
    os.truncate(path, 0)


def _edited_in_place(path: Path) -> None:
    """One byte changed where it was, the size kept and the modification time put back (an
    editor writing in place, `touch -r`)."""
    before = path.stat()
    with path.open("r+b") as f:
        f.seek(-3, os.SEEK_END)
        f.write(b"X")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


REPLACEMENTS: dict[str, Callable[[Path], None]] = {
    "atomic-replace": _atomic_replace,
    "copy-of-itself": _copy_of_itself,
    "renamed": _renamed,
    "removed": _removed,
    "symlink-over": _symlink_over,
    "appended-in-place": _appended_in_place,
    "truncated-in-place": _truncated_in_place,
    "edited-in-place": _edited_in_place,
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder but codev's own (the session's files, locks), with its bytes."""
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and ".recovered-" not in p.name and not p.name.endswith(".lock")
    }


def _session(data_dir: Path, script, wall, notes: int) -> SessionFile:  # type: ignore[no-untyped-def]
    file = SessionFile.create(data_dir, script, ROSTER, now=wall)
    for n in range(notes):
        file.record("note", phase="expose", kind="note", text=f"note {n}")
    return file


@pytest.mark.parametrize("replace", REPLACEMENTS.values(), ids=REPLACEMENTS.keys())
def test_after_a_replacement_every_note_goes_on_in_a_new_file(
    data_dir: Path, script, wall, replace: Callable[[Path], None]
) -> None:  # type: ignore[no-untyped-def]
    file = _session(data_dir, script, wall, notes=3)
    old = file.path
    replace(old)
    theirs = _snapshot(data_dir)
    try:
        file.record("note", phase="expose", kind="note", text="après")
        new = file.path
        assert new != old and file.replaced == old
        assert new.parent == old.parent
        assert re.fullmatch(rf"{re.escape(old.stem)}\.recovered-\d{{8}}T\d{{6}}\.toml", new.name)
        assert stat.S_IMODE(new.stat().st_mode) == 0o600
        assert [n.text for n in read_session(new).notes] == ["note 0", "note 1", "note 2", "après"]
        with pytest.raises(LockedError):  # the new file is locked as the first one was
            SessionFile.open(new, now=wall)
        file.record("note", phase="expose", kind="note", text="encore")
    finally:
        file.close()
    # Nothing was written to what is now at the path, or to the file that was there.
    assert _snapshot(data_dir) == theirs
    session = read_session(new)
    assert [n.text for n in session.notes][-2:] == ["après", "encore"]
    assert [n.id for n in session.notes] == [1, 2, 3, 4, 5]
    assert not list(data_dir.glob(".*.lock"))
    with SessionFile.open(new, now=wall) as again:  # and it is a session codev reopens
        assert again.session.note_count == 5


@pytest.mark.parametrize("replace", REPLACEMENTS.values(), ids=REPLACEMENTS.keys())
def test_a_deletion_after_a_replacement_never_reads_nor_writes_the_file_at_the_path(
    data_dir: Path, script, wall, replace: Callable[[Path], None]
) -> None:  # type: ignore[no-untyped-def]
    file = _session(data_dir, script, wall, notes=3)
    old = file.path
    replace(old)
    theirs = _snapshot(data_dir)
    with file:
        file.record("delete", note=2)
        new = file.path
    assert new != old and _snapshot(data_dir) == theirs
    assert [n.text for n in read_session(new).notes] == ["note 0", "note 2"]
    assert b"note 1" not in new.read_bytes()


def test_a_replacement_between_the_check_and_a_deletion_is_found_out(
    data_dir: Path, script, wall, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Another program replaces the file right after the check: the deletion reads the copy
    codev has, never the other program's file."""
    file = _session(data_dir, script, wall, notes=2)
    old = file.path
    real_replaced = SessionFile._replaced

    def replaced_right_after(self: SessionFile) -> bool:
        answer = real_replaced(self)
        if self.path == old:
            _copy_of_itself(old)
            _appended_in_place(old)
        return answer

    monkeypatch.setattr(SessionFile, "_replaced", replaced_right_after)
    with file:
        file.record("delete", note=1)
        new = file.path
    assert new != old
    assert old.read_bytes().endswith(b"# edited in place\n")
    assert [n.text for n in read_session(new).notes] == ["note 1"]


def test_the_writer_reports_the_move_before_the_note_is_acknowledged(
    data_dir: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    file = _session(data_dir, script, wall, notes=1)
    old = file.path
    reports: list[tuple] = []
    done = threading.Event()

    def saved(event: Event) -> None:
        # Acknowledged only once the note is in the file where the session now is.
        on_disk = [n.text for n in read_session(file.path).notes]
        reports.append(("saved", event.note_id, file.path, on_disk))
        done.set()

    writer = BackgroundWriter(
        file,
        on_saved=saved,
        on_failed=lambda event, reason: reports.append(("failed", reason)),
        on_moved=lambda a, b: reports.append(("moved", a, b)),
    )
    _atomic_replace(old)
    writer.submit(file.make_event("note", phase="expose", kind="note", text="après"))
    assert done.wait(5)
    assert writer.close()
    file.close()
    new = file.path
    assert reports == [("moved", old, new), ("saved", 2, new, ["note 0", "après"])]


def test_when_no_new_file_can_be_written_nothing_is_acknowledged_until_it_can(
    tmp_path: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    """The whole folder went away: NOT SAVED, retried, never written to the old file."""
    folder = tmp_path / "sessions"
    file = _session(folder, script, wall, notes=1)
    away = tmp_path / "away"
    folder.rename(away)
    saved: list[Event] = []
    failures: list[str] = []
    writer = BackgroundWriter(
        file,
        on_saved=saved.append,
        on_failed=lambda event, reason: failures.append(reason),
        retry_every=0.02,
    )
    writer.submit(file.make_event("note", phase="expose", kind="note", text="pendant"))
    assert not writer.flush(0.3)
    assert not saved and failures
    assert "was replaced" in failures[0] and "\n" not in failures[0]
    moved_away = away / file.path.name
    assert [n.text for n in read_session(moved_away).notes] == ["note 0"]
    folder.mkdir(mode=0o700)  # a folder there again: the session goes on in it
    assert writer.flush(5)
    assert writer.close()
    file.close()
    assert file.path.parent == folder
    assert [n.text for n in read_session(file.path).notes] == ["note 0", "pendant"]
    assert [n.text for n in read_session(moved_away).notes] == ["note 0"]


@pytest.mark.parametrize("replace", REPLACEMENTS.values(), ids=REPLACEMENTS.keys())
def test_a_replacement_after_the_last_write_is_found_out_on_closing(
    data_dir: Path, script, wall, replace: Callable[[Path], None]
) -> None:  # type: ignore[no-untyped-def]
    """Notes acknowledged, the file replaced, then quit without typing: the session is written
    to a new file beside it as a write would have done, not left in an unlinked file."""
    file = _session(data_dir, script, wall, notes=3)
    old = file.path
    replace(old)
    theirs = _snapshot(data_dir)
    file.close()
    assert file.replaced == old and file.path != old and not file.lost
    assert [n.text for n in read_session(file.path).notes] == ["note 0", "note 1", "note 2"]
    assert _snapshot(data_dir) == theirs
    assert not list(data_dir.glob(".*.lock"))


def test_when_no_new_file_can_be_written_on_closing_the_session_is_kept_in_memory(
    data_dir: Path, script, wall, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The file removed and the folder refusing new files: `lost` says why and `saved` holds
    the session as acknowledged (the app writes it to a rescue file)."""
    from codev_tui.core import store
    from codev_tui.core.store import session_file

    file = _session(data_dir, script, wall, notes=2)
    saved = file.saved
    old = file.path
    old.unlink()

    def refuse(*args: object, **kwargs: object) -> None:
        raise store.SaveError(Problem("save.not_saved", {"reason": "Read-only file system"}))

    monkeypatch.setattr(session_file, "write_atomically", refuse)
    file.close()
    assert "was replaced by another program" in file.lost and "Read-only" in file.lost
    assert file.saved == saved
    rescued = data_dir / "rescued.toml"
    rescued.write_bytes(file.saved)
    assert [n.text for n in read_session(rescued).notes] == ["note 0", "note 1"]


def test_a_session_with_a_long_name_goes_on_in_a_file_whose_name_the_system_takes(
    data_dir: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    """A 233-byte name: `<name>.recovered-<time>.toml` would be over 255 bytes."""
    file = _session(data_dir, script, wall, notes=2)
    file.close()
    long = data_dir / ("s" * 228 + ".toml")
    file.path.rename(long)
    file = SessionFile.open(long, now=wall)
    long.unlink()
    file.record("note", phase="expose", kind="note", text="après")
    file.close()
    assert file.replaced == long and len(file.path.name.encode()) <= 255
    assert [n.text for n in read_session(file.path).notes] == ["note 0", "note 1", "après"]
