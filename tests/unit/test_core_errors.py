"""Core errors are codes with values: each code has its words in French and in English."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import codev_tui
from codev_tui.core.problems import CoreError, Problem
from codev_tui.core.script import PhaseScript, ScriptError, load_script
from codev_tui.core.session import Roster, SessionError
from codev_tui.core.store import SaveError, SessionFile, read_session
from codev_tui.words import errors

SCRIPT = """\
[script]
name = "Essai"
lang = "fr"

[[phases]]
id = "expose"
title = "Exposé"
minutes = 10
"""

CORE = Path(codev_tui.__file__).parent / "core"
_CODE = re.compile(r"""["']((?:script|event|session|store|save|export)\.[a-z0-9_]+)["']""")


def _codes_in_the_core() -> set[str]:
    """Every code written in the core's source (a string like `"store.no_such_file"`)."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        found.update(_CODE.findall(path.read_text(encoding="utf-8")))
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_is_in_both_languages() -> None:
    assert set(errors.FR) == set(errors.EN)


def test_both_languages_take_the_same_values() -> None:
    for key, english in errors.EN.items():
        assert _fields(errors.FR[key]) == _fields(english), key


def test_every_code_the_core_raises_has_its_words_and_every_word_is_used() -> None:
    codes = _codes_in_the_core()
    assert codes - set(errors.EN) == set()
    assert set(errors.EN) - codes == set()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("code", sorted(errors.EN))
def test_each_code_gives_one_line_in_each_language(code: str, lang: str) -> None:
    numbers = {"gt", "ge", "lt", "le", "max_length"}
    values = {name: 1 if name in numbers else "x" for name in _fields(errors.EN[code])}
    line = Problem(code, values).words(lang)
    assert line and "\n" not in line and "{" not in line.replace("{ }", "")


def _problems(tmp_path: Path, text: str, lang: str) -> list[str]:
    path = tmp_path / "phases.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    return caught.value.lines(lang)


@pytest.mark.parametrize(
    ("edit", "french", "english"),
    [
        (("minutes = 10", "minutes = 0"), "minutes : doit être supérieur à 0", "greater than 0"),
        (("minutes = 10", "minutes = 481"), "minutes : ne doit pas dépasser 480", "at most 480"),
        (("minutes = 10", 'minutes = "10"'), "un nombre de minutes", "a number of minutes"),
        (
            ('lang = "fr"', 'lang = "de"'),
            "l'une de ces valeurs : 'fr' ou 'en'",
            "one of 'fr' or 'en'",
        ),
        (
            ("minutes = 10", "minutes = 10\nminuts = 3"),
            "vouliez-vous dire `minutes`",
            "did you mean",
        ),
        (('name = "Essai"\n', ""), "champ obligatoire manquant", "required field is missing"),
        (('title = "Exposé"', 'title = ""'), "ne doit pas être vide", "must not be empty"),
        (('id = "expose"', 'id = "Bad Id"'), "identifiant en minuscules", "lowercase slug"),
        (("minutes = 10", 'minutes = 10\nround = "peut-être"'), "true ou false", "true or false"),
        (("[[phases]]", "phases = []\n[[x]]"), "champ inconnu", "unknown field"),
        (("minutes = 10", "minutes = 10\nrules = 'a'"), "doit être une liste", "must be a list"),
        (('lang = "fr"', 'lang = "fr"\nname.x = 1'), "syntaxe TOML", "TOML syntax"),
    ],
)
def test_a_script_is_explained_in_french_and_in_english(
    tmp_path: Path, edit: tuple[str, str], french: str, english: str
) -> None:
    text = SCRIPT.replace(*edit)
    assert text != SCRIPT
    fr, en = _problems(tmp_path, text, "fr"), _problems(tmp_path, text, "en")
    assert any(french in line for line in fr), fr
    assert any(english in line for line in en), en
    assert all(line.startswith(str(tmp_path / "phases.toml")) for line in fr + en)


def test_a_pydantic_error_without_words_of_its_own_carries_pydantic_message(
    tmp_path: Path,
) -> None:
    from codev_tui.core import script_schema

    code, values = script_schema._problem_of({"type": "uuid_type", "msg": "UUID input"}, ("x",))
    assert code == "script.other"
    line = Problem(code, {"where": "f:1: x", **values}).words("fr")
    assert line == "f:1: x : valeur invalide (UUID input)"


def test_a_damaged_session_file_is_explained_in_french(
    tmp_path: Path, script: PhaseScript, roster: Roster
) -> None:
    with SessionFile.create(tmp_path / "s", script, roster) as file:
        file.record("note", phase="expose", kind="note", text="une note")
        path = file.path
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"une note", b"une nxte"))
    with pytest.raises(SessionError) as caught:
        read_session(path)
    (french,) = caught.value.lines("fr")
    assert "enregistrement endommagé (sa somme de contrôle ne correspond pas)" in french
    assert "le fichier n'a pas été modifié" in french and french.startswith(f"{path}:")
    assert "damaged record" in str(caught.value)


def test_a_problem_among_the_values_is_said_in_the_same_language() -> None:
    inner = SaveError(Problem("save.not_saved", {"reason": "No space left on device"}))
    outer = SaveError(Problem("save.replaced", {"name": "s.toml", "cause": inner}))
    assert outer.lines("fr") == [
        "s.toml a été remplacé par un autre programme ; "
        "non enregistré : non enregistré : No space left on device"
    ]
    assert str(outer) == (
        "s.toml was replaced by another program; not saved: not saved: No space left on device"
    )


def test_the_minutes_refused_a_destination_in_both_languages(tmp_path: Path) -> None:
    from codev_tui.core.minutes.write import write_minutes
    from codev_tui.core.store import read_session
    from tests.unit.minutes_kit import full_session

    with pytest.raises(SaveError) as caught:
        write_minutes(read_session(full_session(tmp_path / "sessions")), tmp_path)
    assert caught.value.lines("fr") == [f"impossible d'écrire dans {tmp_path} : c'est un dossier"]
    assert caught.value.lines("en") == [f"cannot write to {tmp_path}: it is a folder"]


def test_the_core_errors_are_core_errors() -> None:
    from codev_tui.core.events import EventError
    from codev_tui.core.store import LockedError, NewerFileError

    for kind in (ScriptError, SessionError, LockedError, NewerFileError, SaveError, EventError):
        assert issubclass(kind, CoreError)
    assert issubclass(EventError, ValueError)  # a damaged record, read like any bad value


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        (("'fr'", "'en'"), "'fr' ou 'en'", "'fr' or 'en'"),
        (["'a'", "'b'", "'c'"], "'a', 'b' ou 'c'", "'a', 'b' or 'c'"),
        (("'seul'",), "'seul'", "'seul'"),
        ("'a', 'b'", "'a', 'b'", "'a', 'b'"),
    ],
)
def test_a_list_of_choices_is_joined_with_the_language_s_or(
    value: object, french: str, english: str
) -> None:
    problem = Problem("script.must_be_one_of", {"where": "x", "choices": value})
    assert problem.words("fr").endswith(f" : {french}")
    assert problem.words("en") == f"x: must be one of {english}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_wrong_kind_lists_the_kinds_with_or(tmp_path: Path, lang: str) -> None:
    text = SCRIPT + 'kind = "poem"\n'
    (line,) = _problems(tmp_path, text, lang)
    last = "ou" if lang == "fr" else "or"
    assert re.search(rf"'[a-z]+', '[a-z]+'.* {last} '[a-z]+'$", line), line
