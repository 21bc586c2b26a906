"""The retour phase on screen: the previous plan's actions numbered with who and when, each
status shown as it is typed (in words, not only in colour), corrected like any note, and an
action carried over with F4 or `/report N`."""

from __future__ import annotations

from codev_tui.core.store import read_session
from tests.functional.conftest import screen_of, settle


def _review_text(app) -> str:  # type: ignore[no-untyped-def]
    from codev_tui.ui.widgets.review_strip import ReviewStrip

    return str(screen_of(app).query_one(ReviewStrip).render())


async def test_the_retour_lists_the_actions_and_each_status_typed(make_retour_app) -> None:  # type: ignore[no-untyped-def]
    app = make_retour_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        shown = _review_text(app)
        assert "1. Appeler la DRH — Ana — échéance 15/12  [—]" in shown
        assert "2. Relire le contrat [bold] — Ana + Bruno  [—]" in shown  # text, not markup
        await pilot.press(*"1 fait appel passé", "enter")
        await pilot.press(*"3 en partie", "enter")
        await settle(app, pilot)
        shown = _review_text(app)
        assert "1. Appeler la DRH — Ana — échéance 15/12  [fait] appel passé" in shown
        assert "3. Parler à Marc — Ana — échéance fin janvier  [en partie]" in shown
        # F4: the action of the latest status goes to the next session.
        await pilot.press("f4")
        await settle(app, pilot)
        assert "[en partie] → reportée" in _review_text(app)
        assert "action n° 3 reportée à la prochaine séance" in str(
            screen_of(app).query_one("#status").render()
        )
        await pilot.press(*"/report 1", "enter")
        await settle(app, pilot)
        assert "l'action n° 1 est faite : rien à reporter" in str(
            screen_of(app).query_one("#status").render()
        )
        path = app.file.path
    session = read_session(path)
    assert {n: s.status for n, s in session.statuses.items()} == {1: "done", 3: "partly"}
    assert session.carried == {3}
    assert [n.text for n in session.notes] == ["1 fait appel passé", "3 en partie"]


async def test_a_status_corrected_like_a_note_changes_the_list(make_retour_app) -> None:  # type: ignore[no-untyped-def]
    app = make_retour_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press(*"2 pas fait", "enter")
        await settle(app, pilot)
        await pilot.press("up", "enter")  # choose the latest note, correct it
        await pilot.press("ctrl+u", *"2 fait finalement", "enter")
        await settle(app, pilot)
        assert "[fait] finalement" in _review_text(app)
        assert "pas fait" not in _review_text(app)


async def test_the_retour_keys_show_only_in_the_retour(make_retour_app) -> None:  # type: ignore[no-untyped-def]
    app = make_retour_app(lang="en")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        keys = str(screen_of(app).query_one("#keys").render())
        assert "f4 Carry over" in keys
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert "Carry over" not in str(screen_of(app).query_one("#keys").render())
        from codev_tui.ui.widgets.review_strip import ReviewStrip

        assert screen_of(app).query_one(ReviewStrip).has_class("-hidden")


async def test_report_alone_carries_the_action_of_the_latest_status(make_retour_app) -> None:  # type: ignore[no-untyped-def]
    app = make_retour_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press(*"2 pas fait", "enter", *"/report", "enter")
        await settle(app, pilot)
        assert "[pas fait] → reportée" in _review_text(app)
        path = app.file.path
    assert [n.text for n in read_session(path).notes] == ["2 pas fait"]  # /report is no note
