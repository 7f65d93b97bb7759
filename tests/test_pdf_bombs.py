"""Decompression bombs: a PDF whose streams inflate to far more than any report's is refused before a reader
inflates it (stream_too_large), in one stream or spread over many; real reports pass. Peak memory is measured
by hand (see the README), not here."""
from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from extract import ExtractionError, read_document
from extract.streams import MOST_INFLATED, check_streams
from helpers.paths import PDF_DIR
from helpers.runs import read_tables, run_extract_cli

TEXT = b"BT /F1 12 Tf 72 720 Td (Omrade 1 Offentlighet och demokrati) Tj ET\n"


def _inflating_to(size: int) -> bytes:
    """Flate data of `size` spaces (made a piece at a time, so the test never holds them)."""
    deflater, piece, parts = zlib.compressobj(1), b" " * (1 << 24), []
    while size > 0:
        parts.append(deflater.compress(piece[:min(size, len(piece))]))
        size -= len(piece)
    return b"".join(parts) + deflater.flush()


def _bomb(path: Path, streams: list[bytes]) -> Path:
    """A one-page PDF whose page's content is a line of text and then the given Flate streams."""
    contents = [zlib.compress(TEXT), *streams]
    first = 5
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ["
               + b" ".join(b"%d 0 R" % (first + number) for number in range(len(contents)))
               + b"] /Resources << /Font << /F1 4 0 R >> >> >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               *(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
                 for data in contents)]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(pdf))
    return path


@pytest.fixture(scope="module")
def one_stream_bomb(tmp_path_factory) -> Path:
    return _bomb(tmp_path_factory.mktemp("bombs") / "bomb.pdf", [_inflating_to(MOST_INFLATED + 2 ** 20)])


def test_a_stream_that_inflates_past_the_budget_is_refused_by_every_reader(one_stream_bomb, reader):
    with pytest.raises(ExtractionError) as refused:
        read_document(one_stream_bomb, "bomb.pdf", pdf_reader=reader)
    assert refused.value.code == "stream_too_large"
    assert refused.value.message.startswith("bomb.pdf: the compressed streams of the PDF inflate to more than "
                                            "256 MB (at byte ")


def test_a_bomb_is_the_documents_error_and_the_rest_is_published(one_stream_bomb, tmp_path):
    (tmp_path / "in").mkdir()
    for path in (one_stream_bomb, PDF_DIR / "a" / "kk-0aecb26ddfde.pdf"):
        shutil.copy(path, tmp_path / "in")
    run = run_extract_cli(tmp_path / "in", out=tmp_path / "out")
    assert run.exit_code == 1
    documents = {row["source_path"]: (row["status"], row["error_code"]) for row in read_tables(run.out)["documents"]}
    assert documents["bomb.pdf"] == ("failed", "stream_too_large")
    assert documents["kk-0aecb26ddfde.pdf"] == ("partial", None)  # published, with its warnings


def test_streams_that_pass_the_budget_only_together_are_refused(tmp_path):
    hundred = _inflating_to(100 * 2 ** 20)
    bomb = _bomb(tmp_path / "many.pdf", [hundred, hundred, hundred])  # 300 MB on one page, 100 MB a stream
    with pytest.raises(ExtractionError) as refused:
        check_streams(bomb.read_bytes(), "many.pdf")
    assert refused.value.code == "stream_too_large"


def test_reports_and_a_large_stream_within_the_budget_pass(tmp_path):
    for path in sorted(PDF_DIR.rglob("*.pdf")):
        check_streams(path.read_bytes(), path.name)
    check_streams(_bomb(tmp_path / "large.pdf", [_inflating_to(MOST_INFLATED - 2 ** 20)]).read_bytes(), "large.pdf")
