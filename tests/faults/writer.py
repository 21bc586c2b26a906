"""A session writer for crash tests: a separate process, killed at random or named moments.

    python writer.py FOLDER [--count N] [--hold]
        Open the session found in FOLDER (or create one), then record notes, printing
        `path <file>` once open and `ack <n>` (flushed) after each `record()` returned, i.e. once
        note n is on disk. Note n always has the text `note_text(n)`, so a test can check every
        acknowledged note. `--count N` stops after N notes (`done` is printed), `--hold` keeps the
        session open (and locked) until killed.

    python writer.py --serve
        A fork server, so that hundreds of kills do not pay Python's start-up each. It reads
        `run FOLDER [count=N] [crash_at=POINT] [nth=N]` on stdin and forks a child that prints
        `start <pid>` then behaves as above (without a count it writes until killed). The next
        line on stdin is `kill` (the server SIGKILLs the child, which it has not reaped yet, so
        the pid cannot be a recycled one) or `wait`; then the server prints
        `exit <pid> <wait status>`.

Named crash points, for the steps between the writes (no hook in the production code: the writer
monkeypatches `os` in its own process): CODEV_TEST_CRASH_AT is one of

    after_temp_write   the temp file of an atomic write (create or repair) is written, not synced
    before_rename      an atomic write is about to rename its temp file into place
    after_rename       the rename is done, the folder not yet synced
    mid_append         half of a record's bytes are appended to the session file

and the process ends with `os._exit(137)` the CODEV_TEST_CRASH_NTH-th time (default 1) it
gets there.
"""

from __future__ import annotations

import os
import random
import signal
import sys
from pathlib import Path

if __name__ == "__main__":  # make `codev_tui` importable without installing it
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from codev_tui.core.script import validate_script  # noqa: E402
from codev_tui.core.session import Roster  # noqa: E402
from codev_tui.core.store import SessionFile, list_sessions  # noqa: E402

CRASH_CODE = 137

SCRIPT = {
    "script": {"name": "Crash test", "lang": "fr"},
    "phases": [
        {"id": "expose", "title": "Exposé", "minutes": 10},
        {"id": "questions", "title": "Questions", "minutes": 15, "kind": "question"},
        {"id": "plan", "title": "Plan d'action", "minutes": 5, "kind": "action"},
    ],
}
PHASES = [p["id"] for p in SCRIPT["phases"]]
AUTHORS = ["", "Claire", "Ahmed", "Béatrice", "陈", "Zoë\u0301"]
_ALPHABET = "abcdefghijklmnopqrstuvwxyz ,.'\"\\éèàçœ€—«»\t\n\r\x00\x7f\u2028🙂中文"


def note_text(n: int) -> str:
    """The text of note n: mostly a line or two, sometimes a long page (tens of kilobytes)."""
    rng = random.Random(n)
    size = rng.randrange(8_000, 40_000) if rng.random() < 0.03 else rng.randrange(0, 200)
    body = "".join(rng.choice(_ALPHABET) for _ in range(min(size, 500)))
    if size > 500:
        body = (body * (size // 500 + 1))[:size]
    return f"#{n} {body}"


def note_author(n: int) -> str:
    return AUTHORS[n % len(AUTHORS)]


def note_confidential(n: int) -> bool:
    return n % 7 == 3


def note_phase(n: int) -> str:
    return PHASES[(n // 10) % len(PHASES)]


def _is_fd_to(fd: int, suffix: str) -> bool:
    try:
        return os.readlink(f"/proc/self/fd/{fd}").endswith(suffix)
    except OSError:
        return False


def install_crash_point(point: str, nth: int) -> None:
    """Make this process die (exit 137, nothing flushed) the nth time it reaches `point`."""
    seen = 0
    real_write, real_replace = os.write, os.replace

    def reached() -> bool:
        nonlocal seen
        seen += 1
        return seen == nth

    if point in ("after_temp_write", "mid_append"):
        suffix = ".tmp" if point == "after_temp_write" else ".toml"

        def write(fd: int, data: bytes) -> int:
            if not _is_fd_to(fd, suffix) or not reached():
                return real_write(fd, data)
            if point == "mid_append":
                real_write(fd, bytes(data)[: len(data) // 2])
            else:
                real_write(fd, data)
            os._exit(CRASH_CODE)

        os.write = write
    elif point in ("before_rename", "after_rename"):

        def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            if not reached():
                return real_replace(src, dst)
            if point == "after_rename":
                real_replace(src, dst)
            os._exit(CRASH_CODE)

        os.replace = replace
    elif point:
        raise SystemExit(f"unknown CODEV_TEST_CRASH_AT={point!r}")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def open_or_create(folder: Path) -> SessionFile:
    found = list_sessions(folder)
    if found:
        return SessionFile.open(found[0])
    roster = Roster(topic="Crash test", facilitator="Fanny", client="Claire", consultants=["Ahmed"])
    return SessionFile.create(folder, validate_script(SCRIPT, "writer"), roster)


def run(folder: Path, count: int | None = None, hold: bool = False) -> None:
    with open_or_create(folder) as file:
        say(f"path {file.path}")
        n = len(file.session.notes)
        todo = count if count is not None else (0 if hold else 1_000_000)
        for _ in range(todo):
            n += 1
            file.record(
                "note",
                phase=note_phase(n),
                kind="note",
                text=note_text(n),
                author=note_author(n),
                confidential=note_confidential(n),
            )
            say(f"ack {n}")
        if hold:
            say("holding")
            while True:
                os.pause() if hasattr(os, "pause") else __import__("time").sleep(3600)
        say("done")


def serve() -> None:
    while line := sys.stdin.readline():
        words = line.split()
        if words[:1] != ["run"] or len(words) < 2:
            continue
        options = dict(word.split("=", 1) for word in words[2:])
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                install_crash_point(options.get("crash_at", ""), int(options.get("nth", "1")))
                say(f"start {os.getpid()}")
                run(Path(words[1]), int(options["count"]) if "count" in options else None)
            except BaseException as exc:  # reported, then the server goes on
                say(f"error {type(exc).__name__}: {exc}")
                code = 1
            finally:
                os._exit(code)
        if sys.stdin.readline().strip() == "kill":
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


def main(argv: list[str]) -> None:
    install_crash_point(
        os.environ.get("CODEV_TEST_CRASH_AT", ""), int(os.environ.get("CODEV_TEST_CRASH_NTH", "1"))
    )
    if argv[:1] == ["--serve"]:
        serve()
        return
    folder = Path(argv[0])
    count = int(argv[argv.index("--count") + 1]) if "--count" in argv else None
    run(folder, count, hold="--hold" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
