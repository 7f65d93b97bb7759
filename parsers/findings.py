"""Which findings are strengths and which improvement points, and how sure we are.

Where the source keeps the table's columns (PDF geometry, table cells) or prints
two headed lists, the column or heading decides. Where a two-column table was
flattened into one run of text, only the order of the words is left: the left
column's items usually come first, then the right column's, but rows can
interleave and the end of the left column can come last. Where the order can
not settle a kind, the item's wording may; the kinds neither settles are
`unknown`, and the block says why.
"""
from __future__ import annotations

from domain.origin import Origin
from domain.problems import problem
from domain.records import BY_LAYOUT, BY_WORDING, IMPROVEMENT, STRENGTH, UNKNOWN, RawFinding
from parsers.blocks import FindingsBlock
from parsers.finding_wording import wording_kind

Item = tuple[str, Origin]  # text, where it stands
_MAX_UNSIGNED_RUN = 2  # items without a sign of their kind that their agreeing neighbours place
# where the kinds of the right column's first items were read off the order of the text, which rows printed
# side by side can mislead: the warning says so
_BY_ORDER = ("; the first items after the second header are taken as its column's as far as the items "
             "before it reach down, which a table of several rows can mislead")


def column_findings(strengths: list[Item], improvements: list[Item], page: int | None) -> FindingsBlock:
    items = [RawFinding(STRENGTH, text, origin.page, origin) for text, origin in strengths]
    items += [RawFinding(IMPROVEMENT, text, origin.page, origin) for text, origin in improvements]
    return FindingsBlock(items, page)


def flattened_findings(left: list[Item], right: list[Item], has_right_header: bool,
                       page: int | None) -> FindingsBlock:
    """Kinds for the items of a flattened table, read off the order of its headers.

    - only a "Styrkor" header: a list of strengths;
    - both headers before any item (the header row stands alone, the rows follow
      interleaved, or a rendering put the left column's texts elsewhere): no item's column is known;
    - items between the headers: those are the left column as far down as the
      right column reaches; the right column's items follow, as many as fill the
      same height (`_right_column_count`); any further items may be the end of a
      longer left column or more of a longer right one.
    Where the order leaves the column open, the item's wording may tell (`_kinds_by_wording`); the rest stay
    unknown.
    """
    if not has_right_header:
        return column_findings(left, [], page)
    if not left:
        uncertain = right
        sure: list[Item] = []
    else:
        count = _right_column_count(left, right)
        sure, uncertain = right[:count], right[count:]
    block = column_findings(left, sure, page)
    kinds = _kinds_by_wording([text for text, _ in uncertain], IMPROVEMENT if sure else STRENGTH if left else None)
    block.items += [RawFinding(kind, text, origin.page, origin, basis)
                    for (kind, basis), (text, origin) in zip(kinds, uncertain)]
    unknown = sum(1 for kind, _ in kinds if kind == UNKNOWN)
    worded = sum(1 for _, basis in kinds if basis == BY_WORDING)
    if unknown:
        block.problems.append(problem(
            "findings_columns_lost",
            f"The findings table lost its columns in this rendering; {unknown} of its "
            f"{len(left) + len(right)} items could be strengths or improvements and are marked unknown"
            f"{_BY_ORDER if sure else ''}.", page))
    if worded:
        block.problems.append(problem(
            "findings_kind_from_wording",
            f"The findings table lost its columns in this rendering; {worded} of its {len(left) + len(right)} "
            f"items were given their kind by their wording, not by their column.", page))
    return block


def _kinds_by_wording(texts: list[str], before: str | None) -> list[tuple[str, str]]:
    """The kinds of items whose column the order leaves open, `before` being the kind of the item before them
    (None where they open the table), each with what decided it.

    An item takes the kind its wording plainly says (parsers.finding_wording). A short run of items that say
    nothing takes the kind of the items on both sides of it where those agree, as a column's items stand
    together; a longer run may be the other column's end spilled between them (a table broken over a page),
    and a run at the table's end has nothing after it to agree: those stay unknown.
    """
    worded = [wording_kind(text) for text in texts]
    kinds = [(kind, BY_WORDING) if kind else (UNKNOWN, BY_LAYOUT) for kind in worded]
    index = 0
    while index < len(worded):
        if worded[index] is not None:
            index += 1
            continue
        run_end = next((i for i in range(index, len(worded)) if worded[i] is not None), len(worded))
        previous = worded[index - 1] if index else before
        following = worded[run_end] if run_end < len(worded) else None
        if run_end - index <= _MAX_UNSIGNED_RUN and previous is not None and previous == following:
            kinds[index:run_end] = [(previous, BY_WORDING)] * (run_end - index)
        index = run_end
    return kinds


# Characters one line of a two-column findings table holds: half an A4 page's text width at 11 pt.
_COLUMN_CHARS = 40


def _right_column_count(left: list[Item], right: list[Item]) -> int:
    """How many items after the second header surely belong to the right column.

    A flattened row runs left cell, right cell; where the left column is longer, what it has below the
    right column's end follows the right column. The left items before the second header stand beside
    the right column, so the right column is at most as tall as they are: its items are those that fill
    the same number of lines, and never more items than the left had.
    """
    def lines(text: str) -> int:
        return -(-len(text) // _COLUMN_CHARS)

    height = sum(lines(text) for text, _ in left)
    filled = 0
    for count, (text, _) in enumerate(right, start=1):
        filled += lines(text)
        if filled >= height:
            return min(count, len(left))
    return min(len(right), len(left))
