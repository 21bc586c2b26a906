"""`codev serve`'s server: the token guards the page and the websocket, a refused websocket
starts no process, at most N viewers, a viewer's process ends with its browser and they all end
with the server. A stand-in Textual app plays `codev view` here (its own test is elsewhere)."""

from __future__ import annotations

import asyncio
import shlex
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from codev_tui.serve import ViewServer, new_token, url_host, view_command

STAND_IN = Path(__file__).resolve().parents[1] / "fixtures" / "standin_view.py"
TOKEN = new_token()


def stand_in_server(max_viewers: int = 30, lang: str = "fr") -> ViewServer:
    command = "exec " + shlex.join([sys.executable, str(STAND_IN)]) + " 2>/dev/null"
    return ViewServer(command, token=TOKEN, lang=lang, max_viewers=max_viewers)


@pytest.fixture
async def served() -> AsyncIterator[tuple[ViewServer, TestClient]]:
    server = stand_in_server(max_viewers=2)
    client = TestClient(TestServer(server.make_app()))
    await client.start_server()
    try:
        yield server, client
    finally:
        await server.stop()
        await client.close()


async def gone(process: asyncio.subprocess.Process, timeout: float = 10.0) -> bool:
    try:
        await asyncio.wait_for(process.wait(), timeout)
    except TimeoutError:
        return False
    return True


async def until(check, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    for _ in range(int(timeout / 0.05)):
        if check():
            return True
        await asyncio.sleep(0.05)
    return check()


def test_the_token_is_new_and_long() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert min(len(t) for t in tokens) >= 32  # 24 bytes at least: 192 bits and more


def test_the_view_command_is_quoted_for_the_shell() -> None:
    path = Path("/tmp/séance d'essai; rm -rf x $(boom).codev")
    command = view_command(path, "en", python="/usr/bin/python3")
    assert shlex.split(command) == [
        "exec",
        "/usr/bin/python3",
        "-m",
        "codev_tui",
        "view",
        str(path),
        "--lang",
        "en",
        "2>/dev/null",
    ]
    alone = shlex.split(view_command(path, None, python="/usr/bin/python3"))
    assert "--lang" not in alone  # the session's own language, as `codev view` alone
    latest = shlex.split(view_command(None, "fr", python="/usr/bin/python3"))
    assert latest[:5] == ["exec", "/usr/bin/python3", "-m", "codev_tui", "view"]
    assert latest[5:] == ["--lang", "fr", "2>/dev/null"]  # no session: it follows the latest


def test_hosts_in_urls() -> None:
    assert url_host("127.0.0.1") == "127.0.0.1"
    assert url_host("0.0.0.0") == "127.0.0.1"
    assert url_host("::1") == "[::1]"


async def test_the_page_needs_the_token(served: tuple[ViewServer, TestClient]) -> None:
    server, client = served
    for query in ("", "?token=", "?token=wrong", f"?token={TOKEN[:-1]}", f"?token={TOKEN}x"):
        response = await client.get(f"/{query}")
        assert response.status == 403, query
        assert "demandez le lien complet" in await response.text()
    response = await client.get(f"/?token={TOKEN}")
    assert response.status == 200
    page = await response.text()
    assert f"/ws/{TOKEN}" in page  # the page's websocket carries the token too
    assert "googleapis" not in page  # nothing fetched from elsewhere
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert server.started == 0  # a page is not a viewer: its websocket is


async def test_a_websocket_without_the_token_starts_nothing(
    served: tuple[ViewServer, TestClient],
) -> None:
    server, client = served
    for path in ("/ws", "/ws/", "/ws/wrong", f"/ws/{TOKEN[:-1]}", f"/ws/{TOKEN}/x"):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(f"{path}?width=80&height=24")
        assert refused.value.status in (403, 404), path
    assert server.started == 0 and not server.children and server.viewers == 0


async def test_a_viewer_process_ends_with_its_browser(
    served: tuple[ViewServer, TestClient],
) -> None:
    server, client = served
    ws = await client.ws_connect(f"/ws/{TOKEN}?width=100&height=30")
    received = await ws.receive(timeout=20)  # the app's first frame
    assert received.type == aiohttp.WSMsgType.BINARY
    assert server.started == 1 and len(server.children) == 1
    (process,) = server.children
    await ws.close()  # the browser goes away
    assert await gone(process), "the viewer's process outlived its browser"
    assert await until(lambda: server.viewers == 0 and not server.children)


async def test_at_most_n_viewers(served: tuple[ViewServer, TestClient]) -> None:
    server, client = served
    first = await client.ws_connect(f"/ws/{TOKEN}")
    second = await client.ws_connect(f"/ws/{TOKEN}")
    assert server.viewers == 2
    assert await until(lambda: server.started == 2)
    page = await client.get(f"/?token={TOKEN}")
    assert page.status == 503
    assert "Trop de participants connectés (2 au plus)" in await page.text()
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect(f"/ws/{TOKEN}")
    assert refused.value.status == 503
    assert server.started == 2  # no process for the third
    await first.close()
    assert await until(lambda: server.viewers < 2)
    assert (await client.get(f"/?token={TOKEN}")).status == 200
    third = await client.ws_connect(f"/ws/{TOKEN}")
    assert await until(lambda: server.started == 3)
    await third.close()
    await second.close()


async def test_stopping_ends_every_viewer() -> None:
    server = stand_in_server()
    client = TestClient(TestServer(server.make_app()))
    await client.start_server()
    sockets = [await client.ws_connect(f"/ws/{TOKEN}") for _ in range(3)]
    for ws in sockets:
        await ws.receive(timeout=20)
    assert server.started == 3
    processes = list(server.children)
    assert len(processes) == 3
    assert await server.stop() == 3
    assert all(p.returncode is not None for p in processes)
    await client.close()


async def test_the_pages_speak_english_too() -> None:
    server = stand_in_server(lang="en")
    async with TestClient(TestServer(server.make_app())) as client:
        response = await client.get("/?token=nope")
        assert response.status == 403
        assert "ask the facilitator for the full link" in await response.text()


async def test_a_view_that_fails_is_told_and_closes_its_browser() -> None:
    failed: list[int] = []
    server = ViewServer(
        "exec sh -c 'echo boom >&2; exit 3'", token=TOKEN, lang="en", on_viewer_failed=failed.append
    )
    async with TestClient(TestServer(server.make_app())) as client:
        ws = await client.ws_connect(f"/ws/{TOKEN}")
        message = await ws.receive(timeout=20)  # not left waiting on an open websocket
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        # Told once, with the view's own status (never 255: nothing but asyncio reaps it).
        assert await until(lambda: failed == [3]), (failed, server.viewers, server.children)
        assert await until(lambda: server.viewers == 0 and not server.children)


async def test_a_view_the_server_ends_is_no_failure() -> None:
    """Even one that turns SIGTERM into an exit status (143, as a shell does)."""
    failed: list[int] = []
    command = "exec sh -c 'trap \"exit 143\" TERM; echo __GANGLION__; while :; do sleep 0.1; done'"
    server = ViewServer(command, token=TOKEN, lang="en", on_viewer_failed=failed.append)
    async with TestClient(TestServer(server.make_app())) as client:
        ws = await client.ws_connect(f"/ws/{TOKEN}")
        assert await until(lambda: len(server.children) == 1)
        (process,) = server.children
        assert await server.stop() == 1
        assert process.returncode == 143
        assert await until(lambda: server.viewers == 0)
        await ws.close()
    assert failed == []
