"""What the widgets of a running session show, read from its control: the facilitation screen
and its projector view build their widgets' states here (and a read-only room view can)."""

from __future__ import annotations

from collections.abc import Callable

from codev_tui.core.choosing import SUBJECT, tally
from codev_tui.core.control import SessionControl
from codev_tui.core.room import contract_reached
from codev_tui.core.session import Session
from codev_tui.core.times import format_clock, local_clock
from codev_tui.ui.widgets.candidates_strip import Candidacy, CandidatesState
from codev_tui.ui.widgets.prompt_strip import PromptState
from codev_tui.ui.widgets.review_strip import ReviewLine, ReviewState
from codev_tui.ui.widgets.round_strip import round_state
from codev_tui.ui.widgets.status_line import SaveState
from codev_tui.ui.widgets.top_bar import TopBarState
from codev_tui.words import Texts, Words


def top_bar_state(control: SessionControl, width: int) -> TopBarState:
    """Where the session is, the time of day, the planned and projected end."""
    c, s = control, control.session
    return TopBarState(
        script=s.script.script.name,
        phase=s.current + 1,
        phases=len(s.script.phases),
        now=local_clock(c.wall()),
        planned_end=local_clock(c.planned_end()),
        projected_end=local_clock(c.projected_end()),
        drift=round(c.drift_minutes()),
        speed=s.speed if s.practice else None,
        width=width,
        subject=chosen_subject(s),
    )


def chosen_subject(session: Session) -> str:
    """`Ana — Conflit avec mon N+1` once the subject was chosen in the session; else ""."""
    if session.choice is None:
        return ""
    roster = session.roster
    return " — ".join(filter(None, (roster.client, roster.topic))).replace("\n", " ")


def clock_words(control: SessionControl, t: Texts) -> str:
    """The countdown's state in words (and, rehearsing, the real session's time)."""
    words = t(control.countdown.state().value)
    if control.session.practice:
        words += f" · {t('real')} {format_clock(control.real_equivalent())}"
    return words


def placeholder(session: Session, t: Texts) -> str:
    """What the empty notes input says the current phase captures."""
    return {
        "contract": t("contract_placeholder"),
        "action": t("action_placeholder"),
        "learning": t("learning_placeholder"),
        "status": t("retour.placeholder"),
        SUBJECT: t("choosing.placeholder"),
    }.get(session.phase.kind, t("note_placeholder"))


def review_state(session: Session, lang: str) -> ReviewState | None:
    """The previous plan's actions and what the retour said of each, in the retour phase."""
    if session.phase.kind != "status" or not session.review_items:
        return None
    w = Words("retour", lang)
    statuses = session.statuses
    lines = []
    for item in session.review_items:
        status = statuses.get(item.n)
        said = w(f"status.{status.status}") if status else w("no_status")
        lines.append(
            ReviewLine(
                item.n,
                item.what,
                item.who,
                w("by", due=item.due) if item.due else "",
                status.status if status else "",
                said,
                status.comment if status else "",
                w("carried") if item.n in session.carried else "",
            )
        )
    return ReviewState(w("heading"), tuple(lines))


def prompt_state(control: SessionControl, t: Texts) -> PromptState | None:
    """A rehearsal's prompt to answer now (empty once all are done); None in a real session."""
    s = control.session
    if not s.practice:
        return None
    current = control.current_prompt()
    if current is None:
        return PromptState()
    role, prompt = current
    return PromptState(s.script.role_name(role, t(role)), prompt)


def contract(session: Session) -> str | None:
    """The contract from the contract phase on (`""` while none is agreed); None before."""
    return session.contract if contract_reached(session) else None


def candidates(session: Session) -> CandidatesState | None:
    """The candidates, their votes and the choice, in a phase choosing the subject; else None."""
    if session.phase.kind != SUBJECT:
        return None
    votes = tally(session.notes)
    top = votes.top
    shown = tuple(Candidacy(c.name, c.subject, c.votes, c in top) for c in votes.candidates)
    choice = session.choice
    if choice is None:
        return CandidatesState(shown)
    return CandidatesState(shown, choice.client, choice.topic, choice.overridden)


def save_state(control: SessionControl) -> SaveState:
    """How the session is being kept: on its way to the disk, failing, or moved."""
    moved_to = control.file.path.name if control.file.replaced is not None else None
    return SaveState(control.unsaved, control.save_error, moved_to)


STRIP_STATES: dict[str, Callable[[SessionControl, Texts, int], object]] = {
    "review": lambda c, t, width: review_state(c.session, t.lang),
    "practice-prompt": lambda c, t, width: prompt_state(c, t),
    "candidates": lambda c, t, width: candidates(c.session),
    "contract": lambda c, t, width: contract(c.session),
    "round": lambda c, t, width: round_state(c, width),
}
"""What each strip under the phase shows now (None: hidden), from the control, the words and
the width a line has."""
