"""`kompass fetch` against a local HTTP server: retries, resumption, checksums, a clear report."""
from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from conftest import PDF_DIR
from kompass import fetch as fetch_module
from kompass.cli import main

REPORT = (PDF_DIR / "b" / "kk-41b95ded6824.pdf").read_bytes()
SHA = hashlib.sha256(REPORT).hexdigest()


class _Server(ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str | None]] = []  # path, Range header
        self.failures: dict[str, int] = {}  # path -> 503 answers still to give

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.server.requests.append((self.path, self.headers.get("Range")))
        if self.server.failures.get(self.path, 0) > 0:
            self.server.failures[self.path] -= 1
            self.send_error(503, "Busy")
            return
        if self.path == "/missing.pdf":
            self.send_error(404, "Not Found")
            return
        body = REPORT
        start = 0
        if self.headers.get("Range"):
            start = int(self.headers["Range"].split("=")[1].rstrip("-"))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        self.wfile.write(body[start:])

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = _Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(fetch_module.time, "sleep", waits.append)
    return waits


def _manifest(tmp_path, rows):
    path = tmp_path / "manifest.csv"
    path.write_text("url,sha256,municipality,year\n" + "".join(f"{u},{s},{m},{y}\n" for u, s, m, y in rows),
                    encoding="utf-8")
    return path


def _fetch(tmp_path, manifest, *extra):
    return CliRunner().invoke(main, ["fetch", str(manifest), "--dest", str(tmp_path / "raw"), *extra])


def test_downloads_verifies_and_names_by_municipality_and_year(tmp_path, server, no_waiting):
    manifest = _manifest(tmp_path, [(f"{server.base}/a.pdf", SHA, "Upplands Väsby", 2011),
                                    (f"{server.base}/b", "", "Örnsköldsvik", 2017)])
    result = _fetch(tmp_path, manifest)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "raw" / "upplands-vasby-2011.pdf").read_bytes() == REPORT
    assert (tmp_path / "raw" / "ornskoldsvik-2017.pdf").read_bytes() == REPORT  # suffix from Content-Type
    assert result.output.splitlines()[-1] == "kompass fetch: 2 downloaded, 0 already present, 0 failed"
    assert no_waiting == [1.0]  # a polite pause between the two requests, none before the first


def test_files_already_present_are_not_fetched_again(tmp_path, server):
    manifest = _manifest(tmp_path, [(f"{server.base}/a.pdf", SHA, "Sollentuna", 2015)])
    _fetch(tmp_path, manifest)
    server.requests.clear()
    result = _fetch(tmp_path, manifest)
    assert server.requests == []
    assert "present    sollentuna-2015.pdf" in result.output


def test_a_passing_failure_is_retried(tmp_path, server, no_waiting):
    server.failures["/flaky.pdf"] = 2
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/flaky.pdf", SHA, "Vallentuna", 2019)]))
    assert result.exit_code == 0
    assert [path for path, _ in server.requests] == ["/flaky.pdf"] * 3
    assert no_waiting == [1.0, 2.0]  # the pause grows with each retry


def test_a_partial_download_is_resumed(tmp_path, server):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "sollentuna-2018.pdf.part").write_bytes(REPORT[:1000])
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/r.pdf", SHA, "Sollentuna", 2018)]))
    assert result.exit_code == 0
    assert server.requests == [("/r.pdf", "bytes=1000-")]
    assert (raw / "sollentuna-2018.pdf").read_bytes() == REPORT
    assert not (raw / "sollentuna-2018.pdf.part").exists()


def test_failures_are_reported_and_set_the_exit_status(tmp_path, server):
    manifest = _manifest(tmp_path, [(f"{server.base}/missing.pdf", "", "Täby", 2016),
                                    (f"{server.base}/wrong.pdf", "0" * 64, "Tyresö", 2014),
                                    (f"{server.base}/ok.pdf", SHA, "Tjörn", 2017)])
    result = _fetch(tmp_path, manifest, "--retries", "1")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"failed     {server.base}/missing.pdf: HTTP 404 Not Found (after 1 attempts)" in lines
    assert f"failed     {server.base}/wrong.pdf: the downloaded file does not match the manifest's sha256" in lines
    assert lines[-1] == "kompass fetch: 1 downloaded, 0 already present, 2 failed"
    assert sorted(p.name for p in (tmp_path / "raw").iterdir()) == ["tjorn-2017.pdf"]
    assert [path for path, _ in server.requests].count("/missing.pdf") == 1  # a 404 is not retried


def test_a_manifest_without_the_columns_is_a_usage_error(tmp_path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("link,year\nhttp://x,2011\n", encoding="utf-8")
    result = _fetch(tmp_path, manifest)
    assert result.exit_code == 2
    assert "lacks the column(s) url, sha256, municipality" in result.output
