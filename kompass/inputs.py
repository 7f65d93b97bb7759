"""Finding the inputs: every path under the inputs is a source to read or a problem that says why not.

Sources are named by their path relative to the common folder of all inputs,
so two files called r.txt in different inputs keep different names. Hidden
entries (names starting with a dot) are not inputs, nor is anything of the
dataset being written (its folder, staging folders, lock), so an output inside
an input is never read back. A folder reached twice through links is walked once.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from domain.problems import Problem, problem
from extract.formats import format_of, named_suffixes
from kompass.faults import fault_point


@dataclass
class Inputs:
    sources: list[tuple[Path, str]] = field(default_factory=list)  # absolute path, source_path
    skipped: list[tuple[str, Problem]] = field(default_factory=list)  # source_path, why it is not read
    roots: list[Path] = field(default_factory=list)  # the files and folders walked, as given


def find_inputs(roots: list[Path], out_dir: Path | None = None) -> Inputs:
    """The sources under `roots` (files or folders), sorted by name, and the paths that are not read."""
    found = Inputs(roots=list(roots))
    bases = [Path(os.path.abspath(root)) for root in roots]  # noqa: PTH100 - lexical: links are not followed
    common = Path(os.path.commonpath([base if base.is_dir() else base.parent for base in bases]))
    walk = _Walk(found, common, out_dir.resolve() if out_dir else None)
    for base in bases:
        walk.visit(base, explicit=True)
    found.sources.sort(key=lambda item: item[1])
    found.skipped.sort(key=lambda item: item[0])
    return found


def os_error_problem(error: OSError, what: str) -> Problem:
    """The problem of a path that the system refuses to read; `what` is the path as the user knows it."""
    if error.errno == errno.ENAMETOOLONG:
        return problem("path_too_long", f"{what}: the path is longer than the system allows.")
    reason = {errno.ELOOP: "a symbolic link loop", errno.ENOENT: "a link to nothing",
              errno.EACCES: "permission denied", errno.EPERM: "permission denied"}.get(
        error.errno or 0, error.strerror or str(error))
    return problem("unreadable_file", f"{what} cannot be read: {reason}.")


@dataclass
class _Walk:
    found: Inputs
    common: Path
    out_dir: Path | None
    seen: set[str] = field(default_factory=set)

    def visit(self, path: Path, explicit: bool = False) -> None:
        name = Path(os.path.relpath(path, self.common)).as_posix()
        name = str(path) if name == "." else name  # the common folder itself is named as given
        if self._is_output(path):
            return
        try:
            info = path.stat()
        except OSError as error:
            self.found.skipped.append((name, os_error_problem(error, name)))
            return
        real = os.path.realpath(path)
        if real in self.seen:
            return
        self.seen.add(real)
        if stat.S_ISDIR(info.st_mode):
            self._visit_folder(path, name)
        elif not stat.S_ISREG(info.st_mode):
            self.found.skipped.append((name, problem(
                "not_a_regular_file", f"{name} is not a regular file (a FIFO, socket or device); it was not read.")))
        elif explicit or format_of(path) is not None:
            self.found.sources.append((Path(real), name))
        else:
            self.found.skipped.append((name, problem(
                "file_skipped", f"{name} is not a {named_suffixes()} file; it was not read.")))

    def _visit_folder(self, folder: Path, name: str) -> None:
        try:
            fault_point("read_folder")
            entries = sorted(entry.name for entry in os.scandir(folder))
        except OSError as error:
            self.found.skipped.append((name, os_error_problem(error, f"The folder {name}")))
            return
        for entry in entries:
            if not entry.startswith("."):
                self.visit(folder / entry)

    def _is_output(self, path: Path) -> bool:
        if self.out_dir is None:
            return False
        absolute = Path(os.path.abspath(path))  # noqa: PTH100 - lexical: links are not followed
        if absolute.parent == self.out_dir.parent and absolute.name.startswith(f".{self.out_dir.name}."):
            return True  # its staging folders, lock and retired copy
        real = Path(os.path.realpath(path))
        return real == self.out_dir or self.out_dir in real.parents
