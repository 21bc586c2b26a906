"""The facilitator's private cues (core/cues.py), the script's `min_minutes`, and adjustments
of a later phase (the lateness cue's F7): on fake clocks, without a screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.core.cues import Cue, cues, disguised_notes, take_proposal
from codev_tui.core.script import PhaseScript, ScriptError, load_script, validate_script
from codev_tui.core.script_data import script_from_data, script_to_data
from codev_tui.core.store import SessionFile, read_session
from codev_tui.core.timing import session_timing
from tests.conftest import FakeMonotonic, FakeWallClock
from tests.unit.desk import ROSTER, Desk

EXPOSE, CLARIFICATION, CONTRACT, CONSULTATION, SYNTHESIS, LEARNINGS = range(6)

SIX: dict = {
    "script": {"name": "Six phases", "lang": "fr"},
    "phases": [
        {"id": "expose", "title": "Exposé", "minutes": 10, "min_minutes": 7},
        {"id": "clarification", "title": "Questions", "minutes": 15, "kind": "question"},
        {
            "id": "contrat",
            "title": "Contrat",
            "minutes": 10,
            "warning_minutes": 2,
            "kind": "contract",
        },
        {
            "id": "consultation",
            "title": "Consultation",
            "minutes": 30,
            "warning_minutes": 5,
            "kind": "suggestion",
            "round": True,
            "min_minutes": 20,
        },
        {"id": "synthese", "title": "Synthèse et plan d'action", "minutes": 15, "min_minutes": 8},
        {"id": "apprentissages", "title": "Apprentissages", "minutes": 15},
    ],
}
"""The method's six phases: the synthesis may give 7 minutes, the learnings 7.5 (no minimum
said: half of 15), the consultation 10."""


@pytest.fixture
def desk(tmp_path: Path, wall: FakeWallClock) -> Desk:
    file = SessionFile.create(tmp_path, validate_script(SIX, "six"), ROSTER, now=wall)
    return Desk(file, wall, FakeMonotonic())


def now_cues(desk: Desk, disguised: list[int] | None = None) -> list[Cue]:
    c = desk.control
    late = c.drift_minutes() * 60
    return cues(c.session, c.countdown.remaining(), c.countdown.warning, late, disguised)


def kinds(found: list[Cue]) -> list[str]:
    return [cue.kind for cue in found]


# -- the script's minimum -------------------------------------------------------------------------


def test_min_minutes_defaults_to_half_the_phase_and_goes_through_a_session_file() -> None:
    script = validate_script(SIX, "six")
    assert [p.min_seconds / 60 for p in script.phases] == [7, 7.5, 5, 20, 8, 7.5]
    again = script_from_data(script_to_data(script), "copy")
    assert [p.min_minutes for p in again.phases] == [7, None, None, 20, 8, None]
    assert "min_minutes" not in script_to_data(script)["phases"][1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_minimum_above_the_phase_names_the_file_the_line_and_the_field(
    tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "phases.toml"
    path.write_text(
        '[script]\nname = "x"\nlang = "fr"\n\n[[phases]]\nid = "a"\ntitle = "A"\nminutes = 10\n\n'
        '[[phases]]\nid = "b"\ntitle = "B"\nminutes = 5\nmin_minutes = 6\n',
        encoding="utf-8",
    )
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    (line,) = caught.value.lines(lang)
    assert line.startswith(f"{path}:14: phases[2].min_minutes")
    assert "5 min" in line


def test_a_negative_minimum_is_refused_like_any_number(tmp_path: Path) -> None:
    path = tmp_path / "phases.toml"
    path.write_text(
        '[script]\nname = "x"\nlang = "en"\n\n[[phases]]\nid = "a"\ntitle = "A"\nminutes = 10\n'
        "min_minutes = -1\n",
        encoding="utf-8",
    )
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    assert caught.value.lines("en") == [f"{path}:9: phases[1].min_minutes: must be at least 0"]


def test_a_minimum_of_zero_or_the_whole_phase_is_fine() -> None:
    data = {"script": {"name": "x", "lang": "en"}, "phases": [dict(SIX["phases"][0])]}
    for least in (0, 10):
        data["phases"][0]["min_minutes"] = least
        assert validate_script(data, "x").phases[0].min_seconds == least * 60


def test_the_bundled_scripts_set_a_minimum_for_each_phase() -> None:
    from codev_tui.locations import bundled_scripts

    for path in bundled_scripts().values():
        script = load_script(path)
        assert all(p.min_minutes is not None and p.min_minutes <= p.minutes for p in script.phases)


# -- the cues -------------------------------------------------------------------------------------


def test_no_cue_before_the_session_starts_nor_after_it_ends(desk: Desk) -> None:
    assert now_cues(desk) == []
    desk.control.go_to(CONTRACT)
    desk.later(9 * 60)
    assert kinds(now_cues(desk)) == ["contract"]
    desk.control.end()
    assert now_cues(desk) == []


def test_a_suggestion_in_the_clarification_is_a_cue_named_by_its_number(desk: Desk) -> None:
    c = desk.control
    c.go_to(CLARIFICATION)
    c.capture("Comment le vis-tu ?")
    c.capture("/s Tu devrais lui parler")
    c.capture("/h /c Peut-être a-t-il peur")
    c.capture("/i Une impression")
    found = now_cues(desk)
    assert [(q.kind, q.key, q.note) for q in found] == [
        ("disguised", ("disguised", 3), 3),
        ("disguised", ("disguised", 2), 2),
    ]
    assert "peur" not in repr(found)  # a cue holds no note's text (this one is confidential)
    assert disguised_notes(desk.session) == [3, 2]
    c.correct(2, "/q Comment lui en parler ?")  # corrected: a question now
    assert [q.note for q in now_cues(desk)] == [3]
    c.go_to(CONTRACT)  # the moment has passed
    assert now_cues(desk) == []


def test_suggestions_elsewhere_are_no_cue(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONSULTATION)
    c.capture("Et si tu déléguais ?")  # a suggestion, in its phase
    c.capture("/p2 /s typed for the clarification from elsewhere")
    assert now_cues(desk) == []


def test_the_contract_cue_shows_in_the_warning_time_until_a_contract_is_written(
    desk: Desk,
) -> None:
    c = desk.control
    c.go_to(CONTRACT)
    desk.later(7 * 60)
    assert now_cues(desk) == []  # 3 minutes left: not yet
    desk.later(60)
    (cue,) = now_cues(desk)
    assert cue.key == ("contract", CONTRACT) and cue.seconds == pytest.approx(120)
    desk.later(5 * 60)  # overtime: still no contract
    assert now_cues(desk)[0].seconds < 0
    c.capture("Comment retrouver la confiance de l'équipe")
    assert now_cues(desk) == []


def test_the_round_cue_names_who_has_not_spoken_in_this_round(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONSULTATION)
    c.next_speaker()  # Bruno
    desk.later(20 * 60)
    assert now_cues(desk) == []  # 10 minutes left: not yet
    desk.later(6 * 60)
    (cue,) = now_cues(desk)
    assert cue.key == ("round", CONSULTATION, 1) and cue.names == ("Chloé", "Driss")
    c.pass_turn()  # Bruno passes: Chloé has the floor
    assert now_cues(desk)[0].names == ("Driss",)
    c.pass_turn()  # Chloé passes (she had her turn): Driss has the floor
    assert now_cues(desk) == []
    c.next_speaker()  # round 2 starts with Bruno
    (cue,) = now_cues(desk)
    assert cue.key == ("round", CONSULTATION, 2) and cue.names == ("Chloé", "Driss")


def test_before_the_first_turn_nobody_has_spoken(desk: Desk) -> None:
    desk.control.go_to(CONSULTATION)
    desk.later(26 * 60)
    (cue,) = now_cues(desk)
    assert cue.key == ("round", CONSULTATION, 0) and cue.names == ("Bruno", "Chloé", "Driss")


# -- the lateness cue and its proposal ------------------------------------------------------------


def test_no_lateness_cue_within_ten_minutes(desk: Desk) -> None:
    c = desk.control
    c.go_to(EXPOSE)
    c.toggle_timer()
    c.adjust(10)  # 10 minutes late: not more
    assert c.drift_minutes() == pytest.approx(10)
    assert now_cues(desk) == []


def test_the_lateness_cue_proposes_the_phases_with_the_most_room(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    c.adjust(13)  # 13 minutes late: 3 to take
    (cue,) = now_cues(desk)
    assert cue.key == ("late", EXPOSE) and cue.seconds == pytest.approx(13 * 60)
    # Whole minutes above the minimum: clarification 7 (15 - 7.5), contract 5, consultation 10,
    # synthesis 7, learnings 7.
    assert cue.takes == ((CONSULTATION, 3),)
    # 25 minutes late: 15 to take, a minute at a time from the most room (the later phase
    # first when two have as much): consultation 3, then one each from 7 to 5 minutes left.
    assert take_proposal(desk.session, 25 * 60) == (
        (CLARIFICATION, 2),
        (CONTRACT, 1),
        (CONSULTATION, 6),
        (SYNTHESIS, 3),
        (LEARNINGS, 3),
    )
    assert sum(m for _, m in take_proposal(desk.session, 99 * 60)) == 7 + 5 + 10 + 7 + 7


def test_the_proposal_never_goes_below_a_minimum(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    c.go_to(SYNTHESIS)  # the phases before were skipped: 80 minutes ahead
    c.adjust(150)  # over an hour late: only the learnings are left, 7 minutes above their minimum
    (cue,) = now_cues(desk)
    assert cue.takes == ((LEARNINGS, 7),)
    for index, minutes in cue.takes:
        c.adjust(-minutes, index)
    (cue,) = now_cues(desk)
    assert cue.kind == "late" and cue.takes == ()  # still late, nothing left to take
    c.go_to(LEARNINGS)
    assert take_proposal(desk.session, 3600) == ()  # no phase after the last


def test_taking_the_proposal_comes_back_within_ten_minutes_and_is_saved(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    c.adjust(17)
    (cue,) = now_cues(desk)
    for index, minutes in cue.takes:
        c.adjust(-minutes, index)
    assert c.drift_minutes() == pytest.approx(10)
    assert now_cues(desk) == []
    (adjust,) = desk.on_disk("adjust")
    assert adjust["seconds"] == 17 * 60 and "phase" not in adjust  # as before
    # A type of its own: a codev older than the cue refuses the file, never misreads it.
    assert [(a["phase"], a["seconds"]) for a in desk.on_disk("adjust_later")] == [
        ("clarification", -60),
        ("consultation", -240),
        ("synthese", -60),
        ("apprentissages", -60),
    ]
    again = read_session(desk.path)
    assert [t.adjust for t in again.timings] == [17 * 60, -60, 0, -240, -60, -60]
    rows = session_timing(again).rows
    assert [r.adjusted - r.planned for r in rows] == [17 * 60, -60, 0, -240, -60, -60]


def test_an_adjustment_naming_no_such_phase_is_a_damaged_file(desk: Desk) -> None:
    from codev_tui.core.session import SessionError

    c = desk.control
    c.go_to(CLARIFICATION)
    event = c.file.make_event("adjust_later", seconds=-60.0, phase="nowhere")
    with pytest.raises(SessionError) as caught:
        desk.session.apply(event)
    assert "(adjust_later).phase" in caught.value.lines("en")[0]


def test_old_adjust_events_without_a_phase_still_read(tmp_path: Path, wall: FakeWallClock) -> None:
    script: PhaseScript = validate_script(SIX, "six")
    file = SessionFile.create(tmp_path, script, ROSTER, now=wall)
    desk = Desk(file, wall, FakeMonotonic())
    desk.control.go_to(CONTRACT)
    desk.control.adjust(2)
    text = desk.path.read_text(encoding="utf-8")
    assert 'type = "adjust"' in text and "phase = " not in text.split('type = "adjust"')[1]
    assert read_session(desk.path).timings[CONTRACT].adjust == 120
