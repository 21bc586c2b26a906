"""Private files and folders: atomic, fsync'd writes, mode 0600 files in 0700 folders."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from codev_tui.core.store.errors import reason, save_error


def slugify(text: str, limit: int = 40) -> str:
    """An ASCII file-name slug of a topic: `Gérer un conflit !` -> `gerer-un-conflit`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "session"


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_file(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write `data` to `path`, mode 0600, fsync'd; `exclusive` refuses a file already there."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: temp file in the same folder, fsync, rename, fsync folder."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write_private_file(tmp, data)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise save_error("save.failed", name=path.name, reason=reason(exc)) from None


def ensure_private_dir(folder: Path) -> None:
    """Create the session folder, and each missing folder above it, readable by its owner only
    (0700, whatever the umask).

    Only `folder` (the data folder codev owns) and the folders made here are changed: an existing
    `folder` loses its group and other permissions, but is never given more (a folder made
    read-only on purpose stays read-only); a folder above it that was there is never touched.
    An existing shared folder (sticky, like /tmp) or another user's is refused, never changed.
    """
    folder = Path(os.path.realpath(folder))  # `shared/new/..` is `shared`, and is not new
    try:
        missing = []
        at = folder
        while not at.exists() and at != at.parent:
            missing.append(at)
            at = at.parent
        for new in reversed(missing):
            try:
                new.mkdir(mode=0o700)
            except FileExistsError:
                continue  # made by another process meanwhile: not ours to change
            new.chmod(0o700)  # mkdir's mode went through the umask
        info = folder.stat()
        if not missing and (info.st_mode & stat.S_ISVTX or info.st_uid != os.geteuid()):
            # A shared folder (/tmp, 1777) or somebody else's: making it private would take it
            # from the others, and leaving it open would show every session's name (its topic).
            raise save_error("save.shared_folder", folder=folder)
        mode = info.st_mode & 0o777
        if mode & 0o077:
            folder.chmod(mode & 0o700)
    except OSError as exc:
        raise save_error("save.folder", folder=folder, reason=reason(exc)) from None


def side_stem(path: Path) -> str:
    """The start of the name of a file made beside a session (`.recovered-…`, `.rescue-…`):
    the session's stem, cut so that the whole name stays under the 255 bytes a file name
    may take."""
    stem = path.stem
    while len(stem.encode("utf-8", "surrogateescape")) > 180:
        stem = stem[:-1]
    return stem


def in_data_dir(path: Path) -> bool:
    """Whether `path` is in the data folder codev owns (the only folder it makes private)."""
    from codev_tui import locations  # here: only opening a session needs it

    return path.parent == Path(os.path.realpath(locations.data_dir()))


def default_minutes_path(session_path: Path) -> Path:
    """The minutes beside their session file: same folder, same name, `.md`."""
    return Path(session_path).with_suffix(".md")
