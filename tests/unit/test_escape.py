"""The Markdown inline escaper: every piece of user text comes back exactly, as the whole text of
one inline token, and never changes the document's structure.
"""

from __future__ import annotations

import functools
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from codev_tui.core.minutes import escape
from codev_tui.core.minutes.escape import escape_inline
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.session import Session
from tests.unit.minutes_kit import CONSULTANTS, Doc, Writer, expected, parse


def test_escape_inline_examples() -> None:
    assert escape_inline("") == ""
    assert escape_inline("Bonjour à tous") == "Bonjour à tous"
    assert escape_inline("a|b") == "a\\|b"
    assert escape_inline("# titre") == "\\# titre"
    assert escape_inline("1. un") == "1\\. un"
    assert escape_inline("[bold]x[/]") == "\\[bold\\]x\\[/\\]"
    # Punctuation that is not markup stays as typed: the raw file reads well.
    assert escape_inline("Contexte: l'équipe, N+1 ? Avez-vous 3.5 h") == (
        "Contexte: l'équipe, N+1 ? Avez-vous 3.5 h"
    )
    assert escape_inline("- point") == "\\- point"
    assert escape_inline("+1") == "\\+1"
    assert escape_inline("===") == "\\==="
    assert escape_inline("12) douze") == "12\\) douze"
    assert escape_inline("a & b <i> `c` ~d~ *e* _f_") == (
        "a \\& b \\<i\\> \\`c\\` \\~d\\~ \\*e\\* \\_f\\_"
    )
    assert escape_inline("a\nb\tc") == "a&#10;b&#9;c"
    assert escape_inline(" a  b ") == "&#32;a&#32;&#32;b&#32;"
    assert escape_inline("\x00") == "␀"
    assert escape_inline("\ud800x") == "\ufffdx"
    assert escape_inline("\x0bx\x0b") == "␋x␋"
    assert escape_inline("x\x1b[31m\x07\x7f\x9b") == "x␛\\[31m␇␡\ufffd"
    assert escape_inline("\xa0x\u3000") == "&#160;x&#12288;"


def test_edge_spaces_cover_python_and_javascript_whitespace() -> None:
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert spaces | {"\ufeff"} == set(escape._EDGE_SPACE)
    from markdown_it.common.utils import isValidEntityCode

    # Those a parser refuses as a reference are controls, pictures before they reach an edge.
    refused = {c for c in escape._EDGE_SPACE if not isValidEntityCode(ord(c))}
    assert all(escape_inline(c) == expected(c) != c for c in refused)


NASTY = [
    "[bold]",
    "[/]",
    "[/bold]",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "|",
    "\\|",
    "`",
    "```",
    "~~~",
    "*",
    "**",
    "_",
    "__",
    "# ",
    "## ",
    "> ",
    "1. ",
    "1) ",
    "- ",
    "+ ",
    "---",
    "===",
    "&amp;",
    "&#10;",
    "&#0;",
    "&nbsp;",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "    ",
    "  ",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x85",
    "\u2028",
    "\xa0",
    "\ufeff",
    "\ud800",
    "\udfff",
    "[x](http://a)",
    "<http://a>",
    "![i](j)",
    "$x$",
    ":---:",
    "| --- |",
    "\\*",
    "&",
    "#",
]


texts = (
    st.lists(
        st.one_of(
            st.text(st.characters(blacklist_categories=())),
            st.sampled_from(NASTY),
            st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0|\\`*_#>-=<&;[]!+~.)1")),
        ),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(bool)
)


def _unsplit(text: str) -> str:
    """`text` without " / ", which would cut an action in two."""
    while " / " in text:
        text = text.replace(" / ", " \u2215 ")
    return text


def _note_session(folder: Path, text: str, *, everywhere: bool = False) -> Session:
    """A session on disk holding `text` as a note (and in every other field), read back."""
    w = Writer(folder)
    w.record("phase", index=1, running=True)
    w.note("questions", text, "question")
    if everywhere:
        safe = _unsplit(text)
        w.note("questions", text, "contract")
        w.note("questions", "x", author=text)
        w.note("questions", f"x{safe}x / {text} / x{safe}x", "action")
        w.note("questions", text, "learning", author=text)
        w.note("questions", f"4 x{text}", "evaluation")
        w.record("phase", index=2, running=True)
        w.record("speaker", name=CONSULTANTS[0])
        w.note("consultation", text, "suggestion", CONSULTANTS[0])
    w.advance(61)
    w.record("end")
    return w.done()


@functools.cache
def _rendered(text: str, everywhere: bool) -> Doc:
    with tempfile.TemporaryDirectory() as folder:
        return parse(render_minutes(_note_session(Path(folder), text, everywhere=everywhere)))


def _shape(everywhere: bool, blank: bool = False) -> tuple[int, int, int, int]:
    """The structure of the minutes of `_note_session` (a blank author is no participant)."""
    return _counts(_rendered(" " if blank else "x", everywhere))


def _counts(doc: Doc) -> tuple[int, int, int, int]:
    return (
        doc.count("heading_open"),
        doc.count("tr_open"),
        doc.count("bullet_list_open") + doc.count("ordered_list_open"),
        doc.count("paragraph_open"),
    )


def _occurrences(doc: Doc, text: str) -> int:
    return sum(1 for t in doc.inlines if t == text)


SENTINEL = "\u27e6sentinel\u27e7"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
@example(text="[bold]rouge[/] <b>gras</b> | `code` *x* _y_")
@example(text="\n# Titre\n> cité\n1. un\n- deux\n\n| a | b |\n| --- | --- |\n")
@example(text="  \t espaces \t  ")
@example(text="\x00\ud800\udfff\x0b")
@example(text="\\")
def test_note_text_round_trips_through_store_render_and_parser(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = _note_session(Path(folder), text)
    assert session.notes[0].text == text  # the store keeps it exactly
    doc = parse(render_minutes(session))
    want = expected(text)
    base = _rendered(SENTINEL, False)  # the same minutes without this text
    assert _occurrences(doc, want) == _occurrences(base, want) + 1
    assert want in doc.section("2. Questions de clarification")
    assert _counts(doc) == _shape(False)
    assert "\n" not in escape_inline(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
@example(text="a | b")
@example(text="Anouk + *Zoé* / demain / 3")
@example(text=" \x0b ")
def test_user_text_everywhere_round_trips(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = _note_session(Path(folder), text, everywhere=True)
    doc = parse(render_minutes(session))
    want = expected(text)
    blank = not text.strip()
    assert _counts(doc) == _shape(True, blank)
    assert doc.section("Contrat") == [want]
    questions = doc.section("2. Questions de clarification")
    assert want in questions and f"x — {want}" in questions
    # What the session derives from the text shows exactly: the action's parts, the comment.
    (action,) = session.actions
    assert doc.table_after("Plan d'action")[1:] == [
        [expected(action.what), expected(" + ".join(action.people)), expected(action.due)]
    ]
    assert doc.section("Apprentissages") == [want, want]  # whose, then what
    (evaluation,) = session.evaluations
    assert doc.section("Évaluation") == [
        "Note moyenne : 4,0 / 5 (1 avis)",
        expected(evaluation.comment),
    ]
    assert doc.section("3. Consultation") == ["Tour 1", f"{CONSULTANTS[0]} — Suggestion : {want}"]
    if not blank:
        assert doc.table_after("Participants")[-1] == ["Participant", want]


def test_a_100k_character_note_round_trips(tmp_path: Path) -> None:
    rng = random.Random(20261129)
    pool = NASTY + list("abcdefghijklmnopqrstuvwxyzàéèçœ ÉÀ0123456789.,;:!?()'\"") * 4
    parts: list[str] = []
    size = 0
    while size < 100_000:
        part = rng.choice(pool)
        parts.append(part)
        size += len(part)
    text = "".join(parts)[:100_000]
    session = _note_session(tmp_path, text)
    assert session.notes[0].text == text
    doc = parse(render_minutes(session))
    assert _occurrences(doc, expected(text)) == 1
    assert _counts(doc) == _shape(False)
