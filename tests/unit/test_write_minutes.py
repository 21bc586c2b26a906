"""Writing the minutes: beside the session, private, never over another file by accident."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.minutes.write import write_minutes
from codev_tui.core.store import SaveError, default_minutes_path, read_session
from tests.unit.minutes_kit import full_session


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return full_session(tmp_path / "sessions")


def test_default_minutes_path() -> None:
    assert default_minutes_path(Path("/x/y/2026-11-29_1200_conflit.toml")) == Path(
        "/x/y/2026-11-29_1200_conflit.md"
    )
    assert default_minutes_path(Path("a.b.toml")) == Path("a.b.md")


def test_write_minutes_private_and_no_overwrite(session_path: Path) -> None:
    session = read_session(session_path)
    dest = default_minutes_path(session_path)
    old_umask = os.umask(0)
    try:
        written = write_minutes(session, dest)
    finally:
        os.umask(old_umask)
    assert written == dest
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    first = dest.read_bytes()
    assert first.decode("utf-8") == render_minutes(session)

    with pytest.raises(FileExistsError) as err:
        write_minutes(session, dest, lang="en")
    assert str(err.value) == f"{dest} already exists; add --force to overwrite it"
    assert dest.read_bytes() == first

    dest.chmod(0o644)
    write_minutes(session, dest, force=True, lang="en", anonymize=True)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert dest.read_text(encoding="utf-8") == render_minutes(session, lang="en", anonymize=True)
    leftovers = [p.name for p in dest.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_write_minutes_refuses_a_dangling_symlink(session_path: Path, tmp_path: Path) -> None:
    dest = tmp_path / "minutes.md"
    dest.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(FileExistsError):
        write_minutes(read_session(session_path), dest)
    assert not (tmp_path / "nowhere.md").exists()


def test_write_minutes_reports_other_failures(session_path: Path, tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="could not write to"):
        write_minutes(read_session(session_path), tmp_path / "no-such-folder" / "m.md")
