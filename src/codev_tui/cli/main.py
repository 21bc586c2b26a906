"""`codev`'s entry point: which command runs, in which language, and how its errors are said."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from codev_tui.cli.cycle_out import cmd_journal, cmd_review
from codev_tui.cli.errors import USER_ERROR, UserError, lines_of
from codev_tui.cli.groups import cmd_group
from codev_tui.cli.lang import cli_lang
from codev_tui.cli.output import OutputError, emit, guard_output
from codev_tui.cli.scripts import choose_script, cmd_agenda, cmd_check, cmd_scripts
from codev_tui.cli.sessions import cmd_export, cmd_list, resolve_session
from codev_tui.core.problems import CoreError
from codev_tui.core.script import PhaseScript
from codev_tui.core.visible import visible
from codev_tui.words import say

if TYPE_CHECKING:
    import argparse


def report(exc: Exception, lang: str) -> None:
    """A user error on standard error: `codev: ` and its lines, in `lang`, then its details."""
    said = lines_of(exc, lang) or [type(exc).__name__]
    lines = [say(lang, "cli.report", line=line) for line in said]
    lines += [visible(line) for line in getattr(exc, "details", ())]
    with contextlib.suppress(OutputError):
        for line in lines:
            emit(sys.stderr, visible(line) + "\n")


def cmd_run(args: argparse.Namespace, lang: str) -> int:
    """Start the facilitation screens on a new or existing session (`lang`: the command line's
    language, that of the lines said on the terminal before and after the app)."""
    from codev_tui.core.session import Roster, parse_names
    from codev_tui.ui.launch import launch

    if args.command == "practice":
        if not 0.1 <= args.speed <= 100:
            raise UserError("bad_speed")
        script, _ = choose_script(args.script)
        return launch(
            script=script,
            roster=Roster(topic=f"practice {script.script.name}"),
            lang=args.lang,
            ready=True,
            practice=args.speed,
            practice_role=args.role or "",
            cli_lang=lang,
        )
    if args.command == "resume":
        path = resolve_session(args.session)
        return launch(session_path=path, lang=args.lang, resumed=True, cli_lang=lang)
    if args.session is not None:
        return launch(session_path=args.session, lang=args.lang, resumed=True, cli_lang=lang)
    script, script_path = choose_script(args.script)
    if args.choose:  # the client and the topic come out of the session's first phase
        from codev_tui.core.choosing import with_choosing

        script = with_choosing(script)
    if args.group is not None:
        return _run_group(args, lang, script, script_path)
    if args.absent is not None:
        raise UserError("absent_without_group")
    consultants = parse_names(args.consultants or "")
    roster = Roster(
        topic=args.topic or "",
        group=args.group or "",
        facilitator=args.facilitator or "",
        client=args.client or "",
        consultants=consultants,
    )
    ready = bool(roster.consultants and (args.choose or roster.topic and roster.client))
    return launch(
        script=script,
        script_path=script_path,
        roster=roster,
        lang=args.lang,
        ready=ready,
        choose=args.choose,
        cli_lang=lang,
    )


def _run_group(
    args: argparse.Namespace, lang: str, script: PhaseScript, script_path: Path | None
) -> int:
    """`codev run --group NAME`: the roster from the group, the retour of its previous plan;
    straight to the first phase when the client and the topic are given and the quorum is
    reached, else the setup screen with the group (which asks before starting below it)."""
    from codev_tui import locations
    from codev_tui.core.cycle import cycle_sessions, group_session
    from codev_tui.core.group import load_group
    from codev_tui.core.session import parse_names
    from codev_tui.ui.launch import launch

    folder = locations.data_dir()
    group = load_group(folder, args.group)
    if args.consultants is not None:
        raise UserError("consultants_with_group")
    made = group_session(
        group,
        cycle_sessions(folder, group),
        script,
        client=args.client or "",
        topic=args.topic or "",
        absent=(absent := tuple(parse_names(args.absent or ""))),
        facilitator=args.facilitator or "",
    )
    roster = made.roster
    present = len(set(made.link.people.values()))  # the members in the room
    given = roster.consultants and (args.choose or roster.topic and roster.client)
    return launch(
        script=made.script,
        script_path=script_path,
        roster=roster,
        group=made.link,
        absent=absent,
        choose=args.choose,
        lang=args.lang,
        # Below the quorum, the setup screen shows who is away and asks before starting.
        ready=bool(given and present >= group.quorum),
        cli_lang=lang,
    )


def cmd_view(args: argparse.Namespace, lang: str) -> int:
    """`codev view [SESSION]`: the room's screen, following the session read-only (when not
    named, the latest: the one started now, once there is one)."""
    from codev_tui.ui.launch import launch_view

    path = resolve_session(args.session)
    latest = args.session is None  # then a session started later is followed
    return launch_view(path.resolve(), latest=latest, lang=args.lang, cli_lang=lang)


_SHORT_COMMANDS = frozenset(
    {"check", "scripts", "agenda", "list", "export", "group", "journal", "review"}
)
"""Commands that print and exit: never the app, which runs for hours."""


def _short_lived() -> None:
    """This process is a short `codev` command: no cyclic garbage collection, and none at exit.

    The collections that importing pydantic (or the session modules) triggers, and the last
    one as Python exits, cost a third of a `codev check`; the few cycles a command that prints
    and exits leaves are freed with the process. Only for the real command line (`main()`
    without arguments), never in a process that calls `main` many times, like the tests.
    """
    import atexit
    import gc

    gc.disable()
    atexit.register(gc.freeze)  # at exit, before the interpreter's final collection


def _exit_on_signals() -> None:
    """SIGTERM and SIGHUP end a short command as an exception would, so that every `finally`
    runs: an export killed half-way leaves no hidden temporary file with partial minutes."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), stop)


def _starting_the_app() -> None:
    """This process starts the app: no cyclic garbage collection until its first frame.

    Importing Textual and folding a long session allocate hundreds of thousands of objects
    that live as long as the app; collecting them again and again on the way costs the first
    frame a fifth of its time. The app turns the collector back on (and freezes what was made
    so far) once its first screen is painted.
    """
    import gc

    gc.disable()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `codev`; returns the exit status."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"  # see core/script_schema._without_plugins
    if argv is None:
        argv = sys.argv[1:]
        if argv and argv[0] in _SHORT_COMMANDS:
            _short_lived()
            _exit_on_signals()
        elif not argv or argv[0] in ("run", "resume", "practice", "view"):
            _starting_the_app()
    argv = list(argv)
    lang = cli_lang(argv, os.environ)
    streams = sys.stdout, sys.stderr
    try:
        if len(argv) > 1 and argv[0] == "check" and not any(a.startswith("-") for a in argv):
            # `codev check FILE…`, the common case, without building the parser: argparse,
            # its gettext lookups and shutil cost a third of the check of a valid file.
            guard_output()
            return cmd_check([Path(a) for a in argv[1:]], lang)
        from codev_tui.cli.parser import get_args

        args = get_args(argv, lang)
        command = args.command or "run"
        if args.command is None:
            args = get_args([*argv, "run"], lang)
        if command in _SHORT_COMMANDS:
            guard_output()  # never the app's: Textual writes escape sequences on purpose
        if command == "check":
            return cmd_check(args.files, lang)
        if command == "scripts":
            return cmd_scripts(lang)
        if command == "list":
            return cmd_list(lang)
        if command == "export":
            return cmd_export(args, lang)
        if command == "agenda":
            return cmd_agenda(args)
        if command == "group":
            return cmd_group(args, lang)
        if command == "journal":
            return cmd_journal(args, lang)
        if command == "review":
            return cmd_review(args, lang)
        if command == "view":
            return cmd_view(args, lang)
        if command == "serve":
            from codev_tui.cli.serve import cmd_serve

            return cmd_serve(args, lang)
        return cmd_run(args, lang)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # the system refused a file (a name too long, a folder...)
        if isinstance(exc, BrokenPipeError):
            raise
        reason = exc.strerror or exc
        if exc.filename:
            report(UserError("file_refused", file=exc.filename, reason=reason), lang)
        else:
            report(UserError("refused", reason=reason), lang)
        return USER_ERROR
    except CoreError as exc:  # a script, a session, a group… said in its lines, in `lang`
        report(exc, lang)
        return USER_ERROR
    finally:
        sys.stdout, sys.stderr = streams
