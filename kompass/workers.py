"""Documents processed in child processes, N at a time, each one isolated.

Every document gets a forked child of its own, so a crash, a hang or a memory
blow-up ends that child and becomes that document's failure; the run and the
other documents go on. Forking shares the already imported libraries with the
child, so starting one costs milliseconds.

A child never outlives the run: it asks the kernel to kill it when its parent
dies (PR_SET_PDEATHSIG), and it hands its outcome over in a file of a private
directory rather than a pipe, so it never blocks on a reader that is gone.
"""
from __future__ import annotations

import ctypes
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
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Generic, TypeVar

from kompass.faults import fault_point

Task = TypeVar("Task")
Result = TypeVar("Result")
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds a document may take
    memory_mb: int | None  # address space a child may use


@dataclass(frozen=True)
class Failure:
    """Why a child gave no result: `timeout`, `memory` or `crash`."""

    reason: str
    detail: str


@dataclass
class _Child(Generic[Task]):
    task: Task
    process: multiprocessing.process.BaseProcess
    outcome_path: Path
    deadline: float
    timeout: float


def run_isolated(tasks: Sequence[Task], work: Callable[[Task], Result], jobs: int, limits: Limits,
                 done: Callable[[Task, Result | Failure], None],
                 timeout_of: Callable[[Task], float] | None = None) -> None:
    """Runs `work` on every task in a child of its own, at most `jobs` at once; `done` gets each outcome.

    A task's time limit is `timeout_of(task)` where given (a scan needs time by its pages), else limits.timeout.
    """
    if not tasks:
        return
    context = multiprocessing.get_context("fork")
    pending = list(reversed(list(enumerate(tasks))))
    running: list[_Child] = []
    # outcomes are pickles that only our own children write, in a directory only we can enter
    outcomes = Path(tempfile.mkdtemp(prefix="kompass-outcomes-"))
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                number, task = pending.pop()
                timeout = timeout_of(task) if timeout_of else limits.timeout
                # the parent's objects out of the collector's reach: a child's collections would otherwise walk
                # them all (0.3 CPU s of a run over six PDFs) and copy every page they touch
                gc.freeze()
                running.append(_start(context, task, work, limits, outcomes / f"{number}.pickle", timeout))
            now = time.monotonic()
            ready = wait([c.process.sentinel for c in running],
                         timeout=max(0.0, min(c.deadline for c in running) - now))
            for child in list(running):
                outcome = _outcome(child, ready)
                if outcome is not None:
                    running.remove(child)
                    done(child.task, outcome)
    finally:
        gc.unfreeze()
        for child in running:
            child.process.kill()
            child.process.join()
        shutil.rmtree(outcomes, ignore_errors=True)


def _start(context, task, work, limits: Limits, outcome_path: Path, timeout: float) -> _Child:
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
    if limits.memory_mb:
        size = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    try:
        fault_point("in_worker")
        outcome = work(task)
    except MemoryError:
        outcome = Failure("memory", f"the document needed more than {limits.memory_mb} MB")
    except BaseException as error:  # noqa: BLE001 - anything the work lets escape is this document's failure
        outcome = Failure("crash", f"{type(error).__name__}: {error}")
    try:
        partial = outcome_path.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        partial.rename(outcome_path)  # the parent sees a whole outcome or none
    finally:
        os._exit(0)  # leave without the parent's exit handlers


def _outcome(child: _Child, ready: list) -> object | None:
    if child.process.sentinel in ready:
        child.process.join()
        try:
            return pickle.loads(child.outcome_path.read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError):
            return _died(child)
    if time.monotonic() >= child.deadline:
        child.process.kill()
        child.process.join()
        return Failure("timeout", f"the document took longer than {child.timeout:g} seconds")
    return None


def _died(child: _Child) -> Failure:
    code = child.process.exitcode
    if code is not None and code < 0:
        return Failure("crash", f"the worker was killed by signal {-code}")
    return Failure("crash", f"the worker exited with status {code} without a result")
