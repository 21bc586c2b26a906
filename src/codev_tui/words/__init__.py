"""Every word codev says, in French and in English: one table per part, one lookup.

Each part (`ui`, `minutes`, `agenda`, `cli`, `errors`; those of the group's cycle: `group`,
`cycle`, `choosing`, `retour`; those of the two screens: `view`, `floor`, `cues`, `serve`) is a
module of this package holding two dicts, `FR` and `EN`, with the same keys; keys are unique
across parts (those of every part but `errors` start with the part's name and a dot). Text is
`str.format` templates with named values. A word counted has two keys, `<key>_one` and
`<key>_other`, chosen by `plural`. Nothing here imports textual: the core, the CLI and the UI
all read it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import import_module

LANGS = ("fr", "en")
"""The languages codev speaks; anything else falls back to English."""

PARTS = ("ui", "minutes", "agenda", "cli", "errors", "group", "cycle", "choosing", "retour")
PARTS += ("view", "floor", "cues", "serve")  # the two screens
"""The modules of this package that hold words."""

_PREFIXED = tuple(part for part in PARTS if part != "errors")
"""The parts whose keys start with the part's name; the errors' keys are codes (`script.…`,
`save.…`)."""


def lang_of(lang: str | None) -> str:
    """`fr` for any French tag (`fr`, `fr_CA`, `fr-BE`), else `en`."""
    return "fr" if lang and lang.strip().lower()[:2] == "fr" else "en"


@cache
def table(lang: str) -> dict[str, str]:
    """All the words of one language, every part merged."""
    merged: dict[str, str] = {}
    for part in PARTS:
        merged.update(_of(part, lang_of(lang)))
    return merged


def say(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang`, with its `{placeholders}` filled (only the key's own part
    is loaded: the command line's words, not the minutes')."""
    part = key.partition(".")[0]
    text = _of(part if part in _PREFIXED else "errors", lang_of(lang))[key]
    return text.format(**values) if values else text


@cache
def words_of(part: str, lang: str | None) -> dict[str, str]:
    """The words of one part in `lang`, keys without the part's prefix (`title`, not
    `minutes.title`)."""
    prefix = f"{part}."
    return {key.removeprefix(prefix): text for key, text in _of(part, lang_of(lang)).items()}


_OR = {"fr": "ou", "en": "or"}
"""The word between the last two of a list of choices."""


def either(lang: str | None, items: Iterable[object]) -> str:
    """Choices as a language lists them: `'a', 'b' or 'c'` in English, `'a', 'b' ou 'c'` in
    French (items as they are, so repr them first to quote them)."""
    texts = [str(item) for item in items]
    if len(texts) < 2:
        return "".join(texts)
    return f"{', '.join(texts[:-1])} {_OR[lang_of(lang)]} {texts[-1]}"


def plural(lang: str | None, n: int) -> str:
    """`one` or `other`, the suffix of the key that counts `n` things (CLDR's integer rules:
    French says 0 and 1 in the singular, English only 1)."""
    return "one" if n == 1 or (n == 0 and lang_of(lang) == "fr") else "other"


def _of(part: str, lang: str) -> dict[str, str]:
    module = import_module(f"{__name__}.{part}")
    return module.FR if lang == "fr" else module.EN


class Words:
    """The words of one part in one language: `words("key", n=2)`, `words.count("notes", 3)`."""

    def __init__(self, part: str, lang: str | None) -> None:
        self.lang = lang_of(lang)
        self._words = words_of(part, self.lang)

    def __call__(self, key: str, **values: object) -> str:
        """The text for `key`, with its `{placeholders}` filled; a key of another part is
        named whole (`choosing.k_choose`)."""
        text = self._words.get(key)
        if text is None:
            return say(self.lang, key, **values)
        return text.format(**values) if values else text

    def count(self, key: str, n: int, **values: object) -> str:
        """`n` things, singular or plural as the language wants (`{n}` and other values)."""
        return self(f"{key}_{plural(self.lang, n)}", n=n, **values)

    def kind(self, kind: str) -> str:
        """The name of a kind of note (`kind.<kind>`); an unknown kind as it is."""
        return self._words.get(f"kind.{kind}", kind)


class Texts(Words):
    """The interface's words in one language."""

    def __init__(self, lang: str | None) -> None:
        super().__init__("ui", lang)
