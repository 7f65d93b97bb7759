"""Structured descriptions of whole KommunKompassen reports, and the tables a perfect extraction of them gives.

A description has the shape of a gold file (the shared gold format: ../shared/gold/README.md): `report`
metadata, `areas` (title, score, rubrics, sections, strengths, improvements),
`subquestions` and `prior_scores`. `describe()` makes a complete, self-consistent
report for any municipality and year; tests change it where a case needs to, and
`expected_tables()` turns it into the rows the published tables must hold.
"""
from __future__ import annotations

import copy
import csv
import random
import unicodedata
from datetime import date
from pathlib import Path

DOMAIN_DATA = Path(__file__).resolve().parents[2] / "domain" / "data"

TITLES_2_0 = ("Offentlighet och demokrati", "Tillgänglighet och brukarorientering", "Politisk styrning och kontroll",
              "Ledarskap, ansvar och delegation", "Resultat och effektivitet",
              "Kommunen som arbetsgivare – personalpolitik", "Verksamhetsutveckling", "Kommunen som samhällsbyggare")
TITLES_2_1 = (*TITLES_2_0[:6], "Ständiga förbättringar", TITLES_2_0[7])

RUBRICS = (
    ("Strategi för demokratiutveckling", "Information till medborgare", "Dialog och medborgarmedverkan",
     "Etik och motverkan av korruption"),
    ("Strategi för brukarorientering", "Tillgänglighet och bemötande", "Information om service",
     "Brukarundersökningar"),
    ("System för styrning och uppföljning", "Tydliga politiska mål", "Uppföljning och rapportering"),
    ("Strategi för ledarskap", "Resultatenheternas ansvar", "Tvärsektoriellt samarbete", "Ledarutveckling"),
    ("Strategi för resultatstyrning", "Kostnader och resultat i budgetprocessen", "Jämförelser"),
    ("Personalstrategi", "Rekrytering", "Kompetensutveckling", "Arbetsmiljöarbete"),
    ("Strategiskt kvalitetsarbete", "Metoder och verktyg", "Kreativitet och innovationer"),
    ("Strategier för samhällsbyggande", "Samarbete med civilsamhället", "Stöd till näringslivet"),
)
# Items start with a capital and go on in lower case, as most printed items do.
STRENGTH_POOL = ("Tydlig strategi antagen av fullmäktige", "Regelbunden uppföljning av målen",
                 "Öppna nämndsmöten med webbsändning", "Systematisk omvärldsbevakning",
                 "Väl fungerande medarbetarsamtal", "Tydlig delegationsordning", "Aktivt arbete med e-tjänster",
                 "Gemensam värdegrund i hela organisationen", "Goda resultat i brukarundersökningar")
IMPROVEMENT_POOL = ("Populärversioner av politiska handlingar", "Tydligare koppling mellan mål och resurser",
                    "Utveckla dialogen med unga invånare", "Sprida goda exempel mellan förvaltningarna",
                    "Följa upp klagomål systematiskt", "Utveckla jämförelser med andra kommuner",
                    "Mer kunskap om hållbar utveckling")
ORDINALS = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde"}
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")


def criteria_version(year: int) -> str:
    return "1.0" if year < 2010 else "2.0" if year < 2016 else "2.1"


def _questions() -> dict[int, list[dict]]:
    by_area: dict[int, list[dict]] = {}
    with (DOMAIN_DATA / "questions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_area.setdefault(int(row["code"].split(".")[0]), []).append(row)
    return by_area


def municipality_code(name: str) -> str | None:
    with (DOMAIN_DATA / "municipalities.csv").open(encoding="utf-8") as handle:
        return next((row["municipality_code"] for row in csv.DictReader(handle)
                     if row["municipality_name"] == name), None)


def report_id(municipality: str, year: int) -> str:
    """The contract's id: ASCII lower case, å/ä→a, ö→o, spaces→'-'."""
    ascii_name = unicodedata.normalize("NFKD", municipality).encode("ascii", "ignore").decode()
    return f"{ascii_name.lower().replace(' ', '-')}-{year}"


def genitive(name: str) -> str:
    """ "Lerum" -> "Lerums", "Sollentuna" -> "Sollentuna" (as the cover prints it before "kommun")."""
    return name if name[-1].lower() in "aeiouyåäösxz" else f"{name}s"


def describe(municipality: str, year: int, suffix: str = "kommun", evaluation_number: int | None = 2,
             evaluators: tuple[str, ...] = ("Anna Berg, SKL", "Per Ek, Solna stad"),
             quoted_prior_year: int | None = None) -> dict:
    """A complete report of `municipality` for `year`: eight areas, section 4, and — when
    `quoted_prior_year` is given — a sentence per area and in the summary quoting that year's scores."""
    chance = random.Random(f"{municipality}-{year}")
    titles = TITLES_2_1 if year >= 2016 else TITLES_2_0
    month = chance.randrange(2, 11)
    questions = _questions()
    areas, subquestions, prior = [], [], []
    for area_no, title in enumerate(titles, start=1):
        score = chance.randrange(45, 90)
        sections = [{"heading": "Allmänt", "text": f"Området beskriver hur {municipality} arbetar. "
                                                   "Det bedöms utifrån kriterierna."}]
        for rubric in RUBRICS[area_no - 1][:2]:
            sections.append({"heading": rubric, "text": f"Kommunen har ett tydligt arbete inom {rubric.lower()}. "
                                                        "Arbetet följs upp varje år."})
        if quoted_prior_year:
            earlier = chance.randrange(35, score + 1)
            sections[1]["text"] += f" Resultatet har förändrats jämfört med {quoted_prior_year} ({earlier} poäng)."
            prior.append({"year": quoted_prior_year, "area_no": area_no, "score": earlier, "where": "text"})
        areas.append({"area_no": area_no, "title": title, "score": score, "rubrics": list(RUBRICS[area_no - 1]),
                      # no more improvements than strengths: a flattened table then keeps its columns
                      "strengths": chance.sample(STRENGTH_POOL, chance.randrange(3, 5)),
                      "improvements": chance.sample(IMPROVEMENT_POOL, chance.randrange(1, 4)),
                      "ambiguous": [], "findings_present": True, "sections": sections})
        subquestions.extend(_subquestions(area_no, score, questions[area_no]))
    total = sum(area["score"] for area in areas)
    if quoted_prior_year:
        prior.append({"year": quoted_prior_year, "area_no": None, "score": sum(p["score"] for p in prior),
                      "where": "text"})
    report_date = date(year, month + 1, chance.randrange(1, 28))
    return {
        "id": report_id(municipality, year),
        "report": {"municipality": municipality, "municipality_suffix": suffix, "year": year,
                   "report_date": report_date.isoformat(), "evaluation_period": f"{MONTHS[month - 1]} {year}",
                   "evaluators": list(evaluators), "criteria_version": criteria_version(year),
                   "evaluation_number": evaluation_number, "total_score": total, "stated_total": total,
                   "page_count": None, "complete": True},
        "areas": areas, "subquestions": subquestions, "prior_scores": prior,
    }


def _subquestions(area_no: int, score: int, questions: list[dict]) -> list[dict]:
    """The area's catalog questions with points that add up to `score` exactly."""
    rows, left = [], score
    for index, question in enumerate(questions):
        maximum = int(question["max_points"])
        achieved = left if index == len(questions) - 1 else min(maximum, round(score * maximum / 100))
        left -= achieved
        rows.append({"code": question["code"], "area_no": area_no, "text": question["text"], "achieved": achieved,
                     "max": maximum, "percent": round(100 * achieved / maximum)})
    return rows


def with_changes(description: dict, **report_fields) -> dict:
    """A deep copy of `description` with some report fields changed."""
    changed = copy.deepcopy(description)
    changed["report"].update(report_fields)
    if "municipality" in report_fields or "year" in report_fields:
        changed["id"] = report_id(changed["report"]["municipality"], changed["report"]["year"])
    return changed


def earlier_scores(description: dict, year: int, seed: str = "") -> dict[int | None, int]:
    """Made-up scores of an earlier evaluation (area_no -> score, None -> total) for tables of earlier results."""
    chance = random.Random(f"{description['id']}-{year}-{seed}")
    scores: dict[int | None, int] = {area["area_no"]: chance.randrange(30, 80) for area in description["areas"]}
    scores[None] = sum(scores.values())
    return scores


def first_areas(description: dict, count: int) -> dict:
    """The report cut after its first `count` areas (and their subquestions): a short report that stops early."""
    short = copy.deepcopy(description)
    short["areas"] = short["areas"][:count]
    kept = {area["area_no"] for area in short["areas"]}
    short["subquestions"] = [row for row in short["subquestions"] if row["area_no"] in kept]
    short["prior_scores"] = []
    short["report"].update(total_score=sum(area["score"] for area in short["areas"]), complete=False)
    short["report"]["stated_total"] = short["report"]["total_score"]
    return short


# -- the tables a perfect extraction gives ---------------------------------------------------------------------

REPORT_FIELDS = ("municipality", "municipality_code", "year", "report_date", "evaluation_period", "evaluators",
                 "criteria_version", "evaluation_number", "total_score", "complete", "page_count")


def expected_tables(description: dict) -> dict[str, list]:
    """What the published tables must hold for the described report, in the shape of `observed_tables`."""
    report = description["report"]
    areas = description["areas"]
    return {
        "reports": {**{field: report.get(field) for field in REPORT_FIELDS if field != "municipality_code"},
                    "municipality_code": municipality_code(report["municipality"])},
        "areas": [(a["area_no"], a["title"], a["score"]) for a in areas],
        "rubrics": [(a["area_no"], position, text) for a in areas for position, text in enumerate(a["rubrics"], 1)],
        "findings": [(a["area_no"], kind, position, text) for a in areas
                     for kind, items in (("improvement", a["improvements"]), ("strength", a["strengths"]))
                     for position, text in enumerate(items, 1)],
        "sections": [(a["area_no"], s["heading"]) for a in areas for s in a["sections"]],
        "subquestions": [(s["code"], s["area_no"], s["text"], s["achieved"], s["max"], float(s["percent"]))
                         for s in description["subquestions"]],
        "prior_scores": sorted(((p["year"], p["area_no"], p["score"], p["where"])
                                for p in description["prior_scores"]), key=str),
    }


def observed_tables(tables: dict[str, list[dict]], report_id: str) -> dict[str, list]:
    """The published rows of one report, in the shape of `expected_tables`."""
    def rows(name: str, key) -> list[dict]:
        return sorted((row for row in tables[name] if row["report_id"] == report_id), key=key)

    [report] = [row for row in tables["reports"] if row["report_id"] == report_id] or [{}]
    fields = {field: report.get(field) for field in REPORT_FIELDS}
    if fields["report_date"] is not None:
        fields["report_date"] = fields["report_date"].isoformat()
    return {
        "reports": fields,
        "areas": [(r["area_no"], r["title"], r["score"]) for r in rows("areas", lambda r: r["area_no"])],
        "rubrics": [(r["area_no"], r["position"], r["text"])
                    for r in rows("rubrics", lambda r: (r["area_no"], r["position"]))],
        "findings": [(r["area_no"], r["kind"], r["position"], r["text"])
                     for r in rows("findings", lambda r: (r["area_no"], r["kind"], r["position"]))],
        "sections": [(r["area_no"], r["heading"]) for r in rows("sections", lambda r: (r["area_no"], r["position"]))],
        "subquestions": [(r["code"], r["area_no"], r["text"], r["achieved"], r["max"], r["percent"])
                         for r in rows("subquestions", lambda r: [int(n) for n in r["code"].split(".")])],
        "prior_scores": sorted(((r["ref_year"], r["area_no"], r["score"], r["source"])
                                for r in rows("prior_scores", lambda r: 0)), key=str),
    }
