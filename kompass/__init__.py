"""kompass: KommunKompassen evaluation reports turned into research-grade datasets.

From Python (kompass.api): `kompass.load(path)` reads a dataset into pandas,
`kompass.extract(inputs, out=...)` runs the extract job, and
`kompass.OcrSettings` says when and how scans are read. They are loaded on
first use, so that `import kompass`, which every command does, costs nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Dataset", "OcrSettings", "__version__", "extract", "load"]

if TYPE_CHECKING:
    from kompass.api import Dataset, OcrSettings, extract, load


def __getattr__(name: str) -> object:
    if name in __all__:
        from kompass import api

        return getattr(api, name)
    raise AttributeError(f"module 'kompass' has no attribute {name!r}")
