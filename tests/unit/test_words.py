"""The words package: both languages say the same things, every word is used, CLDR agrees."""

from __future__ import annotations

import ast
import re
import string
from functools import cache
from importlib import import_module
from pathlib import Path

import pytest

import codev_tui
from codev_tui.core.clock import TimerState
from codev_tui.core.script import NOTE_KINDS, ROLES
from codev_tui.core.session_parts import STATUSES
from codev_tui.words import PARTS, Texts, Words, lang_of, plural, say, table, words_of

SRC = Path(codev_tui.__file__).parent

USERS = {
    "ui": ("ui",),
    "minutes": ("core/minutes",),
    "agenda": ("core/agenda.py",),
    "cli": ("cli", "ui/launch.py"),
    "errors": (".",),
    "group": (".",),
    "cycle": (".",),
    "choosing": (".",),
    "retour": (".",),
    "floor": ("ui/widgets/floor_banner.py",),
    "view": ("core/room.py", "ui/view.py", "ui/widgets/projector_head.py", "cli"),
    "cues": ("ui",),
    "serve": ("serve", "cli/serve.py"),
}
"""Where the words of each part are used (files or folders of the package)."""

DYNAMIC = ("kind.", "one.")
"""Prefixes of keys built from a kind of note (`kind.{kind}`)."""

NAMED = {state.value for state in TimerState} | set(ROLES)
"""Keys that are a value of the core: the countdown's state, a role of the script."""


def _part(name: str) -> object:
    return import_module(f"codev_tui.words.{name}")


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@cache
def _literals(places: tuple[str, ...]) -> frozenset[str]:
    """Every string constant of the package's source in `places` (f-strings' parts too)."""
    found: set[str] = set()
    paths = [p for place in places for p in (SRC / place).glob("**/*.py")]
    for path in [SRC / place for place in places if place.endswith(".py")] + paths:
        if not path.exists():
            continue
        if "words" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return frozenset(found)


@pytest.mark.parametrize("name", PARTS)
def test_every_key_is_in_both_languages(name: str) -> None:
    part = _part(name)
    assert set(part.FR) == set(part.EN)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", PARTS)
def test_placeholders_match_between_the_languages(name: str) -> None:
    part = _part(name)
    for key, french in part.FR.items():  # type: ignore[attr-defined]
        assert _fields(french) == _fields(part.EN[key]), key  # type: ignore[attr-defined]


def test_keys_are_unique_across_parts() -> None:
    seen: dict[str, str] = {}
    for name in PARTS:
        for key in _part(name).FR:  # type: ignore[attr-defined]
            assert key not in seen, f"{key} is in {seen.get(key)} and {name}"
            seen[key] = name
    assert len(table("fr")) == len(table("en")) == len(seen)


@pytest.mark.parametrize("name", [p for p in PARTS if p != "errors"])
def test_keys_start_with_their_part(name: str) -> None:
    assert all(key.startswith(f"{name}.") for key in _part(name).FR)  # type: ignore[attr-defined]


def test_every_key_is_said_from_its_own_part() -> None:
    # say() loads only the part a key names; an error code must not look like another part's.
    for lang in ("fr", "en"):
        for key, text in table(lang).items():
            assert say(lang, key) == text or "{" in text, key
    others = tuple(f"{p}." for p in PARTS if p != "errors")
    assert not [key for key in _part("errors").EN if key.startswith(others)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", PARTS)
def test_every_key_is_used(name: str) -> None:
    literals = _literals(USERS[name])
    unused = []
    for key in words_of(name, "en"):
        base = key.rsplit("_", 1)[0] if key.endswith(("_one", "_other")) else key
        dynamic = key.startswith(DYNAMIC) and key.split(".", 1)[1] in NOTE_KINDS
        dynamic = dynamic or key.startswith("status.") and key.split(".", 1)[1] in STATUSES
        if not (
            {key, base, f"{name}.{key}"} & literals or dynamic or (name == "ui" and key in NAMED)
        ):
            unused.append(key)
    assert not unused, f"dead words in {name}: {unused}"


def test_counted_words_have_both_forms() -> None:
    for key in table("en"):
        if key.endswith("_one"):
            assert key.removesuffix("_one") + "_other" in table("en"), key
        if key.endswith("_other"):
            assert key.removesuffix("_other") + "_one" in table("en"), key


def test_lang_of_falls_back_to_english() -> None:
    assert [lang_of(x) for x in ("fr", "fr_CA", "FR-be", "en", "de", "", None)] == [
        "fr",
        "fr",
        "fr",
        "en",
        "en",
        "en",
        "en",
    ]


def test_say_and_words() -> None:
    assert say("fr_FR", "ui.round_n", n=2) == "tour 2"
    assert say("de", "ui.round_n", n=2) == "round 2"
    assert words_of("agenda", "fr")["title"] == "Déroulé"
    texts = Texts("fr")
    assert texts("quit") == "Quitter"
    assert [texts.count("notes", n) for n in (0, 1, 2)] == ["0 note", "1 note", "2 notes"]
    assert [Texts("en").count("notes", n) for n in (0, 1, 2)] == ["0 notes", "1 note", "2 notes"]
    assert texts.kind("hypothesis") == "hypothèse"
    assert texts.kind("unknown") == "unknown"
    assert Words("minutes", "en")("round_n", n=3) == "Round 3"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plurals_follow_cldr(lang: str) -> None:
    """Babel (CLDR) is the reference; codev keeps its two-line rule to start faster."""
    from babel import Locale

    rule = Locale.parse(lang).plural_form
    for n in range(0, 2001):
        assert plural(lang, n) == ("one" if rule(n) == "one" else "other"), n


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_month_names_follow_cldr(lang: str) -> None:
    from babel.dates import get_month_names

    names = get_month_names("wide", context="format", locale=lang)
    assert words_of("minutes", lang)["months"].split() == [names[m] for m in range(1, 13)]


@pytest.mark.parametrize("name", ["errors", "cli"])
def test_french_puts_a_space_before_a_colon(name: str) -> None:
    """`{where} : doit être…`, not `{where}: …` (a colon inside a word, as in 14:30, is fine)."""
    glued = {
        key: text
        for key, text in words_of(name, "fr").items()
        if re.search(r"(?<=\S):(?=\s|$)", text)
    }
    assert not glued, f"French colons without a space before them in {name}: {glued}"
