"""User text made safe to show: literal, never markup, never a terminal control sequence."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ␁ … ␛ …: the Unicode control pictures
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """Control characters as their visible pictures (␛), lone surrogates as U+FFFD."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub(_picture, text))


def literal(text: str, style: str = "") -> Text:
    """A Rich Text showing `text` exactly as typed (no markup is interpreted)."""
    return Text(visible(text), style=style)
