"""A rehearsal's guiding prompt: what to answer now, and for whom."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from codev_tui.ui.text import literal
from codev_tui.ui.widgets.line_strip import LineStrip
from codev_tui.words import Texts


class PromptState(NamedTuple):
    """The prompt to answer now; no prompt when the phase's prompts are all done."""

    role: str = ""
    """The role it is for, as the script names it."""
    prompt: str = ""


def prompt_line(state: PromptState, t: Texts) -> Text:
    """`For the client › …`, or that the phase's prompts are done."""
    if not state.prompt:
        return Text(t("practice_done"), style="italic")
    line = Text(f"{t('prompt_for', role=state.role)} › ", style="bold")
    line.append_text(literal(state.prompt, "bold"))
    return line


class PromptStrip(LineStrip):
    """The prompt of a rehearsal (state None in a real session: hidden)."""

    def line(self, state: PromptState) -> Text:
        """The prompt's line."""
        return prompt_line(state, self.t)
