"""Named points where a test makes a run hang or die, instead of timing a kill.

The code calls `fault_point("before_publish")` where a failure is worth
testing; the environment variable KOMPASS_FAULT="<point>:<action>" picks one
point and what happens there:
  hang  the process says so on stderr ("kompass: fault point <point> reached")
        and waits there until it is killed;
  kill  the process kills itself with SIGKILL, as a power cut or the OOM
        killer would.
Without KOMPASS_FAULT (every real run) a fault point does nothing.

Points: before_publish (the new dataset is about to replace the old one).
"""
from __future__ import annotations

import os
import signal
import sys
import threading

ENVIRONMENT = "KOMPASS_FAULT"


def fault_point(name: str) -> None:
    point, _, action = os.environ.get(ENVIRONMENT, "").partition(":")
    if point != name:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "hang":
        print(f"kompass: fault point {name} reached", file=sys.stderr, flush=True)
        threading.Event().wait()
    else:
        raise ValueError(f"{ENVIRONMENT}: unknown action {action!r} (hang or kill)")
