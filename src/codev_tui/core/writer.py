"""Saving off the UI thread: events are written in order by one thread, retried until saved."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path

from codev_tui.core.events import Event
from codev_tui.core.store import SaveError, SessionFile


class BackgroundWriter:
    """Writes events to a SessionFile in submission order, on its own thread.

    `on_saved(event)` is called once an event is on disk (fsync'd); `on_failed(event, message)`
    when a write fails. A failed event is retried every `retry_every` seconds, and nothing
    after it is written before it, so the log keeps its order and nothing is dropped.
    `on_moved(old, new)` when the session file was replaced under it and the session now goes
    on in the file `new` (called before the `on_saved` of the event that found it out).
    Callbacks run on the writer thread.
    """

    def __init__(
        self,
        file: SessionFile,
        on_saved: Callable[[Event], None],
        on_failed: Callable[[Event, str], None],
        retry_every: float = 2.0,
        on_moved: Callable[[Path, Path], None] | None = None,
    ) -> None:
        self._file = file
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._on_moved = on_moved
        self._retry_every = retry_every
        self._queue: queue.Queue[Event | None] = queue.Queue()
        self._wake = threading.Event()
        self._pending = 0
        self._closing = False
        self._idle = threading.Condition()
        self._current: Event | None = None
        """The event being written (or retried), until it is on disk."""
        self._thread = threading.Thread(target=self._run, name="codev-writer", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        """Events submitted and not yet on disk."""
        with self._idle:
            return self._pending

    def submit(self, event: Event) -> None:
        """Queue an event for writing."""
        with self._idle:
            self._pending += 1
        self._queue.put(event)

    def retry_now(self) -> None:
        """Retry a failed write at once instead of waiting."""
        self._wake.set()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is on disk; False if it is not after `timeout`."""
        self._wake.set()
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Flush, then stop the thread; False when some events could not be saved."""
        saved = self.flush(timeout)
        self._closing = True
        self._queue.put(None)
        self._wake.set()
        self._thread.join(timeout)
        return saved

    def unsaved(self) -> list[Event]:
        """After `close`: the events that never reached the disk, in order (to rescue them)."""
        left = [self._current] if self._current is not None else []
        while True:
            try:
                event = self._queue.get_nowait()
            except queue.Empty:
                return left
            if event is not None:
                left.append(event)

    def _run(self) -> None:
        while (event := self._queue.get()) is not None:
            self._current = event
            while True:
                path = self._file.path
                try:
                    self._file.write(event)
                except Exception as exc:  # noqa: BLE001 - this thread must never die: retried
                    reason = str(exc) if isinstance(exc, SaveError) else f"not saved: {exc!r}"
                    self._on_failed(event, reason)
                    if self._closing:
                        return
                    self._wake.wait(self._retry_every)
                    self._wake.clear()
                    continue
                if self._file.path != path and self._on_moved is not None:
                    self._on_moved(path, self._file.path)
                self._current = None
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()
                self._on_saved(event)
                break
