"""Dates as the reports print them: "2018-06-19" or "19 juni 2018"."""
from __future__ import annotations

from datetime import date

import regex as re

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
MONTH = "|".join(MONTHS)
# a year standing alone: not part of an ISO date ("2018-06-19") or of a longer number
YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")
_ISO = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")
_WRITTEN = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({MONTH})\s+((?:19|20)\d\d)(?!\d)", re.I)


def find_date(text: str) -> date | None:
    """The first valid date in `text`."""
    dates = find_dates(text)
    return dates[0] if dates else None


def find_dates(text: str) -> list[date]:
    """Every valid date in `text`, ISO or written ("19 juni 2018"), in the order printed."""
    candidates = []
    for match in _ISO.finditer(text):
        candidates.append((match.start(), int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in _WRITTEN.finditer(text):
        month = MONTHS.index(match.group(2).lower()) + 1
        candidates.append((match.start(), int(match.group(3)), month, int(match.group(1))))
    dates = []
    for _, year, month, day in sorted(candidates):
        try:
            dates.append(date(year, month, day))
        except ValueError:
            continue
    return dates
