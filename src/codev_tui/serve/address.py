"""Which address to put in the URL `codev serve` prints, found without any network traffic."""

from __future__ import annotations

import contextlib
import ipaddress
import socket

ANY = ("0.0.0.0", "::", "")
"""Hosts that mean every interface of this machine."""


def lan_address() -> str | None:
    """This machine's address on its local network, or None when it has none.

    Connecting a UDP socket sends nothing: it only asks the system which interface, and so
    which address, would be used for a private address. (Not the address of the machine's
    name: looking it up may ask a name server, and wait for it on a laptop offline.)
    """
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((probe, 9))
            address = s.getsockname()[0]
            if _usable(address):
                return address
    return None


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def is_loopback(host: str) -> bool:
    """Whether listening on `host` lets only this machine connect (`localhost`, 127.x, ::1)."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: whatever it names, maybe the network


def url_host(host: str) -> str:
    """`host` as it goes in a URL: an IPv6 address in brackets, every interface as loopback."""
    if host in ANY:
        return "127.0.0.1"
    if ":" in host:
        return f"[{host}]"
    return host
