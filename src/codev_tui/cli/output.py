"""What a short command prints: through `emit`, as the terminal can show it, never a traceback
for a reader gone or a full disk."""

from __future__ import annotations

import sys
from typing import TextIO

from codev_tui.cli.errors import UserError
from codev_tui.core.visible import visible


class OutputError(UserError):
    """Standard output or error cannot be written (a full disk): one line, exit status 2."""

    def __init__(self, exc: OSError | None) -> None:
        if exc is None:
            super().__init__("stdout_closed")
        else:
            super().__init__("cannot_write", reason=exc.strerror or exc)


_PLAIN = str.maketrans(
    {"—": "-", "–": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'}
    | {"\u00a0": " ", "\u202f": " "}
)
"""Our typography in ASCII, for a terminal that cannot show it (`LANG=C`)."""


def write_stdout(text: str) -> None:
    """`text` to standard output: to a terminal as it can show it (`emit`), to a file or a
    pipe as UTF-8 whatever the locale; a reader gone (`| head`) is not an error, a closed
    standard output is."""
    out = sys.stdout
    if out is None:
        raise OutputError(None)
    try:
        terminal = out.isatty()
    except (OSError, ValueError):
        terminal = False
    if terminal:  # a Latin-1 terminal would take bytes of UTF-8 pictures for controls
        emit(out, text)
    else:
        _write(out, text.encode("utf-8", "replace"), "utf-8")


def emit(stream: TextIO | None, text: str) -> None:
    """Write `text` to a standard stream as a terminal may show it, and flush.

    Control and invisible format characters become visible (`core.visible`; a line feed
    stays), characters the stream's encoding lacks degrade to ASCII or `?` (a Latin-1 or C
    locale) instead of raising UnicodeEncodeError; a reader gone (`| head -1`) silences the
    stream, and any other failure (`> /dev/full`) raises OutputError.
    """
    if stream is None:  # pythonw, or a closed descriptor at start
        return
    text = visible(text, lines=True)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = _degrade(text, encoding)
    except LookupError:
        encoding = "utf-8"
        data = text.encode(encoding, "replace")
    _write(stream, data, encoding)


def _write(stream: TextIO, data: bytes, encoding: str) -> None:
    """`data` (text in `encoding`) to a standard stream, flushed: a reader gone (`| head -1`)
    silences the stream, any other failure (`> /dev/full`) raises OutputError."""
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode(encoding, "replace"))
        else:
            stream.flush()
            buffer.write(data)
        stream.flush()
    except BrokenPipeError:
        _silence(stream)
    except OSError as exc:
        _silence(stream)
        raise OutputError(exc) from None


def _degrade(text: str, encoding: str) -> bytes:
    """`text` in an encoding that lacks some of its characters: our typography in ASCII, an
    accented letter without its accent (`é` → `e`), anything else `?`."""
    import unicodedata

    out = []
    for char in text.translate(_PLAIN):
        try:
            out.append(char.encode(encoding))
        except UnicodeEncodeError:
            bare = unicodedata.normalize("NFKD", char)
            bare = "".join(c for c in bare if not unicodedata.combining(c))
            out.append(bare.encode(encoding, "replace") if bare else b"?")
    return b"".join(out)


class _Output:
    """A standard stream of a short command: everything written goes through `emit`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        emit(self.stream, text)
        return len(text)

    def flush(self) -> None:
        emit(self.stream, "")

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)  # fileno, isatty, encoding, buffer


def _silence(stream: TextIO) -> None:
    """Point the stream's descriptor at /dev/null: what is still buffered, and Python's
    flush at exit, then go nowhere instead of failing again with a traceback."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def guard_output() -> None:
    """From here on, this process's standard output and error go through `emit`."""
    if sys.stdout is not None and not isinstance(sys.stdout, _Output):
        sys.stdout = _Output(sys.stdout)  # type: ignore[assignment]
    if sys.stderr is not None and not isinstance(sys.stderr, _Output):
        sys.stderr = _Output(sys.stderr)  # type: ignore[assignment]
