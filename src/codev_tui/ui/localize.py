"""Textual's own words in the interface's language: the labels of the keys in the footer."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from codev_tui.words import Texts


def localize_bindings(bindings_map: Any, texts: Texts) -> None:
    """Translate the footer labels of a node's bindings: descriptions starting `k_` are keys."""
    for key, bindings in bindings_map.key_to_bindings.items():
        bindings_map.key_to_bindings[key] = [
            replace(b, description=texts(b.description)) if b.description.startswith("k_") else b
            for b in bindings
        ]
