"""The `codev` command.

Only `run`, `resume` and `practice` import the user interface (textual), and only a phase
script a person wrote (`check`, `--script PATH`) imports pydantic: `scripts`, `agenda`,
`list` and `export` start with neither. The session modules are imported by the commands
that need them, not here.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from codev_tui import __version__, locations
from codev_tui.core.script import (
    PhaseScript,
    ScriptError,
    format_minutes,
    load_any_script,
    load_bundled_script,
    load_script,
)
from codev_tui.core.visible import visible

if TYPE_CHECKING:
    import argparse

    from codev_tui.core.session import Session

USER_ERROR = 2

LIST_WIDTH = 100
"""`codev list` fits its lines in this many columns when the file names leave room."""


class UserError(Exception):
    """A mistake on the command line, reported in one line with exit status 2.

    `details` are printed as they are after that line, one per line (the candidates of an
    ambiguous session name).
    """

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)


def get_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    import argparse

    class Parser(argparse.ArgumentParser):
        """argparse, whose messages (usage, errors quoting an argument) are made visible."""

        def _print_message(self, message: str, file: TextIO | None = None) -> None:
            if message:  # `--help > /dev/full` is an error, said on standard error
                emit(file or sys.stderr, message)

    parser = Parser(
        prog="codev",
        description="Terminal companion for a codéveloppement session (Payette–Champagne).",
    )
    parser.add_argument("--version", action="version", version=f"codev {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_script(p: argparse.ArgumentParser) -> None:
        p.add_argument("--script", metavar="NAME|PATH", help="bundled script name or a file")

    session_help = "a session file, or its name, stem or a unique prefix (default: the latest)"

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
    resume.add_argument("session", nargs="?", metavar="SESSION", help=session_help)
    resume.add_argument("--lang", choices=["fr", "en"], help="language of the interface")

    sub.add_parser("list", help="list the sessions on this machine")

    export = sub.add_parser("export", help="write the Markdown minutes of a session")
    export.add_argument("session", nargs="?", metavar="SESSION", help=session_help)
    export.add_argument(
        "-o", "--output", metavar="FILE", help="default: beside the session; - for the screen"
    )
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.add_argument("--include-confidential", action="store_true")
    export.add_argument("--anonymize", action="store_true", help="replace names with roles")
    export.add_argument(
        "--salvage",
        action="store_true",
        help="a damaged session: write what can still be read, say what was skipped",
    )

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


# -- phase scripts ---------------------------------------------------------------------------


def resolve_script(spec: str | None) -> Path:
    """A bundled script's path from its name, or the given file; `classic` by default."""
    bundled = locations.bundled_scripts()
    if spec is None:
        return bundled["classic"]
    if spec in bundled:
        return bundled[spec]
    path = Path(spec).expanduser()
    if path.exists() or path.is_symlink():  # what is not a script file is refused by name
        return path
    raise UserError(f"no script named {spec!r}: give a file or one of {', '.join(bundled)}")


def choose_script(spec: str | None) -> tuple[PhaseScript, Path]:
    """The script `--script` names and its path: a bundled name is trusted (no pydantic),
    a file a person wrote is validated."""
    path = resolve_script(spec)
    return load_any_script(path), path


def cmd_check(files: list[Path]) -> int:
    """Validate each file; a summary when valid, one line per problem otherwise."""
    status = 0
    for path in files:
        try:
            script = load_script(path)
        except ScriptError as exc:
            for line in exc.lines("en"):
                print(line, file=sys.stderr)
            status = USER_ERROR
            continue
        print(describe_script(path, script))
    return status


def describe_script(path: Path, script: PhaseScript) -> str:
    """A few lines: the script's name and its phases with their minutes."""
    lines = [f"{visible(str(path))}: OK — {visible(script.script.name)} ({script.script.lang})"]
    titles = [visible(p.title) for p in script.phases]
    width = max(map(len, titles))
    for n, (phase, title) in enumerate(zip(script.phases, titles, strict=True), 1):
        lines.append(f"  {n}. {title:<{width}}  {format_minutes(phase.minutes):>5} min")
    lines.append(
        f"  {len(script.phases)} phases, {format_minutes(script.total_minutes)} min in all"
    )
    return "\n".join(lines)


def cmd_scripts() -> int:
    """List the bundled scripts."""
    for name, path in locations.bundled_scripts().items():
        try:
            script = load_bundled_script(path)
        except ScriptError as exc:
            print(f"{name:<12} (invalid: {exc.lines('en')[0]})")
            continue
        print(
            f"{name:<12} {script.script.name} — {len(script.phases)} phases, "
            f"{format_minutes(script.total_minutes)} min ({script.script.lang})"
        )
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    """Print the timetable from a start time."""
    from datetime import datetime

    from codev_tui.core.agenda import next_start, render_agenda

    script, _ = choose_script(args.script)
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


# -- sessions --------------------------------------------------------------------------------


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
            raise UserError(f"no session yet in {folder}")
        return latest
    path = Path(spec).expanduser()
    if path.is_file():
        return path
    if not spec or path.name != spec:
        # A path (it has a folder in it): only that file will do.
        raise UserError(f"{spec}: no such session file")
    sessions = list_sessions(folder)
    for same in (lambda p: p.name == spec, lambda p: p.stem == spec):
        exact = [p for p in sessions if same(p)]
        if exact:
            return exact[0]
    found = [p for p in sessions if p.name.startswith(spec)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UserError(f"no session named {spec!r} in {folder} (see `codev list`)")
    raise UserError(
        f"{spec!r} names {len(found)} sessions; give more of the file name, one of:",
        [_clean(p.name) for p in sorted(found, key=lambda p: p.name)],
    )


def cmd_list() -> int:
    """One line per session, most recent first: when, state, topic, client, notes, file."""
    from codev_tui.core.session import SessionError
    from codev_tui.core.store import list_sessions, read_session

    folder = locations.data_dir()
    sessions = list_sessions(folder)
    if not sessions:
        print(f"no session yet in {folder}")
        return 0
    rows: list[list[str] | str] = []
    for path in sessions:
        try:
            rows.append(session_row(read_session(path), path))
        except SessionError as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            rows.append(_clean(f"{path.name}  (unreadable: {first})"))
    for line in format_rows(rows, LIST_WIDTH):
        print(line)
    return 0


def session_row(session: Session, path: Path) -> list[str]:
    """The columns of `codev list` for one session (user text cleaned, not yet cut)."""
    phases = len(session.script.phases)
    notes = session.note_count
    created = session.created
    return [
        f"{created.astimezone():%Y-%m-%d %H:%M}" if hasattr(created, "astimezone") else "?",
        "ended" if session.ended else f"phase {session.current + 1}/{phases}",
        _clean(session.roster.topic) or "—",
        _clean(session.roster.client) or "—",
        f"{notes} note" if notes == 1 else f"{notes} notes",
        "practice" if session.practice else "",
        _clean(path.name),
    ]


_TOPIC, _CLIENT, _NOTES = 2, 3, 4
_CLIENT_MAX = 16
_TOPIC_MIN, _TOPIC_MAX = 12, 40


def format_rows(rows: Sequence[list[str] | str], width: int = LIST_WIDTH) -> list[str]:
    """Align the columns; the topic gets what the other columns leave of `width`.

    A row given as a string (an unreadable file) is printed as it is.
    """
    table = [list(r) for r in rows if not isinstance(r, str)]
    digits = max((len(r[_NOTES].split(" ", 1)[0]) for r in table), default=0)
    for row in table:
        row[_CLIENT] = _cut(row[_CLIENT], _CLIENT_MAX)
        count, word = row[_NOTES].split(" ", 1)
        row[_NOTES] = f"{count:>{digits}} {word}"  # the counts right-aligned
    ncols = len(table[0]) if table else 0
    widths = [max((_width(r[i]) for r in table), default=0) for i in range(ncols)]
    if table:
        others = sum(w for i, w in enumerate(widths) if i != _TOPIC)
        gaps = 2 * sum(1 for i, w in enumerate(widths) if w and i != _TOPIC)
        room = max(_TOPIC_MIN, min(_TOPIC_MAX, width - others - gaps))
        for row in table:
            row[_TOPIC] = _cut(row[_TOPIC], room)
        widths[_TOPIC] = max(_width(r[_TOPIC]) for r in table)
    lines: list[str] = []
    it = iter(table)
    for row in rows:
        if isinstance(row, str):
            lines.append(row)
            continue
        cells = next(it)
        out = []
        for i, cell in enumerate(cells):
            if not widths[i]:
                continue  # a column empty on every line (no practice session)
            pad = widths[i] - _width(cell)
            out.append(cell + " " * pad)
        lines.append("  ".join(out).rstrip())
    return lines


_UNSHOWN = "[\u00ad\u115f\u1160\u180e\u200c\u200d]"
"""The invisible characters `core.visible` leaves (they join or hyphenate, and move nothing),
which a one-line cell of `codev list` does without: soft hyphen, fillers, joiners."""
_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"


def _clean(text: str) -> str:
    """User text for one line of a terminal: breaks and tabs as spaces, the other control
    characters as pictures (an ESC could drive the terminal: `core.visible`), no invisible
    format character, lone surrogates as U+FFFD."""
    text = visible(re.sub(f"[{_BREAKS}]", " ", text))
    return " ".join(re.sub(_UNSHOWN, "", text).split())


def _width(text: str) -> int:
    """Terminal columns of `text`: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _cut(text: str, limit: int) -> str:
    """`text` in at most `limit` columns, ending with … when cut."""
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"


def cmd_export(args: argparse.Namespace) -> int:
    """Write the minutes of a session to a file, or to standard output with `-o -`."""
    from codev_tui.core.export import default_minutes_path, render_minutes, write_minutes
    from codev_tui.core.store import read_session

    path = resolve_session(args.session)
    session = read_salvaged(path) if args.salvage else read_session(path)
    if args.output == "-":
        text = render_minutes(
            session, include_confidential=args.include_confidential, anonymize=args.anonymize
        )
        write_stdout(text)
        return 0
    if args.output and args.output.endswith("/"):
        raise UserError(f"-o {args.output}: a folder; give the name of the minutes file")
    dest = Path(args.output).expanduser() if args.output else default_minutes_path(path)
    if args.salvage and dest.exists() and dest.samefile(path):
        raise UserError(f"{dest}: that is the damaged session itself; write the minutes elsewhere")
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
        raise UserError(f"{dest} already exists; add --force to overwrite it") from None
    print(written)
    return 0


SALVAGE_LINES_SHOWN = 10
"""How many lines of skipped records `--salvage` names; the others are counted."""


def read_salvaged(path: Path) -> Session:
    """What can still be read of a damaged session; one line on stderr says what was skipped."""
    from codev_tui.core.store import salvage_session

    got = salvage_session(path)
    count = len(got.skipped)
    if count:
        shown = ", ".join(map(str, got.skipped[:SALVAGE_LINES_SHOWN]))
        more = ", …" if count > SALVAGE_LINES_SHOWN else ""
        plural = "s" if count > 1 else ""
        what = f"{count} damaged record{plural} skipped (line{plural} {shown}{more})"
    else:
        what = "no damaged record"
    parts = [what, f"{got.events} event{'s' if got.events != 1 else ''} read"]
    if got.header_changed:
        parts.append("the header was changed since codev wrote it: read as it is")
    if got.crlf:
        parts.append("CR LF line ends read as LF")
    print(_clean(f"codev: {path.name}: {'; '.join(parts)}"), file=sys.stderr)
    return got.session


def write_stdout(text: str) -> None:
    """`text` to standard output: to a terminal as it can show it (`emit`), to a file or a
    pipe as UTF-8 whatever the locale; a reader gone (`| head`) is not an error, a closed
    standard output is."""
    out = sys.stdout
    if out is None:
        import errno

        raise OutputError(OSError(errno.EBADF, "standard output is closed"))
    try:
        terminal = out.isatty()
    except (OSError, ValueError):
        terminal = False
    if terminal:  # a Latin-1 terminal would take bytes of UTF-8 pictures for controls
        emit(out, text)
    else:
        _write(out, text.encode("utf-8", "replace"), "utf-8")


# -- what a short command prints --------------------------------------------------------------


class OutputError(UserError):
    """Standard output or error cannot be written (a full disk): one line, exit status 2."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(f"cannot write the output: {exc.strerror or exc}")


_PLAIN = str.maketrans(
    {"—": "-", "–": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'}
    | {"\u00a0": " ", "\u202f": " "}
)
"""Our typography in ASCII, for a terminal that cannot show it (`LANG=C`)."""


def emit(stream: TextIO | None, text: str) -> None:
    """Write `text` to a standard stream as a terminal may show it, and flush.

    Control and invisible format characters become visible (`core.visible`; a line feed
    stays), characters the stream's encoding lacks degrade to ASCII or `?` (a Latin-1 or C
    locale) instead of raising UnicodeEncodeError; a reader gone (`| head -1`) silences the
    stream, and any other failure (`> /dev/full`) raises OutputError.
    """
    if stream is None:  # pythonw, or a closed descriptor at start
        return
    text = visible(text, lines=True)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = _degrade(text, encoding)
    except LookupError:
        encoding = "utf-8"
        data = text.encode(encoding, "replace")
    _write(stream, data, encoding)


def _write(stream: TextIO, data: bytes, encoding: str) -> None:
    """`data` (text in `encoding`) to a standard stream, flushed: a reader gone (`| head -1`)
    silences the stream, any other failure (`> /dev/full`) raises OutputError."""
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode(encoding, "replace"))
        else:
            stream.flush()
            buffer.write(data)
        stream.flush()
    except BrokenPipeError:
        _silence(stream)
    except OSError as exc:
        _silence(stream)
        raise OutputError(exc) from None


def _degrade(text: str, encoding: str) -> bytes:
    """`text` in an encoding that lacks some of its characters: our typography in ASCII, an
    accented letter without its accent (`é` → `e`), anything else `?`."""
    import unicodedata

    out = []
    for char in text.translate(_PLAIN):
        try:
            out.append(char.encode(encoding))
        except UnicodeEncodeError:
            bare = unicodedata.normalize("NFKD", char)
            bare = "".join(c for c in bare if not unicodedata.combining(c))
            out.append(bare.encode(encoding, "replace") if bare else b"?")
    return b"".join(out)


class _Output:
    """A standard stream of a short command: everything written goes through `emit`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        emit(self.stream, text)
        return len(text)

    def flush(self) -> None:
        emit(self.stream, "")

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)  # fileno, isatty, encoding, buffer


def _silence(stream: TextIO) -> None:
    """Point the stream's descriptor at /dev/null: what is still buffered, and Python's
    flush at exit, then go nowhere instead of failing again with a traceback."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _guard_output() -> None:
    """From here on, this process's standard output and error go through `emit`."""
    if sys.stdout is not None and not isinstance(sys.stdout, _Output):
        sys.stdout = _Output(sys.stdout)  # type: ignore[assignment]
    if sys.stderr is not None and not isinstance(sys.stderr, _Output):
        sys.stderr = _Output(sys.stderr)  # type: ignore[assignment]


def _report(exc: Exception) -> None:
    """A user error on standard error: `codev: ` and its lines, then its details."""
    lines = [f"codev: {line}" for line in str(exc).splitlines() or [type(exc).__name__]]
    lines += [visible(line) for line in getattr(exc, "details", ())]
    with contextlib.suppress(OutputError):
        for line in lines:
            emit(sys.stderr, visible(line) + "\n")


def cmd_run(args: argparse.Namespace) -> int:
    """Start the facilitation screens on a new or existing session."""
    from codev_tui.core.session import Roster, parse_names
    from codev_tui.ui.launch import launch

    if args.command == "practice":
        if not 0.1 <= args.speed <= 100:
            raise UserError("--speed: expected a number from 0.1 to 100")
        script, _ = choose_script(args.script)
        return launch(
            script=script,
            roster=Roster(topic=f"practice {script.script.name}"),
            lang=args.lang,
            ready=True,
            practice=args.speed,
            practice_role=args.role or "",
        )
    if args.command == "resume":
        return launch(session_path=resolve_session(args.session), lang=args.lang, resumed=True)
    if args.session is not None:
        return launch(session_path=args.session, lang=args.lang, resumed=True)
    script, script_path = choose_script(args.script)
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


def _user_errors() -> tuple[type[Exception], ...]:
    """The exceptions reported in one line with exit status 2. Those of the session modules
    only when they are loaded: none of theirs can have been raised otherwise, and `check`
    must not import them."""
    kinds: list[type[Exception]] = [UserError, ScriptError]
    session = sys.modules.get("codev_tui.core.session")
    if session is not None:
        kinds.append(session.SessionError)
    store = sys.modules.get("codev_tui.core.store")
    if store is not None:
        kinds.append(store.SaveError)
    return tuple(kinds)


_SHORT_COMMANDS = frozenset({"check", "scripts", "agenda", "list", "export"})
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
        elif not argv or argv[0] in ("run", "resume", "practice"):
            _starting_the_app()
    argv = list(argv)
    streams = sys.stdout, sys.stderr
    try:
        if len(argv) > 1 and argv[0] == "check" and not any(a.startswith("-") for a in argv):
            # `codev check FILE…`, the common case, without building the parser: argparse,
            # its gettext lookups and shutil cost a third of the check of a valid file.
            _guard_output()
            return cmd_check([Path(a) for a in argv[1:]])
        args = get_args(argv)
        command = args.command or "run"
        if args.command is None:
            args = get_args(["run"])
        if command in _SHORT_COMMANDS:
            _guard_output()  # never the app's: Textual writes escape sequences on purpose
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
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # the system refused a file (a name too long, a folder...)
        if isinstance(exc, BrokenPipeError):
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        _report(UserError(f"{where}{exc.strerror or exc}"))
        return USER_ERROR
    except Exception as exc:
        if not isinstance(exc, _user_errors()):
            raise
        _report(exc)
        return USER_ERROR
    finally:
        sys.stdout, sys.stderr = streams


if __name__ == "__main__":
    sys.exit(main())
