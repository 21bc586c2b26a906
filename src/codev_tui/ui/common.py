"""What the console and the room's view share: the projector's theme, and how each starts."""

from __future__ import annotations

import gc

from textual.theme import Theme

PROJECTOR_THEME = Theme(
    name="codev-projector",
    primary="#003c8f",
    secondary="#5a2d82",
    accent="#7a3e00",
    foreground="#000000",
    background="#ffffff",
    surface="#f2f2f2",
    panel="#e0e0e0",
    success="#005f00",
    warning="#8a5a00",
    error="#b00000",
    dark=False,
)
"""Light and high-contrast: projectors wash out dark backgrounds."""


def collect_garbage_again() -> None:
    """After the first frame: what the start made is kept for good (frozen, never scanned
    again), and cyclic garbage collection goes on (`codev` turned it off to start faster)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
