"""`codev agenda`: the timetable from a start time, in text and Markdown."""

from __future__ import annotations

from datetime import datetime

import pytest
from markdown_it import MarkdownIt

from codev_tui import locations
from codev_tui.cli import main
from codev_tui.core.agenda import next_start, render_agenda, timetable
from codev_tui.core.script import load_script, validate_script


@pytest.mark.parametrize("name", sorted(locations.bundled_scripts()))
@pytest.mark.parametrize("fmt", ["text", "md"])
def test_every_bundled_script(name: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_script(locations.bundled_scripts()[name])
    assert main(["agenda", "--script", name, "--start", "14:00", "--format", fmt]) == 0
    out = capsys.readouterr().out
    for phase in script.phases:
        assert phase.title in out
    end = datetime(2026, 1, 1, 14, 0) + (
        timetable(script, datetime(2026, 1, 1, 14, 0))[-1][1] - datetime(2026, 1, 1, 14, 0)
    )
    assert f"14:00–{end:%H:%M}" in out
    if fmt == "md":
        tokens = MarkdownIt("commonmark").enable("table").parse(out)
        rows = [t for t in tokens if t.type == "tr_open"]
        assert len(rows) == len(script.phases) + 2  # header + phases + total


def test_fractional_minutes_keep_seconds() -> None:
    script = validate_script(
        {
            "script": {"name": "x", "lang": "en"},
            "phases": [
                {"id": "a", "title": "A", "minutes": 7.5},
                {"id": "b", "title": "B", "minutes": 2.25},
            ],
        },
        "test",
    )
    out = render_agenda(script, datetime(2026, 1, 1, 9, 0))
    assert "09:00–09:07:30" in out
    assert "09:07:30–09:09:45" in out
    assert "9.75 min" in out


def test_default_start_rounds_up_to_five_minutes() -> None:
    assert next_start(datetime(2026, 1, 1, 9, 1, 10)) == datetime(2026, 1, 1, 9, 5)
    assert next_start(datetime(2026, 1, 1, 9, 5, 0)) == datetime(2026, 1, 1, 9, 5)
    assert next_start(datetime(2026, 1, 1, 9, 58, 1)) == datetime(2026, 1, 1, 10, 0)


def test_bad_start_time_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agenda", "--start", "noon"]) == 2
    assert "expected a time like 14:30" in capsys.readouterr().err


def _inlines(markdown: str) -> list[str]:
    """The plain text of every inline token, entities decoded, as a reader sees it."""
    texts = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline":
            children = token.children or []
            texts.append("".join(c.content for c in children if c.type in ("text", "text_special")))
    return texts


def test_markdown_agenda_shows_markup_and_entities_literally() -> None:
    """The agenda escapes as the minutes do: `&amp;` stays `&amp;`, `*` stays `*`."""
    script = validate_script(
        {
            "script": {"name": "R&amp;D *vite*", "lang": "fr"},
            "phases": [
                {"id": "a", "title": "Q&amp;A * étoile", "minutes": 5, "summary": "a &lt; b_c"},
                {"id": "b", "title": "- 1. <b>|</b>", "minutes": 5},
            ],
        },
        "test",
    )
    out = render_agenda(script, datetime(2026, 1, 1, 9, 0), fmt="md")
    inlines = _inlines(out)
    assert inlines[0] == "Déroulé — R&amp;D *vite*"
    assert "Q&amp;A * étoile" in inlines and "a &lt; b_c" in inlines
    assert "- 1. <b>|</b>" in inlines
    rows = [t for t in MarkdownIt("commonmark").enable("table").parse(out) if t.type == "tr_open"]
    assert len(rows) == 4  # the header, two phases, the total
