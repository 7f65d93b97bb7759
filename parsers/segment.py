"""Splitting a list whose bullets were lost ("A b c D e F g") into its items.

Flattened renderings print the items of a list one after the other with nothing
between them. Each item starts with a capital letter, and inside an item a
capital follows a word that binds it to what comes before ("via SKL", "i
Sollentuna", "av KF") or stands inside parentheses. So a new item starts at a
capitalized word that follows a free word at parenthesis depth zero.
"""
from __future__ import annotations

import regex as re

# Words after which a capitalized word continues the same item.
_BINDING = frozenset("""
i på av till för med och samt eller via om från mot inom enligt hos vid under efter ur kring
mellan utan genom både som en ett den det de är att per bland än inför utifrån gällande avseende
trots åt t.ex. exv. bl.a. dvs. m.fl. s.k. ex. resp. respektive eller/och mm. typ
""".split())
_ITEM_START = re.compile(r"^[(\"”“'«]*\p{Lu}")
# Glyphs that only ever mark list items, and dashes that mark them when a list opens with one.
_BULLETS = re.compile(r"\s*[•▪●◦➢➤■►\uf0b7\uf0a7\uf0d8\uf076\uf0fc]\s*")
_DASH_BULLET = re.compile(r"^\s*([–—-])\s")
_ACRONYM_IN_PARENTHESES = re.compile(r"^\(\p{Lu}[\p{Lu}\d-]*\)")  # "(KF)", "(SKL)" continue an item
_CONTINUES = (",", ";", ":", "-", "–", "—", "/", "&", "+")


def split_list(text: str) -> list[str]:
    """The items of a flattened list, by its bullets where they survived, else by capitals.

    A dash is a bullet only when the list opens with one, and then only where an
    item can start after it: "– Kontaktcenter – från ax till limpa" is one item.
    """
    if _BULLETS.search(text):
        return [item.strip() for item in _BULLETS.split(text) if item.strip()]
    dash = _DASH_BULLET.match(text)
    if dash:
        pattern = re.compile(rf"(?:^|\s){re.escape(dash.group(1))}\s+(?=[(\"”“'«]*\p{{Lu}})")
        return [item.strip() for item in pattern.split(text) if item.strip()]
    return split_items(text)


def split_items(text: str) -> list[str]:
    """The items of a flattened list without bullets, in order."""
    tokens = text.split()
    items: list[list[str]] = []
    depth = 0
    for token in tokens:
        if items and depth == 0 and starts_item(items[-1][-1], token):
            items.append([token])
        elif items:
            items[-1].append(token)
        else:
            items.append([token])
        depth = max(0, depth + token.count("(") - token.count(")"))
    return [" ".join(item) for item in items]


def starts_item(previous: str, token: str) -> bool:
    if not _ITEM_START.match(token) or _ACRONYM_IN_PARENTHESES.match(token):
        return False
    if previous.endswith(_CONTINUES):
        return False
    return previous.casefold() not in _BINDING
