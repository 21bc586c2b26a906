"""The terminal driver's parts without a terminal: the paste parser, the input decoder, the output.

The whole app in a real terminal is tested in tests/faults/test_terminal.py; here each part
meets every way its input can be cut or encoded.
"""

from __future__ import annotations

import io
import locale
from collections.abc import Iterable

import pytest
from rich.cells import cell_len
from textual import events

from codev_tui.ui.terminal import PasteParser, TerminalOutput, _input_decoder, _shown

START, END = "\x1b[200~", "\x1b[201~"

PASTED = [
    "un\x1bdeux",
    "\x1b[31mrouge\x1b[0m",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b]0;titre\x1b\\",
    "a\rb\r\nc\nd",
    "\x1b" + "x" * 40,
    "\x1b[201 presque",
    "\x1b[200~ encore",
    "\x1b[I\x1b[O\x1b[<0;3;4M\x1b[13u\x1b[48;24;80;480;800t",
    "fin \x1b",
    "\x1b\x1b\x1bOP",
    "",
]
"""What a bracketed paste may hold (anything but its end marker)."""


def _events(parser: PasteParser, chunks: Iterable[str]) -> list[tuple[str, str]]:
    found = []
    for chunk in filter(None, chunks):  # "" would be the end of the input
        for event in parser.feed(chunk):
            if isinstance(event, events.Paste):
                found.append(("paste", event.text))
            elif isinstance(event, events.Key):
                found.append(("key", event.key))
    return found


@pytest.mark.parametrize("pasted", PASTED)
def test_a_paste_is_one_event_wherever_the_reads_cut_it(pasted: str) -> None:
    """Typed keys, then the paste whole, then the next key: for every cut into two reads."""
    stream = "ab" + START + pasted + END + "z"
    expected = [("key", "a"), ("key", "b"), ("paste", _shown(pasted)), ("key", "z")]
    for cut in range(len(stream) + 1):
        assert _events(PasteParser(), [stream[:cut], stream[cut:]]) == expected, cut
    assert _events(PasteParser(), list(stream)) == expected  # one character per read


@pytest.mark.parametrize("control", [*map(chr, range(0x20)), "\x7f", *map(chr, range(0x80, 0xA0))])
def test_no_control_character_of_a_paste_reaches_a_widget(control: str) -> None:
    """Any widget may show a paste: only line breaks and tabs stay, the rest are pictures."""
    (paste,) = _events(PasteParser(), [START + f"a{control}b" + END])
    if control in "\r\n\t":
        assert paste == ("paste", f"a{control}b")
    else:
        assert control not in paste[1] and len(paste[1]) == 3


def test_two_pastes_in_a_row_and_keys_around_them() -> None:
    stream = START + "un\x1b" + END + START + "deux\r" + END + "\x1b[A"
    assert _events(PasteParser(), [stream]) == [
        ("paste", "un␛"),
        ("paste", "deux\r"),
        ("key", "up"),
    ]


def test_a_paste_cut_by_the_end_of_the_input_keeps_what_came() -> None:
    parser = PasteParser()
    assert _events(parser, [START + "moitié \x1b[3"]) == []
    assert [e.text for e in parser.feed("") if isinstance(e, events.Paste)] == ["moitié ␛[3"]


@pytest.mark.parametrize("encoding", ["UTF-8", "ANSI_X3.4-1968", "ISO-8859-1", "cp1252", "nope"])
def test_the_input_decoder_never_fails(monkeypatch: pytest.MonkeyPatch, encoding: str) -> None:
    """Every byte, alone or in any pair, decodes to something; Latin-1 locales read Latin-1."""
    monkeypatch.setattr(locale, "getpreferredencoding", lambda do_setlocale=True: encoding)
    decode = _input_decoder()
    everything = "".join(decode(bytes([a, b])) for a in range(256) for b in (0x41, 0x80, 0xE9))
    everything += decode(b"", final=True)
    assert everything
    if encoding in ("ISO-8859-1", "cp1252"):
        assert _input_decoder()(b"caf\xe9") == "café"
    else:
        assert _input_decoder()(b"caf\xe9 ") == "caf\ufffd "


SHOWN = (
    "".join(map(chr, range(0x2500, 0x25A0)))  # box drawing and blocks: borders, the big clock
    + "ÉéèàçœŒ«»·…—–−’“”✓✗↑↓←→•\u00a0\u202f␤␛"
    + "日本語😀e\u0301"
)
"""What the app draws: its borders, the big digits' blocks, French text, symbols, wide ones."""


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_output_in_an_encoding_without_blocks_keeps_every_column(encoding: str) -> None:
    """Each character the encoding lacks takes as many cells in ASCII: the layout holds."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict")
    output = TerminalOutput(stream, lambda: None)
    for character in SHOWN:
        output.write(character)
    output.flush()
    written = raw.getvalue().decode(encoding)
    assert "\\u" not in written and "\\x" not in written
    assert cell_len(written) == cell_len(SHOWN)
    assert written.count("#") >= 1 and "\u2588" not in written  # █ is '#'


def test_output_to_utf8_is_unchanged() -> None:
    raw = io.BytesIO()
    output = TerminalOutput(io.TextIOWrapper(raw, encoding="utf-8"), lambda: None)
    output.write(SHOWN)
    output.flush()
    assert raw.getvalue().decode() == SHOWN


class _Gone(io.StringIO):
    """A terminal that has hung up: every write and flush fails with EIO."""

    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")

    def flush(self) -> None:
        raise OSError(5, "Input/output error")


def test_a_terminal_that_has_gone_is_said_once_and_never_blocks() -> None:
    calls: list[int] = []
    output = TerminalOutput(_Gone(), lambda: calls.append(1))
    for _ in range(100):  # more than the driver's output queue holds
        output.write("x")
        output.flush()
    assert calls == [1]
    assert output.closed


def test_a_paste_whose_end_never_comes_ends_after_a_quiet_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A paste cut short (its end marker lost) must not swallow every key that follows, Ctrl+Q
    included: after a quiet second what came is the paste, and the keys act again."""
    import textual._parser

    now = [100.0]
    monkeypatch.setattr(textual._parser, "get_time", lambda: now[0])
    parser = PasteParser()
    assert _events(parser, ["a", START + "coupé\x1b[3"]) == [("key", "a")]
    now[0] += 0.5
    assert list(parser.tick()) == []  # a slow paste goes on
    assert _events(parser, [" suite"]) == []
    now[0] += 1.5
    ticked = [e.text for e in parser.tick() if isinstance(e, events.Paste)]
    assert ticked == ["coupé␛[3 suite"]
    assert _events(parser, ["z\x11"]) == [("key", "z"), ("key", "ctrl+q")]
