"""Groups on disk: one private file per group in `<data>/groups/`, changed under its lock.

The same guarantees as a session file: 0600 files in a 0700 folder, written atomically, read
field by field, never written over when damaged or made by a newer codev.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

from codev_tui.core.group.file import decode_group, encode_group
from codev_tui.core.group.model import Group, GroupError, clean_name, group_error, name_key
from codev_tui.core.store.errors import reason
from codev_tui.core.store.folders import ensure_private_dir, slugify, write_atomically
from codev_tui.core.store.lock import acquire_lock, claim_name, release_lock
from codev_tui.core.store.session_file import WallClock, utc_now

_SLUG_PREFIX = "group "
"""Put before a name to slug it, then taken off: a name with no ASCII letter (`日本`) gets
`group.toml`, not the sessions' `session.toml`."""


def groups_folder(data_folder: Path) -> Path:
    """The folder of the groups, beside the sessions, made private (0700) if need be."""
    folder = Path(data_folder) / "groups"
    ensure_private_dir(folder)
    return folder


def list_groups(data_folder: Path) -> list[Group | GroupError]:
    """Every group, by name; a file that cannot be read is there as its error (by file name)."""
    found: list[tuple[str, Group | GroupError]] = []
    for path in _files(data_folder):
        try:
            group = _read(path)
        except GroupError as exc:
            found.append((path.stem, exc))
        else:
            found.append((name_key(group.name), group))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def load_group(data_folder: Path, name: str) -> Group:
    """The group of that name (compared with case folding) or id.

    None: a GroupError, unless the file that would have its name is damaged or newer, whose
    error is then the one raised (it may well be that group).
    """
    return _find(data_folder, name)[1]


def create_group(
    data_folder: Path,
    name: str,
    members: list[str],
    *,
    facilitator: str = "",
    sessions: int = 0,
    every: str = "",
    now: WallClock = utc_now,
) -> Group:
    """Write a new group: members get ids `p1`, `p2`… in the order given.

    Its name must be no other group's (case folded), its members' names each other's; a name
    whose file would be beside a damaged one is refused with that file's error.
    """
    name = _clean_group_name(name)
    if sessions < 0:
        raise group_error("group.bad_sessions", sessions=sessions)
    if not any(person.strip() for person in members):
        raise group_error("group.no_members", group=name)
    created = now()
    group = Group(
        id=uuid.uuid4().hex,
        name=name,
        created=created,
        facilitator=" ".join(facilitator.split()),
        sessions=sessions,
        every=" ".join(every.split()),
    )
    for person in members:
        if group.find(person) is not None:
            raise group_error("group.named_twice", name=clean_name(person))
        group.add(person, created)
    folder = groups_folder(data_folder)
    # The folder's lock, held from the check of the names to the new file: two `group new`
    # at once cannot both take the same name.
    folder_lock = acquire_lock(folder)
    try:
        stem = _stem(name)
        for path in _files(data_folder):
            try:
                other = _read(path)
            except GroupError:
                if _same_stem(path, stem):
                    raise
                continue
            if name_key(other.name) == name_key(name):
                raise group_error("group.exists", name=other.name)
        path, lock_fd = claim_name(folder, stem)
        try:
            write_atomically(path, encode_group(group))
        finally:
            release_lock(lock_fd, path)
    finally:
        release_lock(folder_lock, folder)
    return group


def change_group(
    data_folder: Path, name: str, change: Callable[[Group], None], now: WallClock = utc_now
) -> Group:
    """Change a group and write it: its file locked, read again, changed, written atomically.

    If `change` raises, nothing is written. A damaged or newer file is never written over:
    reading it again under the lock raises its error first.
    """
    path, _ = _find(data_folder, name)
    groups_folder(data_folder)  # made private again if it was not
    lock_fd = acquire_lock(path)
    try:
        group = _read(path)
        change(group)
        group.changed = now()
        write_atomically(path, encode_group(group))
    finally:
        release_lock(lock_fd, path)
    return group


def _find(data_folder: Path, name: str) -> tuple[Path, Group]:
    """The file and group of that name or id; see `load_group`."""
    key = name_key(name)
    wanted_id = name.strip()
    failed: list[tuple[Path, GroupError]] = []
    for path in _files(data_folder):
        try:
            group = _read(path)
        except GroupError as exc:
            failed.append((path, exc))
            continue
        if name_key(group.name) == key or group.id == wanted_id:
            return path, group
    stem = _stem(name) if name.strip() else ""
    for path, exc in failed:
        if _same_stem(path, stem):
            raise exc
    raise group_error("group.unknown", name=" ".join(name.split()))


def _read(path: Path) -> Group:
    """The group in one file, or its GroupError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise group_error("group.cannot_read", path=path, reason=reason(exc)) from None
    return decode_group(path, raw)


def _files(data_folder: Path) -> list[Path]:
    """The group files, by file name (temporary and lock files, whose names start with a
    dot, left out)."""
    folder = Path(data_folder) / "groups"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def _clean_group_name(name: str) -> str:
    """A group's name as it is kept: NFC, trimmed, single spaces; never empty."""
    import unicodedata

    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned:
        raise group_error("group.empty_group_name")
    return cleaned


def _stem(name: str) -> str:
    """The file name (without `.toml`) a group of that name gets: an ASCII slug."""
    slug = slugify(_SLUG_PREFIX + name, limit=40 + len(_SLUG_PREFIX))
    return slug[len(_SLUG_PREFIX) :] or "group"


def _same_stem(path: Path, stem: str) -> bool:
    """Whether `path` is a file `claim_name` could have given a group of that stem."""
    return re.fullmatch(re.escape(stem) + r"(-[0-9]+)?", path.stem) is not None
