"""`codev serve` as the facilitator runs it: a real process on a free loopback port, its URL,
the token, a `codev view` process per browser, and every one of them gone on SIGTERM or Ctrl+C."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import aiohttp
import pytest

from tests.functional.serve_kit import Served, alive, new_session, status, wait_for


async def open_viewers(url: str, n: int) -> tuple[aiohttp.ClientSession, list]:  # type: ignore[type-arg]
    """`n` websockets as browsers open them, each past its view's first frame."""
    session = aiohttp.ClientSession()
    ws_url = url.replace("http://", "ws://").replace("/?token=", "/ws/") + "?width=100&height=30"
    sockets = [await session.ws_connect(ws_url) for _ in range(n)]
    for ws in sockets:
        message = await ws.receive(timeout=30)
        assert message.type == aiohttp.WSMsgType.BINARY, message
    return session, sockets


def test_it_prints_a_url_with_its_token_and_a_qr_code(data_dir: Path) -> None:
    new_session(data_dir)
    with Served("--lang", "fr") as served:
        url = served.url()
        assert wait_for(lambda: "Ctrl+C" in served.output, 10)
        root = f"http://127.0.0.1:{served.port}"
        assert url.startswith(f"{root}/?token=")
        assert len(url.split("token=", 1)[1]) >= 32
        assert status(url) == 200
        assert status(f"{root}/") == 403
        assert status(f"{root}/?token=wrong") == 403
        assert status(f"{root}/ws") == 403
        lines = served.output.splitlines()
        assert url in lines  # the URL alone on its line, whole
        assert sum(url in line for line in lines) == 1  # and never anywhere else
        assert any("▀" in line or "▄" in line for line in lines)  # the QR code
        assert served.children() == []  # no browser, no view
        assert served.stop() == 0
    assert url.split("token=", 1)[1] not in served.output.replace(url, "")


def test_a_new_token_each_time(data_dir: Path) -> None:
    new_session(data_dir)
    urls = []
    for _ in range(2):
        with Served() as served:
            urls.append(served.url().split("token=", 1)[1])
            served.stop()
    assert urls[0] != urls[1]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
def test_stopping_ends_every_view(data_dir: Path, signum: int) -> None:
    new_session(data_dir)
    with Served() as served:
        url = served.url()

        async def scenario() -> list[int]:
            session, sockets = await open_viewers(url, 2)
            try:
                assert wait_for(lambda: len(served.children()) == 2, 10), served.output
                views = served.children()
                assert served.stop(signum) == 0
                return views
            finally:
                await session.close()

        views = asyncio.run(scenario())
        assert not [pid for pid in views if alive(pid)], "views outlived codev serve"
        assert "Stopped: 2 participants' screens closed." in served.lines[-1]


def test_a_view_ends_when_its_browser_goes(data_dir: Path) -> None:
    new_session(data_dir)
    with Served() as served:
        url = served.url()

        async def scenario() -> None:
            session, (ws,) = await open_viewers(url, 1)
            assert wait_for(lambda: len(served.children()) == 1, 10)
            (view,) = served.children()
            await ws.close()
            await session.close()
            assert wait_for(lambda: not alive(view), 10), "the view outlived its browser"

        asyncio.run(scenario())
        served.stop()


def test_the_session_must_exist(data_dir: Path) -> None:
    with Served("nothing-like-this") as served:
        assert served.process.wait(20) == 2
        assert "nothing-like-this" in served.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [((), None), (("--lang", "en"), "en"), (("--lang", "fr"), "fr")],
    ids=["session's language", "--lang en", "--lang fr"],
)
def test_the_views_speak_the_sessions_language_unless_asked(
    data_dir: Path, args: tuple[str, ...], expected: str | None
) -> None:
    """As `codev view` alone: a French session shows in French in the browsers, whatever the
    language of the terminal `codev serve` runs in (English here), unless `--lang` says."""
    new_session(data_dir)  # in French
    with Served(*args) as served:
        url = served.url()

        async def scenario() -> list[str]:
            session, _ = await open_viewers(url, 1)
            try:
                assert wait_for(lambda: len(served.children()) == 1, 10), served.output
                (view,) = served.children()
                return Path(f"/proc/{view}/cmdline").read_text().split("\0")
            finally:
                await session.close()

        command = asyncio.run(scenario())
        served.stop()
    assert ("--lang" in command) == (expected is not None), command
    if expected is not None:
        assert command[command.index("--lang") + 1] == expected
