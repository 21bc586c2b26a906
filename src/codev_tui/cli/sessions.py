"""The commands about sessions: `list`, `export`, and which file a session name stands for.

The session modules are imported by the functions that need them, not here: `check` must
not load them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from codev_tui import locations
from codev_tui.cli.errors import UserError, lines_of
from codev_tui.cli.listing import LIST_WIDTH, clean, format_rows
from codev_tui.cli.output import write_stdout
from codev_tui.words import Words

if TYPE_CHECKING:
    import argparse

    from codev_tui.core.session import Session

SALVAGE_LINES_SHOWN = 10
"""How many lines of skipped records `--salvage` names; the others are counted."""


def resolve_session(spec: str | None) -> Path:
    """The session file `spec` names: the latest when None; else a path to a file, or in the
    data folder a file name, a stem or a unique prefix of a file name.

    An ambiguous prefix is a UserError whose details are the candidates' file names.
    """
    from codev_tui.core.store import latest_session, list_sessions

    folder = locations.data_dir()
    if spec is None:
        latest = latest_session(folder)
        if latest is None:
            raise UserError("no_session_yet", folder=folder)
        return latest
    path = Path(spec).expanduser()
    if path.is_file():
        return path
    if not spec or path.name != spec:
        # A path (it has a folder in it): only that file will do.
        raise UserError("no_session_file", spec=spec)
    sessions = list_sessions(folder)
    for same in (lambda p: p.name == spec, lambda p: p.stem == spec):
        exact = [p for p in sessions if same(p)]
        if exact:
            return exact[0]
    found = [p for p in sessions if p.name.startswith(spec)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UserError("no_session_named", spec=spec, folder=folder)
    raise UserError(
        "ambiguous_session",
        [clean(p.name) for p in sorted(found, key=lambda p: p.name)],
        spec=spec,
        n=len(found),
    )


def cmd_list(lang: str) -> int:
    """One line per session, most recent first: when, state, topic, client, notes, file."""
    from codev_tui.core.session import SessionError
    from codev_tui.core.store import list_sessions, read_session

    w = Words("cli", lang)
    folder = locations.data_dir()
    sessions = list_sessions(folder)
    if not sessions:
        print(w("no_session_yet", folder=folder))
        return 0
    rows: list[list[str] | str] = []
    for path in sessions:
        try:
            rows.append(session_row(read_session(path), path, w))
        except SessionError as exc:
            first = (lines_of(exc, lang) or [type(exc).__name__])[0]
            rows.append(clean(w("unreadable", name=path.name, problem=first)))
    for line in format_rows(rows, LIST_WIDTH):
        print(line)
    return 0


def session_row(session: Session, path: Path, w: Words) -> list[str]:
    """The columns of `codev list` for one session (user text cleaned, not yet cut)."""
    from codev_tui.core.choosing import public_topic

    phases = len(session.script.phases)
    created = session.created
    return [
        f"{created.astimezone():%Y-%m-%d %H:%M}" if hasattr(created, "astimezone") else "?",
        w("ended") if session.ended else w("phase_of", n=session.current + 1, count=phases),
        clean(public_topic(session)) or "—",
        clean(session.roster.client) or "—",
        w.count("notes", session.note_count),
        w("practice") if session.practice else "",
        clean(path.name),
    ]


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    """Write the minutes of a session to a file, or to standard output with `-o -`."""
    from codev_tui.core.minutes.render import render_minutes
    from codev_tui.core.minutes.write import write_minutes
    from codev_tui.core.store import default_minutes_path, read_session

    path = resolve_session(args.session)
    session = read_salvaged(path, lang) if args.salvage else read_session(path)
    if args.output == "-":
        text = render_minutes(
            session, include_confidential=args.include_confidential, anonymize=args.anonymize
        )
        write_stdout(text)
        return 0
    if args.output and args.output.endswith("/"):
        raise UserError("output_is_folder", output=args.output)
    dest = Path(args.output).expanduser() if args.output else default_minutes_path(path)
    if args.salvage and dest.exists() and dest.samefile(path):
        raise UserError("salvage_onto_itself", dest=dest)
    try:
        written = write_minutes(
            session,
            dest,
            force=args.force,
            include_confidential=args.include_confidential,
            anonymize=args.anonymize,
            source=path,
        )
    except FileExistsError:
        raise UserError("exists", dest=dest) from None
    print(written)
    return 0


def read_salvaged(path: Path, lang: str) -> Session:
    """What can still be read of a damaged session; one line on stderr says what was skipped."""
    from codev_tui.core.store import salvage_session

    w = Words("cli", lang)
    got = salvage_session(path)
    count = len(got.skipped)
    if count:
        shown = ", ".join(map(str, got.skipped[:SALVAGE_LINES_SHOWN]))
        more = ", …" if count > SALVAGE_LINES_SHOWN else ""
        parts = [w.count("skipped", count, lines=shown + more)]
    else:
        parts = [w("no_damage")]
    parts.append(w.count("events", got.events))
    if got.header_changed:
        parts.append(w("header_changed"))
    if got.crlf:
        parts.append(w("crlf"))
    what = w("semicolon").join(parts)
    print(clean(w("salvaged", name=path.name, what=what)), file=sys.stderr)
    return got.session
