"""One run at a time per output: an advisory lock beside the dataset directory.

The lock is a file held with flock, so the kernel releases it when its holder
exits, however it exits: a lock file left behind by a killed run is stale by
construction (flock, not the PID written in it, says whether a run is alive)
and the next run simply takes it over. Worker processes forked during the run
close their copy of the descriptor at once, so a worker that outlives its run
can never keep the output locked. The holder removes the file when it is done.

A run's private folder in TMPDIR (its workers' outcomes) is held the same way,
so the next run can tell the folder of a killed run, which it removes, from
the folder of a run still going.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_held: set[int] = set()  # descriptors of the locks this process holds; forked children drop their copies


def _close_in_child() -> None:
    # Pointing the descriptor at /dev/null drops the child's reference to the lock without LOCK_UN
    # (which would release the parent's lock too) and without freeing the number for reuse.
    for descriptor in _held:
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, descriptor)
        os.close(null)
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


class Busy(Exception):
    """Another run holds the lock."""


class RunLock:
    def __init__(self, out_dir: Path):
        self.out_dir = out_dir.resolve()
        self.path = self.out_dir.parent / f".{self.out_dir.name}.lock"
        self.previous: dict | None = None  # what a stale lock file said, when there was one
        self._handle: IO[str] | None = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            handle = self.path.open("a+")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read(handle)
                handle.close()
                raise Busy(f"another kompass run (pid {holder.get('pid', '?')} on {holder.get('host', '?')}, "
                           f"started {holder.get('started', '?')}) is writing {self.out_dir}"
                           f"; try again when it has finished") from None
            if _same_file(handle.fileno(), self.path):
                break
            handle.close()  # its holder removed the file after we opened it: lock the one now there
        self.previous = _read(handle) or None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}))
        handle.flush()
        self._handle = handle
        _held.add(handle.fileno())
        return self

    def __exit__(self, *exc) -> None:
        assert self._handle is not None
        _held.discard(self._handle.fileno())
        self.path.unlink(missing_ok=True)  # while still locked, so no one else holds a removed file
        fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()


@contextmanager
def held_folder(prefix: str) -> Iterator[Path]:
    """A new private folder in TMPDIR, locked while the caller works in it and removed after.

    Raises OSError when TMPDIR has no room for it.
    """
    while True:
        path = Path(tempfile.mkdtemp(prefix=prefix))
        descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if _same_file(descriptor, path):
                break
        except BlockingIOError:
            pass  # another run took it for a dead run's folder and is removing it: make another
        os.close(descriptor)
    _held.add(descriptor)
    try:
        yield path
    finally:
        _held.discard(descriptor)
        shutil.rmtree(path, ignore_errors=True)
        os.close(descriptor)


def remove_abandoned_folders(prefix: str) -> None:
    """Removes the folders `held_folder(prefix)` made for runs that were killed (no one holds them any more)."""
    try:
        entries = [entry for entry in os.scandir(tempfile.gettempdir()) if entry.name.startswith(prefix)]
    except OSError:
        return
    for entry in entries:
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat().st_uid != os.getuid():
                continue
            descriptor = os.open(entry.path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            shutil.rmtree(entry.path, ignore_errors=True)
        except BlockingIOError:
            pass  # a run still going
        finally:
            os.close(descriptor)


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), path.stat())
    except FileNotFoundError:
        return False


def _read(handle: IO[str]) -> dict:
    handle.seek(0)
    try:
        return json.loads(handle.read() or "{}")
    except json.JSONDecodeError:
        return {}
