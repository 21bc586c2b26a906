"""The retour: a group's session opens with the previous plan's actions, and the facilitator
records what became of each (`1 fait …`), corrects it like any note, and carries over what is
left to do (`/report N`, F4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.core.cycle import RETOUR_ID, fate, previous_plan, with_retour
from codev_tui.core.script import PhaseScript
from codev_tui.core.session_parts import ReviewItem, split_status
from codev_tui.core.store import GroupLink, SessionFile, read_session
from tests.conftest import FakeMonotonic, FakeWallClock
from tests.unit.desk import ROSTER, SYNTHESIS, Desk


def _session(folder: Path, script: PhaseScript, wall: FakeWallClock, review=()) -> Desk:
    link = GroupLink("g1", {"Ana": "p1", "Bruno": "p2"}, tuple(review))
    script = with_retour(script) if review else script
    file = SessionFile.create(folder, script, ROSTER, group=link, now=wall)
    return Desk(file, wall, FakeMonotonic())


def _plan(desk: Desk, *lines: str) -> None:
    retour = 1 if desk.session.script.phases[0].id == RETOUR_ID else 0
    desk.control.go_to(SYNTHESIS + retour)
    for line in lines:
        desk.control.capture(line)
    desk.control.end()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1 fait appel passé", (1, "done", "appel passé")),
        ("2 en partie il manque le devis", (2, "partly", "il manque le devis")),
        ("3 pas fait", (3, "not_done", "")),
        ("3 Pas  Fait. faute de temps", (3, "not_done", "faute de temps")),
        ("4 not done: no time", (4, "not_done", "no time")),
        ("2 partly", (2, "partly", "")),
        ("1 done", (1, "done", "")),
        ("fait 1", None),
        ("1 faits", None),
        ("appel passé", None),
    ],
)
def test_a_status_is_a_number_and_a_word_in_french_or_english(typed: str, said: object) -> None:
    assert split_status(typed) == said


def test_the_next_session_reviews_the_plan_numbered_with_who_and_when(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    first = _session(tmp_path, short_script, wall)
    _plan(first, "Appeler la DRH / Ana / 15/12", "/c Parler à son N+1 / Ana", "Lire / Bruno")
    plan = previous_plan([read_session(first.path)])
    assert [(i.n, i.what, i.who, i.due) for i in plan] == [
        (1, "Appeler la DRH", "Ana", "15/12"),
        (2, "Lire", "Bruno", ""),  # a confidential action stays out of the room's retour
    ]
    second = _session(tmp_path, short_script, wall, plan)
    assert second.session.phase.id == RETOUR_ID
    assert second.session.phase.kind == "status"
    again = read_session(second.path)  # the header keeps the plan: the session stands alone
    assert [(i.n, i.what, i.ref) for i in again.review_items] == [
        (1, "Appeler la DRH", plan[0].ref),
        (2, "Lire", plan[1].ref),
    ]


def test_statuses_are_notes_the_latest_wins_and_a_correction_corrects_it(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    review = [ReviewItem(1, "Appeler la DRH", "Ana", "15/12", "s0:1"), ReviewItem(2, "Lire")]
    desk = _session(tmp_path, short_script, wall, review)
    c = desk.control
    first = c.capture("1 en partie laissé un message")
    c.capture("bonne dynamique")  # no status: a plain note, kept
    c.capture("2 pas fait")
    assert {n: (s.status, s.comment) for n, s in desk.session.statuses.items()} == {
        1: ("partly", "laissé un message"),
        2: ("not_done", ""),
    }
    assert [n.kind for n in desk.session.notes] == ["status", "note", "status"]
    c.correct(first.note_id, "1 fait appel passé")
    assert desk.session.statuses[1].status == "done"
    c.capture("9 fait")  # no action 9: a plain note, no status of anything
    assert desk.session.notes[-1].kind == "note"
    on_disk = read_session(desk.path)
    assert {n: s.status for n, s in on_disk.statuses.items()} == {1: "done", 2: "not_done"}


def test_report_carries_an_action_over_and_a_done_one_cannot_be(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    review = [ReviewItem(1, "Appeler", ref="s0:1"), ReviewItem(2, "Lire", ref="s0:2")]
    desk = _session(tmp_path, short_script, wall, review)
    c = desk.control
    assert c.carry(None) == ("retour.no_status_yet", {})  # F4 before any status
    c.capture("1 fait")
    c.capture("2 pas fait pas eu le temps")
    assert c.carry(1) == ("retour.done_not_carried", {"n": 1})
    assert c.carry(None) == ("retour.carried_flash", {"n": 2})  # the key: the latest status
    assert c.carry(7) == ("retour.no_such_item", {"n": 7, "last": 2})
    assert [(e["item"], e.get("on", True)) for e in desk.on_disk("carry")] == [(2, True)]
    _plan(desk, "Relancer le fournisseur / Bruno")
    sessions = [read_session(desk.path)]
    plan = previous_plan(sessions)
    assert [(i.n, i.what, i.ref) for i in plan] == [
        (1, "Lire", "s0:2"),  # carried: reviewed again, same ref
        (2, "Relancer le fournisseur", plan[1].ref),
    ]
    assert fate(sessions, "s0:1").status == "done"
    assert fate(sessions, "s0:2").carried


def test_without_a_previous_plan_or_with_review_minutes_0_there_is_no_retour(
    short_script: PhaseScript,
) -> None:
    from dataclasses import replace

    none = replace(short_script, script=replace(short_script.script, review_minutes=0))
    assert with_retour(none) is none
    ten = with_retour(short_script)
    assert ten.phases[0].minutes == 10 and ten.phases[0].title == "Retour sur le plan d'action"
    assert with_retour(ten) is ten


def test_the_minutes_have_the_retour_table_and_anonymized_no_name(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    from codev_tui.core.minutes.render import render_minutes

    review = [
        ReviewItem(1, "Appeler la DRH", "Ana", "15/12", "s0:1"),
        ReviewItem(2, "Lire [bold]", "Bruno + Zoé", "", "s0:2"),
        ReviewItem(3, "Relancer", "Chloé"),
    ]
    desk = _session(tmp_path, short_script, wall, review)
    desk.control.capture("1 fait appel passé")
    desk.control.capture("2 pas fait")
    desk.control.carry(2)
    minutes = render_minutes(read_session(desk.path))
    table = minutes.split("## Retour sur le plan d'action précédent\n\n", 1)[1].split("\n\n")[0]
    assert table.splitlines() == [
        "| Action | Qui | Prévue pour | Statut | Commentaire |",
        "| --- | --- | --- | --- | --- |",
        "| 1. Appeler la DRH | Ana | 15/12 | fait | appel passé |",
        "| 2. Lire \\[bold\\] | Bruno + Zoé |   | pas fait | *reportée à la séance suivante* |",
        "| 3. Relancer | Chloé |   | *pas de statut* |   |",
    ]
    anonymous = render_minutes(read_session(desk.path), anonymize=True)
    for name in ("Ana", "Bruno", "Zoé", "Chloé"):
        assert name not in anonymous


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        ('what = "Lire"', "what = 3", "review: reviewed action number 2 is damaged"),
        ('group_id = "g1"', "group_id = 1", "group_id: not a text"),
        ('Bruno = "p2"', "Bruno = 2", "people: not a table of names and ids"),
        ("quorum = 0", "quorum = -1", "quorum: not a number of members"),
        ("absent = []", "absent = [1]", "absent: not a list of names"),
    ],
)
def test_a_damaged_group_link_in_the_header_is_one_line(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock, before, after, said
) -> None:
    from codev_tui.core.session import SessionError
    from codev_tui.core.store import header_crc_line

    review = [ReviewItem(1, "Appeler"), ReviewItem(2, "Lire")]
    desk = _session(tmp_path, short_script, wall, review)
    desk.control.file.close()
    text = desk.path.read_text(encoding="utf-8")
    head, _, _ = text.partition("# header crc")  # rewritten with a checksum that matches
    assert before in head
    damaged = head.replace(before, after).encode("utf-8")
    desk.path.write_bytes(damaged + header_crc_line(damaged))
    with pytest.raises(SessionError) as caught:
        read_session(desk.path)
    (line,) = caught.value.lines("en")
    assert line.startswith(str(desk.path)) and said in line, line


def test_an_action_with_a_lone_surrogate_is_reviewed_with_a_replacement_character(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    desk = _session(tmp_path, short_script, wall, [ReviewItem(1, "Lire \ud800 vite", "Ana")])
    assert read_session(desk.path).review_items[0].what == "Lire \ufffd vite"
