"""Documents processed in child processes, N at a time, each one isolated.

Every document gets a forked child of its own, so a crash, a hang or a memory
blow-up ends that child and becomes that document's failure; the run and the
other documents go on. Forking shares the already imported libraries with the
child, so starting one costs milliseconds.

A child never outlives the run: it asks the kernel to kill it when its parent
dies (PR_SET_PDEATHSIG), and it hands its outcome over in a file of a private
directory rather than a pipe, so it never blocks on a reader that is gone.
That directory lies in TMPDIR and is locked while the run lives; the next run
removes the directory of a run that was killed.

Not every failure is the document's. A child that cannot write its outcome
(TMPDIR full or failing) exits with a status that names the error, one that
cannot be started at all is said as such, and one killed by SIGKILL was
killed from outside (no document can send it): all are `environment`
failures, which the publish rule (kompass.retention) does not blame on the
document. A library that cannot get memory under the limit often aborts
(SIGABRT) instead of raising MemoryError; under a memory limit that abort is
taken for what it most likely is, a `memory` failure.
"""
from __future__ import annotations

import ctypes
import errno
import gc
import multiprocessing
import os
import pickle
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Generic, TypeVar

from kompass.faults import fault_point
from kompass.lock import held_folder, remove_abandoned_folders
from kompass.options import Limits

Task = TypeVar("Task")
Result = TypeVar("Result")
_PR_SET_PDEATHSIG = 1
OUTCOMES_PREFIX = "kompass-outcomes-"
# a child that cannot write its outcome exits with 64 + the error's number (errno fits below 192), or with 63
# when it has no memory left to write it
_HANDOVER_FAILED, _HANDOVER_NO_MEMORY = 64, 63
# room in TMPDIR a run asks for before it starts: each outcome file (a report's rows) is removed once read, so a
# few MB per worker at a time, with a margin
SCRATCH_NEEDED = 32 * 2 ** 20


class ScratchUnavailable(Exception):
    """TMPDIR has no room for the workers' outcomes: the run cannot work, whatever its documents."""


@dataclass(frozen=True)
class Failure:
    """Why a child gave no result: `timeout`, `memory`, `crash`, or `environment` (the run's, not the task's)."""

    reason: str
    detail: str


@dataclass
class _Child(Generic[Task]):
    task: Task
    process: multiprocessing.process.BaseProcess
    outcome_path: Path
    deadline: float
    timeout: float


def free_space(folder: str) -> int:
    """Bytes free for us in `folder` (a function of its own so that a test can fill the disk)."""
    return shutil.disk_usage(folder).free


def check_scratch() -> None:
    """Raises ScratchUnavailable when TMPDIR has not the room a run's workers need."""
    folder = tempfile.gettempdir()
    try:
        free = free_space(folder)
    except OSError as error:
        raise ScratchUnavailable(f"TMPDIR ({folder}) cannot be used: {error.strerror or error}") from None
    if free < SCRATCH_NEEDED:
        raise ScratchUnavailable(f"no space left in TMPDIR ({folder}: {free / 2 ** 20:.1f} MB free, a run needs "
                                 f"{SCRATCH_NEEDED // 2 ** 20} MB)")


def remove_abandoned_outcomes() -> None:
    """Removes the outcome folders that killed runs left in TMPDIR."""
    remove_abandoned_folders(OUTCOMES_PREFIX)


def run_isolated(tasks: Sequence[Task], work: Callable[[Task], Result], jobs: int, limits: Limits,
                 done: Callable[[Task, Result | Failure], None],
                 timeout_of: Callable[[Task], float] | None = None) -> None:
    """Runs `work` on every task in a child of its own, at most `jobs` at once; `done` gets each outcome.

    A task's time limit is `timeout_of(task)` where given (a scan needs time by its pages), else limits.timeout.
    Raises ScratchUnavailable when TMPDIR cannot hold the outcomes' folder.
    """
    if not tasks:
        return
    with ExitStack() as stack:
        try:
            # outcomes are pickles that only our own children write, in a directory only we can enter
            folder = stack.enter_context(held_folder(OUTCOMES_PREFIX))
        except OSError as error:
            raise ScratchUnavailable(f"TMPDIR cannot hold the workers' results: {_scratch_reason(error.errno)} "
                                     f"({tempfile.gettempdir()})") from None
        _run_all(list(enumerate(tasks)), work, jobs, limits, done, timeout_of, folder)


def _run_all(tasks: list[tuple[int, Task]], work, jobs: int, limits: Limits, done, timeout_of,
             folder: Path) -> None:
    context = multiprocessing.get_context("fork")
    pending = list(reversed(tasks))
    running: list[_Child] = []
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                number, task = pending.pop()
                timeout = timeout_of(task) if timeout_of else limits.timeout
                # the parent's objects out of the collector's reach: a child's collections would otherwise walk
                # them all (0.3 CPU s of a run over six PDFs) and copy every page they touch
                gc.freeze()
                try:
                    running.append(_start(context, task, work, limits, folder / f"{number}.pickle", timeout))
                except OSError as error:  # no process can be made (a process limit, no memory for the fork)
                    done(task, Failure("environment", f"its worker could not be started: {error.strerror or error}"))
            if not running:
                continue
            now = time.monotonic()
            ready = wait([c.process.sentinel for c in running],
                         timeout=max(0.0, min(c.deadline for c in running) - now))
            for child in list(running):
                outcome = _outcome(child, ready, limits)
                if outcome is not None:
                    running.remove(child)
                    done(child.task, outcome)
    finally:
        gc.unfreeze()
        for child in running:
            child.process.kill()
            child.process.join()


def _start(context, task, work, limits: Limits, outcome_path: Path, timeout: float) -> _Child:
    fault_point("start_worker")
    process = context.Process(target=_child_main, args=(task, work, limits, outcome_path, os.getpid()), daemon=True)
    process.start()
    return _Child(task, process, outcome_path, time.monotonic() + timeout, timeout)


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _child_main(task, work, limits: Limits, outcome_path: Path, parent: int) -> None:
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent decides and ends its children; SIGTERM ends a child at once
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if limits.memory_mb:
        size = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    try:
        fault_point("in_worker")
        outcome = work(task)
    except MemoryError:
        outcome = _out_of_memory(limits)
    except BaseException as error:  # noqa: BLE001 - anything the work lets escape is this document's failure
        outcome = Failure("crash", f"{type(error).__name__}: {error}")
    status = 1  # the outcome could not be pickled: the work's failure
    try:
        partial = outcome_path.with_suffix(".partial")
        fault_point("write_outcome")
        partial.write_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        partial.rename(outcome_path)  # the parent sees a whole outcome or none
        status = 0
    except OSError as error:
        status = _HANDOVER_FAILED + error.errno if error.errno and error.errno < 256 - _HANDOVER_FAILED else 1
    except MemoryError:
        status = _HANDOVER_NO_MEMORY
    finally:
        os._exit(status)  # leave without the parent's exit handlers


def _out_of_memory(limits: Limits) -> Failure:
    return Failure("memory", f"the document needed more than {limits.memory_mb} MB (--memory-limit)")


def _outcome(child: _Child, ready: list, limits: Limits) -> object | None:
    if child.process.sentinel in ready:
        child.process.join()
        try:
            outcome = pickle.loads(child.outcome_path.read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError):
            return _died(child, limits)
        child.outcome_path.unlink()  # TMPDIR holds the outcomes of running children only
        return outcome
    if time.monotonic() >= child.deadline:
        child.process.kill()
        child.process.join()
        return Failure("timeout", f"the document took longer than {child.timeout:g} seconds")
    return None


def _died(child: _Child, limits: Limits) -> Failure:
    code = child.process.exitcode
    if code == -signal.SIGABRT and limits.memory_mb:
        failure = _out_of_memory(limits)
        return Failure("memory", f"most likely {failure.detail}: its worker was aborted (signal "
                                 f"{signal.SIGABRT:d}), as a library does when it cannot get more memory")
    if code == -signal.SIGKILL:  # a document cannot send it: the kernel's OOM killer or an operator did
        return Failure("environment", f"its worker was killed from outside (signal {signal.SIGKILL:d}), as the "
                                      "kernel's out-of-memory killer or an operator does")
    if code is not None and code < 0:
        return Failure("crash", f"the worker was killed by signal {-code}")
    if code == _HANDOVER_NO_MEMORY:
        return _out_of_memory(limits)
    if code is not None and code >= _HANDOVER_FAILED:
        where = child.outcome_path.parent
        return Failure("environment", f"its worker could not hand over its result: "
                                      f"{_scratch_reason(code - _HANDOVER_FAILED)} ({where})")
    return Failure("crash", f"the worker exited with status {code} without a result")


def _scratch_reason(number: int | None) -> str:
    if number in (errno.ENOSPC, errno.EDQUOT):
        return "no space left in TMPDIR"
    return f"{os.strerror(number).lower() if number else 'an error'} in TMPDIR"
