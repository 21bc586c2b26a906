"""SessionControl without a screen: the round of the table, the timer and its one-minute
steps, the bell, the projected end, and practice prompts; on fake clocks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session
from tests.conftest import START, FakeMonotonic, FakeWallClock
from tests.unit.desk import CONSULTATION, CONTRACT, EXPOSE, SYNTHESIS, Desk

# -- the round of the table -------------------------------------------------------------------


def test_the_round_of_the_table(desk: Desk) -> None:
    c, s = desk.control, desk.session
    c.go_to(CONSULTATION)
    assert s.running  # counting starts at once in a new phase
    assert c.next_speaker() == "Bruno"
    c.capture("Et si tu déléguais ?")  # Bruno has the floor: his
    c.capture("@Driss Un témoignage")
    c.capture("/p1 @Ana un fait oublié")  # for another phase: the speaker is no author
    c.capture("/p1 un autre")
    assert desk.notes("author", "text") == [
        ("Bruno", "Et si tu déléguais ?"),
        ("Driss", "Un témoignage"),
        ("Ana", "un fait oublié"),
        ("", "un autre"),
    ]
    desk.later(60)
    assert c.next_speaker() == "Chloé"
    desk.later(30)
    assert c.pass_turn() == "Driss"  # Chloé passes: the floor goes to Driss
    assert s.passes == ["Chloé"] and s.passed_this_round("Chloé")
    desk.later(45)
    c.toggle_timer()  # paused: Driss's time stops too
    desk.later(100)
    c.toggle_timer()
    desk.later(15)
    assert c.next_speaker() == "Bruno"  # after the last consultant: round 2
    assert s.round_number == 2
    assert not s.passed_this_round("Chloé")  # a pass counts in its own round
    assert s.talk == {"Bruno": 60.0, "Chloé": 30.0, "Driss": 60.0}
    on_disk = read_session(desk.path)
    assert on_disk.talk == {"Bruno": 60.0, "Chloé": 30.0, "Driss": 60.0}
    assert on_disk.passes == ["Chloé"]
    assert [(t.round, t.name) for t in on_disk.turns] == [
        (1, "Bruno"),
        (1, "Chloé"),
        (1, "Driss"),
        (2, "Bruno"),
    ]


def test_the_round_keys_do_nothing_outside_a_round_phase(desk: Desk) -> None:
    c = desk.control
    for index in (EXPOSE, CONTRACT, SYNTHESIS):
        c.go_to(index)
        assert c.next_speaker() == "" and c.pass_turn() == ""
    assert desk.session.speaker == ""
    assert desk.on_disk("speaker") == []


def test_a_pass_before_anyone_has_the_floor_gives_it_to_the_first(desk: Desk) -> None:
    desk.control.go_to(CONSULTATION)
    assert desk.control.pass_turn() == "Bruno"
    assert desk.session.passes == []


def test_a_round_without_consultants_has_no_floor(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    file = SessionFile.create(tmp_path, short_script, Roster(topic="seul"), now=wall)
    desk = Desk(file, wall, FakeMonotonic())
    desk.control.go_to(CONSULTATION)
    assert desk.control.next_speaker() == ""
    assert desk.on_disk("speaker") == []


# -- the timer ----------------------------------------------------------------------------------


def test_f5_starts_pauses_and_resumes(desk: Desk) -> None:
    c = desk.control
    assert not desk.session.running and c.countdown.remaining() == 600
    assert c.toggle_timer() is True
    desk.later(90)
    assert c.toggle_timer() is False
    desk.later(600)  # paused: the time does not move
    assert c.countdown.remaining() == 510
    assert c.toggle_timer() is True
    assert [e["type"] for e in desk.on_disk("pause") + desk.on_disk("resume")] == [
        "pause",
        "resume",
        "resume",
    ]
    assert read_session(desk.path).elapsed(EXPOSE, desk.wall()) == 90


def test_adjust_moves_the_time_by_exactly_a_minute(desk: Desk) -> None:
    c = desk.control
    before = c.countdown.remaining()
    c.adjust(1)
    assert c.countdown.remaining() - before == 60
    c.adjust(-1)
    c.adjust(-1)
    assert before - c.countdown.remaining() == 60
    c.adjust(0)  # nothing to record
    assert [e["seconds"] for e in desk.on_disk("adjust")] == [60, -60, -60]
    assert read_session(desk.path).planned(EXPOSE) == 540


def test_a_phase_is_never_planned_below_zero(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(7)
    for _ in range(15):  # a 10-minute phase: ten minutes can go, not fifteen
        c.adjust(-1)
    assert c.countdown.remaining() == -7
    assert desk.session.planned(EXPOSE) == 0
    c.adjust(1)
    assert c.countdown.remaining() == 53
    assert sum(e["seconds"] for e in desk.on_disk("adjust")) == -540  # type: ignore[misc]


def test_the_bell_rings_once_per_time_out(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(599)
    assert not c.time_out()
    desk.later(1)
    assert c.time_out()
    for _ in range(5):
        desk.later(1)
        assert not c.time_out()
    c.adjust(1)  # time is left again: when it runs out again, one more ring
    assert not c.time_out()
    desk.later(60)
    assert c.time_out()


def test_a_paused_phase_never_rings(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(700)
    c.toggle_timer()
    assert not c.time_out()


def test_go_to_enters_a_phase_of_the_script(desk: Desk) -> None:
    c = desk.control
    assert not c.go_to(-1) and not c.go_to(5) and not c.go_to(EXPOSE)
    assert c.go_to(CONTRACT)
    assert desk.session.running and c.countdown.running
    assert c.countdown.remaining() == 300
    desk.later(400)
    assert c.go_to(EXPOSE)  # back: the first phase keeps the time it had
    assert c.countdown.remaining() == 600
    assert [e["index"] for e in desk.on_disk("phase")] == [CONTRACT, EXPOSE]


def test_end_then_reopen(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(60)
    c.end()
    c.end()  # once
    assert desk.session.ended == desk.wall() and not c.countdown.running
    assert c.toggle_timer() is False  # an ended session has no timer
    c.reopen()
    assert desk.session.ended is None and c.countdown.running
    desk.later(60)
    assert c.countdown.remaining() == 480
    assert len(desk.on_disk("end")) == 1


def test_the_header_projects_the_end_and_the_drift(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    assert c.planned_end() == START + timedelta(minutes=40)
    desk.later(60)
    c.toggle_timer()
    desk.later(600)  # paused ten minutes: ten minutes late
    # At 09:11, nine minutes left of the exposé and thirty planned after it.
    assert c.projected_end() == START + timedelta(minutes=50)
    assert c.drift_minutes() == 10


# -- practice -----------------------------------------------------------------------------------


CLIENT_PROMPTS = [
    ["Quelle est la situation ?", "Qu’est-ce qui est en jeu ?"],
    ["Qu’attendez-vous du groupe ?"],
    ["Quelle piste faire préciser ?"],
    ["Que retenez-vous ?", "Quelle première action ?"],
    ["Qu’est-ce qui vous a aidé ?"],
]


def test_practice_prompts_one_at_a_time_answered_or_skipped(practice: Desk) -> None:
    c = practice.control
    assert c.current_prompt() == ("client", CLIENT_PROMPTS[0][0])
    assert c.countdown.planned == 60  # ten minutes at ten times the speed
    c.toggle_timer()
    c.capture("Une equipe de cinq, un conflit")
    assert c.current_prompt() == ("client", CLIENT_PROMPTS[0][1])
    assert c.skip_prompt()
    assert c.current_prompt() is None
    assert not c.skip_prompt()  # nothing left to skip
    c.capture("une note libre")
    practice.later(30)
    assert c.countdown.remaining() == 30
    assert c.real_equivalent() == 300
    s = read_session(practice.path)
    assert [(n.prompt, n.text) for n in s.notes] == [
        (CLIENT_PROMPTS[0][0], "Une equipe de cinq, un conflit"),
        ("", "une note libre"),
    ]
    assert s.skipped == [("expose", CLIENT_PROMPTS[0][1])]


def test_practice_rehearses_the_whole_script(practice: Desk) -> None:
    c = practice.control
    c.toggle_timer()
    phases = practice.session.script.phases
    for index, prompts in enumerate(CLIENT_PROMPTS):
        assert c.countdown.planned == phases[index].seconds / 10
        assert c.current_prompt() == ("client", prompts[0])
        c.capture(f"reponse {index + 1}")
        if len(prompts) > 1:
            c.skip_prompt()
        assert c.current_prompt() is None
        practice.later(60)
        assert c.countdown.remaining() == phases[index].seconds / 10 - 60
        if not c.go_to(index + 1):
            c.end()
    s = read_session(practice.path)
    assert s.practice and s.speed == 10 and s.practice_role == "client"
    assert [(n.phase, n.prompt, n.text) for n in s.notes] == [
        (phase.id, prompts[0], f"reponse {i + 1}")
        for i, (phase, prompts) in enumerate(zip(phases, CLIENT_PROMPTS, strict=True))
    ]
    assert s.skipped == [
        (phase.id, prompts[1])
        for phase, prompts in zip(phases, CLIENT_PROMPTS, strict=True)
        if len(prompts) > 1
    ]
    assert s.ended is not None
    assert [round(s.elapsed(i)) for i in range(len(phases))] == [60] * len(phases)


@pytest.mark.parametrize(
    ("role", "first"),
    [
        ("consultant", ("consultants", "Notez vos questions.")),
        ("facilitator", ("facilitator", "Annoncez les deux dernières minutes.")),
    ],
)
def test_practice_prompts_follow_the_rehearsed_role(
    tmp_path: Path,
    short_script: PhaseScript,
    wall: FakeWallClock,
    role: str,
    first: tuple[str, str],
) -> None:
    file = SessionFile.create(
        tmp_path, short_script, Roster(), practice=True, practice_role=role, now=wall
    )
    c = Desk(file, wall, FakeMonotonic()).control
    assert c.prompts() == [first]
    c.skip_prompt()
    assert file.session.skipped == [("expose", first[1])]


def test_a_real_session_saves_notes_without_prompts(desk: Desk) -> None:
    desk.control.capture("une note")
    assert desk.notes("prompt") == [("",)]
    assert desk.control.scale == 1.0
