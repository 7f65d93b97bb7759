"""Getting the archive: the reports a manifest lists, downloaded politely and verified.

The manifest is a CSV with the columns url, sha256 (may be empty),
municipality and year. Each report is saved as `<municipality slug>-<year>.<ext>`
in the destination. A download goes to `<name>.part` first and is resumed with
an HTTP Range request after an interruption; failures that may pass (timeouts,
5xx, 429) are retried with a growing pause; a file whose checksum does not
match is not kept. Files already present (with the right checksum, when one
is given) are not fetched again.
"""
from __future__ import annotations

import csv
import hashlib
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
    for entry in entries:
        present = _present(entry, dest)
        if present is not None:
            outcome = Outcome(entry, "present", present)
        else:
            if requested:
                time.sleep(politeness.delay)
            outcome = _fetch(entry, dest, politeness)
            requested = True
        outcomes.append(outcome)
        report(outcome)
    return outcomes


def _name(entry: Entry, suffix: str) -> str:
    stem = f"{slug(entry.municipality)}-{entry.year}" if entry.municipality and entry.year else \
        PurePosixPath(urlparse(entry.url).path).stem or "report"
    return stem + suffix


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
        except urllib.error.HTTPError as error:
            last_error = f"HTTP {error.code} {error.reason}"
            if error.code < 500 and error.code not in (408, 429):
                break  # the server will not change its mind
            continue
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            last_error = f"{type(error).__name__}: {getattr(error, 'reason', error)}"
            continue
        if entry.sha256 is not None and _sha256(part) != entry.sha256:
            part.unlink()
            return Outcome(entry, "failed", None, "the downloaded file does not match the manifest's sha256")
        suffix = _url_suffix(entry.url) or _CONTENT_TYPES.get(content_type or "", ".pdf")
        target = dest / _name(entry, suffix)
        part.replace(target)
        return Outcome(entry, "downloaded", target)
    return Outcome(entry, "failed", None, f"{last_error} (after {attempt + 1} attempts)")


def _download(url: str, part: Path, timeout: float) -> str | None:
    """Downloads into `part`, resuming what is there; returns the content type when the server says it."""
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
        return response.headers.get_content_type()
