"""textual-serve's `Server`, locked with a token and limited in viewers.

textual-serve serves a page whose script opens a websocket on `/ws`, and each websocket starts
one process of the command. As it comes, anyone who can reach the port gets a process, and the
page's websocket URL carries nothing of the page's own URL. Here:

* the page is `/?token=TOKEN`, its websocket `/ws/TOKEN` (textual.js appends `?width=…` to the
  websocket URL, so the token cannot be a query there); the page without the token, or with a
  wrong one, is a 403 page, and so is `/ws` or a websocket with a wrong token, refused before
  any process starts; `/static` (textual-serve's scripts, styles and fonts) needs no token, and
  any other path is a 404;
* at most `max_viewers` processes run at once: beyond, the page and the websocket say so;
* a viewer's process ends when its browser goes away (textual-serve asks it to quit; it is
  terminated if it does not), and every one of them ends when the server stops, a view that
  was starting just then too; each runs in a session of its own, so that the Ctrl+C of the
  terminal reaches the server only, which ends them and counts them; a view the server ends
  is no failure, and only asyncio waits for a view (see `processes`: its exit status is its own);
* a view that cannot start (no process left, no file descriptor) is said in one line on the
  terminal and to its browser; aiohttp's own log (its tracebacks) is silent;
* no access log (its lines would carry the token), no banner, no web font fetched from
  elsewhere, and a viewer's standard error is not copied to the terminal (it could hold
  anything of the session).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import secrets
import shlex
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from codev_tui.serve.processes import by_signal, quiet_logs, stop_process, terminal_size
from codev_tui.words import Words

log = logging.getLogger("codev_tui.serve")

TOKEN_BYTES = 32
"""The token's randomness: 256 bits, 43 URL-safe characters."""

QUIT_GRACE = 3.0
"""Seconds a viewer's process has to quit once asked, before it is terminated."""

EXIT_GRACE = 1.0
"""Seconds a viewer's process whose output has ended has to exit, before it is terminated."""

STOP_WAIT = 5.0
"""Seconds stopping waits for the browsers' websockets to close once their views have ended."""

SHUTDOWN_TIMEOUT = 3.0
"""Seconds aiohttp then gives the requests still running before it cancels them (its default, 60,
would keep the facilitator waiting)."""

TEXTUAL_SERVE_INTERNALS = {
    AppService: ("_open_app_process", "_build_environment", "_process", "_stdin", "_task"),
    Server: ("_process_messages", "_make_app", "download_manager", "statics_path"),
}
"""What of textual-serve's instances this module relies on beyond their documented use (and that
`AppService.start` opens the process with `_open_app_process`): textual-serve is pinned to 1.1
in pyproject.toml, and a test checks these are still there."""

TEMPLATES = Path(__file__).parent / "templates"

CLOSE_REASON_BYTES = 123
"""The longest reason a websocket's close may carry."""


def new_token() -> str:
    """A fresh token, new for each `codev serve`."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def view_command(session: Path | None, lang: str | None, python: str = sys.executable) -> str:
    """The shell command a viewer's process runs: `codev view` on `session` (None: `codev view`
    alone, which follows the latest session), in `lang` (None: the session's own language, as
    `codev view` alone).

    textual-serve runs it through `/bin/sh -c`, hence the quoting; `exec` makes the shell
    become the view (the process textual-serve holds is the view itself), and its standard
    error goes nowhere (textual-serve would copy it to this terminal).
    """
    words = [python, "-m", "codev_tui", "view"]
    if session is not None:
        words.append(str(session))
    if lang is not None:
        words += ["--lang", lang]
    return "exec " + shlex.join(words) + " 2>/dev/null"


class _Viewer(AppService):
    """One browser's process, known to the server while it runs."""

    def __init__(self, server: ViewServer, **kwargs: Any) -> None:
        super().__init__(server.command, **kwargs)
        self._server = server

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        """textual-serve's, the view in a session of its own (the terminal's Ctrl+C is the
        server's to handle); a view started while the server stops is ended at once."""
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_shell(
            self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        server = self._server
        server.started += 1
        if server._stopping:  # stop() may have listed the children already
            server.ended_late += 1
            server.stopped.add(process)
            await stop_process(process)
            raise _Stopping
        assert process.stdin is not None
        self._stdin = process.stdin
        server.children.add(process)
        return process

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(*terminal_size(width, height))

    @property
    def running(self) -> asyncio.Task[None] | None:
        """The task reading the process's output: done when the process has ended."""
        return self._task

    async def end(self) -> int | None:
        """Ask the process to quit, then make sure it is gone; its exit status, or None when it
        has none to tell: it never started, or the server ended it (a signal), no failure."""
        process, task = self._process, self._task
        if task is not None:
            try:
                await asyncio.wait_for(self.stop(), QUIT_GRACE)
            except (Exception, asyncio.CancelledError):
                # textual-serve's reading task ends cancelled when the process exits at once
                # (it cancels its stderr reader before that has run): not this task's cancel.
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise
        if process is None:
            return None
        if task is not None and task.done():  # its output has ended: it is exiting
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), EXIT_GRACE)
        signalled = await stop_process(process)
        server = self._server
        server.children.discard(process)
        code = process.returncode
        if by_signal(code) and (signalled or process in server.stopped):
            return None
        return code


class _Stopping(Exception):
    """The server stops: no view now."""


class ViewServer(Server):
    """The room's view for every browser given the URL with the token."""

    def __init__(
        self,
        command: str,
        *,
        token: str,
        lang: str,
        host: str = "127.0.0.1",
        port: int = 8000,
        max_viewers: int = 30,
        on_viewer_failed: Callable[[int], None] | None = None,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, templates_path=TEMPLATES)
        self.token = token
        self.words = Words("serve", lang)
        self.max_viewers = max_viewers
        self.viewers = 0
        """The websockets being served (a slot is taken before their process starts)."""
        self.started = 0
        """How many processes were started, ever."""
        self.children: set[asyncio.subprocess.Process] = set()
        """The processes running now."""
        self.ended_late = 0
        """Views started while the server was stopping (ended at once)."""
        self.stopped: set[asyncio.subprocess.Process] = set()
        """The processes the server ended (not their browsers): a signal's status is no failure."""
        self.on_viewer_failed = on_viewer_failed
        self.on_problem = on_problem
        """Told one line (in the server's language) when a view cannot start."""
        self._runner: web.AppRunner | None = None
        self._stopping = False

    # -- the web application ---------------------------------------------------------------

    def make_app(self) -> web.Application:
        """The aiohttp application: the page, its websocket, textual-serve's static files."""
        quiet_logs()
        app = web.Application(middlewares=[_no_referrer])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_refused),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        return app

    async def _make_app(self) -> web.Application:
        return self.make_app()

    def allowed(self, given: str | None) -> bool:
        """Whether `given` is the token (compared in constant time)."""
        if not given:
            return False
        return secrets.compare_digest(given.encode("utf-8", "replace"), self.token.encode())

    def _page(self, status: int, text: str) -> web.Response:
        """A short page that says one thing, in the server's language."""
        body = (
            f'<!DOCTYPE html><html lang="{self.words.lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(self.words('title'))}</title></head>"
            '<body style="font-family: sans-serif; font-size: 1.4em; margin: 2em">'
            f"<p>{html.escape(text)}</p></body></html>"
        )
        return web.Response(status=status, text=body, content_type="text/html", charset="utf-8")

    def forbidden(self) -> web.Response:
        """403: the link has no token, or a wrong one."""
        return self._page(403, self.words("forbidden"))

    def full(self) -> web.Response:
        """503: as many viewers as allowed already."""
        return self._page(503, self.words("full", n=self.max_viewers))

    async def handle_refused(self, request: web.Request) -> web.StreamResponse:
        """`/ws` without a token: refused, nothing started."""
        return self.forbidden()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """The page, with the token; its websocket URL carries the token too."""
        if not self.allowed(request.query.get("token")):
            return self.forbidden()
        if self.viewers >= self.max_viewers:
            return self.full()
        scheme = "wss" if request.secure else "ws"
        w = self.words
        context = {
            "lang": w.lang,
            "title": w("title"),
            "start": w("start"),
            "ended": w("ended"),
            "restart": w("restart"),
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "static_url": "/static/",
            "websocket_url": f"{scheme}://{request.host}/ws/{self.token}",
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """One browser's websocket: a slot and a process for it, both given back when it
        goes; refused (no process) without the token or beyond the limit."""
        if not self.allowed(request.match_info.get("token")):
            return self.forbidden()
        if self.viewers >= self.max_viewers or self._stopping:
            return self.full()
        self.viewers += 1  # taken before any await: two browsers cannot take the last slot
        try:
            websocket = web.WebSocketResponse(heartbeat=15)
            await websocket.prepare(request)
            viewer = _Viewer(
                self,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
            )
            try:
                size = terminal_size(request.query.get("width"), request.query.get("height"))
                try:
                    await viewer.start(*size)
                except _Stopping:
                    return websocket
                except OSError as error:  # no process left, no file descriptor...
                    await self._could_not_start(websocket, error)
                    return websocket
                await self._until_one_ends(websocket, viewer)
            finally:
                code = await asyncio.shield(viewer.end())
                self.stopped.discard(viewer._process)  # type: ignore[arg-type]
                with contextlib.suppress(Exception):
                    await websocket.close()
                if code and self.on_viewer_failed is not None:  # a crash's signal too
                    self.on_viewer_failed(code)
            return websocket
        finally:
            self.viewers -= 1

    async def _could_not_start(self, websocket: web.WebSocketResponse, error: OSError) -> None:
        """A view that could not start: one line on the terminal, and its browser told why
        (the reason of the websocket's close, which the page shows)."""
        if self.on_problem is not None:
            self.on_problem(
                self.words("start_failed", reason=error.strerror or type(error).__name__)
            )
        with contextlib.suppress(Exception):
            await websocket.close(
                code=WSCloseCode.TRY_AGAIN_LATER,
                message=_close_reason(self.words("unavailable")),
            )

    async def _until_one_ends(self, websocket: web.WebSocketResponse, viewer: _Viewer) -> None:
        """Pass the browser's messages to the view until the browser goes or the view ends
        (as it comes, textual-serve leaves a browser whose view exited on an open websocket)."""

        async def messages() -> None:
            with contextlib.suppress(ValueError, TypeError, KeyError, AssertionError):
                await self._process_messages(websocket, viewer)

        reading = asyncio.ensure_future(messages())
        watched: set[asyncio.Future[None]] = {reading}
        if viewer.running is not None:
            watched.add(viewer.running)
        try:
            await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
        finally:
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reading

    # -- running ---------------------------------------------------------------------------

    async def start(self) -> int:
        """Listen; the port listened on (the one given, or the one found for port 0)."""
        self._runner = web.AppRunner(
            self.make_app(),
            access_log=None,
            handle_signals=False,
            shutdown_timeout=SHUTDOWN_TIMEOUT,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self._runner.addresses:
            self.port = self._runner.addresses[0][1]
        return self.port

    async def serve(self, ready: Callable[[int], None]) -> int:
        """Listen until SIGINT, SIGTERM or SIGHUP (`ready(port)` once listening), then stop
        every viewer; how many were running."""
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        signals = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
        for signum in signals:
            loop.add_signal_handler(signum, stopping.set)
        try:
            ready(await self.start())
            await stopping.wait()
        finally:
            running = await self.stop()
            for signum in signals:
                loop.remove_signal_handler(signum)
        return running

    async def stop(self) -> int:
        """End every viewer's process, then stop listening; how many were running (a view
        starting meanwhile too)."""
        self._stopping = True  # a process starting from here on is ended at once
        ended = 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + STOP_WAIT
        while True:
            running = list(self.children)
            self.children.difference_update(running)
            self.stopped.update(running)
            ended += len(running)
            await asyncio.gather(*(stop_process(p) for p in running), return_exceptions=True)
            if (not self.children and self.viewers == 0) or loop.time() > deadline:
                break
            await asyncio.sleep(0.05)  # a browser's websocket closing, or its view starting
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        return ended + self.ended_late


@web.middleware
async def _no_referrer(request: web.Request, handler: Any) -> web.StreamResponse:
    """No page gives its URL (and the token in it) to anything it loads."""
    response = await handler(request)
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def _close_reason(text: str) -> bytes:
    """`text` as a websocket close's reason: UTF-8, cut (on a whole character) to fit."""
    return text.encode()[:CLOSE_REASON_BYTES].decode("utf-8", "ignore").encode()
