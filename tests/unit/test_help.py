"""The help (F1) is written from the screens' bindings: a key changes in one place."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from codev_tui.ui.screens.help import bound_keys, help_text, key_name
from codev_tui.words import Texts


def keys_of_the_app() -> dict[str, str]:
    from codev_tui.ui.app import CodevApp
    from codev_tui.ui.screens.closing import ClosingScreen
    from codev_tui.ui.screens.facilitation import FacilitationScreen

    keys = bound_keys(FacilitationScreen.BINDINGS, CodevApp.BINDINGS, ClosingScreen.BINDINGS)
    keys["palette"] = CodevApp.COMMAND_PALETTE_BINDING
    return keys


def test_key_names() -> None:
    fr, en = Texts("fr"), Texts("en")
    assert [key_name(k, en) for k in ("f5", "ctrl+t", "pagedown", "space")] == [
        "F5",
        "Ctrl+T",
        "PageDown",
        "Space",
    ]
    assert key_name("pageup", fr) == "PagePréc"


def test_bound_keys_take_the_first_key_of_bindings_with_an_id() -> None:
    bindings = [Binding("f5,ctrl+s", "start", id="start"), Binding("escape", "escape")]
    assert bound_keys(bindings) == {"start": "f5"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_keys_of_the_help_are_the_bound_ones(lang: str) -> None:
    t = Texts(lang)
    text = help_text(keys_of_the_app(), t)
    first, timer, adjust = text.splitlines()[:3]
    assert first == f"{t('key_pagedown')} / {t('key_pageup')}{t('colon')}{t('h_phases')}"
    assert timer.startswith(f"F5{t('colon')}")
    assert adjust.startswith("F7 / F8")
    assert text.endswith(t("help_notes"))


def test_a_key_bound_elsewhere_is_written_where_it_is_bound() -> None:
    keys = keys_of_the_app() | {"timer": "f12"}
    assert help_text(keys, Texts("en")).splitlines()[1] == "F12: " + Texts("en")("h_timer")
