"""Putting a finished file or folder in place of the old one in one step, for the dataset and for exports.

The new version is written under a name of its own beside the target and
then exchanged with the old one (renameat2 RENAME_EXCHANGE on Linux, which
swaps a folder and a file alike), so a reader or a kill at any moment finds
the old version or the new one at the target, never neither. Where the
exchange is unsupported a file is renamed over the old one (also atomic),
and a folder goes through two renames, the old one set aside under a name
that the dataset's `recover` knows.
"""
from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path


def swap_in(new: Path, target: Path, aside: Path) -> Path | None:
    """Puts `new` at `target`; returns where the old version now lies (for the caller to remove), if anywhere.

    `aside` is the name the old version gets where the two must go through two renames.
    """
    if not os.path.lexists(target):
        new.rename(target)
        return None
    if _exchange(new, target):
        return new
    if not new.is_dir() and not _is_folder(target):
        new.replace(target)
        return None
    remove(aside)
    target.rename(aside)
    new.rename(target)
    return aside


def remove(path: Path) -> None:
    """Removes a file, a link (not what it points to) or a folder, if there is one."""
    if _is_folder(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        path.unlink()


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swaps two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0
