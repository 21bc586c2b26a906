"""Block letters: the font, `block_lines` (as large as fits, the plain fallback), the round's
order line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult

from codev_tui.ui.widgets.bigtext import _BOX, FONT, block_lines, glyph
from codev_tui.ui.widgets.floor_banner import order_line
from codev_tui.ui.widgets.round_strip import RoundState, Seat
from codev_tui.words import Texts

LISTED = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ'’,.-:;!?/()&+· "
ACCENTED = "ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ"
INK = set("▀▄█")


def test_every_listed_character_has_its_own_glyph() -> None:
    for char in LISTED:
        accent, bitmap = glyph(char)
        assert len(bitmap) == 5, char
        assert 1 <= len(bitmap[0]) <= 5, char
        assert all(len(row) == len(bitmap[0]) for row in bitmap), char
        assert len(accent) == len(bitmap[0]), char
        if char != " ":
            assert bitmap != _BOX, char
            assert any("#" in row for row in bitmap), char
    for char in ACCENTED:
        accent, bitmap = glyph(char)
        assert "#" in accent, char  # the accent on the row above
        assert glyph(char) != glyph("AEIOUY"["AEIOUY".index(_base(char))]), char


def _base(char: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", char)[0]


def test_lowercase_is_upper_case_and_unknown_characters_fall_back() -> None:
    assert block_lines("essai", 80, 10) == block_lines("ESSAI", 80, 10)
    assert glyph("Á")[1] == FONT["A"] and "#" in glyph("Á")[0]  # base letter, accent above
    assert glyph("😀") == ("    ", _BOX)
    assert glyph("\x1b") == ("    ", _BOX)


def test_the_scale_grows_with_the_space() -> None:
    small = block_lines("Exposé", 80, 3)
    large = block_lines("Exposé", 160, 30)
    assert len(small) == 3 and set("".join(small)) <= INK | {" "}  # half blocks, 1 col a pixel
    assert len(large) > len(small)
    assert max(map(len, large)) > 2 * max(map(len, small))
    assert max(map(len, large)) <= 160 and len(large) <= 30


def test_a_line_of_six_pixels_takes_three_rows_at_scale_one() -> None:
    assert len(block_lines("É", 4, 3)) == 3
    assert len(block_lines("É", 3, 3)) == 3


def test_words_wrap_and_rows_of_a_line_are_equally_wide() -> None:
    lines = block_lines("Demande et contrat de consultation", 78, 7)
    assert len(lines) == 6
    assert len({len(line) for line in lines}) == 1
    assert all(len(line) <= 78 for line in lines)


def test_too_small_falls_back_to_plain_text_cut_with_an_ellipsis() -> None:
    assert block_lines("Apprentissages, régulation et évaluation", 78, 6) == [
        "APPRENTISSAGES, RÉGULATION ET ÉVALUATION"
    ]
    assert block_lines("Apprentissages, régulation et évaluation", 20, 2) == [
        "APPRENTISSAGES,",
        "RÉGULATION ET…",
    ]
    assert block_lines("abc", 2, 1) == ["A…"]


def test_empty_text_and_no_room_draw_nothing() -> None:
    assert block_lines("", 80, 24) == []
    assert block_lines("   \n", 80, 24) == []
    assert block_lines("abc", 0, 24) == []
    assert block_lines("abc", 80, 0) == []


def test_a_word_longer_than_the_width_is_split() -> None:
    lines = block_lines("A" * 40, 40, 40)
    assert lines and all(len(line) <= 40 for line in lines)
    assert set("".join(lines)) <= INK | {" "}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.integers(-2, 200), st.integers(-2, 60))
def test_block_lines_never_raises_and_stays_in_its_box(text: str, width: int, rows: int) -> None:
    lines = block_lines(text, width, rows)
    assert len(lines) <= max(0, rows)
    assert all(cell_len(line) <= max(0, width) for line in lines)
    assert not any(ch in line for line in lines for ch in "\x1b\x07\n\r")


class _One(App[None]):
    def __init__(self, widget: object) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget  # type: ignore[misc]


def _text(app: App[None]) -> str:
    return "\n".join(s.text for s in app.screen._compositor.render_strips())  # noqa: SLF001


def test_markup_is_drawn_as_the_characters_it_is_made_of() -> None:
    assert block_lines("[bold]x", 60, 6) == block_lines("[BOLD]X", 60, 6)
    assert glyph("[")[1] != _BOX and glyph("/")[1] != _BOX


def _round(floor: int, passed: int = -1, heard: tuple[int, ...] = ()) -> RoundState:
    names = ("Bruno", "Chloé", "[b]Driss")
    seats = tuple(
        Seat(n, i == floor, i == passed, 0.0, i in heard or i == passed)
        for i, n in enumerate(names)
    )
    return RoundState(1, seats, 80)


def test_order_line_says_who_spoke_who_speaks_who_is_to_come() -> None:
    t = Texts("fr")
    line = order_line(_round(1, passed=0), t, 80).plain
    assert line == "Tour de table : ✓ Bruno (passe) · ▶ Chloé a la parole · à venir : [b]Driss"
    nobody = order_line(_round(-1), t, 80).plain
    assert nobody == "Tour de table : à venir : Bruno · Chloé · [b]Driss"
    english = order_line(_round(2, heard=(0, 1)), Texts("en"), 80).plain
    assert "✓ Bruno · ✓ Chloé · ▶ [b]Driss has the floor" in english
    # Out of order (the floor given to Driss first): Bruno and Chloé are still to come.
    first = order_line(_round(2), Texts("en"), 80).plain
    assert first.endswith("▶ [b]Driss has the floor") and "✓" not in first


def test_a_line_that_fits_is_never_cut_and_a_cut_line_counts_only_those_after() -> None:
    t = Texts("fr")
    state = _round(2, passed=1, heard=(0,))
    whole = order_line(state, t, 200).plain
    assert order_line(state, t, len(whole)).plain == whole  # fits exactly: nobody counted
    cut = order_line(state, t, 40).plain
    assert cut.startswith("Tour de table : … ▶ [b]Driss") and "+" not in cut


def test_an_accented_i_drops_its_top_serif_so_that_i_diaeresis_never_reads_y() -> None:
    accent, bitmap = glyph("Ï")
    assert accent == "# #" and bitmap[0] == "   " and bitmap[1] == " # "
    assert block_lines("Ï", 10, 3)[0] == "▀ ▀"
