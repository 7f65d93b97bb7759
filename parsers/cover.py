"""The cover page: municipality, year, evaluators and date.

Covers print "KommunKompassen / ANALYS AV / <NAME> KOMMUN / <year>", then the
evaluators ("Name Surname, affiliation", sometimes after "Utvärderare:"), a date
and the publisher. A PDF keeps one evaluator per line; a flattened rendering
runs them together ("Anders Dryselius, Hylte kommun Josephine Härdin, konsult"),
so evaluators are also split where a new "Name Surname," begins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex as re

from domain.municipalities import NameMention, find_names
from parsers.dates import MONTH, YEAR, find_date
from parsers.patterns import COVER_WORDS, EVALUATOR_LABEL

# Cover titles set with wide letter spacing come out one letter per word: "A N A L Y S A V".
_LETTER_SPACED = re.compile(r"(?<!\S)(?:\p{L} ){2,}\p{L}(?!\S)")
_SPACED_WORDS = re.compile(r"\p{L}(?: \p{L})+(?:\s{2,}\p{L}(?: \p{L})*)+")
_SUFFIX_AFTER = re.compile(r"^\s*(?i:kommuns?|stads?)(?!\w)")
_YEAR_AFTER = re.compile(rf"^\s*(?:(?i:kommuns?|stads?)\s+)?(?:(?i:{MONTH})\s+)?((?:19|20)\d\d)(?![\d-])")
_LABEL = EVALUATOR_LABEL
_SEPARATOR = re.compile(r"(\s+(?:och|OCH|samt|SAMT|&)\s+|\s*;\s*)")
_PERSON_START = re.compile(r"^\s*(?:\p{Lu}\.\s*)*\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+")
# a date as the cover prints it, with the "den" that may stand before a written one ("den 19 juni 2018")
_DATE_TEXT = re.compile(r"(?:\b(?i:den)\s+)?(?:\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}\s+\p{L}+\s+(?:19|20)\d\d\b)")
# the days of the visit: "2011-05-30--31", "2011-05-30 – 2011-06-01", "30-31 maj 2011"; a period, not a date
_DATE_RANGE = re.compile(rf"(?<![\d-])(?:(?:19|20)\d\d-\d\d-\d\d\s*(?:--?|–|—)\s*(?:(?:19|20)\d\d-)?(?:\d\d-)?\d\d"
                         rf"|\d{{1,2}}\s*(?:--?|–|—)\s*\d{{1,2}}\s+(?i:{MONTH})\s+(?:19|20)\d\d)(?![\d-])")
_INITIAL = re.compile(r"^\p{Lu}\.$")
_NAME = re.compile(r"^\p{Lu}[\p{L}'’-]*$")


@dataclass
class Cover:
    municipality: str | None = None  # as the title prints it
    title: NameMention | None = None  # the title's municipality in SCB's list
    year: int | None = None
    report_date: date | None = None
    evaluation_period: str | None = None  # the days of the visit, when the cover prints them as a range
    evaluators: list[str] = field(default_factory=list)


def read_cover(lines: list[str]) -> Cover:
    lines = [_letters_joined(line) for line in lines]
    cover = Cover()
    text = " ".join(lines)
    title = cover.title = title_name(text)
    if title is not None:
        cover.municipality = title.text
        year = _YEAR_AFTER.match(text, title.end)
        cover.year = int(year.group(1)) if year else None
    if cover.year is None:
        year = YEAR.search(_DATE_TEXT.sub(" ", text))
        cover.year = int(year.group(1)) if year else None
    period = _DATE_RANGE.search(text)
    cover.evaluation_period = period.group(0) if period else None
    cover.report_date = find_date(_DATE_RANGE.sub(" ", text))
    cover.evaluators = _evaluators([_DATE_RANGE.sub(" ", line) for line in lines], cover)
    return cover


def _letters_joined(line: str) -> str:
    """A letter-spaced line as words: "A N A L Y S  A V" -> "ANALYS AV" (a wider gap parts the words)."""
    if _SPACED_WORDS.fullmatch(line.strip()):
        return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", line.strip()))
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), line)


def title_name(text: str) -> NameMention | None:
    """The municipality that a cover's title names: not an evaluator's affiliation or surname.

    A name followed by "kommun"/"stad" or the year, or set after the cover's own words ("ANALYS AV"),
    is the title's; a name right after a comma is an affiliation ("Anders Dryselius, Hylte kommun")
    and one right before a comma a surname ("Anna Mora, SKL") unless the year follows it.
    """
    strong: list[NameMention] = []
    weak: list[NameMention] = []
    for mention in find_names(text):
        before, after = text[:mention.start].rstrip(), text[mention.end:]
        dated = bool(_YEAR_AFTER.match(after))
        if not dated and (before.endswith(",") or after.lstrip().startswith(",")):
            continue
        marked = dated or bool(_SUFFIX_AFTER.match(after)) or mention.text.casefold().startswith("region") \
            or bool(COVER_WORDS.search(before[-30:]) and COVER_WORDS.search(before[-30:]).end() >= len(before[-30:]))
        (strong if marked else weak).append(mention)
    named = strong or weak
    return named[0] if named else None


def _evaluators(lines: list[str], cover: Cover) -> list[str]:
    people: list[str] = []
    for line in lines:
        rest = _after_title(line, cover)
        rest = _DATE_TEXT.sub(" ", _without_cover_words(_LABEL.sub("", rest)))
        rest = re.sub(r"\s+", " ", rest).strip(" :|,")
        rest = re.sub(r"^[^\p{L}]+", "", rest)  # debris before the first name ("/27")
        if not rest or _names_municipality_only(rest):
            continue
        people.extend(_affiliations_shared([split_people(part.strip(" ,")) for part in _people_parts(rest)]))
    return [person for person in people if _looks_like_person(person)]


def _names_municipality_only(text: str) -> bool:
    """Whether a cover line is a municipality's name and nothing else ("Upplands Väsby", "Lilla Edets kommun"):
    the title set on a line of its own, never an evaluator."""
    names = find_names(text)
    return len(names) == 1 and not _SUFFIX_AFTER.sub("", text[names[0].end:]).strip(" ,") \
        and not text[:names[0].start].strip()


def _affiliations_shared(groups: list[list[str]]) -> list[str]:
    """The people of a line joined by "och"/"samt"/"&", where a person printed without an affiliation shares the
    one of the person after it: "Anna Berg och Per Ek, SKL" are both of SKL."""
    people: list[str] = []
    for group in reversed(groups):
        if len(group) == 1 and "," not in group[0] and people and "," in people[0]:
            group = [f"{group[0]}, {people[0].split(',', 1)[1].strip()}"]
        people[:0] = group
    return people


def _people_parts(text: str) -> list[str]:
    """The text cut at "och", "samt", "&" and ";" where a new person follows: "Anna Berg, SKL och Per Ek",
    but not inside an affiliation ("Sveriges Kommuner och Landsting")."""
    pieces = _SEPARATOR.split(text)
    parts = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2]):
        if _PERSON_START.match(piece):
            parts.append(piece)
        else:
            parts[-1] += separator + piece
    return parts


def _without_cover_words(text: str) -> str:
    """The text without the cover's own words, except where they are an affiliation: "Anna Berg, Sveriges
    Kommuner och Landsting" keeps its employer."""
    return COVER_WORDS.sub(lambda m: m.group(0) if text[:m.start()].rstrip().endswith(",") else " ", text)


def _after_title(line: str, cover: Cover) -> str:
    """The part of a cover line after the title (municipality, year), the whole line if it has none."""
    if cover.municipality:
        title = re.search(rf"{re.escape(cover.municipality)}\s+(?i:kommuns?|stads?)\b(?:\s+(?i:{MONTH}))?"
                          rf"(?:\s+{cover.year})?", line)
        if title:
            return line[title.end():]
    if cover.year is not None:
        year = re.search(rf"(?<![\d-]){cover.year}(?![\d-])", line)
        if year and not line[year.end():].lstrip().startswith("-"):
            return line[year.end():]
    return line


def split_people(text: str) -> list[str]:
    """ "A B, x C D, y z" -> ["A B, x", "C D, y z"].

    Each person is "Name Surname" with an affiliation after a comma; where the
    people run together, a new person starts with the two capitalized words (and
    any initials) that stand right before a comma.
    """
    segments = [segment.strip() for segment in text.split(",")]
    people: list[list[str]] = []
    for index, segment in enumerate(segments):
        words = segment.split()
        if not words:
            continue
        before_comma = index < len(segments) - 1
        name_start = _trailing_name_start(words) if before_comma else None
        if name_start is None:
            if people:
                people[-1].append(segment)
            else:
                people.append([segment])
            continue
        if name_start > 0:
            if people:
                people[-1].append(" ".join(words[:name_start]))
            else:
                people.append([" ".join(words[:name_start])])
        people.append([" ".join(words[name_start:])])
    return [", ".join(person) for person in people]


def _trailing_name_start(words: list[str]) -> int | None:
    """Where the name ("Anna Eklöf", "J. Henrik Bergström") that ends `words` starts, if it does."""
    if len(words) < 2 or not all(_NAME.match(word) for word in words[-2:]):
        return None
    start = len(words) - 2
    while start > 0 and _INITIAL.match(words[start - 1]):
        start -= 1
    return start


def _looks_like_person(text: str) -> bool:
    name = re.split(r"[,(]", text)[0].split()
    return 1 < len(name) <= 5 and all(word[0].isupper() for word in name)
