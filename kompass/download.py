"""One file downloaded into `<name>.part`: resumed only when the server proves it is the same file, bounded
in size and time, following redirects only to http(s).

A download records the server's validator of the file (a strong ETag, else
Last-Modified) beside the part (`<name>.part.json`, with the URL). A later
attempt asks for the rest with Range and If-Range: the server sends the rest
only if the file is still the one of the validator, and the whole file
otherwise. A part without a validator (the server gave none, or an older
kompass left it), or one of another URL, is started over. The rest is asked
for from a kilobyte before the part's end, and those bytes must come back as
the part has them, else the server sent another file after all (one that
ignores If-Range) and the download is started over. So a stale part of
another file is never spliced onto this one.

Every download is capped (`Bounds.max_bytes`: an endless reply stops there
and leaves nothing) and has a deadline for the whole report besides the
timeout of each read, so a server that trickles a byte now and then cannot
hold the fetch for ever.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

from extract.pdf import looks_like_pdf
from kompass import __version__

SCHEMES = ("http", "https")
_CHUNK = 1 << 16
_OVERLAP = 1024  # bytes of the part asked for again on resuming, to see that the server sends the same file


class Incomplete(Exception):
    """The transfer did not give the whole file (cut short, resumed elsewhere, not verified): may pass."""


class Refused(Exception):
    """The download will not be made, however often it is tried: too large, too slow, a redirect off http(s)."""


@dataclass(frozen=True)
class Bounds:
    timeout: float  # seconds to wait for each reply and read
    deadline: float  # seconds one report's download may take, its retries included
    max_bytes: int
    clock: Callable[[], float]  # seconds, for the deadline


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to http and https URLs only (urllib would follow one to ftp)."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location and urlparse(urljoin(req.full_url, location)).scheme.lower() not in SCHEMES:
            raise Refused(f"the server redirected to {location!r}, which is not an http(s) URL; not followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def download(url: str, part: Path, bounds: Bounds, started: float) -> str | None:
    """Downloads `url` into `part`, resuming what is there when the server proves it the same file; returns the
    content type when the server says it.

    Raises Incomplete when the file's length differs from the one the server announced or a resumption turns out
    to be of another file, Refused when the download is too large or too slow, urllib's errors for the rest.
    """
    offset, validator = _resumable(url, part)
    start = offset - min(_OVERLAP, offset)
    request = urllib.request.Request(url, headers={"User-Agent": f"kompass/{__version__} (research data)"})
    if offset:
        request.add_header("Range", f"bytes={start}-")
        request.add_header("If-Range", validator)
        overlap = _bytes(part, start, offset)
    with _OPENER.open(request, timeout=bounds.timeout) as response:
        resumed = response.status == 206
        if resumed and not (response.headers.get("Content-Range") or "").startswith(f"bytes {start}-"):
            discard(part)
            raise Incomplete("the server resumed at another place than asked")
        if not resumed:
            _record_validator(url, part, response.headers)
        expected = _total(response.headers) if resumed else _length(response.headers)
        if expected is not None and expected > bounds.max_bytes:
            discard(part)
            raise Refused(f"the server announces {expected / 2 ** 20:.1f} MB, more than --max-mb "
                          f"{bounds.max_bytes // 2 ** 20}; not downloaded")
        if resumed:
            os.truncate(part, start)
        size = _receive(response, part, start if resumed else 0, bounds, started)
        if resumed and _bytes(part, start, offset) != overlap:
            discard(part)
            raise Incomplete("the server's bytes before the resumption are not the part's: it sent another file; "
                             "started over")
        if expected is not None and size != expected:
            raise Incomplete(f"the transfer ended after {size} of {expected} bytes")
        return response.headers.get_content_type()


def _receive(response, part: Path, size: int, bounds: Bounds, started: float) -> int:
    """Appends the reply to `part` (or writes it afresh when `size` is 0); returns the part's size."""
    with part.open("ab" if size else "wb") as handle:
        # read1: what has arrived, so the deadline is checked however slowly the bytes come
        for chunk in iter(lambda: response.read1(_CHUNK), b""):
            size += len(chunk)
            if size > bounds.max_bytes:
                handle.close()
                discard(part)
                raise Refused(f"the reply goes on past --max-mb {bounds.max_bytes // 2 ** 20}; stopped and "
                              "removed")
            handle.write(chunk)
            if bounds.clock() - started > bounds.deadline:
                raise Refused(f"the download took longer than --deadline {bounds.deadline:g} seconds; stopped "
                              "(the part is resumed next time if the server allows)")
    return size


def discard(part: Path) -> None:
    """Removes a part and its validator."""
    part.unlink(missing_ok=True)
    _validator_file(part).unlink(missing_ok=True)


def finish(part: Path, target: Path) -> None:
    """The whole download in its place; its validator is of no more use."""
    part.replace(target)
    _validator_file(part).unlink(missing_ok=True)


def starts_like_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        return looks_like_pdf(handle.read(1024))


def _validator_file(part: Path) -> Path:
    return part.with_name(part.name + ".json")


def _resumable(url: str, part: Path) -> tuple[int, str]:
    """How much of the file `part` holds and the validator to prove it by; (0, "") starts over."""
    try:
        recorded = json.loads(_validator_file(part).read_text(encoding="utf-8"))
        offset = part.stat().st_size
    except (OSError, ValueError):
        recorded, offset = {}, 0
    validator = recorded.get("validator") if isinstance(recorded, dict) and recorded.get("url") == url else None
    if not (offset and isinstance(validator, str) and validator):
        discard(part)
        return 0, ""
    return offset, validator


def _record_validator(url: str, part: Path, headers) -> None:
    """Keeps what proves the file's identity to a later resumption: a strong ETag, else Last-Modified."""
    etag = headers.get("ETag") or ""
    validator = etag if etag and not etag.startswith("W/") else headers.get("Last-Modified")
    if validator:
        _validator_file(part).write_text(json.dumps({"url": url, "validator": validator}), encoding="utf-8")
    else:
        _validator_file(part).unlink(missing_ok=True)


def _bytes(path: Path, start: int, end: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(start)
        return handle.read(end - start)


def _total(headers) -> int | None:
    """The whole file's length from Content-Range ("bytes 100-199/200", "bytes */200")."""
    total = (headers.get("Content-Range") or "").rpartition("/")[2]
    return int(total) if total.isdigit() else None


def _length(headers) -> int | None:
    length = headers.get("Content-Length")
    return int(length) if length and length.isdigit() else None
