"""The domain of codev-tui: phase scripts, sessions, the countdown, the store and the minutes.

Nothing in this package imports textual; a test checks it.
"""
