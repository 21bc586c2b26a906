"""A session file whose events hold wrong types is reported, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from codev_tui.cli import main
from codev_tui.core.script import validate_script
from codev_tui.core.session import Roster, SessionError
from codev_tui.core.store import SessionFile, encode_record, read_session

SCRIPT = validate_script(
    {"script": {"name": "x", "lang": "en"}, "phases": [{"id": "a", "title": "A", "minutes": 5}]},
    "test",
)


@pytest.mark.parametrize(
    "fields",
    [
        {"type": "phase", "index": "x", "running": True},
        {"type": "phase", "index": 7, "running": True},
        {"type": "adjust", "seconds": "lots"},
    ],
)
def test_wrong_field_types_are_reported(
    tmp_path: Path, fields: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    file = SessionFile.create(tmp_path, SCRIPT, Roster(topic="t"))
    file.close()
    event = {"seq": 1, "t": file.session.created, **fields}
    with open(file.path, "ab") as out:
        out.write(encode_record(event))
    before = file.path.read_bytes()
    with pytest.raises(SessionError, match=str(file.path)):
        read_session(file.path)
    assert main(["export", str(file.path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("codev: ") and "Traceback" not in err
    assert file.path.read_bytes() == before


def test_a_blank_name_has_no_role() -> None:
    assert Roster(consultants=["", "Bo"]).role_of("") is None
