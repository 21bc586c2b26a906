"""Phase scripts bundled with codev-tui."""
