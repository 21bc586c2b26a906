"""The agreed contract, pinned from the contract phase on."""

from __future__ import annotations

from rich.text import Text

from codev_tui.ui.text import literal
from codev_tui.ui.widgets.line_strip import LineStrip
from codev_tui.words import Texts


def contract_line(contract: str, t: Texts) -> Text:
    """`Contract: …`, or that there is none yet."""
    line = Text(f"{t('contract')}{t('colon')}", style="bold")
    line.append_text(literal(contract) if contract else Text(t("no_contract"), style="italic"))
    return line


class ContractStrip(LineStrip):
    """The contract (state `""`: none agreed yet), from the contract phase on (before it, the
    state is None: hidden)."""

    def line(self, state: str) -> Text:
        """The contract's line."""
        return contract_line(state, self.t)
