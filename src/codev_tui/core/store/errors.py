"""The errors of the session store."""

from __future__ import annotations

from pathlib import Path

from codev_tui.core.session import SessionError

_SALVAGE_HINT = "`codev export --salvage` writes out what can still be read"


class SaveError(Exception):
    """Saving failed (disk full, read-only folder...); what was saved before is intact."""


class LockedError(SessionError):
    """The session is already open for writing by another process."""


class NewerFileError(SessionError):
    """A session file made by a newer codev (newer schema, unknown event): never touched."""


def damage(path: Path, line: int, what: str) -> SessionError:
    """The one-line error for damage at `line` of a session file, naming the way out."""
    return SessionError(f"{path}:{line}: {what}; the file was left untouched ({_SALVAGE_HINT})")
