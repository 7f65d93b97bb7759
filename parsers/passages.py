"""Running text joined from blocks, which still knows where each of its pieces stands in the source.

The statements of a report ("var kommunens andra utvärdering", "totalt 602
poäng") are read from its paragraphs joined into one text; a Passage gives the
origin of the characters a statement was read from.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from domain.origin import Origin, Span, joined


@dataclass
class Passage:
    pieces: list[tuple[str, Origin | None]] = field(default_factory=list)

    def add(self, text: str, origin: Origin | None) -> None:
        self.pieces.append((text, origin))

    @property
    def text(self) -> str:
        return " ".join(text for text, _ in self.pieces)

    def origin(self, span: Span) -> Origin | None:
        """Where the characters [start, end) of `text` stand: around the pieces they fall in."""
        start, end = span
        found, position = [], 0
        for text, origin in self.pieces:
            if position < end and start < position + len(text):
                found.append(origin)
            position += len(text) + 1
        return joined(found)


def passage_of(passages: Iterable[Passage]) -> Passage:
    """The passages read as one, in order."""
    return Passage([piece for passage in passages for piece in passage.pieces])
