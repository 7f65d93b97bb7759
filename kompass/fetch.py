"""Getting the archive: the reports a manifest lists, downloaded politely and verified.

The manifest is a CSV with the columns url, sha256 (may be empty),
municipality and year. Each report is saved as `<municipality slug>-<year>.<ext>`
in the destination. A download (kompass.download) goes to `<name>.part` first
and is resumed after an interruption only when the server proves the file is
the same; failures that may pass (timeouts, 5xx, 429, a transfer cut short)
are retried with a growing pause, within the report's deadline. Files already
present (with the right checksum, when one is given, and starting like a PDF
when they are named one) are not fetched again.

A manifest is not trusted: only http(s) URLs are fetched (a file:// row could
copy any local file) and redirects are followed to http(s) only, every name is
made of the slug of its parts, of bounded length, and must lie inside the
destination, and a row naming the same report as an earlier one is reported,
not fetched. A row that cannot be used (fields missing, not UTF-8, a URL that
does not parse, a CSV line too long) is its own failure line and the rows
after it are still fetched. A download is kept only whole: its checksum
matches when the manifest gives one; otherwise its length matches what the
server announced and a PDF starts like one (an error page served as a PDF is
not kept).
"""
from __future__ import annotations

import csv
import hashlib
import http.client
import re
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from domain.municipalities import slug
from extract.formats import BY_SUFFIX, FORMATS, PDF_SUFFIXES
from kompass.download import SCHEMES, Bounds, Incomplete, Refused, discard, download, finish, starts_like_pdf

REQUIRED_COLUMNS = ("url", "sha256", "municipality", "year")
_CONTENT_TYPES = {source_format.content_type: source_format.suffixes[0] for source_format in FORMATS}
_CHUNK = 1 << 16
_LONGEST_STEM = 100  # characters of a report's name before its suffix: file names stop at 255 bytes


class ManifestError(Exception):
    """The manifest cannot be used."""


@dataclass(frozen=True)
class Entry:
    url: str
    sha256: str | None
    municipality: str
    year: str
    row: int = 0  # the manifest's data row, from 1
    fault: str | None = None  # why the row cannot be used

    @property
    def label(self) -> str:
        """What names the row in a line of output: its URL, else its row number."""
        return self.url or f"manifest row {self.row}"


@dataclass(frozen=True)
class Outcome:
    entry: Entry
    status: str  # downloaded, present, failed
    path: Path | None
    detail: str = ""


@dataclass(frozen=True)
class Politeness:
    delay: float = 1.0  # seconds between requests
    retries: int = 3
    timeout: float = 60.0  # seconds to wait for each reply and read
    deadline: float = 600.0  # seconds one report may take, its retries included
    max_mb: int = 200
    clock: Callable[[], float] = time.monotonic  # seconds, for the deadline


def read_manifest(path: Path) -> list[Entry]:
    """Every data row of the manifest; a row that cannot be used is an Entry with its fault."""
    try:
        # bytes that are not UTF-8 kept as surrogates, so that the row holding them, not the manifest, fails
        with path.open(newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ManifestError(f"{path} lacks the column(s) {', '.join(missing)}; it needs "
                                    f"{', '.join(REQUIRED_COLUMNS)}")
            return list(_entries(reader))
    except (OSError, csv.Error) as error:
        raise ManifestError(f"{path} cannot be read: {getattr(error, 'strerror', None) or error}") from None


def _entries(reader: csv.DictReader):
    row = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # the reader goes on with the next line
            row += 1
            yield Entry("", None, "", "", row, f"the CSV line cannot be read ({error})")
            continue
        row += 1
        yield _entry(record, row)


def _entry(record: dict, row: int) -> Entry:
    values = {column: record.get(column) for column in REQUIRED_COLUMNS}
    url = (values["url"] or "").strip()
    lacking = [column for column in REQUIRED_COLUMNS if values[column] is None]
    fault = None
    if lacking:
        fault = f"the row lacks the field(s) {', '.join(lacking)}"
    elif any(re.search("[\udc80-\udcff]", value) for value in values.values() if value):
        fault = "the row is not valid UTF-8"
    elif not url:
        fault = "the row has no url"
    strip = {column: (value or "").strip() for column, value in values.items()}
    return Entry(url, strip["sha256"].lower() or None, strip["municipality"], strip["year"], row, fault)


def fetch_all(entries: list[Entry], dest: Path, politeness: Politeness = Politeness(),
              report=lambda outcome: None) -> list[Outcome]:
    dest.mkdir(parents=True, exist_ok=True)
    outcomes = []
    requested = False
    first_of: dict[str, int] = {}  # report name -> its first manifest row
    for entry in entries:
        try:
            outcome, asked = _outcome(entry, dest, politeness, first_of, requested)
        except Exception as error:  # noqa: BLE001 - whatever a hostile row provokes is that row's failure
            outcome, asked = Outcome(entry, "failed", None, f"{type(error).__name__}: {error}"), False
        requested = requested or asked
        outcomes.append(outcome)
        report(outcome)
    return outcomes


def _outcome(entry: Entry, dest: Path, politeness: Politeness, first_of: dict[str, int],
             requested: bool) -> tuple[Outcome, bool]:
    """The row's outcome, and whether the server was asked."""
    refusal = entry.fault or _refusal(entry, dest)
    if refusal:
        return Outcome(entry, "failed", None, refusal), False
    earlier = first_of.setdefault(_name(entry, ""), entry.row)
    if earlier != entry.row:
        return Outcome(entry, "failed", None, f"manifest row {entry.row} names the same report as row {earlier} "
                                              f"({_name(entry, '')}); only row {earlier} is fetched"), False
    present, stale = _present(entry, dest)
    if present is not None:
        return Outcome(entry, "present", present), False
    if requested:
        time.sleep(politeness.delay)
    outcome = _fetch(entry, dest, politeness)
    if stale and outcome.status == "downloaded":
        outcome = Outcome(entry, outcome.status, outcome.path, f"replaced {stale}")
    return outcome, True


def _refusal(entry: Entry, dest: Path) -> str | None:
    """Why the row is not fetched at all, or None."""
    try:
        parsed = urlparse(entry.url)
        parsed.port  # noqa: B018 - raises for a port that is no number or out of range
    except ValueError as error:
        return f"the URL cannot be parsed ({error})"
    if parsed.scheme.lower() not in SCHEMES:
        return "only http and https URLs are fetched"
    target = (dest / _name(entry, ".part")).resolve()
    if target.parent != dest.resolve():
        return "the manifest row names a file outside the destination"
    return None


def _name(entry: Entry, suffix: str) -> str:
    """`<municipality slug>-<year>`, every part reduced to letters, digits and dashes, of bounded length."""
    stem = f"{slug(entry.municipality)}-{_safe(entry.year)}" if entry.municipality and entry.year else \
        _safe(PurePosixPath(urlparse(entry.url).path).stem)
    stem = stem.strip("-") or "report"
    if len(stem) > _LONGEST_STEM:  # cut, with a digest of the whole so that two long names stay two
        stem = f"{stem[:_LONGEST_STEM - 9]}-{hashlib.sha256(stem.encode()).hexdigest()[:8]}"
    return stem + suffix


def _safe(part: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", part).strip("-")


def _url_suffix(url: str) -> str | None:
    suffix = PurePosixPath(urlparse(url).path).suffix.lower()
    return suffix if suffix in BY_SUFFIX else None


def _present(entry: Entry, dest: Path) -> tuple[Path | None, str]:
    """The report's file when it is there and whole; else None, with what was there instead, if anything."""
    stale = ""
    own = _url_suffix(entry.url)
    for suffix in [own] if own else sorted(BY_SUFFIX):
        path = dest / _name(entry, suffix)
        if not path.is_file():
            continue
        if entry.sha256 is not None:
            if _sha256(path) == entry.sha256:
                return path, ""
            stale = f"{path.name}, which did not match the manifest's sha256"
        elif suffix in PDF_SUFFIXES and not starts_like_pdf(path):
            stale = f"{path.name}, which was not a PDF"
        else:
            return path, ""
    return None, stale


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fetch(entry: Entry, dest: Path, politeness: Politeness) -> Outcome:
    part = dest / (_name(entry, _url_suffix(entry.url) or ".download") + ".part")
    bounds = Bounds(politeness.timeout, politeness.deadline, politeness.max_mb * 2 ** 20, politeness.clock)
    started = bounds.clock()
    last_error = ""
    for attempt in range(politeness.retries + 1):
        if attempt:
            time.sleep(politeness.delay * 2 ** (attempt - 1))
            if bounds.clock() - started > bounds.deadline:
                return Outcome(entry, "failed", None, f"{last_error}; no more attempts: the report's --deadline of "
                                                      f"{bounds.deadline:g} seconds has passed")
        try:
            content_type = download(entry.url, part, bounds, started)
            suffix = _url_suffix(entry.url) or _CONTENT_TYPES.get(content_type or "", PDF_SUFFIXES[0])
            if entry.sha256 is None and suffix in PDF_SUFFIXES and not starts_like_pdf(part):
                discard(part)
                return Outcome(entry, "failed", None, "the server sent something that is not a PDF "
                                                      f"(it does not start with %PDF; {content_type or 'no type'})")
        except Refused as refused:
            return Outcome(entry, "failed", None, str(refused))
        except Incomplete as error:
            last_error = str(error)
            continue
        except urllib.error.HTTPError as error:
            last_error = f"HTTP {error.code} {error.reason}"
            if not _worth_retrying(error):
                break
            continue
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, ConnectionError, OSError) as error:
            last_error = f"{type(error).__name__}: {getattr(error, 'reason', error)}"
            continue
        return _kept(entry, part, dest / _name(entry, suffix))
    return Outcome(entry, "failed", None, f"{last_error} (after {attempt + 1} attempts)")


def _worth_retrying(error: urllib.error.HTTPError) -> bool:
    """A server error, a timeout or too many requests may pass; another refusal the server will not revise."""
    return error.code >= 500 or error.code in (408, 429)


def _kept(entry: Entry, part: Path, target: Path) -> Outcome:
    """The whole download put in place as `target`, where it is the file the manifest names."""
    if entry.sha256 is not None and _sha256(part) != entry.sha256:
        discard(part)
        return Outcome(entry, "failed", None, "the downloaded file does not match the manifest's sha256")
    finish(part, target)
    return Outcome(entry, "downloaded", target)
