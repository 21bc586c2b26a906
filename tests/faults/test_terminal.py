"""The real app against what a real terminal sends or does, through tmux or a pseudo-terminal.

Textual's Pilot hands keys to the app directly: the bytes a terminal sends (a Latin-1 `é`, a
paste holding escape sequences) and what happens when it closes go through Textual's input
thread and parser, which only a real terminal exercises.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from test_app_kill import Tmux

from codev_tui.core.store import list_sessions, read_session

CODEV = [sys.executable, "-m", "codev_tui"]
RUN = [*CODEV, "run", "--topic", "Terminal", "--client", "Ana", "--consultants", "Bo"]

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _notes(folder: Path) -> list[str]:
    (session,) = list_sessions(folder)
    return [note.text for note in read_session(session).notes]


def _wait_until(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.fixture
def app_in_tmux(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Start the app in tmux with extra environment variables; the server goes at the end."""
    servers: list[Tmux] = []

    def start(command: list[str] = RUN, wait: str = "EXPOS", **env: str) -> Tmux:
        socket = f"codev-term-{os.getpid()}-{len(servers)}-{tmp_path.name[-12:]}"
        server = Tmux(socket, {"CODEV_DATA_DIR": str(tmp_path), "TERM": "xterm-256color", **env})
        servers.append(server)
        server.start(command)
        server.wait_for(lambda s: wait in s)
        return server

    yield start
    for server in servers:
        server.kill_server()


@pytest.fixture(scope="module")
def latin1_locale(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for a Latin-1 locale (fr_FR.ISO-8859-1), compiled here if the system can."""
    folder = tmp_path_factory.mktemp("locale")
    name = "fr_FR.ISO-8859-1"
    if shutil.which("localedef") is None:
        pytest.skip("localedef is not installed")
    made = subprocess.run(
        ["localedef", "-i", "fr_FR", "-f", "ISO-8859-1", str(folder / name)], capture_output=True
    )
    if not (folder / name).exists():
        pytest.skip(f"cannot build the {name} locale: {made.stderr[-200:]!r}")
    return {"LOCPATH": str(folder), "LC_ALL": name, "PYTHONUTF8": "0"}


# -- 1. bytes that are not UTF-8 -------------------------------------------------------------

BAD_BYTES = [
    "e9",  # é from a Latin-1 terminal
    "e9 e8 e0 e7",  # éèàç
    "c3 28",  # a lead byte, then no continuation
    "ff",
    "fe fe",
    "80",  # a continuation byte alone
    "bf bf",
    "ed a0 80",  # an encoded surrogate
    "f0 9f 98",  # a 4-byte character cut short
    "c0 af",  # overlong '/'
    "f8 88 80 80 80",  # the old 5-byte form
    "f4 90 80 80",  # beyond U+10FFFF
]
"""What a Latin-1 terminal or a broken paste sends, each typed between two words of a note."""


def _type_bad_bytes(tmux: Tmux) -> None:
    for n, hexes in enumerate(BAD_BYTES):
        tmux.send("-l", f"avant{n} ")  # the draft before the bad bytes must survive them
        tmux.send("-H", *hexes.split())
        tmux.send("-l", " apres")
        tmux.send("Enter")


@needs_tmux
@pytest.mark.parametrize(
    "env",
    [{"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}],
    ids=["utf-8 locale", "C locale without UTF-8 mode"],
)
def test_bytes_that_are_not_utf8_become_replacement_characters(
    app_in_tmux, tmp_path: Path, env: dict[str, str]
) -> None:
    """Every bad byte is U+FFFD in the note, in place; the app goes on taking notes."""
    tmux = app_in_tmux(**env)
    _type_bad_bytes(tmux)
    expected = [
        f"avant{n} {bytes.fromhex(h).decode('utf-8', 'replace')} apres"
        for n, h in enumerate(BAD_BYTES)
    ]
    _wait_until(lambda: _notes(tmp_path) == expected)
    assert _notes(tmp_path) == expected
    assert os.path.exists(f"/proc/{tmux.app_pid()}")


@needs_tmux
def test_a_latin1_terminal_types_accents(
    app_in_tmux, tmp_path: Path, latin1_locale: dict[str, str]
) -> None:
    """In a Latin-1 locale the terminal's bytes are read as Latin-1: 0xE9 is é."""
    tmux = app_in_tmux(**latin1_locale)
    _type_bad_bytes(tmux)
    typed = [bytes.fromhex(h).decode("latin-1") for h in BAD_BYTES]
    expected = [  # Textual's input takes no key that is not printable (C1 controls, 0xA0)
        f"avant{n} {''.join(c for c in text if c.isprintable())} apres"
        for n, text in enumerate(typed)
    ]
    _wait_until(lambda: _notes(tmp_path) == expected)
    assert _notes(tmp_path) == expected


# -- 2. a bracketed paste is one piece of text -------------------------------------------------

PASTES = [
    ("un\x1bdeux", "un␛deux"),
    ("\x1b[31mrouge\x1b[0m et noir", "␛[31mrouge␛[0m et noir"),
    ("copie \x1b]52;c;aGVsbG8=\x07 faite", "copie ␛]52;c;aGVsbG8=␇ faite"),
    ("titre \x1b]0;pris\x1b\\ fin", "titre ␛]0;pris␛\\ fin"),
    ("ligne 1\rligne 2", "ligne 1\nligne 2"),
    ("ligne 1\r\nligne 2\r\n\r\nligne 4", "ligne 1\nligne 2\n\nligne 4"),
    ("a\nb\nc", "a\nb\nc"),
    ("\x1b" + "x" * 40 + "\r", "␛" + "x" * 40),  # longer than Textual's longest sequence
    ("presque la fin \x1b[201 non", "presque la fin ␛[201 non"),
    ("un debut \x1b[200~ dedans", "un debut ␛[200~ dedans"),
    ("focus \x1b[I souris \x1b[<0;3;4M touche \x1b[13u", "focus ␛[I souris ␛[<0;3;4M touche ␛[13u"),
    ("fin sur ESC \x1b", "fin sur ESC ␛"),
    ("\x1b\x1b\x1b[A\x1bOP", "␛␛␛[A␛OP"),
]
"""(what is pasted, the note saved): controls shown as pictures, line breaks kept, in order."""


@needs_tmux
def test_a_bracketed_paste_is_one_note_in_order(app_in_tmux, tmp_path: Path) -> None:
    tmux = app_in_tmux()
    for n, (pasted, _) in enumerate(PASTES):
        buffer = tmp_path / f"paste{n}"
        buffer.write_bytes(pasted.encode())
        tmux._run("load-buffer", "-b", f"p{n}", str(buffer))
        tmux.send("-l", f"{n}: ")  # what is typed before a paste stays before it
        tmux._run("paste-buffer", "-p", "-r", "-d", "-b", f"p{n}", "-t", "t")
        tmux.send("Enter")
    expected = [f"{n}: {saved}" for n, (_, saved) in enumerate(PASTES)]
    assert _wait_until(lambda: len(_notes(tmp_path)) >= len(PASTES)), _notes(tmp_path)
    time.sleep(0.3)  # a paste split into several notes would show more than one each
    assert _notes(tmp_path) == expected


@needs_tmux
def test_a_pasted_escape_sequence_never_reaches_the_terminal(app_in_tmux, tmp_path: Path) -> None:
    """On the setup screen too (Textual's own inputs): the sequence is shown, not obeyed."""
    tmux = app_in_tmux(CODEV, wait="Sujet")
    buffer = tmp_path / "paste"
    buffer.write_bytes(b"sujet \x1b]0;PRIS\x07 \x1b[31mrouge")
    tmux._run("load-buffer", str(buffer))
    tmux._run("paste-buffer", "-p", "-r", "-t", "t")
    tmux.wait_for(lambda s: "sujet ␛]0;PRIS␇ ␛[31mrouge" in s)
    assert "PRIS" not in tmux._run("display", "-p", "-t", "t", "#{pane_title}")


# -- 10. a locale whose encoding has no block characters ---------------------------------------


@needs_tmux
@pytest.mark.parametrize("locale", ["C", "latin-1"])
def test_a_non_utf8_locale_draws_in_ascii(
    app_in_tmux, request: pytest.FixtureRequest, locale: str
) -> None:
    """No `\\u2588` text: the big digits in '#', every line in its place."""
    env = (
        {"LC_ALL": "C", "PYTHONUTF8": "0"}
        if locale == "C"
        else request.getfixturevalue("latin1_locale")
    )
    tmux = app_in_tmux(**env)
    screen = tmux.wait_for(lambda s: "Quitter" in s or "\\u" in s)
    lines = screen.splitlines()
    assert "\\u" not in screen and "\\x" not in screen
    assert len([line for line in lines if "##  ##" in line]) >= 5  # the time, drawn in '#'
    assert "Quitter" in lines[-1] and "pgdn" in lines[-1]  # the keys bar, at its place


# -- 14. the terminal goes away ----------------------------------------------------------------


class PtyApp:
    """The app on a pseudo-terminal of its own, which the test closes like a terminal window.

    `controlling`: the pty is the app's controlling terminal, so closing it sends SIGHUP (and
    SIGCONT) as well; otherwise the app only sees end of file on its input.
    """

    def __init__(self, data: Path, controlling: bool) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "CODEV_DATA_DIR": str(data), "TERM": "xterm-256color"}

        def take_terminal() -> None:
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            RUN,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=take_terminal if controlling else None,
        )
        os.close(slave)
        self.master = master
        self.seen = b""

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.seen:
            assert time.monotonic() < deadline, f"never shown: {text}"
            self.read(0.05)

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close_terminal(self) -> None:
        os.close(self.master)

    def exited_within(self, seconds: float) -> bool:
        try:
            self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            return False
        return True


MOMENTS = {
    "typing": (b"", 0.0),
    "quit dialog open": (b"\x11", 0.3),
    "quit confirmed": (b"\x11\x11", 0.0),
    "20 ms after quit": (b"\x11\x11", 0.02),
    "50 ms after quit": (b"\x11\x11", 0.05),
    "150 ms after quit": (b"\x11\x11", 0.15),
}
"""When the terminal closes: keys typed after the draft, then how long before it closes."""


@pytest.mark.parametrize(
    "controlling",
    [
        pytest.param(False, id="end of file"),
        pytest.param(True, id="SIGHUP and end of file", marks=pytest.mark.slow),
    ],
)
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_the_app_exits_when_its_terminal_closes(
    tmp_path: Path, moment: str, controlling: bool
) -> None:
    """Whenever the terminal closes, the app exits within seconds and the draft is saved."""
    app = PtyApp(tmp_path, controlling)
    app.wait_for("EXPOS")
    app.type(b"brouillon")
    app.wait_for("brouillon")
    keys, delay = MOMENTS[moment]
    app.type(keys)
    app.read(delay)
    app.close_terminal()
    assert app.exited_within(6.0), "the app outlived its terminal"
    assert _notes(tmp_path) == ["brouillon"]


# -- 14. no terminal at all ----------------------------------------------------------------------

NO_TERMINAL = {
    "run < /dev/null, first session": (RUN, "input", False),
    "bare codev < /dev/null, first session": (CODEV, "input", False),
    "run < /dev/null": (RUN, "input", True),
    "resume < /dev/null": ([*CODEV, "resume"], "input", True),
    "run --session < /dev/null": ([*CODEV, "run", "--session", "{session}"], "input", True),
    "practice < /dev/null": ([*CODEV, "practice"], "input", True),
    "run > /dev/null": (RUN, "output", True),
    "resume > /dev/null": ([*CODEV, "resume"], "output", True),
    "run 2> file": (RUN, "error", True),
}
"""A command that starts the app, the standard stream that is not a terminal, and whether a
session is already there."""


def _tree(folder: Path) -> dict[str, tuple[int, bytes]] | None:
    """Every file and folder under `folder` with its mode and content; None: no folder."""
    if not folder.exists():
        return None
    return {
        str(p.relative_to(folder)): (p.stat().st_mode, p.read_bytes() if p.is_file() else b"")
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("case", list(NO_TERMINAL))
def test_without_a_terminal_nothing_starts_and_nothing_is_created(
    tmp_path: Path, case: str, script, roster
) -> None:
    """One line, exit 2, nothing created or changed: not a process burning a core forever."""
    command, stream, existing = NO_TERMINAL[case]
    data = tmp_path / "data" / "sessions"
    session = tmp_path / "none.toml"
    if existing:
        from codev_tui.core.store import SessionFile

        opened = SessionFile.create(data, script, roster)
        session = opened.path
        opened.close()
    before = _tree(tmp_path / "data")
    command = [part.replace("{session}", str(session)) for part in command]
    master, slave = pty.openpty()
    message_file = tmp_path / "message"
    with open(os.devnull, "rb") as devnull, message_file.open("wb") as message:
        streams = {"input": slave, "output": slave, "error": message.fileno()}
        if stream == "input":
            streams["input"] = devnull.fileno()
        elif stream == "output":
            streams["output"] = devnull.fileno()
        done = subprocess.run(
            command,
            stdin=streams["input"],
            stdout=streams["output"],
            stderr=streams["error"],
            env={**os.environ, "CODEV_DATA_DIR": str(data), "TERM": "xterm-256color"},
            timeout=20,
            start_new_session=True,
        )
    os.close(master)
    os.close(slave)
    assert message_file.read_text().splitlines() == [
        f"codev: needs a terminal (standard {stream} is not one)"
    ]
    assert done.returncode == 2
    assert _tree(tmp_path / "data") == before


NO_TERMINAL_FR = {
    "input": "codev : il faut un terminal (l'entrée standard n'en est pas un)",
    "output": "codev : il faut un terminal (la sortie standard n'en est pas un)",
    "error": "codev : il faut un terminal (la sortie d'erreur n'en est pas un)",
}
"""The line of each standard stream that is not a terminal, in French."""


@pytest.mark.parametrize("stream", list(NO_TERMINAL_FR))
def test_without_a_terminal_the_line_is_in_the_language_of_the_command_line(
    tmp_path: Path, stream: str
) -> None:
    """`codev run --lang fr < /dev/null` says it in French (and exits 2, creating nothing)."""
    data = tmp_path / "data" / "sessions"
    master, slave = pty.openpty()
    message_file = tmp_path / "message"
    with open(os.devnull, "rb") as devnull, message_file.open("wb") as message:
        streams = {"input": slave, "output": slave, "error": message.fileno()}
        if stream != "error":
            streams[stream] = devnull.fileno()
        done = subprocess.run(
            [*RUN, "--lang", "fr"],
            stdin=streams["input"],
            stdout=streams["output"],
            stderr=streams["error"],
            env={**os.environ, "CODEV_DATA_DIR": str(data), "TERM": "xterm-256color"},
            timeout=20,
            start_new_session=True,
        )
    os.close(master)
    os.close(slave)
    assert message_file.read_text(encoding="utf-8").splitlines() == [NO_TERMINAL_FR[stream]]
    assert done.returncode == 2
    assert not data.exists()
