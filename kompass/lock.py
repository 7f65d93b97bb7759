"""One run at a time per output: an advisory lock beside the dataset directory.

The lock is a file held with flock, so the kernel releases it when its holder
exits, however it exits: a lock file left behind by a killed run is stale by
construction and the next run simply takes it over.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from pathlib import Path


class Busy(Exception):
    """Another run holds the lock."""


class RunLock:
    def __init__(self, out_dir: Path):
        self.out_dir = out_dir.resolve()
        self.path = self.out_dir.parent / f".{self.out_dir.name}.lock"
        self.previous: dict | None = None  # what a stale lock file said, when there was one
        self._handle = None

    def __enter__(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read(handle)
            handle.close()
            raise Busy(f"another kompass run (pid {holder.get('pid', '?')} on {holder.get('host', '?')}, "
                       f"started {holder.get('started', '?')}) is writing {self.out_dir}"
                       f"; try again when it has finished") from None
        self.previous = _read(handle) or None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}))
        handle.flush()
        self._handle = handle
        return self

    def __exit__(self, *exc) -> None:
        assert self._handle is not None
        self._handle.seek(0)
        self._handle.truncate()
        fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()


def _read(handle) -> dict:
    handle.seek(0)
    try:
        return json.loads(handle.read() or "{}")
    except json.JSONDecodeError:
        return {}
