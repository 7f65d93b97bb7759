"""Versions of the stages, for the caches: a digest of each stage's code and data.

A cached document model is valid while the reader's code is unchanged; a cached
record while the parsers', the normalizer's and the catalog's are. Digests of
the source files change with every edit, so no version number can be forgotten.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

from kompass import __version__


@lru_cache(maxsize=None)
def code_digest(*packages: str) -> str:
    digest = hashlib.sha256(__version__.encode())
    for package in packages:
        root = resources.files(package)
        for path in sorted(_files(root), key=lambda p: str(p)):
            digest.update(str(path.name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _files(root):
    for entry in root.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _files(entry)
        elif entry.is_file() and entry.name.endswith((".py", ".csv", ".toml")):
            yield entry


def reader_version() -> str:
    return code_digest("extract")


def parser_version() -> str:
    return code_digest("domain", "parsers", "normalize")
