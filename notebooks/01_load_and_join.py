# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Loading and joining the kompass tables
#
# A kompass dataset is a directory of Parquet files, one per table (see `docs/codebook.md`).
# `kompass.load` reads them into pandas, `Dataset.to_duckdb()` hands the same tables to DuckDB;
# this notebook joins them on `report_id` and gives an overview of each report.
#
# The dataset is `$KOMPASS_DATASET` when that is set, else `data/processed` of this repository
# (run `kompass extract` first).

# %%
import os
from pathlib import Path

import pandas as pd

import kompass


def repository_root(start: Path) -> Path:
    """The nearest folder at or above start that holds pyproject.toml (else start)."""
    return next((folder for folder in (start, *start.parents) if (folder / "pyproject.toml").exists()), start)


DATASET = Path(os.environ.get("KOMPASS_DATASET") or repository_root(Path.cwd()) / "data" / "processed")
print(f"dataset: {DATASET}")

# %% [markdown]
# ## Every table with pandas
#
# `kompass.load` gives one DataFrame per table, as an attribute (`data.areas`) and by name
# (`data.tables["areas"]`). The columns keep the types of the schema (pyarrow-backed): integers
# stay integers where they hold nulls (`<NA>`, not a float NaN), lists (`evaluators`, `lemmas`)
# stay lists.

# %%
data = kompass.load(DATASET)
pd.DataFrame({"rows": {name: len(df) for name, df in data.tables.items()},
              "columns": {name: len(df.columns) for name, df in data.tables.items()}})

# %%
reports, areas, findings, problems = data.reports, data.areas, data.findings, data.problems
print(f"score types: total_score {reports['total_score'].dtype}, area score {areas['score'].dtype}")
reports[["report_id", "municipality", "year", "criteria_version", "total_score", "complete", "source_format"]]

# %% [markdown]
# ## Joining on `report_id`
#
# Every table but `problems` and `panel` is keyed by `report_id` first. Area scores with the
# report's municipality, year and criteria version, one row per report (`pivot`, not `pivot_table`:
# a report has one score per area, and averaging would turn the scores into floats):

# %%
scores = areas.merge(reports[["report_id", "municipality", "year", "criteria_version"]], on="report_id",
                     validate="many_to_one")
wide = scores.pivot(index=["municipality", "year", "criteria_version"], columns="area_no", values="score")
wide

# %% [markdown]
# ## The same join with DuckDB
#
# `data.to_duckdb()` is a DuckDB connection with a view of every table by its name, so the SQL
# reads like the codebook.

# %%
connection = data.to_duckdb()
scores_sql = connection.execute("""
    SELECT r.municipality, r.year, r.criteria_version, a.area_no, a.area_id, a.score
    FROM areas a JOIN reports r USING (report_id)
    ORDER BY r.municipality, r.year, a.area_no
""").df()
scores_sql.head(10)

# %%
# pandas and DuckDB read the same numbers
by_pandas = scores.sort_values(["municipality", "year", "area_no"])["score"].tolist()
assert by_pandas == scores_sql["score"].tolist()
print(f"pandas and duckdb agree on {len(by_pandas)} area scores")

# %% [markdown]
# ## An overview of each report
#
# Scores, findings by kind, the other tables' rows and the problems by severity, one row per
# report. Documents that failed have no report: they are only in `problems` (with `report_id`
# null), listed below.

# %%
overview = connection.execute("""
    WITH area_totals AS (
        SELECT report_id, count(*) AS areas, sum(score) AS area_sum FROM areas GROUP BY report_id),
    finding_counts AS (
        SELECT report_id,
               count(*) FILTER (WHERE kind = 'strength') AS strengths,
               count(*) FILTER (WHERE kind = 'improvement') AS improvements,
               count(*) FILTER (WHERE kind = 'unknown') AS unknown_kind
        FROM findings GROUP BY report_id),
    subquestion_counts AS (SELECT report_id, count(*) AS subquestions FROM subquestions GROUP BY report_id),
    problem_counts AS (
        SELECT report_id,
               count(*) FILTER (WHERE severity = 'error') AS errors,
               count(*) FILTER (WHERE severity = 'warning') AS warnings
        FROM problems WHERE report_id IS NOT NULL GROUP BY report_id)
    SELECT r.report_id, r.municipality, r.year, r.criteria_version, r.total_score,
           coalesce(a.areas, 0) AS areas, a.area_sum,
           coalesce(f.strengths, 0) AS strengths, coalesce(f.improvements, 0) AS improvements,
           coalesce(f.unknown_kind, 0) AS unknown_kind, coalesce(s.subquestions, 0) AS subquestions,
           coalesce(p.errors, 0) AS errors, coalesce(p.warnings, 0) AS warnings
    FROM reports r
    LEFT JOIN area_totals a USING (report_id)
    LEFT JOIN finding_counts f USING (report_id)
    LEFT JOIN subquestion_counts s USING (report_id)
    LEFT JOIN problem_counts p USING (report_id)
    ORDER BY r.municipality, r.year
""").df()
overview

# %%
# the same overview's findings counts with pandas
finding_counts = findings.groupby(["report_id", "kind"]).size().unstack(fill_value=0)
for kind, column in (("strength", "strengths"), ("improvement", "improvements")):
    counted = finding_counts[kind] if kind in finding_counts else pd.Series(dtype=int)
    expected = overview.set_index("report_id")[column]
    assert (counted.reindex(expected.index, fill_value=0) == expected).all(), kind
print(f"overview: {len(overview)} reports, {int(overview['strengths'].sum())} strengths, "
      f"{int(overview['improvements'].sum())} improvements")

# %%
failed = problems[problems["report_id"].isna() & (problems["severity"] == "error")]
print(f"failed documents: {failed['source_path'].nunique()}")
failed[["source_path", "code", "message"]]

# %%
problems.groupby(["severity", "code"]).size().rename("problems").reset_index()
