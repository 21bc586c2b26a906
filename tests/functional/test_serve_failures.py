"""What can go wrong around a view's process: it cannot start (one line on the terminal, a
clear word to the browser, never a traceback), a browser asks for an absurd terminal size, and
textual-serve changes the internals the server relies on."""

from __future__ import annotations

import asyncio
import errno
import inspect
import logging
import os
import shlex
import sys
from importlib.metadata import version
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server

from codev_tui.serve import ViewServer, new_token
from codev_tui.serve.server import TEXTUAL_SERVE_INTERNALS, terminal_size

STAND_IN = Path(__file__).resolve().parents[1] / "fixtures" / "standin_view.py"
TOKEN = new_token()
COMMAND = "exec " + shlex.join([sys.executable, str(STAND_IN)]) + " 2>/dev/null"


async def test_a_view_that_cannot_start_is_said_in_one_line_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:  # type: ignore[type-arg]
    said: list[str] = []
    server = ViewServer(COMMAND, token=TOKEN, lang="fr", on_problem=said.append)

    async def no_descriptor_left(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EMFILE, os.strerror(errno.EMFILE))

    monkeypatch.setattr(asyncio, "create_subprocess_shell", no_descriptor_left)
    caplog.set_level(logging.DEBUG)
    async with TestClient(TestServer(server.make_app())) as client:
        ws = await client.ws_connect(f"/ws/{TOKEN}")
        message = await ws.receive(timeout=10)
        assert message.type == aiohttp.WSMsgType.CLOSE
        assert message.extra == (
            "L'écran de la séance n'a pas pu s'ouvrir : réessayez dans un moment."
        )  # the reason the page shows
        for _ in range(100):
            if server.viewers == 0:
                break
            await asyncio.sleep(0.05)
        assert server.viewers == 0 and not server.children
    assert said == [f"Un écran de participant n'a pas pu s'ouvrir : {os.strerror(errno.EMFILE)}."]
    assert [r.getMessage() for r in caplog.records if r.name.startswith("aiohttp")] == []
    assert "Traceback" not in capfd.readouterr().err


async def test_the_terminal_size_a_browser_asks_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert terminal_size("100", "30") == (100, 30)
    assert terminal_size("100000", "-4") == (500, 5)
    assert terminal_size("0", "99999") == (20, 200)
    assert terminal_size(None, "lots") == (80, 24)
    assert terminal_size(float("inf"), [1]) == (80, 24)

    sizes: list[tuple[str, str]] = []
    real = asyncio.create_subprocess_shell

    async def spy(*args: object, **kwargs: object) -> asyncio.subprocess.Process:
        env = kwargs["env"]
        sizes.append((env["COLUMNS"], env["ROWS"]))  # type: ignore[index]
        return await real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(asyncio, "create_subprocess_shell", spy)
    server = ViewServer(COMMAND, token=TOKEN, lang="en")
    try:
        async with TestClient(TestServer(server.make_app())) as client:
            ws = await client.ws_connect(f"/ws/{TOKEN}?width=100000&height=0")
            await ws.receive(timeout=20)
            await ws.close()
    finally:
        await server.stop()
    assert sizes == [("500", "5")]


def test_textual_serve_still_has_what_the_server_relies_on() -> None:
    async def nothing(*args: object) -> None:
        return None

    service = AppService(
        "true",
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    instances = {AppService: service, Server: Server("true")}
    missing = [
        f"{cls.__name__}.{name}"
        for cls, names in TEXTUAL_SERVE_INTERNALS.items()
        for name in names
        if not hasattr(instances[cls], name)
    ]
    if "_open_app_process" not in inspect.getsource(AppService.start):
        missing.append("AppService.start calling _open_app_process")
    assert list(inspect.signature(AppService._open_app_process).parameters) == [
        "self",
        "width",
        "height",
    ]
    assert not missing, (
        f"textual-serve {version('textual-serve')} lacks {', '.join(missing)}, which "
        "codev_tui/serve/server.py relies on: adapt it, then the pin in pyproject.toml"
    )
