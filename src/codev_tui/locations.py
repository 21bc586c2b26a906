"""Where codev-tui keeps its files; each path comes from a function, not an import-time constant."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "CODEV_DATA_DIR"
"""Environment variable that points every session file at another folder (used by the tests)."""


def data_dir() -> Path:
    """The folder holding session files (not created here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # here, not at import: `codev check` and `scripts` never need it

    return Path(platformdirs.user_data_dir("codev-tui", appauthor=False)) / "sessions"


def bundled_scripts_dir() -> Path:
    """The folder of the phase scripts shipped inside the package."""
    return Path(__file__).parent / "scripts"


def bundled_scripts() -> dict[str, Path]:
    """Bundled scripts by name: `classic` (the repository's phases.toml) and the others."""
    found = {p.stem: p for p in sorted(bundled_scripts_dir().glob("*.toml"))}
    if "classic" not in found:
        # An editable install has no packaged copy of phases.toml: use the repository's.
        repo_copy = Path(__file__).resolve().parents[2] / "phases.toml"
        if repo_copy.is_file():
            found["classic"] = repo_copy
    return dict(sorted(found.items()))
