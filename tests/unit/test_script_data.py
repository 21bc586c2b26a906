"""The phase script as plain data: the trusted builder, its inverse, and the validator behind.

`script_from_data` builds the script without pydantic from what is already known to be valid:
the bundled scripts (valid because the first test here holds) and the copy inside a session
file. A hand-edited session file may still hold anything: then one ScriptError line naming
the file and the field, never a traceback.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codev_tui import locations
from codev_tui.core.script import (
    NOTE_KINDS,
    SCRIPT_KINDS,
    Phase,
    PhaseScript,
    ScriptError,
    load_any_script,
    load_bundled_script,
    load_script,
    validate_script,
)
from codev_tui.core.script_data import script_from_data, script_to_data

BUNDLED = sorted(locations.bundled_scripts())

SMALL: dict[str, Any] = {
    "script": {"name": "Essai", "lang": "fr"},
    "rules": [{"name": "Confidentialité"}],
    "roles": [{"id": "client", "name": "Client"}],
    "phases": [
        {"id": "expose", "title": "Exposé", "minutes": 10, "warning_minutes": 2},
        {
            "id": "questions",
            "title": "Questions",
            "minutes": 7.5,
            "kind": "question",
            "round": True,
            "rules": ["Sans suggestion"],
            "prompts": {"client": ["Qu'attendez-vous ?"]},
        },
        {"id": "bilan", "title": "Évaluation", "minutes": 5, "kind": "evaluation"},
    ],
}


@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_script_is_valid_under_the_validator(name: str) -> None:
    """What makes the bundled scripts trusted: pydantic accepts each, and the trusted builder
    gives exactly the same script."""
    path = locations.bundled_scripts()[name]
    validated = load_script(path)
    assert load_bundled_script(name) == validated
    assert load_bundled_script(path) == validated
    assert load_any_script(path) == validated


@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_script_round_trips(name: str) -> None:
    script = load_bundled_script(name)
    data = script_to_data(script)
    assert script_from_data(data, "copy") == script
    # Through TOML, as in a session file.
    assert script_from_data(tomllib.loads(tomli_w.dumps(data)), "copy") == script


def test_script_to_data_has_the_shape_of_the_pydantic_dump() -> None:
    """The session file's copy of the script keeps the shape it had with pydantic models."""
    from codev_tui.core import script_schema

    for data in [
        SMALL,
        *(tomllib.loads(p.read_text("utf-8")) for p in locations.bundled_scripts().values()),
    ]:
        model = script_schema.PhaseScript.model_validate(data)
        dumped = model.model_dump(mode="python", exclude_none=True)
        assert script_to_data(validate_script(data, "x")) == dumped
        assert script_to_data(script_from_data(data, "x")) == dumped


def test_the_dataclasses_keep_the_models_api() -> None:
    script = validate_script(SMALL, "x")
    assert isinstance(script, PhaseScript) and isinstance(script.phases[0], Phase)
    assert script == script_from_data(SMALL, "x")
    expose, questions, bilan = script.phases
    assert expose.minutes == 10.0 and isinstance(expose.minutes, float)
    assert expose.seconds == 600 and expose.warning_seconds == 120
    assert questions.warning_seconds == pytest.approx(7.5 * 60 * 0.2)
    assert script.total_minutes == 22.5
    assert script.role_name("client", "?") == "Client"
    assert script.role_name("facilitator", "Animateur") == "Animateur"
    assert questions.prompts.for_role("client") == [("client", "Qu'attendez-vous ?")]
    assert questions.prompts.for_role(None) == [("client", "Qu'attendez-vous ?")]
    assert expose.prompts.for_role("consultants") == []
    assert [r.name for r in script.rules] == ["Confidentialité"] and script.rules[0].text == ""
    assert len(script.phases) == 3 and script.phases[-1].kind == "evaluation"
    assert "evaluation" in NOTE_KINDS
    assert script == script_from_data(SMALL, "x")


def test_an_evaluation_phase_passes_check(tmp_path: Path) -> None:
    path = tmp_path / "phases.toml"
    path.write_text(tomli_w.dumps(SMALL), encoding="utf-8")
    assert load_script(path).phases[2].kind == "evaluation"


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], Any]:
    """An edit of a copy of SMALL: `phases.1.minutes` set to `value` (`~` deletes)."""

    def edit(data: dict[str, Any]) -> Any:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value == "~":
            del node[last]
        elif last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value
        return data

    return edit


WRONG: list[tuple[Callable[[dict[str, Any]], Any], str]] = [
    (lambda d: [d], "must be a table"),
    (lambda d: None, "must be a table"),
    (_set("script", "~"), "script: required field is missing"),
    (_set("script", "Essai"), "script: must be a table"),
    (_set("script.name", 3), "script.name: must be text"),
    (_set("script.name", ""), "script.name: must not be empty"),
    (_set("script.lang", "de"), "script.lang: must be one of"),
    (_set("script.lang", ["fr"]), "script.lang: must be one of"),
    (_set("script.description", None), "script.description: must be text"),
    (_set("rules", {"name": "x"}), "rules: must be a list"),
    (_set("rules.0", "Confidentialité"), "rules[1]: must be a table"),
    (_set("rules.0.name", "~"), "rules[1].name: required field is missing"),
    (_set("roles.0.id", 1), "roles[1].id: must be text"),
    (_set("phases", "~"), "phases: required field is missing"),
    (_set("phases", []), "phases: needs at least one entry"),
    (_set("phases", {"id": "x"}), "phases: must be a list"),
    (_set("phases.1", 7), "phases[2]: must be a table"),
    (_set("phases.1.id", "expose"), "phases[2].id: duplicate id"),
    (_set("phases.1.title", "~"), "phases[2].title: required field is missing"),
    (_set("phases.1.minutes", "~"), "phases[2].minutes: required field is missing"),
    (_set("phases.1.minutes", "10"), "phases[2].minutes: must be a number"),
    (_set("phases.1.minutes", True), "phases[2].minutes: must be a number"),
    (_set("phases.1.minutes", [10]), "phases[2].minutes: must be a number"),
    (_set("phases.1.minutes", 0), "phases[2].minutes: must be a finite number"),
    (_set("phases.1.minutes", -5), "phases[2].minutes: must be a finite number"),
    (_set("phases.1.minutes", math.nan), "phases[2].minutes: must be a finite number"),
    (_set("phases.1.minutes", math.inf), "phases[2].minutes: must be a finite number"),
    (_set("phases.1.minutes", 10**400), "phases[2].minutes: must be a finite number"),
    (_set("phases.0.warning_minutes", "2"), "phases[1].warning_minutes: must be a number"),
    (_set("phases.1.kind", "poem"), "phases[2].kind: must be one of"),
    (_set("phases.1.kind", {}), "phases[2].kind: must be one of"),
    (_set("phases.1.round", "yes"), "phases[2].round: must be true or false"),
    (_set("phases.1.round", 1), "phases[2].round: must be true or false"),
    (_set("phases.1.rules", "Sans suggestion"), "phases[2].rules: must be a list"),
    (_set("phases.1.rules.0", 1), "phases[2].rules[1]: must be text"),
    (_set("phases.1.prompts", ["x"]), "phases[2].prompts: must be a table"),
    (_set("phases.1.prompts.client", "x"), "phases[2].prompts.client: must be a list"),
    (_set("phases.1.prompts.client.0", None), "phases[2].prompts.client[1]: must be text"),
    (_set("phases.1.summary", 1.5), "phases[2].summary: must be text"),
]


@pytest.mark.parametrize(("edit", "expected"), WRONG, ids=[w[1] for w in WRONG])
def test_a_wrong_shape_is_one_line_naming_the_file_and_the_field(
    edit: Callable[[dict[str, Any]], Any], expected: str
) -> None:
    data = edit(tomllib.loads(tomli_w.dumps(SMALL)))
    with pytest.raises(ScriptError) as caught:
        script_from_data(data, "/data/2026-11-29_0900_x.toml [script]")
    assert len(caught.value.lines("en")) == 1
    line = caught.value.lines("en")[0]
    assert "\n" not in line and len(line) < 200, line
    assert line.startswith("/data/2026-11-29_0900_x.toml [script]: "), line
    assert expected in line, line


def test_unknown_keys_are_ignored_by_the_trusted_builder() -> None:
    """A session file written by a later codev may hold a field this one does not know."""
    data = tomllib.loads(tomli_w.dumps(SMALL))
    data["phases"][0]["colour"] = "blue"
    data["later"] = {"x": 1}
    assert script_from_data(data, "x") == script_from_data(SMALL, "x")


def test_user_text_is_not_echoed_in_the_builder_errors() -> None:
    data = _set("phases.1.minutes", "SECRET-CLIENT-NAME")(tomllib.loads(tomli_w.dumps(SMALL)))
    with pytest.raises(ScriptError) as caught:
        script_from_data(data, "x")
    assert "SECRET" not in str(caught.value)


values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=5)
    | st.sampled_from(["fr", "note", "x", "", "evaluation"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["script", "phases", "name", "lang", "id", "title", "minutes", "prompts", "client"]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=values)
def test_anything_gives_a_script_or_one_script_error_line(data: Any) -> None:
    try:
        script = script_from_data(data, "f")
    except ScriptError as exc:
        assert len(exc.lines("en")) == 1 and exc.lines("en")[0].startswith("f")
        assert "\n" not in exc.lines("en")[0]
    else:
        assert script_from_data(script_to_data(script), "f") == script


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    minutes=st.floats(0.1, 480) | st.integers(1, 480),
    kind=st.sampled_from(SCRIPT_KINDS),
    round_=st.booleans(),
    warning=st.none() | st.floats(0.1, 60),
    text=st.text(max_size=20),
)
def test_what_the_validator_accepts_the_builder_rebuilds(
    minutes: float, kind: str, round_: bool, warning: float | None, text: str
) -> None:
    phase: dict[str, Any] = {
        "id": "a",
        "title": "A",
        "minutes": minutes,
        "kind": kind,
        "round": round_,
        "summary": text,
        "prompts": {"facilitator": [text]},
    }
    if warning is not None:
        phase["warning_minutes"] = warning
    data = {"script": {"name": "n", "lang": "en", "description": text}, "phases": [phase]}
    script = validate_script(data, "x")
    assert script == script_from_data(data, "x") == script_from_data(script_to_data(script), "x")


def test_load_bundled_script_names_an_unknown_name() -> None:
    with pytest.raises(ScriptError) as caught:
        load_bundled_script("nope")
    english, french = caught.value.lines("en")[0], caught.value.lines("fr")[0]
    assert "no bundled script named 'nope'" in english
    assert english.endswith("one of classic, classic-en or fast-codev")
    assert french.endswith("au choix : classic, classic-en ou fast-codev")


_VALIDATE = "from codev_tui.core.script import validate_script, load_script\n"
_BUILT_BEFORE = "import pydantic\nclass Other(pydantic.BaseModel):\n    x: int = 0\nOther(x=1)\n"


@pytest.mark.parametrize(
    "codev",
    [
        "from codev_tui import cli\n"
        "assert cli.main(['check', FILE]) == 0\n"
        "assert cli.main(['agenda', '--script', FILE]) == 0\n",
        # Without the entry point: the plugin loader that finds none.
        _VALIDATE + "load_script(Path(FILE))\n",
        # Another model built first, the real loader there: the entry point's variable.
        _BUILT_BEFORE + "from codev_tui import cli\nassert cli.main(['check', FILE]) == 0\n",
    ],
    ids=["codev", "validate_script", "pydantic used before"],
)
def test_no_pydantic_plugin_sees_what_is_validated(tmp_path: Path, codev: str) -> None:
    """An installed pydantic plugin (an entry point in the `pydantic` group) would see every
    validated value: codev loads none. The control shows the fake plugin works otherwise."""
    site = tmp_path / "site"
    info = site / "spyplugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spyplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nspy = spy:plugin\n")
    seen = tmp_path / "seen.txt"
    (site / "spy.py").write_text(
        "class Plugin:\n"
        "    def new_schema_validator(self, schema, schema_type, path, *args, **kwargs):\n"
        f"        open({str(seen)!r}, 'a').write(path.name + '\\n')\n"
        "        return None, None, None\n"
        "plugin = Plugin()\n"
    )
    user_file = tmp_path / "mine.toml"
    user_file.write_text(tomli_w.dumps(SMALL), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    code = f"from pathlib import Path\nFILE = {str(user_file)!r}\n" + codev
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    seen_names = seen.read_text().split() if seen.exists() else []
    assert "PhaseScript" not in seen_names
    control = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int = 0\nM(x=1)\n"
    run = subprocess.run([sys.executable, "-c", control], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "M" in seen.read_text().split(), (
        "the fake plugin was not loaded: the test proves nothing"
    )


def test_importing_the_script_schema_changes_nothing_in_the_process() -> None:
    """No environment variable set, no module replaced: only validating keeps plugins out."""
    code = (
        "import os, sys\n"
        "before = dict(os.environ)\n"
        "import codev_tui.core.script_schema\n"
        "assert dict(os.environ) == before\n"
        "assert 'pydantic.plugin._loader' not in sys.modules\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
