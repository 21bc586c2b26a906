"""codev-tui: a terminal companion for the facilitator of a codéveloppement group."""

__version__ = "0.1.0"
