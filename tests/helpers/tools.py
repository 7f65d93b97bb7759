"""Programs from outside Python that some tests need."""
from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str, install_hint: str) -> str:
    """The path of the command-line tool `name`; skips the test where it is not installed, with the hint.

    Under CI (`$CI` set) a missing tool fails the test instead: CI installs every tool, so a skip there
    would hide a broken set-up.
    """
    found = shutil.which(name)
    if found is not None:
        return found
    reason = f"{name} is not installed ({install_hint})"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; under CI every tool the tests use must be installed")
    pytest.skip(reason)
