"""Small hand-made reports, used by the layout, pipeline and duplicate tests."""
from __future__ import annotations

MINI_MARKDOWN = """KOMMUNKOMPASSEN ANALYS AV TÄBY KOMMUN 2017

2017-05-02

UTVÄRDERARE: ANNA BERG, SKL OCH PER EK, SOLNA STAD

Innehåll

1. Vad är Kommunkompassen?\t3
3. Detaljerad genomgång per område\t4
Område 1 Offentlighet och demokrati\t4
Område 7 Ständiga förbättringar\t5

1 Vad är Kommunkompassen?

Kommunkompassen är ett verktyg. Utvärderingen genomfördes i mars 2017 och var kommunens första utvärdering.

3. Detaljerad genomgång per område

Område 1 OFFENTLIGHET OCH DEMOKRATI

Rubriker\tPoäng
<ul style="list-style-type: none">• Strategi för demokrati• Information till medborgare\t64

Allmänt

En kommun är en politiskt styrd organisation med många uppgifter att sköta.

Styrkor\tFörbättringsmöjligheter
<ul style="list-style-type: none"> • Öppna nämndsmöten • Webbsändningar av KF\t<ul style="list-style-type: none"> • Medborgardialog • Synpunktshantering

Område 7 STÄNDIGA FÖRBÄTTRINGAR

Rubriker\tPoäng
<ul style="list-style-type: none">• Kvalitetsarbete\t55

Allmänt

Kommunen arbetar med ständiga förbättringar i hela organisationen.

Styrkor\tFörbättringsmöjligheter
<ul style="list-style-type: none"> • Lean i vården\t<ul style="list-style-type: none"> • Innovationer
"""

_HEAD = "Sveriges Kommuner och Landsting 2017-05-02 {} (6)"
MINI_FLAT_PAGES = [
    "KommunKompassen ANALYS AV TÄBY KOMMUN 2017 Anna Berg, SKL Per Ek, Solna stad",
    _HEAD.format(2) + " Innehåll 1 Vad är Kommunkompassen?... 3 3 Detaljerad genomgång per område... 4 "
    "Område 1 Offentlighet och demokrati... 4 Område 7 Ständiga förbättringar... 5 "
    "4. Översikt av poängfördelning... 6",
    _HEAD.format(3) + " 1 Vad är Kommunkompassen? Kommunkompassen är ett verktyg. Utvärderingen genomfördes "
    "i mars 2017 och var kommunens första utvärdering.",
    _HEAD.format(4) + " 3 Detaljerad genomgång per område Område 1 Offentlighet och demokrati Rubriker "
    "Strategi för demokrati Information till medborgare Poäng 64 Allmänt En kommun är en politiskt styrd "
    "organisation. Resultatet har ökat jämfört med 2014 (55 poäng). Styrkor Öppna nämndsmöten "
    "Webbsändningar av KF Förbättringsmöjligheter Medborgardialog via webben Synpunktshantering",
    _HEAD.format(5) + " Område 7 Ständiga förbättringar Rubriker Kvalitetsarbete Poäng 55 Allmänt Kommunen "
    "arbetar med förbättringar. Styrkor Lean i vården Förbättringsmöjligheter Innovationer",
    _HEAD.format(6) + " 4. Översikt av poängfördelning Tabellerna nedan visar resultatet. 1. Offentlighet och "
    "demokrati Uppnått Max Procent 1.1 Finns en plan/strategi för demokratiutveckling och information? "
    "11 15 75 % 1.2 Informeras invånarna om aktuella frågor i politiken? 17 20 87 % 64 100 64 %",
]
MINI_FLAT = "\n".join(MINI_FLAT_PAGES) + "\n"
