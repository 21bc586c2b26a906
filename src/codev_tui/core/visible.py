"""Text from outside (a file, an argument, a session) made unable to drive a terminal.

A terminal acts on control characters: ESC starts a sequence that can set the window title,
write the clipboard (OSC 52) or redraw the screen, and so can the C1 controls (U+0080–U+009F,
U+009B is a CSI on its own); bidi overrides (U+202E…) reorder what is shown. So whatever came
from outside is shown, never obeyed:

* a C0 control is its Unicode control picture, U+2400 + its code: ESC is `␛`, BEL `␇`,
  a line feed `␊`... and DEL is `␡` (U+2421);
* a C1 control, which has no picture, is U+FFFD (`�`);
* an invisible format character (bidi marks, embeddings, overrides and isolates, zero-width
  space, word joiner, byte order mark, interlinear annotations) and U+2028/U+2029 are U+FFFD
  on a terminal; a lone surrogate (it cannot even be encoded) is U+FFFD everywhere.

Zero-width joiners (U+200C, U+200D) stay: they join emoji and scripts, and move nothing.
"""

from __future__ import annotations

import re

DEL_PICTURE = "\u2421"
REPLACEMENT = "\ufffd"

_C0 = {c: chr(0x2400 + c) for c in range(0x20)}
_C1 = {c: REPLACEMENT for c in range(0x80, 0xA0)}
_INVISIBLE = "\u061c\u200b\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\ufeff"
_INVISIBLE += "".join(map(chr, range(0x2060, 0x2070))) + "\ufff9\ufffa\ufffb"
_SURROGATES = {c: REPLACEMENT for c in range(0xD800, 0xE000)}

CONTROLS: dict[int, str] = {**_C0, 0x7F: DEL_PICTURE, **_C1}
"""C0, DEL and C1 to their visible stand-ins, for `str.translate`."""

_TERMINAL = {**CONTROLS, **{ord(c): REPLACEMENT for c in _INVISIBLE}, **_SURROGATES}
_TERMINAL_LINES = {k: v for k, v in _TERMINAL.items() if k not in (0x09, 0x0A)}

_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_INVISIBLE}]")


def visible(text: str, *, lines: bool = False) -> str:
    """`text` as a terminal may show it: no control or invisible format character.

    With `lines`, a line feed and a tab stay as they are (text laid out in lines: our own
    output, a note shown in a widget).
    """
    if not _UNSAFE.search(text):
        return text
    return text.translate(_TERMINAL_LINES if lines else _TERMINAL)
