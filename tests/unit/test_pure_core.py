"""The domain never imports textual: checked in a fresh interpreter for each module."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE = [
    "codev_tui.core.script",
    "codev_tui.core.session",
    "codev_tui.core.clock",
    "codev_tui.core.store",
    "codev_tui.core.export",
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
