"""What a command may write: never over a dataset's own files or the inputs its runs read.

`kompass export` and `kompass report` take an output path from the user; a
path that is, holds or lies inside the dataset or one of its inputs would
replace or bury what the data comes from (`export ds --to csv --out .
--force` once removed the dataset and its raw inputs). The QA report is the
one file that may stand in the dataset's folder beside the tables: it is no
table of it, and its default place is there.
"""
from __future__ import annotations

import json
from pathlib import Path

from kompass.writer import RUN_LOG

REPORT_SUFFIX = ".html"  # a QA report written into the dataset's folder, never one of its tables


def harm(dataset: Path, out: Path, report: bool = False) -> str | None:
    """How writing `out` would harm the dataset or an input of its runs, or None.

    `report`: `out` is a QA report, which may be a new or earlier `.html` file right in the dataset's folder.
    """
    target = out.resolve()
    home = dataset.resolve()
    if report and target.parent == home and target.suffix.lower() == REPORT_SUFFIX:
        return None
    for what, path in [(f"the dataset {dataset}", dataset), *_inputs(dataset)]:
        protected = path.resolve()
        if target == protected:
            return f"it is {what}"
        if target in protected.parents:
            return f"it holds {what}"
        if protected in target.parents:
            return f"it lies inside {what}"
    return None


def _inputs(dataset: Path) -> list[tuple[str, Path]]:
    """The inputs that the dataset's runs read, from its run log (lines that cannot be read are passed over)."""
    try:
        lines = (dataset / RUN_LOG).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    roots: dict[str, None] = {}
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        for root in record.get("input_roots", []) if isinstance(record, dict) else []:
            if isinstance(root, str):
                roots[root] = None
    return [(f"the input {root}", Path(root)) for root in roots]
