"""Fault injection for tests: `KOMPASS_FAULT=point:action` makes the named point misbehave.

Tests of kills, hangs, full disks and permission errors need them at a chosen
moment and cannot rely on slowness or on not running as root; this explicit
hook gives them that. Unset (always, outside tests) every point does nothing.
"""
from __future__ import annotations

import errno
import os
import signal
import time

_ERRORS = {"enospc": errno.ENOSPC, "eacces": errno.EACCES, "enametoolong": errno.ENAMETOOLONG, "eio": errno.EIO}


def fault_point(name: str) -> None:
    """Misbehaves as KOMPASS_FAULT says when it names this point: hang, kill, memory or an OSError."""
    point, _, action = os.environ.get("KOMPASS_FAULT", "").partition(":")
    if point != name:
        return
    if action == "hang":
        while True:
            time.sleep(3600)
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if action == "memory":
        raise MemoryError(f"fault injected at {name}")
    if action in _ERRORS:
        code = _ERRORS[action]
        raise OSError(code, os.strerror(code))
    raise ValueError(f"KOMPASS_FAULT: unknown action {action!r} (hang, kill, memory, {', '.join(_ERRORS)})")
