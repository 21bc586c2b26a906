"""Helpers for the tests of `codev serve`: a real `codev serve` process, its children, a session
file written the way the console writes it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from codev_tui import locations
from codev_tui.core.script import load_script
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile

SRC = Path(__file__).resolve().parents[2] / "src"

ROSTER = Roster(
    topic="Essai vue", facilitator="Fanny", client="Alice", consultants=["Bruno", "Chloé"]
)


def status(url: str) -> int:
    """The HTTP status a GET of `url` gets."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def free_port() -> int:
    """A loopback port nobody listens on (now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_session(folder: Path) -> Path:
    """A session of the classic script, its first phase running since now (real clocks)."""
    classic = load_script(locations.bundled_scripts()["classic"])
    with SessionFile.create(folder, classic, ROSTER, lang="fr") as file:
        file.record("phase", index=0, running=True)
        return file.path


def record(path: Path, type_: str, **fields: object) -> None:
    """Append one event the way the console does (it holds the file while it writes)."""
    with SessionFile.open(path) as file:
        if type_ == "note":
            fields.setdefault("phase", file.session.script.phases[file.session.current].id)
            fields.setdefault("kind", "note")
        file.record(type_, **fields)


class Served:
    """`codev serve` in a process of its own, its standard output read as it comes."""

    URL = re.compile(r"http://127\.0\.0\.1:(\d+)/\S*")

    def __init__(self, *args: str, port: int | None = None, own_group: bool = False) -> None:
        """`own_group`: in a process group (a session) of its own, as in a terminal, where
        Ctrl+C goes to the whole group (and then never to the tests')."""
        self.port = port or free_port()
        env = dict(os.environ, PYTHONPATH=str(SRC), PYTHONDONTWRITEBYTECODE="1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "codev_tui", "serve", *args, "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
            start_new_session=own_group,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def url(self, timeout: float = 20.0) -> str:
        """The URL it printed (waits for it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines:
                if found := self.URL.search(line):
                    return found.group(0)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"codev serve printed no URL:\n{self.output}")

    def children(self) -> list[int]:
        """The processes it runs now (its direct children)."""
        return children_of(self.process.pid)

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 15.0) -> int:
        """Send `signum`, wait for the end; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"codev serve did not stop on {signum}:\n{self.output}") from None

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        pids = self.children() if self.process.poll() is None else []
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for pid in pids:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def children_of(pid: int) -> list[int]:
    """The live direct children of `pid`, from /proc."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except FileNotFoundError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return [c for c in found if alive(c)]


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, finished but not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_for(check, timeout: float, every: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    """Whether `check()` comes true within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
