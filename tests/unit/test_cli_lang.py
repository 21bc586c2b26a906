"""The command line in French or English: `--lang`, else the environment as gettext reads it."""

from __future__ import annotations

import ast
import gettext
import inspect
import os
import subprocess
import sys

import pytest

from codev_tui.cli import main
from codev_tui.cli.errors import lines_of
from codev_tui.cli.lang import DOMAIN, cli_lang, env_lang, locale_dir
from codev_tui.cli.main import report
from codev_tui.core.problems import CoreError, Problem

PO = locale_dir() / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "fr_FR"}, "en"),
        ({"LANGUAGE": "fr:en", "LC_ALL": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "de", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LANG": "fr_FR.UTF-8"}, "fr"),
    ],
)
def test_the_environment_in_gettext_order(env: dict[str, str], lang: str) -> None:
    assert env_lang(env) == lang


def test_lang_option_wins_over_the_environment() -> None:
    fr = {"LANG": "fr_FR.UTF-8"}
    assert cli_lang(["list", "--lang", "en"], fr) == "en"
    assert cli_lang(["--lang=fr", "list"], {}) == "fr"
    assert cli_lang(["list", "--lang", "xx"], fr) == "fr"  # refused by argparse, in French
    assert cli_lang(["check", "--", "--lang", "en"], fr) == "fr"  # a file named --lang


def test_the_compiled_catalogue_says_what_its_source_says() -> None:
    from babel.messages.pofile import read_po

    with PO.open("rb") as f:
        catalog = read_po(f, locale="fr")
    with MO.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    hint = "argparse.mo is stale: pybabel compile -D argparse -d src/codev_tui/words/locale"
    messages = [m for m in catalog if m.id]
    assert len(compiled._catalog) - 1 == sum(  # type: ignore[attr-defined]
        len(m.string) if m.pluralizable else 1 for m in messages
    ), hint
    for message in messages:
        if message.pluralizable:
            one, many = message.id
            assert compiled.ngettext(one, many, 1) == message.string[0], hint
            assert compiled.ngettext(one, many, 2) == message.string[1], hint
        else:
            assert compiled.gettext(message.id) == message.string, hint


def test_every_word_of_argparse_is_translated() -> None:
    """This Python's argparse: a newer one may have new words, to add to argparse.po."""
    import argparse

    with MO.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
            ids = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if ids and isinstance(ids[0], str):
                assert ids[0] in compiled._catalog or (ids[0], 0) in compiled._catalog, ids[0]  # type: ignore[attr-defined]


def test_help_in_french(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : codev")
    for words in ("arguments positionnels", "affiche ce message d'aide et quitte", "COMMANDE"):
        assert words in out
    assert "démarre une séance" in out and "usage" not in out


def test_help_of_a_command_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help", "--lang", "fr"])
    out = capsys.readouterr().out
    assert "écrit le compte rendu Markdown d'une séance" in out
    assert "écrase un fichier existant" in out and "remplace les noms par les rôles" in out


@pytest.mark.parametrize(
    ("lang", "placeholders"),
    [
        (
            "fr",
            [
                "--topic SUJET",
                "--client NOM",
                "--consultants NOMS",
                "--facilitator NOM",
                "--group GROUPE",
            ],
        ),
        (
            "en",
            [
                "--topic TOPIC",
                "--client CLIENT",
                "--consultants CONSULTANTS",
                "--facilitator FACILITATOR",
                "--group GROUP",
            ],
        ),
    ],
)
def test_the_placeholders_of_run_are_in_the_language_of_the_help(
    capsys: pytest.CaptureFixture[str], lang: str, placeholders: list[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help", "--lang", lang])
    out = " ".join(capsys.readouterr().out.split())
    assert all(placeholder in out for placeholder in placeholders), out


def test_help_in_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: codev")
    assert "show this help message and exit" in out and "start a session" in out


def test_lang_en_wins_over_a_french_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert capsys.readouterr().out.startswith("usage: codev")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["agenda", "--format", "x"], "erreur : argument --format : choix invalide : 'x'"),
        (["check"], "les arguments suivants sont requis : FICHIER"),
        (["list", "--bogus"], "arguments non reconnus : --bogus"),
        (["agenda", "--start"], "argument --start : un argument attendu"),
    ],
)
def test_argparse_errors_in_french(
    argv: list[str], said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("utilisation : codev") and said in err, err


def test_argparse_is_left_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert (argparse._, argparse.ngettext) == before  # type: ignore[attr-defined]


def test_a_user_error_in_french(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["export", "nulle-part"]) == 2
    assert capsys.readouterr().err.startswith("codev : aucune séance nommée 'nulle-part' dans ")
    assert main(["agenda", "--start", "midi", "--lang", "en"]) == 2
    assert "codev: --start 'midi': expected a time like 14:30" in capsys.readouterr().err


def test_a_core_error_is_said_in_the_language_of_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    error = CoreError(Problem("cli.no_damage"), Problem("cli.events_other", {"n": 3}))
    assert lines_of(error, "fr") == ["aucun enregistrement abîmé", "3 événements lus"]
    assert lines_of(ValueError("one\ntwo"), "fr") == ["one", "two"]
    report(error, "fr")
    assert (
        capsys.readouterr().err == "codev : aucun enregistrement abîmé\ncodev : 3 événements lus\n"
    )
    report(error, "en")
    assert capsys.readouterr().err == "codev: no damaged record\ncodev: 3 events read\n"


def test_list_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.startswith("aucune séance pour l'instant dans ")


def test_the_real_command_reads_the_environment() -> None:
    """`codev --help` as a person types it, with only `LANG` set."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    for lang, first in (("fr_FR.UTF-8", "utilisation : codev"), ("en_US.UTF-8", "usage: codev")):
        done = subprocess.run(
            [sys.executable, "-m", "codev_tui", "--help"],
            env=env | {"LANG": lang},
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.startswith(first)
