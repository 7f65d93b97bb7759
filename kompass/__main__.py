"""`python -m kompass ...` and the `kompass` console script: the command line, stoppable from its first moment.

The first handlers of Ctrl-C and SIGTERM (kompass.stopping) are set before the
command line is loaded, so that a signal while Python imports it ends the
process with one line and 130 or 143, never with a traceback.
"""
import signal

from kompass.faults import fault_point
from kompass.stopping import stop_at_once


def run() -> None:
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, stop_at_once)
    fault_point("starting")
    from kompass.cli import main

    main()


if __name__ == "__main__":
    run()
