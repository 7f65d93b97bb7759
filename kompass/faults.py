"""Named points where a test makes a run misbehave, instead of timing a kill or relying on permissions.

The code calls `fault_point("before_publish")` where a failure is worth
testing; the environment variable KOMPASS_FAULT="<point>:<action>" picks one
point and what happens there:
  hang     the process says so on stderr ("kompass: fault point <point> reached")
           and waits there until it is killed;
  kill     the process kills itself with SIGKILL, as a power cut or the OOM killer would;
  memory   a MemoryError, as a blown memory limit gives;
  enospc, eacces, enametoolong, eio, eagain
           the OSError a full disk, a permission (which root never meets), an overlong
           path, a failing disk or a process limit (a fork refused) gives.
Without KOMPASS_FAULT (every real run) a fault point does nothing.

Points: read_input, read_folder, in_worker, cache_write, write_dataset, before_publish, before_export,
start_worker (the parent, forking a worker), write_outcome (a worker, handing its outcome over).
"""
from __future__ import annotations

import errno
import os
import signal
import sys
import threading

ENVIRONMENT = "KOMPASS_FAULT"
_ERRORS = {"enospc": errno.ENOSPC, "eacces": errno.EACCES, "enametoolong": errno.ENAMETOOLONG, "eio": errno.EIO,
           "eagain": errno.EAGAIN}


def fault_point(name: str) -> None:
    point, _, action = os.environ.get(ENVIRONMENT, "").partition(":")
    if point != name:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "hang":
        _say(f"kompass: fault point {name} reached\n")
        threading.Event().wait()
    elif action == "memory":
        raise MemoryError(f"fault injected at {name}")
    elif action in _ERRORS:
        raise OSError(_ERRORS[action], os.strerror(_ERRORS[action]))
    else:
        raise ValueError(f"{ENVIRONMENT}: unknown action {action!r} (hang, kill, memory, {', '.join(_ERRORS)})")


def _say(line: str) -> None:
    """The line in one write to the stderr file: two workers that reach a point together must not interleave."""
    try:
        os.write(sys.stderr.fileno(), line.encode())
    except (AttributeError, OSError, ValueError):  # a captured stderr (click's test runner) has no file
        sys.stderr.write(line)
        sys.stderr.flush()
