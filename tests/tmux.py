"""A private tmux server for tests that drive the real app as a terminal does: keys go through
Textual's input parser, the screen is read back as text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    """One private tmux server; each command runs in a session of its own (`name`)."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        return done.stdout

    def start(self, command: list[str], name: str = "t", size: tuple[int, int] = (80, 24)) -> None:
        exports = " ".join(f"{k}={v}" for k, v in self.env.items())
        line = f"env {exports} {' '.join(command)}; sleep 60"
        width, height = size
        self._run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), line)

    def send(self, *keys: str, to: str = "t") -> None:
        self._run("send-keys", "-t", to, *keys)

    def screen(self, name: str = "t") -> str:
        return self._run("capture-pane", "-p", "-t", name)

    def wait_for(
        self, predicate: Callable[[str], bool], timeout: float = 20.0, name: str = "t"
    ) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.screen(name)
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"screen never matched:\n{self.screen(name)}")

    def app_pid(self, name: str = "t") -> int:
        shell = int(self._run("display", "-p", "-t", name, "#{pane_pid}").strip())
        children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True)
        return int(children.stdout.split()[0])

    def kill_server(self) -> None:
        self._run("kill-server")

    def start_console(self, name: str = "console", size: tuple[int, int] = (100, 30)) -> None:
        """`codev run` on the bundled script (Alice, Bruno and Chloé), its timer started."""
        codev = [sys.executable, "-m", "codev_tui"]
        roster = ["--topic", "'Essai vue'", "--client", "Alice", "--consultants", "Bruno,Chloé"]
        self.start([*codev, "run", *roster], name=name, size=size)
        self.wait_for(lambda s: "EXPOSÉ" in s, name=name)
        self.send("F5", to=name)

    def typed(self, text: str, name: str = "console") -> str:
        """A note typed in `name` and its ✓ (then it is in the session file): the screen."""
        self.send("-l", text, to=name)
        self.send("Enter", to=name)
        marker = text.split()[-1]
        return self.wait_for(lambda s: marker in s and "✓" in s, name=name)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """A server of its own per test: one being killed must not take the next test's session."""
    socket = f"codev-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    server = Tmux(socket, {"CODEV_DATA_DIR": str(tmp_path), "TERM": "xterm-256color"})
    yield server
    server.kill_server()
