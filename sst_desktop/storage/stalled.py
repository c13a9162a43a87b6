"""A server that stops answering (paused, frozen, cut off) ends the work waiting on it.

A PostgreSQL server that is stopped, or whose machine froze, still has its network connections
open: the operating system keeps accepting what is sent to it, so the driver would wait for an
answer for ever, and with it the window's database worker. A busy server is different: a query
waiting for another officer's lock, or a long report, may take a while and must not be cut short.

So a connection that has heard nothing for ``QUIET_SECONDS`` asks the server, on a new network
connection, whether it answers at all (the first message of a connection, which the server answers
at once however busy it is). While it does, the wait goes on; when it does not, within
``PROBE_SECONDS``, the connection is closed and the work fails with a ``psycopg.OperationalError``,
which the caller sees as the server being unavailable ("not saved", kept and retried).
"""

from __future__ import annotations

import logging
import socket
import struct
from typing import Any

import psycopg
from psycopg import errors

log = logging.getLogger(__name__)

QUIET_SECONDS = 3.0  # no answer for this long: is the server there at all?
PROBE_SECONDS = 2.0  # how long the server has to answer that question
_SSL_REQUEST = struct.pack("!ii", 8, 80877103)  # answered with one byte by any PostgreSQL server
_UNIX_SOCKET = "/.s.PGSQL."


def server_answers(host: str, port: int, timeout: float = PROBE_SECONDS) -> bool:
    """True if the PostgreSQL server at ``host`` (a name, an address or a socket folder) and
    ``port`` answers a new connection within ``timeout`` seconds."""
    try:
        if host.startswith("/"):
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.settimeout(timeout)
            probe.connect(f"{host}{_UNIX_SOCKET}{port}")
        else:
            probe = socket.create_connection((host, port), timeout=timeout)
    except OSError:
        return False
    with probe:
        try:
            probe.sendall(_SSL_REQUEST)
            return bool(probe.recv(1))
        except OSError:
            return False


class AnsweringConnection(psycopg.Connection[Any]):
    """A psycopg connection that gives up on a server which has stopped answering (see above)."""

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        if timeout is not None:  # the caller's own limit (waiting for notifications)
            return super().wait(gen, interval, timeout)
        while True:
            try:
                return super().wait(gen, interval, QUIET_SECONDS)
            except errors._WaitTimeout:  # (the generator is left where it was: it can go on)
                host = self.info.hostaddr or self.info.host
                if server_answers(host, self.info.port):
                    continue
                log.warning(
                    "the server at %s:%s stopped answering: the connection is closed", host, self.info.port
                )
                self.pgconn.finish()  # (what it was doing is unknown: never used again)
                raise psycopg.OperationalError(
                    f"the server stopped answering (nothing for {QUIET_SECONDS + PROBE_SECONDS:g} seconds)"
                ) from None
