"""The real app in tmux: type notes, kill -9, `codev resume`: every note that showed ✓ is back."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from codev_tui.core.store import SessionFile, list_sessions, read_session
from tests.tmux import Tmux, needs_tmux

pytestmark = needs_tmux


def test_kill_9_then_resume_keeps_every_acknowledged_note(tmux: Tmux, tmp_path: Path) -> None:
    codev = [sys.executable, "-m", "codev_tui"]
    tmux.start([*codev, "run", "--topic", "Crash", "--client", "Ana", "--consultants", "Bo,Cy"])
    tmux.wait_for(lambda s: "EXPOSÉ" in s)
    tmux.send("F5")
    tmux.send("PageDown")
    tmux.wait_for(lambda s: "QUESTIONS DE CLARIFICATION" in s)
    typed = [f"note {n} [bold]" for n in range(5)]
    for text in typed:
        tmux.send("-l", text)
        tmux.send("Enter")
    screen = tmux.wait_for(lambda s: s.count("✓ ") >= len(typed))
    acknowledged = [t for t in typed if t in screen]
    assert acknowledged == typed

    os.kill(tmux.app_pid(), signal.SIGKILL)
    time.sleep(0.5)
    tmux.kill_server()
    time.sleep(0.3)

    (session_path,) = list_sessions(tmp_path)
    on_disk = read_session(session_path)
    assert [n.text for n in on_disk.notes] == typed
    assert on_disk.current == 1 and on_disk.running
    assert session_path.stat().st_mode & 0o777 == 0o600

    time.sleep(1.2)  # the room goes on talking while the app is down
    tmux.start([*codev, "resume"])
    screen = tmux.wait_for(lambda s: "QUESTIONS DE CLARIFICATION" in s and "reprise" in s)
    for text in typed:
        assert text in screen
    # The clock kept running from the recorded timestamps: less than the planned 15:00 is left.
    assert "EN COURS" in screen
    resumed = read_session(session_path)
    assert resumed.reopened == 1
    assert resumed.elapsed(1) >= 1.0


@pytest.mark.parametrize(
    "sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["SIGTERM", "SIGHUP", "SIGINT"]
)
def test_sigterm_and_sighup_save_and_exit(tmux: Tmux, tmp_path: Path, sig: signal.Signals) -> None:
    """Killed politely or its terminal closed: it exits, the notes are on disk, the lock is gone."""
    codev = [sys.executable, "-m", "codev_tui"]
    tmux.start([*codev, "run", "--topic", "Signal", "--client", "Ana", "--consultants", "Bo"])
    tmux.wait_for(lambda s: "EXPOSÉ" in s)
    typed = ["première", "deuxième [/]"]
    for text in typed:
        tmux.send("-l", text)
        tmux.send("Enter")
    tmux.wait_for(lambda s: s.count("✓ ") >= len(typed))
    tmux.send("-l", "en cours de frappe")  # not sent with Enter: saved all the same
    tmux.wait_for(lambda s: "en cours de frappe" in s)
    pid = tmux.app_pid()
    os.kill(pid, sig)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.05)
    assert not Path(f"/proc/{pid}").exists(), "the app did not exit"
    # The terminal is back to its normal screen, not left in the app's alternate screen.
    assert tmux._run("display", "-p", "-t", "t", "#{alternate_on}").strip() == "0"

    (session_path,) = list_sessions(tmp_path)
    assert [n.text for n in read_session(session_path).notes] == [*typed, "en cours de frappe"]
    SessionFile.open(session_path).close()  # the lock died with the app: the session reopens
