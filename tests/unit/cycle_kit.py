"""A group of five over three sessions, run with the real store on fake clocks: the harness of
the tests of what comes out of a cycle (test_cycle_*.py).

Session 1 (Ana client, everybody there) plans two actions and a confidential one; session 2
(Ben client, Eve away) reviews them (done, partly) and plans two more; session 3 (Cleo client,
Ben, Dan and Eve away: below the charter's quorum of 3) reviews the first of those (not done,
said as a confidential note) and plans one; then Dan leaves the group.
"""

from __future__ import annotations

from pathlib import Path

from codev_tui.core.cycle import cycle_sessions, group_session
from codev_tui.core.group import Group, change_group, create_group, load_group
from codev_tui.core.script import PhaseScript
from codev_tui.core.sessions import create_session
from tests.conftest import FakeMonotonic, FakeWallClock
from tests.unit.desk import Desk

GROUP = "Essai Groupe"
MEMBERS = ["Ana Roy", "Ben Sow", "Cleo Lam", "Dan Ito", "Eve Moe"]
FACILITATOR = "Fay Dia"
DAYS_APART = 28
CHARTER = "- Ce qui se dit ici reste ici.\n- Quorum : 3"
"""The group's rules: a quorum of 3, whoever leaves."""

PRIVATE = [
    # Nobody's journal and no review shows these: confidential notes.
    "Parler au N+1",
    "un secret bien gardé",
    "trop long",
    "une question confidentielle",
    "une raison privée",
]
"""Texts typed as confidential notes."""

NOTES = [
    # Text no review shows: notes, contracts, actions, learnings, comments.
    "Savoir dire non",
    "pourquoi maintenant",
    "essayer de déléguer",
    "Appeler la DRH",
    "Relire le contrat",
    "j'ose dire non",
    "les questions ouvertes aident",
    "prendre du recul",
    "appel passé",
    "Préparer l'entretien",
    "Écrire à la direction",
    "Faire le point",
    "bon rythme",
]

TOPICS = ["Sujet un", "Sujet deux", "Parler à Ben Sow"]


def start(
    folder: Path,
    group: Group,
    script: PhaseScript,
    wall: FakeWallClock,
    *,
    client: str,
    topic: str,
    absent: tuple[str, ...] = (),
) -> Desk:
    """The group's next session, as `codev run --group` starts it."""
    sessions = cycle_sessions(folder, group)
    begun = group_session(group, sessions, script, client=client, topic=topic, absent=list(absent))
    file = create_session(folder, begun.script, begun.roster, group=begun.link, now=wall)
    return Desk(file, wall, FakeMonotonic())


def phase(desk: Desk, phase_id: str) -> None:
    """Go to a phase by its id (the retour phase, when there is one, shifts the others)."""
    index = desk.session.phase_index(phase_id)
    assert index is not None, phase_id
    desk.control.go_to(index)


def round_of_the_table(desk: Desk, said: dict[str, list[str]], seconds: dict[str, float]) -> None:
    """The consultation's round: each consultant in turn has the floor for their seconds and
    says their lines (taken while they have the floor, without an author)."""
    phase(desk, "consultation")
    for _ in desk.session.roster.consultants:
        name = desk.control.next_speaker()
        for line in said.get(name, []):
            desk.control.capture(line)
        desk.later(seconds.get(name, 0.0))
    desk.control.toggle_timer()  # the floor is banked when the clock stops


def _charter(group: Group) -> None:
    group.charter = CHARTER


def run_cycle(folder: Path, script: PhaseScript, wall: FakeWallClock) -> Group:
    """The three sessions, then Dan leaves; returns the group as it is then."""
    create_group(
        folder, GROUP, MEMBERS, facilitator=FACILITATOR, sessions=5, every="4 weeks", now=wall
    )
    group = change_group(folder, GROUP, _charter, now=wall)

    one = start(folder, group, script, wall, client="Ana Roy", topic=TOPICS[0])
    c = one.control
    phase(one, "contrat")
    c.capture("Savoir dire non")
    round_of_the_table(
        one,
        {
            "Ben Sow": ["/q pourquoi maintenant ?"],
            "Cleo Lam": ["essayer de déléguer"],
            "Dan Ito": ["/c /q une question confidentielle"],
        },
        {"Ben Sow": 120, "Cleo Lam": 60, "Dan Ito": 30, "Eve Moe": 30},
    )
    phase(one, "synthese")
    c.capture("Appeler la DRH / Ana / 15/12")
    c.capture("Relire le contrat / Ana + Ben / 20/12")
    c.capture("/c Parler au N+1 / Ana")
    phase(one, "apprentissages")
    for line in (
        "@Ana j'ose dire non",
        "@Ben les questions ouvertes aident",
        "@Dan prendre du recul",
        "/c @Ana un secret bien gardé",
        "/e 4 bon rythme",
        "/e 5",
        "/c /e 1 trop long",
    ):
        c.capture(line)
    one.later(600)
    c.end()

    wall.advance(DAYS_APART * 86400)
    two = start(folder, group, script, wall, client="Ben Sow", topic=TOPICS[1], absent=("Eve Moe",))
    c = two.control
    phase(two, "retour")
    c.capture("1 fait appel passé")
    c.capture("2 en partie")
    round_of_the_table(two, {"Ana Roy": ["/q et alors ?"]}, {"Ana Roy": 90, "Cleo Lam": 45})
    phase(two, "synthese")
    c.capture("Préparer l'entretien / Ben / 5/1")
    c.capture("Écrire à la direction / Cleo")
    phase(two, "apprentissages")
    c.capture("/e 3")
    c.capture("/e 4")
    two.later(300)
    c.end()

    wall.advance(DAYS_APART * 86400)
    away = ("Ben Sow", "Dan Ito", "Eve Moe")
    three = start(folder, group, script, wall, client="Cleo Lam", topic=TOPICS[2], absent=away)
    c = three.control
    phase(three, "retour")
    c.capture("/c 1 pas fait une raison privée")
    phase(three, "synthese")
    c.capture("Faire le point / Ana")
    three.later(300)
    c.end()

    wall.advance(86400)
    change_group(folder, GROUP, lambda g: g.remove("Dan Ito", wall()), now=wall)
    return load_group(folder, GROUP)
