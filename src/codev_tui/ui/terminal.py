"""The real terminal: Textual's Linux driver, made to survive whatever a terminal sends or does.

Textual 8's driver (`textual.drivers.linux_driver`) has four weak spots, each fixed here:

- its input decoder is strict UTF-8: one byte that is not (0xE9 from a Latin-1 terminal, a
  broken paste) raised in the input thread and the app died with the note being typed;
- its parser lets a bracketed paste that holds ESC end early: what follows the ESC was
  replayed as typed keys (a `\\r` in it as Enter, ESC as `^`) before the rest of the paste;
- at end of file (the terminal closed) its input thread went on reading nothing, at full
  speed, forever; a write to the closed terminal killed its output thread, after which the
  app blocked on the full output queue; and the SIGCONT that comes with SIGHUP started its
  terminal mode again in the middle of quitting: the process outlived its terminal;
- in a locale whose encoding has no block characters its output became `\\u2588` text.
"""

from __future__ import annotations

import codecs
import locale
import os
import re
import selectors
import sys
import unicodedata
from collections.abc import Callable, Generator
from contextlib import suppress
from typing import IO, Any

from textual import events
from textual._parser import ParseEOF, ParseError, ParseTimeout, Peek1, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from codev_tui.ui.text import visible

_LINE_BREAK = re.compile("(\r\n|\r|\n)")


def _shown(pasted: str) -> str:
    """The pasted text with its line breaks, every other control character as its picture
    (ESC as ␛): no widget can then draw a pasted escape sequence to the terminal."""
    return "".join(
        part if _LINE_BREAK.fullmatch(part) else visible(part) for part in _LINE_BREAK.split(pasted)
    )


PASTE_IDLE = 1.0
"""Seconds without a byte after which a bracketed paste whose end marker never came is over."""


class PasteParser(XTermParser):
    """Textual's parser, except that a bracketed paste is one piece of text, whatever it holds.

    Every character goes through Textual's own parser, until it has read the start of a
    paste: from there this parser reads the paste itself, up to the end marker and nothing
    else (an ESC, a CSI or OSC sequence, a line break inside are text), and hands it out
    whole, each control character in it but line breaks as its picture; then Textual's
    parser is shown the end marker and carries on.
    """

    def parse(self, token_callback: TokenCallback) -> Generator[Read1 | Peek1, str, None]:
        """Textual's parse, with bracketed pastes read here."""

        def not_a_paste(token: Message) -> None:
            if not isinstance(token, events.Paste):  # Textual's (always empty) paste
                token_callback(token)

        textual = super().parse(not_a_paste)
        request = next(textual)
        recent = ""
        while True:
            try:
                character = yield request
            except ParseTimeout:
                request = textual.throw(ParseTimeout())
                continue
            except ParseEOF:
                with suppress(StopIteration):
                    textual.throw(ParseEOF())
                return
            request = textual.send(character)
            recent = (recent + character)[-len(BRACKETED_PASTE_START) :]
            if recent != BRACKETED_PASTE_START:
                continue
            recent = ""
            pasted: list[str] = []
            while "".join(pasted[-len(BRACKETED_PASTE_END) :]) != BRACKETED_PASTE_END:
                try:
                    pasted.append((yield self.read1(PASTE_IDLE)))
                except ParseEOF:  # the terminal went away during the paste: keep what came
                    token_callback(events.Paste(_shown("".join(pasted))))
                    return
                except ParseTimeout:  # a paste cut short: what came is the paste, and the
                    pasted.extend(BRACKETED_PASTE_END)  # keys work again (they were all taken)
            token_callback(events.Paste(_shown("".join(pasted[: -len(BRACKETED_PASTE_END)]))))
            for character in BRACKETED_PASTE_END:
                request = textual.send(character)


def _input_decoder() -> Callable[..., str]:
    """An incremental decoder of the terminal's bytes that never fails: UTF-8, or the locale's
    own 8-bit encoding (Latin-1…) when it has one; a byte that does not decode is U+FFFD."""
    try:
        encoding = codecs.lookup(locale.getpreferredencoding(False)).name
    except LookupError:
        encoding = "utf-8"
    if encoding == "ascii":  # the C locale says nothing of the terminal: UTF-8 is likelier
        encoding = "utf-8"
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode


_ASCII = {
    "\u2713": "v",  # ✓
    "\u2717": "x",  # ✗
    "\u2026": ".",  # …
    "\u2022": "*",  # •
    "\u00b7": ".",  # ·
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2190": "<",
    "\u2191": "^",
    "\u2192": ">",
    "\u2193": "v",
}
"""One ASCII character for a character Unicode does not decompose to one."""


def _ascii_cell(character: str) -> str:
    """What stands for `character` on a terminal that cannot show it, in as many cells."""
    if character in _ASCII:
        return _ASCII[character]
    category = unicodedata.category(character)
    if category in ("Mn", "Me", "Cf"):
        return ""  # no cell of its own
    if unicodedata.east_asian_width(character) in ("W", "F"):
        return "??"
    name = unicodedata.name(character, "")
    if name.startswith("BOX DRAWINGS"):
        if "VERTICAL" in name and "HORIZONTAL" not in name:
            return "|"
        return "-" if "HORIZONTAL" in name and "VERTICAL" not in name else "+"
    if 0x2580 <= ord(character) <= 0x259F:  # block elements
        if name.startswith(("LEFT", "RIGHT")):
            return "|"
        if name.startswith(("UPPER ONE", "LOWER ONE")):
            return "-" if name.startswith("UPPER") else "_"
        return "#"  # the big clock's █ among them: digits in '#'
    if category == "Zs":
        return " "
    if category == "Pd" or character == "\u2212":
        return "-"
    if category in ("Pi", "Pf"):
        return '"' if unicodedata.name(character, "").find("DOUBLE") >= 0 else "'"
    base = "".join(
        c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c)
    )
    return base if len(base) == 1 and base.isascii() else "?"


def _replace_with_ascii(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: each character the terminal cannot show, in ASCII."""
    assert isinstance(error, UnicodeEncodeError)
    bad = error.object[error.start : error.end]
    return "".join(_ascii_cell(c) for c in bad), error.end


codecs.register_error("codev-ascii", _replace_with_ascii)


class TerminalOutput:
    """The driver's output stream: what the terminal's encoding lacks is drawn in ASCII
    (column for column), and a terminal that has gone makes the app quit, not fail."""

    def __init__(self, stream: IO[str], gone: Callable[[], None]) -> None:
        self._stream = stream
        self._gone = gone
        self.closed = False
        encoding = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
        self._encoding = None if encoding.startswith("utf") else encoding

    def write(self, text: str) -> None:
        """Write `text`, or nothing once the terminal is gone."""
        if self._encoding is not None:
            text = text.encode(self._encoding, "codev-ascii").decode(self._encoding)
        self._attempt(self._stream.write, text)

    def flush(self) -> None:
        """Flush, unless the terminal is gone."""
        self._attempt(self._stream.flush)

    def fileno(self) -> int:
        """The terminal's file descriptor."""
        return self._stream.fileno()

    def _attempt(self, call: Callable[..., Any], *args: Any) -> None:
        if self.closed:
            return
        try:
            call(*args)
        except (OSError, ValueError):  # EIO once the terminal hung up; a closed file
            self.closed = True
            self._gone()


class TerminalDriver(LinuxDriver):
    """Textual's Linux driver: input that never fails to decode, pastes kept whole, and an
    exit (that saves the note being typed) when the terminal closes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._gone = False
        self._file = TerminalOutput(sys.__stderr__, self._terminal_gone)  # type: ignore[arg-type]

    def _terminal_gone(self) -> None:
        """End of file or a failed write: the app quits as on SIGHUP (once)."""
        if not self._gone:
            self._gone = True
            self._app.call_later(self._app.exit)

    def _sigcont_application(self, *_: object) -> None:
        """Back from Ctrl+Z: the app takes the terminal again. A SIGCONT after no suspension
        changes nothing: the kernel sends one with SIGHUP when the terminal closes, and
        starting the app's terminal mode again there (new threads on a dead terminal, in the
        middle of quitting) could hang the app."""
        if self._must_signal_resume:
            super()._sigcont_application()

    def run_input_thread(self) -> None:
        """Read the terminal until the app stops or the terminal goes (end of file)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = PasteParser(self._debug)
        decode = _input_decoder()

        def hand_out(text: str) -> None:
            if text:  # the parser takes "" for the end of the input
                for event in parser.feed(text):
                    self.process_message(event)

        def read() -> bool:
            """Read what is there and hand out its events; False at end of file."""
            try:
                data = os.read(self.fileno, 4096)
            except OSError:  # EIO: the terminal hung up
                data = b""
            hand_out(decode(data, final=not data))
            if not data:
                self._terminal_gone()
            return bool(data)

        try:
            while not self.exit_event.is_set():
                if selector.select(0.1):
                    if not read():
                        return
                else:  # a quiet moment: a byte left waiting for the rest of a character is one
                    hand_out(decode(b"", final=True))
                for event in parser.tick():
                    self.process_message(event)
            if selector.select(0.1):  # keys typed as the app was stopping, as Textual does
                read()
        finally:
            selector.close()
            with suppress(EOFError, ParseError):
                for _ in parser.feed(""):
                    pass
