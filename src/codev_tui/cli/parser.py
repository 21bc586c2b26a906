"""The command line's grammar: commands, options and their help, in the language asked for."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from codev_tui import __version__
from codev_tui.cli.cycle_out import add_cycle_commands
from codev_tui.cli.groups import add_group_commands
from codev_tui.cli.lang import argparse_speaks
from codev_tui.cli.output import emit
from codev_tui.cli.serve import add_serve_command
from codev_tui.words import LANGS, Words

if TYPE_CHECKING:
    import argparse


def get_args(argv: Sequence[str] | None, lang: str) -> argparse.Namespace:
    """Parse the command line; help and errors (argparse's own words too) in `lang`."""
    with argparse_speaks(lang):
        return _parser(Words("cli", lang), sys.argv[1:] if argv is None else argv).parse_args(argv)


def _parser(w: Words, argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser of `codev` and its commands, its help in `w`'s language (`argv`: the
    command line it will parse, whose commands may need more of it)."""
    import argparse

    class Parser(argparse.ArgumentParser):
        """argparse, whose messages (usage, errors quoting an argument) are made visible."""

        def _print_message(self, message: str, file: TextIO | None = None) -> None:
            if message:  # `--help > /dev/full` is an error, said on standard error
                emit(file or sys.stderr, message)

    def add_lang(p: argparse.ArgumentParser, default: object) -> None:
        # On every command: `codev --lang fr list` and `codev list --lang fr` alike. A
        # command's own default would hide the one given before it, hence SUPPRESS there.
        p.add_argument("--lang", choices=LANGS, default=default, help=w("lang_help"))

    def add_script(p: argparse.ArgumentParser) -> None:
        p.add_argument("--script", metavar=w("script_metavar"), help=w("script_help"))

    def add_session(p: argparse.ArgumentParser) -> None:
        p.add_argument("session", nargs="?", metavar=w("session_metavar"), help=w("session_help"))

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=w(help_key), description=w(help_key))
        add_lang(p, argparse.SUPPRESS)
        return p

    parser = Parser(prog="codev", description=w("description"))
    parser.add_argument(
        "--version", action="version", version=f"codev {__version__}", help=w("version_help")
    )
    add_lang(parser, None)
    sub = parser.add_subparsers(dest="command", metavar=w("command_metavar"))

    run = command("run", "run_help")
    add_script(run)
    run.add_argument("--session", metavar=w("path_metavar"), type=Path, help=w("session_file_help"))
    run.add_argument("--topic", metavar=w("topic_metavar"), help=w("topic_help"))
    run.add_argument("--client", metavar=w("client_metavar"), help=w("client_help"))
    run.add_argument("--consultants", metavar=w("consultants_metavar"), help=w("consultants_help"))
    run.add_argument("--facilitator", metavar=w("facilitator_metavar"), help=w("facilitator_help"))
    run.add_argument("--group", metavar=w("group_metavar"), help=w("group_help"))
    run.add_argument("--absent", metavar=w("absent_metavar"), help=w("absent_help"))
    run.add_argument("--choose", action="store_true", help=w("choosing.choose_help"))

    add_session(command("resume", "resume_help"))
    add_session(command("view", "view.help"))
    command("list", "list_help")

    export = command("export", "export_help")
    add_session(export)
    export.add_argument("-o", "--output", metavar=w("file_metavar"), help=w("output_help"))
    export.add_argument("--force", action="store_true", help=w("force_help"))
    export.add_argument("--include-confidential", action="store_true", help=w("confidential_help"))
    export.add_argument("--anonymize", action="store_true", help=w("anonymize_help"))
    export.add_argument("--salvage", action="store_true", help=w("salvage_help"))

    check = command("check", "check_help")
    check.add_argument(
        "files", nargs="+", type=Path, metavar=w("file_metavar"), help=w("files_help")
    )

    command("scripts", "scripts_help")

    practice = command("practice", "practice_help")
    add_script(practice)
    practice.add_argument("--speed", type=float, default=1.0, metavar="N", help=w("speed_help"))
    practice.add_argument(
        "--role", choices=["client", "consultant", "facilitator"], help=w("role_help")
    )

    agenda = command("agenda", "agenda_help")
    add_script(agenda)
    agenda.add_argument("--start", metavar="HH:MM", help=w("start_help"))
    agenda.add_argument("--format", choices=["text", "md"], default="text", help=w("format_help"))

    add_group_commands(sub, add_lang, w.lang, argv)
    add_cycle_commands(sub, add_lang, w.lang)
    add_serve_command(sub, add_lang, w.lang)
    return parser
