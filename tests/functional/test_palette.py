"""The command palette speaks the interface's language, and lists each command once."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList

from tests.functional.conftest import settle

TEXTUAL_WORDS = ("Theme", "Quit", "Keys", "Screenshot", "Maximize", "Minimize", "palette")
"""Words of Textual's own commands, English only."""


def _entries(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The titles the open palette lists (the first line of each option)."""
    options = app.screen.query_one(OptionList)
    return [
        str(options.get_option_at_index(i).prompt).splitlines()[0].strip()
        for i in range(options.option_count)
    ]


async def test_the_palette_in_french_lists_each_command_once(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette)
        entries = _entries(app)
        assert len(entries) == len(set(entries)), entries
        assert "Choisir un thème" in entries and "Capture d'écran" in entries
        assert "Quitter (ctrl+q)" in entries and "Aide (f1)" in entries
        assert "Palette de commandes (ctrl+p)" in entries
        assert "Copier le texte sélectionné (ctrl+c)" in entries
        assert not [e for e in entries if e.split(" (")[0] in TEXTUAL_WORDS], entries
        assert not [e for e in entries if e.startswith(("Focus", "Copy"))], entries
        assert "Touches" not in entries  # F1 is this screen's help


async def test_the_palette_in_english(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        entries = _entries(app)
        assert len(entries) == len(set(entries)), entries
        assert "Pick a theme" in entries and "Screenshot" in entries
        assert "Quit (ctrl+q)" in entries and "Quit" not in entries and "Keys" not in entries
