"""Explicit tables (markdown/HTML cells, PDF columns) and the blocks they stand for.

The header row says what a table is: "Rubriker | Poäng", "Styrkor |
Förbättringsmöjligheter", "<area> | Uppnått | Max | Procent", or year columns
of an appended earlier evaluation.
"""
from __future__ import annotations

import regex as re

from domain.catalog import area_numbers_for_title
from domain.origin import Origin
from extract.model import Cell
from parsers.blocks import Block, RubricBox, ScoreRow, ScoreTable
from parsers.findings import column_findings
from parsers.patterns import (
    AREA_DIGIT,
    IMPROVEMENT_HEADER,
    POINTS_WORD,
    RUBRICS_WORD,
    SCORE_COLUMNS,
    STRENGTH_HEADER,
    SUBQUESTION_CODE,
    YEAR_CELL,
    cell_score,
)

_LEADING_NUMBER = re.compile(rf"^\s*(?:Område\s+)?({AREA_DIGIT})\.?(?:\s+|$)", re.I)
_PERCENT = re.compile(r"^(\d{1,3}(?:[,.]\d+)?)\s?%?$")
_CODE_AND_TEXT = re.compile(rf"^({AREA_DIGIT}\.\d{{1,2}})\s+(\S.*)$")
_LEADING_DIGITS = re.compile(r"\d+")
# letters Tesseract reads for digits of their shape, in a cell that holds only a number
_DIGIT_LOOKALIKES = str.maketrans("BODQSZGIl|", "8000526111")
_PERCENT_SLACK = 10  # points a misread percent may stray from its row's Uppnått / Max

Row = tuple[Cell, ...]


def parse_percent(text: str) -> float | None:
    match = _PERCENT.match(text.strip())
    return float(match.group(1).replace(",", ".")) if match else None


def misread_percent(text: str, achieved: int, maximum: int) -> float | None:
    """A "Procent" cell whose "%" OCR read as digits or letters ("7220" for "72 %", "89 Rx"), or lost.

    A letter OCR reads for a digit of the same shape ("B6" for "86") is that
    digit. The cell's leading digits are cut where they make the percent nearest the
    row's points: a report's percent is weighted and strays a few points from
    Uppnått / Max, never tens. None when no cut comes within `_PERCENT_SLACK`.
    """
    words = text.split()
    digits = _LEADING_DIGITS.match(words[0].translate(_DIGIT_LOOKALIKES)) if words else None
    if digits is None or maximum <= 0:
        return None
    share = 100 * achieved / maximum
    cuts = [int(digits.group(0)[:n]) for n in range(1, min(3, len(digits.group(0))) + 1)]
    nearest = min((cut for cut in cuts if cut <= 100), key=lambda cut: abs(cut - share))
    return float(nearest) if abs(nearest - share) <= _PERCENT_SLACK else None


def area_number_of_label(label: str) -> int | None:
    """Area number of a row or table label: "1. Offentlighet och demokrati" or a known title."""
    match = _LEADING_NUMBER.match(label)
    if match:
        return int(match.group(1))
    numbers = area_numbers_for_title(label)
    return next(iter(numbers)) if len(numbers) == 1 else None


def cell_text(cell: Cell) -> str:
    return " ".join(cell.items).strip()


def blocks_from_table(rows: list[Row], page: int | None) -> list[Block] | None:
    """The blocks a table stands for, or None when it is not one of the report's tables."""
    if not rows:
        return None
    header = [cell_text(cell) for cell in rows[0]]
    first = header[0] if header else ""
    if RUBRICS_WORD.fullmatch(first.strip()):
        return [_rubric_box(rows, page)]
    if STRENGTH_HEADER.fullmatch(first.strip()) and len(header) > 1 and IMPROVEMENT_HEADER.fullmatch(header[1].strip()):
        left = [(item, _origin(row[0], page)) for row in rows[1:] if row for item in row[0].items]
        right = [(item, _origin(row[1], page)) for row in rows[1:] if len(row) > 1 for item in row[1].items]
        return [column_findings(left, right, page)]
    if SCORE_COLUMNS.search(" ".join(header)):
        return [_score_table(rows, page)]
    years = [text for text in header if YEAR_CELL.match(text)]
    if years:
        return [_year_table(rows, page)]
    return None


def _rubric_box(rows: list[Row], page: int | None) -> RubricBox:
    """The box's rubrics and its score, or a score per year where the header has year columns."""
    header = [cell_text(cell) for cell in rows[0]]
    years = {index: int(text) for index, text in enumerate(header) if YEAR_CELL.match(text)}
    items: list[tuple[str, Origin]] = []
    numbers: list[tuple[int, Origin]] = []
    year_scores: list[tuple[tuple[int, int], Origin]] = []
    for row in rows[1:]:
        texts = [cell_text(cell) for cell in row]
        numbers = numbers or [(score, _origin(cell, page)) for t, cell in zip(texts, row)
                              if (score := cell_score(t)) is not None]
        # a score under a year's column is that year's; an empty cell is no score
        year_scores = year_scores or [((years[i], score), _origin(row[i], page)) for i, t in enumerate(texts)
                                      if i in years and (score := cell_score(t)) is not None]
        items.extend((item, _origin(cell, page)) for cell in row for item in cell.items
                     if cell_score(item) is None and not POINTS_WORD.fullmatch(item))
    texts = [item for item, _ in items]
    origins: list[Origin | None] = [origin for _, origin in items]
    if len(years) > 1:
        return RubricBox(texts, None, page, [score for score, _ in year_scores], origins, None,
                         [origin for _, origin in year_scores])
    score, score_origin = numbers[0] if numbers else (None, None)
    return RubricBox(texts, score, page, [], origins, score_origin)


def _origin(cell: Cell, page: int | None) -> Origin:
    return Origin(page, None, cell.span)


def _score_table(rows: list[Row], page: int | None) -> ScoreTable:
    header = [cell_text(cell) for cell in rows[0]]
    title_cells = []
    for text in header:
        if re.match(r"Uppnått", text, re.I):
            break
        title_cells.append(text)
    table = ScoreTable(" ".join(title_cells).strip(), ["Uppnått", "Max", "Procent"], [], page)
    for row in rows[1:]:
        cells = [(cell_text(cell), cell) for cell in row if cell_text(cell)]
        filled = [text for text, _ in cells]
        if len(filled) < 3:
            continue
        joined = _CODE_AND_TEXT.match(filled[0])  # the code's cell run into the question's ("1.1 Finns ...")
        if joined and len(filled) > 3:
            filled[:1] = [joined.group(1), joined.group(2)]
        code = filled[0] if SUBQUESTION_CODE.match(filled[0]) else None
        label = " ".join(filled[1:-3]) if code else " ".join(filled[:-3])
        table.rows.append(ScoreRow(code, label, filled[-3:], page, [_origin(cell, page) for _, cell in cells[-3:]]))
    return table


def _year_table(rows: list[Row], page: int | None) -> ScoreTable:
    """An appendix's scores with a column per year; each cell read under its year's column, so that a year
    that scored only some areas (a partial re-evaluation) leaves its other cells empty, never shifted."""
    header = [cell_text(cell) for cell in rows[0]]
    columns = [index for index, text in enumerate(header) if YEAR_CELL.match(text)]
    table = ScoreTable(" ".join(t for t in header if not YEAR_CELL.match(t)), [header[i] for i in columns], [], page)
    for row in rows[1:]:
        texts = [cell_text(cell) for cell in row]
        if len(texts) < len(header):  # a row whose empty cells at its end were not printed
            texts += [""] * (len(header) - len(texts))
        values = [texts[index] for index in columns] if len(texts) == len(header) else []
        label = " ".join(text for index, text in enumerate(texts) if index not in columns and text)
        if label and any(values):
            table.rows.append(ScoreRow(None, label, values, page,
                                       [_origin(row[index], page) if index < len(row) else None
                                        for index in columns]))
    return table
