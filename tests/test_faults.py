"""kompass.faults: a fault point does nothing unless KOMPASS_FAULT names it, then hangs or kills."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from kompass.faults import fault_point


def _at_point(fault: str) -> subprocess.Popen:
    code = "from kompass.faults import fault_point; fault_point('before_publish'); print('passed')"
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "KOMPASS_FAULT": fault})


def test_a_point_not_named_does_nothing():
    process = _at_point("after_reading:kill")
    assert (process.communicate()[0], process.returncode) == ("passed\n", 0)


def test_kill_ends_the_process_at_the_point():
    process = _at_point("before_publish:kill")
    assert (process.communicate()[0], process.returncode) == ("", -signal.SIGKILL)


def test_hang_says_so_and_waits_until_killed():
    process = _at_point("before_publish:hang")
    assert process.stderr.readline() == "kompass: fault point before_publish reached\n"
    assert process.poll() is None
    process.kill()
    assert (process.communicate()[0], process.returncode) == ("", -signal.SIGKILL)


def test_an_unknown_action_is_an_error(monkeypatch):
    monkeypatch.setenv("KOMPASS_FAULT", "before_publish:explode")
    with pytest.raises(ValueError, match="explode"):
        fault_point("before_publish")
