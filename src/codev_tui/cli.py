"""The `codev` command. Only `run`, `resume` and `practice` import the user interface."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from codev_tui import __version__, locations
from codev_tui.core.script import PhaseScript, ScriptError, format_minutes, load_script
from codev_tui.core.session import Roster, SessionError, parse_names
from codev_tui.core.store import SaveError, list_sessions, read_session

USER_ERROR = 2


class UserError(Exception):
    """A mistake on the command line, reported in one line with exit status 2."""


def get_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="codev",
        description="Terminal companion for a codéveloppement session (Payette–Champagne).",
    )
    parser.add_argument("--version", action="version", version=f"codev {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_script(p: argparse.ArgumentParser) -> None:
        p.add_argument("--script", metavar="NAME|PATH", help="bundled script name or a file")

    run = sub.add_parser("run", help="start a session (the default command)")
    add_script(run)
    run.add_argument("--session", metavar="PATH", type=Path, help="continue this session file")
    run.add_argument("--lang", choices=["fr", "en"], help="language of the interface")
    run.add_argument("--topic", help="the situation the client brings")
    run.add_argument("--client", help="the client's name")
    run.add_argument("--consultants", help='comma-separated names, e.g. "Ana,Bo,Cy"')
    run.add_argument("--facilitator", help="the facilitator's name")
    run.add_argument("--group", help="the group's name")

    resume = sub.add_parser("resume", help="reopen a session where it was (the latest by default)")
    resume.add_argument("session", nargs="?", type=Path, metavar="SESSION")
    resume.add_argument("--lang", choices=["fr", "en"], help="language of the interface")

    sub.add_parser("list", help="list the sessions on this machine")

    export = sub.add_parser("export", help="write the Markdown minutes of a session")
    export.add_argument("session", type=Path, metavar="SESSION")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: beside it")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.add_argument("--include-confidential", action="store_true")
    export.add_argument("--anonymize", action="store_true", help="replace names with roles")

    check = sub.add_parser("check", help="validate phase scripts")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")

    sub.add_parser("scripts", help="list the bundled phase scripts")

    practice = sub.add_parser("practice", help="rehearse a whole session alone")
    add_script(practice)
    practice.add_argument(
        "--speed", type=float, default=1.0, metavar="N", help="compress time N times"
    )
    practice.add_argument("--role", choices=["client", "consultant", "facilitator"])
    practice.add_argument("--lang", choices=["fr", "en"], help="language of the interface")

    agenda = sub.add_parser("agenda", help="print the timetable of a session")
    add_script(agenda)
    agenda.add_argument("--start", metavar="HH:MM", help="default: now, rounded up to 5 minutes")
    agenda.add_argument("--format", choices=["text", "md"], default="text")
    return parser.parse_args(argv)


def resolve_script(spec: str | None) -> Path:
    """A bundled script's path from its name, or the given file; `classic` by default."""
    bundled = locations.bundled_scripts()
    if spec is None:
        return bundled["classic"]
    if spec in bundled:
        return bundled[spec]
    path = Path(spec).expanduser()
    if path.is_file():
        return path
    raise UserError(f"no script named {spec!r}: give a file or one of {', '.join(bundled)}")


def cmd_check(files: list[Path]) -> int:
    """Validate each file; a summary when valid, one line per problem otherwise."""
    status = 0
    for path in files:
        try:
            script = load_script(path)
        except ScriptError as exc:
            for line in exc.problems:
                print(line, file=sys.stderr)
            status = USER_ERROR
            continue
        print(describe_script(path, script))
    return status


def describe_script(path: Path, script: PhaseScript) -> str:
    """A few lines: the script's name and its phases with their minutes."""
    lines = [f"{path}: OK — {script.script.name} ({script.script.lang})"]
    width = max(len(p.title) for p in script.phases)
    for n, phase in enumerate(script.phases, 1):
        lines.append(f"  {n}. {phase.title:<{width}}  {format_minutes(phase.minutes):>5} min")
    lines.append(
        f"  {len(script.phases)} phases, {format_minutes(script.total_minutes)} min in all"
    )
    return "\n".join(lines)


def cmd_scripts() -> int:
    """List the bundled scripts."""
    for name, path in locations.bundled_scripts().items():
        try:
            script = load_script(path)
        except ScriptError as exc:
            print(f"{name:<12} (invalid: {exc.problems[0]})")
            continue
        print(
            f"{name:<12} {script.script.name} — {len(script.phases)} phases, "
            f"{format_minutes(script.total_minutes)} min ({script.script.lang})"
        )
    return 0


def cmd_list() -> int:
    """One line per session, most recent first."""
    folder = locations.data_dir()
    sessions = list_sessions(folder)
    if not sessions:
        print(f"no session yet in {folder}")
        return 0
    for path in sessions:
        try:
            s = read_session(path)
        except SessionError as exc:
            print(f"{path.name}  (unreadable: {exc})")
            continue
        state = "ended" if s.ended else f"phase {s.current + 1}/{len(s.script.phases)}"
        kind = " practice" if s.practice else ""
        print(
            f"{s.created.astimezone():%Y-%m-%d %H:%M}  {state:<11} {len(s.notes):>4} notes"
            f"{kind}  {path}"
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the minutes of a session."""
    from codev_tui.core.export import default_minutes_path, write_minutes

    session = read_session(args.session)
    dest = args.output or default_minutes_path(args.session)
    try:
        written = write_minutes(
            session,
            dest,
            force=args.force,
            include_confidential=args.include_confidential,
            anonymize=args.anonymize,
        )
    except FileExistsError:
        raise UserError(f"{dest} already exists; add --force to overwrite it") from None
    print(written)
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    """Print the timetable from a start time."""
    from codev_tui.core.agenda import next_start, render_agenda

    script = load_script(resolve_script(args.script))
    now = datetime.now()
    if args.start:
        try:
            hour, minute = (int(x) for x in args.start.split(":"))
            start = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        except ValueError:
            raise UserError(f"--start {args.start!r}: expected a time like 14:30") from None
    else:
        start = next_start(now)
    print(render_agenda(script, start, args.format), end="")
    return 0


def latest_session() -> Path:
    """The most recent session file, or a UserError when there is none."""
    sessions = list_sessions(locations.data_dir())
    if not sessions:
        raise UserError(f"no session to resume in {locations.data_dir()}")
    return sessions[0]


def cmd_run(args: argparse.Namespace) -> int:
    """Start the facilitation screens on a new or existing session."""
    from codev_tui.ui.launch import launch

    if args.command == "practice":
        if not 0.1 <= args.speed <= 100:
            raise UserError("--speed: expected a number from 0.1 to 100")
        script_path = resolve_script(args.script)
        script = load_script(script_path)
        return launch(
            script=script,
            roster=Roster(topic=f"practice {script.script.name}"),
            lang=args.lang,
            ready=True,
            practice=args.speed,
            practice_role=args.role or "",
        )
    if args.command == "resume":
        session_path: Path | None = args.session or latest_session()
        return launch(session_path=session_path, lang=args.lang, resumed=True)
    if args.session is not None:
        return launch(session_path=args.session, lang=args.lang, resumed=True)
    script_path = resolve_script(args.script)
    script = load_script(script_path)
    consultants = parse_names(args.consultants or "")
    roster = Roster(
        topic=args.topic or "",
        group=args.group or "",
        facilitator=args.facilitator or "",
        client=args.client or "",
        consultants=consultants,
    )
    ready = bool(roster.topic and roster.client and roster.consultants)
    return launch(
        script=script, script_path=script_path, roster=roster, lang=args.lang, ready=ready
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `codev`; returns the exit status."""
    args = get_args(argv)
    command = args.command or "run"
    if args.command is None:
        args = get_args(["run"])
    try:
        if command == "check":
            return cmd_check(args.files)
        if command == "scripts":
            return cmd_scripts()
        if command == "list":
            return cmd_list()
        if command == "export":
            return cmd_export(args)
        if command == "agenda":
            return cmd_agenda(args)
        return cmd_run(args)
    except (UserError, ScriptError, SessionError, SaveError) as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            print(f"codev: {line}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
