"""Cutting a report into its main evaluation and the parts appended to it.

Before its areas are read, a document is cut where an appended part starts:
a heading that starts with "Bilaga"/"Bilagor" (a line or page that begins so —
a mention inside a sentence, "redovisas i Bilaga 2 till rapporten", goes on in
lower case and is no heading), a heading "<year> års Kommunkompass", a second
cover, or an evaluation that starts over (an opening chapter such as "Vad är
Kommunkompassen?" after the areas, or "Område 1" after "Område 8"): an
earlier evaluation printed again. Each part is read by the same grammar into a record
of its own, so nothing of it mixes with the main evaluation.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from domain.catalog import AREA_NUMBERS
from domain.municipalities import find_names
from parsers.blocks import Block, FindingsBlock, Heading, Paragraph, RubricBox
from parsers.cover import read_cover
from parsers.dates import YEAR
from parsers.patterns import (
    APPENDIX_MENTION,
    AREA_HEADING,
    COVER_WORDS,
    EARLIER_EVALUATION,
    SECTION_HEADING,
    is_area_heading,
    section_kind,
)

_COVER_REST = re.compile(r"[\W\d_]+|(?i:kommuns?|stads?|rapport)")
_LOOK_BACK = 6  # blocks before a restart that may hold the appended evaluation's cover


@dataclass
class Part:
    """An appended part: what starts it and its blocks."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    cover_text: str = ""  # text just before a restart, where the appended evaluation's cover stands


def split_parts(blocks: list[Block]) -> tuple[list[Block], list[Part]]:
    """The main evaluation's blocks, and the appended parts in order.

    A cut that leaves the main evaluation without an evaluated area (one with its score box or findings) while
    a part has them was wrong: what stood before it only named the areas (a contents list without its
    heading, a summary by area). Those blocks are then the report's front matter, their area headings plain
    text, and the report is cut again from where the wrong cut was.
    """
    main, parts = _cut(blocks)
    if parts and not _evaluates_areas(main) and any(_evaluates_areas(part.blocks) for part in parts):
        start = next(index for index, block in enumerate(blocks) if block is parts[0].blocks[0])
        front = [_as_text(block) for block in blocks[:start]]
        main, parts = split_parts(blocks[start:])
        main = [*front, *main]
    return main, parts


def _evaluates_areas(blocks: list[Block]) -> bool:
    """Whether an area heading among the blocks is followed, before the next area, by its box or findings."""
    in_area = False
    for block in blocks:
        if isinstance(block, Heading) and AREA_HEADING.match(block.text.strip()):
            in_area = True
        elif in_area and isinstance(block, (RubricBox, FindingsBlock)):
            return True
    return False


def _as_text(block: Block) -> Block:
    """An area heading of the front matter as the paragraph it is there; other blocks as they are."""
    if isinstance(block, Heading) and AREA_HEADING.match(block.text.strip()):
        return Paragraph(block.text, block.page)
    return block


def _cut(blocks: list[Block]) -> tuple[list[Block], list[Part]]:
    """The blocks cut where appended parts start."""
    main: list[Block] = []
    parts: list[Part] = []
    last_area: int | None = None  # the last area of the evaluation being read
    section = "front"  # the kind of chapter being read: section 4 labels its tables by area too
    main_last: int | None = None  # the main evaluation's last area
    for index, block in enumerate(blocks):
        target = parts[-1].blocks if parts else main
        if isinstance(block, Heading) and _continues_main(block, parts, last_area, main_last):
            main.extend(parts.pop().blocks)  # not a part (its heading is its first block): the areas go on
            target, last_area = main, main_last
        if isinstance(block, Heading):
            text = block.text.strip()
            area = AREA_HEADING.match(text)
            if area and not is_area_heading(area, last_area):
                area = None
            # a part follows the main evaluation's areas: a "Bilaga" heading before them is a heading of its summary
            if main_last is not None and (_starts_appendix(text) or (last_area is not None and _is_cover(text))):
                parts.append(Part(text))
                target, last_area, section = parts[-1].blocks, None, "front"
            elif last_area is not None and (_opens_evaluation(text) or (area and _starts_over(
                    int(area.group("no")), last_area, section, blocks[index + 1:index + 3]))):
                parts.append(Part(text, cover_text=_text_of(target[-_LOOK_BACK:])))
                target, last_area, section = parts[-1].blocks, None, "front"
            chapter = SECTION_HEADING.match(text)
            if chapter:
                section = section_kind(chapter.group(2))
            if area and (section in ("front", "summary", "areas") or _boxed(blocks[index + 1:index + 3])):
                last_area, section = int(area.group("no")), "areas"
                main_last = last_area if not parts else main_last
        target.append(block)
    return main, parts


def _continues_main(heading: Heading, parts: list[Part], last_area: int | None, main_last: int | None) -> bool:
    """Whether the next area of the main evaluation follows a "Bilaga" heading: it headed no appended part."""
    if not parts or last_area is not None or main_last is None or main_last >= AREA_NUMBERS[-1]:
        return False
    area = AREA_HEADING.match(heading.text.strip())
    return bool(area) and int(area.group("no")) == main_last + 1


def _starts_appendix(text: str) -> bool:
    return (section_kind(text) == "appendix" and not APPENDIX_MENTION.match(text)) \
        or bool(EARLIER_EVALUATION.match(text))


def _starts_over(area_no: int, last_area: int, section: str, following: list[Block]) -> bool:
    """An area heading that opens an evaluation anew: an earlier area again, or, after the areas (section 4,
    facts), one with its own score box (section 4 labels its tables by area too, without boxes)."""
    if section in ("front", "summary", "areas"):
        return area_no < last_area
    return _boxed(following)


def _boxed(following: list[Block]) -> bool:
    return any(isinstance(block, RubricBox) for block in following)


def _opens_evaluation(text: str) -> bool:
    chapter = SECTION_HEADING.match(text)
    return bool(chapter) and section_kind(chapter.group(2)) == "summary"


def _is_cover(text: str) -> bool:
    """A heading that holds nothing but cover words, a municipality and a year: a second cover."""
    if not COVER_WORDS.search(text):
        return False
    rest = COVER_WORDS.sub(" ", text)
    for mention in reversed(find_names(rest)):
        rest = rest[:mention.start] + rest[mention.end:]
    return not _COVER_REST.sub("", rest).strip()


def _text_of(blocks: list[Block]) -> str:
    return " ".join(block.text for block in blocks if isinstance(block, (Heading, Paragraph)))


def part_year(part: Part, report_year: int | None, previous_year: int | None) -> int | None:
    """The year of an appended evaluation: named in its heading or on its cover, else the previous evaluation's."""
    earlier = EARLIER_EVALUATION.search(part.heading)
    if earlier:
        return int(earlier.group(1))
    opening = " ".join([part.heading, part.cover_text, _text_of(part.blocks[:_LOOK_BACK])])
    cover = read_cover([part.cover_text]) if part.cover_text else None
    if cover and cover.municipality and cover.year and (report_year is None or cover.year < report_year):
        return cover.year
    for match in YEAR.finditer(opening):
        year = int(match.group(1))
        if report_year is None or year < report_year:
            return year
    return previous_year
