"""Quitting while notes are not on disk (disk full, read-only or failing device): the exit status
says so, the terminal says how many and where they went, and a private rescue file, written in
the first writable of the sessions folder, the home folder and the current folder, holds them
all, as a session file `codev resume` opens."""

from __future__ import annotations

import errno
import os

import pytest

from codev_tui import locations
from codev_tui.core.problems import Problem
from codev_tui.core.script import load_script
from codev_tui.core.store import SessionFile, read_session
from codev_tui.ui.app import CodevApp
from codev_tui.ui.launch import UNSAVED, report_unsaved
from tests.functional.conftest import ROSTER, Disk, FakeTime, file_mode, settle, write_note

ERRORS = {
    "disk full": errno.ENOSPC,
    "read-only": errno.EROFS,
    "quota": errno.EDQUOT,
    "i/o error": errno.EIO,
}

WHERE = ["sessions folder", "home folder", "current folder", "nowhere"]


class FailingDisk(Disk):
    """Every write fails with one error number while `broken`."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def write(self, fd: int, data) -> int:  # type: ignore[no-untyped-def]
        if self.mode == "full":
            self.failed_writes += 1
            raise OSError(self.number, os.strerror(self.number))
        return os.write(fd, data)


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("error", list(ERRORS))
async def test_quit_with_unsaved_notes_rescues_them_and_says_so(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch, capsys, error, where
) -> None:
    from codev_tui.core.store import folders, session_file

    fake_time = FakeTime()
    classic = load_script(locations.bundled_scripts()["classic"])
    sessions = tmp_path / "sessions"
    file = SessionFile.create(sessions, classic, ROSTER, now=fake_time.wall)
    # Retried once a second: a stream of failure reports would keep Pilot waiting for calm.
    app = CodevApp(file, clock=fake_time.monotonic, wall=fake_time.wall, retry_every=1.0)
    app.close_timeout = 0.3
    disk = FailingDisk(ERRORS[error])
    for module in (session_file, folders):
        monkeypatch.setattr(module, "os", disk)
    lost = ["pendant la panne", "/q une question ?", "ligne 1\nligne 2 [bold] ␛"]
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "avant la panne")
        await settle(app, pilot)
        disk.full()
        for text in lost[:2]:
            await write_note(app, pilot, text)
        await pilot.press("pagedown")  # a phase change is not saved either
        app.screen.query_one("#note-input").insert_text_at_cursor(lost[2])  # the draft
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert not app.is_running
    disk.ok()
    # Where the rescue can go: a folder that does not exist is skipped (never created).
    home, here = tmp_path / "home", tmp_path / "here"
    here.mkdir()
    folder = sessions
    if where != "sessions folder":
        folder = tmp_path / "gone"
    if where in ("sessions folder", "home folder"):
        home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    if where == "nowhere":
        here.rmdir()  # the current folder was removed

    status = report_unsaved(app, folder)

    assert status == UNSAVED != 0
    said = capsys.readouterr().err
    assert "4 élément(s) NON enregistré(s)" in said  # 2 notes, the phase change, the draft
    assert "session saved" not in said
    assert os.strerror(ERRORS[error]) in said
    rescues = [p for d in (sessions, home, here) if d.is_dir() for p in d.glob("*.rescue-*")]
    if where == "nowhere":
        assert rescues == []
        assert "n'ont pu être écrits nulle part" in said
        return
    assert len(rescues) == 1
    rescue = rescues[0]
    expected = {"sessions folder": sessions, "home folder": home, "current folder": here}
    assert rescue.parent == expected[where]
    assert f"codev resume {rescue}" in said
    assert file_mode(rescue) == 0o600
    text = rescue.read_text(encoding="utf-8")
    for line in ["pendant la panne", "une question ?", "ligne 1", "ligne 2 [bold] ␛"]:
        assert line in text  # readable by a person
    # And it is the session with them: codev resume (or export) gets everything back.
    again = read_session(rescue)
    assert [n.text for n in again.notes] == [
        "avant la panne",
        "pendant la panne",
        "une question ?",
        "ligne 1\nligne 2 [bold] ␛",
    ]
    assert again.current == 1
    assert [n.text for n in read_session(file.path).notes] == ["avant la panne"]
    with SessionFile.open(rescue) as reopened:
        assert reopened.session.note_count == 4


async def test_a_session_file_replaced_with_no_new_file_possible_is_rescued(  # type: ignore[no-untyped-def]
    tmp_path, monkeypatch, capsys
) -> None:
    """Notes acknowledged, the file removed, quit without typing, and no new file can be made
    beside it: the notes go to the rescue file, the exit status says so."""
    from codev_tui.core import store
    from codev_tui.core.store import session_file

    fake_time = FakeTime()
    classic = load_script(locations.bundled_scripts()["classic"])
    sessions = tmp_path / "sessions"
    file = SessionFile.create(sessions, classic, ROSTER, now=fake_time.wall)
    app = CodevApp(file, clock=fake_time.monotonic, wall=fake_time.wall, retry_every=1.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await write_note(app, pilot, "acquittée")
        await settle(app, pilot)
        file.path.unlink()

        def refuse(*args: object, **kwargs: object) -> None:
            raise store.SaveError(Problem("save.not_saved", {"reason": "Read-only file system"}))

        monkeypatch.setattr(session_file, "write_atomically", refuse)
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    status = report_unsaved(app, elsewhere)
    said = capsys.readouterr().err
    assert status == UNSAVED
    assert "remplacé par un autre programme" in said and "Read-only" in said
    (rescue,) = elsewhere.glob("*.rescue-*")
    assert f"codev resume {rescue}" in said
    assert [n.text for n in read_session(rescue).notes] == ["acquittée"]


def test_a_rescue_file_name_stays_under_255_bytes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from codev_tui.core.rescue import write_rescue

    folder = tmp_path / "here"
    folder.mkdir()
    session = tmp_path / ("s" * 228 + ".toml")
    rescued = write_rescue(session, b"", [], [folder], datetime(2026, 11, 30, tzinfo=UTC))
    assert rescued is not None and rescued.parent == folder
    assert len(rescued.name.encode()) <= 255
