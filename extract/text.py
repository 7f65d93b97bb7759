"""Plain-text renderings of a report: flattened PDF text and web transcripts.

Three shapes circulate:
- flat: one PDF page per line, the running head at the start of each line;
- transcript: numbered pages ("7 Sveriges Kommuner och Landsting (32) ...")
  after some web-page chrome, blank lines between pages;
- paged: pdftotext-style output, pages separated by form feeds, lines kept. Text
  copied out of a PDF without its page breaks (`pdftotext -nopgbrk`, a viewer's
  copy) is paged too where its running heads print "12 (34)" at a line's end,
  or its footers a bare "12" on a line of its own, numbered one after another:
  the pages are cut where its running head starts each, else at those lines.
Each page becomes a Page; a running head at the start of a page line becomes a
Line of its own, so that parsers can drop it the same way for every source.
"""
from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Callable
from itertools import accumulate

from extract.columns import reading_order, tables_across_pages
from extract.model import Line, Page

_TRANSCRIPT_PAGE = re.compile(r"^(\d{1,3}) (\S.*)$")
_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")
_MAX_HEAD_TOKENS = 12
_QUORUM = 0.6  # share of pages a running head stands on
_HEAD_KEPT = 0.9  # share of the head's pages that must share a token for it to belong to the head
# a running head's page number and count, alone on its line or ending it ("Sveriges Kommuner och Landsting
# 2019-04-09 12 (34)"), or a page number alone on its line ("12"); a bare number is a weaker witness (a score,
# a contents entry's page), so more of them must follow one another
_COUNTED_MARK = re.compile(r"(?:^|\s)(\d{1,3}) \((\d{1,3})\)$")
_BARE_MARK = re.compile(r"^(\d{1,3})$")
_FEWEST_MARKS = {_COUNTED_MARK: 3, _BARE_MARK: 6}
_REPEATED = 0.6  # times as often as the page numbers a line is printed, at least, to be a running head
# lines with text a page of a text without page breaks has at least: a flat copy's page is one line, which its
# head or footer may end with "12 (34)", and is no such text
_LINES_PER_PAGE = 5


def read_text(text: str) -> tuple[str, list[Page]]:
    """Pages of a plain-text rendering and the name of its shape."""
    if "\f" in text:
        return "paged", _paged(text)
    breaks = _page_breaks(text)
    if breaks:
        # each break is the newline where a page starts, made a form feed: the same length, so that every
        # offset into the text stays where it was
        marked = list(text)
        for offset in breaks:
            marked[offset] = "\f"
        return "paged", _paged("".join(marked))
    transcript = _transcript_pages(text)
    tokens = [[word for word, _ in words] for words in transcript]
    # a transcript's pages share a running head or footer: numbered chapters ("1 Vad är Kommunkompassen?",
    # "2 ...") in a text without page breaks share none, and are no pages
    if transcript and (_running_edge(tokens) or _running_edge([page[::-1] for page in tokens])):
        return "transcript", _with_running_heads(transcript)
    return "flat", _with_running_heads([words for _, words in _placed_lines(text) if words])


Words = list[tuple[str, int]]  # a text's words, each with the offset it starts at in the decoded source


def _placed_lines(text: str) -> list[tuple[str, Words]]:
    """The text's lines (as splitlines cuts them), each stripped, with its words and their offsets."""
    placed, start = [], 0
    for line in text.splitlines(keepends=True):
        placed.append((line.strip(), [(word.group(), start + word.start()) for word in _WORD.finditer(line)]))
        start += len(line)
    return placed


def _paged(text: str) -> list[Page]:
    """pdftotext's pages, one a form feed: a page without text stays one (the PDF gave it none), the empty
    ones after the last page with text are none. `-layout`'s columns are read one after the other
    (extract.columns), and words are one space apart; the running heads are told by the parsers, as
    pdftotext puts their pieces where its reading order takes them."""
    chunks = text.split("\f")
    starts = list(accumulate((len(chunk) + 1 for chunk in chunks), initial=0))
    free = [_free_words(chunk, start) for chunk, start in zip(chunks, starts)]
    pages = []
    for number, lines in enumerate(tables_across_pages([chunk.splitlines() for chunk in chunks]), start=1):
        offset = _word_offsets(free[number - 1:number + 1], starts[number - 1])  # a table run on: the next page's
        pages.append(Page(number=number, lines=[Line(text=" ".join(line.split()), page=number,
                                                     offsets=tuple(offset(word) for word in line.split()))
                                                for line in reading_order(lines)]))
    while pages and not pages[-1].lines:
        pages.pop()
    return pages


def _free_words(chunk: str, start: int) -> dict[str, deque[int]]:
    """Where each word of a page that `start`s there stands, in order."""
    free: dict[str, deque[int]] = {}
    for word in _WORD.finditer(chunk):
        free.setdefault(word.group(), deque()).append(start + word.start())
    return free


def _word_offsets(pages: list[dict[str, deque[int]]], start: int) -> Callable[[str], int]:
    """Where the words of a page that `start`s there stand, asked in reading order: a word is its first
    occurrence not yet taken, on its own page or, for a table that runs on (extract.columns), the next. A column
    read after the one beside it finds the left one's words taken."""
    last = [start]

    def offset(word: str) -> int:
        places = next((found for free in pages if (found := free.get(word))), None)
        last[0] = places.popleft() if places else last[0]  # a word pdftotext did not print as is: where we are
        return last[0]

    return offset


def _page_breaks(text: str) -> list[int]:
    """Offsets of the newlines where the pages of a text without page breaks end, where its running heads or
    footers number the pages one after another ("2 (28)", "3 (28)", ... or "2", "3", ...); none elsewhere.

    The page numbers witness that the text holds pages; where a running head's line (its title or its
    publisher) is printed about once a page, the pages start at it, as pdftotext puts a page's head first and
    its footer wherever its reading order takes it; else a page number that heads its line of text starts its
    page, and one alone on its line (a footer) ends it.
    """
    lines = text.splitlines(keepends=True)
    starts = list(accumulate((len(line) for line in lines), initial=0))
    with_text = sum(1 for line in lines if line.strip())
    for pattern in (_COUNTED_MARK, _BARE_MARK):
        marks = _marks(lines, pattern)
        if len(marks) < _FEWEST_MARKS[pattern] or with_text < _LINES_PER_PAGE * len(marks):
            continue
        heads = _head_lines(lines, marks, pattern)
        if heads:
            firsts = heads
        elif sum(1 for index in marks if pattern.fullmatch(lines[index].strip())) * 2 > len(marks):
            firsts = [index + 1 for index in marks[:-1]]
        else:
            firsts = marks
        breaks = [starts[index] - 1 for index in firsts if index]
        return [offset for offset in breaks if text[offset] == "\n"]
    return []


def _head_lines(lines: list[str], marks: list[int], pattern: re.Pattern[str]) -> list[int]:
    """The lines where a running head printed about once a page starts its page: the most common line that is
    no page number, printed at least _REPEATED times as often as there are page numbers and at most once a
    page; none where there is no such line. A head printed twice with nothing between (a cover's footer, the
    next page's head) starts one page."""
    texts = [line.strip() for line in lines]
    counts = Counter(text for text in texts if text and not pattern.search(text))
    if not counts:
        return []
    head, count = counts.most_common(1)[0]
    if not _REPEATED * len(marks) <= count <= len(marks) + 2:
        return []
    firsts: list[int] = []
    for index, text in enumerate(texts):
        if text == head and not (firsts and all(not t or t == head for t in texts[firsts[-1]:index])):
            firsts.append(index)
    return firsts


def _marks(lines: list[str], pattern: re.Pattern[str]) -> list[int]:
    """The indices of the lines whose page marks number pages one after another: the longest run, each mark
    after the latest mark of the number before it (a stray number, a score or a contents entry's page, before
    a page's own mark is passed over)."""
    found: list[tuple[int, int, int]] = []  # the line's index, the page number, the count (0: none printed)
    for index, line in enumerate(lines):
        match = pattern.search(line.strip())
        if match:
            found.append((index, int(match.group(1)), int(match.group(2)) if match.lastindex == 2 else 0))
    latest: dict[tuple[int, int], int] = {}  # (number, count) -> the latest mark of it, by its place in `found`
    before: list[int | None] = []
    length: list[int] = []
    for place, (_, number, count) in enumerate(found):
        previous = latest.get((number - 1, count))
        before.append(previous)
        length.append(1 if previous is None else length[previous] + 1)
        latest[(number, count)] = place
    if not found:
        return []
    last: int | None = max(range(len(found)), key=lambda at: (length[at], -at))
    run = []
    while last is not None:
        run.append(found[last][0])
        last = before[last]
    return run[::-1]


def _transcript_pages(text: str) -> list[Words]:
    """Page texts (their words) when the file numbers its pages 1, 2, 3, ... at line starts."""
    pages: list[Words] = []
    expected = 1
    for line, words in _placed_lines(text):
        match = _TRANSCRIPT_PAGE.match(line)
        if match and int(match.group(1)) == expected:
            pages.append(words[1:])  # without the page number
            expected += 1
        elif pages and line:
            pages[-1] += words
    return pages if len(pages) >= 3 else []


def _with_running_heads(page_words: list[Words]) -> list[Page]:
    """Pages whose repeated leading and trailing tokens (head, footer) are Lines of their own."""
    token_lists = [[word for word, _ in words] for words in page_words]
    head = _running_edge(token_lists)
    tail = _running_edge([tokens[::-1] for tokens in token_lists])
    pages = []
    for number, tokens in enumerate(token_lists, start=1):
        start, end = 0, len(tokens)
        if head and _mask(tokens[:len(head)]) == head:
            start = len(head)
        if tail and end - start > len(tail) and _mask(tokens[::-1][:len(tail)]) == tail:
            end -= len(tail)
        offsets = [offset for _, offset in page_words[number - 1]]
        lines = [Line(text=" ".join(tokens[cut]), page=number, offsets=tuple(offsets[cut]))
                 for cut in (slice(0, start), slice(start, end), slice(end, None)) if tokens[cut]]
        pages.append(Page(number=number, lines=lines))
    return pages


def _mask(tokens: list[str]) -> tuple[str, ...]:
    return tuple(_DIGITS.sub("#", token) for token in tokens)


def _running_edge(token_lists: list[list[str]]) -> tuple[str, ...]:
    """The leading tokens that most pages share once digits are masked.

    A running head ("Sveriges Kommuner och Landsting 2018-06-19 7 (34)") or,
    read backwards, a footer (a bare page number) repeats on most pages; body
    text does not. Empty when there is none.
    """
    if len(token_lists) < 3:
        return ()
    quorum = max(3, math.ceil(_QUORUM * len(token_lists)))
    edge: tuple[str, ...] = ()
    shared = 0
    for length in range(1, _MAX_HEAD_TOKENS + 1):
        counts: dict[tuple[str, ...], int] = {}
        for tokens in token_lists:
            if len(tokens) > length:
                key = _mask(tokens[:length])
                counts[key] = counts.get(key, 0) + 1
        if not counts:
            break
        key, count = max(counts.items(), key=lambda item: item[1])
        # the head stops where fewer pages share the next token: body text that many pages open alike
        # ("3." of an area heading after the page number) is not part of it
        if count < max(quorum, _HEAD_KEPT * shared):
            break
        edge, shared = key, count
    return edge
