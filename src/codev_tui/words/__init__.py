"""Every word codev says, in French and in English: one table per part, one lookup.

Each part (`errors`, ...) is a module of this package holding two dicts, `FR` and `EN`, with the
same keys; keys are unique across parts. Text is `str.format` templates with named values.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

LANGS = ("fr", "en")
"""The languages codev speaks; anything else falls back to English."""

PARTS = ("errors",)
"""The modules of this package that hold words."""


def lang_of(lang: str | None) -> str:
    """`fr` for any French tag (`fr`, `fr_CA`, `fr-BE`), else `en`."""
    return "fr" if lang and lang.strip().lower()[:2] == "fr" else "en"


@cache
def table(lang: str) -> dict[str, str]:
    """All the words of one language, every part merged."""
    merged: dict[str, str] = {}
    for part in PARTS:
        module = import_module(f"{__name__}.{part}")
        merged.update(module.FR if lang_of(lang) == "fr" else module.EN)
    return merged


def say(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang`, with its `{placeholders}` filled."""
    text = table(lang_of(lang))[key]
    return text.format(**values) if values else text
