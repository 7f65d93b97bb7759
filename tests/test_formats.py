"""extract.formats: the one registry of source formats, and what is derived from it."""
from __future__ import annotations

from pathlib import Path

from extract import read_document
from extract.formats import BY_SUFFIX, FORMATS, RENDERINGS, format_of, is_pdf, named_suffixes
from parsers import LAYOUT_FAMILIES, read_layout


def test_every_format_has_suffixes_a_reader_renderings_and_a_layout_family():
    for source_format in FORMATS:
        assert source_format.suffixes and all(s.startswith(".") and s == s.lower() for s in source_format.suffixes)
        assert callable(source_format.read)
        assert source_format.renderings
        assert source_format.layout in LAYOUT_FAMILIES
        assert "/" in source_format.content_type
    assert len(BY_SUFFIX) == sum(len(f.suffixes) for f in FORMATS)  # no suffix declares two formats
    assert len(set(RENDERINGS)) == len(RENDERINGS)  # a rendering belongs to one format and so to one family
    assert len({f.name for f in FORMATS}) == len(FORMATS)
    assert set(LAYOUT_FAMILIES) == {f.layout for f in FORMATS}  # no family without a format that uses it


def test_a_suffix_names_its_format_in_any_case():
    assert format_of(Path("r.HTM")).name == "html"
    assert format_of(Path("r.Pdf")).name == "pdf"
    assert format_of(Path("r.docx")) is None
    assert named_suffixes() == ".pdf, .txt, .md or .html"


def test_a_pdf_is_told_by_its_name_or_by_its_bytes():
    assert is_pdf(Path("r.pdf"), b"")
    assert is_pdf(Path("r.txt"), b"junk before the header %PDF-1.7")
    assert not is_pdf(Path("r.txt"), b"x" * 1024 + b"%PDF-1.7")  # beyond the first kilobyte: text


def test_each_sample_is_read_by_its_suffixs_format_and_laid_out_by_its_family(raw_dir):
    for path in sorted(raw_dir.iterdir()):
        document = read_document(path, path.name)
        source_format = format_of(path)
        assert document.format == source_format.name
        assert document.rendering in source_format.renderings
        assert read_layout(document).blocks, path.name


def test_the_texts_that_list_the_suffixes_name_every_format():
    """The registry's meanings and the contract say the suffixes in words; a format added must be added there."""
    from domain.problems import problem_codes

    contract = (Path(__file__).resolve().parent.parent / "docs" / "datasets.md").read_text(encoding="utf-8")
    texts = [problem_codes()["unsupported_format"].meaning, problem_codes()["file_skipped"].meaning,
             next(line for line in contract.splitlines() if "searched recursively for" in line)]
    for text in texts:
        assert [f.suffixes[0] for f in FORMATS if f.suffixes[0] not in text] == [], text
