"""Choosing the subject through SessionControl: the notes of the phase, the choice and what it
changes, what is saved and read back, and the minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.core.choosing import ChoosingError, with_choosing
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session
from tests.conftest import FakeMonotonic, FakeWallClock
from tests.unit.desk import Desk

CHOOSING, EXPOSE, CONTRACT, CONSULTATION = range(4)
"""The first phases of the short script with the choosing phase."""


@pytest.fixture
def desk(tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock) -> Desk:
    """A session of the short script that starts by choosing the subject: no client yet."""
    roster = Roster(group="Codev Lyon", facilitator="Fanny", consultants=["Ana", "Ben", "Cleo"])
    file = SessionFile.create(tmp_path, with_choosing(short_script), roster, now=wall)
    return Desk(file, wall, FakeMonotonic())


def propose(desk: Desk, *lines: str) -> None:
    for line in lines:
        desk.control.capture(line)


def said(error: pytest.ExceptionInfo[ChoosingError]) -> str:
    return " ".join(error.value.lines("fr"))


def test_subjects_and_votes_are_notes_of_their_kind(desk: Desk) -> None:
    propose(desk, "@Ana Conflit avec mon N+1", "/v @Ana 3", "@ben Réorganisation")
    assert desk.notes("kind", "author", "text") == [
        ("subject", "Ana", "Conflit avec mon N+1"),
        ("vote", "Ana", "3"),
        ("subject", "Ben", "Réorganisation"),
    ]
    assert [e["kind"] for e in desk.on_disk("note")] == ["subject", "vote", "subject"]


def test_the_leader_is_chosen_and_becomes_the_client(desk: Desk) -> None:
    propose(desk, "@Ana Conflit avec mon N+1", "@Ben Réorganisation", "/v @Ana 3", "/v @Ben 1")
    desk.control.choose_subject(None)
    roster = desk.session.roster
    assert (roster.client, roster.topic) == ("Ana", "Conflit avec mon N+1")
    assert roster.consultants == ["Ben", "Cleo"]
    (chosen,) = desk.on_disk("chosen")
    assert (chosen["client"], chosen["topic"]) == ("Ana", "Conflit avec mon N+1")
    assert "overridden" not in chosen  # the vote's leader: no override (the default)


def test_the_round_goes_without_the_client(desk: Desk) -> None:
    propose(desk, "@Ben Réorganisation", "/choix @Ben")
    desk.control.go_to(CONSULTATION)
    spoken = [desk.control.next_speaker() for _ in range(3)]
    assert spoken == ["Ana", "Cleo", "Ana"]


def test_choosing_somebody_else_than_the_leader_is_the_facilitators_choice(desk: Desk) -> None:
    propose(desk, "@Ana Conflit", "@Ben Réorganisation", "/v @Ana 3", "/v @Ben 1")
    desk.control.capture("/choix @Ben")
    assert desk.session.choice is not None and desk.session.choice.overridden
    assert desk.session.roster.client == "Ben"
    assert desk.on_disk("chosen")[0]["overridden"] is True
    assert desk.session.notes[-1].text == "1"  # the choice is no note


def test_the_latest_choice_wins(desk: Desk) -> None:
    propose(desk, "@Ana Conflit", "@Ben Réorganisation", "/choix @Ana", "/choose @Ben")
    roster = desk.session.roster
    assert (roster.client, roster.topic, roster.consultants) == (
        "Ben",
        "Réorganisation",
        ["Ana", "Cleo"],
    )


def test_somebody_without_a_subject_may_be_chosen(desk: Desk) -> None:
    propose(desk, "@Ana Conflit", "/choix @Cleo")
    assert (desk.session.roster.client, desk.session.roster.topic) == ("Cleo", "")


def test_a_tie_is_said_and_nothing_is_chosen(desk: Desk) -> None:
    propose(desk, "@Ana Conflit", "@Ben Réorganisation", "/v @Ana 2", "/v @Ben 2")
    with pytest.raises(ChoosingError) as refused:
        desk.control.choose_subject(None)
    assert said(refused) == "Égalité entre Ana, Ben : choisissez l'un d'eux (/choix @Nom)."
    assert desk.session.roster.client == "" and desk.on_disk("chosen") == []


def test_no_vote_yet_is_said(desk: Desk) -> None:
    propose(desk, "@Ana Conflit")
    with pytest.raises(ChoosingError) as refused:
        desk.control.capture("/choix")
    assert "Pas encore de vote" in said(refused)


def test_choosing_nobody_known_saves_nothing(desk: Desk) -> None:
    propose(desk, "@Ana Conflit")
    with pytest.raises(ChoosingError) as refused:
        desk.control.capture("/choix @Zoé")
    assert said(refused).startswith("Zoé n'est ni candidat ni dans le groupe")
    assert desk.on_disk("chosen") == [] and len(desk.on_disk("note")) == 1
    assert desk.control.unsaved == 0


def test_a_corrected_vote_counts_as_corrected(desk: Desk) -> None:
    propose(desk, "@Ana Conflit", "@Ben Réorganisation", "/v @Ana 3", "/v @Ben 2")
    vote = desk.session.notes[2]
    desk.control.correct(vote.id, "/v @Ana 1")
    desk.control.choose_subject(None)
    assert desk.session.roster.client == "Ben"


def test_choosing_is_only_a_command_in_its_phase(desk: Desk) -> None:
    desk.control.go_to(EXPOSE)
    desk.control.capture("/choix @Ana")
    assert desk.notes("kind", "text") == [("note", "/choix @Ana")]
    assert desk.session.roster.client == ""


def test_the_choice_is_read_back(desk: Desk) -> None:
    propose(desk, "@Ana Conflit", "/v @Ana 2", "@Ben Réorganisation", "/choix @Ben")
    again = read_session(desk.path)
    assert again.script.phases[0].kind == "subject"
    assert (again.roster.client, again.roster.topic) == ("Ben", "Réorganisation")
    assert again.roster.consultants == ["Ana", "Cleo"]
    assert again.choice is not None and again.choice.overridden


# -- the minutes ------------------------------------------------------------------------------


def test_the_minutes_tell_the_candidates_votes_and_choice(desk: Desk) -> None:
    propose(desk, "@Ana Conflit avec mon N+1", "@Ben Ré*org*", "/v @Ana 3", "/v @Ben 1")
    propose(desk, "/choix @Ben")
    minutes = render_minutes(desk.session, lang="fr")
    section = minutes.split("## Choix du sujet\n", 1)[1].split("\n## ", 1)[0]
    assert section.strip().splitlines() == [
        "| Candidat | Sujet | Voix |",
        "| --- | --- | ---: |",
        "| Ana | Conflit avec mon N+1 | 3 |",
        r"| Ben | Ré\*org\* | 1 |",
        "",
        "- **Client choisi** : Ben",
        r"- **Sujet retenu** : Ré\*org\*",
        "- *choix du facilitateur*",
    ]
    assert minutes.startswith(r"# Ré\*org\*")  # the chosen topic is the session's topic
    # Said once: the phase points to the section instead of listing the notes again.
    phase = minutes.split("### 1. Choix du sujet\n", 1)[1].split("\n### ", 1)[0]
    assert phase.strip() == "*Voir : Choix du sujet.*"


def test_the_minutes_without_a_choice_say_so(desk: Desk) -> None:
    propose(desk, "@Ana Conflit")
    section = render_minutes(desk.session, lang="en").split("## Choosing the subject\n", 1)[1]
    assert "| Ana | Conflit | — |" in section
    assert "*No subject chosen.*" in section


def test_a_confidential_candidate_is_left_out_unless_asked(desk: Desk) -> None:
    propose(desk, "/c @Ana Mon divorce", "@Ben Réorganisation", "/v @Ana 3", "/choix @Ana")
    minutes = render_minutes(desk.session, lang="fr")
    assert "divorce" not in minutes
    assert "| Ben | Réorganisation | — |" in minutes
    assert "- **Client choisi** : Ana" in minutes
    asked = render_minutes(desk.session, lang="fr", include_confidential=True)
    assert "| Ana | Mon divorce *(confidentiel)* | 3 |" in asked
    assert "- **Sujet retenu** : Mon divorce" in asked


def test_anonymous_minutes_name_nobody(desk: Desk) -> None:
    propose(desk, "@Ana Conflit avec Ben", "@Cleo Mon projet", "/v @Cleo 2", "/choix @Ana")
    minutes = render_minutes(desk.session, lang="fr", anonymize=True)
    for name in ("Ana", "Ben", "Cleo", "Fanny"):
        assert name not in minutes, name
    assert "| Client | Conflit avec Consultant 1 | — |" in minutes
    assert "| Consultant 2 | Mon projet | 2 |" in minutes
    assert "- **Client choisi** : Client" in minutes


def test_the_client_chosen_is_as_the_roster_spells_them(desk: Desk) -> None:
    propose(desk, '@"ana" Conflit', "/v @ana 3")
    for line in ("@Anna Un sujet", "/v @Zoé 5", "/v @Ben -2", "/v @Ben beaucoup"):
        with pytest.raises(ChoosingError) as refused:  # nobody in the room, or no count
            desk.control.capture(line)
        assert "nothing saved" in " ".join(refused.value.lines("en"))
    assert len(desk.session.notes) == 2
    desk.control.choose_subject(None)
    roster = desk.session.roster
    assert (roster.client, roster.topic) == ("Ana", "Conflit")
    assert roster.consultants == ["Ben", "Cleo"]  # Ana is no longer a consultant too


def test_a_confidential_subject_chosen_is_not_listed(
    desk: Desk, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from codev_tui.cli.main import main

    propose(desk, "/c @Ana Ma santé mentale", "/v @Ana 3", "/choix @Ana")
    desk.control.file.close()
    monkeypatch.setenv("CODEV_DATA_DIR", str(desk.path.parent))
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "santé" not in out and "Ana" in out


def test_votes_and_subjects_go_only_in_the_phase_choosing_the_subject(desk: Desk) -> None:
    desk.control.go_to(EXPOSE)
    for line in ("/v @Ana 2", "/v @Ben 5"):
        with pytest.raises(ChoosingError) as refused:
            desk.control.capture(line)
        assert "phase choosing the subject" in " ".join(refused.value.lines("en"))
    assert not desk.session.notes
