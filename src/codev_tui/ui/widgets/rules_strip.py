"""The group's rules, under the top bar for the whole session."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from codev_tui.ui.text import literal
from codev_tui.words import Texts


def rules_line(rules: tuple[str, ...], t: Texts) -> Text:
    """`Rules: a · b · c`."""
    line = Text(f"{t('rules')}{t('colon')}", style="bold")
    line.append_text(literal(" · ".join(rules)))
    return line


class RulesStrip(Static):
    """The script's rules, by name."""

    rules: reactive[tuple[str, ...]] = reactive((), repaint=False)

    def __init__(self, texts: Texts, rules: tuple[str, ...], *, id: str | None = None) -> None:  # noqa: A002
        self.t = texts
        super().__init__(rules_line(rules, texts), id=id)
        self.set_reactive(RulesStrip.rules, rules)

    def watch_rules(self, rules: tuple[str, ...]) -> None:
        """Other rules (another script)."""
        self.update(rules_line(rules, self.t))
