"""The fold: the session's state (timings, notes, talk time...) built from its log of events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from codev_tui.core.session import Session, SessionError

START = datetime(2026, 11, 29, 9, 0, 0, tzinfo=UTC)


class Log:
    """Builds and folds events at given seconds after START, as the store would."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.seq = 0

    def __call__(self, at: float, type_: str, **fields) -> dict:
        self.seq += 1
        event = {"seq": self.seq, "t": START + timedelta(seconds=at), "type": type_, **fields}
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


def note(log: Log, t: float, id_: int, text: str, **extra) -> dict:
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


def test_confidential_toggles_by_note_id(session, log):
    for i in (1, 2, 3):
        note(log, i, i, f"n{i}")
    log(10, "confidential", note=2, value=True)
    assert [n.confidential for n in session.notes] == [False, True, False]
    log(11, "confidential", note=2, value=False)
    log(12, "confidential", note=3, value=True)
    log(13, "confidential", note=99, value=True)  # an unknown note changes nothing
    assert [n.confidential for n in session.notes] == [False, False, True]
    assert [n.text for n in session.notes_in("expose", include_confidential=False)] == ["n1", "n2"]


def test_the_last_contract_wins(session, log):
    log(0, "contract", text="Comment dire non à mon chef ?")
    log(5, "contract", text="Comment dire non à mon chef sans le fâcher ?")
    assert session.contract == "Comment dire non à mon chef sans le fâcher ?"


def test_actions_learnings_evaluation_and_skips_accumulate(session, log):
    log(0, "action", what="Appeler Paul", who="Claire", due="lundi")
    log(1, "action", what="Relire le contrat", who="", due="")
    log(2, "learning", who="Ahmed", what="Écouter avant de proposer")
    log(3, "learning", who="Claire", what="Oser demander")
    log(4, "evaluation", text="Rythme bien tenu")
    log(5, "phase", index=1, running=True)
    log(6, "skip", prompt="As-tu essayé autre chose ?")
    assert [(a.what, a.who, a.due) for a in session.actions] == [
        ("Appeler Paul", "Claire", "lundi"),
        ("Relire le contrat", "", ""),
    ]
    assert [(lrn.who, lrn.what) for lrn in session.learnings] == [
        ("Ahmed", "Écouter avant de proposer"),
        ("Claire", "Oser demander"),
    ]
    assert session.evaluation == ["Rythme bien tenu"]
    assert session.skipped == [("questions", "As-tu essayé autre chose ?")]


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
    session.apply({"seq": 41, "t": at(1), "type": "pause"})
    session.apply({"seq": 7, "t": at(2), "type": "pause"})
    assert session.last_seq == 41


def test_consultant_names_are_trimmed_and_not_repeated() -> None:
    from codev_tui.core.session import parse_names

    assert parse_names(" Ali, Béatrice,, Chloé , ali,Béatrice ") == ["Ali", "Béatrice", "Chloé"]
    assert parse_names("") == []
