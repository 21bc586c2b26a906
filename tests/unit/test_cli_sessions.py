"""Naming a session on the command line, `codev export -o -` and `codev list`.

Sessions are written with the real store in the test's own data folder (CODEV_DATA_DIR, set by
the autouse fixture), then the command line is run in-process with `cli.main`.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from codev_tui import locations
from codev_tui.cli import main
from codev_tui.core.minutes.render import render_minutes
from codev_tui.core.script import PhaseScript
from codev_tui.core.session import Roster
from codev_tui.core.store import SessionFile, read_session

Capsys = pytest.CaptureFixture[str]


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def make_session(
    script: PhaseScript,
    *,
    topic: str = "Gérer un conflit",
    client: str = "Alice",
    when: datetime = datetime(2026, 11, 29, 9, 0, tzinfo=UTC),
    notes: list[str] | None = None,
    confidential: str = "",
    phase: int = 0,
    ended: bool = False,
    practice: bool = False,
    age: float = 0,
) -> Path:
    """A session file in the data folder; `age` seconds old (its mtime orders the list)."""
    roster = Roster(topic=topic, client=client, consultants=["Bruno", "Chloé"])
    folder = locations.data_dir()
    with SessionFile.create(folder, script, roster, practice=practice, now=Clock(when)) as f:
        if phase:
            f.record("phase", index=phase, running=True)
        name = script.phases[phase].id
        for text in notes or []:
            f.record("note", phase=name, kind="note", text=text, author="", confidential=False)
        if confidential:
            f.record(
                "note", phase=name, kind="note", text=confidential, author="", confidential=True
            )
        if ended:
            f.record("end")
        path = f.path
    stamp = 1_800_000_000 - age
    os.utime(path, (stamp, stamp))
    return path


def run(capsys: Capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def three(script: PhaseScript) -> dict[str, Path]:
    """Three sessions: `old` and `new` the same day (a shared prefix), `other` a day before."""
    return {
        "other": make_session(
            script, topic="Autre sujet", when=datetime(2026, 11, 28, 14, 0, tzinfo=UTC), age=300
        ),
        "old": make_session(
            script,
            topic="Premier",
            notes=["note du premier"],
            age=200,
            when=datetime(2026, 11, 29, 9, 0, tzinfo=UTC),
        ),
        "new": make_session(
            script,
            topic="Second",
            notes=["note du second"],
            age=100,
            when=datetime(2026, 11, 29, 15, 30, tzinfo=UTC),
        ),
    }


def minutes_of(path: Path) -> str:
    return render_minutes(read_session(path))


# -- export: which session -------------------------------------------------------------------


def test_export_without_a_session_exports_the_latest(
    three: dict[str, Path], capsys: Capsys, tmp_path: Path
) -> None:
    out_file = tmp_path / "cr.md"
    status, out, err = run(capsys, "export", "-o", str(out_file))
    assert status == 0, err
    assert out.strip() == str(out_file)
    text = out_file.read_text("utf-8")
    assert "note du second" in text and "note du premier" not in text


def test_export_without_any_session_is_one_line(capsys: Capsys) -> None:
    status, out, err = run(capsys, "export")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "no session" in err


@pytest.mark.parametrize(
    "spec",
    [
        lambda p: str(p),  # full path
        lambda p: p.name,  # file name
        lambda p: p.stem,  # stem
        lambda p: p.name[: len("2026-11-28")],  # a unique prefix (the only one that day)
        lambda p: p.stem[:-3],  # a longer unique prefix
    ],
    ids=["path", "name", "stem", "date-prefix", "prefix"],
)
def test_export_names_a_session_by_path_name_stem_or_unique_prefix(
    spec: Callable[[Path], str], three: dict[str, Path], capsys: Capsys, tmp_path: Path
) -> None:
    target = three["other"]
    out_file = tmp_path / "cr.md"
    status, _, err = run(capsys, "export", spec(target), "-o", str(out_file))
    assert status == 0, err
    assert out_file.read_text("utf-8") == minutes_of(target)
    assert "Autre sujet" in out_file.read_text("utf-8")


def test_export_default_file_is_beside_the_named_session(
    three: dict[str, Path], capsys: Capsys
) -> None:
    status, out, err = run(capsys, "export", three["old"].stem)
    assert status == 0, err
    assert out.strip() == str(three["old"].with_suffix(".md"))
    assert "note du premier" in three["old"].with_suffix(".md").read_text("utf-8")


def test_a_relative_path_from_the_current_folder(
    three: dict[str, Path], capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(three["old"].parent.parent)
    relative = Path(three["old"].parent.name) / three["old"].name
    status, out, err = run(capsys, "export", str(relative), "-o", "-")
    assert status == 0, err
    assert out == minutes_of(three["old"])


def test_an_ambiguous_prefix_lists_the_candidates_and_exits_2(
    three: dict[str, Path], capsys: Capsys, tmp_path: Path
) -> None:
    out_file = tmp_path / "cr.md"
    status, out, err = run(capsys, "export", "2026-11-29", "-o", str(out_file))
    assert status == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("codev: ") and "2 sessions" in lines[0]
    assert sorted(lines[1:]) == sorted([three["old"].name, three["new"].name])
    assert not out_file.exists()


@pytest.mark.parametrize("spec", ["2027", "nothing-like-it", "missing/2026-11-29_0900.toml"])
def test_no_match_is_one_line_and_exit_2(spec: str, three: dict[str, Path], capsys: Capsys) -> None:
    status, out, err = run(capsys, "export", spec, "-o", "-")
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("codev: ")
    assert spec in err


def test_an_exact_stem_wins_over_a_longer_name_it_prefixes(
    script: PhaseScript, capsys: Capsys
) -> None:
    """`…_x` names `…_x.toml` even though `…_x-2.toml` also starts with it."""
    first = make_session(script, topic="x", age=20)
    second = make_session(script, topic="x", notes=["la seconde"], age=10)
    assert second.stem == first.stem + "-2"
    status, out, _ = run(capsys, "export", first.stem, "-o", "-")
    assert status == 0
    assert out == minutes_of(first)


# -- export to standard output ---------------------------------------------------------------


def test_export_dash_prints_the_minutes_and_nothing_else(
    three: dict[str, Path], capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "export", "-o", "-")
    assert status == 0, err
    assert out == minutes_of(three["new"])
    assert err == ""
    assert not (tmp_path / "-").exists()
    assert not three["new"].with_suffix(".md").exists()


def test_export_dash_keeps_the_options(script: PhaseScript, capsys: Capsys) -> None:
    path = make_session(script, notes=["visible"], confidential="SECRET-NOTE")
    status, out, _ = run(capsys, "export", "-o", "-")
    assert status == 0
    assert "visible" in out and "SECRET-NOTE" not in out
    status, out, _ = run(capsys, "export", path.name, "-o", "-", "--include-confidential")
    assert status == 0
    assert "SECRET-NOTE" in out
    status, out, _ = run(capsys, "export", "-o", "-", "--anonymize")
    assert status == 0
    assert "Alice" not in out


# -- resume uses the same names ---------------------------------------------------------------


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """`codev resume` without the UI: a fake `codev_tui.ui.launch` records its arguments."""
    calls: list[dict[str, Any]] = []
    fake = types.ModuleType("codev_tui.ui.launch")

    def launch(**kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    fake.launch = launch  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "codev_tui.ui.launch", fake)
    return calls


@pytest.mark.parametrize(
    ("args", "which"),
    [
        ([], "new"),
        (["2026-11-28"], "other"),
        (["{old_name}"], "old"),
        (["{old_stem}"], "old"),
        (["{old_path}"], "old"),
    ],
)
def test_resume_names_a_session_the_same_way(
    args: list[str],
    which: str,
    three: dict[str, Path],
    launched: list[dict[str, Any]],
    capsys: Capsys,
) -> None:
    old = three["old"]
    spec = [a.format(old_name=old.name, old_stem=old.stem, old_path=old) for a in args]
    status, _, err = run(capsys, "resume", *spec)
    assert status == 0, err
    assert launched[-1]["session_path"] == three[which]
    assert launched[-1]["resumed"] is True


def test_resume_with_an_ambiguous_prefix_opens_nothing(
    three: dict[str, Path], launched: list[dict[str, Any]], capsys: Capsys
) -> None:
    status, _, err = run(capsys, "resume", "2026-11-29_")
    assert status == 2 and launched == []
    assert three["old"].name in err and three["new"].name in err


# -- list --------------------------------------------------------------------------------------


def test_list_shows_what_each_session_is(script: PhaseScript, capsys: Capsys) -> None:
    when = datetime(2026, 11, 29, 9, 5, tzinfo=UTC)
    running = make_session(
        script,
        topic="Un sujet",
        client="Alice",
        notes=["a", "b", "c"],
        phase=1,
        age=20,
        when=when,
    )
    ended = make_session(
        script,
        topic="Répétition",
        client="Bob",
        practice=True,
        ended=True,
        age=10,
        when=when + timedelta(days=1),
    )
    status, out, _ = run(capsys, "list")
    assert status == 0
    first, second = out.splitlines()
    local = f"{when.astimezone():%Y-%m-%d %H:%M}"
    assert first.startswith(f"{(when + timedelta(days=1)).astimezone():%Y-%m-%d %H:%M}  ended")
    for word in ("Répétition", "Bob", "0 notes", "practice", ended.name):
        assert word in first, first
    assert second.startswith(f"{local}  phase 2/{len(script.phases)}")
    for word in ("Un sujet", "Alice", "3 notes", running.name):
        assert word in second, second
    assert "practice" not in second
    assert first.endswith(ended.name) and second.endswith(running.name)


def test_list_columns_line_up(script: PhaseScript, capsys: Capsys) -> None:
    make_session(script, topic="Court", client="Al", notes=["n"] * 12, age=20)
    make_session(script, topic="Un sujet un peu plus long", client="Bérénice", age=10)
    status, out, _ = run(capsys, "list")
    assert status == 0
    lines = out.splitlines()
    assert "1 note " not in out and " 0 notes" in lines[0] and "12 notes" in lines[1]
    assert lines[0].index("notes") == lines[1].index("notes")
    assert lines[0].index("Un sujet") == lines[1].index("Court")
    assert lines[0].index("Bérénice") == lines[1].index("Al ")
    assert lines[0].index("2026-11-29_") == lines[1].index("2026-11-29_")


def test_list_cuts_a_long_topic_and_fits_100_columns(script: PhaseScript, capsys: Capsys) -> None:
    topic = "Comment dire non à mon directeur sans perdre sa confiance ni mon poste " * 3
    path = make_session(script, topic=topic, client="Alice")
    path = path.rename(path.with_name("2026-11-29_0900_long.toml"))
    status, out, _ = run(capsys, "list")
    assert status == 0
    (line,) = out.splitlines()
    assert len(line) <= 100, line
    assert "Comment dire non" in line and "…" in line and topic.strip() not in line
    assert line.endswith(path.name)


def test_list_prints_user_text_without_control_characters(
    script: PhaseScript, capsys: Capsys
) -> None:
    path = make_session(
        script,
        topic="Rouge \x1b[31mvif\x1b[0m\nsur deux lignes\u202e",
        client="Al\x07ice\x9b",
    )
    path.rename(path.with_name("short.toml"))  # the whole topic fits
    status, out, _ = run(capsys, "list")
    assert status == 0
    (line,) = out.splitlines()
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\n", "\r"):
        assert bad not in line
    assert "Rouge ␛[31mvif␛[0m sur deux lignes" in line and "Al␇ice\ufffd" in line


def test_list_with_an_unreadable_file_goes_on(script: PhaseScript, capsys: Capsys) -> None:
    good = make_session(script, topic="Lisible", age=10)
    (good.parent / "2026-01-01_0000_broken.toml").write_text("not = [valid", "utf-8")
    status, out, _ = run(capsys, "list")
    assert status == 0
    lines = out.splitlines()
    assert any("Lisible" in line for line in lines)
    assert any("broken" in line and "unreadable" in line for line in lines)


def test_list_without_sessions(capsys: Capsys) -> None:
    status, out, _ = run(capsys, "list")
    assert status == 0 and out.startswith("no session yet in ")


@pytest.mark.parametrize("newer", ["schema", "event"])
def test_a_file_from_a_newer_codev_says_so_in_list_and_resume(
    script: PhaseScript, capsys: Capsys, newer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export says so already (test_store); `list` and `resume` too, never "not a codev
    session file"."""
    from codev_tui.core.store import NewerFileError, encode_record
    from codev_tui.ui import launch as launching
    from codev_tui.ui.launch import launch

    monkeypatch.setattr(launching, "_not_a_terminal", lambda: "")  # as in a terminal
    path = make_session(script, topic="Plus récente")
    raw = path.read_bytes()
    if newer == "schema":
        raw = raw.replace(b"schema = 2", b"schema = 3")
    else:
        raw += encode_record({"seq": 9, "t": datetime.now(UTC), "type": "vote"})
    path.write_bytes(raw)
    status, out, err = run(capsys, "list")
    assert status == 0 and err == ""
    (line,) = out.splitlines()
    assert path.name in line and "made by a newer codev" in line and "upgrade" in line
    with pytest.raises(NewerFileError, match="newer codev.*please upgrade"):
        launch(session_path=path, resumed=True)
    assert path.read_bytes() == raw


@pytest.mark.parametrize(
    ("lang", "replaced", "saved"),
    [
        (
            "fr",
            "codev : old.toml a été remplacé par un autre programme",
            "codev : séance enregistrée dans",
        ),
        ("en", "codev: old.toml was replaced by another program", "codev: session saved in"),
    ],
)
def test_the_closing_lines_are_in_the_language_of_the_command_line(
    script: PhaseScript,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    replaced: str,
    saved: str,
) -> None:
    """What the terminal says once the app is closed follows `--lang`, not always English."""
    from codev_tui.ui import app as app_module
    from codev_tui.ui import launch as launching

    path = make_session(script, topic="Fermeture")

    class App:
        def __init__(self, file: object, **_: object) -> None:
            self.file, self.unsaved, self.return_code = file, [], 0

        def run(self) -> None:
            self.file.replaced = Path("old.toml")  # type: ignore[attr-defined]

    monkeypatch.setattr(launching, "_not_a_terminal", lambda: "")  # as in a terminal
    monkeypatch.setattr(app_module, "CodevApp", App)  # launch imports it when it runs
    assert launching.launch(session_path=path, resumed=True, cli_lang=lang) == 0
    assert capsys.readouterr().err.splitlines() == [replaced, f"{saved} {path}"]
