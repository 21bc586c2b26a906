"""Practice mode in the domain: prompts one at a time, compressed time, and the journal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from markdown_it import MarkdownIt

from codev_tui import locations
from codev_tui.core.control import SessionControl
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.script import load_script
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session


class Clocks:
    def __init__(self) -> None:
        self.t = 0.0

    def mono(self) -> float:
        return self.t

    def wall(self) -> datetime:
        return datetime(2026, 11, 30, 9, 0, tzinfo=UTC) + timedelta(seconds=self.t)


def test_a_full_rehearsal_at_speed_10_gives_a_journal(tmp_path: Path) -> None:
    script = load_script(locations.bundled_scripts()["classic"])
    clocks = Clocks()
    file = SessionFile.create(
        tmp_path,
        script,
        Roster(topic="practice"),
        practice=True,
        practice_role="client",
        speed=10,
        now=clocks.wall,
    )
    control = SessionControl(file, file.write, clocks.mono, clocks.wall)
    control.toggle_timer()
    answered: list[tuple[str, str]] = []
    skipped: list[str] = []
    for index, phase in enumerate(script.phases):
        if index:
            assert control.go_to(index)
        # The countdown is the phase compressed ten times.
        assert control.countdown.remaining() == phase.seconds / 10
        prompts = phase.prompts.for_role("client")
        for n, (_role, prompt) in enumerate(prompts):
            assert control.current_prompt() == ("client", prompt)
            if n == 1:
                assert control.skip_prompt()
                skipped.append(prompt)
            else:
                control.capture(f"réponse {index}.{n}")
                answered.append((prompt, f"réponse {index}.{n}"))
        assert control.current_prompt() is None
        clocks.t += phase.seconds / 10 + 6  # a little over the compressed plan
        assert control.real_equivalent() == phase.seconds + 60
    control.end()
    file.close()

    session = read_session(file.path)
    assert session.practice and session.speed == 10
    assert [(n.prompt, n.text) for n in session.notes] == answered
    assert [p for _, p in session.skipped] == skipped

    journal = render_minutes(session)
    tokens = MarkdownIt("commonmark").enable("table").parse(journal)
    texts = [
        "".join(c.content for c in t.children or [] if c.type == "text")
        for t in tokens
        if t.type == "inline"
    ]
    for prompt, answer in answered:
        assert prompt in texts
        assert answer in texts
    assert "Pistes passées" in journal
    # Each phase took 60 s more than planned in real-session time.
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == len(script.phases) + 1
    assert journal.count("+01:00") == len(script.phases)
