"""Every event a session log holds, as a small typed class, in one registry.

A session file is a header and an append-only list of events; the session is their fold
(`Session.apply`). Each event type is a slotted dataclass registered under the `type` name it
has on disk; an event is never changed once made (not frozen: a session of 10,000 notes builds
10,000 of them at start, and frozen dataclasses are several times slower to build; equality
and repr are written once, on the base class, for the same reason at import). The store,
the fold and the tests all go through `EVENTS`:

- `event_from_record(record)` checks a record read from disk (field names and types) and builds
  its event, or raises `EventError` (a damaged record) or `UnknownEventError` (a type this
  version does not know: the file was made by a newer codev);
- `event.to_record()` is the dict written to disk: `seq`, `t`, `type`, then the fields, those
  equal to their default left out.

Schema 2 derives the contract, the action plan, the learnings and the evaluation from the notes,
so that a correction of a note corrects them too. The events schema 1 wrote for them are still
read (`legacy = True`) but never written.

This module is written without `from __future__ import annotations` on purpose: the field
types are read at class creation to check records.
"""

import types
from dataclasses import MISSING, dataclass, fields
from datetime import datetime
from typing import Any, ClassVar, TypeVar, Union, get_args, get_origin

from codev_tui.core.problems import CoreError, Problem

SCHEMA = 2
"""Version of the session file format written by this codev (1 is still read)."""

READABLE_SCHEMAS = (1, 2)
"""Versions of the session file format this codev can read."""


class EventError(CoreError, ValueError):
    """A record that is not a valid event: a field is missing or has the wrong type."""


class UnknownEventError(EventError):
    """A record whose type this version of codev does not know."""

    def __init__(self, kind: str) -> None:
        super().__init__(Problem("event.unknown_type", {"kind": kind}))
        self.kind = kind


def _bad(code: str, **values: Any) -> EventError:
    """The error for a record that is not a valid event."""
    return EventError(Problem(code, values))


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Event:
    """What every event has: its place in the log and its UTC time."""

    type: ClassVar[str] = ""
    """The name of the event type on disk."""
    legacy: ClassVar[bool] = False
    """Read from schema 1 files, never written any more."""
    note_field: ClassVar[str] = ""
    """The field naming the note this event is about, if any."""
    _spec: ClassVar[tuple[tuple[str, tuple[type, ...], Any], ...]] = ()
    _shapes: ClassVar[set[tuple[tuple[str, ...], tuple[type, ...]]]] = set()
    """The shapes (field names, value types) of records already checked for this type."""

    seq: int
    t: datetime

    # One __eq__ and __repr__ for every event (dataclasses would write one per class, which
    # costs each start of codev a few milliseconds for nothing).
    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.to_record() == other.to_record()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.to_record().items() if k != "type")
        return f"{type(self).__name__}({fields})"

    @property
    def note_id(self) -> int | None:
        """The note this event creates or changes, or None."""
        return getattr(self, self.note_field) if self.note_field else None

    def to_record(self) -> dict[str, Any]:
        """The dict written to disk: seq, t, type, then the fields that differ from defaults."""
        record: dict[str, Any] = {"seq": self.seq, "t": self.t, "type": self.type}
        for name, _, default in self._spec:
            value = getattr(self, name)
            if value is not None and value != default:
                record[name] = value
            elif default is MISSING:
                record[name] = value
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Event":
        """Check a record's fields and build the event; EventError names the wrong field.

        A log holds thousands of records of a few shapes (the same fields, of the same types):
        a shape checked once is not checked field by field again.
        """
        seq, t = record.get("seq"), record.get("t")
        if type(t) is str:
            t = _time(t, seq, "t")
        if type(seq) is not int:
            raise _bad("event.bad_seq", seq=seq or "?", type=cls.type)
        if not isinstance(t, datetime) or t.tzinfo is None:
            raise _bad("event.bad_time", seq=seq, type=cls.type)
        if not PLAUSIBLE_YEARS[0] <= t.year <= PLAUSIBLE_YEARS[1]:
            raise _bad("event.implausible_year", seq=seq, type=cls.type, year=t.year)
        given = record.copy()
        for key in _NOT_FIELDS:
            given.pop(key, None)
        shape = (tuple(given), tuple(map(type, given.values())))
        if shape in cls._shapes:
            return cls(seq=seq, t=t, **given)
        values: dict[str, Any] = {}
        as_given = len(given) == sum(name in given for name, _, _ in cls._spec)
        for name, accepted, default in cls._spec:
            value = given.get(name, MISSING)
            if type(value) not in accepted:
                if value is MISSING and default is not MISSING:
                    continue  # the class's own default
                as_given = False
                if float in accepted and type(value) is int:
                    value = float(value)
                elif datetime in accepted and type(value) is str:
                    value = _time(value, seq, name)
                else:
                    code = "event.field_missing" if value is MISSING else "event.field_wrong_type"
                    raise _bad(code, seq=seq, type=cls.type, field=name)
            values[name] = value
        if as_given:  # every field known, none converted: this shape builds as it is
            cls._shapes.add(shape)
        return cls(seq=seq, t=t, **values)


PLAUSIBLE_YEARS = (1900, 9000)
"""The years a session's times may be in: a crafted year 1 or 9999 with an offset overflows
the date arithmetic of the clock and the minutes."""

_NOT_FIELDS = ("seq", "t", "type", "crc")
"""A record's keys that are no field of its event."""


def _time(text: str, seq: Any, name: str) -> datetime:
    """A time the store read as text (it reads records as JSON, which has no time type)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise _bad("event.not_a_time", seq=seq, field=name) from None


EVENTS: dict[str, type[Event]] = {}
"""Every event type by its name on disk."""

E = TypeVar("E", bound=type[Event])


def _accepted(annotation: Any) -> tuple[type, ...]:
    """The exact runtime types a field accepts (`int | None` -> int and NoneType)."""
    if get_origin(annotation) in (Union, types.UnionType):
        return tuple(t for arg in get_args(annotation) for t in _accepted(arg))
    return (annotation,)


def register(cls: E) -> E:
    """Add an event class to the registry, reading its fields' types once."""
    own = [f for f in fields(cls) if f.name not in ("seq", "t")]
    cls._spec = tuple((f.name, _accepted(f.type), f.default) for f in own)
    cls._shapes = set()
    EVENTS[cls.type] = cls
    return cls


def event_from_record(record: dict[str, Any]) -> Event:
    """The event a record read from disk stands for; EventError when it is not one."""
    kind = record.get("type")
    if not isinstance(kind, str) or not kind:
        raise _bad("event.no_type", seq=record.get("seq", "?"))
    cls = EVENTS.get(kind)
    if cls is None:
        raise UnknownEventError(kind)
    return cls.from_record(record)


# -- the timer and the phases ---------------------------------------------------------------------


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class PhaseEntered(Event):
    """The session moved to phase `index` (0-based), counting at once when `running`."""

    type: ClassVar[str] = "phase"
    index: int
    running: bool


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Paused(Event):
    """F5: the countdown stopped."""

    type: ClassVar[str] = "pause"


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Resumed(Event):
    """F5: the countdown started or went on."""

    type: ClassVar[str] = "resume"


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Adjusted(Event):
    """F7/F8: seconds added to (or removed from) the current phase's plan."""

    type: ClassVar[str] = "adjust"
    seconds: float


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class AdjustedLater(Event):
    """F7 on the lateness cue: seconds taken from a later phase's plan (a type of its own, so
    that a codev older than it refuses the file rather than adjust the current phase)."""

    type: ClassVar[str] = "adjust_later"
    seconds: float
    phase: str


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Reopened(Event):
    """The app opened this session again: time went on meanwhile."""

    type: ClassVar[str] = "reopened"


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Ended(Event):
    """The session reached its closing screen."""

    type: ClassVar[str] = "end"


# -- notes and their corrections ------------------------------------------------------------------


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class NoteAdded(Event):
    """A note, as typed: the contract, actions, learnings and evaluation are notes too."""

    type: ClassVar[str] = "note"
    note_field: ClassVar[str] = "id"
    id: int
    phase: str
    kind: str
    text: str
    author: str = ""
    confidential: bool = False
    prompt: str = ""


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class NoteEdited(Event):
    """A correction of a note: only the fields that changed are set."""

    type: ClassVar[str] = "edit"
    note_field: ClassVar[str] = "note"
    CORRECTABLE: ClassVar[tuple[str, ...]] = ("text", "kind", "author", "confidential", "phase")
    """What a correction may change of a note (None: unchanged)."""
    note: int
    text: str | None = None
    kind: str | None = None
    author: str | None = None
    confidential: bool | None = None
    phase: str | None = None


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class NoteDeleted(Event):
    """A note withdrawn: written by rewriting the file without any of its text."""

    type: ClassVar[str] = "delete"
    note_field: ClassVar[str] = "note"
    note: int


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class NoteRestored(Event):
    """Ctrl+Z after a deletion: the note comes back as it was, at its first place and time
    (which the deletion's tombstone kept)."""

    type: ClassVar[str] = "restore"
    note_field: ClassVar[str] = "note"
    note: int
    phase: str
    kind: str
    text: str
    author: str = ""
    confidential: bool = False
    prompt: str = ""


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Tombstone(Event):
    """What is left of an event about a deleted note: its place, its time and the note's id."""

    type: ClassVar[str] = "tombstone"
    note_field: ClassVar[str] = "note"
    note: int
    was: str


# -- the round of the table and practice ----------------------------------------------------------


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class SpeakerChanged(Event):
    """F6/F4: `name` has the floor (empty: nobody); `passed` names who passed their turn."""

    type: ClassVar[str] = "speaker"
    name: str
    passed: str = ""


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class PromptSkipped(Event):
    """Practice: a guiding prompt left without an answer."""

    type: ClassVar[str] = "skip"
    prompt: str


# -- the group's cycle ----------------------------------------------------------------------------


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Carried(Event):
    """`/report N`: the reviewed action N goes to the next session's retour (`on`), or not."""

    type: ClassVar[str] = "carry"
    item: int
    on: bool = True


# -- schema 1: read, never written ----------------------------------------------------------------


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class LegacyConfidential(Event):
    """Schema 1: a note marked confidential or not (schema 2 writes a correction)."""

    type: ClassVar[str] = "confidential"
    legacy: ClassVar[bool] = True
    note_field: ClassVar[str] = "note"
    note: int
    value: bool


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class LegacyContract(Event):
    """Schema 1: a copy of the contract note (schema 2 derives it from the note)."""

    type: ClassVar[str] = "contract"
    legacy: ClassVar[bool] = True
    text: str


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class LegacyAction(Event):
    """Schema 1: a copy of an action note, split (schema 2 derives it from the note)."""

    type: ClassVar[str] = "action"
    legacy: ClassVar[bool] = True
    note_field: ClassVar[str] = "note"
    what: str
    who: str
    due: str
    note: int | None = None


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class LegacyLearning(Event):
    """Schema 1: a copy of a learning note (schema 2 derives it from the note)."""

    type: ClassVar[str] = "learning"
    legacy: ClassVar[bool] = True
    note_field: ClassVar[str] = "note"
    who: str
    what: str
    note: int | None = None


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class LegacyEvaluation(Event):
    """Schema 1: a line of evaluation, not tied to a note."""

    type: ClassVar[str] = "evaluation"
    legacy: ClassVar[bool] = True
    text: str


# -- choosing the subject -------------------------------------------------------------------------


@register
@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class SubjectChosen(Event):
    """The facilitator chose whose subject the session works on (the latest choice counts);
    `overridden` when the vote had somebody else in the lead."""

    type: ClassVar[str] = "chosen"
    client: str
    topic: str
    overridden: bool = False


FIELD_NAMES: frozenset[str] = frozenset(name for cls in EVENTS.values() for name, _, _ in cls._spec)
"""Every field name an event can have on disk, besides seq, t and type."""
