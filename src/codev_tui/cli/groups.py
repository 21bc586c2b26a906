"""`codev group`: make a group, list and show groups, change who is in one, write its charter.

The group modules are imported by the functions that need them: the other commands never
load them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from codev_tui import locations
from codev_tui.cli.errors import lines_of
from codev_tui.cli.listing import clean
from codev_tui.cli.output import emit
from codev_tui.words import Words, say

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from codev_tui.core.group import Group
    from codev_tui.core.session import Session


def add_group_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    add_lang: Callable[[argparse.ArgumentParser, object], None],
    lang: str,
    argv: Sequence[str],
) -> None:
    """Add `codev group` to the command line's subcommands (help in `lang`), and its actions
    when `argv` names it: building their eight parsers would take longer than all the other
    commands' together, on every start of codev."""
    import argparse

    w = Words("group", lang)
    group = sub.add_parser("group", help=w("help"), description=w("help"))
    add_lang(group, argparse.SUPPRESS)
    if "group" not in argv:
        return
    actions = group.add_subparsers(dest="group_command", metavar=w("action_metavar"))
    actions.required = True

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text, description=help_text)
        add_lang(p, argparse.SUPPRESS)
        if name != "list":
            p.add_argument("name", metavar=w("name_metavar"), help=w("name_help"))
        return p

    new = action("new", w("new_help"))
    new.add_argument("--members", required=True, metavar=w("names_metavar"), help=w("members_help"))
    new.add_argument("--facilitator", metavar=w("person_metavar"), help=w("facilitator_help"))
    new.add_argument("--sessions", type=int, default=0, metavar="N", help=w("sessions_help"))
    new.add_argument("--every", metavar=w("every_metavar"), help=w("every_help"))
    action("list", w("list_help"))
    action("show", w("show_help"))
    for name, help_key in (("add", "add_help"), ("remove", "remove_help")):
        action(name, w(help_key)).add_argument(
            "member", metavar=w("person_metavar"), help=w("member_help")
        )
    rename = action("rename", w("rename_help"))
    rename.add_argument("old", metavar=w("old_metavar"), help=w("old_help"))
    rename.add_argument("new", metavar=w("new_metavar"), help=w("new_help_arg"))
    charter = action("charter", w("charter_help"))
    charter.add_argument("--from", dest="source", metavar=w("file_metavar"), help=w("from_help"))


def cmd_group(args: argparse.Namespace, lang: str) -> int:
    """Run one `codev group` action; a mistake is a GroupError (one line, exit status 2)."""
    from codev_tui.core.group import change_group, create_group, list_groups, load_group

    w = Words("group", lang)
    data = locations.data_dir()
    what = args.group_command
    if what == "list":
        groups = list_groups(data)
        if not groups:
            print(w("no_group_yet", folder=data / "groups"))
        for group in groups:
            print(list_line(group, lang))
        return 0
    if what == "new":
        made = create_group(
            data,
            args.name,
            [name for name in args.members.split(",") if name.strip()],
            facilitator=args.facilitator or "",
            sessions=args.sessions,
            every=args.every or "",
        )
        ids = ", ".join(m.id for m in made.members)
        print(clean(w.count("created", len(made.members), group=made.name, ids=ids)))
        return 0
    if what == "show":
        group = load_group(data, args.name)
        for line in [*show_lines(group, lang), *cycle_lines(group, data, lang)]:
            print(line)
        return 0
    if what == "charter":
        return _charter(args, data, w)
    from codev_tui.core.store.session_file import utc_now

    when = utc_now()
    said: list[str] = []

    def change(group: Group) -> None:
        said.append(_member_change(group, args, when, w))

    change_group(data, args.name, change, now=lambda: when)
    print(clean(said[0]))
    return 0


def _member_change(group: Group, args: argparse.Namespace, when: datetime, w: Words) -> str:
    """Make the change `add`, `remove` or `rename` asks for; what to say of it."""
    if args.group_command == "add":
        back = group.find(args.member) is not None
        member = group.add(args.member, when)
        return w("back" if back else "added", group=group.name, name=member.name, id=member.id)
    if args.group_command == "remove":
        member = group.remove(args.member, when)
        return w("removed", group=group.name, name=member.name, id=member.id)
    before = group.find(args.old)
    old = before.name if before is not None else args.old
    member = group.rename(args.old, args.new)
    return w("renamed", group=group.name, old=old, new=member.name, id=member.id)


def list_line(group: Group | Exception, lang: str) -> str:
    """One line of `codev group list`: name, active members, plan; an unreadable file's error."""
    w = Words("group", lang)
    if isinstance(group, Exception):
        return clean(w("unreadable", problem=(lines_of(group, lang) or ["?"])[0]))
    parts = [group.name, w.count("list_members", len(group.active()))]
    if group.sessions:
        parts.append(w.count("list_sessions", group.sessions))
    if group.every:
        parts.append(group.every)
    return clean(w("list_separator").join(parts))


def show_lines(group: Group, lang: str) -> list[str]:
    """What `codev group show` prints: the members (those who left marked), the facilitator,
    the plan, the quorum and the charter's rules; the user's text cleaned for a terminal."""
    from codev_tui.core.times import format_date

    w = Words("group", lang)
    months, pattern = say(lang, "minutes.months").split(), say(lang, "minutes.date_format")
    lines = [w("show_title", group=clean(group.name))]
    if group.facilitator:
        lines.append(w("show_facilitator", name=clean(group.facilitator)))
    lines.append(w.count("show_members", len(group.active())))
    for member in group.members:
        name = clean(member.name)
        if member.left is None:
            lines.append(w("show_member", id=member.id, name=name))
        else:
            left = format_date(member.left, months, pattern)
            lines.append(w("show_left", id=member.id, name=name, date=left))
    if group.sessions:
        lines.append(w("show_sessions", n=group.sessions))
    else:
        lines.append(w("show_sessions_unsaid"))
    if group.every:
        lines.append(w("show_every", every=clean(group.every)))
    key = "show_quorum_charter" if group.quorum_from_charter else "show_quorum_half"
    lines.append(w(key, n=group.quorum))
    rules = group.charter_rules()
    if rules:
        lines.append(w("show_charter"))
        lines.extend(w("show_rule", rule=clean(rule)) for rule in rules)
    else:
        lines.append(w("show_no_charter", group=clean(group.name)))
    return lines


def read_cycle(data: Path, group: Group, lang: str) -> list[Session]:
    """The group's sessions held; a line on standard error names the session files that could
    not be read, and another those not finished (left out: what is counted may be short)."""
    from codev_tui.core.cycle import cycle_sessions

    unreadable: list[Path] = []
    unfinished: list[Path] = []
    sessions = cycle_sessions(data, group, unreadable, unfinished)
    w = Words("retour", lang)
    lines = []
    if unreadable:
        names = ", ".join(clean(path.name) for path in unreadable)
        lines.append(w.count("unreadable", len(unreadable), names=names))
    if unfinished:
        names = ", ".join(clean(path.name) for path in unfinished)  # no topic: it may be private
        lines.append(w.count("unfinished", len(unfinished), names=names))
    for line in lines:
        emit(sys.stderr, say(lang, "cli.report", line=line) + "\n")
    return sessions


def cycle_lines(group: Group, data: Path, lang: str) -> list[str]:
    """The cycle so far, from the group's sessions: held and planned, who has been client,
    whose turn is next, and the actions the next retour will review."""
    from codev_tui.core.cycle import previous_plan, suggest_clients, times_client

    w = Words("retour", lang)
    sessions = read_cycle(data, group, lang)
    held = len(sessions)
    if group.sessions:
        lines = [w.count("show_held_planned", group.sessions, held=held)]
    else:
        lines = [w.count("show_held", held)]
    turns = times_client(group, sessions)
    never = [clean(m.name) for m in group.active() if not turns[m.id].times]
    if group.sessions and held >= group.sessions and never:
        # "As many sessions as participants": the cycle planned is over, not everyone's turn.
        lines.append(w.count("show_over", len(never), names=", ".join(never)))
    clients = [f"{clean(m.name)} ({turns[m.id].times})" for m in group.members if turns[m.id].times]
    if clients:
        lines.append(w("show_clients", names=", ".join(clients)))
    suggested = [clean(m.name) for m in suggest_clients(group, sessions)[:3]]
    if suggested:
        lines.append(w("show_next", names=", ".join(suggested)))
    plan = previous_plan(sessions)
    lines.append(w.count("show_open", len(plan)))
    for item in plan:
        who = f" — {clean(item.who)}" if item.who else ""
        due = f" — {w('by', due=clean(item.due))}" if item.due else ""
        lines.append(f"  {item.n}. {clean(item.what)}{who}{due}")
    return lines


class _Unchanged(Exception):
    """The charter written is the one there was: nothing to save."""


def _charter(args: argparse.Namespace, data: Path, w: Words) -> int:
    """`codev group charter`: the charter from `--from FILE`, else from the editor."""
    from codev_tui.core.group import change_group, groups_folder
    from codev_tui.core.group.model import group_error

    if args.source is not None:
        raw = Path(args.source).expanduser().read_bytes()
        try:
            given = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise group_error("group.charter_not_utf8", file=args.source) from None

    def change(group: Group) -> None:
        if args.source is None:
            # A charter not written yet: the editor opens on a few lines of help, left out after.
            help_lines = (
                [] if group.charter else w("charter_template", group=group.name).split("\n")
            )
            text = _edited(group.charter or "\n".join(help_lines), groups_folder(data))
            text = "\n".join(line for line in text.split("\n") if line not in help_lines)
        else:
            text = given
        text = _tidy(text)
        if not text:
            raise group_error("group.charter_empty")
        if text == group.charter:
            raise _Unchanged(group.name)
        group.set_charter(text)

    try:
        group = change_group(data, args.name, change)
    except _Unchanged as same:
        print(clean(w("charter_unchanged", group=same.args[0])))
        return 0
    n = len(group.charter_rules())
    print(clean(w.count("charter_saved", n, group=group.name, quorum=group.quorum)))
    return 0


def _tidy(text: str) -> str:
    """A charter as kept: LF line ends, no spaces at the ends of lines, no blank lines around."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _edited(text: str, folder: Path) -> str:
    """`text` as the user's editor (`$VISUAL`, `$EDITOR`, else `vi`) leaves it.

    The editor works on a private temporary file (0600) in the groups folder (0700), removed
    afterwards whatever happens; an editor that cannot start or fails is a GroupError.
    """
    import shlex
    import subprocess
    import tempfile

    from codev_tui.core.group.model import group_error

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    fd, name = tempfile.mkstemp(prefix=".charter-", suffix=".txt", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        try:
            status = subprocess.run([*shlex.split(editor), name], check=False).returncode
        except (OSError, ValueError) as exc:
            cause = getattr(exc, "strerror", None) or str(exc)
            raise group_error("group.editor_missing", editor=editor, reason=cause) from None
        if status != 0:
            raise group_error("group.editor_failed", editor=editor, status=status)
        try:
            return Path(name).read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise group_error("group.charter_not_utf8", file=name) from None
    finally:
        Path(name).unlink(missing_ok=True)
