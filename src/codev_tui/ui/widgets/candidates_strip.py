"""Choosing the subject: the candidates, their subject and votes, the leader, the choice."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from codev_tui.ui.text import literal
from codev_tui.ui.widgets.line_strip import LineStrip
from codev_tui.words import Texts, Words


class Candidacy(NamedTuple):
    """One candidate as the strip shows them."""

    name: str
    subject: str
    votes: int | None
    """The latest count of votes typed; None before any."""
    leads: bool
    """Among those with the most votes (several: a tie)."""


class CandidatesState(NamedTuple):
    """The phase choosing the subject: who proposed what, the votes, and the choice made."""

    candidates: tuple[Candidacy, ...]
    client: str = ""
    """Whose subject was chosen ("" before the choice)."""
    topic: str = ""
    overridden: bool = False


def candidates_text(state: CandidatesState, t: Texts) -> Text:
    """`Candidates (a tie):` then `★ Ana · 3 votes — subject`, one line each; then the choice."""
    w = Words("choosing", t.lang)
    leads = [c for c in state.candidates if c.leads]
    head = w("candidates")
    if len(leads) > 1:
        head += f" ({w('tied')})"
    text = Text(f"{head}{t('colon')}", style="bold")
    if not state.candidates:
        text.append(w("no_candidate"), style="italic")
    for c in state.candidates:
        text.append("\n")
        text.append("★ " if c.leads else "  ", style="bold")
        text.append_text(literal(c.name, "bold reverse" if c.leads else "bold"))
        votes = w("no_vote") if c.votes is None else w.count("n_votes", c.votes)
        text.append(f" · {votes} — ")
        text.append_text(literal(c.subject) if c.subject else Text(w("no_subject")))
    if state.client:
        text.append(f"\n{w('chosen_label')}{t('colon')}", style="bold")
        text.append_text(literal(state.client, "bold"))
        if state.topic:
            text.append(" — ")
            text.append_text(literal(state.topic))
        if state.overridden:
            text.append(f" ({w('by_facilitator')})", style="italic")
    return text


class CandidatesStrip(LineStrip):
    """The candidates, in the phase choosing the subject (state None elsewhere: hidden)."""

    DEFAULT_CSS = """
    CandidatesStrip { height: auto; max-height: 7; padding: 0 1; border-top: solid $accent; }
    FacilitationScreen.-short CandidatesStrip { max-height: 2; border-top: none; }
    """

    def line(self, state: CandidatesState) -> Text:
        """The candidates, one line each."""
        return candidates_text(state, self.t)
