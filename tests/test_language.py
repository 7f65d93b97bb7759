"""Lemmas for text analysis and the cue-based guess for findings of unknown kind."""
from __future__ import annotations

import mmap
import subprocess
import sys
from pathlib import Path

import pytest

from domain import lexicon
from domain.datafiles import data_file
from domain.lexicon import open_table, packed_table
from normalize.language import kind_guess, lemmas


def test_lemmas_are_lower_case_without_stop_words():
    [found] = lemmas(["Utveckla tydliga kanaler vid misstanke om korruption"])
    assert found == ["utveckla", "tydlig", "kanal", "misstanke", "korruption"]


# Findings of the sample reports and their lemmas, each checked as Swedish: stop words ("med", "för att",
# "bland annat") left out, punctuation split off, a word the table does not know kept as it is.
SAMPLE_FINDINGS = {
    "Regelbunden utvärdering av hemsidan": ["regelbunden", "utvärdering", "hemsida"],
    "Arbetet med revisionsrapporter och externa granskningar":
        ["arbete", "revisionsrapporter", "extern", "granskning"],
    "Stärkt helhetsfokus i koncernen (moderbolag, ledarskap, ramavtal)":
        ["stärka", "helhetsfokus", "koncern", "moderbolag", "ledarskap", "ramavtal"],
    "Inkludera politiken i policy/regelverk kring etiskt förhållningssätt":
        ["inkludera", "politik", "policy", "regelverk", "etisk", "förhållningssätt"],  # "kring": a function word
    "Använda resultat för kundnöjdhet mellan verksamheter för att utveckla tjänster":
        ["använda", "resultat", "kundnöjdhet", "verksamhet", "utveckla", "tjänst"],
    "Samverkan med bland annat företag för att öka turismen - ökar turismen?":
        ["samverkan", "företag", "öka", "turism", "öka", "turism"],
    "Dialogforum för chefer för att diskutera resultat": ["dialogforum", "chef", "diskutera", "resultat"],
    "Politiskt grundad vision och värdegrund": ["politisk", "grunda", "vision", "värdegrund"],
    "Stort utbud av e-tjänster": ["utbud", "e-tjänster"],
    "Jämställdhets- och mångfaldsarbete": ["jämställdhet", "mångfaldsarbete"],  # a shortened compound
    "Tydliga överskott- och underskottsregler": ["tydlig", "överskott", "underskottsregler"],
    "Dialog via webben samt möten, t.ex. kring budget": ["dialog", "webb", "möte", "budget"],
}


def test_lemmas_of_sample_findings():
    assert lemmas(list(SAMPLE_FINDINGS)) == list(SAMPLE_FINDINGS.values())


def test_lemmas_of_no_texts_do_not_read_the_table():
    lexicon.lemma_table.cache_clear()
    assert lemmas([]) == []
    assert lexicon.lemma_table.cache_info().currsize == 0


def test_lemmas_do_not_load_spacy():
    code = "import sys; from normalize.language import lemmas; lemmas(['Målen nås']); print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_lemma_table_finds_its_first_last_and_escaped_entries_and_no_others():
    table = lexicon.lemma_table()
    assert [table.get(word) for word in ("A-bombens", "övärlds", "roll-on/roll-off-fartygen", "kommunerna")] == [
        "A-bomb", "övärld", "roll-on/roll-off-fartyg", "kommun"]
    assert [table.get(word) for word in ("", "A", "zzzz", "ööööö", 'a"b')] == [None] * 5


def test_stop_words_are_spacys_swedish_list_and_the_function_words_it_lacks():
    lines = data_file("stop_words_sv.txt").read_text(encoding="utf-8").splitlines()
    added = next(i for i, line in enumerate(lines) if line.startswith("# Added by kompass"))
    spacys = {line for line in lines[:added] if not line.startswith("#")}
    ours = {line for line in lines[added:] if not line.startswith("#")}
    assert len(spacys) == 386 and not spacys & ours
    assert {"och", "att", "för", "med", "bland", "annat"} <= spacys
    assert {"kring", "samt", "via", "såväl", "t.ex"} <= ours
    assert lexicon.stop_words() == spacys | ours
    assert "mål" not in lexicon.stop_words()


@pytest.mark.parametrize("text, guess", [
    ("Utveckla tydliga kanaler vid misstanke om korruption externt", "improvement"),
    ("Tydliggör roller inom ledningsfunktioner", "improvement"),
    ("Öka andelen e-tjänster", "improvement"),
    ("Strategi för medborgardialog saknas", "improvement"),
    ("Politiken bör informeras", "improvement"),
    ("Tydliga delegationer gällande såväl ekonomi som personal", "strength"),
    ("Fungerande internkontrollarbete", "strength"),
    ("Ledarskapsakademin", None),
])
def test_kind_guess_from_explicit_cues(text, guess):
    found, reason = kind_guess(text)
    assert found == guess
    assert (reason is None) == (guess is None)


def test_guess_reason_names_the_cue():
    assert kind_guess("Utveckla/förbättra möjligheter")[1] == 'starts with the verb "Utveckla"'


def test_sample_findings_have_lemmas_and_unknown_ones_a_guess_but_keep_their_kind(extracted):
    findings = extracted.tables["findings"]
    assert all(row["lemmas"] and all(lemma == lemma.lower() for lemma in row["lemmas"]) for row in findings)
    unknown = [row for row in findings if row["kind"] == "unknown"]
    assert unknown and any(row["kind_guess"] for row in unknown)
    assert all(row["kind_guess"] is None and row["kind_guess_reason"] is None
               for row in findings if row["kind"] != "unknown")


# The domain's frequent words, as they stand and inflected: nouns keep their noun lemma.
NOUN_LEMMAS = {
    "mål": "mål", "målen": "mål", "styrning": "styrning", "styrningen": "styrning", "uppföljning": "uppföljning",
    "uppföljningen": "uppföljning", "medarbetare": "medarbetare", "medarbetarna": "medarbetare", "kommun": "kommun",
    "kommunens": "kommun", "verksamhet": "verksamhet", "verksamheter": "verksamhet", "förbättring": "förbättring",
    "förbättringar": "förbättring", "brukare": "brukare", "brukarna": "brukare", "resultat": "resultat",
    "resultaten": "resultat", "nämnd": "nämnd", "nämnderna": "nämnd", "plan": "plan", "planer": "plan",
    "uppdrag": "uppdrag", "stöd": "stöd", "roll": "roll", "roller": "roll",
    "ledare": "ledare", "bemötande": "bemötande", "kommunfullmäktige": "kommunfullmäktige", "vård": "vård",
}


@pytest.mark.parametrize("word, lemma", NOUN_LEMMAS.items())
def test_domain_nouns_keep_their_noun_lemma(word, lemma):
    assert lemmas([word]) == [[lemma]]


def test_verbs_keep_their_verb_lemma():
    assert lemmas(["Minska målen, leda och visa"]) == [["minska", "mål", "leda", "visa"]]


PACKED = Path(str(packed_table()))
FORMS = ("A-bombens", "roll-on/roll-off-fartygen", "kommunerna", "målen", "övärlds", "zzzz")


def test_lemma_table_is_unpacked_once_into_the_cache_and_read_from_there(tmp_path):
    in_memory = open_table(PACKED, None)
    mapped = open_table(PACKED, tmp_path)
    [copy] = tmp_path.iterdir()
    assert copy.stat().st_size == len(in_memory.data)
    assert [mapped.get(form) for form in FORMS] == [in_memory.get(form) for form in FORMS] == [
        "A-bomb", "roll-on/roll-off-fartyg", "kommun", "mål", "övärld", None]
    made = copy.stat().st_mtime_ns
    open_table(PACKED, tmp_path)
    assert copy.stat().st_mtime_ns == made


def test_a_damaged_copy_of_the_lemma_table_is_made_again(tmp_path):
    open_table(PACKED, tmp_path)
    [copy] = tmp_path.iterdir()
    copy.write_bytes(copy.read_bytes()[:1000])  # cut short, as by a full disk
    assert open_table(PACKED, tmp_path).get("kommunerna") == "kommun"
    assert copy.stat().st_size > 20_000_000


def test_lemma_table_is_read_in_memory_where_no_copy_can_be_kept(tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("", encoding="utf-8")
    table = open_table(PACKED, blocked / "kompass")
    assert not isinstance(table.data, mmap.mmap)
    assert table.get("kommunerna") == "kommun"
