"""Reading a session file: the header checked field by field, the events folded, or salvaged."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from codev_tui.core.events import PLAUSIBLE_YEARS, READABLE_SCHEMAS, SCHEMA
from codev_tui.core.problems import Problem
from codev_tui.core.script import PhaseScript, ScriptError
from codev_tui.core.script_data import script_from_data
from codev_tui.core.session import Roster, Session, SessionError
from codev_tui.core.store.errors import NewerFileError, damage, reason, session_error
from codev_tui.core.store.group_link import read_link
from codev_tui.core.store.parse import Parsed
from codev_tui.core.store.record import B64_SUFFIX, Base64Error, decode_strings


def real_session_path(path: Path) -> Path:
    """The real path of an existing session file (symbolic links resolved), or a SessionError;
    nothing is created or changed."""
    real = Path(os.path.realpath(path))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise session_error("store.no_such_file", path=path) from None
    except OSError as exc:
        raise session_error("store.cannot_read", path=path, reason=reason(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise session_error("store.not_regular", path=path)
    links = info.st_nlink
    if links > 1:
        # Each name would get its own lock file, and a repair or a deletion (an atomic
        # rewrite) would split the session in two files, each opened by its own codev.
        raise session_error("store.hard_links", path=path, links=links)
    return real


READ_ERRORS = (
    RecursionError,
    MemoryError,
    ValueError,
    TypeError,
    LookupError,
    AttributeError,
    OverflowError,
)
"""What reading a crafted or damaged file may raise anywhere; it is reported as damage."""


def load_session(parsed: Parsed) -> tuple[Session, int]:
    """Build the session from the header and fold the events; the file's schema with it.

    Whatever the file holds, reading it raises SessionError (naming the file, and the line
    where it can) and nothing else: one unreadable file never stops `codev` or `codev list`.
    """
    try:
        return _fold(parsed)
    except READ_ERRORS as exc:
        name = type(exc).__name__
        raise session_error("store.unreadable", path=parsed.path, reason=name) from None


def _fold(parsed: Parsed) -> tuple[Session, int]:
    path = parsed.path
    parsed.check_header()
    data = parsed.header()
    schema = data.get("schema")
    if type(schema) is int and schema > SCHEMA:
        raise NewerFileError(Problem("store.newer_schema", {"path": path, "schema": schema}))
    if schema not in READABLE_SCHEMAS or type(schema) is not int:
        raise session_error("store.not_codev", path=path, schema=SCHEMA)
    try:
        script = script_from_data(data.get("script", {}), f"{path} [script]")
    except ScriptError as exc:
        raise SessionError(exc.problems[0]) from None
    session = _session_from_header(parsed, data.get("session"), script)
    if parsed.salvage:
        for line, event in parsed.salvaged_events():
            try:
                session.apply(event)
                parsed.read_events += 1
            except (SessionError, *READ_ERRORS):
                parsed.skipped.append(line)
        return session, schema
    for n, event in enumerate(parsed.events()):
        try:
            session.apply(event)
        except (SessionError, *READ_ERRORS) as exc:
            cause = exc if isinstance(exc, SessionError) else type(exc).__name__
            line = parsed.line_at(parsed.records[n][0])
            raise damage(path, line, "store.cannot_apply", cause=cause) from None
    return session, schema


_HEAD_TEXTS = ("topic", "group", "facilitator", "client", "practice_role")


def _session_from_header(parsed: Parsed, head: Any, script: PhaseScript) -> Session:
    """The session the header's [session] table describes; each field of the right type."""
    path = parsed.path
    if type(head) is not dict:
        line = parsed.header_line("session")
        raise session_error("store.no_session", where=f"{path}:{line}")

    def bad(key: str, code: str, line: int | None = None, **values: Any) -> SessionError:
        where = f"{path}:{line or parsed.header_line(key)}"
        return session_error(
            "store.header_field", where=where, field=key, what=Problem(code, values)
        )

    try:
        head = decode_strings(head)
    except Base64Error as exc:
        line = parsed.header_line(exc.key)
        raise bad(exc.key[: -len(B64_SUFFIX)], "store.not_base64", line) from None
    for key in _HEAD_TEXTS:
        if type(head.get(key, "")) is not str:
            raise bad(key, "store.not_text")
    ident, created = head.get("id"), head.get("created")
    if type(ident) is not str or not ident:
        raise bad("id", "store.missing_text")
    if type(created) is not datetime or created.tzinfo is None:
        raise bad("created", "store.bad_created")
    if not PLAUSIBLE_YEARS[0] <= created.year <= PLAUSIBLE_YEARS[1]:
        raise bad("created", "store.implausible_year", year=created.year)
    lang = head.get("lang", script.script.lang)
    if type(lang) is not str or lang not in ("fr", "en"):
        raise bad("lang", "store.bad_lang")
    consultants = head.get("consultants", [])
    if type(consultants) is not list or any(type(c) is not str for c in consultants):
        raise bad("consultants", "store.bad_consultants")
    practice, speed = head.get("practice", False), head.get("speed", 1.0)
    if type(practice) is not bool:
        raise bad("practice", "store.bad_practice")
    if type(speed) not in (int, float) or not 0.1 <= speed <= 100:  # as `practice --speed`
        raise bad("speed", "store.bad_speed")
    link, field, problem = read_link(head)
    if problem is not None:
        raise bad(field, problem.code, **problem.values)
    roster = Roster(
        topic=head.get("topic", ""),
        group=head.get("group", ""),
        facilitator=head.get("facilitator", ""),
        client=head.get("client", ""),
        consultants=consultants,
    )
    return Session(
        id=ident,
        created=created,
        lang=lang,
        script=script,
        roster=roster,
        practice=practice,
        practice_role=head.get("practice_role", ""),
        speed=float(speed),
        group_id=link.group_id,
        people=link.people,
        review_items=list(link.review),
        absent=list(link.absent),
        quorum=link.quorum,
    )


def read_session(path: Path) -> Session:
    """Load a session for reading only (export, list): a torn tail is ignored, never repaired."""
    return load_session(Parsed(path))[0]


@dataclass(frozen=True)
class Salvaged:
    """What `salvage_session` could read of a damaged session file."""

    session: Session
    events: int
    """Events read and applied."""
    skipped: list[int]
    """The first line of each record (or header part) left out, in order."""
    header_changed: bool
    """The header's checksum did not match: it was read all the same."""
    crlf: bool
    """The file had CR LF line ends: it was read as if converted back."""


def salvage_session(path: Path) -> Salvaged:
    """Read whatever can still be read of a damaged session (for its minutes), never writing
    to it: records that fail their checksum, do not decode or cannot be applied are left out
    and counted. The header must still be readable: it holds the script and the roster."""
    parsed = Parsed(path, salvage=True)
    session = load_session(parsed)[0]
    return Salvaged(
        session, parsed.read_events, sorted(parsed.skipped), parsed.header_changed, parsed.crlf
    )
