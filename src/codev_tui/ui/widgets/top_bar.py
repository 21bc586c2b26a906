"""The top bar: the script, phase n/N, the time of day, the planned and projected end."""

from __future__ import annotations

from typing import NamedTuple

from textual.reactive import reactive
from textual.widgets import Static

from codev_tui.ui.text import literal
from codev_tui.words import Texts


class TopBarState(NamedTuple):
    """Where the session is and when it should end; times of day are shown as `HH:MM`."""

    script: str
    phase: int
    """The current phase, counted from 1."""
    phases: int
    now: str
    planned_end: str
    projected_end: str
    drift: int
    """Minutes behind (positive) or ahead (negative) of the plan."""
    speed: float | None
    """A rehearsal's speed (a rehearsal always says so); None in a real session."""
    width: int
    """The cells the line may take: the longest version that fits is shown."""
    subject: str = ""
    """Whose subject and which, once chosen in the session (`Ana — Conflit…`)."""


def top_bar_line(state: TopBarState, t: Texts) -> str:
    """The longest version of the line that fits `state.width` (else the shortest)."""
    s = state
    if s.drift > 0:
        ahead = f"+{s.drift} min {t('behind')}"
    elif s.drift < 0:
        ahead = f"{-s.drift} min {t('ahead')}"
    else:
        ahead = t("on_time")
    rehearsal = s.speed is not None
    practice = f"{t('practice')} ×{s.speed:g} · " if rehearsal else ""
    phase = f"{t('phase')} {s.phase}/{s.phases}"
    ends = (
        f"{s.now} · {t('planned_end')} {s.planned_end}"
        f" · {t('projected_end')} {s.projected_end} ({ahead})"
    )
    short = f"{s.now} · → {s.projected_end} ({ahead})"
    speed = f"×{s.speed:g} " if rehearsal else ""
    chosen = [f"{s.subject} · {phase} · {ends}", f"{s.subject} · {phase} · {short}"]
    candidates = [
        *(chosen if s.subject else ()),
        f"{practice}{s.script} · {phase} · {ends}",
        f"{practice}{phase} · {ends}",
        f"{practice}{phase} · {short}",
        f"{speed}{phase} · {short}",
        f"{speed}{s.phase}/{s.phases} {s.now}",
    ]
    return next((c for c in candidates if len(c) <= s.width), candidates[-1])


class TopBar(Static):
    """One line on top; repainted only when what it says changes (at most once a minute, or
    when the plan moves)."""

    state: reactive[TopBarState | None] = reactive(None, repaint=False)

    def __init__(self, texts: Texts, state: TopBarState, *, id: str | None = None) -> None:  # noqa: A002
        self.t = texts
        self._line = top_bar_line(state, texts)
        super().__init__(literal(self._line), id=id)
        self.set_reactive(TopBar.state, state)

    def watch_state(self, state: TopBarState | None) -> None:
        """The line again, painted only when it changed (its size never changes)."""
        if state is None:
            return
        line = top_bar_line(state, self.t)
        if line != self._line:
            self._line = line
            self.update(literal(line), layout=False)
