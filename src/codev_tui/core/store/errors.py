"""The errors of the session store, each one problem (a code and its values)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from codev_tui.core.problems import CoreError, Problem
from codev_tui.core.session import SessionError


class SaveError(CoreError):
    """Saving failed (disk full, read-only folder...); what was saved before is intact."""


class LockedError(SessionError):
    """The session is already open for writing by another process."""


class NewerFileError(SessionError):
    """A session file made by a newer codev (newer schema, unknown event): never touched."""


def save_error(code: str, **values: Any) -> SaveError:
    """A SaveError of one problem."""
    return SaveError(Problem(code, values))


def session_error(code: str, **values: Any) -> SessionError:
    """A SessionError of one problem."""
    return SessionError(Problem(code, values))


def damage(path: Path, line: int, code: str, **values: Any) -> SessionError:
    """The error for damage (`code`) at `line` of a session file, naming the way out."""
    return session_error("store.damaged", where=f"{path}:{line}", what=Problem(code, values))


def reason(exc: OSError) -> str:
    """What the system said of a failed call."""
    return exc.strerror or str(exc)
