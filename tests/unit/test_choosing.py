"""Choosing the subject in the core: the phase `--choose` adds, the tally of candidates and
votes, and what a choice does to the roster (core/choosing.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from codev_tui.core.choosing import (
    choice_command,
    tally,
    with_choosing,
)
from codev_tui.core.events import SubjectChosen
from codev_tui.core.script import PhaseScript, load_bundled_script, validate_script
from codev_tui.core.session import Note, Roster
from tests.conftest import SMALL_SCRIPT

AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def note(n: int, kind: str, author: str, text: str, confidential: bool = False) -> Note:
    return Note(n, AT, "choix", kind, text, author, confidential)


# -- the phase ------------------------------------------------------------------------------


def test_the_phase_comes_first_in_the_scripts_language(short_script: PhaseScript) -> None:
    chosen = with_choosing(short_script)
    first = chosen.phases[0]
    assert (first.id, first.title, first.minutes, first.kind) == (
        "choix",
        "Choix du sujet",
        10,
        "subject",
    )
    assert [p.id for p in chosen.phases[1:]] == [p.id for p in short_script.phases]
    # The group weighs the candidates: the three criteria are the phase's rules.
    assert [r.split(" :")[0] for r in first.rules] == ["Urgence", "Importance", "Prise"]
    assert first.summary and first.client and first.consultants and first.facilitator


def test_an_english_script_gets_an_english_phase() -> None:
    chosen = with_choosing(load_bundled_script("classic-en"))
    first = chosen.phases[0]
    assert (first.id, first.title) == ("choosing", "Choosing the subject")
    assert first.rules[0].startswith("Urgency")


def test_a_script_with_a_subject_phase_is_left_as_it_is(short_script: PhaseScript) -> None:
    once = with_choosing(short_script)
    assert with_choosing(once) is once


def test_the_phase_comes_after_the_review_of_the_previous_plan(short_script: PhaseScript) -> None:
    retour = replace(short_script.phases[0], id="retour", kind="status")  # type: ignore[arg-type]
    script = replace(short_script, phases=(retour, *short_script.phases))
    assert [p.kind for p in with_choosing(script).phases[:3]] == ["status", "subject", "note"]


def test_the_phase_id_never_repeats_one_of_the_script(short_script: PhaseScript) -> None:
    taken = replace(short_script.phases[0], id="choix")
    script = replace(short_script, phases=(taken, *short_script.phases[1:]))
    ids = [p.id for p in with_choosing(script).phases]
    assert ids[0] == "choix-2" and len(set(ids)) == len(ids)


def test_a_script_may_have_its_own_subject_phase() -> None:
    data = {**SMALL_SCRIPT, "phases": [dict(SMALL_SCRIPT["phases"][0], kind="subject")]}
    script = validate_script(data, "test")
    assert script.phases[0].kind == "subject"
    assert with_choosing(script) is script


def test_the_bundled_scripts_do_not_choose_by_default() -> None:
    for name in ("classic", "classic-en", "fast-codev"):
        assert all(p.kind != "subject" for p in load_bundled_script(name).phases)


# -- the tally --------------------------------------------------------------------------------


def test_candidates_votes_and_the_leader() -> None:
    votes = tally(
        [
            note(1, "subject", "Ana", "Conflit avec mon N+1"),
            note(2, "subject", "Ben", "Réorganisation"),
            note(3, "vote", "Ana", "3"),
            note(4, "vote", "Ben", "1 main levée"),
            note(5, "vote", "Cleo", "2"),  # votes without a subject said
            note(6, "subject", "", "sans nom"),  # nobody's: no candidate
            note(7, "note", "Ana", "une remarque"),
        ]
    )
    assert [(c.name, c.subject, c.votes) for c in votes.candidates] == [
        ("Ana", "Conflit avec mon N+1", 3),
        ("Ben", "Réorganisation", 1),
        ("Cleo", "", 2),
    ]
    assert votes.leader is not None and votes.leader.name == "Ana"
    assert votes.note_ids == {1, 2, 3, 4, 5}


def test_the_latest_subject_and_vote_count() -> None:
    votes = tally(
        [
            note(1, "subject", "Ana", "premier jet"),
            note(2, "vote", "Ana", "2"),
            note(3, "subject", "ana", "Conflit avec mon N+1"),
            note(4, "vote", "Ana", "4"),
            note(5, "vote", "Ana", "beaucoup"),  # no count: no vote, it stays a note
        ]
    )
    (ana,) = votes.candidates
    assert (ana.subject, ana.votes, ana.notes) == ("Conflit avec mon N+1", 4, (3, 4))


def test_a_tie_has_no_leader_and_no_vote_neither() -> None:
    tie = tally(
        [note(1, "vote", "Ana", "2"), note(2, "vote", "Ben", "2"), note(3, "vote", "C", "1")]
    )
    assert tie.leader is None and [c.name for c in tie.top] == ["Ana", "Ben"]
    none = tally([note(1, "subject", "Ana", "x")])
    assert none.leader is None and none.top == ()


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("/choix @Ana", "Ana"),
        ("/choose ben", "Ben"),
        ('/choix @"Cleo"', "Cleo"),
        ("/choix", ""),
        ("  /CHOIX  ", ""),
        ("/choix @Zoe", "Zoe"),
        ("choix @Ana", None),
        ("/c @Ana", None),
        ("@Ana /choix", None),
    ],
)
def test_the_line_that_chooses(line: str, name: str | None) -> None:
    assert choice_command(line, ["Ana", "Ben", "Cleo"]) == name


# -- the roster after a choice ----------------------------------------------------------------


def fold(roster: Roster, *chosen: tuple[str, str, bool]) -> Roster:
    from codev_tui.core.choosing import choose

    choice = None
    for seq, (client, topic, overridden) in enumerate(chosen, 1):
        event = SubjectChosen(seq=seq, t=AT, client=client, topic=topic, overridden=overridden)
        choice = choose(roster, event, choice)
    return roster


def test_a_choice_makes_the_client_and_leaves_the_round_to_the_others() -> None:
    roster = fold(Roster(consultants=["Ana", "Ben", "Cleo"]), ("Ben", "Réorganisation", False))
    assert (roster.client, roster.topic, roster.consultants) == (
        "Ben",
        "Réorganisation",
        ["Ana", "Cleo"],
    )


def test_the_latest_choice_wins_and_the_round_keeps_its_order() -> None:
    roster = fold(
        Roster(consultants=["Ana", "Ben", "Cleo"]), ("Ana", "Conflit", False), ("Cleo", "", True)
    )
    assert (roster.client, roster.topic, roster.consultants) == ("Cleo", "", ["Ana", "Ben"])


def test_a_client_given_before_is_a_consultant_again_when_another_is_chosen() -> None:
    roster = fold(Roster(topic="t", client="Dan", consultants=["Ana", "Ben"]), ("Ana", "x", False))
    assert (roster.client, roster.consultants) == ("Ana", ["Ben", "Dan"])


# -- codev run --choose -----------------------------------------------------------------------


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """`codev run` without the UI: a fake `codev_tui.ui.launch` records its arguments."""
    import sys
    import types

    calls: list[dict[str, object]] = []
    fake = types.ModuleType("codev_tui.ui.launch")
    fake.launch = lambda **kwargs: calls.append(kwargs) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "codev_tui.ui.launch", fake)
    return calls


def test_run_choose_starts_by_choosing_without_client_or_topic(
    launched: list[dict[str, object]],
) -> None:
    from codev_tui.cli.main import main

    assert main(["run", "--choose", "--consultants", "Ana, Ben,Cleo"]) == 0
    (call,) = launched
    script = call["script"]
    assert isinstance(script, PhaseScript)
    assert [p.kind for p in script.phases][:2] == ["subject", "note"]
    assert call["ready"] is True
    roster = call["roster"]
    assert isinstance(roster, Roster) and roster.consultants == ["Ana", "Ben", "Cleo"]


def test_run_without_choose_still_needs_a_client_and_a_topic(
    launched: list[dict[str, object]],
) -> None:
    from codev_tui.cli.main import main

    assert main(["run", "--consultants", "Ana,Ben"]) == 0
    (call,) = launched
    assert call["ready"] is False
    assert all(p.kind != "subject" for p in call["script"].phases)  # type: ignore[attr-defined]
