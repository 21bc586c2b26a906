"""What the server needs around its views' processes and its terminal: ending a process without
taking its exit status from asyncio, the terminal size a browser may ask for, quiet logs.

Why not `Process.terminate()`: asyncio's `Process.terminate()` and `kill()` end in
`subprocess.Popen.send_signal`, which first polls the process (`waitpid(pid, WNOHANG)`, bpo-38630).
When the view has just exited, and asyncio's child watcher (a thread blocked in `waitpid` for it)
has not yet got its status, that poll reaps it: the watcher then finds no such child, logs
"Unknown child process pid …, will report returncode 255" on the terminal, and the view's status
becomes 255, a failure that never was. Here the process is signalled by its pid with `os.kill`,
which reaps nothing: asyncio's watcher is the only one to wait for it. (Its pid cannot be reused
before the watcher has reaped it; after that, until asyncio is told, is a window of a few
microseconds in which the kernel would have to hand the same pid out again.)
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal

TERM_GRACE = 2.0
"""Seconds a terminated process has before it is killed."""

COLUMNS = (20, 500)
ROWS = (5, 200)
"""The terminal sizes a browser may ask for, at least and at most."""


def send(process: asyncio.subprocess.Process, signum: int) -> bool:
    """Send `signum` to `process` unless asyncio knows it has ended; whether it was sent (to a
    process still there, or one that has exited and is not yet reaped)."""
    if process.returncode is not None:
        return False
    try:
        os.kill(process.pid, signum)
    except OSError:  # gone (or, reaped meanwhile, its pid someone else's)
        return False
    return True


async def stop_process(process: asyncio.subprocess.Process, grace: float = TERM_GRACE) -> bool:
    """Terminate a process (if it still runs), then kill it if it lingers; wait for it. Whether
    it was signalled (False: it had ended by itself)."""
    if not send(process, signal.SIGTERM):
        await process.wait()
        return False
    try:
        await asyncio.wait_for(process.wait(), grace)
    except TimeoutError:
        send(process, signal.SIGKILL)
        await process.wait()
    return True


def by_signal(code: int | None) -> bool:
    """Whether `code` is the status of a process ended by SIGTERM or SIGKILL: negative, or 128
    plus the signal's number (a process that turns the signal into an exit, as a shell does)."""
    ends = (signal.SIGTERM, signal.SIGKILL)
    return code in {-s for s in ends} | {128 + s for s in ends}


def terminal_size(width: object, height: object) -> tuple[int, int]:
    """The size a browser asks for, within sane bounds (80x24 when it is not a number)."""

    def within(value: object, default: int, bounds: tuple[int, int]) -> int:
        try:
            n = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError, OverflowError):
            n = default
        return min(max(n, bounds[0]), bounds[1])

    return within(width, 80, COLUMNS), within(height, 24, ROWS)


def quiet_logs() -> None:
    """Nothing of aiohttp's log on the terminal (its "Error handling request" comes with a
    traceback), nor of textual-serve's (its "Application failed to start" is said of a browser
    closed before its view started too; a view that fails is told by `on_viewer_failed`)."""
    for name in ("aiohttp", "textual-serve"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False
