"""The fold: the session's state (timings, notes, talk time...) built from its log of events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from codev_tui.core.events import EVENTS, Event, event_from_record
from codev_tui.core.session import _FOLD, Session, SessionError

START = datetime(2026, 11, 29, 9, 0, 0, tzinfo=UTC)


class Log:
    """Builds and folds events at given seconds after START, as the store would."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.seq = 0

    def __call__(self, at: float, type_: str, **fields) -> Event:
        self.seq += 1
        record = {"seq": self.seq, "t": START + timedelta(seconds=at), "type": type_, **fields}
        event = event_from_record(record)
        self.session.apply(event)
        return event


def at(seconds: float):
    return START + timedelta(seconds=seconds)


@pytest.fixture
def session(script, roster) -> Session:
    return Session(id="s1", created=START, lang="fr", script=script, roster=roster)


@pytest.fixture
def log(session) -> Log:
    return Log(session)


def note(log: Log, t: float, id_: int, text: str, **extra) -> Event:
    fields = {"phase": log.session.phase.id, "kind": "note", "author": "", "confidential": False}
    fields.update(extra)
    return log(t, "note", id=id_, text=text, **fields)


def test_a_new_session_is_at_the_first_phase_not_running(session):
    assert session.current == 0 and session.phase.id == "expose"
    assert not session.running and session.started is None and session.ended is None
    assert len(session.timings) == 3
    assert [session.elapsed(i, at(999)) for i in range(3)] == [0, 0, 0]
    assert [session.planned(i) for i in range(3)] == [600, 900, 300]


def test_time_spent_per_phase_counts_only_running_time(session, log):
    log(0, "phase", index=0, running=True)
    log(100, "pause")
    log(160, "resume")  # 60 s of pause: not counted
    log(400, "phase", index=1, running=True)
    log(450, "pause")
    log(1000, "resume")
    log(1200, "phase", index=2, running=False)  # entered, clock stopped
    log(1300, "resume")
    log(1330, "end")
    assert [t.spent for t in session.timings] == [100 + 240, 50 + 200, 30]
    assert [t.entered for t in session.timings] == [at(0), at(400), at(1200)]
    assert [t.left for t in session.timings] == [at(400), at(1200), at(1330)]
    assert session.started == at(0)
    assert session.ended == at(1330) and not session.running
    assert session.last_seq == 9


def test_elapsed_of_the_running_phase_counts_up_to_now(session, log):
    log(0, "phase", index=0, running=True)
    log(30, "pause")
    log(90, "resume")
    assert session.elapsed(0, at(90)) == 30
    assert session.elapsed(0, at(100.25)) == 40.25
    assert session.elapsed(1, at(100)) == 0  # another phase: nothing
    log(120, "pause")
    assert session.elapsed(0, at(5000)) == 60  # paused: now does not matter
    assert session.elapsed(0, at(-5000)) == 60


def test_a_clock_going_back_never_removes_time(session, log):
    log(100, "phase", index=0, running=True)
    log(90, "pause")  # an event stamped before the previous one (wall clock set back)
    assert session.timings[0].spent == 0
    log(95, "resume")
    assert session.elapsed(0, at(50)) == 0


def test_going_back_to_a_phase_adds_to_its_time(session, log):
    log(0, "phase", index=0, running=True)
    log(60, "phase", index=1, running=True)
    log(100, "phase", index=0, running=True)
    log(130, "phase", index=1, running=True)
    assert session.timings[0].spent == 90
    assert session.timings[0].entered == at(0) and session.timings[0].left == at(130)
    assert session.timings[1].entered == at(60) and session.timings[1].left is None
    assert session.elapsed(1, at(150)) == 40 + 20


def test_adjust_changes_the_planned_time_of_the_current_phase(session, log):
    log(0, "phase", index=1, running=True)
    log(10, "adjust", seconds=120.0)
    log(20, "adjust", seconds=-30.0)
    assert session.planned(1) == 900 + 90
    assert session.planned(0) == 600 and session.planned(2) == 300
    assert session.timings[1].adjust == 90


def test_a_phase_outside_the_script_is_refused(session, log):
    with pytest.raises(SessionError, match="phase 4 is not in the script"):
        log(0, "phase", index=3, running=True)
    with pytest.raises(SessionError):
        log(0, "phase", index=-1, running=True)


def test_notes_keep_their_order_phase_and_fields(session, log):
    log(0, "phase", index=0, running=True)
    note(log, 5, 1, "premier", author="Claire", prompt="Quel est ton problème ?")
    log(10, "phase", index=1, running=True)
    note(log, 15, 2, "question ?", kind="question", author="Ahmed", confidential=True)
    note(log, 16, 3, "autre")
    assert [(n.id, n.phase, n.kind, n.text, n.author, n.confidential) for n in session.notes] == [
        (1, "expose", "note", "premier", "Claire", False),
        (2, "questions", "question", "question ?", "Ahmed", True),
        (3, "questions", "note", "autre", "", False),
    ]
    assert session.notes[0].at == at(5) and session.notes[0].prompt == "Quel est ton problème ?"
    assert session.notes[1].prompt == ""
    assert [n.id for n in session.notes_in("questions")] == [2, 3]
    assert [n.id for n in session.notes_in("questions", include_confidential=False)] == [3]


def test_schema_1_confidential_toggles_by_note_id(session, log):
    for i in (1, 2, 3):
        note(log, i, i, f"n{i}")
    log(10, "confidential", note=2, value=True)
    assert [n.confidential for n in session.notes] == [False, True, False]
    log(11, "confidential", note=2, value=False)
    log(12, "confidential", note=3, value=True)
    log(13, "confidential", note=99, value=True)  # an unknown note changes nothing
    assert [n.confidential for n in session.notes] == [False, False, True]
    assert [n.text for n in session.notes_in("expose", include_confidential=False)] == ["n1", "n2"]


def test_the_last_contract_note_is_the_contract(session, log):
    note(log, 0, 1, "Comment dire non à mon chef ?", kind="contract")
    note(log, 5, 2, "Comment dire non à mon chef sans le fâcher ?", kind="contract")
    assert session.contract == "Comment dire non à mon chef sans le fâcher ?"
    log(6, "edit", note=2, text="Comment dire non sans fâcher ?")
    assert session.contract == "Comment dire non sans fâcher ?"
    log(7, "delete", note=2)
    assert session.contract == "Comment dire non à mon chef ?"
    log(8, "edit", note=1, kind="note")
    assert session.contract == ""


def test_actions_learnings_and_evaluation_are_derived_from_notes(session, log):
    note(log, 0, 1, "Appeler Paul / claire / lundi", kind="action")
    note(log, 1, 2, "Relire le contrat", kind="action", author="Ahmed")
    note(log, 1, 3, " / / ", kind="action")  # says nothing to do: no action
    note(log, 2, 4, "Écouter avant de proposer", kind="learning", author="Ahmed")
    note(log, 3, 5, "Oser demander", kind="learning", author="Claire")
    note(log, 4, 6, "4 rythme bien tenu", kind="evaluation", author="Chen")
    note(log, 4, 7, "clarification un peu longue", kind="evaluation")
    note(log, 4, 8, "5", kind="evaluation", author="Claire")
    log(5, "phase", index=1, running=True)
    log(6, "skip", prompt="As-tu essayé autre chose ?")
    assert [(a.what, a.who, a.due, a.note) for a in session.actions] == [
        ("Appeler Paul", "Claire", "lundi", 1),
        ("Relire le contrat", "Ahmed", "", 2),
    ]
    assert [(lrn.who, lrn.what) for lrn in session.learnings] == [
        ("Ahmed", "Écouter avant de proposer"),
        ("Claire", "Oser demander"),
    ]
    assert [(e.author, e.score, e.comment) for e in session.evaluations] == [
        ("Chen", 4, "rythme bien tenu"),
        ("", None, "clarification un peu longue"),
        ("Claire", 5, ""),
    ]
    assert session.skipped == [("questions", "As-tu essayé autre chose ?")]
    # A correction of the note corrects what was derived from it.
    log(7, "edit", note=1, text="Appeler Paul / Ahmed + Claire / mardi")
    log(8, "edit", note=5, kind="note")
    log(9, "edit", note=6, text="3 rythme un peu lent")
    assert [(a.what, a.people, a.due) for a in session.actions][0] == (
        "Appeler Paul",
        ("Ahmed", "Claire"),
        "mardi",
    )
    assert [lrn.who for lrn in session.learnings] == ["Ahmed"]
    assert session.evaluations[0].score == 3


def test_schema_1_copies_are_read_but_the_notes_decide(session, log):
    """Schema 1 wrote a copy of each contract, action and learning beside its note."""
    note(log, 0, 1, "Appeler Paul / Claire / lundi", kind="action")
    log(0, "action", what="Appeler Paul", who="Claire", due="lundi", note=1)
    note(log, 1, 2, "Le contrat", kind="contract")
    log(1, "contract", text="Le contrat")
    log(2, "learning", who="Ahmed", what="Écouter")
    log(3, "evaluation", text="Rythme bien tenu")
    assert [a.what for a in session.actions] == ["Appeler Paul"]
    assert session.contract == "Le contrat" and session.learnings == []
    assert [e.comment for e in session.evaluations] == ["Rythme bien tenu"]


def test_a_correction_changes_only_what_it_names(session, log):
    note(log, 0, 1, "texte", author="Claire", kind="question")
    log(1, "edit", note=1, text="texte corrigé")
    log(2, "edit", note=1, author="", confidential=True, kind="suggestion", phase="plan")
    (corrected,) = session.notes
    assert (corrected.text, corrected.author, corrected.kind, corrected.phase) == (
        "texte corrigé",
        "",
        "suggestion",
        "plan",
    )
    assert corrected.confidential and corrected.edited and corrected.at == at(0)
    log(3, "edit", note=42, text="une note inconnue ne change rien")
    assert [n.text for n in session.notes] == ["texte corrigé"]


def test_a_deleted_note_is_gone_and_its_id_never_comes_back(session, log):
    for i in (1, 2, 3):
        note(log, i, i, f"n{i}")
    log(10, "delete", note=3)
    assert [n.id for n in session.notes] == [1, 2] and session.note_count == 2
    assert session.note(3) is None and session.next_note_id == 4


def test_a_restored_note_comes_back_at_its_place(session, log):
    for i in (1, 2, 3):
        note(log, i, i, f"n{i}")
    log(10, "delete", note=2)
    log(11, "restore", note=2, phase="expose", kind="note", text="n2")
    assert [(n.id, n.text, n.at) for n in session.notes] == [
        (1, "n1", at(1)),
        (2, "n2", at(2)),
        (3, "n3", at(3)),
    ]


def test_tombstones_keep_the_place_of_a_deleted_note(session, log):
    """What a deletion leaves in the file: its id is taken, a restore finds its time."""
    log(1, "tombstone", note=1, was="note")
    note(log, 2, 2, "n2")
    log(3, "tombstone", note=1, was="edit")
    log(4, "delete", note=1)
    assert [n.id for n in session.notes] == [2] and session.next_note_id == 3
    log(5, "restore", note=1, phase="expose", kind="note", text="revenu")
    assert [(n.id, n.at) for n in session.notes] == [(1, at(1)), (2, at(2))]


def test_every_event_type_has_a_fold():
    assert set(_FOLD) == set(EVENTS.values())


def test_the_round_of_the_table_counts_rounds_and_turns(session, log):
    log(0, "phase", index=1, running=True)
    note(log, 1, 1, "avant le tour")
    log(2, "speaker", name="Ahmed")
    note(log, 3, 2, "idée d'Ahmed", author="Ahmed")
    log(4, "speaker", name="Béatrice", passed="Ahmed")
    log(5, "speaker", name="Chen")
    note(log, 6, 3, "idée de Chen", author="Chen")
    log(7, "speaker", name="Ahmed")  # back to the first: round 2
    note(log, 8, 4, "encore Ahmed", author="Ahmed")
    assert [(t.round, t.name, t.passed) for t in session.turns] == [
        (1, "Ahmed", True),
        (1, "Béatrice", False),
        (1, "Chen", False),
        (2, "Ahmed", False),
    ]
    assert [n.turn for n in session.notes] == [None, 0, 2, 3]
    assert session.round_number == 2
    assert session.passed_this_round("Ahmed") is False
    log(9, "speaker", name="Béatrice", passed="Ahmed")
    assert session.passed_this_round("Ahmed") is True
    assert session.passes == ["Ahmed", "Ahmed"]


def test_schema_1_nobody_after_the_last_then_the_first_is_round_2(session, log):
    log(0, "phase", index=1, running=True)
    for n, name in enumerate(["Ahmed", "Béatrice", "Chen", "", "Ahmed"]):
        log(n + 1, "speaker", name=name)
    assert [t.round for t in session.turns] == [1, 1, 1, 2]


def test_talk_time_per_speaker_stops_while_paused(session, log):
    log(0, "phase", index=1, running=True)
    log(10, "speaker", name="Ahmed")
    log(70, "speaker", name="Béatrice")  # Ahmed: 60
    assert session.talk_time("Ahmed", at(1000)) == 60
    assert session.talk_time("Béatrice", at(100)) == 30  # still talking: counts up to now
    log(100, "pause")  # Béatrice: 30, then the floor is frozen
    assert session.talk_time("Béatrice", at(500)) == 30
    log(300, "resume")  # Béatrice still has the floor
    assert session.talk_time("Béatrice", at(310)) == 40
    log(320, "speaker", name="")  # nobody
    assert session.talk_time("Béatrice", at(900)) == 50
    log(400, "speaker", name="Ahmed")
    log(425.5, "speaker", name="Chen")
    assert session.talk == {"Ahmed": 85.5, "Béatrice": 50, "Chen": 0}
    assert session.talk_time("Chen", at(430)) == 4.5
    assert session.talk_time("Personne", at(430)) == 0


def test_a_speaker_named_while_paused_starts_at_resume(session, log):
    log(0, "phase", index=1, running=False)
    log(5, "speaker", name="Chen")
    assert session.talk_time("Chen", at(100)) == 0
    log(100, "resume")
    assert session.talk_time("Chen", at(130)) == 30


def test_changing_phase_or_ending_closes_the_floor(session, log):
    log(0, "phase", index=1, running=True)
    log(10, "speaker", name="Ahmed")
    log(40, "phase", index=2, running=True)
    assert session.speaker == ""
    assert session.talk_time("Ahmed", at(1000)) == 30
    log(50, "speaker", name="Claire")
    log(65, "end")
    assert session.speaker == "" and session.talk == {"Ahmed": 30, "Claire": 15}
    assert session.talk_time("Claire", at(9999)) == 15


def test_end_then_resume_reopens_the_session(session, log):
    log(0, "phase", index=0, running=True)
    log(60, "end")
    assert session.ended == at(60)
    log(100, "reopened")
    log(100, "resume")
    assert session.ended is None and session.reopened == 1 and session.running
    assert session.elapsed(0, at(110)) == 70
    assert session.started == at(0)


def test_resume_without_a_phase_event_enters_the_first_phase(session, log):
    log(7, "resume")
    assert session.running and session.started == at(7)
    assert session.timings[0].entered == at(7)
    assert session.elapsed(0, at(10)) == 3


def test_the_last_seq_is_remembered(session, log):
    log(0, "pause")
    session.apply(event_from_record({"seq": 41, "t": at(1), "type": "pause"}))
    session.apply(event_from_record({"seq": 7, "t": at(2), "type": "pause"}))
    assert session.last_seq == 41


def test_consultant_names_are_trimmed_and_not_repeated() -> None:
    from codev_tui.core.session import parse_names

    assert parse_names(" Ali, Béatrice,, Chloé , ali,Béatrice ") == ["Ali", "Béatrice", "Chloé"]
    assert parse_names("") == []
