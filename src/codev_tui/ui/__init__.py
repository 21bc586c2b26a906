"""The Textual interface, thin on top of `codev_tui.core`."""
