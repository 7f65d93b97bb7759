"""The Swedish lexicon: spacy-lookups-data's lemma table, searched in place in its JSON bytes.

It gives the lemma of an inflected word form (normalize.language) and tells
whether a word is a Swedish form at all (extract.ocr_spelling leaves such a
word as OCR read it). Its keys are the forms that differ from their lemma, so
a base form itself ("uppföljning") is not among them.

The package ships the table gzipped. Unpacking it costs 0.1 CPU s and 23 MB
in every process that reads it, a tenth of a cold one-report run, so the
table is unpacked once per machine into the user's cache directory
(`$XDG_CACHE_HOME/kompass`, else `~/.cache/kompass`) and mapped from there:
a lookup touches only the few pages its bisection reads, and the processes of
a run share them. The copy is named by the packed file's size and time and
checked against the unpacked size the gzip trailer records; a copy that does
not match is made again, and where no copy can be kept the table is unpacked
in memory as before.
"""
from __future__ import annotations

import gzip
import json
import mmap
import os
import struct
import tempfile
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from domain.datafiles import data_file


class LemmaTable:
    """The table's bytes: one `"form": "lemma",` entry a line, sorted by form (as UTF-8 bytes).

    A form is found by bisecting the bytes' offsets: no index of its 660,000
    entries to build (0.2 CPU s) and no dict (about 200 MB).
    """

    def __init__(self, data: bytes | mmap.mmap):
        self.data = data
        self.body_start = data.find(b"\n") + 1  # after the opening brace
        self.body_end = data.rfind(b"\n", 0, len(data) - 1) + 1  # where the closing brace's line starts

    def get(self, word: str) -> str | None:
        key = json.dumps(word, ensure_ascii=False)[1:-1].replace("/", "\\/").encode()  # as the file writes it
        data = self.data
        low, high = self.body_start, self.body_end  # line starts; the entry, if any, is in between
        while low < high:
            line_start = data.rfind(b"\n", low, (low + high) // 2) + 1 or low
            key_start = data.find(b'"', line_start) + 1
            key_end = data.find(b'"', key_start)
            found = data[key_start:key_end]
            if found == key:
                value_start = data.find(b'"', key_end + 1)
                return json.loads(data[value_start:data.find(b'"', value_start + 1) + 1])
            if found < key:
                low = data.find(b"\n", key_end) + 1
            else:
                high = line_start
        return None


@lru_cache(maxsize=1)
def lemma_table() -> LemmaTable:
    """The table, opened once per process."""
    packed = packed_table()
    return open_table(packed, cache_directory())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Swedish stop words (domain/data/stop_words_sv.txt: spaCy's list, then the function words it lacks): the
    function words, which the lemma table, listing only forms that differ from their lemma, mostly lacks."""
    lines = data_file("stop_words_sv.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#"))


def packed_table() -> Traversable:
    """The gzipped table as spacy-lookups-data ships it (a Traversable where the package is zipped)."""
    return resources.files("spacy_lookups_data").joinpath("data").joinpath("sv_lemma_lookup.json.gz")


def cache_directory() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kompass"


def open_table(packed: Traversable, cache: Path | None) -> LemmaTable:
    """The table of the gzipped file `packed`, mapped from an unpacked copy in `cache` where one can be kept
    (not where the package is zipped: `packed` is then no file)."""
    if cache is not None and isinstance(packed, Path):
        try:
            return LemmaTable(_mapped(_unpacked_copy(packed, cache)))
        except (OSError, ValueError):  # no room, no rights, a file that cannot be mapped: read it as shipped
            pass
    return LemmaTable(gzip.decompress(packed.read_bytes()))


def _unpacked_copy(packed: Path, cache: Path) -> Path:
    status = packed.stat()
    copy = cache / f"{packed.name.removesuffix('.gz')}.{status.st_size}-{status.st_mtime_ns}"
    if not copy.is_file() or copy.stat().st_size != _unpacked_size(packed):
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache, prefix=f".{copy.name}.", delete=False) as temporary:
            try:
                temporary.write(gzip.decompress(packed.read_bytes()))
                temporary.flush()
                Path(temporary.name).replace(copy)  # whole or not at all, also for a run beside this one
            except BaseException:
                Path(temporary.name).unlink()
                raise
    return copy


def _unpacked_size(packed: Path) -> int:
    """The size gzip's trailer records (modulo 4 GiB, far above this table's)."""
    with packed.open("rb") as handle:
        handle.seek(-4, os.SEEK_END)
        return struct.unpack("<I", handle.read(4))[0]


def _mapped(path: Path) -> mmap.mmap:
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
