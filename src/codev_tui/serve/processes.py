"""What the server needs around its views' processes and its terminal: ending a process, the
terminal size a browser may ask for, quiet logs."""

from __future__ import annotations

import asyncio
import contextlib
import logging

TERM_GRACE = 2.0
"""Seconds a terminated process has before it is killed."""

COLUMNS = (20, 500)
ROWS = (5, 200)
"""The terminal sizes a browser may ask for, at least and at most."""


async def stop_process(process: asyncio.subprocess.Process) -> None:
    """Terminate a process (if it still runs), then kill it if it lingers; wait for it."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            await asyncio.wait_for(process.wait(), TERM_GRACE)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


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
