"""`codev resume`, `codev export` without a session: the newest *session* file, not the newest
TOML file (a phase script or notes kept in the data folder are no sessions)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.cli import UserError, main, resolve_session
from codev_tui.core.store import SessionFile

Capsys = pytest.CaptureFixture[str]

OTHERS = {
    "a phase script": lambda: locations.bundled_scripts()["classic"].read_bytes(),
    "a TOML file": lambda: b'title = "my notes"\n[session]\nwhen = "Thursday"\n',
    "a file with a schema": lambda: b"schema = 2\n[other]\n",
    "an empty file": lambda: b"",
    "a binary file": lambda: bytes(range(256)) * 40,
    "a file starting with a comment": lambda: b"# codev settings\nlang = 'fr'\n",
}


def make_session(script, roster, wall, age: float) -> Path:
    with SessionFile.create(locations.data_dir(), script, roster, now=wall) as file:
        file.record("note", phase="expose", kind="note", text="the session's note")
        path = file.path
    stamp = 1_800_000_000 - age
    os.utime(path, (stamp, stamp))
    return path


def put(name: str, data: bytes, age: float) -> Path:
    path = locations.data_dir() / name
    path.write_bytes(data)
    stamp = 1_800_000_000 - age
    os.utime(path, (stamp, stamp))
    return path


@pytest.mark.parametrize("other", OTHERS.values(), ids=OTHERS)
def test_the_latest_is_the_newest_session_not_the_newest_toml(
    script, roster, wall, capsys: Capsys, other
):
    session = make_session(script, roster, wall, age=100)
    put("zz-newer.toml", other(), age=0)
    assert resolve_session(None) == session
    capsys.readouterr()
    assert main(["export", "-o", "-"]) == 0
    assert "the session's note" in capsys.readouterr().out


@pytest.mark.parametrize("other", OTHERS.values(), ids=OTHERS)
def test_no_session_but_other_toml_files_is_no_session(data_dir, other):
    data_dir.mkdir(parents=True)
    put("phases.toml", other(), age=0)
    with pytest.raises(UserError, match="no session yet"):
        resolve_session(None)


def test_a_damaged_newest_session_is_still_the_latest(script, roster, wall, capsys: Capsys):
    """Damage does not make a session another kind of file: it is picked, and refused with
    the way out, rather than an older session being resumed silently."""
    make_session(script, roster, wall, age=100)
    wall.advance(3600)
    newest = make_session(script, roster, wall, age=10)
    put(newest.name, newest.read_bytes().replace(b"the session's", b"the sessions'"), age=10)
    put("zz-newer.toml", OTHERS["a phase script"](), age=0)
    assert resolve_session(None) == newest
    capsys.readouterr()
    assert main(["export", "-o", "-"]) == 2
    assert "--salvage" in capsys.readouterr().err


def test_an_unreadable_newer_file_is_passed_over(script, roster, wall):
    session = make_session(script, roster, wall, age=100)
    put("zz-locked.toml", b"schema = 2\n[session]\n", age=0).chmod(0)
    assert resolve_session(None) in (session, locations.data_dir() / "zz-locked.toml")
    if os.geteuid() != 0:  # root reads it all the same
        assert resolve_session(None) == session
