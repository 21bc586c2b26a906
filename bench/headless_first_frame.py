"""Start an app headless (80x24), let it paint its first frame, and exit: for instruction counts.

    python bench/headless_first_frame.py reference
    python bench/headless_first_frame.py codev SESSION_FILE

Run under `valgrind --tool=callgrind`, it gives the number of instructions each app executes
from the interpreter's start to its first frame: unlike a wall-clock time, the same on a busy
or an idle machine, so that a change of a few percent shows. The start is the one `codev
resume` makes (the command line, the collector off until the first frame).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    if sys.argv[1] == "reference":
        sys.path.insert(0, str(HERE))
        from reference_app import ReferenceApp

        app_class = ReferenceApp
    else:
        from codev_tui.ui.app import CodevApp

        app_class = CodevApp
    mounted = app_class.on_mount
    run = app_class.run

    def on_mount(self) -> None:  # type: ignore[no-untyped-def]
        mounted(self)
        self.call_after_refresh(self.exit)

    app_class.on_mount = on_mount  # type: ignore[method-assign]
    app_class.run = lambda self, *a, **k: run(self, headless=True, size=(80, 24))  # type: ignore[method-assign]
    if sys.argv[1] == "reference":
        ReferenceApp().run()
    else:
        from codev_tui.cli import main as codev

        sys.argv = ["codev", "resume", sys.argv[2]]
        codev()


if __name__ == "__main__":
    main()
