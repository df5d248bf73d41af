"""Word lists -> regex pieces shared by the date, time and number grammars."""

from __future__ import annotations

import re
from itertools import groupby

# "p.m.", "PM", "a. m.": the meridiem after a clock time.
MER = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"


def words(text: str) -> frozenset[str]:
    """``"a b c"`` -> the set of its space-separated words."""
    return frozenset(text.split())


def ci(phrases: str) -> str:
    """``"since|prior to"`` -> a group matching each phrase with either first-letter case."""
    alts = (f"[{w[0].upper()}{w[0]}]{w[1:]}".replace(" ", r"\s+") for w in phrases.split("|"))
    return "(?:" + "|".join(alts) + ")"


def word_trie(literals: set[str]) -> str:
    """Literal words -> one regex that branches letter by letter, so a miss fails fast.

    The date and number grammars each run only where one of their first words begins.
    """

    def emit(group: list[str]) -> str:
        alts: list[str] = [
            re.escape(char) + emit([w[1:] for w in rest])
            for char, rest in groupby(sorted(w for w in group if w), key=lambda w: w[0])
        ]
        if len(alts) == 1 and "" not in group:
            return alts[0]
        return f"(?:{'|'.join(alts)}){'?' if '' in group else ''}" if alts else ""

    return emit(sorted(literals))


def in_url(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a web address or path ("/2013/may/03/", "www.")."""
    space = max(text.rfind(" ", max(0, pos - 200), pos), text.rfind("\n", max(0, pos - 200), pos))
    chunk = text[space + 1 : pos]
    return "/" in chunk or "www." in chunk
