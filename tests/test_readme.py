"""The README's Python example runs as printed, on a copy of the bundled sample's text copies."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

from helpers.paths import REPO_ROOT, TEXT_SAMPLE


def _python_example() -> str:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### From Python"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_python_example_runs_and_pivots_by_comparison_group(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    for path in TEXT_SAMPLE:
        shutil.copy(path, tmp_path / "data" / "raw")
    # the pivot the example shows, asked for the totals of Sollentuna's two evaluations
    code = _python_example() + (
        "\nwide = data.panel.pivot(index=['municipality', 'comparison_group'], columns='year', values='score')"
        "\nprint([str(wide.loc[('Sollentuna', group), year]) for group, year in "
        "[('total/2.0', 2015), ('total/2.1', 2018), ('total/2.1', 2015)]])\n")
    completed = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    summary, totals = completed.stdout.strip().splitlines()
    assert summary.startswith(f"kompass: {len(TEXT_SAMPLE)} documents (")
    assert totals == "['551', '602', '<NA>']"  # whole numbers, and no total of 2015 under the 2.1 criteria
    assert (tmp_path / "data" / "processed" / "panel.parquet").exists()
