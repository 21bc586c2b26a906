"""The domain never imports textual: checked in a fresh interpreter for each module."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codev_tui import locations

PURE = [
    "codev_tui.core.script",
    "codev_tui.core.script_schema",
    "codev_tui.core.session",
    "codev_tui.core.clock",
    "codev_tui.core.store",
    "codev_tui.core.times",
    "codev_tui.core.timing",
    "codev_tui.core.minutes.escape",
    "codev_tui.core.minutes.anonymize",
    "codev_tui.core.minutes.render",
    "codev_tui.core.minutes.journal",
    "codev_tui.core.minutes.write",
    "codev_tui.core.notes",
    "codev_tui.core.control",
    "codev_tui.core.writer",
    "codev_tui.core.agenda",
    "codev_tui.cli",
    "codev_tui.locations",
]


@pytest.mark.parametrize("module", PURE)
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit('textual' in sys.modules or 'rich' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


@pytest.mark.parametrize(
    "command", [["check", "{classic}"], ["scripts"], ["agenda", "--start", "9:00"]]
)
def test_commands_without_a_screen_do_not_import_textual(command: list[str]) -> None:
    code = (
        "import sys\n"
        "from codev_tui import cli, locations\n"
        "classic = str(locations.bundled_scripts()['classic'])\n"
        f"args = [a.format(classic=classic) for a in {command!r}]\n"
        "status = cli.main(args)\n"
        "sys.exit(status or ('textual' in sys.modules) * 3)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


NO_PYDANTIC = [
    "codev_tui.core.script",
    "codev_tui.core.agenda",
    "codev_tui.cli",
    "codev_tui.locations",
]
"""Modules that never import pydantic: only a script a person wrote is validated with it."""


@pytest.mark.parametrize("module", NO_PYDANTIC)
def test_module_does_not_import_pydantic(module: str) -> None:
    code = f"import sys, {module}; sys.exit('pydantic' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def _imports_of(args: list[str], env: dict[str, str]) -> tuple[int, set[str], str]:
    """Run `codev ARGS` in a fresh interpreter: its status, which of pydantic and textual it
    imported, and its stderr."""
    code = (
        "import sys\n"
        "from codev_tui import cli\n"
        f"status = cli.main({args!r})\n"
        "print(sorted(m for m in ('pydantic', 'textual', 'rich') if m in sys.modules))\n"
        "sys.exit(status)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "[]"
    return run.returncode, set(ast.literal_eval(last)), run.stderr


def _a_session(folder: Path) -> Path:
    from codev_tui.core.script import load_bundled_script
    from codev_tui.core.session import Roster
    from codev_tui.core.store import SessionFile

    roster = Roster(topic="Startup", client="Alice", consultants=["Bruno", "Chloé"])
    with SessionFile.create(folder, load_bundled_script("classic"), roster) as file:
        file.record("phase", index=1, running=True)
        file.record(
            "note",
            phase="clarification",
            kind="question",
            text="Qui ?",
            author="",
            confidential=False,
        )
        return file.path


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["export", "{session}", "-o", "{out}"], id="export"),
        pytest.param(["export", "-o", "-"], id="export-stdout"),
        pytest.param(["list"], id="list"),
        pytest.param(["agenda"], id="agenda"),
        pytest.param(["agenda", "--script", "fast-codev", "--format", "md"], id="agenda-named"),
        pytest.param(["scripts"], id="scripts"),
    ],
)
def test_commands_for_reading_import_neither_pydantic_nor_textual(
    command: list[str], tmp_path: Path
) -> None:
    """`export`, `list`, `agenda` and `scripts` start fast: no validation library, no UI."""
    session = _a_session(locations.data_dir())
    args = [a.format(session=session, out=tmp_path / "minutes.md") for a in command]
    status, heavy, err = _imports_of(args, dict(os.environ))
    assert status == 0, err
    assert heavy == set(), f"codev {' '.join(command)} imported {sorted(heavy)}"


def test_check_and_a_script_path_do_import_pydantic(tmp_path: Path) -> None:
    """The counterpart: a file a person wrote is validated (the test above is not vacuous)."""
    classic = str(locations.bundled_scripts()["classic"])
    mine = tmp_path / "mine.toml"
    mine.write_bytes(locations.bundled_scripts()["classic"].read_bytes())
    for args in (["check", classic], ["agenda", "--script", str(mine)]):
        status, heavy, err = _imports_of(args, dict(os.environ))
        assert status == 0, err
        assert heavy == {"pydantic"}, args
