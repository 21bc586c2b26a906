"""`codev journal`'s document: one person's learnings, actions and what became of them, and
their sessions as client; nobody else's notes, never a confidential one."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.core.cycle import cycle_sessions
from codev_tui.core.cycle_out.facts import CycleError, CycleFacts, find_person, gather
from codev_tui.core.cycle_out.journal import render_journal
from codev_tui.core.script import PhaseScript
from tests.conftest import FakeWallClock
from tests.unit.cycle_kit import GROUP, NOTES, PRIVATE, TOPICS, run_cycle

THEIRS = {
    "Ana Roy": [
        "Appeler la DRH",
        "Relire le contrat",
        "j'ose dire non",
        "Savoir dire non",
        TOPICS[0],
        "appel passé",
        "Faire le point",
    ],
    "Ben Sow": [
        "Relire le contrat",
        "les questions ouvertes aident",
        TOPICS[1],
        "Préparer l'entretien",
    ],
    "Cleo Lam": ["Écrire à la direction", TOPICS[2]],
    "Dan Ito": ["prendre du recul"],
    "Eve Moe": [],
}
"""What each person's journal holds of the cycle's texts."""


@pytest.fixture
def cycle(data_dir: Path, short_script: PhaseScript, wall: FakeWallClock) -> CycleFacts:
    group = run_cycle(data_dir, short_script, wall)
    return gather(group, cycle_sessions(data_dir, group))


def journal(cycle: CycleFacts, name: str, lang: str = "en") -> str:
    return render_journal(cycle, find_person(cycle.group, name), lang)


@pytest.mark.parametrize("name", list(THEIRS))
def test_a_journal_holds_only_the_persons_own_items(cycle: CycleFacts, name: str) -> None:
    text = journal(cycle, name)
    mine = THEIRS[name]
    for said in mine:
        assert said in text.replace("\\", ""), said
    others = [t for t in [*NOTES, *TOPICS] if t not in mine]
    assert [t for t in others if t in text.replace("\\", "")] == []
    assert [t for t in PRIVATE if t in text] == []


def test_each_action_says_what_became_of_it(cycle: CycleFacts) -> None:
    rows = {
        line.split(" | ")[1]: line
        for line in journal(cycle, "Ana Roy").splitlines()
        if line.startswith("| 1 —") or line.startswith("| 3 —")
    }
    assert "done — appel passé" in rows["Appeler la DRH"]
    assert "partly" in rows["Relire le contrat"]
    assert "not reviewed yet" in rows["Faire le point"]
    ben = journal(cycle, "Ben Sow")
    # Said as a confidential note, the status shows, not its comment.
    assert "| not done |" in ben


def test_the_sessions_as_client_show_date_topic_and_contract(cycle: CycleFacts) -> None:
    text = journal(cycle, "Ana Roy", "fr")
    section = text.split("## Séances comme client\n")[1].split("\n## ")[0]
    assert "### Séance 1 — 29 novembre 2026" in section  # 09:00 UTC: that day in any timezone
    assert "- **Sujet** : Sujet un" in section
    assert "- **Contrat** : Savoir dire non" in section
    assert "Séance 2" not in section


def test_somebody_with_nothing_yet_gets_a_journal_that_says_so(cycle: CycleFacts) -> None:
    text = journal(cycle, "Eve Moe")
    assert text.count("*Nothing yet.*") == 3


def test_a_member_who_left_keeps_their_journal(cycle: CycleFacts) -> None:
    text = journal(cycle, "dan ito")  # case folded
    assert "prendre du recul" in text
    assert "Left the group on" in text


def test_an_unknown_person_is_one_line(cycle: CycleFacts) -> None:
    with pytest.raises(CycleError) as caught:
        find_person(cycle.group, "Zoé  Nul")
    assert caught.value.lines("en") == [f"Zoé Nul: nobody of that name in group {GROUP}"]
    assert caught.value.lines("fr") == [f"Zoé Nul : personne de ce nom dans le groupe {GROUP}"]
