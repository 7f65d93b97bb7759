"""Getting the archive: the reports a manifest lists, downloaded politely and verified.

The manifest is a CSV with the columns url, sha256 (may be empty),
municipality and year. Each report is saved as `<municipality slug>-<year>.<ext>`
in the destination. A download goes to `<name>.part` first and is resumed with
an HTTP Range request after an interruption; failures that may pass (timeouts,
5xx, 429, a transfer cut short) are retried with a growing pause. Files already
present (with the right checksum, when one is given) are not fetched again.

A manifest is not trusted: only http(s) URLs are fetched (a file:// row could
copy any local file), every name is made of the slug of its parts and must lie
inside the destination, and a row naming the same report as an earlier one is
reported, not fetched. A download is kept only whole: its checksum matches
when the manifest gives one; otherwise its length matches what the server
announced and a PDF starts like one (an error page served as a PDF is not
kept). A `.part` left by an earlier run is resumed only if it starts like the
file it is part of.
"""
from __future__ import annotations

import csv
import hashlib
import http.client
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from kompass import __version__
from domain.municipalities import slug

REQUIRED_COLUMNS = ("url", "sha256", "municipality", "year")
_SUFFIXES = {".pdf", ".txt", ".md", ".html", ".htm"}
_CONTENT_TYPES = {"application/pdf": ".pdf", "text/plain": ".txt", "text/markdown": ".md", "text/html": ".html"}
_CHUNK = 1 << 16
_SCHEMES = ("http", "https")
_PDF_MARK = b"%PDF"
_HEAD = 1024  # PDF readers accept bytes before the %PDF mark, so do we


class _Incomplete(Exception):
    """The server sent fewer or more bytes than it announced, or not the kind of file expected."""


class ManifestError(Exception):
    """The manifest cannot be used."""


@dataclass(frozen=True)
class Entry:
    url: str
    sha256: str | None
    municipality: str
    year: str


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
    timeout: float = 60.0


def read_manifest(path: Path) -> list[Entry]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ManifestError(f"{path} lacks the column(s) {', '.join(missing)}; it needs "
                                f"{', '.join(REQUIRED_COLUMNS)}")
        return [Entry(row["url"].strip(), (row["sha256"] or "").strip().lower() or None,
                      row["municipality"].strip(), row["year"].strip()) for row in reader if row["url"].strip()]


def fetch_all(entries: list[Entry], dest: Path, politeness: Politeness = Politeness(),
              report=lambda outcome: None) -> list[Outcome]:
    dest.mkdir(parents=True, exist_ok=True)
    outcomes = []
    requested = False
    first_of: dict[str, int] = {}  # report name -> its first manifest row
    for row, entry in enumerate(entries, start=1):
        refusal = _refusal(entry, dest)
        earlier = first_of.setdefault(_name(entry, ""), row)
        present = None if refusal or earlier != row else _present(entry, dest)
        if refusal:
            outcome = Outcome(entry, "failed", None, refusal)
        elif earlier != row:
            outcome = Outcome(entry, "failed", None, f"manifest row {row} names the same report as row {earlier} "
                                                     f"({_name(entry, '')}); only row {earlier} is fetched")
        elif present is not None:
            outcome = Outcome(entry, "present", present)
        else:
            if requested:
                time.sleep(politeness.delay)
            outcome = _fetch(entry, dest, politeness)
            requested = True
        outcomes.append(outcome)
        report(outcome)
    return outcomes


def _refusal(entry: Entry, dest: Path) -> str | None:
    """Why the row is not fetched at all, or None."""
    if urlparse(entry.url).scheme.lower() not in _SCHEMES:
        return "only http and https URLs are fetched"
    target = (dest / _name(entry, ".part")).resolve()
    if target.parent != dest.resolve():
        return "the manifest row names a file outside the destination"
    return None


def _name(entry: Entry, suffix: str) -> str:
    """`<municipality slug>-<year>`, every part reduced to letters, digits and dashes."""
    stem = f"{slug(entry.municipality)}-{_safe(entry.year)}" if entry.municipality and entry.year else \
        _safe(PurePosixPath(urlparse(entry.url).path).stem)
    return (stem.strip("-") or "report") + suffix


def _safe(part: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", part).strip("-")


def _url_suffix(url: str) -> str | None:
    suffix = PurePosixPath(urlparse(url).path).suffix.lower()
    return suffix if suffix in _SUFFIXES else None


def _present(entry: Entry, dest: Path) -> Path | None:
    for suffix in [_url_suffix(entry.url)] if _url_suffix(entry.url) else sorted(_SUFFIXES):
        path = dest / _name(entry, suffix)
        if path.exists() and (entry.sha256 is None or _sha256(path) == entry.sha256):
            return path
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fetch(entry: Entry, dest: Path, politeness: Politeness) -> Outcome:
    part = dest / (_name(entry, _url_suffix(entry.url) or ".download") + ".part")
    last_error = ""
    for attempt in range(politeness.retries + 1):
        if attempt:
            time.sleep(politeness.delay * 2 ** (attempt - 1))
        try:
            content_type = _download(entry.url, part, politeness.timeout)
            suffix = _url_suffix(entry.url) or _CONTENT_TYPES.get(content_type or "", ".pdf")
            if entry.sha256 is None and suffix == ".pdf" and not _starts_like_pdf(part):
                part.unlink()
                return Outcome(entry, "failed", None, "the server sent something that is not a PDF "
                                                      f"(it does not start with %PDF; {content_type or 'no type'})")
        except _Incomplete as error:
            last_error = str(error)
            continue
        except urllib.error.HTTPError as error:
            last_error = f"HTTP {error.code} {error.reason}"
            if error.code < 500 and error.code not in (408, 429):
                break  # the server will not change its mind
            continue
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, ConnectionError, OSError) as error:
            last_error = f"{type(error).__name__}: {getattr(error, 'reason', error)}"
            continue
        if entry.sha256 is not None and _sha256(part) != entry.sha256:
            part.unlink()
            return Outcome(entry, "failed", None, "the downloaded file does not match the manifest's sha256")
        target = dest / _name(entry, suffix)
        part.replace(target)
        return Outcome(entry, "downloaded", target)
    return Outcome(entry, "failed", None, f"{last_error} (after {attempt + 1} attempts)")


def _download(url: str, part: Path, timeout: float) -> str | None:
    """Downloads into `part`, resuming what is there; returns the content type when the server says it.

    Raises _Incomplete when the file's length differs from the one the server announced.
    """
    if part.exists() and _url_suffix(url) in (".pdf", None) and not _starts_like_pdf(part):
        part.unlink()  # a stale part of something else (an error page): start again
    offset = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"User-Agent": f"kompass/{__version__} (research data)"})
    if offset:
        request.add_header("Range", f"bytes={offset}-")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        if error.code == 416 and offset:  # nothing left to send: the part is whole
            return None
        raise
    with response:
        resumed = response.status == 206
        with part.open("ab" if resumed else "wb") as handle:
            for chunk in iter(lambda: response.read(_CHUNK), b""):
                handle.write(chunk)
        expected = _announced_size(response.headers, resumed)
        if expected is not None and part.stat().st_size != expected:
            raise _Incomplete(f"the transfer ended after {part.stat().st_size} of {expected} bytes")
        return response.headers.get_content_type()


def _announced_size(headers, resumed: bool) -> int | None:
    """The whole file's length as the server announced it (Content-Range total, or Content-Length)."""
    if resumed:
        total = (headers.get("Content-Range") or "").rpartition("/")[2]
        return int(total) if total.isdigit() else None
    length = headers.get("Content-Length")
    return int(length) if length and length.isdigit() else None


def _starts_like_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        return _PDF_MARK in handle.read(_HEAD)
