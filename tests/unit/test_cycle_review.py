"""`codev review`'s document: the cycle counted right, safe to hand to a sponsor (no note, no
contract, no action text, no topic unless asked), and without a name when anonymized."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codev_tui.core.cycle import cycle_sessions
from codev_tui.core.cycle_out.facts import CycleFacts, gather
from codev_tui.core.cycle_out.review import render_review
from codev_tui.core.script import PhaseScript
from codev_tui.words import words_of
from tests.conftest import FakeWallClock
from tests.unit.cycle_kit import FACILITATOR, GROUP, MEMBERS, NOTES, PRIVATE, TOPICS, run_cycle


@pytest.fixture
def cycle(data_dir: Path, short_script: PhaseScript, wall: FakeWallClock) -> CycleFacts:
    group = run_cycle(data_dir, short_script, wall)
    return gather(group, cycle_sessions(data_dir, group))


def section(text: str, title: str) -> list[str]:
    """The lines of a `## title` section."""
    return text.split(f"## {title}\n")[1].split("\n## ")[0].strip().splitlines()


def rows(lines: list[str]) -> list[list[str]]:
    """The cells of a table's rows, header and rule left out."""
    table = [line for line in lines if line.startswith("|")][2:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in table]


def test_the_sessions_held_with_client_duration_and_the_quorum(cycle: CycleFacts) -> None:
    text = render_review(cycle, "en")
    assert f"# Cycle review — {GROUP}" in text
    assert "- **Sessions held**: 3 of 5 planned" in text
    assert "- **Quorum**: 3 members present" in text
    assert f"- **Facilitator**: {FACILITATOR}" in text
    sessions = rows(section(text, "Sessions"))
    assert [(r[0], r[2], r[4]) for r in sessions] == [
        ("1", "Ana Roy", "5"),
        ("2", "Ben Sow", "4"),
        ("3", "Cleo Lam", "2 — **below the quorum**"),
    ]
    assert all(re.fullmatch(r"\d\d:\d\d|\d:\d\d:\d\d", r[3]) for r in sessions)


def test_attendance_per_person(cycle: CycleFacts) -> None:
    attendance = rows(section(render_review(cycle, "en"), "Attendance"))
    assert attendance == [
        ["Ana Roy", "✓", "✓", "✓", "3 / 3"],
        ["Ben Sow", "✓", "✓", "—", "2 / 3"],
        ["Cleo Lam", "✓", "✓", "✓", "3 / 3"],
        ["Dan Ito *(left the group)*", "✓", "✓", "—", "2 / 3"],
        ["Eve Moe", "✓", "—", "—", "1 / 3"],
    ]


def test_the_action_plans_counted_by_outcome(cycle: CycleFacts) -> None:
    plans = rows(section(render_review(cycle, "en"), "Action plans"))
    # The confidential action is neither reviewed nor counted.
    assert plans == [
        ["1", "2", "1", "1", "0", "0"],
        ["2", "2", "0", "0", "1", "1"],
        ["3", "1", "0", "0", "0", "1"],
        ["**Total**", "**5**", "**1**", "**1**", "**1**", "**2**"],
    ]


def test_the_evaluations_mean_per_session_and_over_the_cycle(cycle: CycleFacts) -> None:
    text = render_review(cycle, "fr")
    # The confidential 1/5 is left out, as the minutes leave it out.
    assert rows(section(text, "Évaluations")) == [
        ["1", "4,5 / 5", "2"],
        ["2", "3,5 / 5", "2"],
        ["3", "pas d'avis", "0"],
    ]
    assert "**Sur le cycle** : 4,0 / 5 (4 avis)" in text


def test_the_chart_draws_the_mean_and_the_share_of_actions_done(cycle: CycleFacts) -> None:
    chart = section(render_review(cycle, "en"), "At a glance")
    bars = {line.split("  ")[0]: line for line in chart if line.startswith("Session ")}
    assert chart[0] == "```text"
    mean = [line for line in chart if "out of 5" in line]
    assert mean
    session_lines = [line for line in chart if line.startswith("Session 1")]
    assert "4.5 / 5" in session_lines[0] and "█" in session_lines[0]
    assert session_lines[1].endswith("50% (1/2)")
    assert bars["Session 3"].endswith("not reviewed yet")
    assert any(line.rstrip().endswith("no rating") for line in chart)


def test_the_participation_balance(cycle: CycleFacts) -> None:
    balance = {
        r[0]: r[1:] for r in rows(section(render_review(cycle, "en"), "Participation balance"))
    }
    # Talk time in the rounds; questions and suggestions said at one's turn, the confidential
    # question counted (never shown).
    assert balance["Ana Roy"] == ["0:01:30", "1", "0"]
    assert balance["Ben Sow"] == ["0:02:00", "1", "0"]
    assert balance["Cleo Lam"] == ["0:01:45", "0", "1"]
    assert balance["Dan Ito *(left the group)*"] == ["0:00:30", "1", "0"]
    assert balance["Eve Moe"] == ["0:00:30", "0", "0"]


def test_who_has_not_been_client_yet(cycle: CycleFacts) -> None:
    # Dan left the group: he is no longer waiting for his turn.
    assert section(render_review(cycle, "en"), "Not client yet")[0] == "- Eve Moe"


def test_no_note_contract_action_or_topic_unless_asked(cycle: CycleFacts) -> None:
    text = render_review(cycle, "en").replace("\\", "")
    assert [t for t in [*NOTES, *PRIVATE, *TOPICS] if t in text] == []
    with_topics = render_review(cycle, "en", with_topics=True).replace("\\", "")
    assert [t for t in TOPICS if t not in with_topics] == []
    assert [t for t in [*NOTES, *PRIVATE] if t in with_topics] == []


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("with_topics", [False, True])
def test_anonymized_the_review_names_nobody(
    cycle: CycleFacts, lang: str, with_topics: bool
) -> None:
    text = render_review(cycle, lang, anonymize=True, with_topics=with_topics)
    words = {w for name in [*MEMBERS, FACILITATOR] for w in name.split()}
    leaks = [w for w in words if re.search(rf"\b{w}\b", text, re.IGNORECASE)]
    assert leaks == []
    person = "Person" if lang == "en" else "Personne"
    assert [r[2] for r in rows(section(text, "Sessions" if lang == "en" else "Séances"))] == [
        "Client 1",
        "Client 2",
        "Client 3",
    ]
    attendance = section(text, "Attendance" if lang == "en" else "Présence")
    assert [r[0].split(" *")[0] for r in rows(attendance)] == [f"{person} {n}" for n in range(1, 6)]
    facilitator = "Facilitator" if lang == "en" else "Facilitation"
    assert f"- **{facilitator}**" in text and f"{person} 6" in text


def test_a_group_without_sessions_yet(data_dir: Path, wall: FakeWallClock) -> None:
    from codev_tui.core.group import create_group

    group = create_group(data_dir, "Neuf", MEMBERS, now=wall)
    text = render_review(gather(group, []), "en")
    assert "*No session held yet.*" in text
    assert "- **Sessions held**: 0" in text
    assert section(text, "Not client yet")[:5] == [f"- {name}" for name in MEMBERS]


def test_french_puts_a_space_before_a_colon() -> None:
    glued = [t for t in words_of("cycle", "fr").values() if re.search(r"(?<=\S):(?=\s|$)", t)]
    assert glued == []
