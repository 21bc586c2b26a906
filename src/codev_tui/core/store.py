"""The session file: a TOML header written once, then an append-only log of checksummed events.

Layout (the whole file is valid TOML)::

    schema = 1
    [session]            # who, what, when: written once, atomically
    [script] ...         # a copy of the phase script used
    [[events]]           # one record per event, appended with one write + fsync
    seq = 1
    t = 2026-11-29T09:00:00.000000Z
    type = "note"
    ...
    crc = "1a2b3c4d"     # CRC-32 of the record's bytes before this line

A record cut short by a crash fails its checksum: it is moved to a side file
(`<name>.torn-<time>`) and the file is rewritten atomically without it before anything new is
appended. A damaged record elsewhere, or a last record whose checksum line is whole (a crash
cannot leave that), is reported and the file is never touched.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import os
import re
import tomllib
import unicodedata
import uuid
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from codev_tui.core.script import PhaseScript, ScriptError, validate_script
from codev_tui.core.session import EVENT_FIELDS, SCHEMA, Roster, Session, SessionError

WallClock = Callable[[], datetime]
"""A clock returning an aware UTC datetime, injected so tests control time."""

_RECORD_START = re.compile(rb"(?m)^\[\[events\]\]\n")
_CRC_LINE = re.compile(rb'(?m)^crc = "([0-9a-f]{8})"\n')
_B64_SUFFIX = "__b64"
_SURROGATE = re.compile("[\ud800-\udfff]")


class SaveError(Exception):
    """Saving failed (disk full, read-only folder...); what was saved before is intact."""


class LockedError(SessionError):
    """The session is already open for writing by another process."""


def utc_now() -> datetime:
    """The default wall clock."""
    return datetime.now(UTC)


def slugify(text: str, limit: int = 40) -> str:
    """An ASCII file-name slug of a topic: `Gérer un conflit !` -> `gerer-un-conflit`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "session"


def _encode_strings(data: dict[str, Any]) -> dict[str, Any]:
    """Strings TOML cannot hold (lone surrogates) are stored as `<key>__b64`, read back exactly.

    Inside lists (the consultants' names) a lone surrogate becomes U+FFFD instead.
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            raw = value.encode("utf-8", "surrogatepass")
            out[key + _B64_SUFFIX] = base64.b64encode(raw).decode("ascii")
            continue
        if isinstance(value, list):
            value = [_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for v in value]
        out[key] = value
    return out


def _decode_strings(data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `_encode_strings`."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key.endswith(_B64_SUFFIX) and isinstance(value, str):
            out[key[: -len(_B64_SUFFIX)]] = base64.b64decode(value).decode("utf-8", "surrogatepass")
        else:
            out[key] = value
    return out


def encode_record(event: dict[str, Any]) -> bytes:
    """One event as TOML bytes, ending with its checksum line."""
    body = tomli_w.dumps(_encode_strings(event)).encode("utf-8")
    record = b"[[events]]\n" + body
    return record + b'crc = "%08x"\n' % zlib.crc32(record)


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
        raise SaveError(f"could not save {path.name}: {exc.strerror or exc}") from None


def ensure_private_dir(folder: Path) -> None:
    """Create the session folder, readable by its owner only (0700).

    An existing folder loses its group and other permissions, but is never given more: a folder
    made read-only on purpose stays read-only.
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        mode = folder.stat().st_mode & 0o777
        if mode & 0o077:
            folder.chmod(mode & 0o700)
    except OSError as exc:
        raise SaveError(f"cannot use the folder {folder}: {exc.strerror or exc}") from None


class _Parsed:
    """A session file split into its header, its good records and any torn tail."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.raw = path.read_bytes()
        except FileNotFoundError:
            raise SessionError(f"{path}: no such session file") from None
        except OSError as exc:
            raise SessionError(f"{path}: cannot read ({exc.strerror or exc})") from None
        starts = [m.start() for m in _RECORD_START.finditer(self.raw)]
        end_of_header = starts[0] if starts else len(self.raw)
        self.good_end = end_of_header
        self.torn = b""
        stray = _CRC_LINE.search(self.raw, 0, end_of_header)
        if stray:  # the header has no checksum: this is a record whose first line is damaged
            self._damaged(stray.start())
        for n, start in enumerate(starts):
            stop = starts[n + 1] if n + 1 < len(starts) else len(self.raw)
            chunk = self.raw[start:stop]
            crc = _CRC_LINE.search(chunk)
            ok = crc is not None and int(crc.group(1), 16) == zlib.crc32(chunk[: crc.start()])
            last = n + 1 == len(starts)
            tail = chunk[crc.end() :] if ok and crc is not None else chunk
            # A crash cuts one record short: a torn tail never holds a whole checksum line.
            torn = last and _CRC_LINE.search(tail) is None
            if ok and crc is not None and (crc.end() == len(chunk) or torn):
                self.good_end = start + crc.end()
                self.torn = tail if torn else b""
                continue
            if torn:
                self.torn = chunk
                break
            self._damaged(start + crc.end() if ok and crc is not None else start)
        if not starts and self.raw and not self.raw.endswith(b"\n"):
            # The header is written atomically: only a cut first record can end like this.
            self.good_end = self.raw.rfind(b"\n") + 1
            self.torn = self.raw[self.good_end :]

    def _damaged(self, offset: int) -> None:
        line = self.raw.count(b"\n", 0, offset) + 1
        raise SessionError(
            f"{self.path}:{line}: damaged record (its checksum does not match); "
            "the file was left untouched"
        )

    @property
    def good(self) -> bytes:
        """The header and every complete record."""
        return self.raw[: self.good_end]


def _load_session(parsed: _Parsed) -> tuple[Session, list[dict[str, Any]]]:
    """Build the session from the header and fold the events."""
    path = parsed.path
    try:
        text = parsed.good.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        line = parsed.good.count(b"\n", 0, exc.start) + 1
        raise SessionError(f"{path}:{line}: not valid UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise SessionError(f"{path}: not a readable session file ({exc})") from None
    if data.get("schema") != SCHEMA:
        raise SessionError(f"{path}: schema: expected {SCHEMA}, this is not a codev session file")
    try:
        script = validate_script(data.get("script", {}), f"{path} [script]")
    except ScriptError as exc:
        raise SessionError(exc.problems[0]) from None
    head = _decode_strings(data.get("session", {}))
    try:
        roster = Roster(
            topic=str(head.get("topic", "")),
            group=str(head.get("group", "")),
            facilitator=str(head.get("facilitator", "")),
            client=str(head.get("client", "")),
            consultants=[str(c) for c in head.get("consultants", [])],
        )
        session = Session(
            id=str(head["id"]),
            created=head["created"],
            lang=str(head.get("lang", script.script.lang)),
            script=script,
            roster=roster,
            practice=bool(head.get("practice", False)),
            practice_role=str(head.get("practice_role", "")),
            speed=float(head.get("speed", 1.0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SessionError(f"{path}: session.{exc}: missing or invalid in the header") from None
    events = [_decode_strings(e) for e in data.get("events", [])]
    for event in events:
        _check_event(path, event)
        try:
            session.apply(event)
        except SessionError as exc:
            raise SessionError(f"{path}: {exc}") from None
        except (KeyError, TypeError, ValueError):
            raise SessionError(
                f"{path}: event {event.get('seq', '?')} ({event.get('type')}): a field has a wrong "
                "type; the file was left untouched"
            ) from None
    return session, events


def _check_event(path: Path, event: dict[str, Any]) -> None:
    kind = event.get("type")
    if kind not in EVENT_FIELDS or "t" not in event or not isinstance(event["t"], datetime):
        raise SessionError(f"{path}: event {event.get('seq', '?')}: unknown or incomplete event")
    missing = [f for f in EVENT_FIELDS[kind] if f not in event]
    if missing:
        raise SessionError(f"{path}: event {event.get('seq', '?')}.{missing[0]}: missing")


def read_session(path: Path) -> Session:
    """Load a session for reading only (export, list): a torn tail is ignored, never repaired."""
    return _load_session(_Parsed(path))[0]


class SessionFile:
    """A session open for writing: holds the lock, appends events, keeps the folded state."""

    def __init__(self, path: Path, session: Session, lock_fd: int, now: WallClock) -> None:
        self.path = path
        self.session = session
        self._lock_fd = lock_fd
        self._now = now
        self._seq = session.last_seq
        self._next_note = max((n.id for n in session.notes), default=0) + 1
        self.repaired: Path | None = None
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        except OSError as exc:
            raise SaveError(f"cannot write to {path.name}: {exc.strerror or exc}") from None
        self._size = os.fstat(self._fd).st_size
        self._dirty = False  # bytes past _size that a failed write could not cut back

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        script: PhaseScript,
        roster: Roster,
        *,
        lang: str | None = None,
        practice: bool = False,
        practice_role: str = "",
        speed: float = 1.0,
        now: WallClock = utc_now,
    ) -> SessionFile:
        """Write a new session file's header atomically and open it for writing."""
        ensure_private_dir(folder)
        created = now()
        local = created.astimezone()
        stem = f"{local:%Y-%m-%d_%H%M}_{slugify(roster.topic)}"
        path = folder / f"{stem}.toml"
        n = 2
        while True:
            lock_fd = None
            if not path.exists():
                with contextlib.suppress(LockedError):
                    lock_fd = _acquire_lock(path)
            # Another codev may have created this name since the check: never write over it.
            if lock_fd is not None and not path.exists():
                break
            if lock_fd is not None:
                _release_lock(lock_fd)
            path = folder / f"{stem}-{n}.toml"
            n += 1
        head: dict[str, Any] = {
            "id": uuid.uuid4().hex,
            "created": created,
            "lang": lang or script.script.lang,
            "topic": roster.topic,
            "group": roster.group,
            "facilitator": roster.facilitator,
            "client": roster.client,
            "consultants": list(roster.consultants),
            "practice": practice,
            "practice_role": practice_role,
            "speed": float(speed),
        }
        header = {
            "schema": SCHEMA,
            "session": _encode_strings(head),
            "script": script.model_dump(mode="python", exclude_none=True),
        }
        text = (
            "# codev-tui session file: private (0600). Written by codev;"
            " do not edit while it runs.\n" + tomli_w.dumps(header)
        )
        try:
            write_atomically(path, text.encode("utf-8"))
            session = _load_session(_Parsed(path))[0]
            return cls(path, session, lock_fd, now)
        except BaseException:
            _release_lock(lock_fd)
            raise

    @classmethod
    def open(cls, path: Path, now: WallClock = utc_now) -> SessionFile:
        """Open an existing session for writing: lock it, repair a torn tail, fold its events."""
        lock_fd = _acquire_lock(path)
        try:
            parsed = _Parsed(path)
            session, _ = _load_session(parsed)
            repaired = None
            if parsed.torn:
                repaired = path.with_name(f"{path.name}.torn-{now():%Y%m%dT%H%M%S%f}")
                write_atomically(repaired, parsed.torn)
                write_atomically(path, parsed.good)
            try:
                if path.stat().st_mode & 0o777 != 0o600:
                    path.chmod(0o600)
            except OSError as exc:
                raise SaveError(f"cannot make {path.name} private: {exc.strerror or exc}") from None
            file = cls(path, session, lock_fd, now)
        except BaseException:
            _release_lock(lock_fd)
            raise
        file.repaired = repaired
        return file

    def close(self) -> None:
        """Release the file and its lock."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
            _release_lock(self._lock_fd)

    def __enter__(self) -> SessionFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def make_event(self, type_: str, **fields: Any) -> dict[str, Any]:
        """A new event with its sequence number and UTC time; not yet written."""
        if type_ not in EVENT_FIELDS:
            raise ValueError(f"unknown event type {type_!r}")
        self._seq += 1
        event: dict[str, Any] = {"seq": self._seq, "t": self._now(), "type": type_}
        if type_ == "note" and "id" not in fields:
            fields["id"] = self._next_note
        if type_ == "note":
            self._next_note = max(self._next_note, int(fields["id"]) + 1)
            fields.setdefault("author", "")
            fields.setdefault("confidential", False)
        event.update(fields)
        missing = [f for f in EVENT_FIELDS[type_] if f not in event]
        if missing:
            raise ValueError(f"event {type_!r} needs {', '.join(missing)}")
        return event

    def write(self, event: dict[str, Any]) -> None:
        """Append one event with a single write and an fsync; raise SaveError on failure.

        On failure the file is cut back to its last good size, so what was saved stays intact.
        """
        record = encode_record(event)
        try:
            if self._dirty:
                os.ftruncate(self._fd, self._size)
                self._dirty = False
            written = os.write(self._fd, record)
            if written != len(record):
                raise OSError(28, "short write (disk full?)")
            os.fsync(self._fd)
        except OSError as exc:
            self._dirty = True
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
                self._dirty = False
            raise SaveError(f"not saved: {exc.strerror or exc}") from None
        self._size += len(record)

    def record(self, type_: str, **fields: Any) -> dict[str, Any]:
        """Make, write and fold one event: on return it is on disk."""
        event = self.make_event(type_, **fields)
        self.write(event)
        self.session.apply(event)
        return event


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _acquire_lock(path: Path) -> int:
    """Take the session's lock; an abandoned lock (its process died) is taken over."""
    lock = _lock_path(path)
    try:
        ensure_private_dir(path.parent)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except (OSError, SaveError) as exc:
        raise SaveError(f"cannot lock {path.name}: {exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
        os.close(fd)
        raise LockedError(
            f"{path.name} is already open in another codev (process {holder}); close it there first"
        ) from None
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def _release_lock(fd: int) -> None:
    # The lock file stays: unlinking it would let two processes lock two different inodes.
    with contextlib.suppress(OSError):
        os.close(fd)


def list_sessions(folder: Path) -> list[Path]:
    """Session files in `folder`, most recent first."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.toml") if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
