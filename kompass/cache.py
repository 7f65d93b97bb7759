"""The two caches of re-extraction: document models and the records parsed from them.

Reading a PDF is the expensive step; parsing its model is cheap. Models are
kept by the source's SHA-256 and the reader's version; records by the model's
key, the source path and the parser's (and catalog's) version. Entries are
pickles written atomically, so a killed run leaves no half entry behind.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any


class Cache:
    def __init__(self, root: Path | None):
        self.root = root

    def load(self, kind: str, key: str) -> Any | None:
        if self.root is None:
            return None
        path = self._path(kind, key)
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # a damaged or outdated entry is a miss

    def store(self, kind: str, key: str, value: Any) -> None:
        if self.root is None:
            return
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)
        except OSError:
            temporary.unlink(missing_ok=True)  # a full disk costs the cache entry, not the run

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / key


def key_of(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
