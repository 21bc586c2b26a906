"""`codev check` on the public toml-test corpus: every file refused with exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from codev_tui.cli import main

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "toml-test" / "tests"
FILES = sorted(CORPUS.rglob("*.toml")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"toml-test corpus not found at {CORPUS}")


def test_the_corpus_is_there() -> None:
    assert len(FILES) > 500


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_each_file_is_refused_with_a_short_message(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err, "no message"
    for line in err:
        assert line.startswith(str(path)), line
        assert len(line) < 300


def test_the_command_on_the_whole_corpus_prints_no_traceback() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "codev_tui", "check", *map(str, FILES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stdout == ""
    named = {line.split(":", 1)[0] for line in run.stderr.splitlines()}
    assert named == {str(p) for p in FILES}
