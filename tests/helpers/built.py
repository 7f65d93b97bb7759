"""Documents that outside programs build for the tests (Tesseract's searchable PDFs, LibreOffice's PDFs of Word
files), kept between runs under a key of their recipe, so a second run of the suite does not build them again.

The key is the builder's name, its inputs' bytes, its parameters and the program's version: any change to one
of them builds afresh. The folder is $KOMPASS_TEST_BUILDS, else ~/.cache/kompass-tests; CI starts empty.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path


def folder() -> Path:
    return Path(os.environ.get("KOMPASS_TEST_BUILDS") or Path.home() / ".cache" / "kompass-tests")


@cache
def program_version(command: str) -> str:
    """What `command --version` prints: a new version of the program is a new recipe."""
    found = shutil.which(command)
    if found is None:
        return "missing"
    done = subprocess.run([found, "--version"], capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


def recipe_key(recipe: list[bytes | str]) -> str:
    digest = hashlib.sha256()
    for part in recipe:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def fetch(key: str, target: Path) -> bool:
    """Whether the store held the document of `key`; copied to `target` if so."""
    stored = folder() / key
    if not stored.is_file():
        return False
    shutil.copyfile(stored, target)
    return True


def keep(key: str, document: Path) -> None:
    """The document stored under `key`, under a temporary name first: a run killed mid-copy never leaves half a
    document under the key."""
    try:
        folder().mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder(), delete=False) as part, document.open("rb") as source:
            shutil.copyfileobj(source, part)
        Path(part.name).replace(folder() / key)
    except OSError:  # a read-only home: the suite still runs, only without the store
        pass


def built(target: Path, recipe: list[bytes | str], make: Callable[[Path], object]) -> Path:
    """`target` as `make(target)` writes it, taken from the store when the same recipe was built before."""
    key = recipe_key(recipe)
    if not fetch(key, target):
        make(target)
        keep(key, target)
    return target
