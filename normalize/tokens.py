"""The words of a lower-cased text, split as spaCy's Swedish tokenizer splits them.

Lemmas used to come from spaCy's tokenizer (spaCy 3.7, `spacy.blank("sv")`);
loading spaCy for it cost 0.55 CPU s and 70 MB per run. This keeps the part of
its rules that these texts meet, and gives the same words on every finding of
the corpus and the sample (the test pins them): text is split at white space;
punctuation and quotes are peeled off each piece's ends, and a full stop off
its end, unless what is left is one of spaCy's Swedish abbreviations ("t.ex.",
"bl.a."); the rest is split where Swedish infix rules split it ("a/b", "a,b",
"a(b"). A hyphen, a full stop or a colon inside a word keeps it whole
("e-tjänster", "kommun.se", "s:t"), and so does a web address.
"""
from __future__ import annotations

import regex as re

# spaCy's Swedish abbreviations (spacy/lang/sv/tokenizer_exceptions.py, MIT licence), each also with a
# full stop after it, and the months' and weekdays' short forms, lower-cased: a full stop after them
# stays part of the word.
_ABBREVIATIONS = """
ang anm bl.a d.v.s doc dvs e.d e.kr el. eng etc exkl ev f. f.d f.kr f.n f.ö fid fig forts fr.o.m förf inkl iofs
jur. kap kl kor. kr kungl lat m.a.o m.fl m.m max milj min. mos mt mvh o.d o.s.v obs osv p.g.a proc prof ref resp
s.a.s s.k s.t sid t.ex t.h t.o.m t.v tel ung. vol v. äv övers
""".split()
_KEPT_WHOLE = frozenset(
    _ABBREVIATIONS + [word + "." for word in _ABBREVIATIONS if not word.endswith(".")]
    + "jan. febr. feb. apr. jun. aug. sept. sep. okt. nov. dec. mån. tis. ons. tors. fre. lör. m/s s:t".split()
    # spaCy's language-independent exceptions: a letter with a full stop ("punkt a."); "i." and "m." are
    # split in Swedish, as sentences end in them
    + [letter + "." for letter in "abcdefghjklnopqrstuvwxyzäöü"]
)
_PREFIX = re.compile(r"[…,:;!?¿¡()\[\]{}<>_#*&'\"”“`‘´’‚„»«「」『』§%=—–$£€¥₽]|\+(?![0-9])|\.\.+|\p{So}")
# units spaCy splits from a number before them ("10km"), longest first
_UNITS = "|".join(sorted("km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft kg g mg µg t lb oz "
                         "m/s km/h kmh mph mbar mb kb gb tb".split(), key=len, reverse=True))
_SUFFIX = re.compile(r"(?:[…,:;!?¿¡()\[\]{}<>_#*&\"”“`‘´’‚„»«「」『』—–]|(?<=[^sxz])'|(?<=[0-9])(?:[+%€$£]|"
                     + _UNITS + r")|(?<=[^\p{Lu}])\.|\.\.+|\p{So})$")
_INFIX = re.compile(r"(\.\.+|…|\p{So}|(?<=\p{L})(?:[,!?<>=()\[\]\"”“`‘´’‚„»«「」『』]|--)(?=\p{L})"
                    r"|(?<=[\p{L}0-9])[<>=/](?=\p{L}))")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


def words(text: str) -> list[str]:
    """The tokens of a lower-cased text, punctuation among them."""
    found: list[str] = []
    for piece in text.split():
        found += _split(piece)
    return found


def _split(piece: str) -> list[str]:
    prefixes: list[str] = []
    suffixes: list[str] = []
    while piece and piece not in _KEPT_WHOLE:
        if (prefix := _PREFIX.match(piece)) and prefix.end() < len(piece):
            prefixes.append(prefix.group())
            piece = piece[prefix.end():]
        elif (suffix := _SUFFIX.search(piece)) and suffix.start() > 0:
            suffixes.insert(0, suffix.group())
            piece = piece[:suffix.start()]
        else:
            break
    if piece in _KEPT_WHOLE or _WEB_ADDRESS.fullmatch(piece):
        middle = [piece]
    else:
        middle = [part for part in _INFIX.split(piece) if part]
    return prefixes + middle + suffixes
