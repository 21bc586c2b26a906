"""Kill the writer (SIGKILL, or an exit at a named point between two writes): no acknowledged note
is ever lost, and the session always opens again.

The writer (writer.py) prints `ack N` only once `record()` returned for note N. After every kill:
the session file opens for writing (repairing a torn tail), holds notes 1..M exactly (M is the
last acknowledged note, or one more that was saved but not yet acknowledged), is private (0600),
and the whole file is valid TOML.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import queue
import random
import signal
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from codev_tui.core.store import SessionFile, list_sessions, read_session

WRITER = Path(__file__).with_name("writer.py")
SRC = Path(__file__).resolve().parents[2] / "src"
TIMEOUT = 60


def _load_writer():
    spec = importlib.util.spec_from_file_location("codev_crash_writer", WRITER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


writer = _load_writer()
note_text = functools.lru_cache(maxsize=None)(writer.note_text)


def _env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}


# -- checking a session after a crash --------------------------------------------------------------


def check_session(folder: Path) -> tuple[int, Path | None]:
    """Open the folder's session as codev would after a crash; returns (notes, side file)."""
    found = list_sessions(folder)
    if not found:
        return 0, None
    assert len(found) == 1, found
    path = found[0]
    with SessionFile.open(path) as file:
        notes = file.session.notes
        repaired = file.repaired
    m = len(notes)
    assert [n.text for n in notes] == [note_text(i) for i in range(1, m + 1)]
    assert [n.id for n in notes] == list(range(1, m + 1))
    assert [(n.author, n.confidential, n.phase) for n in notes] == [
        (writer.note_author(i), writer.note_confidential(i), writer.note_phase(i))
        for i in range(1, m + 1)
    ]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = tomllib.loads(path.read_bytes().decode("utf-8"))
    assert len(data.get("events", [])) == m
    return m, repaired


def check_after_run(folder: Path, before: int, acks: list[int]) -> int:
    """Every acknowledged note is there, in order, and at most one more."""
    assert acks == list(range(before + 1, before + 1 + len(acks))), acks
    last = acks[-1] if acks else before
    m, _ = check_session(folder)
    assert m in (last, last + 1), f"{m} notes on disk, last acknowledged {last}"
    return m


# -- the fork server -------------------------------------------------------------------------------


class Server:
    """Drives `writer.py --serve`: one Python start-up, a fresh forked writer per run."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def line(self) -> str:
        try:
            line = self.lines.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError("the writer is stuck") from None
        assert line, "the writer server died"
        assert not line.startswith("error"), line
        return line

    def run(
        self, folder: Path, *, kill_after_acks: int | None = None, pause: float = 0.0, **options
    ):
        """One writer run; returns (acks, exit code): -9 when killed, 137 at a crash point."""
        words = " ".join(f"{k}={v}" for k, v in options.items())
        self.send(f"run {folder} {words}")
        start = self.line()
        assert start.startswith("start "), start
        pid = int(start.split()[1])
        acks: list[int] = []

        def take(line: str) -> bool:
            if line.startswith("ack "):
                acks.append(int(line.split()[1]))
            return line.startswith(f"exit {pid} ")

        if kill_after_acks is None:
            self.send("wait")
        else:
            while len(acks) < kill_after_acks:
                assert not take(self.line()), "the writer stopped before being killed"
            if pause:
                threading.Event().wait(pause)
            self.send("kill")
        while not take(line := self.line()):
            pass
        return acks, os.waitstatus_to_exitcode(int(line.split()[2]))

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=TIMEOUT)
        self.proc.stdout.close()


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.close()


# -- random kills ----------------------------------------------------------------------------------


def kill_campaign(server: Server, root: Path, kills: int, seed: int) -> dict[str, int]:
    """`kills` SIGKILLs at random moments; now and then also a writer that dies half-way through
    an append (a torn record, a rare outcome of a real SIGKILL) whose repair is left to the next
    writer, so that random kills land in the repair too."""
    rng = random.Random(seed)
    stats = {"kills": 0, "tears": 0, "sessions": 0}
    folder, notes = root, 0
    while stats["kills"] < kills:
        if stats["kills"] >= 20 * stats["sessions"]:
            folder, notes = root / f"session-{stats['sessions']}", 0  # creation gets killed too
            stats["sessions"] += 1
        if rng.random() < 0.1:
            nth = rng.randint(1, 4)
            acks, code = server.run(folder, crash_at="mid_append", nth=nth)
            assert code == 137 and acks == list(range(notes + 1, notes + nth))
            (path,) = list_sessions(folder)
            session = read_session(path)  # read only: the torn tail stays for the next writer
            assert [n.text for n in session.notes] == [note_text(i) for i in range(1, notes + nth)]
            notes += nth - 1
            stats["tears"] += 1
            continue
        acks, code = server.run(
            folder,
            kill_after_acks=rng.choice([0, 0, 0, 1, 1, 2, 3, 5, 8]),
            pause=rng.choice([0, 0, rng.uniform(0, 0.002), rng.uniform(0, 0.006)]),
        )
        assert code == -signal.SIGKILL
        stats["kills"] += 1
        notes = check_after_run(folder, notes, acks)
    return stats


def test_200_random_kills_lose_no_acknowledged_note(server, tmp_path):
    stats = kill_campaign(server, tmp_path, 200, seed=2026)
    assert stats["kills"] == 200


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_500_random_kills_lose_no_acknowledged_note(server, tmp_path, seed):
    stats = kill_campaign(server, tmp_path, 500, seed=seed)
    assert stats["kills"] == 500


def test_a_session_goes_on_after_a_kill(server, tmp_path):
    acks, code = server.run(tmp_path, kill_after_acks=3)
    assert code == -signal.SIGKILL and acks[:3] == [1, 2, 3]
    m = check_after_run(tmp_path, 0, acks)
    acks, code = server.run(tmp_path, count=4)
    assert code == 0 and acks == list(range(m + 1, m + 5))
    assert check_after_run(tmp_path, m, acks) == m + 4


# -- named crash points ----------------------------------------------------------------------------


@pytest.mark.parametrize("nth", [1, 2, 5])
def test_crash_in_the_middle_of_an_append(server, tmp_path, nth):
    acks, code = server.run(tmp_path, crash_at="mid_append", nth=nth)
    assert code == 137 and acks == list(range(1, nth))
    (path,) = list_sessions(tmp_path)
    assert len(read_session(path).notes) == nth - 1  # read-only: the torn half is ignored
    raw = path.read_bytes()
    m, repaired = check_session(tmp_path)
    assert m == nth - 1
    assert repaired is not None and repaired.read_bytes().startswith(b"[[events]]\nseq = ")
    assert raw.startswith(path.read_bytes()) and raw.endswith(repaired.read_bytes())
    acks, code = server.run(tmp_path, count=2)
    assert code == 0 and acks == [nth, nth + 1]
    assert check_after_run(tmp_path, nth - 1, acks) == nth + 1


@pytest.mark.parametrize("point", ["after_temp_write", "before_rename", "after_rename"])
def test_crash_while_creating_the_session(server, tmp_path, point):
    acks, code = server.run(tmp_path, crash_at=point)
    assert code == 137 and acks == []
    m, repaired = check_session(tmp_path)
    assert m == 0 and repaired is None
    # renamed or not at all: never half a header
    assert bool(list_sessions(tmp_path)) == (point == "after_rename")
    acks, code = server.run(tmp_path, count=3)
    assert code == 0 and acks == [1, 2, 3]
    assert check_after_run(tmp_path, 0, acks) == 3
    assert len(list_sessions(tmp_path)) == 1


@pytest.mark.parametrize("nth", [1, 2], ids=["side-file", "session-file"])
@pytest.mark.parametrize("point", ["after_temp_write", "before_rename", "after_rename"])
def test_crash_while_repairing_a_torn_tail(server, tmp_path, point, nth):
    """The repair writes the side file then the session file, each atomically; crash in either."""
    acks, code = server.run(tmp_path, crash_at="mid_append", nth=3)
    assert code == 137 and acks == [1, 2]
    (path,) = list_sessions(tmp_path)
    raw = path.read_bytes()
    good = len(read_session(path).notes)
    assert good == 2
    acks, code = server.run(tmp_path, crash_at=point, nth=nth)  # the writer's open repairs
    assert code == 137 and acks == []
    # whatever the crash left, the session opens with both notes and the torn bytes are kept
    m, repaired = check_session(tmp_path)
    assert m == 2
    kept = [p.read_bytes() for p in tmp_path.glob(f"{path.name}.torn-*")]
    assert kept and all(k == kept[0] for k in kept) and raw.endswith(kept[0])
    if point == "after_rename" and nth == 2:
        assert repaired is None  # the session file was already repaired
    acks, code = server.run(tmp_path, count=1)
    assert code == 0 and acks == [3]
    assert check_after_run(tmp_path, 2, acks) == 3


def test_the_writer_crash_point_is_set_by_environment_variable(tmp_path):
    """The standalone writer, as another tool would run it: CODEV_TEST_CRASH_AT=mid_append."""
    proc = subprocess.run(
        [sys.executable, str(WRITER), str(tmp_path), "--count", "10"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=_env(CODEV_TEST_CRASH_AT="mid_append", CODEV_TEST_CRASH_NTH="4"),
    )
    assert proc.returncode == 137, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("path ") and lines[1:] == ["ack 1", "ack 2", "ack 3"]
    m, repaired = check_session(tmp_path)
    assert m == 3 and repaired is not None
