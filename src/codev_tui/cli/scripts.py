"""The commands about phase scripts: `check`, `scripts`, `agenda`, and `--script`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from codev_tui import locations
from codev_tui.cli.errors import USER_ERROR, UserError, lines_of
from codev_tui.core.script import (
    PhaseScript,
    ScriptError,
    load_any_script,
    load_bundled_script,
    load_script,
)
from codev_tui.core.times import format_minutes
from codev_tui.core.visible import visible
from codev_tui.words import Words

if TYPE_CHECKING:
    import argparse


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
    raise UserError("no_script", name=spec, names=", ".join(bundled))


def choose_script(spec: str | None) -> tuple[PhaseScript, Path]:
    """The script `--script` names and its path: a bundled name is trusted (no pydantic),
    a file a person wrote is validated."""
    path = resolve_script(spec)
    return load_any_script(path), path


def cmd_check(files: list[Path], lang: str) -> int:
    """Validate each file; a summary when valid, one line per problem otherwise."""
    status = 0
    for path in files:
        try:
            script = load_script(path)
        except ScriptError as exc:
            for line in lines_of(exc, lang):
                print(line, file=sys.stderr)
            status = USER_ERROR
            continue
        print(describe_script(path, script, lang))
    return status


def describe_script(path: Path, script: PhaseScript, lang: str) -> str:
    """A few lines: the script's name and its phases with their minutes."""
    w = Words("cli", lang)
    name = visible(script.script.name)
    lines = [w("script_ok", path=visible(str(path)), name=name, lang=script.script.lang)]
    titles = [visible(p.title) for p in script.phases]
    width = max(map(len, titles))
    for n, (phase, title) in enumerate(zip(script.phases, titles, strict=True), 1):
        lines.append(f"  {n}. {title:<{width}}  {format_minutes(phase.minutes):>5} min")
    total = format_minutes(script.total_minutes)
    lines.append("  " + w.count("script_total", len(script.phases), minutes=total))
    return "\n".join(lines)


def cmd_scripts(lang: str) -> int:
    """List the bundled scripts."""
    w = Words("cli", lang)
    for name, path in locations.bundled_scripts().items():
        try:
            script = load_bundled_script(path)
        except ScriptError as exc:
            print(f"{name:<12} {w('script_invalid', problem=lines_of(exc, lang)[0])}")
            continue
        line = w.count(
            "script_line",
            len(script.phases),
            name=script.script.name,
            minutes=format_minutes(script.total_minutes),
            lang=script.script.lang,
        )
        print(f"{name:<12} {line}")
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
            raise UserError("bad_start", value=args.start) from None
    else:
        start = next_start(now)
    print(render_agenda(script, start, args.format), end="")
    return 0
