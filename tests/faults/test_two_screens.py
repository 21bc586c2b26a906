"""Two terminals on one session, as in a room: the console (`codev run`) and the room's view
(`codev view`, twice, at 80x24 and 160x45), through a real terminal each. The views follow the
console within 2 s from the first phase to the end, and never show a note."""

from __future__ import annotations

import sys
import time

from tests.tmux import Tmux, needs_tmux

pytestmark = needs_tmux

CODEV = [sys.executable, "-m", "codev_tui"]
VIEWS = ("small", "large")


def both(tmux: Tmux, text: str, timeout: float = 10.0) -> None:
    """Both views show `text` within `timeout` seconds (how fast: measured once, below)."""
    for name in VIEWS:
        tmux.wait_for(lambda s: text in s, timeout=timeout, name=name)


def test_two_views_follow_a_whole_session_and_never_show_a_note(tmux: Tmux) -> None:
    tmux.start_console()
    tmux.typed("SECRET-NOTE-1 une note privée")

    tmux.start([*CODEV, "view"], name="small", size=(80, 24))
    tmux.start([*CODEV, "view"], name="large", size=(160, 45))
    both(tmux, "Phase 1/6 · Exposé", timeout=20)

    started = time.monotonic()
    tmux.send("PageDown", to="console")
    both(tmux, "Phase 2/6 · Questions de clarification")
    # The view looks twice a second: within a second of the ✓ on a quiet machine (0.1–0.6 s
    # measured); 2 s here, as the acceptance check, for a CI machine running the suite beside.
    assert time.monotonic() - started < 2.0

    tmux.send("PageDown", to="console")
    both(tmux, "Phase 3/6")
    tmux.send("-l", "Trouver trois pistes [bold]", to="console")  # the contract phase's note
    tmux.send("Enter", to="console")
    both(tmux, "Trouver trois pistes [bold]")

    tmux.send("PageDown", to="console")
    both(tmux, "Phase 4/6 · Consultation")
    tmux.send("F6", to="console")  # Bruno has the floor
    both(tmux, "▶ Bruno")
    tmux.send("-l", "SECRET-NOTE-2 une suggestion", to="console")
    tmux.send("Enter", to="console")
    tmux.wait_for(lambda s: "SECRET-NOTE-2" in s, name="console")

    tmux.send("F5", to="console")
    both(tmux, "EN PAUSE")
    tmux.send("F5", to="console")
    for _ in range(2):
        tmux.send("PageDown", to="console")
    both(tmux, "Phase 6/6")
    tmux.send("F10", to="console")
    both(tmux, "Fin de la séance")
    both(tmux, "Prévu 1:35:00 · réel")

    for name in VIEWS:
        assert "SECRET-NOTE" not in tmux.screen(name)
    tmux.send("C-q", to="small")
    tmux.wait_for(lambda s: "Fin de la séance" not in s, name="small")
