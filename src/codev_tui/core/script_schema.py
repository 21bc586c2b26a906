"""Validation of a phase script a person wrote (`codev check`, `--script PATH`): pydantic.

Imported only when a user-written file is validated: a bundled script, or the copy of the
script inside a session file, is built by `script_data.script_from_data` without pydantic. The
models here describe the public `phases.toml` format (their field docstrings are its
reference); a valid document is turned into the plain dataclasses of `codev_tui.core.script`.
"""

import re
import sys
import types
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from codev_tui.core import script as _script
from codev_tui.core.problems import Problem
from codev_tui.core.script import NoteKind, ScriptError
from codev_tui.core.script_data import script_from_data

Minutes = Annotated[float, Field(gt=0, le=480, strict=True, allow_inf_nan=False)]
Text = Annotated[str, Field(strict=True)]
NonEmpty = Annotated[str, Field(strict=True, min_length=1)]
Slug = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


class _Frozen(BaseModel):
    """Base of every script model: immutable, unknown keys rejected.

    `defer_build`: the validator is built once, for PhaseScript, when a file is first
    validated, instead of once per model as the classes are defined (startup of `codev check`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ScriptInfo(_Frozen):
    """The `[script]` table."""

    name: NonEmpty
    """The script's name, shown in the header."""
    lang: Literal["fr", "en"]
    """The language of the script and, by default, of the interface."""
    description: Text = ""
    """A few words on when to use this script."""
    review_minutes: Annotated[float, Field(ge=0, le=480, strict=True, allow_inf_nan=False)] = 10
    """Length of the retour phase that opens a group's session when the previous one has an
    action plan (0: no retour phase)."""


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
    prompts: Prompts = Field(default_factory=Prompts)
    """Guiding prompts per role."""
    kind: NoteKind = "note"
    """Default kind of the notes taken in this phase; `contract`, `action` and `learning`
    make the input write the contract, action items and learnings, `evaluation` the group's
    evaluation of the session."""
    round: bool = False
    """Show the round-of-the-table tracker (who has the floor) in this phase."""
    warning_minutes: Annotated[float, Field(gt=0, strict=True, allow_inf_nan=False)] | None = None
    """Minutes left when the countdown turns to warning; 20% of the phase when absent."""
    min_minutes: Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)] | None = None
    """The least the phase may be shortened to when the session runs late (0 <= min_minutes <=
    minutes); half the phase when absent. The facilitator's lateness cue proposes taking the
    minutes above it, from the phases with the most of them."""


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


def validate(data: Any, name: str, text: str = "") -> _script.PhaseScript:
    """Validate parsed TOML as a phase script; raise ScriptError with one problem per mistake.

    `name` starts each line; `text`, the TOML source, gives line numbers when present.
    """
    _without_plugins()
    locator = _LineLocator(text)
    try:
        model = PhaseScript.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False, include_input=False):
            loc = tuple(err["loc"])
            code, values = _problem_of(err, loc)
            problems.append(Problem(code, {"where": _where(name, locator, loc), **values}))
        raise ScriptError(*problems) from None
    seen: set[str] = set()
    for i, phase in enumerate(model.phases):
        if phase.id in seen:
            where = _where(name, locator, ("phases", i, "id"))
            raise ScriptError(Problem("script.duplicate_id", {"where": where}))
        seen.add(phase.id)
        if phase.min_minutes is not None and phase.min_minutes > phase.minutes:
            where = _where(name, locator, ("phases", i, "min_minutes"))
            values = {"where": where, "le": phase.minutes}
            raise ScriptError(Problem("script.min_above_minutes", values))
    return script_from_data(model.model_dump(mode="python", exclude_none=True), name)


def _without_plugins() -> None:
    """Make sure no pydantic plugin sees what is validated (see below)."""
    # Confidentiality: a pydantic plugin installed in the same environment (an observability
    # tool, say) would see every validated value. pydantic looks its plugins up through
    # `pydantic.plugin._loader.get_plugins` when it first builds a validator (here, on the
    # first validation: the models defer their build); that module is replaced by one that
    # finds none, which also spares importing importlib.metadata to scan the installed packages
    # (a tenth of the startup of `codev check`). Had something built a pydantic validator
    # before, the real loader would be there: PYDANTIC_DISABLE_PLUGINS, which `codev` sets as
    # it starts (cli.main), then keeps every plugin out. The tests of `codev check` would fail
    # at once if pydantic looked its plugins up otherwise.
    if "pydantic.plugin._loader" not in sys.modules:
        loader = types.ModuleType("pydantic.plugin._loader")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules["pydantic.plugin._loader"] = loader


def _where(name: str, locator: "_LineLocator", loc: tuple[Any, ...]) -> str:
    """`name:line: path`, the line when it can be found."""
    path = _path(loc)
    line = locator.find(loc)
    where = f"{name}:{line}" if line else name
    return f"{where}: {path}" if path else where


def _path(loc: tuple[Any, ...]) -> str:
    """`("phases", 2, "minutes")` -> `phases[3].minutes` (1-based, as a facilitator counts)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
            continue
        key = str(part)
        if not re.fullmatch(_BARE_KEY, key):
            import json

            # Quoted like TOML would, on one line and short: the key is the user's text.
            key = json.dumps(key[:30] + ("…" if len(key) > 30 else ""), ensure_ascii=True)
        out += f".{key}" if out else key
    return out


_BARE_KEY = r"[A-Za-z0-9_-]{1,40}"


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


_CODES = {
    "missing": "script.missing",
    "greater_than": "script.greater_than",
    "greater_than_equal": "script.greater_than_equal",
    "less_than": "script.less_than",
    "less_than_equal": "script.less_than_equal",
    "float_type": "script.must_be_minutes",
    "finite_number": "script.must_be_minutes",
    "float_parsing": "script.must_be_minutes",
    "int_type": "script.must_be_integer",
    "int_parsing": "script.must_be_integer",
    "string_type": "script.must_be_text",
    "string_sub_type": "script.must_be_text",
    "string_too_short": "script.must_not_be_empty",
    "string_too_long": "script.too_long",
    "string_pattern_mismatch": "script.must_be_slug",
    "bool_type": "script.must_be_bool",
    "bool_parsing": "script.must_be_bool",
    "list_type": "script.must_be_list",
    "model_type": "script.must_be_table",
    "model_attributes_type": "script.must_be_table",
    "dict_type": "script.must_be_table",
    "too_short": "script.needs_an_entry",
}
"""The words of each pydantic error type met in a phase script; any other is `script.other`."""

_CTX = ("gt", "ge", "lt", "le", "max_length")
"""The values of pydantic's error context that the words use."""


def _problem_of(err: Any, loc: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    """The code of one pydantic error and its values (but `where`)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        import difflib

        field = str(loc[-1]) if loc else ""
        close = difflib.get_close_matches(field, _fields_at(loc), n=1, cutoff=0.6)
        if close:
            return "script.unknown_field_hint", {"close": close[0]}
        return "script.unknown_field", {}
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        quoted = tuple(re.findall(r"'[^']*'", expected))
        return "script.must_be_one_of", {"choices": quoted or expected}
    if kind in _CODES:
        return _CODES[kind], {key: ctx[key] for key in _CTX if key in ctx}
    if kind == "value_error":
        return "script.other", {"reason": str(ctx.get("error", err.get("msg", "")))}
    return "script.other", {"reason": str(err.get("msg", kind))}


class _LineLocator:
    """Best-effort line numbers for a field path, found by scanning the TOML text."""

    _HEADER = r"^\s*\[\[?\s*([A-Za-z0-9_.\-\s]+?)\s*\]\]?\s*(#.*)?$"
    _KEY = r"^\s*([A-Za-z0-9_\-]+)\s*="
    # Patterns, not compiled objects: compiled (and cached by `re`) on the first error only.

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
                if (m := re.match(self._HEADER, line)) and m.group(1).replace(" ", "") == table
            ]
            if index is not None and len(loc) >= 2 and isinstance(loc[1], int):
                headers = [
                    i
                    for i, line in enumerate(self.lines)
                    if (m := re.match(self._HEADER, line)) and m.group(1).replace(" ", "") == loc[0]
                ]
                if index >= len(headers):
                    return None
                start = headers[index]
                nested = [p for p in loc[2:-1] if isinstance(p, str)]
                if nested:
                    sub = loc[0] + "." + ".".join(nested)
                    for i in range(start + 1, len(self.lines)):
                        m = re.match(self._HEADER, self.lines[i])
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
                if re.match(self._HEADER, self.lines[i]):
                    end = i
                    break
        field = loc[-1]
        if isinstance(field, int):
            return start + 1 if table else None
        for i in range(start + (1 if table else 0), end):
            m = re.match(self._KEY, self.lines[i])
            if m and m.group(1) == field:
                return i + 1
            if not table and re.match(self._HEADER, self.lines[i]):
                break
        return start + 1 if table else None
