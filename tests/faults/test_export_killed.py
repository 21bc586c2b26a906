"""`codev export` killed by SIGTERM or SIGHUP at any moment leaves no hidden temporary file.

The export runs in a subprocess whose writes are slowed down (4 KiB per write, a pause after
each, and a slow fsync), so that the kill lands while the temporary file is half written, while
it is being synced, before it exists, and after the export is done.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.core.script import validate_script
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile

SLOW_EXPORT = """
import os, sys, time
real_write, real_fsync = os.write, os.fsync
def write(fd, data):
    time.sleep(0.01)
    return real_write(fd, bytes(data[:4096]))
def fsync(fd):
    time.sleep(0.3)
    real_fsync(fd)
os.write, os.fsync = write, fsync
from codev_tui.cli import main
sys.argv = ["codev", *sys.argv[1:]]
print("ready", flush=True)
sys.exit(main())
"""


def big_session(folder: Path) -> Path:
    script = validate_script(
        {
            "script": {"name": "S", "lang": "fr"},
            "phases": [{"id": "a", "title": "A", "minutes": 5}],
        },
        "test",
    )
    with SessionFile.create(
        folder, script, Roster(topic="Longue"), now=lambda: datetime(2026, 11, 29, tzinfo=UTC)
    ) as file:
        for n in range(150):
            text = f"Note {n} " + "une phrase assez longue pour peser. " * 30
            file.record("note", phase="a", kind="note", text=text, author="", confidential=False)
        return file.path


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return big_session(tmp_path_factory.mktemp("big"))


def _leftovers(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
@pytest.mark.parametrize(
    "moment",
    ["at-start", "mid-write-early", "mid-write-late", "during-fsync", "after-the-end"],
)
def test_a_killed_export_leaves_no_temporary_file(
    tmp_path: Path, session: Path, signum: int, moment: str
) -> None:
    dest = tmp_path / "cr.md"
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, "export", str(session), "-o", str(dest)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, locations.DATA_ENV: str(tmp_path / "data")},
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # "ready": the signal handlers are about to be installed
    if moment == "at-start":
        time.sleep(0.05)
    elif moment == "after-the-end":
        proc.wait(timeout=60)
    else:
        deadline = time.monotonic() + 30
        while not _leftovers(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.005)
        assert _leftovers(tmp_path), "the export never started writing"
        time.sleep({"mid-write-early": 0.05, "mid-write-late": 0.4, "during-fsync": 0.8}[moment])
    if proc.poll() is None:
        proc.send_signal(signum)
    status = proc.wait(timeout=30)
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert "Traceback" not in err, err
    assert _leftovers(tmp_path) == []
    assert status in (0, 128 + signum), (status, err)
    if dest.exists():  # only ever whole minutes: written, synced, then linked in place
        assert dest.read_text(encoding="utf-8").endswith("hors du groupe.*\n")
    else:
        assert status == 128 + signum
