"""`codev journal` and `codev review`: what comes out of a group's cycle, on the screen or in a
private file.

The group and session modules are imported by the functions that need them, not here: `check`
must not load them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from codev_tui import locations
from codev_tui.cli.errors import UserError
from codev_tui.cli.output import write_stdout
from codev_tui.words import Words

if TYPE_CHECKING:
    import argparse

    from codev_tui.core.cycle_out.facts import CycleFacts

COMMANDS = ("journal", "review")
"""The commands this module adds to `codev`."""


def add_cycle_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    add_lang: Callable[[argparse.ArgumentParser, object], None],
    lang: str,
) -> None:
    """Add `journal` and `review` to the command line, their help in `lang`."""
    import argparse

    w, cli = Words("cycle", lang), Words("cli", lang)

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=w(help_key), description=w(help_key))
        add_lang(p, argparse.SUPPRESS)
        p.add_argument("group", metavar=w("group_metavar"), help=w("group_help"))
        return p

    def add_output(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", metavar=cli("file_metavar"), help=w("output_help"))
        p.add_argument("--force", action="store_true", help=cli("force_help"))

    journal = command("journal", "journal_help")
    journal.add_argument(
        "--person", required=True, metavar=w("person_metavar"), help=w("person_help")
    )
    add_output(journal)
    review = command("review", "review_help")
    add_output(review)
    review.add_argument("--anonymize", action="store_true", help=w("anonymize_help"))
    review.add_argument("--with-topics", action="store_true", help=w("with_topics_help"))


def cmd_journal(args: argparse.Namespace, lang: str) -> int:
    """A person's learning log over the cycle: to standard output, or to `-o FILE`."""
    from codev_tui.core.cycle_out.facts import find_person
    from codev_tui.core.cycle_out.journal import render_journal

    facts = _cycle(args.group, lang)
    member = find_person(facts.group, args.person)
    return _deliver(render_journal(facts, member, lang), args.output, args.force)


def cmd_review(args: argparse.Namespace, lang: str) -> int:
    """The end-of-cycle review: to standard output, or to `-o FILE`."""
    from codev_tui.core.cycle_out.review import render_review

    facts = _cycle(args.group, lang)
    text = render_review(facts, lang, anonymize=args.anonymize, with_topics=args.with_topics)
    return _deliver(text, args.output, args.force)


def _cycle(name: str, lang: str) -> CycleFacts:
    """The facts of the cycle of the group called `name` (GroupError: unknown or damaged)."""
    from codev_tui.cli.groups import read_cycle
    from codev_tui.core.cycle_out.facts import gather
    from codev_tui.core.group import load_group

    folder = locations.data_dir()
    group = load_group(folder, name)
    return gather(group, read_cycle(folder, group, lang))


def _deliver(text: str, output: str | None, force: bool) -> int:
    """`text` to standard output (no `-o`, or `-o -`), else to a private file, as `export -o`
    writes the minutes: never over a file without `force`, never over a session file, nor
    over a group's file."""
    from codev_tui.core.cycle_out.facts import CycleError
    from codev_tui.core.minutes.write import write_document
    from codev_tui.core.problems import Problem

    if output is None or output == "-":
        write_stdout(text)
        return 0
    if output.endswith("/"):
        raise CycleError(Problem("cycle.output_is_folder", {"output": output}))
    dest = Path(output).expanduser()
    groups = (Path(locations.data_dir()) / "groups").resolve()  # looked at, never made
    if groups in (dest.parent.resolve(), dest.resolve().parent):
        # A group's file, its lock, or a new file `codev group list` would take for a group.
        raise CycleError(Problem("cycle.onto_group", {"dest": dest}))
    try:
        written = write_document(text, dest, force=force)
    except FileExistsError:
        raise UserError("exists", dest=dest) from None
    print(written)
    return 0
