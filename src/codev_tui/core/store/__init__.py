"""The session file: a TOML header written once, then an append-only log of checksummed events.

Layout (the whole file is valid TOML)::

    schema = 2
    [session]            # who, what, when: written once, atomically
    [script] ...         # a copy of the phase script used
    [[events]]           # one record per event (see core/events.py), appended with one write
    seq = 1              # and an fsync
    t = 2026-11-29 09:00:00.000000+00:00
    type = "note"
    ...
    crc = "1a2b3c4d"     # CRC-32 of the record's bytes before this line

A record cut short by a crash fails its checksum: it is moved to a side file
(`<name>.torn-<time>`) and the file is rewritten atomically without it before anything new is
appended. A damaged record elsewhere, or a last record whose checksum line is whole (a crash
cannot leave that), is reported and the file is never touched. A file made by a newer codev (a
newer schema, an unknown event type) is refused and never touched.

One event is not appended: deleting a note rewrites the file atomically with every event about
that note replaced by a tombstone, so that its text is nowhere on disk once the deletion is
acknowledged.
"""

from codev_tui.core.store.errors import LockedError, NewerFileError, SaveError
from codev_tui.core.store.folders import (
    default_minutes_path,
    ensure_private_dir,
    fsync_dir,
    side_stem,
    slugify,
    write_atomically,
    write_private_file,
)
from codev_tui.core.store.group_link import GroupLink
from codev_tui.core.store.listing import is_session_file, latest_session, list_sessions
from codev_tui.core.store.read import Salvaged, read_session, salvage_session
from codev_tui.core.store.record import (
    SESSION_MARK,
    decode_record,
    encode_record,
    header_crc_line,
)
from codev_tui.core.store.session_file import SessionFile, WallClock, utc_now

__all__ = [
    "SESSION_MARK",
    "GroupLink",
    "LockedError",
    "NewerFileError",
    "Salvaged",
    "SaveError",
    "SessionFile",
    "WallClock",
    "decode_record",
    "default_minutes_path",
    "encode_record",
    "ensure_private_dir",
    "fsync_dir",
    "header_crc_line",
    "is_session_file",
    "latest_session",
    "list_sessions",
    "read_session",
    "salvage_session",
    "side_stem",
    "slugify",
    "utc_now",
    "write_atomically",
    "write_private_file",
]
