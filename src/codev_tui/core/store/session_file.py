"""A session open for writing: the lock held, each event appended and fsync'd, the file watched."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from codev_tui.core.events import (
    EVENTS,
    SCHEMA,
    Event,
    LegacyAction,
    LegacyContract,
    LegacyLearning,
    NoteAdded,
    NoteDeleted,
    Tombstone,
)
from codev_tui.core.script import PhaseScript
from codev_tui.core.script_data import script_to_data
from codev_tui.core.session import Roster, Session, SessionError
from codev_tui.core.store.errors import LockedError, SaveError, reason, save_error
from codev_tui.core.store.folders import (
    default_minutes_path,
    ensure_private_dir,
    fsync_dir,
    in_data_dir,
    side_stem,
    slugify,
    write_atomically,
)
from codev_tui.core.store.group_link import GroupLink
from codev_tui.core.store.lock import acquire_lock, claim_name, hold, release_lock
from codev_tui.core.store.parse import Parsed
from codev_tui.core.store.read import load_session, real_session_path
from codev_tui.core.store.record import (
    CRC_WIDTH,
    RECORD_HEAD_LEN,
    SCHEMA_LINE,
    encode_record,
    encode_strings,
    header_crc_line,
)

WallClock = Callable[[], datetime]
"""A clock returning an aware UTC datetime, injected so tests control time."""


def utc_now() -> datetime:
    """The default wall clock."""
    return datetime.now(UTC)


class SessionFile:
    """A session open for writing: holds the lock, appends events, keeps the folded state."""

    def __init__(
        self, path: Path, session: Session, lock_fd: int, now: WallClock, written: bytes
    ) -> None:
        """`written`: the file's bytes as just read or written by `open` or `create` (the file
        is read again only if its size says it is not them)."""
        self.path = path
        self.session = session
        self._lock_fd = lock_fd
        self._now = now
        self._seq = session.last_seq
        self._next_note = session.next_note_id
        self.repaired: Path | None = None
        self.replaced: Path | None = None
        """The path this session was first written at, once another program replaced (or
        removed, or changed) the file there: `path` is then the new file holding the session."""
        self.lost = ""
        """Why the session could not be kept at all: its file was replaced and no new file
        could be written (set by `close`; the app then writes a rescue file)."""
        self._fd = _open_held(path)
        try:
            info = os.fstat(self._fd)
            same = info.st_size == len(written)
            self._log = bytearray(written) if same else _read_all(self._fd)
            self._ctime = info.st_ctime_ns
        except BaseException:
            os.close(self._fd)
            raise
        self._size = len(self._log)
        self._dirty = False  # bytes past _size that a failed write could not cut back

    @property
    def saved(self) -> bytes:
        """The session file's bytes as codev wrote them (what is acknowledged)."""
        return bytes(self._log)

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
        group: GroupLink | None = None,
        now: WallClock = utc_now,
    ) -> SessionFile:
        """Write a new session file's header atomically and open it for writing; `group`: the
        group it is one of, who is who in it, and the previous plan to review."""
        ensure_private_dir(folder)
        created = now()
        local = created.astimezone()
        folder = Path(os.path.realpath(folder))
        path, lock_fd = claim_name(folder, f"{local:%Y-%m-%d_%H%M}_{slugify(roster.topic)}")
        import uuid  # only here: opening a session never needs it

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
        if group is not None:
            head.update(group.header())
        header = {
            "schema": SCHEMA,
            "session": encode_strings(head),
            "script": script_to_data(script),
        }
        import tomli_w

        text = (
            "# codev-tui session file: private (0600). Written by codev;"
            " do not edit while it runs.\n" + tomli_w.dumps(header)
        ).encode("utf-8")
        try:
            write_atomically(path, text + header_crc_line(text))
            parsed = Parsed(path)
            return cls(path, load_session(parsed)[0], lock_fd, now, parsed.raw)
        except BaseException:
            release_lock(lock_fd, path)
            raise

    @classmethod
    def open(cls, path: Path, now: WallClock = utc_now) -> SessionFile:
        """Open an existing session for writing: lock it, repair a torn tail, fold its events.

        A file of schema 1 is brought to schema 2 (its header says so) before anything new is
        written: an older codev then refuses it rather than misread its new events.

        The file is used at its real path (symbolic links resolved): one lock per real file. A
        missing file is a SessionError and nothing is created; only the data folder codev owns
        is made private, never the folder of a file given from elsewhere.
        """
        path = real_session_path(path)
        if in_data_dir(path):
            ensure_private_dir(path.parent)
        lock_fd = acquire_lock(path)
        try:
            parsed = Parsed(path)
            session, schema = load_session(parsed)
            repaired = None
            if parsed.torn:
                repaired = path.with_name(f"{path.name}.torn-{now():%Y%m%dT%H%M%S%f}")
                write_atomically(repaired, parsed.torn)
            written = parsed.raw
            if parsed.torn or schema != SCHEMA:
                header = parsed.raw[: parsed.header_end]
                if schema != SCHEMA:
                    header = SCHEMA_LINE.sub(b"schema = %d" % SCHEMA, header, count=1)
                written = header + parsed.raw[parsed.header_end : parsed.good_end]
                write_atomically(path, written)
            try:
                if path.stat().st_mode & 0o777 != 0o600:
                    path.chmod(0o600)
            except OSError as exc:
                raise save_error("save.not_private", name=path.name, reason=reason(exc)) from None
            file = cls(path, session, lock_fd, now, written)
        except BaseException:
            release_lock(lock_fd, path)
            raise
        file.repaired = repaired
        return file

    def close(self) -> None:
        """Release the file and its lock (the lock file goes).

        A file replaced (or removed, or changed) since the last write is found out here too:
        the session then goes to a new file beside it, as a write would have done, and if no
        new file can be written, `lost` says why (what was saved is still in `saved`).
        """
        if self._fd >= 0:
            try:
                if self._replaced():
                    self._move_to_new_file(b"")
            except SaveError as exc:
                self.lost = str(exc)
            os.close(self._fd)
            self._fd = -1
            release_lock(self._lock_fd, self.path)

    def __enter__(self) -> SessionFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def make_event(self, type_: str, **fields: Any) -> Event:
        """A new event with its sequence number and UTC time; not yet written.

        A note without an id gets the next one.
        """
        cls = EVENTS.get(type_)
        if cls is None or cls.legacy:
            raise ValueError(f"unknown event type {type_!r}")
        if cls is NoteAdded:
            fields.setdefault("id", self._next_note)
            self._next_note = max(self._next_note, int(fields["id"]) + 1)
        self._seq += 1
        return cls(seq=self._seq, t=self._now(), **fields)

    def write(self, event: Event) -> None:
        """Put one event on disk; raise SaveError on failure, keeping what was saved intact.

        A note's deletion rewrites the file without any of the note's text (`_purge`). Any
        other event is appended with a single write and an fsync; on failure the file is cut
        back to its last good size.

        Nothing is written to a file that is no longer the one at the path (replaced by another
        program, renamed, removed, changed): the whole session as saved so far and this event
        go to a new file beside it (`_move_to_new_file`), where the session goes on.
        """
        deleting = isinstance(event, NoteDeleted)
        record = b"" if deleting else encode_record(event)
        if self._replaced():
            self._move_to_new_file(record)
            if not deleting:
                return
        if isinstance(event, NoteDeleted):
            self._purge(event)
            return
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
                self._ctime = os.fstat(self._fd).st_ctime_ns  # our own change
            raise save_error("save.not_saved", reason=reason(exc)) from None
        self._size += len(record)
        self._log += record
        with contextlib.suppress(OSError):
            self._ctime = os.fstat(self._fd).st_ctime_ns

    def _replaced(self) -> bool:
        """Whether the path no longer names the file written so far, as written: another file
        there (an atomic replace, `codev export -o` on it), none (renamed, removed), or this
        one changed by another program."""
        try:
            mine = os.fstat(self._fd)
            there = os.stat(self.path)
        except FileNotFoundError:
            return True
        except OSError as exc:
            raise save_error("save.not_saved", reason=reason(exc)) from None
        if (mine.st_dev, mine.st_ino) != (there.st_dev, there.st_ino):
            return True
        # Changed in place by another program: its size, or its time of change (an edit that
        # keeps the size; the status change time, which no program can set back).
        return not self._dirty and (mine.st_size, mine.st_ctime_ns) != (self._size, self._ctime)

    def _move_to_new_file(self, record: bytes) -> None:
        """Write the session as saved so far, and `record`, to a new file beside the replaced
        one (`<stem>.recovered-<time>.toml`, private, atomic, locked), and go on there."""
        old = self.path
        try:
            path, lock_fd = claim_name(
                old.parent, f"{side_stem(old)}.recovered-{self._now():%Y%m%dT%H%M%S}"
            )
        except (SaveError, OSError) as exc:
            cause = exc if isinstance(exc, SaveError) else str(exc)
            raise save_error("save.replaced", name=old.name, cause=cause) from None
        data = bytes(self._log) + record
        try:
            write_atomically(path, data)
            fd = _open_held(path)  # a new file: nobody else holds it
        except (SaveError, SessionError) as exc:
            release_lock(lock_fd, path)
            raise save_error("save.replaced", name=old.name, cause=exc) from None
        os.close(self._fd)
        release_lock(self._lock_fd, old)
        self._fd, self._lock_fd, self.path = fd, lock_fd, path
        self._log, self._size, self._dirty = bytearray(data), len(data), False
        self._ctime = os.fstat(fd).st_ctime_ns
        self.replaced = self.replaced or old

    def _purge(self, event: NoteDeleted) -> None:
        """Rewrite the file atomically with every event about the note made a tombstone.

        The note's text (as typed and as corrected) is then nowhere in the folder: not in the
        session file, not in the temporary file (it is written without it), not in a side file
        a torn record left (those about the note are removed). The tombstones keep each event's
        place, time and the note's id.
        """
        try:
            parsed = Parsed(self.path)
            if parsed.raw != self._log:  # changed since the check: never read another's file
                self._move_to_new_file(b"")
                parsed = Parsed(self.path)
            events = list(parsed.events())
            records = [
                (parsed.raw[a:b], e) for (a, b), e in zip(parsed.records, events, strict=True)
            ]
        except SessionError as exc:
            raise save_error("save.not_deleted", cause=exc) from None
        texts = {
            text
            for _, e in records
            if e.note_id == event.note and (text := getattr(e, "text", None))
        }
        pieces = [parsed.raw[: parsed.header_end]]
        for chunk, old in records:
            # Tombstones and earlier deletions hold no text: they stay as they are.
            about = old.note_id == event.note and not isinstance(old, Tombstone | NoteDeleted)
            if about or legacy_copies_text(old, texts):
                chunk = encode_record(
                    Tombstone(seq=old.seq, t=old.t, note=event.note, was=old.type)
                )
            pieces.append(chunk)
        if not records or records[-1][1].seq != event.seq:  # a retry may find it written
            pieces.append(encode_record(event))
        data = b"".join(pieces)
        write_atomically(self.path, data)
        try:
            fd = _open_held(self.path)  # the new file, which is ours
        except LockedError as exc:
            raise save_error("save.not_deleted", cause=exc) from None
        os.close(self._fd)
        self._fd, self._size, self._dirty = fd, len(data), False
        self._log = bytearray(data)
        self._ctime = os.fstat(fd).st_ctime_ns
        self._forget_in_side_files(event.note, texts)

    def _forget_in_side_files(self, note: int, texts: set[str]) -> None:
        """Remove the torn records set aside earlier that were about the deleted note, any
        temporary file a crash left behind (it may hold the whole session) and the minutes
        written beside the session (they may show the note in many forms: F3 writes them
        again)."""
        marks = [b"\nid = %d\n" % note, b"\nnote = %d\n" % note]
        for text in texts:
            # The value as a record holds it, whatever its field (a text TOML cannot hold is
            # stored base64-encoded): `x = "…"\n` gives `"…"\n`.
            line = encode_record({"x": text})[RECORD_HEAD_LEN:-CRC_WIDTH]
            marks.append(line.partition(b" = ")[2])
        import glob

        name = glob.escape(self.path.name)
        torn = list(self.path.parent.glob(f"{name}.torn-*"))
        whatever_they_hold = [
            *self.path.parent.glob(f".{name}.*.tmp"),
            default_minutes_path(self.path),
        ]
        for side in [*torn, *whatever_they_hold]:
            try:
                if side in whatever_they_hold or any(m in side.read_bytes() for m in marks):
                    side.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise save_error("save.cannot_remove", name=side.name, reason=reason(exc)) from None
        with contextlib.suppress(OSError):
            fsync_dir(self.path.parent)

    def record(self, type_: str, **fields: Any) -> Event:
        """Make, write and fold one event: on return it is on disk."""
        event = self.make_event(type_, **fields)
        self.write(event)
        self.session.apply(event)
        return event


def _open_held(path: Path) -> int:
    """The session file at `path` opened for appending, and held (see `hold`)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND)
    except OSError as exc:
        raise save_error("save.cannot_write", name=path.name, reason=reason(exc)) from None
    try:
        hold(fd, path)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _read_all(fd: int) -> bytearray:
    """The whole content of an open file."""
    data = bytearray()
    while chunk := os.pread(fd, 1 << 20, len(data)):
        data += chunk
    return data


def legacy_copies_text(event: Event, texts: set[str]) -> bool:
    """Whether a schema 1 copy (contract, action, learning) holds one of `texts`.

    Schema 1 did not always tie these copies to their note: a deletion finds them by text.
    """
    if isinstance(event, LegacyContract):
        return event.text in texts
    if isinstance(event, LegacyAction | LegacyLearning):
        return bool(event.what) and any(event.what in text for text in texts)
    return False
