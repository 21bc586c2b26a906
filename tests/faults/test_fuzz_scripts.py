"""Generated phase scripts: `codev check` accepts each one or refuses it in short lines, exit 2.

Two generators: script-shaped TOML documents whose every field may hold the wrong type, an
out-of-range number or an unknown key; and the bytes of a good script, cut, spliced and
corrupted. Whatever comes in, the answer is exit 0 with a summary that loads, or exit 2 with
one line per problem naming the file, never a traceback or a raw pydantic dump.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codev_tui import locations
from codev_tui.cli import main
from codev_tui.core.script import load_script

FIELD_NAMES = [
    "id",
    "title",
    "minutes",
    "summary",
    "rules",
    "prompts",
    "kind",
    "round",
    "name",
    "lang",
    "text",
    "warning_minutes",
    "minute",
    "titel",
    "client",
    "consultants",
]

scalars = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(timezones=st.just(UTC)),
    st.dates(),
    st.times(),
    st.sampled_from(["fr", "en", "expose", "Exposé", "question", "", "0", "-1", "480", "1e3"]),
    st.sampled_from([0, 1, 10, 480, 481, 0.5, -1, 1e308]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(FIELD_NAMES), inner, max_size=3)
    ),
    max_leaves=8,
)


def maybe(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field that is mostly right and sometimes anything at all."""
    return st.one_of(good, good, good, values)


phase = st.fixed_dictionaries(
    {
        "id": maybe(st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)),
        "title": maybe(st.text(min_size=1, max_size=20)),
        "minutes": maybe(st.integers(1, 480) | st.floats(0.1, 480)),
    },
    optional={
        "summary": maybe(st.text(max_size=30)),
        "rules": maybe(st.lists(st.text(max_size=20), max_size=3)),
        "prompts": maybe(
            st.dictionaries(
                st.sampled_from(["client", "consultants", "facilitator"]),
                st.lists(st.text(max_size=20), max_size=2),
                max_size=3,
            )
        ),
        "kind": maybe(st.sampled_from(["note", "question", "contract", "action", "learning"])),
        "round": maybe(st.booleans()),
        "warning_minutes": maybe(st.floats(0.1, 10)),
    },
)
script_doc = st.fixed_dictionaries(
    {
        "script": maybe(
            st.fixed_dictionaries(
                {
                    "name": maybe(st.text(min_size=1, max_size=20)),
                    "lang": maybe(st.sampled_from(["fr", "en"])),
                }
            )
        ),
        "phases": maybe(st.lists(phase, max_size=4)),
    },
    optional={
        "rules": maybe(
            st.lists(
                st.fixed_dictionaries({"name": maybe(st.text(min_size=1, max_size=10))}), max_size=2
            )
        ),
        "roles": maybe(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "id": maybe(st.sampled_from(["client", "x"])),
                        "name": maybe(st.text(max_size=10)),
                    }
                ),
                max_size=2,
            )
        ),
    },
).flatmap(
    lambda doc: st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=1).map(
        lambda extra: {**doc, **extra}
    )
)


def toml_text(doc: dict[str, Any]) -> bytes | None:
    """The document as TOML, or None when TOML cannot hold it (NaN is fine, None is not)."""
    try:
        return tomli_w.dumps(doc).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError):
        return None


ANSWERS: Counter[int] = Counter()
"""Exit statuses seen so far in this run."""


def assert_accepted_or_refused_cleanly(raw: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phases.toml"
        path.write_bytes(raw)
        try:
            status = main(["check", str(path)])
        except SystemExit as exit_:  # argparse and friends
            status = exit_.code  # type: ignore[assignment]
        out, err = capsys.readouterr()
        assert status in (0, 2), (status, err)
        ANSWERS[status] += 1
        if status == 0:
            assert err == ""
            assert "min" in out
            load_script(path)  # what check accepted, the app can load
            return
        lines = err.splitlines()
        assert lines and out == ""
        for line in lines:
            assert line.startswith(f"{path}:"), line
            assert len(line) < len(str(path)) + 200, line
            for dump in ("Traceback", "validation error", "input_value", "errors.pydantic.dev"):
                assert dump not in line, line


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(doc=script_doc)
def test_generated_script_documents(
    doc: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    raw = toml_text(doc)
    if raw is not None:
        assert_accepted_or_refused_cleanly(raw, capsys)


GOOD = locations.bundled_scripts()["classic"].read_bytes()


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    cut=st.integers(0, len(GOOD)),
    length=st.integers(0, 40),
    splice=st.binary(max_size=12)
    | st.sampled_from(
        [
            b"\x00",
            b"\xef\xbb\xbf",
            b"\xff",
            b"[[phases]]\n",
            b"minutes = nan\n",
            b'"',
            b"\n[script]\n",
            b"=",
        ]
    ),
)
def test_corrupted_copies_of_the_classic_script(
    cut: int, length: int, splice: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_accepted_or_refused_cleanly(GOOD[:cut] + splice + GOOD[cut + length :], capsys)


def test_the_generators_reach_both_answers() -> None:
    """The campaign is worth something only if generated scripts both pass and fail."""
    if sum(ANSWERS.values()) < 100:
        pytest.skip("run with the generated tests above")
    assert ANSWERS[0] > 10 and ANSWERS[2] > 10, ANSWERS
