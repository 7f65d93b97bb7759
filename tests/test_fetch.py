"""`kompass fetch` against a local HTTP server: retries, resumption, checksums, a clear report."""
from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from helpers.paths import PDF_DIR
from kompass import fetch as fetch_module
from kompass.cli import main

REPORT = (PDF_DIR / "b" / "kk-41b95ded6824.pdf").read_bytes()
OTHER = (PDF_DIR / "b" / "kk-436cfa6354e9.pdf").read_bytes()  # another report, longer than REPORT
SHA = hashlib.sha256(REPORT).hexdigest()
HALF = len(REPORT) // 2


class _Server(ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str | None]] = []  # path, Range header
        self.failures: dict[str, int] = {}  # path -> 503 answers still to give
        self.truncations: dict[str, int] = {}  # path -> answers still to cut off in the middle
        self.bodies: dict[str, bytes] = {}  # path -> the file served there (else REPORT)
        self.ignores_if_range = False  # a broken server: sends the rest of whatever it has now
        self.release = threading.Event()  # lets a trickling answer end

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
        if self.path == "/error-page.pdf":  # a portal's "not found" page served with a PDF's type
            self._reply(200, b"<html><body>Sidan finns inte</body></html>")
            return
        if self.path in _HOSTILE:
            _HOSTILE[self.path](self)
            return
        body = self.server.bodies.get(self.path, REPORT)
        validator = None if self.path.startswith("/no-validator") else f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        start = 0
        if self.headers.get("Range") and (self.headers.get("If-Range") == validator or self.server.ignores_if_range):
            start = int(self.headers["Range"].split("=")[1].rstrip("-"))
        if start >= len(body) > 0:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{len(body)}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        if validator:
            self.send_header("ETag", validator)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if self.server.truncations.get(self.path, 0) > 0:
            self.server.truncations[self.path] -= 1
            self.wfile.write(body[start:start + HALF])  # then the connection closes
            return
        self.wfile.write(body[start:])

    def _reply(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _endless(self) -> None:
        """An answer without a length that never ends."""
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.end_headers()
        try:
            self.wfile.write(b"%PDF-1.4\n")
            while True:
                self.wfile.write(b"0" * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(10 * 2 ** 30))
        self.end_headers()

    def _trickle(self) -> None:
        """The start of the file, then nothing until the test ends (a server sending a byte now and then)."""
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(REPORT)))
        self.end_headers()
        self.wfile.write(REPORT[:100])
        self.wfile.flush()
        self.server.release.wait()

    def log_message(self, *args):
        pass


_HOSTILE = {"/endless.pdf": _Handler._endless, "/huge.pdf": _Handler._huge, "/trickle.pdf": _Handler._trickle,
            "/to-ftp.pdf": lambda handler: handler._reply(302, b"", Location="ftp://127.0.0.1/r.pdf"),
            "/to-file.pdf": lambda handler: handler._reply(302, b"", Location="file:///etc/passwd")}


@pytest.fixture(name="server")
def serve():
    """The local HTTP server of these tests (a fixture other fetch tests import)."""
    httpd = _Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(name="no_waiting", autouse=True)
def no_pauses(monkeypatch):
    """fetch's pauses recorded, not waited (a fixture other fetch tests import)."""
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


def test_a_part_without_its_servers_validator_is_started_over(tmp_path, server):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "sollentuna-2018.pdf.part").write_bytes(OTHER[:1000])  # the start of another PDF, left by a killed fetch
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/r.pdf", "", "Sollentuna", 2018)]))
    assert result.exit_code == 0
    assert server.requests == [("/r.pdf", None)]
    assert (raw / "sollentuna-2018.pdf").read_bytes() == REPORT
    assert sorted(path.name for path in raw.iterdir()) == ["sollentuna-2018.pdf"]


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


# A hostile or broken manifest and server: nothing outside --dest, nothing kept that is not whole.

def test_a_file_url_copies_nothing(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("lösenord", encoding="utf-8")
    result = _fetch(tmp_path, _manifest(tmp_path, [(secret.as_uri(), "", "Täby", 2016),
                                                   ("ftp://127.0.0.1/r.pdf", "", "Tyresö", 2016)]))
    assert result.exit_code == 1
    assert result.output.count("only http and https URLs are fetched") == 2
    assert list((tmp_path / "raw").iterdir()) == []


def test_a_year_with_a_path_in_it_stays_inside_dest(tmp_path, server):
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/a.pdf", SHA, "Täby", "../../escaped")]))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["manifest.csv", "taby-escaped.pdf"]
    assert (tmp_path / "raw" / "taby-escaped.pdf").read_bytes() == REPORT


def test_an_error_page_served_as_a_pdf_is_not_kept(tmp_path, server):
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/error-page.pdf", "", "Täby", 2016)]))
    assert result.exit_code == 1
    assert "not a PDF (it does not start with %PDF; application/pdf)" in result.output
    assert list((tmp_path / "raw").iterdir()) == []


def test_a_transfer_cut_short_is_resumed_not_kept(tmp_path, server):
    server.truncations["/cut.pdf"] = 1
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/cut.pdf", "", "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert server.requests == [("/cut.pdf", None), ("/cut.pdf", f"bytes={HALF - 1024}-")]  # from a KB before the cut
    assert (tmp_path / "raw" / "taby-2016.pdf").read_bytes() == REPORT


def test_a_transfer_always_cut_short_fails_and_keeps_only_the_part_and_its_validator(tmp_path, server):
    server.truncations["/cut.pdf"] = 99
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/cut.pdf", "", "Täby", 2016)]), "--retries", "1")
    assert result.exit_code == 1
    assert "failed     " in result.output and "(after 2 attempts)" in result.output
    assert sorted(p.name for p in (tmp_path / "raw").iterdir()) == ["taby-2016.pdf.part", "taby-2016.pdf.part.json"]


@pytest.mark.parametrize(("left", "said"), [
    ("taby-2016.pdf.part", "downloaded taby-2016.pdf"),  # not resumed
    ("taby-2016.pdf", "downloaded taby-2016.pdf: replaced taby-2016.pdf, which was not a PDF"),  # not "present"
])
def test_an_error_page_left_as_the_report_or_its_part_is_replaced(tmp_path, server, left, said):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / left).write_bytes(b"<html>Gateway Timeout</html>")
    result = _fetch(tmp_path, _manifest(tmp_path, [(f"{server.base}/r.pdf", "", "Täby", 2016)]))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == said
    assert server.requests == [("/r.pdf", None)]
    assert sorted(path.name for path in raw.iterdir()) == ["taby-2016.pdf"]
    assert (raw / "taby-2016.pdf").read_bytes() == REPORT


def test_two_rows_for_the_same_report_are_reported_and_only_the_first_fetched(tmp_path, server):
    manifest = _manifest(tmp_path, [(f"{server.base}/first.pdf", "", "Täby", 2016),
                                    (f"{server.base}/second.pdf", "", "Täby", 2016)])
    result = _fetch(tmp_path, manifest)
    assert result.exit_code == 1
    assert [path for path, _ in server.requests] == ["/first.pdf"]
    assert "manifest row 2 names the same report as row 1 (taby-2016); only row 1 is fetched" in result.output
