"""Widgets of the facilitation screens; they show data and report with messages."""
