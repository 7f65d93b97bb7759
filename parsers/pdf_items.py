"""PDF layout family: the items of a column of lines (findings, rubrics): bullets start them, indents continue."""
from __future__ import annotations

from dataclasses import replace

from domain.origin import Origin, joined
from extract.model import Line
from parsers.patterns import BULLET_START, ITEM_START
from parsers.pdf_rows import COLUMN_SLACK, fits_after
from parsers.segment import starts_item


def column_items(lines: list[Line], scan: bool = False) -> list[tuple[str, Origin]]:
    """List items of a column, each with where it stands (its lines): a bullet starts an item and indented lines
    continue it.

    Without bullets, a line continues the item above when it starts in lower
    case or the line above ends with a word that binds what follows. In a
    scan, where OCR may lose a bullet, a line under a line that had room for
    its first word before the column's edge (where its longest line ends)
    starts an item too: an item that went on would have filled the line above.
    """
    bullet_x = min((line.placed.x0 for line in lines if ITEM_START.match(line.text)), default=None)
    edge = max((line.x1 for line in lines if line.x1 is not None), default=None) if scan else None
    items: list[tuple[list[str], list[Line]]] = []  # each item's texts and lines
    for above, line in zip([None, *lines], lines):
        text = line.text.strip()
        if bullet_x is not None:
            # a dash that opens a continuation line ("– har det effekt?") stands at the text indent
            if ITEM_START.match(text) and line.placed.x0 <= bullet_x + COLUMN_SLACK:
                items.append(([_item_text(text, scan)], [line]))
            elif items and not (edge is not None and above is not None and _had_room(above, line, edge)):
                items[-1][0].append(text)
                items[-1][1].append(line)
            elif text:  # an item of its own, though not at the bullets' place: a bullet it shows is one
                items.append(([_item_text(text, scan)], [line]))
            continue
        previous = " ".join(items[-1][0]).split()[-1:] if items else []
        if items and not starts_item(previous[0] if previous else "", text.split()[0]):
            items[-1][0].append(text)
            items[-1][1].append(line)
        else:
            items.append(([text], [line]))
    # an item has lines, so its origin is never joined from none
    found = [(" ".join(texts).strip(), joined(line.origin for line in item_lines) or Origin(item_lines[0].page))
             for texts, item_lines in items]
    return [(text, origin) for text, origin in found if text]


def capitalized_unwrapped(lines: list[Line], edge: float) -> list[Line]:
    """A scan's rubric lines, where a line in lower case under a line that had room for its first word starts a
    rubric of its own: OCR read a capital as its small letter ("stöd till näringslivet"), as it does for
    letters that differ only in size, and a rubric that went on would have filled the line above."""
    result = lines[:1]
    for above, line in zip(lines, lines[1:]):
        first = line.words[0] if line.words else None
        if first is not None and first.text[:1].islower() and _had_room(above, line, edge):
            word = replace(first, text=first.text[:1].upper() + first.text[1:])
            line = replace(line, text=line.text.replace(first.text, word.text, 1), words=(word, *line.words[1:]))
        result.append(line)
    return result


def _item_text(text: str, scan: bool) -> str:
    """An item's text without its bullet; in a scan also without a second one OCR read beside it ("• - Samlad")."""
    text = ITEM_START.sub("", text, count=1)
    return BULLET_START.sub("", text, count=1) if scan else text


def _had_room(above: Line, line: Line, edge: float) -> bool:
    """Whether the line above ended short of `edge` by more than `line`'s first word: `line` did not wrap onto it."""
    return bool(line.words) and above.page == line.page and fits_after(above.placed.x1, line.size or 10,
                                                                       line.words[0], edge)
