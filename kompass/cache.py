"""The two caches of re-extraction: document models and the records parsed from them.

Reading a PDF is the expensive step; parsing its model is cheap. Models are
kept by the source's SHA-256 and the reader's version; records by the model's
key, the source path and the parser's (and catalog's) version.

An entry is data, never code: gzip'd JSON of the values (kompass.codec), after
a header with the codec's fingerprint and the SHA-256 of the payload, which is
checked on every load. A damaged, foreign or outdated entry is reported as
invalid and recomputed; it is never used. Entries are written atomically, so a
killed run leaves no half entry behind. A cache that cannot be used at all
(its path is a file, its folder read-only, the disk full) is switched off for
the run with one reason, so it costs speed and never a document.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from kompass.codec import Codec
from kompass.faults import fault_point

_MAGIC = b"kompass-cache/1"


class InvalidEntry(Exception):
    """A cache entry that is there but cannot be trusted: damaged, foreign or written for other classes."""


class Cache:
    def __init__(self, root: Path | None, codec: Codec):
        self.root = root
        self.codec = codec
        self.unavailable: str | None = None  # why the cache was switched off, once it was

    def check(self) -> None:
        """Switches the cache off (and says why in `unavailable`) unless an entry can be written and read back."""
        if self.root is None:
            return
        try:
            self._write(self._path("probe", f"{os.getpid():08d}"), b"")
            self._path("probe", f"{os.getpid():08d}").unlink()
        except OSError as error:
            self._switch_off(error)

    def load(self, kind: str, key: str) -> Any | None:
        """The value stored under `key`, or None; raises InvalidEntry for an entry that fails its checks."""
        if self.root is None:
            return None
        try:
            raw = self._path(kind, key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._switch_off(error)
            return None
        return self._decoded(raw)

    def store(self, kind: str, key: str, value: Any) -> None:
        if self.root is None:
            return
        payload = gzip.compress(json.dumps(self.codec.encode(value), separators=(",", ":")).encode(), 6)
        header = b" ".join([_MAGIC, self.codec.fingerprint.encode(), hashlib.sha256(payload).hexdigest().encode()])
        try:
            self._write(self._path(kind, key), header + b"\n" + payload)
        except OSError as error:
            self._switch_off(error)

    def _decoded(self, raw: bytes) -> Any:
        header, _, payload = raw.partition(b"\n")
        parts = header.split(b" ")
        if len(parts) != 3 or parts[0] != _MAGIC:
            raise InvalidEntry("it is not a kompass cache entry")
        if parts[1] != self.codec.fingerprint.encode():
            raise InvalidEntry("it was written by another version of kompass")
        if hashlib.sha256(payload).hexdigest().encode() != parts[2]:
            raise InvalidEntry("its checksum does not match its content")
        try:
            return self.codec.decode(json.loads(gzip.decompress(payload)))
        except (OSError, EOFError, ValueError, TypeError) as error:
            raise InvalidEntry(f"its content cannot be decoded ({error})") from error

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            fault_point("cache_write")
            temporary.write_bytes(data)
            temporary.replace(path)
        except OSError:
            temporary.unlink(missing_ok=True)
            raise

    def _switch_off(self, error: OSError) -> None:
        self.unavailable = f"{self.root}: {error.strerror or error}"
        self.root = None

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / key


def key_of(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
