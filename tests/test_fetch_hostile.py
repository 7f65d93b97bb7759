"""`kompass fetch` against hostile servers and manifests (a local HTTP server, no timing): no spliced file is
kept, no reply fills the disk or holds the fetch for ever, no redirect leaves http(s), every bad row is its
own failure line and the rows after it are fetched."""
from __future__ import annotations

import hashlib
import itertools
import json

from test_fetch import HALF, OTHER, REPORT, SHA, _fetch, _manifest, no_pauses, serve  # noqa: F401 - fixtures

from kompass.fetch import Politeness, fetch_all, read_manifest

OVERLAP = 1024  # what a resumption asks for again (kompass.download)


def _validated_part(tmp_path, url: str, body: bytes) -> None:
    """A part and its validator as an interrupted fetch of `url` leaves them, the server having had `body`."""
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    (raw / "taby-2016.pdf.part").write_bytes(body[:HALF])
    validator = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
    (raw / "taby-2016.pdf.part.json").write_text(json.dumps({"url": url, "validator": validator}), encoding="utf-8")


def test_a_part_is_resumed_only_with_if_range_and_the_file_it_proves(tmp_path, server):
    url = f"{server.base}/r.pdf"
    _validated_part(tmp_path, url, REPORT)
    result = _fetch(tmp_path, _manifest(tmp_path, [(url, "", "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert server.requests == [("/r.pdf", f"bytes={HALF - OVERLAP}-")]  # a kilobyte again, to compare
    assert (tmp_path / "raw" / "taby-2016.pdf").read_bytes() == REPORT
    assert sorted(p.name for p in (tmp_path / "raw").iterdir()) == ["taby-2016.pdf"]


def test_a_part_of_a_file_the_server_no_longer_has_is_replaced_by_the_whole_new_one(tmp_path, server):
    url = f"{server.base}/r.pdf"
    _validated_part(tmp_path, url, OTHER)  # the server had another file then: If-Range does not match
    result = _fetch(tmp_path, _manifest(tmp_path, [(url, "", "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "raw" / "taby-2016.pdf").read_bytes() == REPORT


def test_a_part_of_another_url_is_started_over(tmp_path, server):
    _validated_part(tmp_path, f"{server.base}/elsewhere.pdf", REPORT)
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/r.pdf", "", "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert server.requests == [("/r.pdf", None)]


def test_a_spliced_file_from_a_server_that_ignores_if_range_is_started_over(tmp_path, server):
    url = f"{server.base}/r.pdf"
    server.bodies["/r.pdf"] = OTHER
    server.ignores_if_range = True  # it sends the rest of OTHER after the start of REPORT
    _validated_part(tmp_path, url, REPORT)
    result = _fetch(tmp_path, _manifest(tmp_path, [(url, "", "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert server.requests == [("/r.pdf", f"bytes={HALF - OVERLAP}-"), ("/r.pdf", None)]
    assert (tmp_path / "raw" / "taby-2016.pdf").read_bytes() == OTHER


def test_a_part_that_is_already_whole_is_finished_after_its_last_kilobyte_is_compared(tmp_path, server):
    url = f"{server.base}/r.pdf"
    _validated_part(tmp_path, url, REPORT)
    (tmp_path / "raw" / "taby-2016.pdf.part").write_bytes(REPORT)
    result = _fetch(tmp_path, _manifest(tmp_path, [(url, SHA, "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert server.requests == [("/r.pdf", f"bytes={len(REPORT) - OVERLAP}-")]
    assert (tmp_path / "raw" / "taby-2016.pdf").read_bytes() == REPORT


def test_a_server_without_validators_is_never_resumed(tmp_path, server):
    server.truncations["/no-validator.pdf"] = 1
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/no-validator.pdf", "", "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert server.requests == [("/no-validator.pdf", None), ("/no-validator.pdf", None)]
    assert (tmp_path / "raw" / "taby-2016.pdf").read_bytes() == REPORT


def test_an_endless_reply_stops_at_the_cap_and_leaves_nothing(tmp_path, server):
    manifest = _manifest(tmp_path, [(f"{server.base}/endless.pdf", "", "Täby", 2016),
                                    (f"{server.base}/huge.pdf", "", "Tyresö", 2016)])
    result = _fetch(tmp_path, manifest, "--max-mb", "1")
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"failed     {server.base}/endless.pdf: the reply goes on past --max-mb 1; stopped and removed",
        f"failed     {server.base}/huge.pdf: the server announces 10240.0 MB, more than --max-mb 1; not downloaded"]
    assert list((tmp_path / "raw").iterdir()) == []
    assert [path for path, _ in server.requests] == ["/endless.pdf", "/huge.pdf"]  # neither retried


def test_a_trickling_server_meets_the_deadline(tmp_path, server):
    ticks = itertools.count(0, 1000)  # each look at the clock: 1000 s later
    entries = read_manifest(_manifest(tmp_path, [(f"{server.base}/trickle.pdf", "", "Täby", 2016)]))
    [outcome] = fetch_all(entries, tmp_path / "raw", Politeness(deadline=600, clock=lambda: next(ticks)))
    assert (outcome.status, outcome.detail) == ("failed", "the download took longer than --deadline 600 seconds; "
                                                          "stopped (the part is resumed next time if the server "
                                                          "allows)")
    assert server.requests == [("/trickle.pdf", None)]


def test_redirects_off_http_are_not_followed(tmp_path, server):
    manifest = _manifest(tmp_path, [(f"{server.base}/to-ftp.pdf", "", "Täby", 2016),
                                    (f"{server.base}/to-file.pdf", "", "Tyresö", 2016)])
    result = _fetch(tmp_path, manifest)
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"failed     {server.base}/to-ftp.pdf: the server redirected to 'ftp://127.0.0.1/r.pdf', which is not an "
        "http(s) URL; not followed",
        f"failed     {server.base}/to-file.pdf: the server redirected to 'file:///etc/passwd', which is not an "
        "http(s) URL; not followed"]
    assert list((tmp_path / "raw").iterdir()) == []


def test_hostile_rows_are_each_a_failure_line_and_the_rest_are_fetched(tmp_path, server):
    manifest = tmp_path / "manifest.csv"
    rows = [b"url,sha256,municipality,year", f"{server.base}/long.pdf,,{'Å' * 300},2016".encode(),
            f"{server.base}/short.pdf,,Täby".encode(), f"{server.base}/latin1.pdf,,T\xe4by,2017".encode("latin-1"),
            b"http://[::1,,Tyres\xc3\xb6,2016", f"{server.base}/a b.pdf,,Tjörn,2016".encode(),
            f'"{server.base}/{"x" * 200_000}.pdf",,Tanum,2016'.encode(), b"http://127.0.0.1:99999/r.pdf,,Vara,2016",
            b",,Sala,2016", f"{server.base}/last.pdf,,Solna,2016".encode()]
    manifest.write_bytes(b"\n".join(rows) + b"\n")
    result = _fetch(tmp_path, manifest)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    long_name = next(path.name for path in (tmp_path / "raw").iterdir() if path.name.startswith("aaa"))
    assert len(long_name) == 104 and long_name.endswith(".pdf")
    assert lines[0] == f"downloaded {long_name}"
    assert lines[1] == f"failed     {server.base}/short.pdf: the row lacks the field(s) year"
    assert lines[2] == f"failed     {server.base}/latin1.pdf: the row is not valid UTF-8"
    assert lines[3] == "failed     http://[::1: the URL cannot be parsed (Invalid IPv6 URL)"
    assert lines[4].startswith(f"failed     {server.base}/a b.pdf: InvalidURL: ")
    assert lines[5].startswith("failed     manifest row 6: the CSV line cannot be read (field larger than")
    assert lines[6] == "failed     http://127.0.0.1:99999/r.pdf: the URL cannot be parsed (Port out of range 0-65535)"
    assert lines[7] == "failed     manifest row 8: the row has no url"
    assert lines[8] == "downloaded solna-2016.pdf"
    assert lines[9] == "kompass fetch: 2 downloaded, 0 already present, 7 failed"
