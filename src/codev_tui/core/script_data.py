"""The trusted builder: a PhaseScript from data already known to be valid, and back."""

from __future__ import annotations

import math
from typing import Any

from codev_tui.core.problems import Problem
from codev_tui.core.script import (
    LANGS,
    NOTE_KINDS,
    ROLES,
    SCRIPT_KINDS,
    Phase,
    PhaseScript,
    Prompts,
    Role,
    Rule,
    ScriptError,
    ScriptInfo,
)


class _Bad(Exception):
    """A wrong shape or type at `path` (1-based, as `phases[2].minutes`)."""

    def __init__(self, path: str, code: str, **values: Any) -> None:
        super().__init__(path, code)
        self.path = path
        self.code = code
        self.values = values


def script_from_data(data: Any, name: str) -> PhaseScript:
    """Build a PhaseScript from data already known to be valid, without pydantic.

    For the bundled scripts and the copy of the script inside a session file. Only shapes and
    types are checked, and what the app relies on (at least one phase, unique ids, positive
    finite minutes, a known language and note kind); unknown keys are ignored. A hand-edited
    file may still be wrong: ScriptError then holds one line naming `name` and the field.
    """
    try:
        return _build(data)
    except _Bad as bad:
        where = f"{name}: {bad.path}" if bad.path else name
        raise ScriptError(Problem(bad.code, {"where": where, **bad.values})) from None
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError, RecursionError):
        raise ScriptError(Problem("script.invalid", {"where": name})) from None


def _build(data: Any) -> PhaseScript:
    top = _table(data, "")
    info = _table(top.get("script", _MISSING), "script")
    phases = tuple(
        _phase(_table(item, f"phases[{i}]"), f"phases[{i}]")
        for i, item in enumerate(_list(top.get("phases", _MISSING), "phases"), 1)
    )
    if not phases:
        raise _Bad("phases", "script.needs_an_entry")
    seen: set[str] = set()
    for i, phase in enumerate(phases, 1):
        if phase.id in seen:
            raise _Bad(f"phases[{i}].id", "script.duplicate_id")
        seen.add(phase.id)
    return PhaseScript(
        script=ScriptInfo(
            name=_text(info, "name", "script", required=True),
            lang=_choice(info, "lang", "script", LANGS, None),  # type: ignore[arg-type]
            description=_text(info, "description", "script"),
            review_minutes=_review_minutes(info),
        ),
        rules=tuple(
            Rule(name=_text(t, "name", w, required=True), text=_text(t, "text", w))
            for w, t in _tables(top, "rules")
        ),
        roles=tuple(
            Role(
                id=_text(t, "id", w, required=True),
                name=_text(t, "name", w, required=True),
                text=_text(t, "text", w),
            )
            for w, t in _tables(top, "roles")
        ),
        phases=phases,
    )


def _phase(t: dict[str, Any], w: str) -> Phase:
    prompts = t.get("prompts", _MISSING)
    if prompts is _MISSING:
        built = Prompts()
    else:
        p = _table(prompts, f"{w}.prompts")
        built = Prompts(**{r: _texts(p, r, f"{w}.prompts") for r in ROLES})
    warning = t.get("warning_minutes")
    least = t.get("min_minutes")
    return Phase(
        id=_text(t, "id", w, required=True),
        title=_text(t, "title", w, required=True),
        minutes=_minutes(t.get("minutes", _MISSING), f"{w}.minutes"),
        summary=_text(t, "summary", w),
        client=_text(t, "client", w),
        consultants=_text(t, "consultants", w),
        facilitator=_text(t, "facilitator", w),
        rules=_texts(t, "rules", w),
        prompts=built,
        kind=_choice(t, "kind", w, NOTE_KINDS, "note", shown=SCRIPT_KINDS),
        round=_bool(t, "round", w),
        warning_minutes=None if warning is None else _minutes(warning, f"{w}.warning_minutes"),
        min_minutes=None if least is None else _min_minutes(least, t, f"{w}.min_minutes"),
    )


def _min_minutes(value: Any, t: dict[str, Any], where: str) -> float:
    """0 <= min_minutes <= the phase's minutes."""
    number = 0.0 if value == 0 and type(value) in (int, float) else _minutes(value, where)
    minutes = _minutes(t.get("minutes", _MISSING), where.rpartition(".")[0] + ".minutes")
    if number > minutes:
        raise _Bad(where, "script.min_above_minutes", le=minutes)
    return number


_MISSING: Any = object()


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _table(value: Any, where: str) -> dict[str, Any]:
    if value is _MISSING:
        raise _Bad(where, "script.missing")
    if not isinstance(value, dict):
        raise _Bad(where, "script.must_be_table")
    return value


def _list(value: Any, where: str) -> list[Any] | tuple[Any, ...]:
    if value is _MISSING:
        raise _Bad(where, "script.missing")
    if not isinstance(value, (list, tuple)):
        raise _Bad(where, "script.must_be_list")
    return value


def _tables(top: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    items = top.get(key, ())
    return [
        (f"{key}[{i}]", _table(item, f"{key}[{i}]")) for i, item in enumerate(_list(items, key), 1)
    ]


def _text(t: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = t.get(key, _MISSING)
    if value is _MISSING:
        if required:
            raise _Bad(_join(where, key), "script.missing")
        return ""
    if not isinstance(value, str):
        raise _Bad(_join(where, key), "script.must_be_text")
    if required and not value:
        raise _Bad(_join(where, key), "script.must_not_be_empty")
    return value


def _texts(t: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = tuple(_list(t.get(key, ()), _join(where, key)))
    for i, item in enumerate(items, 1):
        if not isinstance(item, str):
            raise _Bad(f"{_join(where, key)}[{i}]", "script.must_be_text")
    return items


def _choice(
    t: dict[str, Any],
    key: str,
    where: str,
    allowed: tuple[str, ...],
    default: str | None,
    shown: tuple[str, ...] = (),
) -> str:
    """One of `allowed` (the error lists `shown`, when given: what a person may write)."""
    value = t.get(key, _MISSING)
    if value is _MISSING and default is not None:
        return default
    if value is _MISSING:
        raise _Bad(_join(where, key), "script.missing")
    if not isinstance(value, str) or value not in allowed:
        choices = tuple(map(repr, shown or allowed))
        raise _Bad(_join(where, key), "script.must_be_one_of", choices=choices)
    return value


def _bool(t: dict[str, Any], key: str, where: str) -> bool:
    value = t.get(key, False)
    if not isinstance(value, bool):
        raise _Bad(_join(where, key), "script.must_be_bool")
    return value


def _review_minutes(info: dict[str, Any]) -> float:
    """The retour phase's length: 0 (none) or minutes, 10 when not said."""
    value = info.get("review_minutes", 10.0)
    if value == 0 and type(value) in (int, float):
        return 0.0
    return _minutes(value, _join("script", "review_minutes"))


def _minutes(value: Any, where: str) -> float:
    if value is _MISSING:
        raise _Bad(where, "script.missing")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Bad(where, "script.must_be_minutes")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or number <= 0:
        raise _Bad(where, "script.minutes_positive")
    return number


def script_to_data(script: PhaseScript) -> dict[str, Any]:
    """The script as TOML-ready data (lists and tables; no None), read back by script_from_data.

    Every field is written, defaults included, and `warning_minutes` and `min_minutes` only
    when set.
    """
    return {
        "script": {
            "name": script.script.name,
            "lang": script.script.lang,
            "description": script.script.description,
            "review_minutes": script.script.review_minutes,
        },
        "rules": [{"name": r.name, "text": r.text} for r in script.rules],
        "roles": [{"id": r.id, "name": r.name, "text": r.text} for r in script.roles],
        "phases": [_phase_data(p) for p in script.phases],
    }


def _phase_data(phase: Phase) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": phase.id,
        "title": phase.title,
        "minutes": phase.minutes,
        "summary": phase.summary,
        "client": phase.client,
        "consultants": phase.consultants,
        "facilitator": phase.facilitator,
        "rules": list(phase.rules),
        "prompts": {r: list(getattr(phase.prompts, r)) for r in ROLES},
        "kind": phase.kind,
        "round": phase.round,
    }
    if phase.warning_minutes is not None:
        data["warning_minutes"] = phase.warning_minutes
    if phase.min_minutes is not None:
        data["min_minutes"] = phase.min_minutes
    return data
