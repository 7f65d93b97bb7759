"""parsers.dates.find_date: the first valid date printed in a text."""
from __future__ import annotations

from datetime import date

from parsers.dates import find_date


def test_iso_date():
    assert find_date("Sveriges Kommuner och Landsting 2018-06-19 7 (34)") == date(2018, 6, 19)


def test_written_date_any_case():
    assert find_date("Stockholm 3 Maj 2016") == date(2016, 5, 3)


def test_first_date_by_position_wins():
    assert find_date("19 juni 2012, reviderad 2012-09-01") == date(2012, 6, 19)


def test_invalid_dates_are_skipped():
    assert find_date("31 februari 2018 och 2018-13-01 men 2018-02-28") == date(2018, 2, 28)


def test_no_date():
    assert find_date("2018-602p") is None
    assert find_date("Rapport 2018") is None
