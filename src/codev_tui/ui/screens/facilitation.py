"""The facilitation screen: phase, rules, roles, a big countdown and the notes, for 1h30–3h."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Static

from codev_tui.core.choosing import SUBJECT
from codev_tui.core.control import SessionControl
from codev_tui.core.room import room_rules
from codev_tui.core.session import Note
from codev_tui.core.times import format_clock
from codev_tui.ui import session_view as view
from codev_tui.ui.localize import localize_bindings
from codev_tui.ui.screens.facilitation_time import TimeScreen
from codev_tui.ui.screens.typing import after_typing
from codev_tui.ui.widgets.bigclock import BigClock
from codev_tui.ui.widgets.candidates_strip import CandidatesStrip
from codev_tui.ui.widgets.contract_strip import ContractStrip
from codev_tui.ui.widgets.keys_bar import KeysBar
from codev_tui.ui.widgets.line_strip import LineStrip
from codev_tui.ui.widgets.note_input import NoteInput
from codev_tui.ui.widgets.notes_list import NotesList, note_line
from codev_tui.ui.widgets.phase_text import PhaseText, phase_body
from codev_tui.ui.widgets.projector_head import ProjectorHead
from codev_tui.ui.widgets.prompt_strip import PromptStrip
from codev_tui.ui.widgets.review_strip import ReviewStrip
from codev_tui.ui.widgets.round_strip import RoundStrip
from codev_tui.ui.widgets.rules_strip import RulesStrip
from codev_tui.ui.widgets.status_line import SaveState, StatusLine, StatusState
from codev_tui.ui.widgets.top_bar import TopBar
from codev_tui.words import Texts

MIN_WIDTH, MIN_HEIGHT = 40, 12
"""Below this size the screen shows only the time and a request to enlarge the terminal."""

_STRIPS: dict[str, type[LineStrip]] = {
    "review": ReviewStrip,
    "practice-prompt": PromptStrip,
    "candidates": CandidatesStrip,
    "contract": ContractStrip,
    "round": RoundStrip,
}
"""The strips under the phase and the clock, in their order, each added once it is needed."""

_ORDER = [*_STRIPS, "notes", "note-input", "cue", "status", "too-small", "keys"]
"""The widgets a strip (or the "too small" notice) is added before, in their order."""


class FacilitationScreen(TimeScreen):
    """One phase at a time: what happens now, how long is left, and the notes."""

    CSS_PATH = "facilitation.tcss"

    BINDINGS = [
        Binding("pagedown", "next_phase", "k_next", priority=True, id="next"),
        # PageUp is the clicker's other key: in the help, the palette and the README, but left
        # out of the footer, which must fit 80 columns in the round of the table.
        Binding("pageup", "previous_phase", "k_prev", show=False, priority=True, id="prev"),
        Binding("f5", "toggle_timer", "k_timer", priority=True, id="timer"),
        # Only while a cue shows; early, as a long line drops its last keys.
        Binding("ctrl+o", "dismiss_cue", "cues.k_dismiss", priority=True, id="dismiss"),
        Binding("f1", "help", "k_help", priority=True, id="help"),
        Binding("f6", "next_speaker", "k_speaker", priority=True, id="speaker"),
        Binding("f4", "pass_turn", "k_pass", priority=True, id="pass"),
        Binding("f4", "carry", "k_carry", priority=True, id="carry"),
        Binding("f4", "choose_leader", "choosing.k_choose", priority=True, id="choose"),
        Binding("f8", "adjust(1)", "k_more", priority=True, id="more"),
        Binding("f7", "adjust(-1)", "k_less", priority=True, id="less"),
        Binding("f7", "take_minutes", "cues.k_take", priority=True, id="take"),
        Binding("f2", "toggle_projector", "k_projector", priority=True, id="projector"),
        Binding("f3", "skip_prompt", "k_skip", priority=True, id="skip"),
        Binding("f10", "end_session", "k_end", priority=True, id="end"),
        Binding("f9", "toggle_bell", "k_bell", show=False, priority=True, id="bell"),
        # Not priorities: the notes input and the list use these keys for themselves first.
        Binding("ctrl+z", "undo", "k_undo", show=False, id="undo"),
        Binding("escape", "escape", show=False),
    ]

    def __init__(self, control: SessionControl, texts: Texts, notice: str = "") -> None:
        super().__init__(control, texts)
        self.notice = notice
        self.bell = True
        self._shown_phase = -1
        self._last_clock = ""

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The screen's widgets; their content comes from `refresh_all`."""
        # The classes that depend on the terminal's size and the countdown are set before the
        # first styling: set later, each would style the whole screen again before its first
        # frame.
        width, height = self.app.size
        self._size_classes(width, height, update=False)
        # Each widget is made with what it shows, so that the first frame is laid out once;
        # a strip the session does not need yet (the contract, the round, practice prompts,
        # the "too small" notice) is added when it does.
        s, t = self.control.session, self.t
        self._shown_phase = s.current
        yield TopBar(t, view.top_bar_state(self.control, width - 2), id="topbar")
        yield RulesStrip(t, room_rules(s), id="rules-strip")
        with Horizontal(id="main"):
            yield ProjectorHead(t, self.control, id="projector-head")  # shown in projector mode
            yield PhaseText(s.phase.title, phase_body(s.script, s.phase, t), id="phase")
            countdown = self.control.countdown
            yield BigClock(
                format_clock(countdown.remaining()),
                countdown.state(),
                view.clock_words(self.control, self.t),
                id="clock",
            )
        for name, strip in _STRIPS.items():
            if (state := self._strip_state(name)) is not None:
                yield strip(t, state, id=name)
        yield NotesList(id="notes")
        note_input = NoteInput(self.save_note, self.note_keys, id="note-input")
        note_input.placeholder = view.placeholder(self.control.session, self.t)
        yield note_input
        yield StatusLine(t, self._status_state(view.save_state(self.control)), id="status")
        if self.has_class("-too-small"):
            yield Static(self._too_small_text(), id="too-small")
        yield KeysBar(id="keys")  # Ctrl+P (the palette) is in the help (F1)

    def on_mount(self) -> None:
        """Fill the screen and start the once-a-second refresh."""
        localize_bindings(self._bindings, self.t)
        # The input keeps the focus while a note is chosen (see `note_keys`); a click on a
        # note still corrects it.
        self.query_one(NotesList).can_focus = False
        self.refresh_notes()
        self.refresh_clock(force=True)
        self.set_interval(0.5, self.tick)
        self.query_one(NoteInput).focus()
        if self.control.session.ended:  # an ended session reopens on its closing screen
            self.call_after_refresh(self._end_session)
        elif self.control.away_since is not None:  # down for long while the phase ran
            self.call_after_refresh(self._ask_time_away)

    def on_resize(self, event: Resize) -> None:
        """Switch to the 'enlarge the terminal' view when too small."""
        self._check_size(event.size.width, event.size.height)

    def _size_classes(self, width: int, height: int, update: bool = True) -> None:
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small", update=update)
        self.set_class(width >= 120 and height >= 36, "-large", update=update)
        self.set_class(height < 20, "-short", update=update)

    def _check_size(self, width: int, height: int) -> None:
        self._size_classes(width, height)
        if self.has_class("-too-small"):
            self._choose(False)  # the notes are hidden: none can be chosen
        self.refresh_clock(force=True)
        self.refresh_topbar()
        self.refresh_round()  # cut to the new width
        if self.focused is None or not self.focused.display or self.has_class("-too-small"):
            self.query_one(NoteInput).focus()  # typing goes on in every view

    # -- refreshing ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Twice a second: repaint the clock when its text changed, ring once at zero."""
        if self.control.time_out() and self.bell:
            self.app.bell()
        self.refresh_clock()
        self.refresh_topbar()
        if self.control.session.speaker:
            self.refresh_round()
        self.refresh_cues()

    def refresh_all(self) -> None:
        """Repaint everything from the session."""
        s = self.control.session
        if self._shown_phase != s.current:
            if self._shown_phase >= 0:
                self.notice = ""  # "resumed…" was said; the session moved on
            self._shown_phase = s.current
            self.flash = ""
            self._choose(False)
            self.refresh_phase()
            self.refresh_notes()
        self.refresh_clock(force=True)
        self.refresh_topbar()
        self.refresh_strips()
        self.refresh_status()

    def refresh_clock(self, force: bool = False) -> None:
        """The countdown, its state word, and the header line."""
        cd = self.control.countdown
        value = format_clock(cd.remaining())
        state = cd.state()
        key = f"{value}|{state}"
        if not force and key == self._last_clock:
            return
        self._last_clock = key
        self.query_one(BigClock).show(value, state, view.clock_words(self.control, self.t))
        if self.has_class("-too-small"):
            found = self.query("#too-small")
            if found:
                found.first(Static).update(self._too_small_text())
            else:
                self._mount_at_place(Static(self._too_small_text(), id="too-small"))

    def _too_small_text(self) -> Text:
        value = format_clock(self.control.countdown.remaining())
        words = self.t(self.control.countdown.state().value)
        return Text(f"{value}  {words}\n\n{self.t('too_small')}", justify="center")

    def _mount_at_place(self, widget: Widget) -> None:
        """Add a strip (or the "too small" notice) at its place, the first time it is needed."""
        assert widget.id is not None
        later = next(w for w in _ORDER[_ORDER.index(widget.id) + 1 :] if self.query(f"#{w}"))
        self.mount(widget, before=self.query_one(f"#{later}"))

    def _strip_state(self, name: str) -> object:
        """What a strip shows now, or None when it is not shown."""
        return view.STRIP_STATES[name](self.control, self.t, self.app.size.width - 2)

    def _show_strip(self, name: str) -> None:
        """A strip shows what the session says now (added the first time it has something)."""
        state = self._strip_state(name)
        found = self.query(f"#{name}")
        if found:
            found.first(LineStrip).state = state
        elif state is not None:
            self._mount_at_place(_STRIPS[name](self.t, state, id=name))

    def refresh_topbar(self) -> None:
        """Script, phase n/N, time of day, planned and projected end, ahead or behind."""
        self.query_one(TopBar).state = view.top_bar_state(self.control, self.size.width - 2)

    def refresh_phase(self) -> None:
        """Title, summary, who does what, the phase's rules and prompts; the rules strip."""
        s = self.control.session
        self.query_one(PhaseText).show(s.phase.title, phase_body(s.script, s.phase, self.t))
        self.query_one(ProjectorHead).follow()
        self.query_one(RulesStrip).rules = room_rules(s)
        self.query_one(NoteInput).placeholder = view.placeholder(self.control.session, self.t)

    def refresh_strips(self) -> None:
        """The strips under the phase: a rehearsal's prompt, the previous plan's actions in the
        retour, the candidates while the subject is chosen, the contract pinned from the
        contract phase on, the round of the table."""
        for name in _STRIPS:
            self._show_strip(name)

    def refresh_round(self) -> None:
        """Who has the floor in the round of the table, and each one's talk time."""
        self._show_strip("round")
        self.query_one(ProjectorHead).follow()

    def refresh_status(self) -> None:
        """Saved or NOT SAVED; what the keys do now (correcting, choosing a note); notices."""
        save = view.save_state(self.control)
        self._mark_alarm(save)
        # The note chosen stays highlighted while its line is corrected in the input.
        self.query_one(NotesList).set_class(self.choosing or self.editing is not None, "-choosing")
        self.query_one(StatusLine).state = self._status_state(save)

    def _status_state(self, save: SaveState) -> StatusState:
        return StatusState(
            save,
            self.control.session.note_count,
            notice=self.notice,
            flash=self.flash,
            editing=self.editing is not None,
            choosing=self.choosing,
        )

    # -- notes --------------------------------------------------------------------------------

    def _note_line(self, note: Note) -> Text:
        return note_line(note, self.control.is_saved(note.id), self.t)

    def refresh_notes(self) -> None:
        """The notes of the current phase (the latest ones; older ones on demand)."""
        s = self.control.session
        self.query_one(NotesList).show(
            lambda: s.notes_in(s.phase.id), self._note_line, self._more_label
        )

    def save_note(self, value: str) -> None:
        """Enter: the note (or the correction) goes to the session; ✓ once it is on disk."""
        self.flash = ""
        if self.editing is not None:
            self.save_correction(value)
            return
        event = self.capture(value)
        if event is None:
            return
        self.notice = ""  # "resumed…" was said; the session goes on
        note = self.control.session.note(event.note_id or 0)
        if note is not None and note.phase == self.control.session.phase.id:
            self.query_one(NotesList).add(note)
        self.refresh_strips()
        self.refresh_status()
        self.refresh_cues()

    # -- corrections ------------------------------------------------------------------------

    def lists(self, note: Note) -> bool:
        """The list shows the current phase's notes (a note moved away leaves it)."""
        return note.phase == self.control.session.phase.id

    def note_changed(self, note_id: int) -> None:
        """A note was corrected, deleted or restored: its line, and the contract it may be."""
        super().note_changed(note_id)
        self.refresh_strips()

    def action_escape(self) -> None:
        """Escape: leave a correction, the notes list, or projector mode."""
        note_input = self.query_one(NoteInput)
        if self.editing is not None:
            self.editing = None
            note_input.value = ""
        elif self.focused is not note_input:
            self.set_focus(note_input)
        else:
            self._projector(False)
        self.refresh_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The round-of-the-table keys show only in a phase that has one.

        While keys wait in the queue (see `after_typing`) the phase may be about to change:
        F6 right after PageDown is queued too, and the session decides when its turn comes.
        """
        if (cue := self.cue_check(action, parameters)) is not None:
            return cue
        if action in ("next_speaker", "pass_turn"):
            return self.control.session.phase.round or self._queued > 0
        if action == "choose_leader":
            return self.control.session.phase.kind == SUBJECT
        if action == "skip_prompt":
            return self.control.session.practice
        if action == "carry":
            return self.control.session.phase.kind == "status"
        return True

    # -- actions ------------------------------------------------------------------------------

    @after_typing
    def action_next_phase(self) -> None:
        """PageDown: the next phase, or the closing screen after the last one."""
        c = self.control
        if not c.go_to(c.session.current + 1):
            self._end_session()
            return
        self.refresh_all()
        self.refresh_bindings()

    @after_typing
    def action_previous_phase(self) -> None:
        """PageUp: back to the previous phase."""
        if self.control.go_to(self.control.session.current - 1):
            self.refresh_all()
            self.refresh_bindings()

    @after_typing
    def action_next_speaker(self) -> None:
        """F6: the next consultant has the floor."""
        self.control.next_speaker()
        self.refresh_round()

    @after_typing
    def action_pass_turn(self) -> None:
        """F4: the consultant with the floor passes."""
        self.control.pass_turn()
        self.refresh_round()

    @after_typing
    def action_skip_prompt(self) -> None:
        """F3 (practice): leave this prompt unanswered and go to the next."""
        if self.control.skip_prompt():
            self.refresh_strips()

    def action_toggle_projector(self) -> None:
        """F2: hide the notes and show a much larger countdown."""
        self._projector(not self.has_class("-projector"))

    def _projector(self, on: bool) -> None:
        """Projector mode hides the notes; the input stays, its text masked, so typing goes on."""
        self.set_class(on, "-projector")
        self._choose(False)  # the notes are hidden: none can be chosen
        note_input = self.query_one(NoteInput)
        note_input.password = on
        self.set_focus(note_input)
        self.refresh_clock(force=True)
        self.refresh_cues()  # private: never on the wall

    def action_toggle_bell(self) -> None:
        """F9: the bell when time runs out, on or off."""
        self.bell = not self.bell
        self.notify(self.t("bell_on" if self.bell else "bell_off"), markup=False)

    @after_typing
    def action_end_session(self) -> None:
        """F10: the closing screen."""
        self._end_session()

    def _end_session(self) -> None:
        from codev_tui.ui.screens.closing import ClosingScreen

        self.control.end()
        self.refresh_all()
        self.app.push_screen(
            ClosingScreen(self.control, self.t), lambda _: self._back_from_closing()
        )

    def _back_from_closing(self) -> None:
        self.refresh_notes()  # notes corrected or deleted on the closing screen
        self.refresh_all()
        self.query_one(NoteInput).focus()

    def action_help(self) -> None:
        """F1: keys (this screen's, the app's and the closing screen's) and the notes' syntax."""
        from codev_tui.ui.screens.closing import ClosingScreen
        from codev_tui.ui.screens.dialogs import HelpScreen
        from codev_tui.ui.screens.help import bound_keys

        keys = bound_keys(self.BINDINGS, self.app.BINDINGS, ClosingScreen.BINDINGS)
        keys["palette"] = self.app.COMMAND_PALETTE_BINDING
        self.app.push_screen(HelpScreen(self.t, keys))
