"""Which session `codev serve` shows: the one named (its absolute path given to every view), or,
none named, the latest as `codev view` alone follows it (a newer one when it starts); and a file
that is no session refused in one line before anything else."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from codev_tui import locations
from tests.functional.serve_kit import Served, new_session, wait_for
from tests.functional.test_serve_process import open_viewers


def view_arguments(served: Served) -> list[str]:
    """What follows `view` on the command line of the view a browser opens."""

    async def scenario() -> list[str]:
        session, _ = await open_viewers(served.url(), 1)
        try:
            assert wait_for(lambda: len(served.children()) == 1, 10), served.output
            (view,) = served.children()
            return Path(f"/proc/{view}/cmdline").read_text().rstrip("\0").split("\0")
        finally:
            await session.close()

    command = asyncio.run(scenario())
    return command[command.index("view") + 1 :]


def test_none_named_the_views_follow_the_latest(data_dir: Path) -> None:
    path = new_session(data_dir)
    with Served("--lang", "en") as served:
        assert view_arguments(served) == ["--lang", "en"]  # `codev view` alone: the latest
        assert f"Session: the latest (now: {path.name})" in served.lines
        served.stop()


def test_none_named_in_french(data_dir: Path) -> None:
    path = new_session(data_dir)
    with Served("--lang", "fr") as served:
        served.url()
        assert f"Séance : la plus récente (en ce moment : {path.name})" in served.lines
        served.stop()


def test_one_named_is_given_to_the_views_by_its_absolute_path(data_dir: Path) -> None:
    path = new_session(data_dir)
    with Served(path.name) as served:
        assert view_arguments(served) == [str(path.resolve())]
        assert f"Session: {path.name}" in served.lines
        served.stop()


def test_no_session_yet_is_one_line(data_dir: Path) -> None:
    with Served() as served:
        assert served.process.wait(20) == 2
        assert len(served.lines) == 1, served.output
        assert "http" not in served.output


def test_a_file_that_is_no_session_is_refused_in_one_line(data_dir: Path, tmp_path: Path) -> None:
    """A phase script given for a session: refused as `codev view` does, before any URL and
    before the port is opened (it is taken here: opening it would be another error)."""
    script = tmp_path / "short.toml"
    script.write_text(locations.bundled_scripts()["fast-codev"].read_text(encoding="utf-8"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with Served(str(script), "--lang", "en", port=port) as served:
            assert served.process.wait(20) == 2
    assert len(served.lines) == 1, served.output
    (line,) = served.lines
    assert "short.toml" in line and "not a codev session file" in line, line
    assert "http" not in served.output and "Session" not in served.output
