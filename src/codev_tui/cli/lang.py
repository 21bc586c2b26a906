"""The language of the command line: `--lang`, else the environment, as gettext reads it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from codev_tui.words import LANGS, lang_of

LOCALE_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the language, in its order: the first one set wins."""

DOMAIN = "argparse"
"""The gettext domain of argparse's own words (`words/locale/fr/LC_MESSAGES/argparse.mo`)."""


def cli_lang(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """`fr` or `en`: the value of `--lang` on the command line, else the environment's."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGS:
            return value
    return env_lang(environ)


def env_lang(environ: Mapping[str, str]) -> str:
    """The language of the environment: `LANGUAGE` (a colon list: its first language codev
    speaks), `LC_ALL`, `LC_MESSAGES` or `LANG`, the first one set; `C`, `POSIX`, anything
    else or nothing is English."""
    for name in LOCALE_ENV:
        value = environ.get(name)
        if not value:
            continue
        for tag in value.split(":"):
            if tag.split(".")[0] in ("C", "POSIX"):
                return "en"
            if tag[:2].lower() in LANGS:
                return lang_of(tag)
        return "en"
    return "en"


def locale_dir() -> Path:
    """The folder of the compiled gettext catalogues shipped with codev."""
    return Path(__file__).resolve().parent.parent / "words" / "locale"


@contextlib.contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """While parsing: argparse's own words ("usage:", "error:"...) in `lang`.

    argparse takes them from the module-level gettext functions, which read the language
    from the environment only; `--lang` must win over it, so argparse's two names for them
    are pointed at codev's catalogue for the time of the parse, and put back after (nothing
    global stays bound, never at import time).
    """
    if lang_of(lang) == "en":
        yield  # argparse's own words are English
        return
    import argparse
    import gettext

    words = gettext.translation(DOMAIN, locale_dir(), languages=[lang], fallback=True)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = words.gettext, words.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
