"""`codev serve [SESSION]`: the room's view in the participants' browsers, behind a token.

The web modules (aiohttp, textual-serve, segno) are imported by `cmd_serve`, not here: the
other commands must not load them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from codev_tui.cli.listing import clean
from codev_tui.cli.output import write_stdout
from codev_tui.cli.sessions import resolve_session
from codev_tui.core.problems import CoreError, Problem
from codev_tui.words import Words

if TYPE_CHECKING:
    import argparse

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_VIEWERS = 30
MOST_VIEWERS = 1000


def add_serve_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    add_lang: Callable[[argparse.ArgumentParser, object], None],
    lang: str,
) -> None:
    """Add `serve` to the command line, its help in `lang`."""
    import argparse

    w, cli = Words("serve", lang), Words("cli", lang)
    p = sub.add_parser("serve", help=w("help"), description=w("help"))
    add_lang(p, argparse.SUPPRESS)
    p.add_argument("session", nargs="?", metavar=cli("session_metavar"), help=cli("session_help"))
    p.add_argument("--host", default=DEFAULT_HOST, help=w("host_help"))
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=w("port_help", port=DEFAULT_PORT))
    p.add_argument(
        "--max-viewers",
        type=int,
        default=DEFAULT_VIEWERS,
        metavar="N",
        help=w("max_viewers_help", n=DEFAULT_VIEWERS),
    )


def cmd_serve(args: argparse.Namespace, lang: str) -> int:
    """Serve `codev view` until Ctrl+C or SIGTERM: of the session named, or, none named, as
    `codev view` alone, of the latest session (a newer one when it starts)."""
    import asyncio

    from codev_tui.core.store import read_session
    from codev_tui.serve import ViewServer, new_token, view_command

    if not 0 <= args.port <= 65535:
        raise CoreError(Problem("serve.bad_port", {}))
    if not 1 <= args.max_viewers <= MOST_VIEWERS:
        raise CoreError(Problem("serve.bad_max_viewers", {"most": MOST_VIEWERS}))
    w = Words("serve", lang)
    path = resolve_session(args.session).resolve()
    read_session(path)  # a file that is no session: said in one line, before anything is printed
    follows = args.session is None
    token = new_token()

    def failed(code: int) -> None:
        say(w("viewer_failed", code=code))

    # The views speak the session's language, as the projector does, unless asked otherwise.
    server = ViewServer(
        view_command(None if follows else path, getattr(args, "lang", None)),
        token=token,
        lang=lang,
        host=args.host,
        port=args.port,
        max_viewers=args.max_viewers,
        on_viewer_failed=failed,
        on_problem=say,
    )

    def ready(port: int) -> None:
        say(w("latest" if follows else "session", name=clean(path.name)))
        for line in url_lines(w, args.host, port, token):
            say(line)
        say(w("stop"))

    running = asyncio.run(server.serve(ready))
    if sys.stdout.isatty():
        say("")  # after the terminal's ^C
    say(w.count("stopped", running))
    return 0


def url_lines(w: Words, host: str, port: int, token: str) -> list[str]:
    """What tells where to go: the URL (on a line of its own, as long as it is), a QR code of
    the one a phone in the room can use, and a warning unless only this machine can connect."""
    from codev_tui.serve import is_loopback, lan_address, url_host
    from codev_tui.serve.address import ANY

    def url(where: str) -> str:
        return f"http://{where}:{port}/?token={token}"

    local = url(url_host(host))
    lines = [w("open")]
    if not is_loopback(host):
        lines.insert(0, w("network"))
    if host in ANY:
        lan = lan_address()
        if lan is not None:
            lines += [url(lan), qr_code(url(lan)), w("this_machine"), local]
            return lines
    return [*lines, local, qr_code(local)]


def qr_code(url: str) -> str:
    """`url` as a QR code drawn with half blocks (two rows of modules per line)."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="l").terminal(out=out, compact=True)
    return out.getvalue().rstrip("\n")


def say(line: str) -> None:
    """One line on standard output, now (the URL is read from a pipe by the tests); on a
    terminal that cannot show the QR code's blocks, they degrade as every output does."""
    write_stdout(line + "\n")
