"""Where `codev serve` says to go: a warning whenever more than this machine can connect, and
the local network's address found without any traffic (no name lookup)."""

from __future__ import annotations

import socket

import pytest

import codev_tui.serve
from codev_tui.cli.serve import url_lines
from codev_tui.serve import address, is_loopback
from codev_tui.words import Words

WARNING = Words("serve", "en")("network")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost", "LOCALHOST"])
def test_no_warning_when_only_this_machine_can_connect(host: str) -> None:
    assert is_loopback(host)
    assert WARNING not in url_lines(Words("serve", "en"), host, 8000, "TOKEN")


@pytest.mark.parametrize(
    "host", ["192.168.1.10", "10.0.0.5", "fe80::1", "0.0.0.0", "::", "", "salle.local", "box"]
)
def test_a_warning_when_the_network_can_connect(host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codev_tui.serve, "lan_address", lambda: None)
    assert not is_loopback(host)
    lines = url_lines(Words("serve", "en"), host, 8000, "TOKEN")
    assert lines[0] == WARNING


def test_the_lan_address_never_looks_up_the_machine_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a laptop offline, looking its name up may wait for a name server."""
    looked_up: list[str] = []

    def lookup(name: str) -> str:
        looked_up.append(name)
        return "192.168.1.20"

    class NoRoute(socket.socket):
        def connect(self, where: object) -> None:
            raise OSError("network unreachable")

    monkeypatch.setattr(socket, "gethostbyname", lookup)
    monkeypatch.setattr(socket, "socket", NoRoute)
    assert address.lan_address() is None
    assert looked_up == []
