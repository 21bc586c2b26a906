"""`python -m codev_tui` runs the `codev` command."""

from codev_tui.cli import main

raise SystemExit(main())
