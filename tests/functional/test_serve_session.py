"""Which session `codev serve` shows: a file that is no session is refused in one line before
anything else."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from codev_tui import locations
from tests.functional.serve_kit import Served, wait_for
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
