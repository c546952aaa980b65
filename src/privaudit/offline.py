"""Principle 1, enforced: the privaudit process cannot open a network connection.

An audit hook (PEP 578) refuses every socket connect and DNS lookup in this process, so
not even a dependency can phone home while an archive is open. Installed by the CLI at
start-up; audit hooks cannot be removed, which is the point.
"""

from __future__ import annotations

import sys
from typing import Any

_NETWORK_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.sendto",
        "socket.sendmsg",
        "urllib.Request",
        "http.client.connect",
    }
)
_installed = False


class NetworkBlocked(RuntimeError):
    """Something tried to use the network inside privaudit."""


def _deny(event: str, args: tuple[Any, ...]) -> None:
    if event in _NETWORK_EVENTS:
        raise NetworkBlocked(f"privaudit works offline; blocked {event}")


def forbid_network() -> None:
    """Refuse all network use in this process from now on (idempotent)."""
    global _installed
    if not _installed:
        sys.addaudithook(_deny)
        _installed = True
