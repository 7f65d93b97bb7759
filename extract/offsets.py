"""Where a line's words stand in the source it was made from, when markup was taken out between them."""
from __future__ import annotations


def found_in_order(text: str, source: str, position: int = 0) -> tuple[tuple[int, ...], int]:
    """The offset in `source` of each word of `text` (split at spaces), each found after the one before from
    `position` on, and where the search ended. A word the markup made (a bullet for "-", an entity decoded)
    stands where the search is."""
    offsets = []
    for word in text.split(" "):
        found = source.find(word, position)
        offsets.append(found if found >= 0 else position)
        position = found + len(word) if found >= 0 else position
    return tuple(offsets), position
