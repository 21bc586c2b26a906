"""Finding sessions in a folder: the list, the latest, and a cheap look at a file's start."""

from __future__ import annotations

from pathlib import Path

from codev_tui.core.store.record import SCHEMA_LINE, SESSION_MARK


def list_sessions(folder: Path) -> list[Path]:
    """Session files in `folder`, most recent first."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.toml") if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def latest_session(folder: Path) -> Path | None:
    """The most recent session file in `folder`: not a phase script or another TOML file kept
    there. A damaged session file counts: opening it says what is wrong."""
    for path in list_sessions(folder):
        try:
            if is_session_file(path):
                return path
        except OSError:
            continue
    return None


def is_session_file(path: Path) -> bool:
    """A cheap look at the first bytes: a codev session starts with its comment line, or at
    least has its `schema` line and `[session]` table there."""
    with path.open("rb") as file:
        head = file.read(4096)
    return head.startswith(SESSION_MARK) or (
        SCHEMA_LINE.search(head) is not None and b"\n[session]" in head
    )
