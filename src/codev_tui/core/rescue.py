"""What the app could not save before it closed (a full disk, a read-only folder) is written
to a rescue file somewhere writable: the session as it is on disk plus the missing records, a
session file of its own that `codev resume` opens."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from codev_tui.core.events import Event
from codev_tui.core.store import encode_record, side_stem, write_private_file


def rescue_data(saved: bytes, events: Sequence[Event]) -> bytes:
    """The session as it was saved (its file's bytes as codev wrote them) followed by the
    records of `events`: a session file of its own. Nothing is put before the header, whose
    checksum covers every byte up to its last line."""
    return saved + b"".join(encode_record(event) for event in events)


def write_rescue(
    session_path: Path,
    saved: bytes,
    events: Sequence[Event],
    folders: Iterable[Path],
    now: datetime,
) -> Path | None:
    """Write the rescue file (0600) of the session at `session_path` in the first of
    `folders` that takes it; None if none does. A folder that does not exist is skipped,
    never created."""
    data = rescue_data(saved, events)
    name = f"{side_stem(session_path)}.rescue-{now:%Y%m%dT%H%M%S}.toml"
    for folder in folders:
        path = folder / name
        try:
            write_private_file(path, data, exclusive=True)
        except OSError:
            continue
        return path
    return None
