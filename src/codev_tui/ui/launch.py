"""Builds the app from what the command line said, runs it, and reports how it ended."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from codev_tui import locations
from codev_tui.words import Texts, say

if TYPE_CHECKING:
    from codev_tui.core.script import PhaseScript
    from codev_tui.core.session import Roster
    from codev_tui.core.store import GroupLink
    from codev_tui.ui.app import CodevApp

NO_TERMINAL = {
    "input": "cli.no_terminal_input",
    "output": "cli.no_terminal_output",
    "error": "cli.no_terminal_error",
}
"""The words of the line that says which standard stream is not a terminal."""


def _not_a_terminal() -> str:
    """Which standard stream is not a terminal ("input", "output", "error"), or ""."""
    streams = {"input": sys.__stdin__, "output": sys.__stdout__, "error": sys.__stderr__}
    for name, stream in streams.items():
        try:
            if stream is None or not os.isatty(stream.fileno()):
                return name
        except (OSError, ValueError):  # closed
            return name
    return ""


def launch(
    *,
    session_path: Path | None = None,
    script: PhaseScript | None = None,
    script_path: Path | None = None,
    roster: Roster | None = None,
    lang: str | None = None,
    ready: bool = False,
    resumed: bool = False,
    practice: float | None = None,
    practice_role: str = "",
    group: GroupLink | None = None,
    absent: tuple[str, ...] = (),
    choose: bool = False,
    cli_lang: str | None = None,
) -> int:
    """Open or create the session (or ask for it on the setup screen) and run the app; the
    lines said on the terminal around it are in `cli_lang`, the command line's language
    (`lang` when not given). `group`: the group a new session is one of; `absent` and
    `choose`: what the setup screen starts from (`--absent`, `--choose`)."""
    from codev_tui.core.group import list_groups
    from codev_tui.core.session import Roster
    from codev_tui.core.sessions import create_session, past_rosters
    from codev_tui.core.store import SessionFile
    from codev_tui.ui.app import CodevApp, SetupRequest

    said = cli_lang or lang or "en"
    stream = _not_a_terminal()
    if stream:  # before anything is created: without a terminal nothing could be typed
        _tell(say(said, "cli.report", line=say(said, NO_TERMINAL[stream])))
        return 2
    folder = locations.data_dir()
    if session_path is not None:
        file = SessionFile.open(session_path)
        texts = Texts(lang or file.session.lang)
        state = file.session
        notice = texts(
            "resumed_ended" if state.ended else "resumed" if state.running else "resumed_paused"
        )
        if file.repaired is not None:
            notice += f" · {texts('repaired')}{texts('colon')}{file.repaired.name}"
        app = CodevApp(file, lang=lang, notice=notice if resumed else "")
    elif ready and script is not None and roster is not None:
        file = create_session(
            folder,
            script,
            roster,
            lang=lang,
            practice=practice,
            practice_role=practice_role,
            group=group,
        )
        app = CodevApp(file, lang=lang)
    else:
        scripts = dict(locations.bundled_scripts())
        chosen = "classic"
        if script_path is not None and script_path not in scripts.values():
            chosen = script_path.name
            scripts[chosen] = script_path
        elif script_path is not None:
            chosen = next(name for name, p in scripts.items() if p == script_path)
        past = past_rosters(folder)
        base = past.prefill(roster or Roster())
        groups = list_groups(folder)
        setup = SetupRequest(folder, scripts, chosen, base, past.by_group, groups, absent, choose)
        app = CodevApp(setup=setup, lang=lang or (script.script.lang if script else None))
    app.run()
    if app.file is not None and (app.unsaved or app.file.lost):
        return report_unsaved(app, folder)
    if app.file is not None:
        if app.file.replaced is not None:
            replaced = say(said, "cli.replaced", path=app.file.replaced)
            _tell(say(said, "cli.report", line=replaced))
        _tell(say(said, "cli.report", line=say(said, "cli.saved_in", path=app.file.path)))
    return app.return_code or 0


def launch_view(
    path: Path, *, latest: bool = False, lang: str | None = None, cli_lang: str | None = None
) -> int:
    """`codev view`: the room's screen following the session file at `path`, read-only (with
    `latest`, the latest session of its folder: a session started later is followed then). In
    a browser (`codev serve` starts it with Textual's web driver) no terminal is needed."""
    said = cli_lang or lang or "en"
    if "TEXTUAL_DRIVER" not in os.environ and (stream := _not_a_terminal()):
        _tell(say(said, "cli.report", line=say(said, NO_TERMINAL[stream])))
        return 2
    from codev_tui.core.follow import Follower, LatestFollower
    from codev_tui.core.store import read_session
    from codev_tui.ui.view import ViewApp

    follower = LatestFollower(path) if latest else Follower(path)
    session = follower.poll() or read_session(path)  # unreadable: read again, to say why
    app = ViewApp(follower, session, lang=lang)
    app.run()
    return app.return_code or 0


UNSAVED = 1
"""Exit status when the app closed with items it could not save (see `report_unsaved`)."""


def report_unsaved(app: CodevApp, folder: Path) -> int:
    """The app closed with items not on disk, or with its session file replaced and no new
    file written: they go to a rescue file (the sessions folder, else the home folder, else
    the current one), and the terminal says how many and where."""
    from codev_tui.core.rescue import write_rescue

    assert app.file is not None
    t, session = app.texts, app.file.path
    folders = [folder]
    try:
        folders.append(Path.home())
    except RuntimeError:  # no home folder known
        pass
    try:
        folders.append(Path.cwd())
    except OSError:  # the current folder was removed
        pass
    file = app.file
    rescued = write_rescue(session, file.saved, app.unsaved, folders, app.wall().astimezone())
    if file.lost:
        _tell(t("lost", session=str(file.replaced or session), reason=file.lost))
    if app.unsaved:
        reason = app.control.save_error if app.control is not None else ""
        _tell(t("unsaved", n=len(app.unsaved), session=str(session), reason=reason))
    if rescued is not None:
        _tell(t("rescued", path=str(rescued)))
    else:
        _tell(t("not_rescued"))
    return UNSAVED


def _tell(line: str) -> None:
    """One line on standard error, control characters (from a file name) as their pictures;
    a terminal closed meanwhile (the app exits because of it) is no error."""
    from codev_tui.ui.text import visible

    try:
        print(visible(line), file=sys.stderr, flush=True)
    except OSError:
        pass
