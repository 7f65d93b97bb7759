"""Versions of the stages, for the caches: a digest of each stage's code and data.

A cached document model is valid while the reader (its name, its library's
version and the code of extract/) is unchanged; a cached record while the
parsers', the normalizer's and the catalog's are. Digests of
the source files change with every edit, so no version number can be forgotten.
"""
from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from kompass import __version__

PDF_LIBRARIES = {"pdfium": "pypdfium2", "pdfplumber": "pdfplumber"}  # whose upgrade changes a reader's output


@cache
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
        elif entry.is_file() and entry.name.endswith((".py", ".csv", ".toml", ".txt")):
            yield entry


def reader_version(pdf_reader: str) -> str:
    """The named PDF reader, its library's version and the digest of the readers' code."""
    return f"{pdf_reader}-{library_version(PDF_LIBRARIES[pdf_reader])}-{code_digest('extract')}"


@cache
def library_version(distribution: str) -> str:
    from importlib.metadata import version  # costs a few milliseconds; only runs that read documents ask

    return version(distribution)


def parser_version() -> str:
    return code_digest("domain", "parsers", "normalize")
