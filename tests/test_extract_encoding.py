"""extract.encoding: a text file's characters, from a byte-order mark, UTF-8, Windows-1252, or UTF-8 with a few
lines that are not."""
from __future__ import annotations

from extract import read_document
from extract.encoding import decode
from parsers import parse


def test_decode_reads_utf8_with_bom():
    assert decode("\ufeffHärdin".encode("utf-8")) == ("Härdin", [])


def test_decode_reads_utf16_by_its_byte_order_mark():
    assert decode("Härdin".encode("utf-16")) == ("Härdin", [])


def test_decode_falls_back_to_windows_1252():
    assert decode("Örnsköldsvik – Härdin".encode("cp1252")) == ("Örnsköldsvik – Härdin", [])


def test_windows_1252_letters_in_a_utf8_file_are_read_as_those_letters_with_a_warning():
    """A line pasted from an older export turned the whole file into Windows-1252: every "ä" became "Ã¤"."""
    utf8 = "Område 1 Offentlighet och demokrati\nStyrkor: Öppna nämndsmöten, webbsändningar av fullmäktige\n"
    text, problems = decode(utf8.encode() + "Förbättringar – två\n".encode("cp1252"))
    assert text == utf8 + "Förbättringar – två\n"
    assert [(p.code, p.severity) for p in problems] == [("text_encoding_mended", "warning")]
    assert problems[0].message == ("The file is UTF-8 but for 4 bytes on line 3: 4 read as the Windows-1252 "
                                   "letters or marks they are (a paste from an older export), 0 replaced by U+FFFD.")


def test_stray_bytes_in_a_utf8_file_become_replacement_characters_on_their_lines_only():
    lines = ["Område 1 Offentlighet och demokrati", "En kommun är en politiskt styrd organisation",
             "Förbättringsmöjligheter: Öppna nämndsmöten"]
    # a character cut in two and a stray byte before "är"
    text, problems = decode("\n".join(lines).encode().replace("är".encode(), b"\xc3 \xff" + "är".encode()))
    assert text.splitlines() == [lines[0], "En kommun \ufffd \ufffdär en politiskt styrd organisation", lines[2]]
    assert problems[0].message.startswith("The file is UTF-8 but for 2 bytes on line 2: 0 read as")


def test_the_samples_text_copy_with_a_few_bytes_that_are_not_utf8_keeps_its_report(raw_dir, tmp_path):
    """Read as Windows-1252, the copy was no report ("not a report": unknown_layout)."""
    source = raw_dir / "000_c7b2db4eead6c9d1.txt"
    lines = source.read_bytes().split(b"\n")
    lines[7] = lines[7].decode().encode("cp1252")  # a page pasted from an older export
    lines[9] = lines[9].replace(b" viktiga ", b" viktiga \xff ", 1)  # a stray byte between two words
    damaged = tmp_path / source.name
    damaged.write_bytes(b"\n".join(lines))
    plain, read = (read_document(path, path.name) for path in (source, damaged))
    assert [line.text for page in read.pages for line in page.lines] == [
        line.text.replace(" viktiga ", " viktiga \ufffd ", 1) if line.page == 10 else line.text
        for page in plain.pages for line in page.lines]
    problem, = read.problems
    assert problem.code == "text_encoding_mended" and "on lines 8, 10:" in problem.message
    report = parse(read)
    assert (report.municipality, report.year, [(area.area_no, area.score) for area in report.areas]) == (
        "SOLLENTUNA", 2018, [(area.area_no, area.score) for area in parse(plain).areas])
