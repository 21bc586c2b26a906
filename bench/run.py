"""The benchmark of issues 5 and 8: codev against a minimal Textual app with the same widgets.

    python bench/run.py            # full run, a few minutes
    python bench/run.py --quick    # every measurement once, tiny sizes: checks that it runs

Prints the machine, then one Markdown table: measure, codev, reference, ratio, target, met?.
The apps run as `sys.executable -m codev_tui` and `sys.executable bench/reference_app.py`
in real pseudo-terminals (80x24, TERM=xterm-256color); session files go to a temporary
CODEV_DATA_DIR. Exit status 0 unless a measurement crashed or timed out (a missed target is
reported, not an error). See bench/RESULTS.md for what each line measures.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import fcntl
import importlib.metadata
import math
import os
import platform
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REFERENCE_APP = HERE / "reference_app.py"

try:
    import codev_tui  # noqa: F401
except ImportError:  # run from a checkout without installing: use the source tree
    sys.path.insert(0, str(REPO / "src"))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO / "src"), os.environ.get("PYTHONPATH", "")) if p
    )
    import codev_tui  # noqa: F401

from codev_tui import locations  # noqa: E402
from codev_tui.core.script import PhaseScript, load_script  # noqa: E402
from codev_tui.core.session import Roster, SessionError  # noqa: E402
from codev_tui.core.store import SessionFile, encode_record, read_session  # noqa: E402

COLS, ROWS = 80, 24
MARKER = b"EXPOS"  # the first phase's title, upper-cased ("EXPOSÉ"), in codev and the reference
VIEW_MARKER = b"Phase 1/"  # `codev view` draws the title in block letters; its header is text
F5 = b"\x1b[15~"
F10 = b"\x1b[21~"
CLOSING_TITLE = "Fin de séance"  # the closing screen's title in French (words/ui.py, "ui.closing")
RUN_ARGS = ("--topic", "Bench", "--client", "Claire", "--consultants", "Ana,Bo")
CLK_TCK = os.sysconf("SC_CLK_TCK")


class BenchError(Exception):
    """A measurement could not be taken (the app crashed, timed out...)."""


# -- sizes ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    runs: int  # first-frame runs per app, and memory/keystroke app launches
    cli_runs: int
    cpu_seconds: float
    settle: float  # seconds left to an app after its first frame before measuring
    notes: int  # "a session with 1,000 notes"
    big_notes: int  # "a session with 10,000 notes" (first frame, closing screen)
    corrections: int  # "n notes with n corrections" (reading cost)
    reads: int  # read_session calls per session, for the corrections row
    keys: int
    ack_sizes: tuple[int, int, int]
    appends: int
    renders: int


FULL = Sizes(
    runs=9,
    cli_runs=10,
    cpu_seconds=60,
    settle=2.0,
    notes=1000,
    big_notes=10000,
    corrections=10000,
    reads=7,
    keys=30,
    ack_sizes=(100, 1000, 10000),
    appends=200,
    renders=20,
)
QUICK = Sizes(
    runs=1,
    cli_runs=1,
    cpu_seconds=3,
    settle=0.5,
    notes=50,
    big_notes=1000,
    corrections=1000,
    reads=1,
    keys=3,
    ack_sizes=(10, 100, 1000),
    appends=5,
    renders=1,
)


# -- a child in a pseudo-terminal -----------------------------------------------------------------

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1bP[^\x1b]*\x1b\\"  # DCS
    r"|\x1b[@-Z\\-_]"  # other two-byte sequences
    r"|[\x00-\x1f]"
)


def visible(data: bytes) -> str:
    """The text of terminal output without its escape sequences and control characters."""
    return _ANSI.sub("", data.decode("utf-8", "replace"))


class Pty:
    """A process on the slave side of a new pseudo-terminal, its output drained by a thread.

    Every chunk read is kept with the time it arrived, so a waiter can tell when a given
    piece of output was written even if it wakes up later.
    """

    live: list[Pty] = []

    def __init__(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        self.name = name
        self.fd, slave = os.openpty()
        winsize = struct.pack("HHHH", ROWS, COLS, 0, 0)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, winsize)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, winsize)
        self.buf = bytearray()
        self._ends: list[int] = []  # buffer length after each chunk
        self._times: list[float] = []  # arrival time of each chunk
        self._cond = threading.Condition()
        self._stop = False
        self.eof = False
        self.started = time.perf_counter()
        self.session_path: Path | None = None
        try:
            self.proc = subprocess.Popen(
                argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                close_fds=True,
                start_new_session=True,  # its own process group, killed as one
            )
        except BaseException:
            os.close(slave)
            os.close(self.fd)
            raise
        os.close(slave)
        os.set_blocking(self.fd, False)
        Pty.live.append(self)
        self._thread = threading.Thread(target=self._drain, name=f"drain-{name}", daemon=True)
        self._thread.start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _drain(self) -> None:
        while not self._stop:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
            except (OSError, ValueError):
                break
            if not ready:
                continue
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                continue
            except OSError:  # EIO: every process on the slave side is gone
                data = b""
            now = time.perf_counter()
            with self._cond:
                if not data:
                    self.eof = True
                    self._cond.notify_all()
                    return
                self.buf += data
                self._ends.append(len(self.buf))
                self._times.append(now)
                self._cond.notify_all()

    def offset(self) -> int:
        with self._cond:
            return len(self.buf)

    def write(self, data: bytes) -> float:
        """Send input as if typed; returns the time it was written."""
        view = memoryview(data)
        deadline = time.monotonic() + 5
        while view:
            try:
                view = view[os.write(self.fd, view) :]
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BenchError(f"{self.name}: its input is not being read") from None
                select.select([], [self.fd], [], 0.05)
        return time.perf_counter()

    def _time_at(self, end: int) -> float:
        """When the byte just before offset `end` arrived."""
        return self._times[bisect.bisect_left(self._ends, end)]

    def wait_for(
        self, found: Callable[[bytes], int], start: int, timeout: float, what: str
    ) -> float:
        """Wait until `found(output since start)` returns a match end >= 0; the time it arrived.

        `found` is tried on the output chunk by chunk, so the time is that of the chunk
        which completed the match.
        """
        deadline = time.monotonic() + timeout
        checked = start
        with self._cond:
            while True:
                while checked < len(self.buf):
                    i = bisect.bisect_right(self._ends, checked)
                    end = self._ends[i] if i < len(self._ends) else len(self.buf)
                    if found(bytes(self.buf[start:end])) >= 0:
                        return self._time_at(end)
                    checked = end
                if self.eof or self.proc.poll() is not None:
                    raise BenchError(f"{self.name} exited before showing {what}: {self.tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BenchError(f"{self.name}: no {what} after {timeout:g} s: {self.tail()}")
                self._cond.wait(min(left, 0.25))

    def wait_bytes(self, needle: bytes, start: int = 0, timeout: float = 30.0) -> float:
        return self.wait_for(lambda b: b.find(needle), start, timeout, repr(needle))

    def wait_text(self, text: str, start: int, timeout: float = 5.0) -> float:
        return self.wait_for(lambda b: visible(b).find(text), start, timeout, repr(text))

    def wait_output(self, start: int = 0, timeout: float = 30.0) -> float:
        return self.wait_for(lambda b: 0 if b else -1, start, timeout, "any output")

    def tail(self, n: int = 300) -> str:
        text = " ".join(visible(bytes(self.buf[-20000:])).split())
        return repr(text[-n:]) if text else "(no output)"

    def cpu_seconds(self) -> float:
        """utime + stime of the process (all its threads), from /proc/<pid>/stat."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError as exc:
            raise BenchError(f"{self.name} is gone ({exc})") from None
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def status_kib(self, key: str) -> int:
        """A `kB` line of /proc/<pid>/status, e.g. VmHWM."""
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        except OSError as exc:
            raise BenchError(f"{self.name} is gone ({exc})") from None
        raise BenchError(f"no {key} in /proc/{self.pid}/status")

    def alive(self) -> None:
        if self.proc.poll() is not None:
            raise BenchError(f"{self.name} exited ({self.proc.returncode}): {self.tail()}")

    def close(self) -> None:
        """Stop the process group (SIGTERM, then SIGKILL), the reader, and the terminal."""
        for sig, grace in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 3.0)):
            if self.proc.poll() is not None:
                break
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, sig)  # our child leads its own group
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(grace)
        self._stop = True
        self._thread.join(2)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(ValueError):
            Pty.live.remove(self)

    def __enter__(self) -> Pty:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def close_all() -> None:
    for p in list(Pty.live):
        p.close()


# -- the setting ----------------------------------------------------------------------------------


class Bench:
    """The temporary folder, the child environment and the prepared session files."""

    def __init__(self, sizes: Sizes, tmp: Path) -> None:
        self.s = sizes
        self.tmp = tmp
        self.data = tmp / "sessions"
        self.data.mkdir(mode=0o700)
        self.env = child_env(self.data)
        self.script: PhaseScript = load_script(locations.bundled_scripts()["classic"])
        self.phase = self.script.phases[0].id
        self.roster = Roster(
            topic="Bench: tenir un groupe",
            group="Bench",
            facilitator="Fanny",
            client="Claire",
            consultants=["Ana", "Bo", "Cyril", "Dana", "Éric"],
        )
        self.templates: dict[int, Path] = {}
        self._copies = 0

    def session_with(self, notes: int) -> Path:
        """A closed session file in the first phase holding `notes` notes (made once)."""
        if notes not in self.templates:
            self.templates[notes] = make_session(self.data, self.script, self.roster, notes)
        return self.templates[notes]

    def fresh_copy(self, notes: int) -> Path:
        """A copy of the prepared session, so every run opens the same file."""
        self._copies += 1
        dest = self.data / f"run-{self._copies:03d}-{notes}.toml"
        shutil.copyfile(self.session_with(notes), dest)
        os.chmod(dest, 0o600)
        return dest

    def codev(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "codev_tui", *args]

    def reference(self, *args: str) -> list[str]:
        return [sys.executable, str(REFERENCE_APP), *args]

    def spawn_codev(self, notes: int) -> Pty:
        path = self.fresh_copy(notes)
        p = Pty("codev", self.codev("resume", str(path)), self.env)
        p.session_path = path
        return p

    def spawn_reference(self) -> Pty:
        return Pty("reference", self.reference(), self.env)

    def spawn_view(self, path: Path | None = None) -> Pty:
        """`codev view` following a session (a fresh copy of the empty one unless given)."""
        return Pty("codev view", self.codev("view", str(path or self.fresh_copy(0))), self.env)

    def spawn_run(self) -> Pty:
        """`codev run` on the bundled script, the roster given: no setup screen, a new session."""
        return Pty("codev run", self.codev("run", *RUN_ARGS), self.env)


def child_env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "CODEV_"))}
    # PYTHONDONTWRITEBYTECODE: a module changed since its last .pyc would be compiled again at
    # every launch; an installed codev runs from bytecode (pip compiles it), so do the children.
    for k in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE"):
        env.pop(k, None)
    env["TERM"] = "xterm-256color"
    env["CODEV_DATA_DIR"] = str(data)
    if not any(env.get(k) for k in ("LC_ALL", "LC_CTYPE", "LANG")):
        env["LANG"] = "C.UTF-8"
    return env


NOTE_KINDS = ("note", "question", "hypothesis", "suggestion", "impression")
WORDS = (
    "le client décrit une réunion d'équipe où la décision a été reprise sans lui ; "
    "les consultants demandent qui décide quoi, depuis quand, et ce qu'il a déjà essayé"
).split()


def note_text(i: int) -> str:
    rng = random.Random(i)
    return f"n°{i} " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))


def make_session(
    folder: Path,
    script: PhaseScript,
    roster: Roster,
    notes: int,
    correct: Callable[[int], dict[str, object]] | None = None,
) -> Path:
    """Create a session with the store API and give it `notes` notes in its first phase.

    With `correct`, each note is then corrected once, in the order they were taken: an `edit`
    event of note i with the fields `correct(i)`. The events are made and encoded by the store
    (make_event, encode_record) and appended in one write with one fsync: the same bytes as
    many calls of record(), much faster.
    """
    file = SessionFile.create(folder, script, roster)
    phase = script.phases[0].id
    people = ["", *roster.names()]
    chunk = bytearray()
    ids = []
    for i in range(notes):
        event = file.make_event(
            "note",
            phase=phase,
            kind=NOTE_KINDS[i % len(NOTE_KINDS)],
            text=note_text(i),
            author=people[i % len(people)],
        )
        ids.append(event.note_id)
        chunk += encode_record(event)
    if correct is not None:
        for i, note in enumerate(ids):
            chunk += encode_record(file.make_event("edit", note=note, **correct(i)))
    path = file.path
    file.close()
    with open(path, "ab") as fh:
        fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())
    got = len(read_session(path).notes)
    if got != notes:
        raise BenchError(f"prepared session holds {got} notes, not {notes}")
    return path


# -- results --------------------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    codev: float | None = None
    reference: float | None = None
    unit: str = "ms"
    target: str = "—"
    limit: float | None = None  # ratio limit (kind "ratio") or absolute limit (kind "abs")
    kind: str = "info"  # ratio | abs | info
    error: str = ""
    digits: int = 1

    @property
    def ratio(self) -> float | None:
        if self.codev is None or self.reference is None:
            return None
        if self.reference == 0:
            return 1.0 if self.codev == 0 else math.inf
        return self.codev / self.reference

    @property
    def met(self) -> bool | None:
        if self.error or self.limit is None:
            return None
        if self.kind == "ratio":
            r = self.ratio
            return None if r is None else r <= self.limit + 1e-12
        if self.kind == "abs":
            return None if self.codev is None else self.codev <= self.limit
        return None

    def cells(self) -> list[str]:
        def fmt(v: float | None) -> str:
            return "—" if v is None else f"{v:.{self.digits}f} {self.unit}".strip()

        if self.error:
            return [self.measure, "ERROR", "—", "—", self.target, self.error]
        r = self.ratio
        ratio = "—" if r is None else ("∞" if math.isinf(r) else f"{r:.2f}×")
        met = {True: "yes", False: "**no**", None: "—"}[self.met]
        return [self.measure, fmt(self.codev), fmt(self.reference), ratio, self.target, met]


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    crashed: int = 0

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(f"  {' | '.join(row.cells())}", flush=True)
        return row

    def table(self) -> str:
        head = ["measure", "codev", "reference", "ratio", "target", "met?"]
        body = [r.cells() for r in self.rows]
        widths = [max(len(c) for c in col) for col in zip(head, *body, strict=True)]

        def line(cells: list[str]) -> str:
            return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

        sep = "| " + " | ".join("-" * w for w in widths) + " |"
        return "\n".join([line(head), sep, *(line(b) for b in body)])


@contextlib.contextmanager
def measuring(report: Report, name: str, fail_rows: list[str]) -> Iterator[None]:
    """Run one measurement; a crash becomes ERROR rows and a non-zero exit, not an abort."""
    print(f"[{time.strftime('%H:%M:%S')}] {name}", flush=True)
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - any crash becomes an ERROR row
        report.crashed += 1
        msg = " ".join(str(exc).split())[:200] or type(exc).__name__
        traceback.print_exc(file=sys.stderr)
        for row in fail_rows:
            report.add(Row(row, error=msg))
    finally:
        close_all()


def median(xs: list[float]) -> float:
    return statistics.median(xs)


# -- 1. time to first painted frame ---------------------------------------------------------------


def first_frame(p: Pty, timeout: float = 30.0) -> float:
    marker = VIEW_MARKER if p.name == "codev view" else MARKER
    return p.wait_bytes(marker, 0, timeout) - p.started


def measure_first_frame(b: Bench, report: Report) -> None:
    big, huge = b.s.notes, b.s.big_notes
    for size in (big, huge):  # prepared before the clock runs
        b.session_with(size)
    launches: dict[str, Callable[[], Pty]] = {
        "resume": lambda: b.spawn_codev(0),
        "reference": b.spawn_reference,
        "run": b.spawn_run,
        "big": lambda: b.spawn_codev(big),
        "huge": lambda: b.spawn_codev(huge),
        "view": b.spawn_view,
    }
    times: dict[str, list[float]] = {k: [] for k in launches}
    for _ in range(b.s.runs):  # interleaved, so a slow spell hits them all alike
        for key, spawn in launches.items():
            with spawn() as p:
                times[key].append(first_frame(p, timeout=60))
    for key, xs in times.items():  # every launch, to see the spread
        print(f"    {key}: " + " ".join(f"{x * 1000:.0f}" for x in xs) + " ms", flush=True)
    ref = median(times["reference"]) * 1000
    n = b.s.runs
    for key, label, limit in (
        ("resume", f"1a. first frame, `codev resume`, 0 notes, median of {n}", 1.2),
        ("run", "1b. first frame, `codev run` on the bundled script", 1.2),
        ("big", f"1c. first frame, `codev resume`, {big:,} notes in the phase", 1.4),
        ("huge", f"1d. first frame, `codev resume`, {huge:,} notes in the phase", 2.0),
        ("view", f"1f. first frame, `codev view` (the room's screen), median of {n}", 1.2),
    ):
        report.add(
            Row(
                label,
                median(times[key]) * 1000,
                ref,
                target=f"≤ {limit:g}×",
                limit=limit,
                kind="ratio",
                digits=0,
            )
        )


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """Instructions a command executes, counted by valgrind's callgrind (the same on a busy or
    an idle machine)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=600,
        check=False,
    )
    found = re.search(rb"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise BenchError(f"valgrind {' '.join(argv[1:])}: exit {done.returncode}")
    return int(found.group(1))


def measure_instructions(b: Bench, report: Report) -> None:
    """1e: the first frame in instructions, headless, when valgrind is there (full run only)."""
    if b.s is QUICK or shutil.which("valgrind") is None:
        return
    harness = str(HERE / "headless_first_frame.py")
    codev = instructions([sys.executable, harness, "codev", str(b.fresh_copy(0))], b.env)
    ref = instructions([sys.executable, harness, "reference"], b.env)
    report.add(
        Row(
            "1e. instructions to the first frame, `codev resume` 0 notes, headless (callgrind)",
            codev / 1e6,
            ref / 1e6,
            unit="M",
            digits=0,
        )
    )


def warm_up(b: Bench) -> None:
    """A launch of each app until its first frame (and codev's closing screen), not counted:
    writes the bytecode of every module they import and fills the page cache."""
    for spawn in (lambda: b.spawn_codev(0), b.spawn_run, b.spawn_reference, b.spawn_view):
        with spawn() as p:
            first_frame(p, timeout=120)
            if p.name == "codev":
                mark = p.offset()
                p.write(F10)
                p.wait_text(CLOSING_TITLE, mark, timeout=60)


def settle(p: Pty, seconds: float, quiet: float = 0.3, timeout: float = 10.0) -> None:
    """Leave the app `seconds`, then until it has written nothing for `quiet` seconds (at most
    `timeout` more): what it does after its first frame is done before a key is timed."""
    time.sleep(seconds)
    deadline = time.monotonic() + timeout
    last = p.offset()
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = p.offset()
        if now == last:
            break
        last = now
    p.alive()


def start_countdown(p: Pty, timeout: float = 10.0) -> None:
    """Press F5 in codev and wait until its session file says the countdown runs."""
    assert p.session_path is not None
    p.write(F5)
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(SessionError):  # a record half-written: read again
            if read_session(p.session_path).running:
                return
        p.alive()
        if time.monotonic() > deadline:
            raise BenchError(f"F5 did not start codev's countdown: {p.tail()}")
        time.sleep(0.05)


# -- 2. command-line wall time --------------------------------------------------------------------


def timed_run(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise BenchError(f"{' '.join(argv[1:])}: exit {done.returncode}: {' / '.join(err)}")
    return elapsed


def measure_cli(b: Bench, report: Report) -> None:
    phases = REPO / "phases.toml"
    if not phases.is_file():
        phases = locations.bundled_scripts()["classic"]
    small, big = 100 if b.s.notes >= 100 else 10, b.s.notes
    out = b.tmp / "minutes.md"
    commands = {
        "check": b.codev("check", str(phases)),
        "small": b.codev("export", str(b.session_with(small)), "-o", str(out), "--force"),
        "big": b.codev("export", str(b.session_with(big)), "-o", str(out), "--force"),
        "basemodel": [sys.executable, "-c", "from pydantic import BaseModel"],
        "pydantic": [sys.executable, "-c", "import pydantic"],
        "bare": [sys.executable, "-c", "pass"],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    for argv in commands.values():  # warm-up
        timed_run(argv, b.env)
    for _ in range(b.s.cli_runs):
        for key, argv in commands.items():
            times[key].append(timed_run(argv, b.env))
    ms = {k: median(v) * 1000 for k, v in times.items()}
    n = b.s.cli_runs
    report.add(
        Row(
            f"2a. `codev check phases.toml` vs `from pydantic import BaseModel`, median of {n}",
            ms["check"],
            ms["basemodel"],
            target="≤ 1.5×",
            limit=1.5,
            kind="ratio",
            digits=0,
        )
    )
    for key, label in (
        ("small", f"2b. `codev export`, {small:,} notes vs `python -c pass`"),
        ("big", f"2c. `codev export`, {big:,} notes vs `python -c pass`"),
    ):
        report.add(Row(label, ms[key], ms["bare"], digits=0))
    report.add(
        Row(
            f"2d. `codev export`, {big:,} notes vs `import pydantic` (issue 5: ≤ 1.5×)",
            ms["big"],
            ms["pydantic"],
            digits=0,
        )
    )


# -- 3. CPU while a phase counts down -------------------------------------------------------------


def measure_cpu(b: Bench, report: Report) -> None:
    """All the apps idle side by side over the same window, each counting down."""
    apps: dict[str, Pty] = {}
    apps["codev"] = b.spawn_codev(0)
    apps["reference"] = b.spawn_reference()
    apps["no-blink"] = Pty("reference --no-blink", b.reference("--no-blink"), b.env)
    termdown = shutil.which("termdown")
    if termdown:
        apps["termdown"] = Pty("termdown", [termdown, "3600"], b.env)
    for key in ("codev", "reference", "no-blink"):
        first_frame(apps[key])
    if termdown:
        apps["termdown"].wait_output()
    start_countdown(apps["codev"])  # the reference counts down from the start
    # The room's view follows the console's session, counting down with it.
    apps["view"] = b.spawn_view(apps["codev"].session_path)
    first_frame(apps["view"])
    time.sleep(b.s.settle)
    start = {k: (p.cpu_seconds(), p.offset()) for k, p in apps.items()}
    t0 = time.perf_counter()
    time.sleep(b.s.cpu_seconds)
    window = time.perf_counter() - t0
    end = {k: (p.cpu_seconds(), p.offset()) for k, p in apps.items()}
    for p in apps.values():
        p.alive()
    pct = {k: 100 * (end[k][0] - start[k][0]) / window for k in apps}
    out = {k: (end[k][1] - start[k][1]) / window for k in apps}
    if out["codev"] == 0:
        raise BenchError("codev wrote nothing during the window: did F5 start the countdown?")
    label = f"over {window:.0f} s"
    cpu = {"unit": "%", "digits": 2}
    report.add(
        Row(f"3. CPU while counting down, {label} (% of a core)", pct["codev"], pct["reference"],
            target="≤ 1×", limit=1.0, kind="ratio", **cpu)
    )  # fmt: skip
    report.add(
        Row("3b. CPU, reference with its cursor blink off",
            pct["codev"], pct["no-blink"], **cpu)
    )  # fmt: skip
    if termdown:
        report.add(
            Row("3c. CPU, `termdown 3600` as the reference",
                pct["codev"], pct["termdown"], **cpu)
        )  # fmt: skip
    report.add(
        Row("3d. terminal output while counting down", out["codev"], out["reference"],
            unit="B/s", digits=0)
    )  # fmt: skip
    report.add(
        Row("3e. CPU, `codev view` following the session (% of a core)",
            pct["view"], pct["reference"], target="≤ 1×", limit=1.0, kind="ratio", **cpu)
    )  # fmt: skip
    report.add(
        Row("3f. CPU, `codev view` vs the console it follows (issue 12: a poll under it)",
            pct["view"], pct["codev"], target="≤ 1×", limit=1.0, kind="ratio", **cpu)
    )  # fmt: skip


# -- 4 and 5. peak memory and keystroke echo, with 1,000 notes ------------------------------------


def keystrokes(p: Pty, keys: str, rng: random.Random) -> list[float]:
    """Seconds from writing each key to the input showing it; keys are typed one at a time."""
    prefix = "zqjw"  # typed first and not timed: the visible text to look for is never short
    mark = p.offset()
    p.write(prefix.encode())
    p.wait_text(prefix, mark, timeout=10)
    typed, out = prefix, []
    for ch in keys:
        time.sleep(rng.uniform(0.06, 0.16))  # idle between keys, out of step with the clock
        mark = p.offset()
        sent = p.write(ch.encode())
        typed += ch
        # The input shows the end of its value (it scrolls once the value is wider).
        out.append(p.wait_text(typed[-12:], mark, timeout=5) - sent)
    return out


def measure_memory_and_keys(b: Bench, report: Report) -> None:
    rng = random.Random(5)
    alphabet = "abcdefghiklmnoprstuvxy0123456789"
    launches = max(1, min(3, b.s.runs))
    hwm: dict[str, list[float]] = {"codev": [], "reference": []}
    lat: dict[str, list[float]] = {"codev": [], "reference": []}
    b.session_with(b.s.notes)
    for _ in range(launches):
        for name in ("codev", "reference"):
            with b.spawn_codev(b.s.notes) if name == "codev" else b.spawn_reference() as p:
                first_frame(p)
                if name == "codev":
                    start_countdown(p)  # both count down while the notes are typed
                time.sleep(b.s.settle)
                hwm[name].append(p.status_kib("VmHWM") / 1024)
                keys = "".join(rng.sample(alphabet, b.s.keys))
                lat[name].extend(keystrokes(p, keys, rng))
                p.alive()
    report.add(
        Row(
            f"4. peak memory (VmHWM), {b.s.notes:,} notes",
            median(hwm["codev"]),
            median(hwm["reference"]),
            unit="MiB",
            target="≤ 1.3×",
            limit=1.3,
            kind="ratio",
        )
    )
    n = len(lat["codev"])
    report.add(
        Row(
            f"5. keystroke → echo, {b.s.notes:,} notes, median of {n}",
            median(lat["codev"]) * 1000,
            median(lat["reference"]) * 1000,
            target="≤ 1.2×",
            limit=1.2,
            kind="ratio",
        )
    )
    p90 = {k: sorted(v)[min(len(v) - 1, int(0.9 * len(v)))] * 1000 for k, v in lat.items()}
    report.add(Row("5b. keystroke → echo, 90th percentile", p90["codev"], p90["reference"]))


# -- 6. note acknowledgement ----------------------------------------------------------------------


def measure_ack(b: Bench, report: Report) -> None:
    folder = b.tmp / "ack"
    med: dict[int, float] = {}
    for size in b.s.ack_sizes:
        path = make_session(folder, b.script, b.roster, size)
        file = SessionFile.open(path)
        try:
            times = []
            for i in range(b.s.appends):
                t0 = time.perf_counter()
                file.record("note", phase=b.phase, kind="note", text=note_text(size + i))
                times.append(time.perf_counter() - t0)
            if len(file.session.notes) != size + b.s.appends:
                raise BenchError("the session lost notes")
        finally:
            file.close()
        med[size] = median(times) * 1000
    small, mid, big = b.s.ack_sizes
    n = b.s.appends
    report.add(
        Row(
            f"6a. note ack (record + fsync) at {small:,} notes, median of {n}", med[small], digits=2
        )
    )
    report.add(
        Row(
            f"6b. note ack at {mid:,} notes, median of {n}",
            med[mid],
            target="≤ 2 ms",
            limit=2.0,
            kind="abs",
            digits=2,
        )
    )
    report.add(
        Row(
            f"6c. note ack at {big:,} notes vs at {small:,} (as the reference)",
            med[big],
            med[small],
            target="≤ 1.5×",
            limit=1.5,
            kind="ratio",
            digits=2,
        )
    )


# -- 7. export of 1,000 notes, in process ---------------------------------------------------------


def measure_export(b: Bench, report: Report) -> None:
    from codev_tui.core.minutes.render import render_minutes

    path = b.session_with(b.s.notes)
    reads, renders = [], []
    for _ in range(max(1, b.s.renders // 4)):
        t0 = time.perf_counter()
        session = read_session(path)
        reads.append(time.perf_counter() - t0)
    text = ""
    for _ in range(b.s.renders):
        t0 = time.perf_counter()
        text = render_minutes(session)
        renders.append(time.perf_counter() - t0)
    if text.count("\n- ") < b.s.notes * 4 // 5:  # authors' notes are shown too; roughly all
        raise BenchError("the minutes do not hold the notes")
    report.add(
        Row(
            f"7. render_minutes, {b.s.notes:,} notes, median of {len(renders)}",
            median(renders) * 1000,
            target="≤ 50 ms",
            limit=50.0,
            kind="abs",
            digits=2,
        )
    )
    report.add(Row(f"7b. read_session, {b.s.notes:,} notes", median(reads) * 1000, digits=1))


# -- 8. closing screen with 10,000 notes ---------------------------------------------------------


def measure_closing(b: Bench, report: Report) -> None:
    """F10 on `codev resume` of a big session, until the closing screen's title shows."""
    n = b.s.big_notes
    b.session_with(n)
    times = []
    for _ in range(b.s.runs):
        with b.spawn_codev(n) as p:
            first_frame(p, timeout=60)
            settle(p, b.s.settle)
            mark = p.offset()
            sent = p.write(F10)
            times.append(p.wait_text(CLOSING_TITLE, mark, timeout=60) - sent)
    report.add(
        Row(
            f"8. F10 → closing screen, {n:,} notes, median of {len(times)}",
            median(times) * 1000,
            target="≤ 300 ms",
            limit=300.0,
            kind="abs",
            digits=0,
        )
    )


# -- 9. reading corrections -----------------------------------------------------------------------


def corrected(i: int) -> dict[str, object]:
    """The correction of note i: new text, another kind."""
    return {"text": note_text(i) + " (corrigé)", "kind": NOTE_KINDS[(i + 1) % len(NOTE_KINDS)]}


def made_confidential(i: int) -> dict[str, object]:
    return {"confidential": True}


def measure_corrections(b: Bench, report: Report) -> None:
    """read_session of n notes, against n notes each corrected once: no quadratic path."""
    n = b.s.corrections
    folder = b.tmp / "corrections"
    paths = {
        "plain": make_session(folder, b.script, b.roster, n),
        "edited": make_session(folder, b.script, b.roster, n, corrected),
        "confidential": make_session(folder, b.script, b.roster, n, made_confidential),
    }
    notes = read_session(paths["edited"]).notes
    if [x.text for x in notes] != [str(corrected(i)["text"]) for i in range(n)]:
        raise BenchError("the corrections did not change the notes' texts")
    if not all(x.confidential for x in read_session(paths["confidential"]).notes):
        raise BenchError("the corrections did not make the notes confidential")
    times: dict[str, list[float]] = {k: [] for k in paths}
    for _ in range(b.s.reads):  # interleaved
        for key, path in paths.items():
            t0 = time.perf_counter()
            read_session(path)
            times[key].append(time.perf_counter() - t0)
    ms = {k: median(v) * 1000 for k, v in times.items()}
    report.add(
        Row(
            f"9. read_session, {n:,} notes each corrected vs not, median of {b.s.reads}",
            ms["edited"],
            ms["plain"],
            target="≤ 2×",
            limit=2.0,
            kind="ratio",
            digits=0,
        )
    )
    report.add(
        Row(
            f"9b. read_session, {n:,} notes each marked confidential vs not",
            ms["confidential"],
            ms["plain"],
            digits=0,
        )
    )


# -- the machine ----------------------------------------------------------------------------------


def filesystem_of(path: Path) -> str:
    best, fs = "", "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) > 2 and str(path).startswith(parts[1]) and len(parts[1]) > len(best):
                best, fs = parts[1], f"{parts[2]} ({parts[0]} on {parts[1]})"
    return fs


def machine(tmp: Path) -> list[str]:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break

    def version(dist: str) -> str:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    mem = "?"
    with contextlib.suppress(OSError, IndexError, ValueError):
        kib = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    commit = "?"
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        git = ["git", "-C", str(REPO)]
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        )
        dirty = subprocess.run([*git, "status", "--porcelain", "--", "src"], capture_output=True)
        if head.returncode == 0:
            commit = head.stdout.strip() + (
                " + uncommitted changes in src/" if dirty.stdout else ""
            )
    return [
        f"- date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- nproc: {len(os.sched_getaffinity(0))} (cpu_count {os.cpu_count()}); "
        f"CPU: {cpu}; RAM {mem}",
        f"- kernel: {platform.system()} {platform.release()}; load average at start: {load}",
        f"- python: {platform.python_version()} ({sys.executable})",
        f"- textual {version('textual')}, rich {version('rich')}, pydantic {version('pydantic')}, "
        f"codev-tui {codev_tui.__version__} ({Path(codev_tui.__file__).parent}), commit {commit}",
        f"- session folder: {filesystem_of(tmp)}; "
        f"termdown: {shutil.which('termdown') or 'not found'}",
    ]


# -- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="once each, tiny sizes (CI)")
    parser.add_argument("--tmpdir", type=Path, help="where the temporary session folder goes")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--only", help="comma-separated measurements to run, e.g. 1,5")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    tmp = Path(tempfile.mkdtemp(prefix="codev-bench-", dir=args.tmpdir))

    def on_signal(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    report = Report()
    started = time.perf_counter()
    try:
        print(f"codev-tui benchmark ({'quick' if args.quick else 'full'})")
        print("\n".join(machine(tmp)), flush=True)
        b = Bench(sizes, tmp)
        with measuring(report, "warm-up", ["0. warm-up launches"]):
            warm_up(b)
        steps = [
            ("1", "first frame", measure_first_frame, ["1. first frame"]),
            ("1", "instructions", measure_instructions, ["1e. instructions"]),
            ("2", "command line", measure_cli, ["2. codev check / export"]),
            ("3", "CPU", measure_cpu, ["3. CPU while counting down"]),
            (
                "45",
                "memory and keystrokes",
                measure_memory_and_keys,
                ["4. peak memory", "5. keystroke → echo"],
            ),
            ("6", "note acknowledgement", measure_ack, ["6. note ack"]),
            ("7", "export in process", measure_export, ["7. render_minutes"]),
            ("8", "closing screen", measure_closing, ["8. F10 → closing screen"]),
            ("9", "corrections", measure_corrections, ["9. read_session with corrections"]),
        ]
        only = set((args.only or "").replace(",", ""))
        for key, name, func, fail_rows in steps:
            if only and not only & set(key):
                continue
            with measuring(report, name, fail_rows):
                func(b, report)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        report.crashed += 1
    finally:
        close_all()
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(report.table())
    missed = [r.measure for r in report.rows if r.met is False]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"\n{len(report.rows)} lines, {len(missed)} targets missed, "
        f"{report.crashed} measurements failed, {time.perf_counter() - started:.0f} s; "
        f"load average at the end: {load}"
    )
    return 1 if report.crashed else 0


if __name__ == "__main__":
    sys.exit(main())
