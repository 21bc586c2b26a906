"""What the short commands print: never an escape sequence, never a crash on the way out.

* Point 7: a script name, a phase title, a topic, a note, a file name or an argument holding
  ESC, a CSI, an OSC 52 (clipboard write), BEL, the C1 CSI (U+009B) or a bidi override
  reaches the terminal as visible pictures (`␛`, `␇`, `�`), in `check`, `agenda`, `list`,
  every error line, and the minutes (`cat minutes.md` cannot act on them either).
* Point 10: a locale that is not UTF-8 (Latin-1, ASCII, the C locale without coercion) makes
  the output degrade (`é` kept or `e`, `—` as `-`), never a UnicodeEncodeError.
* Point 11: a reader gone (`| head -1`) ends the output quietly; a full disk (`> /dev/full`)
  is one line on stderr and exit status 2; never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codev_tui import locations
from codev_tui.cli import main
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile

PAYLOADS = {
    "esc": "\x1b",
    "csi": "\x1b[31m",
    "osc52": "\x1b]52;c;cHduZWQ=\x07",
    "bel": "\x07",
    "c1-csi": "\x9b31m",
    "bidi-override": "\u202e",
}

UNSAFE = {chr(c) for c in range(0x20) if c != 0x0A} | {chr(c) for c in range(0x7F, 0xA0)}
UNSAFE |= set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def assert_shown_not_obeyed(text: str, payload: str, *, where: str) -> None:
    raw = sorted({c for c in text if c in UNSAFE})
    assert not raw, f"{where}: raw control characters {raw!r} in {text!r}"
    if "\x1b" in payload:  # a picture, or an escape quoting the text
        shown = ("␛", "\\x1b", "\\u001b")
        assert any(s in text for s in shown), f"{where}: ESC not shown in {text!r}"


def script_text(name: str = "Mon script", title: str = "Exposé", lang: str = "fr") -> str:
    def q(s: str) -> str:
        return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in s) + '"'

    return (
        f"[script]\nname = {q(name)}\nlang = {q(lang)}\n\n"
        f'[[phases]]\nid = "a"\ntitle = {q(title)}\nsummary = {q(title)}\nminutes = 5\n'
    )


def session(topic: str = "Sujet", note: str = "Une note", client: str = "Alice") -> Path:
    from datetime import UTC, datetime

    from codev_tui.core.script import validate_script

    script = validate_script(
        {
            "script": {"name": f"Script {note}", "lang": "fr"},
            "phases": [{"id": "a", "title": f"Phase {note}", "minutes": 5}],
        },
        "test",
    )
    roster = Roster(topic=topic, client=client, consultants=[f"Bo{note}"], group=note)
    with SessionFile.create(
        locations.data_dir(), script, roster, now=lambda: datetime(2026, 11, 29, tzinfo=UTC)
    ) as file:
        file.record("note", phase="a", kind="note", text=note, author=note, confidential=False)
        file.record("end")
        return file.path


Case = Callable[[Path, str], list[str]]


def _check_names(tmp: Path, p: str) -> list[str]:
    f = tmp / "s.toml"
    f.write_text(script_text(name=f"Nom {p} fin", title=f"Titre {p} fin"))
    return ["check", str(f)]


def _check_file_name(tmp: Path, p: str) -> list[str]:
    f = tmp / f"fichier{p}.toml"
    f.write_text(script_text())
    return ["check", str(f)]


def _check_error_of_a_file_name(tmp: Path, p: str) -> list[str]:
    f = tmp / f"faux{p}.toml"
    f.write_text("[script\n")
    return ["check", str(f)]


def _check_error_quoting_a_key(tmp: Path, p: str) -> list[str]:
    f = tmp / "s.toml"
    key = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in f"cle{p}")
    f.write_text(script_text() + f'"{key}" = 1\n')
    return ["check", str(f)]


def _agenda(fmt: str) -> Case:
    def case(tmp: Path, p: str) -> list[str]:
        f = tmp / "s.toml"
        f.write_text(script_text(name=f"Nom {p} fin", title=f"Titre {p} fin"))
        return ["agenda", "--script", str(f), "--start", "9:00", "--format", fmt]

    return case


def _agenda_unknown_script(tmp: Path, p: str) -> list[str]:
    return ["agenda", "--script", f"nulle-part{p}"]


def _argument(tmp: Path, p: str) -> list[str]:
    return ["agenda", "--format", f"html{p}"]


def _list(tmp: Path, p: str) -> list[str]:
    path = session(topic=f"Sujet {p} fin", client=f"Al{p}ice")
    path.rename(path.with_name(f"s{p}.toml"))
    (path.parent / f"abîmé{p}.toml").write_text("pas une séance")
    return ["list"]


def _export_missing_path(tmp: Path, p: str) -> list[str]:
    return ["export", str(tmp / f"absent{p}.toml")]


def _export_written_path(tmp: Path, p: str) -> list[str]:
    return ["export", str(session()), "-o", str(tmp / f"cr{p}.md")]


def _export_to_stdout(tmp: Path, p: str) -> list[str]:
    return [
        "export",
        str(session(topic=f"Sujet {p}", note=f"Note {p}", client=f"Al{p}")),
        "-o",
        "-",
    ]


CASES: dict[str, Case] = {
    "check:script-name-and-title": _check_names,
    "check:file-name": _check_file_name,
    "check:error-naming-the-file": _check_error_of_a_file_name,
    "check:error-quoting-a-key": _check_error_quoting_a_key,
    "agenda:text": _agenda("text"),
    "agenda:md": _agenda("md"),
    "agenda:unknown-script-argument": _agenda_unknown_script,
    "argparse:bad-argument": _argument,
    "list:topic-client-file-name": _list,
    "export:missing-session-path": _export_missing_path,
    "export:written-path": _export_written_path,
    "export:minutes-on-stdout": _export_to_stdout,
}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_nothing_from_outside_drives_the_terminal(
    tmp_path: Path, case: Case, payload: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = case(tmp_path, payload)
    try:
        main(args)
    except SystemExit:  # argparse's own exit, after its message
        pass
    out, err = capsys.readouterr()
    assert out or err
    if args[-2:] == ["-o", "-"]:
        # The minutes are a document: a bidi override in a note stays (it moves text, it
        # cannot drive the terminal); every C0 and C1 control is a picture.
        out = out.replace("\u202e", "")
    assert_shown_not_obeyed(out + err, payload, where=" ".join(args))
    assert "Traceback" not in err


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_cat_minutes_cannot_act_on_a_control_character(
    tmp_path: Path, payload: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The topic, names, note, group, script name and phase title in the minutes file."""
    path = session(topic=f"Sujet {payload}", note=f"Note {payload}", client=f"Al{payload}")
    dest = tmp_path / "cr.md"
    assert main(["export", str(path), "-o", str(dest)]) == 0
    minutes = dest.read_text(encoding="utf-8")
    raw = sorted({c for c in minutes if c in UNSAFE and c not in "\u202e"})
    assert not raw, f"raw control characters {raw!r} in the minutes"
    if "\x1b" in payload:
        assert minutes.count("␛") >= 6  # topic, client, consultant, group, note, script, phase


# -- point 10: a terminal that is not UTF-8 ---------------------------------------------------

LOCALES = {
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "C-without-coercion": {
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
    },
}


def codev(
    args: list[str], env: dict[str, str] | None = None, **kw
) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    full = {**os.environ, "PYTHONIOENCODING": "", **(env or {})}
    if not full["PYTHONIOENCODING"]:
        del full["PYTHONIOENCODING"]
    return subprocess.run([sys.executable, "-m", "codev_tui", *args], env=full, timeout=20, **kw)


def _locale_commands(tmp: Path) -> dict[str, list[str]]:
    script = tmp / "s.toml"
    script.write_text(script_text(name="Séance — «ŝpécial» ☕ 漢字", title="Exposé … ✓"))
    bad = tmp / "faux.toml"
    bad.write_text(script_text(lang="ŝ☕"))
    session(topic="Gérer ☕ un conflit — 漢字", client="Zoé ✓")
    return {
        "scripts": ["scripts"],
        "agenda": ["agenda", "--start", "9:00"],
        "agenda-md": ["agenda", "--script", str(script), "--format", "md"],
        "check": ["check", str(script)],
        "check-error": ["check", str(bad)],
        "list": ["list"],
        "error": ["export", str(tmp / "absent☕é.toml")],
    }


@pytest.mark.parametrize("env", LOCALES.values(), ids=LOCALES.keys())
def test_a_terminal_that_is_not_utf8_gets_degraded_text(
    tmp_path: Path, env: dict[str, str]
) -> None:
    for name, args in _locale_commands(tmp_path).items():
        done = codev(args, env, capture_output=True)
        both = done.stdout + done.stderr
        assert b"Traceback" not in both and b"UnicodeEncodeError" not in both, (name, both)
        assert done.returncode == (2 if "error" in name else 0), (name, both)
        assert both.strip(), name
        codec = "latin-1" if "latin" in str(env) else "ascii"
        both.decode(codec)  # only what the terminal can show
        if name == "scripts":
            expected = "Codéveloppement" if codec == "latin-1" else "Codeveloppement"
            assert expected.encode(codec) in done.stdout  # kept, or without its accent


# -- point 11: output closed or full ------------------------------------------------------------


def _many_sessions() -> None:
    for n in range(30):
        session(topic=f"Sujet {n}")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(lambda tmp: ["check", *[str(tmp / "s.toml")] * 400], id="check"),
        pytest.param(lambda tmp: ["agenda", "--script", str(tmp / "s.toml")], id="agenda"),
        pytest.param(lambda tmp: ["scripts"], id="scripts"),
        pytest.param(lambda tmp: ["list"], id="list"),
        pytest.param(lambda tmp: ["export", "-o", "-"], id="export-stdout"),
    ],
)
def test_a_reader_gone_ends_quietly_and_a_full_disk_is_one_line(tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "s.toml").write_text(script_text(title="T" * 30))
    _many_sessions()
    argv = args(tmp_path)
    env = {locations.DATA_ENV: str(locations.data_dir())}
    # A reader gone before the first line: `codev … | head -0`, or `| head -1` on a long output.
    read, write = os.pipe()
    os.close(read)
    try:
        done = codev(argv, env, stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b"", done.stderr
    # Standard output on a full disk.
    with open("/dev/full", "wb") as full:
        done = codev(argv, env, stdout=full, stderr=subprocess.PIPE)
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 2, done.stderr
    assert lines == ["codev: cannot write the output: No space left on device"], lines
