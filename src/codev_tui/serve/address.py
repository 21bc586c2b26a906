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
    which address, would be used for a private address.
    """
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((probe, 9))
            address = s.getsockname()[0]
            if _usable(address):
                return address
    with contextlib.suppress(OSError):
        address = socket.gethostbyname(socket.gethostname())
        if _usable(address):
            return address
    return None


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def url_host(host: str) -> str:
    """`host` as it goes in a URL: an IPv6 address in brackets, every interface as loopback."""
    if host in ANY:
        return "127.0.0.1"
    if ":" in host:
        return f"[{host}]"
    return host
