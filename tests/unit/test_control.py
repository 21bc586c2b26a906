"""SessionControl's rules without any screen: capture, the round of the table, the timer and
its one-minute steps, practice prompts, corrections; on fake clocks, written to a real file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from codev_tui.core.control import SessionControl
from codev_tui.core.events import Event
from codev_tui.core.export import render_minutes
from codev_tui.core.notes import PASTED_NEWLINE
from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session
from tests.conftest import START, FakeMonotonic, FakeWallClock

EXPOSE, CONTRACT, CONSULTATION, SYNTHESIS, LEARNINGS = range(5)
"""The phases of tests/fixtures/short.toml."""

ROSTER = Roster(
    topic="Gérer un conflit dans l'équipe",
    group="Codev Lyon",
    facilitator="Fanny",
    client="Ana",
    consultants=["Bruno", "Chloé", "Driss"],
)


class Desk:
    """A SessionControl on fake clocks; what it submits is written at once, unless held."""

    def __init__(self, file: SessionFile, wall: FakeWallClock, mono: FakeMonotonic) -> None:
        self.wall, self.mono = wall, mono
        self.holding = False
        self.held: list[Event] = []
        self.control = SessionControl(file, self._submit, mono, wall)
        self.session = self.control.session
        self.path = file.path

    def _submit(self, event: Event) -> None:
        if self.holding:
            self.held.append(event)
        else:
            self._write(event)

    def _write(self, event: Event) -> None:
        self.control.file.write(event)
        self.control.saved(event)

    def release(self) -> None:
        """Write what was held, and write at once from now on."""
        self.holding = False
        for event in self.held:
            self._write(event)
        self.held.clear()

    def later(self, seconds: float) -> None:
        """Let time pass on both clocks."""
        self.wall.advance(seconds)
        self.mono.step(seconds)

    def notes(self, *fields: str) -> list[tuple[object, ...]]:
        """The notes of the session (as folded), as tuples of the given fields."""
        return [tuple(getattr(n, f) for f in fields) for n in self.session.notes]

    def on_disk(self, kind: str) -> list[dict[str, object]]:
        """The events of one type in the session file."""
        import tomllib

        events = tomllib.loads(self.path.read_text(encoding="utf-8")).get("events", [])
        return [e for e in events if e["type"] == kind]


@pytest.fixture
def desk(tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock) -> Desk:
    """A new session of the short script, at its first phase, not started."""
    file = SessionFile.create(tmp_path, short_script, ROSTER, now=wall)
    return Desk(file, wall, FakeMonotonic())


@pytest.fixture
def practice(tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock) -> Desk:
    """A practice session of the short script: the client's part, at ten times the speed."""
    file = SessionFile.create(
        tmp_path,
        short_script,
        Roster(topic="practice"),
        practice=True,
        practice_role="client",
        speed=10,
        now=wall,
    )
    return Desk(file, wall, FakeMonotonic())


# -- capture ------------------------------------------------------------------------------------


def test_a_note_takes_the_kind_of_its_phase(desk: Desk) -> None:
    c = desk.control
    c.capture("simple")
    c.go_to(CONTRACT)
    c.capture("Savoir dire non")
    c.go_to(CONSULTATION)
    c.capture("deleguer")
    c.go_to(SYNTHESIS)
    c.capture("Appeler RH")
    c.go_to(LEARNINGS)
    c.capture("écouter")
    assert desk.notes("phase", "kind") == [
        ("expose", "note"),
        ("contrat", "contract"),
        ("consultation", "suggestion"),
        ("synthese", "action"),
        ("apprentissages", "learning"),
    ]
    assert [(e["phase"], e["kind"]) for e in desk.on_disk("note")] == desk.notes("phase", "kind")


def test_prefixes_give_the_kind_the_author_and_confidentiality(desk: Desk) -> None:
    for line in (
        "/q @bru pourquoi ?",
        "/c /h @chl une hypothese",
        "@ana /s essayer autre chose",
        "// /q pas un prefixe",
        "@Zoe inconnue",
        "simple",
    ):
        desk.control.capture(line)
    got = desk.notes("kind", "author", "confidential", "text")
    assert got == [
        ("question", "Bruno", False, "pourquoi ?"),
        ("hypothesis", "Chloé", True, "une hypothese"),
        ("suggestion", "Ana", False, "essayer autre chose"),
        ("note", "", False, "/q pas un prefixe"),
        ("note", "Zoe", False, "inconnue"),
        ("note", "", False, "simple"),
    ]
    assert all(n.phase == "expose" for n in desk.session.notes)
    on_disk = read_session(desk.path).notes
    assert [(n.kind, n.author, n.confidential, n.text) for n in on_disk] == got


@pytest.mark.parametrize("line", ["", "   ", "/q @bru", "/c", "//"])
def test_a_line_without_text_saves_nothing(desk: Desk, line: str) -> None:
    assert not desk.control.has_text(line)
    assert desk.control.capture(line) is None
    assert desk.session.notes == []
    assert desk.on_disk("note") == []
    assert desk.control.unsaved == 0


def test_pasted_line_breaks_are_saved_as_line_breaks(desk: Desk) -> None:
    desk.control.capture(f"a{PASTED_NEWLINE}b")
    assert desk.notes("text") == [("a\nb",)]


@pytest.mark.parametrize(
    "text",
    ["[bold]gras ?[/bold]", "[/]", "[@click=app.quit]x", "rouge \x1b[31m ici", "bravo 🎉👍🏽"],
)
def test_markup_control_characters_and_emoji_are_saved_as_typed(desk: Desk, text: str) -> None:
    desk.control.capture(text)
    assert [n.text for n in read_session(desk.path).notes] == [text]


def test_a_5000_character_note_is_saved_whole(desk: Desk) -> None:
    text = ("Une très longue note, sans fin. " * 200)[:4999] + "!"
    desk.control.capture(text)
    desk.control.capture("et ensuite")
    assert [n.text for n in read_session(desk.path).notes] == [text, "et ensuite"]


def test_a_note_for_another_phase_takes_that_phases_kind(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONSULTATION)
    c.capture("/p2 Le contrat, oublié")
    c.capture("/p2 /q une question sur le contrat")
    assert desk.notes("phase", "kind") == [("contrat", "contract"), ("contrat", "question")]
    assert desk.session.contract == "Le contrat, oublié"


def test_the_contract_is_the_last_contract_note(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONTRACT)
    c.capture("Trouver comment parler a Marc")
    c.capture("Comment dire non a Marc sans casser la relation")
    c.go_to(CONSULTATION)
    assert desk.session.contract == "Comment dire non a Marc sans casser la relation"
    assert read_session(desk.path).contract == desk.session.contract
    # The contract is a note of its kind: each version typed is one.
    assert [e["text"] for e in desk.on_disk("note") if e["kind"] == "contract"] == [
        "Trouver comment parler a Marc",
        "Comment dire non a Marc sans casser la relation",
    ]


def test_synthesis_lines_become_action_items(desk: Desk) -> None:
    desk.control.go_to(SYNTHESIS)
    desk.control.capture("Appeler RH / Ana / vendredi")
    desk.control.capture("Relire le contrat")
    actions = read_session(desk.path).actions
    assert [(a.what, a.who, a.due) for a in actions] == [
        ("Appeler RH", "Ana", "vendredi"),
        ("Relire le contrat", "", ""),
    ]


def test_a_confidential_action_or_learning_stays_out_of_the_minutes(desk: Desk) -> None:
    c = desk.control
    c.go_to(SYNTHESIS)
    c.capture("/c Parler à RH / Ana / lundi")
    c.capture("Relire le contrat / Ana")
    c.capture(" / / ")  # no action in it: a note, not an empty action
    c.capture("Appeler Bruno / Ana")  # marked confidential afterwards
    c.set_confidential(desk.session.notes[-1], True)
    c.go_to(LEARNINGS)
    c.capture("/c @Bruno ma peur du conflit")
    session = read_session(desk.path)
    assert [a.what for a in session.actions] == [
        "Parler à RH",
        "Relire le contrat",
        "Appeler Bruno",
    ]
    minutes = render_minutes(session)
    assert "Relire le contrat" in minutes
    for secret in ("Parler à RH", "Appeler Bruno", "peur du conflit"):
        assert secret not in minutes
    everything = render_minutes(session, include_confidential=True)
    assert "Parler à RH *(confidentiel)*" in everything
    assert "peur du conflit *(confidentiel)*" in everything


def test_learnings_belong_to_a_person(desk: Desk) -> None:
    desk.control.go_to(LEARNINGS)
    desk.control.capture("@Bruno j'ai appris")
    desk.control.capture("@dri ecouter avant de proposer")
    learnings = read_session(desk.path).learnings
    assert [(x.who, x.what) for x in learnings] == [
        ("Bruno", "j'ai appris"),
        ("Driss", "ecouter avant de proposer"),
    ]


def test_a_note_is_saved_only_once_it_is_on_disk(desk: Desk) -> None:
    c = desk.control
    desk.holding = True
    event = c.capture("en attente")
    assert event is not None and event.note_id is not None
    assert desk.notes("text") == [("en attente",)]  # shown at once
    assert not c.is_saved(event.note_id) and c.unsaved == 1
    c.failed("disque plein")
    assert c.save_error == "disque plein"
    c.capture("encore")
    assert c.unsaved == 2
    desk.release()
    assert c.is_saved(event.note_id) and c.unsaved == 0
    assert c.save_error == ""  # everything is on disk again
    assert [n.text for n in read_session(desk.path).notes] == ["en attente", "encore"]


def test_a_deletion_on_its_way_is_known(desk: Desk) -> None:
    c = desk.control
    event = c.capture("à retirer")
    assert event is not None and event.note_id is not None
    desk.holding = True
    c.delete(event.note_id)
    assert c.deleting and desk.session.notes == []
    desk.release()
    assert not c.deleting


# -- corrections --------------------------------------------------------------------------------


def test_a_correction_saves_only_what_changed(desk: Desk) -> None:
    c = desk.control
    event = c.capture("/q @bru pourquoi ?")
    assert event is not None and event.note_id is not None
    note = desk.session.note(event.note_id)
    assert note is not None
    assert c.correction_line(note) == "/q @Bruno pourquoi ?"
    assert c.correct(note.id, "/q @Bruno pourquoi ?") is None  # nothing changed
    assert c.correct(note.id, "   ") is None  # an empty text is no correction
    c.correct(note.id, "/q @chl pourquoi donc ?")
    assert [
        {k: v for k, v in e.items() if k in ("author", "text")} for e in desk.on_disk("edit")
    ] == [{"author": "Chloé", "text": "pourquoi donc ?"}]
    c.correct(note.id, "pourquoi donc ?")  # no @name: no author; no kind token: the kind stays
    assert desk.notes("kind", "author", "text") == [("question", "", "pourquoi donc ?")]


def test_a_contract_moved_to_another_phase_takes_its_kind(desk: Desk) -> None:
    c = desk.control
    c.go_to(CONTRACT)
    event = c.capture("Le contrat")
    assert event is not None and event.note_id is not None
    note = desk.session.note(event.note_id)
    assert note is not None
    assert c.correction_line(note, here="consultation") == "/p2 Le contrat"
    c.correct(note.id, "/p3 Le contrat")
    assert desk.notes("phase", "kind") == [("consultation", "suggestion")]
    assert desk.session.contract == ""


def test_undo_puts_back_the_last_correction_then_the_deletion(desk: Desk) -> None:
    c = desk.control
    first = c.capture("premiere")
    second = c.capture("deuxieme")
    assert first is not None and second is not None
    assert first.note_id is not None and second.note_id is not None
    c.delete(first.note_id)
    c.correct(second.note_id, "/c deuxieme corrigee")
    c.undo()
    assert desk.notes("id", "text", "confidential") == [(second.note_id, "deuxieme", False)]
    c.undo()
    assert desk.notes("id", "text") == [(first.note_id, "premiere"), (second.note_id, "deuxieme")]
    assert c.undo() is None
    assert [n.text for n in read_session(desk.path).notes] == ["premiere", "deuxieme"]


# -- the round of the table -------------------------------------------------------------------


def test_the_round_of_the_table(desk: Desk) -> None:
    c, s = desk.control, desk.session
    c.go_to(CONSULTATION)
    assert s.running  # counting starts at once in a new phase
    assert c.next_speaker() == "Bruno"
    c.capture("Et si tu déléguais ?")  # Bruno has the floor: his
    c.capture("@Driss Un témoignage")
    c.capture("/p1 @Ana un fait oublié")  # for another phase: the speaker is no author
    c.capture("/p1 un autre")
    assert desk.notes("author", "text") == [
        ("Bruno", "Et si tu déléguais ?"),
        ("Driss", "Un témoignage"),
        ("Ana", "un fait oublié"),
        ("", "un autre"),
    ]
    desk.later(60)
    assert c.next_speaker() == "Chloé"
    desk.later(30)
    assert c.pass_turn() == "Driss"  # Chloé passes: the floor goes to Driss
    assert s.passes == ["Chloé"] and s.passed_this_round("Chloé")
    desk.later(45)
    c.toggle_timer()  # paused: Driss's time stops too
    desk.later(100)
    c.toggle_timer()
    desk.later(15)
    assert c.next_speaker() == "Bruno"  # after the last consultant: round 2
    assert s.round_number == 2
    assert not s.passed_this_round("Chloé")  # a pass counts in its own round
    assert s.talk == {"Bruno": 60.0, "Chloé": 30.0, "Driss": 60.0}
    on_disk = read_session(desk.path)
    assert on_disk.talk == {"Bruno": 60.0, "Chloé": 30.0, "Driss": 60.0}
    assert on_disk.passes == ["Chloé"]
    assert [(t.round, t.name) for t in on_disk.turns] == [
        (1, "Bruno"),
        (1, "Chloé"),
        (1, "Driss"),
        (2, "Bruno"),
    ]


def test_the_round_keys_do_nothing_outside_a_round_phase(desk: Desk) -> None:
    c = desk.control
    for index in (EXPOSE, CONTRACT, SYNTHESIS):
        c.go_to(index)
        assert c.next_speaker() == "" and c.pass_turn() == ""
    assert desk.session.speaker == ""
    assert desk.on_disk("speaker") == []


def test_a_pass_before_anyone_has_the_floor_gives_it_to_the_first(desk: Desk) -> None:
    desk.control.go_to(CONSULTATION)
    assert desk.control.pass_turn() == "Bruno"
    assert desk.session.passes == []


def test_a_round_without_consultants_has_no_floor(
    tmp_path: Path, short_script: PhaseScript, wall: FakeWallClock
) -> None:
    file = SessionFile.create(tmp_path, short_script, Roster(topic="seul"), now=wall)
    desk = Desk(file, wall, FakeMonotonic())
    desk.control.go_to(CONSULTATION)
    assert desk.control.next_speaker() == ""
    assert desk.on_disk("speaker") == []


# -- the timer ----------------------------------------------------------------------------------


def test_f5_starts_pauses_and_resumes(desk: Desk) -> None:
    c = desk.control
    assert not desk.session.running and c.countdown.remaining() == 600
    assert c.toggle_timer() is True
    desk.later(90)
    assert c.toggle_timer() is False
    desk.later(600)  # paused: the time does not move
    assert c.countdown.remaining() == 510
    assert c.toggle_timer() is True
    assert [e["type"] for e in desk.on_disk("pause") + desk.on_disk("resume")] == [
        "pause",
        "resume",
        "resume",
    ]
    assert read_session(desk.path).elapsed(EXPOSE, desk.wall()) == 90


def test_adjust_moves_the_time_by_exactly_a_minute(desk: Desk) -> None:
    c = desk.control
    before = c.countdown.remaining()
    c.adjust(1)
    assert c.countdown.remaining() - before == 60
    c.adjust(-1)
    c.adjust(-1)
    assert before - c.countdown.remaining() == 60
    c.adjust(0)  # nothing to record
    assert [e["seconds"] for e in desk.on_disk("adjust")] == [60, -60, -60]
    assert read_session(desk.path).planned(EXPOSE) == 540


def test_a_phase_is_never_planned_below_zero(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(7)
    for _ in range(15):  # a 10-minute phase: ten minutes can go, not fifteen
        c.adjust(-1)
    assert c.countdown.remaining() == -7
    assert desk.session.planned(EXPOSE) == 0
    c.adjust(1)
    assert c.countdown.remaining() == 53
    assert sum(e["seconds"] for e in desk.on_disk("adjust")) == -540  # type: ignore[misc]


def test_the_bell_rings_once_per_time_out(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(599)
    assert not c.time_out()
    desk.later(1)
    assert c.time_out()
    for _ in range(5):
        desk.later(1)
        assert not c.time_out()
    c.adjust(1)  # time is left again: when it runs out again, one more ring
    assert not c.time_out()
    desk.later(60)
    assert c.time_out()


def test_a_paused_phase_never_rings(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(700)
    c.toggle_timer()
    assert not c.time_out()


def test_go_to_enters_a_phase_of_the_script(desk: Desk) -> None:
    c = desk.control
    assert not c.go_to(-1) and not c.go_to(5) and not c.go_to(EXPOSE)
    assert c.go_to(CONTRACT)
    assert desk.session.running and c.countdown.running
    assert c.countdown.remaining() == 300
    desk.later(400)
    assert c.go_to(EXPOSE)  # back: the first phase keeps the time it had
    assert c.countdown.remaining() == 600
    assert [e["index"] for e in desk.on_disk("phase")] == [CONTRACT, EXPOSE]


def test_end_then_reopen(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    desk.later(60)
    c.end()
    c.end()  # once
    assert desk.session.ended == desk.wall() and not c.countdown.running
    assert c.toggle_timer() is False  # an ended session has no timer
    c.reopen()
    assert desk.session.ended is None and c.countdown.running
    desk.later(60)
    assert c.countdown.remaining() == 480
    assert len(desk.on_disk("end")) == 1


def test_the_header_projects_the_end_and_the_drift(desk: Desk) -> None:
    c = desk.control
    c.toggle_timer()
    assert c.planned_end() == START + timedelta(minutes=40)
    desk.later(60)
    c.toggle_timer()
    desk.later(600)  # paused ten minutes: ten minutes late
    # At 09:11, nine minutes left of the exposé and thirty planned after it.
    assert c.projected_end() == START + timedelta(minutes=50)
    assert c.drift_minutes() == 10


# -- practice -----------------------------------------------------------------------------------


CLIENT_PROMPTS = [
    ["Quelle est la situation ?", "Qu’est-ce qui est en jeu ?"],
    ["Qu’attendez-vous du groupe ?"],
    ["Quelle piste faire préciser ?"],
    ["Que retenez-vous ?", "Quelle première action ?"],
    ["Qu’est-ce qui vous a aidé ?"],
]


def test_practice_prompts_one_at_a_time_answered_or_skipped(practice: Desk) -> None:
    c = practice.control
    assert c.current_prompt() == ("client", CLIENT_PROMPTS[0][0])
    assert c.countdown.planned == 60  # ten minutes at ten times the speed
    c.toggle_timer()
    c.capture("Une equipe de cinq, un conflit")
    assert c.current_prompt() == ("client", CLIENT_PROMPTS[0][1])
    assert c.skip_prompt()
    assert c.current_prompt() is None
    assert not c.skip_prompt()  # nothing left to skip
    c.capture("une note libre")
    practice.later(30)
    assert c.countdown.remaining() == 30
    assert c.real_equivalent() == 300
    s = read_session(practice.path)
    assert [(n.prompt, n.text) for n in s.notes] == [
        (CLIENT_PROMPTS[0][0], "Une equipe de cinq, un conflit"),
        ("", "une note libre"),
    ]
    assert s.skipped == [("expose", CLIENT_PROMPTS[0][1])]


def test_practice_rehearses_the_whole_script(practice: Desk) -> None:
    c = practice.control
    c.toggle_timer()
    phases = practice.session.script.phases
    for index, prompts in enumerate(CLIENT_PROMPTS):
        assert c.countdown.planned == phases[index].seconds / 10
        assert c.current_prompt() == ("client", prompts[0])
        c.capture(f"reponse {index + 1}")
        if len(prompts) > 1:
            c.skip_prompt()
        assert c.current_prompt() is None
        practice.later(60)
        assert c.countdown.remaining() == phases[index].seconds / 10 - 60
        if not c.go_to(index + 1):
            c.end()
    s = read_session(practice.path)
    assert s.practice and s.speed == 10 and s.practice_role == "client"
    assert [(n.phase, n.prompt, n.text) for n in s.notes] == [
        (phase.id, prompts[0], f"reponse {i + 1}")
        for i, (phase, prompts) in enumerate(zip(phases, CLIENT_PROMPTS, strict=True))
    ]
    assert s.skipped == [
        (phase.id, prompts[1])
        for phase, prompts in zip(phases, CLIENT_PROMPTS, strict=True)
        if len(prompts) > 1
    ]
    assert s.ended is not None
    assert [round(s.elapsed(i)) for i in range(len(phases))] == [60] * len(phases)


@pytest.mark.parametrize(
    ("role", "first"),
    [
        ("consultant", ("consultants", "Notez vos questions.")),
        ("facilitator", ("facilitator", "Annoncez les deux dernières minutes.")),
    ],
)
def test_practice_prompts_follow_the_rehearsed_role(
    tmp_path: Path,
    short_script: PhaseScript,
    wall: FakeWallClock,
    role: str,
    first: tuple[str, str],
) -> None:
    file = SessionFile.create(
        tmp_path, short_script, Roster(), practice=True, practice_role=role, now=wall
    )
    c = Desk(file, wall, FakeMonotonic()).control
    assert c.prompts() == [first]
    c.skip_prompt()
    assert file.session.skipped == [("expose", first[1])]


def test_a_real_session_saves_notes_without_prompts(desk: Desk) -> None:
    desk.control.capture("une note")
    assert desk.notes("prompt") == [("",)]
    assert desk.control.scale == 1.0
