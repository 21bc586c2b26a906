"""What the app could not save before it closed (a full disk, a read-only folder) is written
to a rescue file somewhere writable: the session as it is on disk plus the missing records, a
session file of its own that `codev resume` opens."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from codev_tui.core.events import Event
from codev_tui.core.session import SessionError
from codev_tui.core.store import _Parsed, encode_record, write_private_file


def rescue_data(session_path: Path, events: Sequence[Event]) -> bytes:
    """The session file's good part (header and records, a torn tail left out) followed by
    the records of `events`; only those records when the session cannot be read."""
    # Nothing is put before the header: its checksum covers every byte up to its last line.
    try:
        parsed = _Parsed(session_path)
        saved = parsed.raw[: parsed.good_end]
    except SessionError:
        saved = b"# The session file could not be read: here are the missing records alone.\n"
    return saved + b"".join(encode_record(event) for event in events)


def write_rescue(
    session_path: Path, events: Sequence[Event], folders: Iterable[Path], now: datetime
) -> Path | None:
    """Write the rescue file (0600) in the first of `folders` that takes it; None if none
    does. A folder that does not exist is skipped, never created."""
    data = rescue_data(session_path, events)
    name = f"{session_path.stem}.rescue-{now:%Y%m%dT%H%M%S}.toml"
    for folder in folders:
        path = folder / name
        try:
            write_private_file(path, data, exclusive=True)
        except OSError:
            continue
        return path
    return None
