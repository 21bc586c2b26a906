"""Following a session file from another process, read-only: no lock taken, nothing written;
or the latest session of a folder, which becomes the one a new session started there.

The console appends each event to the file (a deletion rewrites it whole, under a new inode);
`Follower.poll` looks at the file's identity, size and time, and reads it again only when one
of them changed. A torn last record (the console is writing it) is left out until it is whole.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from codev_tui.core.session import Session, SessionError
from codev_tui.core.store import is_session_file, list_sessions, read_session


class Trouble(StrEnum):
    """Why the file could not be followed this time: the last state read stays valid."""

    GONE = "gone"
    DAMAGED = "damaged"


class Follower:
    """The latest state of a session file, read again only when the file changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int, int, int] | None = None
        self.trouble: Trouble | None = None

    def poll(self) -> Session | None:
        """The session when the file changed since the last call (the first call reads it);
        None when nothing changed or the file cannot be read (`trouble` says why)."""
        try:
            info = os.stat(self.path)
        except OSError:
            self._seen = None
            self.trouble = Trouble.GONE
            return None
        seen = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        if seen == self._seen:
            return None
        try:
            session = read_session(self.path)
        except SessionError as exc:  # removed since the look above, or not a session now
            gone = any(p.code == "store.no_such_file" for p in exc.problems)
            self.trouble = Trouble.GONE if gone else Trouble.DAMAGED
            self._seen = None if gone else seen
            return None
        self._seen = seen
        self.trouble = None
        return session


class LatestFollower(Follower):
    """Follows the latest session of a folder: a session started after it (today's, when the
    view was opened before the console) is followed from then on."""

    LOOK_EVERY = 4
    """Polls between two looks at the folder (one `stat`; its files are listed only when the
    folder changed: a file was added or removed)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.folder = path.parent
        self._folder_seen = self._folder_time()
        try:
            self._known = set(list_sessions(self.folder))
        except OSError:  # a file removed while listed: known at the next look
            self._known = {path}
        self._polls = 0

    def poll(self) -> Session | None:
        """As `Follower.poll`, on the newest session file once one appeared."""
        self._polls += 1
        if self._polls % self.LOOK_EVERY == 0:
            self._look_for_a_new_session()
        return super().poll()

    def _folder_time(self) -> int | None:
        try:
            return os.stat(self.folder).st_mtime_ns
        except OSError:
            return None

    def _look_for_a_new_session(self) -> None:
        seen = self._folder_time()
        if seen is None or seen == self._folder_seen:
            return
        try:
            present = list_sessions(self.folder)
        except OSError:  # a file removed while listed: look again next time
            return
        self._folder_seen = seen
        for path in present:  # most recent first
            if path in self._known:
                continue
            try:
                session = is_session_file(path)
            except OSError:
                continue
            if session:  # a file not (yet) a session: looked at again when the folder changes
                self._known.add(path)
                self.path, self._seen = path, None
                return
