"""Choosing the subject on screen: the candidates and their votes, the leader, F4 and
`/choix`, the facilitator's override said calmly, and the choice kept on disk."""

from __future__ import annotations

from pathlib import Path

from codev_tui.core.choosing import with_choosing
from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session
from tests.functional.conftest import (
    FakeTime,
    events_of,
    go_to_phase,
    note_input,
    screen_of,
    settle,
    shown,
    strip,
    tick,
    write_note,
)

CONSULTATION = 3
"""The round of the table, after the choosing phase, the exposé and the contract."""


def choosing_session(folder: Path, script: PhaseScript, fake_time: FakeTime) -> Path:
    """A new session that starts by choosing the subject: consultants, no client yet."""
    roster = Roster(facilitator="Fanny", consultants=["Ana", "Ben", "Cleo"])
    file = SessionFile.create(folder, with_choosing(script), roster, now=fake_time.wall)
    file.close()
    return file.path


def status(app) -> str:  # type: ignore[no-untyped-def]
    return strip(app, "#status")


async def test_candidates_votes_and_the_leader_chosen_with_f4(  # type: ignore[no-untyped-def]
    make_app, fake_time, short_script, tmp_path
) -> None:
    path = choosing_session(tmp_path / "sessions", short_script, fake_time)
    app = make_app(path=path)
    async with app.run_test(size=(100, 34)) as pilot:
        assert "aucun pour l'instant" in strip(app, "#candidates")
        await write_note(app, pilot, "@Ana Conflit avec mon N+1")
        await write_note(app, pilot, "@Ben Réorganisation")
        await write_note(app, pilot, "/v @Ana 3")
        await write_note(app, pilot, "/v @Ben 1")
        lines = strip(app, "#candidates").splitlines()
        assert lines[1:] == [
            "★ Ana · 3 voix — Conflit avec mon N+1",
            "  Ben · 1 voix — Réorganisation",
        ]
        await pilot.press("f4")
        await settle(app, pilot)
        assert status(app).endswith("Sujet choisi : Ana — Conflit avec mon N+1")
        assert strip(app, "#candidates").splitlines()[-1] == "Choisi : Ana — Conflit avec mon N+1"
        await tick(app, pilot)
        assert "Ana — Conflit avec mon N+1" in strip(app, "#topbar")
        # The round of the table goes without the client.
        await go_to_phase(app, pilot, CONSULTATION)
        assert not shown(app, "#candidates")
        await pilot.press("f6", "f6")
        assert app.control.session.speaker == "Cleo"
        await settle(app, pilot)
    again = read_session(path)
    assert (again.roster.client, again.roster.consultants) == ("Ana", ["Ben", "Cleo"])


async def test_the_facilitator_overrides_the_vote_calmly(  # type: ignore[no-untyped-def]
    make_app, fake_time, short_script, tmp_path
) -> None:
    path = choosing_session(tmp_path / "sessions", short_script, fake_time)
    app = make_app(path=path)
    async with app.run_test(size=(100, 34)) as pilot:
        for line in ("@Ana Conflit", "@Ben Réorganisation", "/v @Ana 3", "/v @Ben 1"):
            await write_note(app, pilot, line)
        await write_note(app, pilot, "/choix @Ben")
        assert status(app).endswith(
            "Sujet choisi : Ben — Réorganisation · Choix du facilitateur : le vote plaçait Ana en "
            "tête ; il éclaire sans décider seul."
        )
        assert "(choix du facilitateur)" in strip(app, "#candidates")
        assert note_input(app).value == ""
        await settle(app, pilot)
    (chosen,) = events_of(path, "chosen")
    assert (chosen["client"], chosen["overridden"]) == ("Ben", True)


async def test_nobody_known_or_a_tie_is_said_and_nothing_saved(  # type: ignore[no-untyped-def]
    make_app, fake_time, short_script, tmp_path
) -> None:
    path = choosing_session(tmp_path / "sessions", short_script, fake_time)
    app = make_app(path=path)
    async with app.run_test(size=(100, 34)) as pilot:
        for line in ("@Ana Conflit", "@Ben Réorganisation", "/v @Ana 2", "/v @Ben 2"):
            await write_note(app, pilot, line)
        assert "Candidats (égalité)" in strip(app, "#candidates")
        await write_note(app, pilot, "/choix @Zoé")
        assert "Zoé n'est ni candidat ni dans le groupe : rien n'est choisi" in status(app)
        assert note_input(app).value == "/choix @Zoé"  # kept, to be corrected
        note_input(app).value = ""
        await pilot.press("f4")
        await pilot.pause()
        assert "Égalité entre Ana, Ben" in status(app)
        assert app.control.session.roster.client == ""
        await settle(app, pilot)
    assert events_of(path, "chosen") == []
    assert len(events_of(path, "note")) == 4


async def test_resuming_keeps_the_choice(  # type: ignore[no-untyped-def]
    make_app, fake_time, short_script, tmp_path
) -> None:
    path = choosing_session(tmp_path / "sessions", short_script, fake_time)
    first = make_app(path=path)
    async with first.run_test(size=(100, 34)) as pilot:
        await write_note(first, pilot, "@Cleo Mon équipe")
        await write_note(first, pilot, "/choix @Cleo")
        await settle(first, pilot)
    first.file.close()
    app = make_app(path=path)
    async with app.run_test(size=(100, 34)) as pilot:
        assert strip(app, "#candidates").splitlines()[-1] == "Choisi : Cleo — Mon équipe"
        assert app.control.session.roster.consultants == ["Ana", "Ben"]
        await tick(app, pilot)
        assert "Cleo — Mon équipe" in strip(app, "#topbar")


async def test_f4_chooses_only_in_the_subject_phase(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        screen = screen_of(app)
        assert screen.check_action("choose_leader", ()) is False
        assert not shown(app, "#candidates")
        await pilot.press("f4")
        await settle(app, pilot)
    assert events_of(app.file.path, "chosen") == []


async def test_a_correction_cannot_make_a_stranger_a_candidate(
    tmp_path, short_script, fake_time
) -> None:  # type: ignore[no-untyped-def]
    from codev_tui.ui.app import CodevApp

    path = choosing_session(tmp_path, short_script, fake_time)
    file = SessionFile.open(path, now=fake_time.wall)
    app = CodevApp(file, clock=fake_time.monotonic, wall=fake_time.wall, retry_every=0.05)
    async with app.run_test(size=(100, 32)) as pilot:
        await write_note(app, pilot, "@Ana Un client difficile")
        await settle(app, pilot)
        await pilot.press("up", "enter", "ctrl+u", *"@Marc Un client difficile", "enter")
        await settle(app, pilot)
        assert "Marc n'est pas dans la séance" in status(app)
        assert note_input(app).value == "@Marc Un client difficile"  # the line stays
        assert note_input(app).cursor_position == len("@Marc Un client difficile")
    assert [(n.author, n.text) for n in read_session(path).notes] == [
        ("Ana", "Un client difficile")
    ]
