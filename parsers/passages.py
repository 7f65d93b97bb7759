"""Running text joined from blocks, which still knows where each of its pieces stands in the source.

The statements of a report ("var kommunens andra utvärdering", "totalt 602
poäng") are read from its paragraphs joined into one text; a Passage gives the
origin of the characters a statement was read from.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from domain.origin import Origin, Span, joined
from parsers.blocks import Locator


@dataclass
class Passage:
    pieces: list[tuple[str, Origin | None, Locator | None]] = field(default_factory=list)

    def add(self, text: str, origin: Origin | None, locate: Locator | None = None) -> None:
        self.pieces.append((text, origin, locate))

    @property
    def text(self) -> str:
        return " ".join(text for text, _, _ in self.pieces)

    def origin(self, span: Span) -> Origin | None:
        """Where the characters [start, end) of `text` stand: in the pieces they fall in, as precisely as each
        piece can tell (its own characters where it can locate them, else the whole piece)."""
        start, end = span
        found, position = [], 0
        for text, origin, locate in self.pieces:
            if position < end and start < position + len(text):
                found.append(locate(max(0, start - position), min(len(text), end - position)) if locate else origin)
            position += len(text) + 1
        return joined(found)


def passage_of(passages: Iterable[Passage]) -> Passage:
    """The passages read as one, in order."""
    return Passage([piece for passage in passages for piece in passage.pieces])
