"""Phase scripts that are not scripts: a FIFO, a device, a folder, a huge or deeply nested file.

`codev check FILE` and `--script FILE` answer each in one line naming the file, exit 2: never a
hang (a FIFO with no writer), never a read without end (/dev/zero), never a RecursionError.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from codev_tui.cli import choose_script, main
from codev_tui.core.script import ScriptError

GOOD_HEAD = '[script]\nname = "x"\nlang = "fr"\n\n[[phases]]\nid = "a"\ntitle = "A"\nminutes = 1\n'

COMMANDS = [
    pytest.param(lambda f: ["check", f], id="check"),
    pytest.param(lambda f: ["agenda", "--script", f], id="agenda--script"),
]


def codev(*args: str, timeout: float = 10) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codev_tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def one_line_refusal(status: int, err: str, name: str) -> None:
    assert status == 2
    assert "Traceback" not in err and "Error:" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and name in lines[0], err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", ["fifo", "symlink-to-fifo", "dev-zero", "symlink-to-dev-zero"])
def test_a_fifo_or_a_device_is_refused_without_hanging(tmp_path: Path, kind: str, command) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "script.toml"
    os.mkfifo(fifo)
    target = {"fifo": fifo, "dev-zero": Path("/dev/zero")}.get(kind)
    if target is None:
        target = tmp_path / "link.toml"
        target.symlink_to(fifo if "fifo" in kind else Path("/dev/zero"))
    done = codev(*command(str(target)))  # a hang or a read without end times out
    one_line_refusal(done.returncode, done.stderr, target.name)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_is_refused(tmp_path: Path, command, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    status = main(command(str(folder)))
    one_line_refusal(status, capsys.readouterr().err, "dir.toml")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("size", [1024 * 1024 + 1, 2 * 1024 * 1024])
def test_a_file_over_1_mib_is_refused(tmp_path: Path, command, size: int, capsys) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.toml"
    big.write_text(GOOD_HEAD + "#" * (size - len(GOOD_HEAD)))
    status = main(command(str(big)))
    err = capsys.readouterr().err
    one_line_refusal(status, err, "big.toml")
    assert "1 MiB" in err


def test_a_script_just_under_1_mib_is_read(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "long.toml"
    script.write_text(GOOD_HEAD + "#" * (1024 * 1024 - len(GOOD_HEAD) - 1) + "\n")
    assert main(["check", str(script)]) == 0
    assert "OK" in capsys.readouterr().out


def _nested(shape: str, depth: int) -> str:
    if shape == "array":
        return GOOD_HEAD + "rules = " + "[" * depth + "]" * depth + "\n"
    if shape == "dotted-key":  # tomllib's time and memory grow with the square of the parts
        return "x." + ".".join(["a"] * depth) + " = 1\n" + GOOD_HEAD
    if shape == "dotted-table":
        return GOOD_HEAD + "[" + ".".join(['"q"'] * depth) + "]\n"
    return GOOD_HEAD + "prompts = " + "{ a = " * depth + "1" + " }" * depth + "\n"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("shape", ["array", "inline-table", "dotted-key", "dotted-table"])
@pytest.mark.parametrize("depth", [40, 500, 1000, 100_000])
def test_deep_nesting_is_refused_in_one_line(
    tmp_path: Path, command, shape: str, depth: int, capsys
) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "deep.toml"
    script.write_text(_nested(shape, depth))
    status = main(command(str(script)))
    err = capsys.readouterr().err
    one_line_refusal(status, err, "deep.toml")
    assert "nested too deeply" in err


def test_deep_nesting_is_refused_before_the_app_starts(tmp_path: Path) -> None:
    """`run --script` and `practice --script` load the script with choose_script first."""
    script = tmp_path / "deep.toml"
    script.write_text(_nested("inline-table", 1000))
    with pytest.raises(ScriptError) as caught:
        choose_script(str(script))
    assert len(caught.value.lines("en")) == 1 and "nested too deeply" in caught.value.lines("en")[0]


@pytest.mark.parametrize(
    "summary",
    [pytest.param("a" * 900_000, id="one long word"), pytest.param("a b " * 200_000, id="words")],
)
def test_a_long_text_is_checked_at_once(tmp_path: Path, summary: str) -> None:
    """The check for long dotted keys reads the text once: tried again from each character of
    a long word it took minutes (a 40 kB word: 25 s), for a script that is valid."""
    script = tmp_path / "long.toml"
    script.write_text(GOOD_HEAD + f'summary = "{summary}"\n')
    done = codev("check", str(script), timeout=30)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "summary",
    [
        pytest.param("séparateur " + "-." * 40 + "-", id="dashes"),
        pytest.param(" ".join(f"{n}." for n in range(1, 40)), id="a numbered list"),
        pytest.param("C:\\\\Users\\\\ana " + "a." * 40, id="backslashes and dots"),
    ],
)
def test_dots_in_a_text_are_no_dotted_key(tmp_path: Path, summary: str) -> None:
    script = tmp_path / "dots.toml"
    script.write_text(GOOD_HEAD + f'summary = "{summary}"\n')
    done = codev("check", str(script))
    assert done.returncode == 0, done.stderr


def test_a_dotted_key_of_escaped_quotes_is_refused_at_once(tmp_path: Path) -> None:
    """`"\\"".` × 40,000: quoted parts with escapes are parts too (it took 103 s)."""
    script = tmp_path / "quotes.toml"
    script.write_text('"\\"".' * 40_000 + "x = 1\n" + GOOD_HEAD)
    done = codev("check", str(script), timeout=30)
    assert done.returncode == 2 and "nested too deeply" in done.stderr
