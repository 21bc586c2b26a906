"""The phase script: the declarative description of a session, loaded from a TOML file."""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

# Confidentiality: a pydantic plugin installed in the same environment (an observability
# tool, say) would see every validated value, session headers included. None is loaded, which
# also spares scanning every installed package's entry points at startup.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

NoteKind = Literal[
    "note",
    "question",
    "contract",
    "suggestion",
    "hypothesis",
    "impression",
    "testimony",
    "action",
    "learning",
]
"""The kinds of note a facilitator can take; a phase chooses its default."""

NOTE_KINDS: tuple[str, ...] = NoteKind.__args__  # type: ignore[attr-defined]

Minutes = Annotated[float, Field(gt=0, le=480, strict=True, allow_inf_nan=False)]
Text = Annotated[str, Field(strict=True)]
NonEmpty = Annotated[str, Field(strict=True, min_length=1)]
Slug = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


class _Frozen(BaseModel):
    """Base of every script model: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ScriptInfo(_Frozen):
    """The `[script]` table."""

    name: NonEmpty
    """The script's name, shown in the header."""
    lang: Literal["fr", "en"]
    """The language of the script and, by default, of the interface."""
    description: Text = ""
    """A few words on when to use this script."""


class Rule(_Frozen):
    """One of the group's rules (`[[rules]]`)."""

    name: NonEmpty
    """Short name, shown in the rules strip (e.g. "Confidentialité")."""
    text: Text = ""
    """One sentence explaining the rule."""


class Role(_Frozen):
    """One of the roles of the method (`[[roles]]`)."""

    id: Slug
    """`client`, `consultants` or `facilitator` for the method's three roles."""
    name: NonEmpty
    """The role's name as shown on screen."""
    text: Text = ""
    """What the role is, in a few words."""


class Prompts(_Frozen):
    """Guiding prompts of a phase, per role (`[phases.prompts]`)."""

    client: list[Text] = []
    """Prompts for the client."""
    consultants: list[Text] = []
    """Prompts for the consultants."""
    facilitator: list[Text] = []
    """Prompts for the facilitator."""

    def for_role(self, role: str | None) -> list[tuple[str, str]]:
        """The (role, prompt) pairs for one role, or for every role when `role` is None."""
        roles = ("client", "consultants", "facilitator") if role is None else (role,)
        return [(r, p) for r in roles for p in getattr(self, r)]


class Phase(_Frozen):
    """One phase of the session (`[[phases]]`)."""

    id: Slug
    """Unique lowercase identifier, e.g. `expose`."""
    title: NonEmpty
    """The phase's title, shown large."""
    minutes: Minutes
    """Planned duration, in minutes (0 < minutes <= 480)."""
    summary: Text = ""
    """One line saying what happens in this phase."""
    client: Text = ""
    """What the client does now."""
    consultants: Text = ""
    """What the consultants do now."""
    facilitator: Text = ""
    """What the facilitator does now."""
    rules: list[Text] = []
    """The phase's own rules, e.g. "questions sans suggestion"."""
    prompts: Prompts = Prompts()
    """Guiding prompts per role."""
    kind: NoteKind = "note"
    """Default kind of the notes taken in this phase; `contract`, `action` and `learning`
    make the input write the contract, action items and learnings."""
    round: bool = False
    """Show the round-of-the-table tracker (who has the floor) in this phase."""
    warning_minutes: Annotated[float, Field(gt=0, strict=True, allow_inf_nan=False)] | None = None
    """Minutes left when the countdown turns to warning; 20% of the phase when absent."""

    @property
    def seconds(self) -> float:
        """Planned duration in seconds."""
        return self.minutes * 60

    @property
    def warning_seconds(self) -> float:
        """Remaining seconds below which the countdown shows a warning."""
        if self.warning_minutes is not None:
            return self.warning_minutes * 60
        return self.seconds * 0.2


class PhaseScript(_Frozen):
    """A whole phase script: the file `phases.toml`."""

    script: ScriptInfo
    """Name, language and description."""
    rules: list[Rule] = []
    """The group's rules, always visible."""
    roles: list[Role] = []
    """The roles of the method."""
    phases: Annotated[list[Phase], Field(min_length=1)]
    """The phases, in order."""

    @model_validator(mode="after")
    def _unique_ids(self) -> PhaseScript:
        seen: set[str] = set()
        for i, phase in enumerate(self.phases):
            if phase.id in seen:
                raise ValueError(f"phases[{i + 1}].id: duplicate id, already used by another phase")
            seen.add(phase.id)
        return self

    @property
    def total_minutes(self) -> float:
        """Sum of the planned minutes of all phases."""
        return sum(p.minutes for p in self.phases)

    def role_name(self, role_id: str, default: str) -> str:
        """The display name of a role, or `default` when the script does not name it."""
        for role in self.roles:
            if role.id == role_id:
                return role.name
        return default


class ScriptError(Exception):
    """A phase script that cannot be used; `problems` holds one readable line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def format_minutes(minutes: float) -> str:
    """`15` for whole minutes, `1.5` otherwise."""
    return f"{minutes:g}"


def load_script(path: Path) -> PhaseScript:
    """Read and validate a phase script; raise ScriptError with one line per problem."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScriptError([f"{name}: cannot read the file ({exc.strerror or exc})"]) from None
    data = parse_toml(raw, name)
    return validate_script(data, name, raw.decode("utf-8"))


def parse_toml(raw: bytes, name: str) -> dict[str, Any]:
    """Decode and parse TOML bytes; raise ScriptError naming the file, line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ScriptError(
            [f"{name}:1:1: starts with a byte order mark (BOM); save as UTF-8 without BOM"]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ScriptError([f"{name}:{line}:{col}: not valid UTF-8 text"]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", msg)
        if match:
            reason = msg[: match.start()]
            where = f"{match.group(1)}:{match.group(2)}"
        else:
            reason, where = re.sub(r"\s*\(at end of document\)\s*$", "", msg), "end"
            if where == "end":
                where = f"{text.count(chr(10)) + 1}:1"
        raise ScriptError([f"{name}:{where}: TOML syntax: {_sentence(reason)}"]) from None


def _sentence(reason: str) -> str:
    return reason[:1].lower() + reason[1:] if reason else "invalid"


def validate_script(data: dict[str, Any], name: str, text: str = "") -> PhaseScript:
    """Validate parsed TOML as a phase script; raise ScriptError with one line per problem."""
    try:
        return PhaseScript.model_validate(data)
    except ValidationError as exc:
        locator = _LineLocator(text)
        problems = []
        for err in exc.errors(include_url=False, include_input=False):
            loc = tuple(err["loc"])
            path = _path(loc)
            line = locator.find(loc)
            where = f"{name}:{line}" if line else name
            problems.append(
                f"{where}: {path}: {_message(err, loc)}"
                if path
                else f"{where}: {_message(err, loc)}"
            )
        raise ScriptError(problems) from None


def _path(loc: tuple[Any, ...]) -> str:
    """`("phases", 2, "minutes")` -> `phases[3].minutes` (1-based, as a facilitator counts)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
            continue
        key = str(part)
        if not _BARE_KEY.fullmatch(key):
            # Quoted like TOML would, on one line and short: the key is the user's text.
            key = json.dumps(key[:30] + ("…" if len(key) > 30 else ""), ensure_ascii=True)
        out += f".{key}" if out else key
    return out


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")


_MODEL_AT: dict[str, type[BaseModel]] = {
    "": PhaseScript,
    "script": ScriptInfo,
    "rules": Rule,
    "roles": Role,
    "phases": Phase,
    "prompts": Prompts,
}


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    parents = [p for p in loc[:-1] if isinstance(p, str)]
    model = _MODEL_AT.get(parents[-1] if parents else "", PhaseScript)
    return list(model.model_fields)


def _message(err: Any, loc: tuple[Any, ...]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        field = str(loc[-1]) if loc else ""
        close = difflib.get_close_matches(field, _fields_at(loc), n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        return f"unknown field{hint}"
    if kind == "greater_than":
        return f"must be greater than {ctx.get('gt'):g}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le'):g}"
    if kind in ("float_type", "finite_number", "float_parsing"):
        return "must be a number of minutes (like 15 or 7.5)"
    if kind in ("string_type", "string_sub_type"):
        return "must be text in quotes"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        return "must be a lowercase slug: letters a-z, digits and '-'"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind == "list_type":
        return "must be a list ([...] or [[...]] tables)"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be a table"
    if kind == "too_short":
        return "needs at least one entry"
    if kind == "value_error":
        return str(ctx.get("error", "invalid value"))
    return "invalid value"


class _LineLocator:
    """Best-effort line numbers for a field path, found by scanning the TOML text."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\s]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def find(self, loc: tuple[Any, ...]) -> int | None:
        """1-based line of the field at `loc`, or None when it cannot be found."""
        if not self.lines or not loc:
            return None
        # Find the start line of the table holding the field.
        start, end = 0, len(self.lines)
        table_parts = [p for p in loc[:-1] if isinstance(p, str)]
        table = ".".join(table_parts)
        index = next((p for p in loc if isinstance(p, int)), None)
        if table:
            headers = [
                i
                for i, line in enumerate(self.lines)
                if (m := self._HEADER.match(line)) and m.group(1).replace(" ", "") == table
            ]
            if index is not None and len(loc) >= 2 and isinstance(loc[1], int):
                headers = [
                    i
                    for i, line in enumerate(self.lines)
                    if (m := self._HEADER.match(line)) and m.group(1).replace(" ", "") == loc[0]
                ]
                if index >= len(headers):
                    return None
                start = headers[index]
                nested = [p for p in loc[2:-1] if isinstance(p, str)]
                if nested:
                    sub = loc[0] + "." + ".".join(nested)
                    for i in range(start + 1, len(self.lines)):
                        m = self._HEADER.match(self.lines[i])
                        if m and m.group(1).replace(" ", "") == sub:
                            start = i
                            break
                        if m and m.group(1).replace(" ", "") == loc[0]:
                            break
            elif headers:
                start = headers[0]
            else:
                return None
            for i in range(start + 1, len(self.lines)):
                if self._HEADER.match(self.lines[i]):
                    end = i
                    break
        field = loc[-1]
        if isinstance(field, int):
            return start + 1 if table else None
        for i in range(start + (1 if table else 0), end):
            m = self._KEY.match(self.lines[i])
            if m and m.group(1) == field:
                return i + 1
            if not table and self._HEADER.match(self.lines[i]):
                break
        return start + 1 if table else None
