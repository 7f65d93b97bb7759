"""require_tool: a test that needs a missing tool skips with the reason, except under CI, where it fails."""
from __future__ import annotations

import pytest

from helpers.tools import require_tool

MISSING = "kompass-no-such-tool"


def test_a_missing_tool_skips_with_its_install_hint(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=f"{MISSING} is not installed \\(apt-get install it\\)"):
        require_tool(MISSING, "apt-get install it")


def test_a_missing_tool_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI every tool"):
        require_tool(MISSING, "apt-get install it")


def test_an_installed_tool_is_found():
    assert require_tool("sh", "part of every system").endswith("/sh")
