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
# # Comparing municipalities
#
# Area scores per report as radar charts, the distribution of the scores of each area, the panel
# over time for municipalities evaluated more than once, and the words evaluators use for
# strengths and for improvements.
#
# The dataset is `$KOMPASS_DATASET` when that is set, else `data/processed` of this repository.

# %%
import os
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


def repository_root(start: Path) -> Path:
    """The nearest folder at or above start that holds pyproject.toml (else start)."""
    return next((folder for folder in (start, *start.parents) if (folder / "pyproject.toml").exists()), start)


DATASET = Path(os.environ.get("KOMPASS_DATASET") or repository_root(Path.cwd()) / "data" / "processed")
# the figures are also saved as PNG files, so that a run as a script leaves them behind
FIGURES = Path(os.environ.get("KOMPASS_FIGURES") or repository_root(Path.cwd()) / "notebooks" / "figures")
FIGURES.mkdir(parents=True, exist_ok=True)


def save_and_show(figure: plt.Figure, name: str) -> None:
    figure.savefig(FIGURES / f"{name}.png", dpi=120)
    print(f"figure: {FIGURES / f'{name}.png'}")
    plt.show()
reports = pd.read_parquet(DATASET / "reports.parquet", dtype_backend="pyarrow")
areas = pd.read_parquet(DATASET / "areas.parquet", dtype_backend="pyarrow")
panel = pd.read_parquet(DATASET / "panel.parquet", dtype_backend="pyarrow")
findings = pd.read_parquet(DATASET / "findings.parquet", dtype_backend="pyarrow")
print(f"dataset: {DATASET}: {len(reports)} reports, {len(areas)} area scores, {len(panel)} panel rows")

# %% [markdown]
# ## Area scores per report
#
# One radar per report: the eight areas clockwise from the top, 0-100 points. An area a report
# lacks (a truncated document) leaves a gap.

# %%
AREA_NUMBERS = list(range(1, 9))
angles = np.linspace(0, 2 * np.pi, len(AREA_NUMBERS), endpoint=False)
radar_reports = reports.sort_values(["municipality", "year"])["report_id"].tolist()

if radar_reports:
    columns = min(3, len(radar_reports))
    rows = -(-len(radar_reports) // columns)
    figure, axes = plt.subplots(rows, columns, subplot_kw={"projection": "polar"},
                                figsize=(4.2 * columns, 4.2 * rows), squeeze=False)
    for axis in axes.flat[len(radar_reports):]:
        axis.set_visible(False)
    for axis, report_id in zip(axes.flat, radar_reports):
        own = areas[areas["report_id"] == report_id].set_index("area_no")
        # floats for matplotlib, a missing area as NaN (the pyarrow-backed scores hold it as <NA>)
        values = own["score"].reindex(AREA_NUMBERS).to_numpy(dtype=float, na_value=np.nan)
        closed_angles, closed_values = np.append(angles, angles[0]), np.append(values, values[0])
        axis.plot(closed_angles, closed_values, marker="o", color="#2e7d5b")
        if not np.isnan(values).any():  # a filled shape only where no area is missing
            axis.fill(angles, values, alpha=0.15, color="#2e7d5b")
        axis.set_theta_offset(np.pi / 2)
        axis.set_theta_direction(-1)
        axis.set_xticks(angles, [f"{n}" for n in AREA_NUMBERS])
        axis.set_ylim(0, 100)
        axis.set_yticks([25, 50, 75, 100], ["", "50", "", "100"], fontsize=7)
        version = reports.loc[reports["report_id"] == report_id, "criteria_version"].iloc[0]
        axis.set_title(f"{report_id} (criteria {version})", fontsize=10)
    figure.tight_layout()
    save_and_show(figure, "radar")
else:
    print("no reports: no radar charts")

# %%
# what the numbers on the radars are
areas.drop_duplicates(["area_no", "area_id"]).sort_values(["area_no", "area_id"])[["area_no", "area_id", "title"]]

# %% [markdown]
# ## The distribution of area scores
#
# A box per canonical area (`area_id`, the same area across criteria versions), every report's
# score as a dot.

# %%
if not areas.empty:
    area_order = areas.groupby("area_id")["area_no"].min().sort_values().index.tolist()
    figure, axis = plt.subplots(figsize=(10, 4))
    axis.boxplot([areas.loc[areas["area_id"] == area_id, "score"] for area_id in area_order], widths=0.5)
    for position, area_id in enumerate(area_order, start=1):
        values = areas.loc[areas["area_id"] == area_id, "score"]
        axis.scatter(np.full(len(values), position), values, color="#3f6fb5", zorder=3, s=18)
    axis.set_xticks(range(1, len(area_order) + 1), area_order, rotation=30, ha="right", fontsize=8)
    axis.set_ylabel("score (0-100)")
    axis.set_title(f"Area scores of {areas['report_id'].nunique()} reports")
    figure.tight_layout()
    save_and_show(figure, "area_distribution")
    print(areas.groupby("area_id")["score"].describe()[["count", "mean", "min", "max"]])
else:
    print("no area scores")

# %% [markdown]
# ## The panel over time
#
# `panel.parquet` has a row per municipality, evaluation year and area, from the evaluation's own
# report or as a later report quotes it (hollow markers). A line joins only scores of the same
# `comparison_group`, the scores that can be compared over time; a dashed line marks a change of
# criteria version.

# %%
years_per_municipality = panel.groupby("municipality")["year"].nunique()
repeated = years_per_municipality[years_per_municipality > 1].index.tolist()
print(f"municipalities with several evaluations: {repeated or 'none'}")

for municipality in repeated:
    own = panel[(panel["municipality"] == municipality) & (panel["area_id"] != "total")]
    figure, axis = plt.subplots(figsize=(8, 4.5))
    for group, rows in own.sort_values("year").groupby("comparison_group"):
        line, = axis.plot(rows["year"], rows["score"], marker="o", label=group)
        quoted = rows[rows["source"] == "quoted"]
        axis.scatter(quoted["year"], quoted["score"], s=60, facecolors="white", edgecolors=line.get_color(), zorder=3)
    versions = panel[panel["municipality"] == municipality].groupby("year")["criteria_version"].first().sort_index()
    for (_, before), (year, after) in zip(versions.items(), list(versions.items())[1:]):
        if before != after:
            boundary = year - 0.5
            axis.axvline(boundary, color="grey", linestyle="--")
            axis.annotate(f"criteria {before} → {after}", (boundary, 0.98), xycoords=("data", "axes fraction"),
                          rotation=90, fontsize=8, color="grey", ha="right", va="top")
    axis.set_xticks(versions.index.tolist())
    axis.set_ylabel("score (0-100)")
    axis.set_title(f"{municipality}: area scores over time")
    axis.legend(fontsize=7, loc="center left", bbox_to_anchor=(1, 0.5))
    figure.tight_layout()
    save_and_show(figure, f"panel_{municipality}")

if repeated:
    totals = panel[panel["municipality"].isin(repeated) & (panel["area_id"] == "total")]
    print(totals.pivot(index="municipality", columns="year", values="score"))  # one total per year: stays int

# %% [markdown]
# ## Strengths and improvements in words
#
# The most frequent lemmas (`findings.lemmas`, stop words removed) of strengths and of
# improvement points, per area. A finding whose kind the source lost (`unknown`) counts under its
# `kind_guess` when it has one.

# %%
TOP = 5
known = findings.assign(effective_kind=findings["kind"].where(findings["kind"] != "unknown", findings["kind_guess"]))
known = known[known["effective_kind"].isin(["strength", "improvement"])]
lemmas = known.explode("lemmas").dropna(subset=["lemmas"]).rename(columns={"lemmas": "lemma"})
lemma_counts = lemmas.groupby(["area_id", "effective_kind", "lemma"]).size().rename("n").reset_index()
top_lemmas = (lemma_counts.sort_values(["area_id", "effective_kind", "n", "lemma"], ascending=[True, True, False, True])
              .groupby(["area_id", "effective_kind"]).head(TOP))
table = (top_lemmas.assign(word=top_lemmas["lemma"] + " (" + top_lemmas["n"].astype(str) + ")")
         .groupby(["area_id", "effective_kind"])["word"].agg(", ".join).unstack("effective_kind"))
table

# %%
if not lemmas.empty:
    figure, axes = plt.subplots(1, 2, figsize=(10, 4.5))
    for axis, kind, colour in ((axes[0], "strength", "#2e7d5b"), (axes[1], "improvement", "#ef8f00")):
        counts = lemmas.loc[lemmas["effective_kind"] == kind, "lemma"].value_counts().head(12)[::-1]
        axis.barh(counts.index, counts.to_numpy(), color=colour)
        axis.set_title(f"most frequent lemmas: {kind}")
        axis.set_xlabel("findings")
    figure.tight_layout()
    save_and_show(figure, "lemmas")
    print(f"lemmas: {len(lemmas)} in {known['report_id'].nunique()} reports")
else:
    print("no findings with lemmas")
