"""Stopping `codev serve` never hangs and ends every view: one starting while it stops, a
browser whose request is stuck, and the Ctrl+C of a terminal (sent to the whole process group),
each view counted once in "Stopped: N"."""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from codev_tui.serve import ViewServer, new_token
from codev_tui.serve import server as serve_module
from tests.functional.serve_kit import Served, alive, new_session, wait_for
from tests.functional.test_serve_process import open_viewers

STAND_IN = Path(__file__).resolve().parents[1] / "fixtures" / "standin_view.py"
TOKEN = new_token()
COMMAND = "exec " + shlex.join([sys.executable, str(STAND_IN)]) + " 2>/dev/null"


def held_start(monkeypatch: pytest.MonkeyPatch, gate: asyncio.Event) -> tuple[asyncio.Event, list]:  # type: ignore[type-arg]
    """Process starts wait for `gate`: (set once one is waiting, the processes started)."""
    real = asyncio.create_subprocess_shell
    waiting = asyncio.Event()
    started: list[asyncio.subprocess.Process] = []

    async def held(*args: object, **kwargs: object) -> asyncio.subprocess.Process:
        waiting.set()
        await gate.wait()
        process = await real(*args, **kwargs)  # type: ignore[arg-type]
        started.append(process)
        return process

    monkeypatch.setattr(asyncio, "create_subprocess_shell", held)
    return waiting, started


async def test_a_view_starting_while_stopping_is_ended_and_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = ViewServer(COMMAND, token=TOKEN, lang="en")
    gate = asyncio.Event()
    waiting, started = held_start(monkeypatch, gate)
    async with TestClient(TestServer(server.make_app())) as client:
        ws = await client.ws_connect(f"/ws/{TOKEN}")  # past the token, its process starting
        reading = asyncio.ensure_future(ws.receive())  # as a browser: answers the close
        await asyncio.wait_for(waiting.wait(), 10)
        stopping = asyncio.ensure_future(server.stop())
        await asyncio.sleep(0.2)  # stop() has looked at the children: none yet
        gate.set()
        try:
            count = await asyncio.wait_for(stopping, 15)
            for _ in range(100):  # (a server that did not wait for it: until it has started)
                if started:
                    break
                await asyncio.sleep(0.05)
            (process,) = started
            assert process.returncode is not None, "a view started while stopping outlived it"
            assert count == 1
            assert not server.children and server.viewers == 0
        finally:
            for process in started:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
            reading.cancel()
            await ws.close()


async def test_stopping_does_not_wait_for_a_stuck_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_module, "STOP_WAIT", 0.5)
    server = ViewServer(COMMAND, token=TOKEN, lang="en", port=0)
    waiting, _ = held_start(monkeypatch, asyncio.Event())  # never set: the view never starts
    port = await server.start()
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws/{TOKEN}")
        await asyncio.wait_for(waiting.wait(), 10)
        began = time.monotonic()
        await asyncio.wait_for(server.stop(), 20)
        assert time.monotonic() - began < 10  # not aiohttp's 60 s
        await ws.close()


def test_a_terminal_ctrl_c_ends_every_view_and_counts_them(data_dir: Path) -> None:
    """A terminal's Ctrl+C goes to its whole foreground process group: `codev serve` and,
    unless they run in sessions of their own, its views, which would end by themselves."""
    new_session(data_dir)
    with Served(own_group=True) as served:
        url = served.url()

        async def scenario() -> list[int]:
            session, _ = await open_viewers(url, 2)
            try:
                assert wait_for(lambda: len(served.children()) == 2, 10), served.output
                views = served.children()
                group = os.getpgid(served.process.pid)
                assert all(os.getpgid(pid) != group for pid in views), "views in the server's group"
                os.killpg(served.process.pid, signal.SIGINT)  # as the terminal does
                assert served.process.wait(20) == 0
                return views
            finally:
                await session.close()

        views = asyncio.run(scenario())
        assert not [pid for pid in views if alive(pid)], "views outlived codev serve"
        assert "Stopped: 2 participants' screens closed." in served.lines[-1], served.output


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sigterm_with_two_viewers_says_nothing_false(data_dir: Path, lang: str) -> None:
    """Stopping with browsers connected: the views it ends are no failure (no "erreur"), and
    nothing but asyncio waits for them (no "Unknown child process pid …, will report returncode
    255" from its child watcher). A few rounds: the race it had was between two threads."""
    new_session(data_dir)
    closed = {
        "fr": "Arrêté : 2 écrans de participants fermés.",
        "en": "Stopped: 2 participants' screens closed.",
    }[lang]
    for _ in range(3):
        with Served("--lang", lang) as served:
            url = served.url()

            async def scenario(served: Served = served, url: str = url) -> None:
                session, _ = await open_viewers(url, 2)
                try:
                    assert wait_for(lambda: len(served.children()) == 2, 10), served.output
                    assert served.stop(signal.SIGTERM) == 0
                finally:
                    await session.close()

            asyncio.run(scenario())
        output = served.output
        assert "Unknown child" not in output, output
        assert not [line for line in output.splitlines() if "erreur" in line.lower()], output
        assert not [line for line in output.splitlines() if "error" in line.lower()], output
        assert served.lines[-1] == closed, output
