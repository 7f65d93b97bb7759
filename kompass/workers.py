"""Documents processed in child processes, N at a time, each one isolated.

Every document gets a forked child of its own, so a crash, a hang or a memory
blow-up ends that child and becomes that document's failure; the run and the
other documents go on. Forking shares the already imported libraries with the
child, so starting one costs milliseconds.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")


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
    connection: Connection
    deadline: float
    timeout: float


def run_isolated(tasks: Sequence[Task], work: Callable[[Task], Result], jobs: int, limits: Limits,
                 done: Callable[[Task, Result | Failure], None],
                 timeout_of: Callable[[Task], float] | None = None) -> None:
    """Runs `work` on every task in a child of its own, at most `jobs` at once; `done` gets each outcome.

    A task's time limit is `timeout_of(task)` where given (a scan needs time by its pages), else limits.timeout.
    """
    context = multiprocessing.get_context("fork")
    pending = list(reversed(tasks))
    running: list[_Child] = []
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                task = pending.pop()
                running.append(_start(context, task, work, limits, timeout_of(task) if timeout_of else limits.timeout))
            now = time.monotonic()
            ready = wait([c.connection for c in running] + [c.process.sentinel for c in running],
                         timeout=max(0.0, min(c.deadline for c in running) - now))
            for child in list(running):
                outcome = _outcome(child, ready)
                if outcome is not None:
                    running.remove(child)
                    done(child.task, outcome)
    finally:
        for child in running:
            child.process.kill()
            child.process.join()


def _start(context, task, work, limits: Limits, timeout: float) -> _Child:
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child_main, args=(task, work, limits, sender), daemon=True)
    process.start()
    sender.close()
    return _Child(task, process, receiver, time.monotonic() + timeout, timeout)


def _child_main(task, work, limits: Limits, sender: Connection) -> None:
    if limits.memory_mb:
        size = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    try:
        outcome = work(task)
    except MemoryError:
        outcome = Failure("memory", f"the document needed more than {limits.memory_mb} MB")
    except BaseException as error:  # noqa: BLE001 - anything the work lets escape is this document's failure
        outcome = Failure("crash", f"{type(error).__name__}: {error}")
    try:
        sender.send(outcome)
    finally:
        sender.close()
        os._exit(0)  # leave without the parent's exit handlers


def _outcome(child: _Child, ready: list) -> object | None:
    if child.connection in ready:
        try:
            outcome = child.connection.recv()
        except (EOFError, OSError):
            outcome = _died(child)
        child.process.join()
        child.connection.close()
        return outcome
    if child.process.sentinel in ready:
        child.process.join()
        if child.connection.poll():
            return _outcome(child, [child.connection])
        child.connection.close()
        return _died(child)
    if time.monotonic() >= child.deadline:
        child.process.kill()
        child.process.join()
        child.connection.close()
        return Failure("timeout", f"the document took longer than {child.timeout:g} seconds")
    return None


def _died(child: _Child) -> Failure:
    code = child.process.exitcode
    if code is not None and code < 0:
        return Failure("crash", f"the worker was killed by signal {-code}")
    return Failure("crash", f"the worker exited with status {code} without a result")
