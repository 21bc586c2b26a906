"""The practice journal: what a rehearsal exports instead of minutes.

The prompts with their answers and the free notes, phase by phase; the prompts skipped; and
the time per phase against the plan, in rehearsal time and in real-session equivalent (the
closing screen's timing table, `core.timing.session_timing`). User text goes through
`escape.escape_inline`, as in the minutes.
"""

from __future__ import annotations

from datetime import datetime

from codev_tui.core.minutes.escape import escape_inline, table_row
from codev_tui.core.session import Session
from codev_tui.core.times import format_date, format_duration
from codev_tui.core.timing import session_timing
from codev_tui.words import words_of

__all__ = ["render_journal"]


def render_journal(
    session: Session, *, lang: str | None = None, now: datetime | None = None
) -> str:
    """The export of a practice session: prompts with their answers, time per phase against
    the plan (in rehearsal time and in real-session equivalent), and the prompts skipped."""
    words = words_of("minutes", lang or session.lang)
    colon = words["colon"]
    esc = escape_inline
    speed = session.speed if session.speed > 0 else 1.0
    out: list[str] = [f"# {words['journal']} — {esc(session.script.script.name)}", ""]
    add = out.append
    if isinstance(session.created, datetime):
        date = format_date(session.created, words["months"].split(), words["date_format"])
        add(f"- **{words['date']}**{colon}{date}")
    role = session.practice_role or words["all_roles"]
    add(f"- **{words['rehearsed_role']}**{colon}{esc(role)}")
    add(f"- **{words['speed']}**{colon}×{speed:g}")
    add("")
    for i, phase in enumerate(session.script.phases):
        add(f"## {i + 1}. {esc(phase.title)}")
        add("")
        answered = [n for n in session.notes if n.phase == phase.id and n.prompt]
        free = [n for n in session.notes if n.phase == phase.id and not n.prompt]
        add(f"### {words['answers']}")
        add("")
        if not answered and not free:
            add(f"*{words['no_answer']}*")
            add("")
        for note in answered:
            add(f"- **{esc(note.prompt)}**")
            add(f"  - {esc(note.text)}")
        out.extend(f"- {esc(n.text)}" for n in free)
        add("")
        skipped = [p for phase_id, p in session.skipped if phase_id == phase.id]
        if skipped:
            add(f"### {words['skipped']}")
            add("")
            out.extend(f"- {esc(p)}" for p in skipped)
            add("")
    # The plan is in real-session time: the rehearsal's time is scaled to compare.
    table = session_timing(session, now)
    add(f"## {words['timing']}")
    add("")
    columns = [words["phase"], words["planned"]]
    if table.adjusted:
        columns.append(words["adjusted"])
    columns += [words["rehearsal"], words["real"], words["overtime"]]
    add(table_row(columns))
    add("| --- |" + " ---: |" * (len(columns) - 1))
    for i, row in enumerate(table.rows):
        cells = [f"{i + 1}. {esc(row.title)}", format_duration(row.planned)]
        if table.adjusted:
            cells.append(format_duration(row.adjusted))
        cells += [
            format_duration(row.spent),
            format_duration(row.actual),
            f"+{format_duration(row.over)}" if row.over > 0 else "—",
        ]
        add(table_row(cells))
    add("")
    return "\n".join(out)
