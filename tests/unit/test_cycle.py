"""A group of five over three sessions, on a fake clock and the real store: whose turn it is,
each session opening with the retour of the previous plan, and the statuses in the minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.core.control import SessionControl
from codev_tui.core.cycle import (
    RETOUR_ID,
    cycle_sessions,
    fate,
    group_session,
    suggest_clients,
    times_client,
)
from codev_tui.core.group import Group, GroupError, change_group, create_group, load_group
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.script import PhaseScript
from codev_tui.core.sessions import create_session
from tests.conftest import FakeMonotonic, FakeWallClock

MEMBERS = ["Ana Roy", "Ben Sow", "Cleo Lam", "Dan Ito", "Eve Moe"]
WEEKS_4 = 28 * 24 * 3600


def _hold(
    folder: Path,
    group: Group,
    script: PhaseScript,
    wall: FakeWallClock,
    client: str,
    *,
    absent: tuple[str, ...] = (),
    retour: tuple[str, ...] = (),
    carry: tuple[int, ...] = (),
    actions: tuple[str, ...] = (),
) -> SessionControl:
    """One session of the group: the retour typed, the action plan typed, the end."""
    made = group_session(
        group,
        cycle_sessions(folder, group),
        script,
        client=client,
        topic=f"sujet de {client}",
        absent=absent,
    )
    file = create_session(folder, made.script, made.roster, group=made.link, now=wall)
    control = SessionControl(
        file, lambda e: (file.write(e), control.saved(e)), FakeMonotonic(), wall
    )
    for line in retour:
        control.capture(line)
    for n in carry:
        control.carry(n)
    synthesis = next(i for i, p in enumerate(made.script.phases) if p.kind == "action")
    control.go_to(synthesis)
    for line in actions:
        control.capture(line)
    control.end()
    file.close()
    wall.advance(WEEKS_4)
    return control


@pytest.fixture
def group(data_dir: Path, wall: FakeWallClock) -> Group:
    return create_group(data_dir, "Codev Lyon", MEMBERS, facilitator="Fay Dia", now=wall)


def test_three_sessions_rotation_retour_and_statuses(
    data_dir: Path, group: Group, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    assert [m.name for m in suggest_clients(group, [])] == MEMBERS  # nobody client yet
    first = _hold(
        data_dir,
        group,
        short_script,
        wall,
        "Ana Roy",
        absent=("Eve Moe",),
        actions=("Appeler la DRH / Ana / 15/12", "Lire le rapport / Ana + Ben", "/c Secret / Ana"),
    )
    assert first.session.script.phases[0].id != RETOUR_ID  # no plan before: no retour
    sessions = cycle_sessions(data_dir, group)
    assert [s.roster.client for s in sessions] == ["Ana Roy"]
    assert "Eve Moe" not in sessions[0].roster.names()
    # Ana has been client: she goes last; Eve, absent, is not suggested among the present.
    present = ["Ana Roy", "Ben Sow", "Cleo Lam", "Dan Ito"]
    assert [m.name for m in suggest_clients(group, sessions, present)] == [
        "Ben Sow",
        "Cleo Lam",
        "Dan Ito",
        "Ana Roy",
    ]

    second = _hold(
        data_dir,
        group,
        short_script,
        wall,
        "Ben Sow",
        retour=("1 fait appel passé", "2 pas fait pas eu le temps"),
        carry=(2,),
        actions=("Parler au chef / Ben",),
    )
    s2 = second.session
    assert s2.script.phases[0].id == RETOUR_ID  # opens with the retour of session 1's plan
    assert [(i.n, i.what, i.who, i.due) for i in s2.review_items] == [
        (1, "Appeler la DRH", "Ana Roy", "15/12"),
        (2, "Lire le rapport", "Ana Roy + Ben Sow", ""),  # the confidential one stays out
    ]
    minutes = render_minutes(s2)
    assert "| 1. Appeler la DRH | Ana Roy | 15/12 | fait | appel passé |" in minutes
    assert "| 2. Lire le rapport | Ana Roy + Ben Sow |   | pas fait | pas eu le temps" in minutes

    third = _hold(data_dir, group, short_script, wall, "Cleo Lam", retour=("1 en partie",))
    s3 = third.session
    # The carried action comes back with its first ref; session 2's plan follows it.
    assert [(i.n, i.what) for i in s3.review_items] == [
        (1, "Lire le rapport"),
        (2, "Parler au chef"),
    ]
    sessions = cycle_sessions(data_dir, group)
    assert fate(sessions, s2.review_items[1].ref).status == "partly"
    assert fate(sessions, s2.review_items[0].ref).status == "done"
    assert fate(sessions, s3.review_items[1].ref) is None  # Parler au chef: not reviewed yet
    turns = times_client(group, sessions)
    assert [turns[m.id].times for m in group.members] == [1, 1, 1, 0, 0]
    from codev_tui.core.cycle_out.facts import gather
    from codev_tui.core.cycle_out.journal import render_journal

    journal = render_journal(gather(group, sessions), group.find("Ben Sow"), "fr")
    assert (
        "| Lire le rapport | Ana Roy + Ben Sow |   | pas fait (reportée) → en partie |" in journal
    )
    assert [m.name for m in suggest_clients(group, sessions)][:2] == ["Dan Ito", "Eve Moe"]


def test_a_renamed_member_keeps_their_turns(
    data_dir: Path, group: Group, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    _hold(data_dir, group, short_script, wall, "Ana Roy")
    group = change_group(data_dir, "Codev Lyon", lambda g: g.rename("Ana Roy", "Ana Roy-Martin"))
    sessions = cycle_sessions(data_dir, group)
    assert suggest_clients(group, sessions)[-1].name == "Ana Roy-Martin"


@pytest.mark.parametrize(
    ("client", "absent", "says"),
    [
        ("Zoé", (), "'Zoé' is not a member of the group 'Codev Lyon'"),
        ("Ana Roy", ("Zoé",), "'Zoé' is not a member"),
        ("Ana Roy", ("ana roy",), "the client 'Ana Roy' is said to be absent"),
        ("Eve Moe", (), "'Eve Moe' has left the group 'Codev Lyon'"),
    ],
)
def test_a_client_or_absent_who_is_no_member_is_said(
    data_dir: Path,
    group: Group,
    short_script: PhaseScript,
    wall: FakeWallClock,
    client: str,
    absent: tuple[str, ...],
    says: str,
) -> None:
    change_group(data_dir, "Codev Lyon", lambda g: g.remove("Eve Moe", wall()))
    group = load_group(data_dir, "codev lyon")
    with pytest.raises(GroupError) as caught:
        group_session(group, [], short_script, client=client, absent=absent)
    assert says in caught.value.lines("en")[0]


def test_the_charter_is_shown_with_the_rules(
    data_dir: Path, group: Group, short_script: PhaseScript
) -> None:
    def charter(g: Group) -> None:
        g.charter = "# nos règles\n- Ponctualité\n- Prévenir de son absence\nquorum: 4"

    group = change_group(data_dir, "Codev Lyon", charter)
    made = group_session(group, [], short_script, client="Ana Roy")
    names = [rule.name for rule in made.script.rules]
    assert names[-3:] == ["Écoute", "Ponctualité", "Prévenir de son absence"]  # no quorum line
    assert group.quorum == 4


def test_group_show_tells_the_cycle_so_far(
    data_dir: Path,
    short_script: PhaseScript,
    wall: FakeWallClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from codev_tui.cli.main import main

    group = create_group(data_dir, "Codev Lyon", MEMBERS, sessions=5, now=wall)
    _hold(data_dir, group, short_script, wall, "Ana Roy", actions=("Appeler la DRH / Ana / 15/12",))
    assert main(["group", "show", "codev lyon"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-5:] == [
        "Sessions: 1 held of 5 planned",
        "Clients so far: Ana Roy (1)",
        "Next clients suggested: Ben Sow, Cleo Lam, Dan Ito",
        "Open action (reviewed at the next session): 1",
        "  1. Appeler la DRH — Ana Roy — by 15/12",
    ]


def test_a_member_who_facilitates_is_no_consultant(
    data_dir: Path, group: Group, short_script: PhaseScript
) -> None:
    made = group_session(group, [], short_script, client="Ana Roy", facilitator="eve moe")
    assert made.roster.facilitator == "Eve Moe"
    assert made.roster.consultants == ["Ben Sow", "Cleo Lam", "Dan Ito"]
    assert made.link.people["Eve Moe"] == group.find("Eve Moe").id
    with pytest.raises(GroupError) as caught:
        group_session(group, [], short_script, facilitator="Eve Moe", absent=["Eve Moe"])
    assert "'Eve Moe', the group's facilitator, is said to be absent" in caught.value.lines("en")[0]


def test_the_review_tells_no_confidential_subject_and_no_former_name(
    data_dir: Path, group: Group, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    from codev_tui.core.choosing import with_choosing
    from codev_tui.core.cycle_out.facts import gather
    from codev_tui.core.cycle_out.review import render_review

    made = group_session(group, [], with_choosing(short_script), facilitator="Zoé Invitée")
    file = create_session(data_dir, made.script, made.roster, group=made.link, now=wall)
    control = SessionControl(
        file, lambda e: (file.write(e), control.saved(e)), FakeMonotonic(), wall
    )
    for line in ("/c @Ana Mon divorce secret", "/v @Ana 3", "/choix @Ana"):
        control.capture(line)
    control.end()
    file.close()
    wall.advance(WEEKS_4)
    _hold(data_dir, group, short_script, wall, "Ben Sow")  # topic "sujet de Ben Sow"
    group = change_group(data_dir, "Codev Lyon", lambda g: g.rename("Ben Sow", "Bea Sow"))
    facts = gather(group, cycle_sessions(data_dir, group))
    with_topics = render_review(facts, "fr", with_topics=True)
    assert "divorce" not in with_topics  # typed confidential: the topic is left out
    assert "sujet de Ben Sow" in with_topics
    assert "| Bea Sow |" in with_topics and "| Ben Sow |" not in with_topics  # its name now
    anonymous = render_review(facts, "fr", anonymize=True, with_topics=True)
    for name in ("Ana", "Ben", "Bea", "Sow", "Zoé", "Invitée", "Roy"):
        assert name not in anonymous, name


def test_an_unreadable_session_file_is_said_and_left_out(
    data_dir: Path,
    group: Group,
    short_script: PhaseScript,
    wall: FakeWallClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from codev_tui.cli.main import main

    _hold(data_dir, group, short_script, wall, "Ana Roy")
    (data_dir / "2026-12-01_0900_abimee.toml").write_text("schema = 2\n[session\n", "utf-8")
    for command in (["group", "show", "Codev Lyon"], ["review", "Codev Lyon"]):
        assert main(command) == 0
        out, err = capsys.readouterr()
        assert err == (
            "codev: 1 session file could not be read and is left out: "
            "2026-12-01_0900_abimee.toml (codev export --salvage reads what it can)\n"
        )
        assert "Ana Roy" in out  # the readable session is told


def test_a_session_not_finished_is_not_held_and_is_said(
    data_dir: Path,
    group: Group,
    short_script: PhaseScript,
    wall: FakeWallClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from codev_tui.cli.main import main

    _hold(data_dir, group, short_script, wall, "Ana Roy")
    made = group_session(group, [], short_script, client="Ben Sow", topic="Pas fini")
    create_session(data_dir, made.script, made.roster, group=made.link, now=wall).close()
    unfinished: list = []
    assert [s.roster.client for s in cycle_sessions(data_dir, group, None, unfinished)] == [
        "Ana Roy"
    ]
    (path,) = unfinished
    assert (name := path.name).endswith("_pas-fini.toml")  # its file, never its topic
    assert main(["group", "show", "Codev Lyon"]) == 0
    out, err = capsys.readouterr()
    assert "Sessions: 1 held" in out and "Next clients suggested: Ben Sow" in out
    assert err == (
        f"codev: 1 session not finished yet, not counted: {name} (codev resume, then F10)\n"
    )


def test_an_action_that_names_nobody_is_in_the_clients_journal(
    data_dir: Path, group: Group, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    from codev_tui.core.cycle_out.facts import gather
    from codev_tui.core.cycle_out.journal import render_journal

    _hold(data_dir, group, short_script, wall, "Ana Roy", actions=("Faire un point d'équipe",))
    facts = gather(group, cycle_sessions(data_dir, group))
    assert "Faire un point d'équipe" in render_journal(facts, group.find("Ana Roy"), "fr")
    assert "Faire un point d'équipe" not in render_journal(facts, group.find("Ben Sow"), "fr")


def test_anonymized_people_are_not_numbered_in_the_members_order(wall: FakeWallClock) -> None:
    from codev_tui.core.cycle_out.review import anonymous_order
    from codev_tui.core.group import Member

    members = [Member(f"p{i}", name, wall()) for i, name in enumerate(MEMBERS, 1)]
    group = Group(id="0f1e2d3c", name="Codev Lyon", created=wall(), members=members)
    order = [m.name for m in anonymous_order(group)]
    assert sorted(order) == sorted(MEMBERS) and order != MEMBERS
    assert order == [m.name for m in anonymous_order(group)]  # the same in every review


def test_the_minutes_name_who_was_away_and_the_review_keeps_the_days_quorum(
    data_dir: Path, group: Group, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    from codev_tui.core.cycle_out.facts import gather
    from codev_tui.core.cycle_out.review import render_review

    _hold(
        data_dir,
        group,
        short_script,
        wall,
        "Ana Roy",
        absent=("Dan Ito", "Eve Moe"),
        actions=("Former Dan au reporting / Ana",),
    )
    (session,) = cycle_sessions(data_dir, group)
    assert (session.absent, session.quorum) == (["Dan Ito", "Eve Moe"], 3)
    minutes = render_minutes(session)
    assert "- **Membres du groupe absents** : Dan Ito, Eve Moe" in minutes
    anonymous = render_minutes(session, anonymize=True)
    assert "- **Membres du groupe absents** : 2" in anonymous and "Dan" not in anonymous
    assert "Former Participant 1 au reporting" in anonymous  # away, yet spoken of
    # Two members join later: today's quorum is 4, that day's was 3 (three were present).
    for name in ("Zoé Roux", "Yann Le"):
        group = change_group(data_dir, "Codev Lyon", lambda g, n=name: g.add(n, wall()))
    assert group.quorum == 4
    review = render_review(gather(group, cycle_sessions(data_dir, group)), "en")
    assert "below the quorum" not in review


def test_group_show_says_when_the_sessions_planned_are_held_and_not_everyone_was_client(
    data_dir: Path,
    short_script: PhaseScript,
    wall: FakeWallClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from codev_tui.cli.main import main

    group = create_group(data_dir, "Codev Lyon", MEMBERS, sessions=2, now=wall)
    for client in ("Ana Roy", "Ben Sow"):
        _hold(data_dir, group, short_script, wall, client)
    assert main(["group", "show", "Codev Lyon"]) == 0
    assert (
        "The sessions planned are held; 3 members have not been client yet: "
        "Cleo Lam, Dan Ito, Eve Moe"
    ) in capsys.readouterr().out.splitlines()


def test_a_script_without_retour_reviews_nothing_and_carries_nothing(
    data_dir: Path, group: Group, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    from dataclasses import replace

    none = replace(short_script, script=replace(short_script.script, review_minutes=0))
    _hold(data_dir, group, none, wall, "Ana Roy", actions=("Appeler la DRH / Ana",))
    made = group_session(group, cycle_sessions(data_dir, group), none, client="Ben Sow")
    assert made.script.phases[0].id != RETOUR_ID and made.link.review == ()


def test_the_charters_quorum_is_never_more_than_the_members_left(
    data_dir: Path, group: Group, wall: FakeWallClock
) -> None:
    group = change_group(data_dir, "Codev Lyon", lambda g: g.set_charter("quorum: 4"))
    for name in ("Dan Ito", "Eve Moe"):
        group = change_group(data_dir, "Codev Lyon", lambda g, n=name: g.remove(n, wall()))
    assert group.quorum == 3
