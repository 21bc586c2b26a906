"""Saving the minutes: private (0600), atomic, never over another file by accident.

`write_minutes` renders and writes (`write_document` writes any document codev made, a journal
or a review too); `core.store.default_minutes_path` names the file beside the session file.
Even with `force`, the minutes never replace a codev session file (the one exported or any
other), a codev lock file, or what is not a regular file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from datetime import datetime
from pathlib import Path

from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.problems import Problem
from codev_tui.core.session import Session
from codev_tui.core.store import SaveError, fsync_dir, is_session_file, write_private_file

__all__ = ["write_document", "write_minutes"]


def write_minutes(
    session: Session,
    dest: Path,
    *,
    force: bool = False,
    include_confidential: bool = False,
    anonymize: bool = False,
    lang: str | None = None,
    now: datetime | None = None,
    source: Path | None = None,
) -> Path:
    """Write the minutes to `dest` (UTF-8, mode 0600, atomically) and return its path.

    An existing file is never replaced unless `force`: FileExistsError says so. Even with
    `force`, `dest` is refused (SaveError) when it is the session file `source`, any codev
    session file, or not a regular file (a device, FIFO or socket, or a symlink to one). Any
    other failure raises SaveError with one readable line, and leaves no partial file behind.
    """
    text = render_minutes(
        session,
        include_confidential=include_confidential,
        anonymize=anonymize,
        lang=lang,
        now=now,
    )
    return write_document(text, dest, force=force, source=source)


def write_document(
    text: str, dest: Path, *, force: bool = False, source: Path | None = None
) -> Path:
    """Write a document codev made (the minutes, a journal, a review) to `dest` as
    `write_minutes` does: UTF-8, 0600, atomically, never over a file unless `force`, never
    over a session file, a lock or what is not a regular file; returns its path."""
    dest = Path(dest)
    _refuse_destination(dest, source)
    data = text.encode("utf-8")
    if not force and (dest.exists() or dest.is_symlink()):
        raise _exists(dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        write_private_file(tmp, data, exclusive=True)
        if force:
            os.replace(tmp, dest)
        else:
            _link_no_clobber(tmp, dest)
        with contextlib.suppress(OSError):
            fsync_dir(dest.parent)
    except FileExistsError:
        raise _exists(dest) from None
    except OSError as exc:
        raise SaveError(
            Problem("export.not_written", {"dest": dest, "reason": exc.strerror or exc})
        ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest


_LOCK = re.compile(rb"[0-9]*\n?")
"""What a codev lock file holds: its holder's process id, or nothing."""


def _refuse_destination(dest: Path, source: Path | None) -> None:
    """SaveError when the minutes must not go to `dest`, whatever `force` says."""
    try:
        info = os.stat(dest)  # through symlinks
    except OSError:
        return  # nothing there (or a dangling symlink: refused unless --force, then replaced)
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(Problem("export.onto_folder", {"dest": dest}))
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(Problem("export.onto_special", {"dest": dest}))
    if source is not None:
        with contextlib.suppress(OSError):
            mine = os.stat(source)
            if (mine.st_dev, mine.st_ino) == (info.st_dev, info.st_ino):
                raise SaveError(Problem("export.onto_session", {"dest": dest}))
    try:
        session_file = is_session_file(dest)
    except OSError:
        return
    if session_file:
        raise SaveError(Problem("export.onto_any_session", {"dest": dest}))
    if dest.name.startswith(".") and dest.name.endswith(".lock") and _holds_a_lock(dest):
        # Replaced, it would no longer be the file another codev holds: a second one could
        # then open the same session.
        raise SaveError(Problem("export.onto_lock", {"dest": dest}))


def _holds_a_lock(path: Path) -> bool:
    """Whether a file holds what a codev lock file does."""
    try:
        with open(path, "rb") as file:
            return _LOCK.fullmatch(file.read(4096)) is not None
    except OSError:
        return False


def _exists(dest: Path) -> FileExistsError:
    # One argument, so that str() is the sentence itself, without "[Errno 17]".
    return FileExistsError(f"{dest} already exists; add --force to overwrite it")


_NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK)


def _link_no_clobber(tmp: Path, dest: Path) -> None:
    """Put `tmp` at `dest` unless something is there already, without a window for a race."""
    try:
        os.link(tmp, dest)
    except FileExistsError:
        raise
    except OSError as exc:
        # Some file systems have no hard links: fall back to an exclusive create and copy.
        if exc.errno not in _NO_HARD_LINKS:
            raise
        data = tmp.read_bytes()
        try:
            write_private_file(dest, data, exclusive=True)
        except FileExistsError:
            raise
        except BaseException:
            with contextlib.suppress(OSError):
                dest.unlink()  # ours, half written
            raise
