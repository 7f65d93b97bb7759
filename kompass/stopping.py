"""How a command stops when it is told to: Ctrl-C gives exit status 130 and SIGTERM 143, each with one line.

While a command runs (`raising_signals`), Ctrl-C raises KeyboardInterrupt and
SIGTERM raises Terminated where the command is, so that its `finally` blocks
clean up (the workers are ended, the staging folder and the half-written
export removed, the lock released); the command group (kompass.cli) then says
one line, with what the command registered to say about its state (is the
previous dataset still in place?), and exits. Before a command has started
(while Python loads the command line) there is nothing to clean up, so the
console script's first handler (`stop_at_once`) says the line and exits at
once. Click's own "Aborted!" and exit status 1 are never reached.

Only the standard library, so that the console script can install its first
handler before anything else is loaded.
"""
from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_TERMINATED = 143  # 128 + SIGTERM
_SAID = {signal.SIGINT: ("interrupted", EXIT_INTERRUPTED), signal.SIGTERM: ("terminated (SIGTERM)", EXIT_TERMINATED)}


class Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt: not an Exception, so that no `except Exception` swallows it."""


def stop_at_once(number: int, frame: object) -> None:
    """A signal handler for the time before a command runs: one line, the signal's exit status, nothing else."""
    said, status = _SAID[signal.Signals(number)]
    os.write(2, f"{_opening()}kompass: {said}\n".encode())
    os._exit(status)


def stop_line(stop: BaseException, note: str = "") -> tuple[str, int]:
    """The line a command stopped by KeyboardInterrupt or Terminated says, with `note` on its state, and the
    exit status."""
    said, status = _SAID[signal.SIGINT if isinstance(stop, KeyboardInterrupt) else signal.SIGTERM]
    return f"{_opening()}kompass: {said}{note}", status


def _opening() -> str:
    return "\n" if os.isatty(2) else ""  # on a terminal, the line starts after its "^C"


def _terminate(number: int, frame: object) -> None:
    raise Terminated


@contextmanager
def raising_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM raise KeyboardInterrupt and Terminated inside the block."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = {number: signal.getsignal(number) for number in _SAID}
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        for number, handler in previous.items():
            if handler is not None:  # None: a handler not set from Python, which cannot be put back
                signal.signal(number, handler)


def ignore_signals() -> None:
    """Ctrl-C and SIGTERM do nothing from here on (while the stop line is said)."""
    if threading.current_thread() is threading.main_thread():
        for number in _SAID:
            signal.signal(number, signal.SIG_IGN)
