"""The contract, pinned on screen from its phase on (what the phases capture — contract,
actions, learnings — is unit-tested in tests/unit/test_control.py).
"""

from __future__ import annotations

from textual.widgets import Static

from tests.functional.conftest import (
    CONSULTATION,
    CONTRACT,
    EXPOSE,
    LEARNINGS,
    go_to_phase,
    screen_text,
    settle,
    shown,
    text_of,
    write_note,
)


async def test_contract_is_written_and_stays_pinned(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert not shown(app, "#contract")
        await go_to_phase(app, pilot, CONTRACT)
        contract = app.screen.query_one("#contract", Static)
        assert shown(app, "#contract")
        assert "pas encore de contrat" in text_of(contract)
        await write_note(app, pilot, "Trouver comment parler a Marc")
        await write_note(app, pilot, "Comment dire non a Marc sans casser la relation")
        await settle(app, pilot)
        s = app.control.session
        assert s.contract == "Comment dire non a Marc sans casser la relation"
        assert text_of(contract) == "Contrat : Comment dire non a Marc sans casser la relation"
        await go_to_phase(app, pilot, CONSULTATION)
        assert shown(app, "#contract")
        assert "Comment dire non a Marc" in text_of(contract)
        assert "Comment dire non a Marc" in screen_text(app)
        await go_to_phase(app, pilot, LEARNINGS)
        assert shown(app, "#contract")
        await pilot.press(*["pageup"] * 4)
        assert s.current == EXPOSE  # before the contract phase: no contract to show
        assert not shown(app, "#contract")
