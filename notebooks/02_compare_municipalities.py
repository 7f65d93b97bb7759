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

import kompass


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


data = kompass.load(DATASET)  # one DataFrame per table, pyarrow-backed
reports, areas, panel, findings = data.reports, data.areas, data.panel, data.findings
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
(areas.drop_duplicates(["area_no", "comparison_group"]).sort_values(["area_no", "comparison_group"])
 [["area_no", "area_id", "comparison_group", "title"]])

# %% [markdown]
# ## The distribution of area scores
#
# A box per comparison group (`comparison_group`), every report's score as a dot. Scores are
# pooled only where they can be compared: the same area under criteria that kept it (areas 1-6
# and 8 of 2.0 and 2.1), while area 7 of 2.0 and of 2.1, and the areas of the original criteria
# and of 2020, are groups of their own (see `docs/catalog.md`).

# %%
if not areas.empty:
    group_order = areas.groupby("comparison_group")["area_no"].min().sort_values(kind="stable").index.tolist()
    figure, axis = plt.subplots(figsize=(10, 4))
    axis.boxplot([areas.loc[areas["comparison_group"] == group, "score"] for group in group_order], widths=0.5)
    for position, group in enumerate(group_order, start=1):
        values = areas.loc[areas["comparison_group"] == group, "score"]
        axis.scatter(np.full(len(values), position), values, color="#3f6fb5", zorder=3, s=18)
    axis.set_xticks(range(1, len(group_order) + 1), group_order, rotation=30, ha="right", fontsize=8)
    axis.set_ylabel("score (0-100)")
    axis.set_title(f"Area scores of {areas['report_id'].nunique()} reports, by comparison group")
    figure.tight_layout()
    save_and_show(figure, "area_distribution")
    print(areas.groupby("comparison_group")["score"].describe()[["count", "mean", "min", "max"]])
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

# %% [markdown]
# Totals, too, compare only within a comparison group: a total's group (`total/<version>`) changes
# with its criteria version wherever any area's does, so each municipality's totals are one row
# per group, not one line over every year.

# %%
if repeated:
    totals = panel[panel["municipality"].isin(repeated) & (panel["area_id"] == "total")]
    # one total per municipality, group and year: the scores stay whole numbers
    print(totals.pivot(index=["municipality", "comparison_group"], columns="year", values="score"))
    for (municipality, group), rows in totals.sort_values("year").groupby(["municipality", "comparison_group"]):
        print(f"totals {municipality} {group}: " + ", ".join(f"{year} {score}" for year, score
                                                             in zip(rows["year"], rows["score"])))

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
