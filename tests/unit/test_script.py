"""The phase-script contract: what `codev check` accepts, and how it explains a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.cli import main
from codev_tui.core.script import ScriptError, load_script

GOOD = """\
[script]
name = "Essai"
lang = "fr"

[[phases]]
id = "expose"
title = "Exposé"
minutes = 10

[[phases]]
id = "questions"
title = "Questions"
minutes = 7.5
"""


def write(tmp_path: Path, text: str | bytes, name: str = "phases.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def problems(tmp_path: Path, text: str | bytes) -> list[str]:
    with pytest.raises(ScriptError) as caught:
        load_script(write(tmp_path, text))
    return caught.value.lines("en")


def test_a_good_script_with_fractional_minutes_loads(tmp_path: Path) -> None:
    script = load_script(write(tmp_path, GOOD))
    assert [p.id for p in script.phases] == ["expose", "questions"]
    assert script.total_minutes == 17.5


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "phases[2].minutes: must be greater than 0"),
        ("-5", "phases[2].minutes: must be greater than 0"),
        ("481", "phases[2].minutes: must be at most 480"),
        ("true", "phases[2].minutes: must be a number"),
        ('"10"', "phases[2].minutes: must be a number"),
        ("nan", "phases[2].minutes: must be a number"),
        ("inf", "phases[2].minutes: must be a number"),
    ],
)
def test_bad_minutes_name_the_field_and_line(tmp_path: Path, value: str, message: str) -> None:
    found = problems(tmp_path, GOOD.replace("minutes = 7.5", f"minutes = {value}"))
    assert len(found) == 1
    assert message in found[0]
    assert found[0].startswith(f"{tmp_path / 'phases.toml'}:13: ")


def test_unknown_key_suggests_the_near_miss(tmp_path: Path) -> None:
    found = problems(tmp_path, GOOD.replace("minutes = 7.5", "minutes = 7.5\nminuts = 3"))
    assert any("phases[2].minuts: unknown field; did you mean `minutes`?" in p for p in found)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace('lang = "fr"', 'lang = "de"'), "script.lang: must be one of"),
        (lambda t: t.replace('name = "Essai"\n', ""), "script.name: required field is missing"),
        (lambda t: t.replace('id = "questions"', 'id = "expose"'), "phases[2].id: duplicate id"),
        (
            lambda t: t.replace('id = "questions"', 'id = "Bad Id"'),
            "phases[2].id: must be a lowercase slug",
        ),
        (
            lambda t: t.replace('title = "Questions"', 'title = ""'),
            "phases[2].title: must not be empty",
        ),
        (
            lambda t: t.replace('title = "Questions"\n', ""),
            "phases[2].title: required field is missing",
        ),
        (lambda t: t.split("[[phases]]")[0], "phases: required field is missing"),
        (lambda t: "phases = []\n" + t.split("[[phases]]")[0], "phases: needs at least one entry"),
        (
            lambda t: t.replace("[script]", "[scrip]"),
            "scrip: unknown field; did you mean `script`?",
        ),
        (lambda t: t + 'kind = "poem"\n', "phases[2].kind: must be one of"),
    ],
)
def test_each_contract_rule_is_explained(tmp_path: Path, edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = problems(tmp_path, edit(GOOD))
    assert any(expected in p for p in found), found


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xef\xbb\xbf" + GOOD.encode(), ":1:1: starts with a byte order mark"),
        (GOOD.encode().replace("Exposé".encode(), b"Expos\xe9"), ":7:15: not valid UTF-8"),
        (GOOD + "[script]\nname = 'x'\n", ":14:8: TOML syntax"),
        ('[script\nname = "x"\n', ":1:8: TOML syntax"),
    ],
)
def test_file_level_problems_give_line_and_column(
    tmp_path: Path, raw: bytes | str, expected: str
) -> None:
    found = problems(tmp_path, raw)
    assert len(found) == 1
    assert found[0].startswith(str(tmp_path / "phases.toml"))
    assert expected in found[0]


def test_user_text_is_not_echoed_in_errors(tmp_path: Path) -> None:
    found = problems(tmp_path, GOOD.replace("minutes = 7.5", 'minutes = "SECRET-CLIENT-NAME"'))
    assert not any("SECRET" in p for p in found)


def test_check_prints_a_summary_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(write(tmp_path, GOOD))]) == 0
    out = capsys.readouterr().out
    assert "Exposé" in out and "7.5 min" in out and "17.5 min in all" in out


def test_check_exits_2_with_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = GOOD.replace("minutes = 10", "minutes = 0").replace("minutes = 7.5", "minutes = 500")
    assert main(["check", str(write(tmp_path, bad))]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2
    assert "phases[1].minutes: must be greater than 0" in err[0]
    assert "phases[2].minutes: must be at most 480" in err[1]


def test_check_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml: cannot read the file" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(locations.bundled_scripts()))
def test_every_bundled_script_passes_check(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(locations.bundled_scripts()[name])]) == 0


def test_the_classic_script_is_the_method() -> None:
    script = load_script(locations.bundled_scripts()["classic"])
    assert script.script.lang == "fr"
    assert [p.id for p in script.phases] == [
        "expose",
        "clarification",
        "contrat",
        "consultation",
        "synthese",
        "apprentissages",
    ]
    assert 90 <= script.total_minutes <= 180
    assert [r.name for r in script.rules] == [
        "Confidentialité",
        "Bienveillance",
        "Parler vrai",
        "Engagement",
    ]
    assert {r.id for r in script.roles} == {"client", "consultants", "facilitator"}
    assert [p.kind for p in script.phases] == [
        "note",
        "question",
        "contract",
        "suggestion",
        "action",
        "learning",
    ]
    assert [p.round for p in script.phases].count(True) == 1
    for phase in script.phases:
        assert phase.summary and phase.rules
        assert 2 <= len(phase.prompts.for_role(None)) <= 4 or len(phase.prompts.for_role(None)) >= 2


def test_the_other_bundled_scripts() -> None:
    bundled = locations.bundled_scripts()
    assert {"classic", "fast-codev", "classic-en"} <= set(bundled)
    fast = load_script(bundled["fast-codev"])
    assert fast.script.lang == "fr" and fast.total_minutes == 30
    english = load_script(bundled["classic-en"])
    classic = load_script(bundled["classic"])
    assert english.script.lang == "en"
    assert [(p.id, p.minutes, p.kind) for p in english.phases] == [
        (p.id, p.minutes, p.kind) for p in classic.phases
    ]
