"""The lock of a session open for writing: a lock file beside it, and the file itself held."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
from pathlib import Path

from codev_tui.core.problems import Problem
from codev_tui.core.store.errors import LockedError, reason, save_error


def hold(fd: int, path: Path) -> None:
    """Lock the open session file itself, besides its lock file: the same file under another
    name (a hard link) has another lock file, but not another inode."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise LockedError(Problem("store.locked_elsewhere", {"name": path.name})) from None


def claim_name(folder: Path, stem: str) -> tuple[Path, int]:
    """A new file name in `folder` (`stem.toml`, else `stem-2.toml`...) and its lock, taken
    before the file exists: another codev may create the same name at the same time."""
    path = folder / f"{stem}.toml"
    n = 2
    while True:
        lock_fd = None
        if not path.exists():
            with contextlib.suppress(LockedError):
                lock_fd = acquire_lock(path)
        # Another codev may have created this name since the check: never write over it.
        if lock_fd is not None and not path.exists():
            return path, lock_fd
        if lock_fd is not None:
            release_lock(lock_fd, path)
        path = folder / f"{stem}-{n}.toml"
        n += 1


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


_LOCK_CONTENT = re.compile(rb"[0-9]*\n?")
"""What a lock file holds: its holder's process id, or nothing yet."""


def acquire_lock(path: Path) -> int:
    """Take the session's lock (`.NAME.lock` beside it); an abandoned lock (its process died)
    is taken over.

    The lock file is never followed when it is a symbolic link, never truncated nor written
    when it is not one codev made (another owner, another name for the same file, other
    content): those are refused. A lock file is removed when released, so once the lock is
    taken the path must still name the file locked; if it does not, the holder removed it
    meanwhile and the lock is taken again on the new file.
    """
    lock = _lock_path(path)
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise save_error("save.lock_symlink", name=path.name, lock=lock) from None
            raise save_error("save.cannot_lock", name=path.name, reason=reason(exc)) from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                problem = Problem("store.locked", {"name": path.name, "pid": _holder(fd)})
                raise LockedError(problem) from None
            mine = os.fstat(fd)
            if _names(lock, mine):
                if not _is_lock_file(fd, mine):
                    raise save_error("save.lock_not_ours", name=path.name, lock=lock)
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # its holder removed it between our open and our lock: again
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def _holder(fd: int) -> str:
    """The process id a lock file holds, as far as it can be read."""
    try:
        return os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


def _is_lock_file(fd: int, st: os.stat_result) -> bool:
    """Whether an open file is one codev made to lock: a regular file of ours, of one name,
    holding a process id or nothing."""
    if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or st.st_nlink != 1:
        return False
    return st.st_size <= 32 and _LOCK_CONTENT.fullmatch(os.pread(fd, 32, 0)) is not None


def _names(path: Path, st: os.stat_result) -> bool:
    """Whether `path` (not followed) is the file `st` describes."""
    try:
        there = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (there.st_dev, there.st_ino) == (st.st_dev, st.st_ino)


def release_lock(fd: int, path: Path) -> None:
    """Remove the lock file of the session at `path`, then release it.

    Removed while still held, and only when its name is still the file locked: a process that
    opened it meanwhile finds, once it has the lock, that the name is gone, and tries again.
    """
    lock = _lock_path(path)
    with contextlib.suppress(OSError):
        if _names(lock, os.fstat(fd)):
            lock.unlink()
    with contextlib.suppress(OSError):
        os.close(fd)
