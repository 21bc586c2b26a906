"""The `codev` command.

Only `run`, `resume` and `practice` import the user interface (textual), and only a phase
script a person wrote (`check`, `--script PATH`) imports pydantic: `scripts`, `agenda`,
`list` and `export` start with neither. The session modules are imported by the commands
that need them. Every message comes from `codev_tui.words.cli`, in the language of
`--lang`, else of the environment (`cli.lang`).
"""

from codev_tui.cli.errors import USER_ERROR, UserError
from codev_tui.cli.main import main
from codev_tui.cli.scripts import choose_script
from codev_tui.cli.sessions import resolve_session

__all__ = ["USER_ERROR", "UserError", "choose_script", "main", "resolve_session"]
