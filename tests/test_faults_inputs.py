"""Hostile inputs: every path gets an outcome, sources keep distinct names, a damaged page costs only itself."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pdfplumber.page
import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import NameObject, NumberObject

from extract import read_document
from helpers.paths import RAW_DIR
from helpers.pdfbuild import LEFT, PdfBuilder
from helpers.runs import read_tables
from kompass.cli import main
from kompass.inputs import find_inputs

SOLLENTUNA_2018 = RAW_DIR / "000_c7b2db4eead6c9d1.txt"


def _extract(*args: str):
    return CliRunner().invoke(main, ["extract", *args, "--no-cache"])


def _outcomes(out: Path) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for row in read_tables(out)["problems"]:
        found.setdefault(row["source_path"], set()).add((row["code"], row["severity"]))
    return found


def test_every_odd_path_in_an_input_folder_is_a_problem_row(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SOLLENTUNA_2018, root / "good.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")
    result = _extract(str(root), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert _outcomes(tmp_path / "out") == {
        "pipe.txt": {("not_a_regular_file", "warning")},
        "loop.txt": {("unreadable_file", "error")},
        "dangling.pdf": {("unreadable_file", "error")},
        "notes.docx": {("file_skipped", "info")},
        "good.txt": {("findings_columns_lost", "warning"), ("findings_kind_from_wording", "info"),
                     ("truncated_report", "warning")},
    }
    messages = {p["source_path"]: p["message"] for p in read_tables(tmp_path / "out")["problems"]}
    assert messages["loop.txt"] == "loop.txt cannot be read: a symbolic link loop."
    assert messages["dangling.pdf"] == "dangling.pdf cannot be read: a link to nothing."
    assert [r["source_path"] for r in read_tables(tmp_path / "out")["reports"]] == ["good.txt"]


def test_a_path_over_the_system_limit_is_a_problem_row(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SOLLENTUNA_2018, root / "good.txt")
    folder = os.open(root, os.O_RDONLY)
    for _ in range(25):  # 25 x 201 characters: past PATH_MAX (4096), made relative to open folders
        os.mkdir("d" * 200, dir_fd=folder)
        inner = os.open("d" * 200, os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = inner
    os.close(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=folder))
    os.close(folder)
    result = _extract(str(root), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    [deep] = [p for p in read_tables(tmp_path / "out")["problems"] if p["code"] == "path_too_long"]
    assert deep["severity"] == "error" and deep["message"].endswith("the path is longer than the system allows.")
    assert [r["source_path"] for r in read_tables(tmp_path / "out")["reports"]] == ["good.txt"]


def test_an_unreadable_folder_is_a_problem(tmp_path, monkeypatch):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    monkeypatch.setenv("KOMPASS_FAULT", "read_folder:eacces")  # as root, chmod would not stop scandir
    found = find_inputs([tmp_path / "in"])
    assert found.sources == []
    assert [(path, p.code, p.message) for path, p in found.skipped] == [
        (str(tmp_path / "in"), "unreadable_file", f"The folder {tmp_path / 'in'} cannot be read: permission denied.")]


def test_utf16_text_is_read_as_the_report_it_is(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    text = SOLLENTUNA_2018.read_text(encoding="utf-8")
    (root / "utf8.txt").write_text(text, encoding="utf-8")
    (root / "utf16.txt").write_bytes(text.encode("utf-16"))
    _extract(str(root), "--out", str(tmp_path / "out"))
    problems = read_tables(tmp_path / "out")["problems"]
    [duplicate] = [p for p in problems if p["code"] == "duplicate_report"]
    assert (duplicate["source_path"], duplicate["report_id"]) == ("utf8.txt", "sollentuna-2018")
    assert not [p for p in problems if p["severity"] == "error"]


def test_the_datasets_own_files_are_never_inputs(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SOLLENTUNA_2018, root / "r.txt")
    out = root / "dataset"
    _extract(str(root), "--out", str(out))
    assert CliRunner().invoke(main, ["report", str(out)]).exit_code == 0
    assert (out / "report.html").exists()
    (root / ".dataset.staging-1").mkdir()
    (root / ".dataset.staging-1" / "x.txt").write_text("half", encoding="utf-8")
    assert [source for _, source in find_inputs([root], out).sources] == ["r.txt"]
    result = _extract(str(root), "--out", str(out))
    assert "kompass: 1 document (1 read, 0 reparsed, 0 reused; 0 failed)" in result.output, result.output
    assert {p["source_path"] for p in read_tables(out)["problems"]} == {"r.txt"}


def test_same_named_files_in_two_inputs_keep_distinct_source_paths(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SOLLENTUNA_2018, tmp_path / folder / "r.txt")
    _extract(str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out"))
    tables = read_tables(tmp_path / "out")
    assert [r["source_path"] for r in tables["reports"]] == ["a/r.txt"]
    [duplicate] = [p for p in tables["problems"] if p["code"] == "duplicate_report"]
    assert duplicate["source_path"] == "b/r.txt"
    assert duplicate["message"] == ("Another input (a/r.txt) is the same report; that one was published instead "
                                    "because its path sorts first.")
    keys = [(p["source_path"], p["code"], p["page"], p["message"]) for p in tables["problems"]]
    assert len(keys) == len(set(keys))


def test_a_copy_padded_with_junk_does_not_win_for_its_rows(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    text = SOLLENTUNA_2018.read_text(encoding="utf-8")
    junk = "\n".join(f"Styrkor Rad {n} utan mening Förbättringsmöjligheter skräp {n}" for n in range(200))
    (root / "a_padded.txt").write_text(text + "\n" + junk + "\n", encoding="utf-8")
    (root / "z_clean.txt").write_text(text, encoding="utf-8")
    _extract(str(root), "--out", str(tmp_path / "out"))
    tables = read_tables(tmp_path / "out")
    assert [r["source_path"] for r in tables["reports"]] == ["z_clean.txt"]
    [duplicate] = [p for p in tables["problems"] if p["code"] == "duplicate_report"]
    assert duplicate["source_path"] == "a_padded.txt"
    # the junk's findings leave more items unplaced, which costs warnings and unknown kinds, never rows
    assert duplicate["message"].endswith(("because it has fewer warnings.",
                                          "because it has fewer findings of unknown kind."))


def _three_page_pdf(path: Path) -> Path:
    pdf = PdfBuilder()
    for number in (1, 2, 3):
        pdf.text(LEFT, 100, f"Sida {number} av rapporten om Täby kommun")
        if number < 3:
            pdf.new_page()
    return pdf.save(path)


def _failing_page(number: int, error: BaseException) -> property:
    """pdfplumber's characters of a page, failing on page `number` as a damaged page does."""
    chars = pdfplumber.page.Page.chars

    def read(page):
        if page.page_number == number:
            raise error
        return chars.fget(page)
    return property(read)


def test_an_unreadable_page_is_a_warning_and_the_other_pages_are_kept(tmp_path, monkeypatch):
    path = _three_page_pdf(tmp_path / "r.pdf")
    monkeypatch.setattr(pdfplumber.page.Page, "chars", _failing_page(2, KeyError("/Font")))
    document = read_document(path, "r.pdf", pdf_reader="pdfplumber")
    assert [(page.number, [line.text for line in page.lines]) for page in document.pages] == [
        (1, ["Sida 1 av rapporten om Täby kommun"]), (2, []), (3, ["Sida 3 av rapporten om Täby kommun"])]
    assert [(p.code, p.severity, p.page) for p in document.problems] == [("page_unreadable", "warning", 2)]


def test_a_page_tree_entry_that_is_no_page_is_an_unreadable_page(tmp_path):
    writer = PdfWriter(clone_from=_three_page_pdf(tmp_path / "whole.pdf"))
    kids = writer.root_object["/Pages"]["/Kids"]
    kids[1] = kids[1].get_object()["/Resources"].raw_get("/Font")  # the entry leads to the page's fonts
    writer.write(tmp_path / "r.pdf")
    document = read_document(tmp_path / "r.pdf", "r.pdf", pdf_reader="pdfium")
    assert [(page.number, [line.text for line in page.lines]) for page in document.pages] == [
        (1, ["Sida 1 av rapporten om Täby kommun"]), (2, []), (3, ["Sida 3 av rapporten om Täby kommun"])]
    assert [(p.code, p.page, p.message) for p in document.problems] == [
        ("page_unreadable", 2,
         "r.pdf: page 2 cannot be read (its entry in the page tree is no page); it was left out.")]


def test_a_blank_page_is_no_unreadable_page(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Sida 1 av rapporten om Täby kommun")
    pdf.new_page()  # nothing drawn on page 2
    pdf.new_page()
    pdf.text(LEFT, 100, "Sida 3 av rapporten om Täby kommun")
    document = read_document(pdf.save(tmp_path / "r.pdf"), "r.pdf", pdf_reader=reader)
    assert [len(page.lines) for page in document.pages] == [1, 0, 1]
    assert document.problems == []


def test_a_memory_blow_up_on_a_page_is_not_called_damage(tmp_path, monkeypatch):
    path = _three_page_pdf(tmp_path / "r.pdf")
    monkeypatch.setattr(pdfplumber.page.Page, "chars", _failing_page(2, MemoryError()))
    with pytest.raises(MemoryError):
        read_document(path, "r.pdf", pdf_reader="pdfplumber")


def test_a_page_tree_that_loses_pages_says_so_in_the_dataset(tmp_path):
    writer = PdfWriter(clone_from=_three_page_pdf(tmp_path / "whole.pdf"))
    writer._root_object["/Pages"][NameObject("/Count")] = NumberObject(5)  # two pages the tree cannot reach
    root = tmp_path / "in"
    root.mkdir()
    writer.write(root / "r.pdf")
    _extract(str(root), "--out", str(tmp_path / "out"), "--pdf-reader", "pdfplumber")  # PDFium repairs the tree
    problems = read_tables(tmp_path / "out")["problems"]
    assert [(p["code"], p["severity"]) for p in problems if p["code"] == "pages_missing"] == [
        ("pages_missing", "warning")]
    assert "declares 5 pages but its page tree leads to 3" in next(
        p["message"] for p in problems if p["code"] == "pages_missing")


def test_names_with_newlines_or_escape_sequences_are_printed_quoted(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    forged = "x\nkompass: 9 documents (9 read, 0 reparsed, 0 reused; 0 failed), 9 reports written.txt"
    for name in (forged, "\x1b[2Jclear.txt"):
        (root / name).write_text("Inget här är en rapport.", encoding="utf-8")
    result = _extract(str(root), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    progress, lines = [], []
    for line in result.output.splitlines():
        (progress if line.startswith(("kompass: 1/2 done, ", "kompass: 2/2 done, ")) else lines).append(line)
    assert len(progress) == 2 and all(line.endswith("'") for line in progress)  # the names quoted there too
    assert [line for line in lines if line.startswith("kompass: failed: ")] == [
        f"kompass: failed: {name!r}: unknown_layout: " + next(
            p["message"] for p in read_tables(tmp_path / "out")["problems"] if p["source_path"] == name)
        for name in sorted((forged, "\x1b[2Jclear.txt"))]
    assert len(lines) == 3 and lines[-1].startswith("kompass: 2 documents (2 read")  # no forged summary line
    assert "\x1b" not in result.output
    assert {row["source_path"] for row in read_tables(tmp_path / "out")["documents"]} == {forged, "\x1b[2Jclear.txt"}
