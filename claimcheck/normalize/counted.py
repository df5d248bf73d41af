"""The words after a number -> the noun it counts ("46 U.S. attorneys": ``attorney``)."""

from __future__ import annotations

import re

from claimcheck.normalize.number_words import WORD_VALUES
from claimcheck.normalize.patterns import words

STOP = words(
    "of in on at for from to with by about into over under after before between during since "
    "across around against among per than as like through within without toward towards upon "
    "who whom whose which that where when while what why how and or but nor so yet if because "
    "the a an this these those their his her its our my your is are was were be been being have "
    "has had do does did will would could should may might must can shall said say says told "
    "not no also still each all more less most ago later earlier there here it he she they we "
    "you i them him us me percent per cent according only just including both either today "
    "yesterday tomorrow tonight now then again already ever never always once twice too though "
    "although however instead"
)
# Verbs that end a counted phrase but do not end in -ed: "an earthquake struck", "10 died".
_VERBS = words(
    "won lost left fell rose came went made took got gave saw ran met held paid sent spent kept "
    "led brought bought built caught chose drove fled flew found fought grew hung heard hid knew "
    "laid meant put read rode sank sat set shot shut sold sought spoke stood stole struck swore "
    "taught thought threw wore wrote shook began broke burned beat let quit remain remains "
    "appear appears seem seems become became"
)
# Adjectives that, after the counted noun, say what became of it: "left one person dead".
_PREDICATIVE = words("dead alive missing hurt unhurt safe homeless")
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
              "police": "police", "staff": "staff", "lives": "life", "wives": "wife",
              "knives": "knife", "thieves": "thief", "leaves": "leaf", "halves": "half",
              "series": "series", "species": "species", "news": "news", "media": "media",
              "crises": "crisis", "analyses": "analysis", "movies": "movie",
              "rookies": "rookie", "cookies": "cookie", "calories": "calorie", "goalies": "goalie",
              "zombies": "zombie", "lies": "lie", "ties": "tie", "pies": "pie"}  # fmt: skip
_TOKEN = re.compile(r"[\s-]*((?:[A-Za-z]\.){2,}|[A-Za-z][\w’'-]*\.?)")
_HYPHEN_WORD = re.compile(r"-([a-z]+)\b")
# "10 of them": the number counts part of a group already named.
SUBSET = re.compile(r"\s*of\s+(?:them|whom|those|these|which|us|you)\b")


def counted_noun(text: str, pos: int, skip_of: bool = False) -> tuple[str, bool]:
    """Give the head noun of the phrase after a number, singular, and whether it was plural."""
    hyphen = _HYPHEN_WORD.match(text, pos)
    if hyphen:  # "a 10-member panel" counts members
        return _singular(hyphen.group(1)) + _group_of(text, hyphen.end()), False
    kept: list[str] = []
    for _ in range(6):
        token = _TOKEN.match(text, pos)
        if token is None:
            break
        raw, pos = token.group(1), token.end()
        word = raw.rstrip(".")
        low = word.lower()
        if skip_of and low == "of" and not kept:
            continue  # "dozens of people"
        if low in STOP or low in _VERBS or low in WORD_VALUES or low.endswith(("'s", "’s")):
            break
        if kept and low in _PREDICATIVE:
            break
        if (
            low.endswith(("ed", "ing", "ly"))
            and not low.endswith(("eed", "thing"))
            and len(low) > 4
        ):
            if kept or not _modifies_next(text, pos):
                break  # "10 killed in", "a leader sexually..."
            continue  # "two armed men", "46 newly appointed attorneys"
        kept.append(word)
        if is_plural(word):
            return _singular(low), True
        if raw.endswith(".") and "." not in word:
            break  # the sentence ended
    nouns = [word for word in kept if word.islower()]
    return (_singular(nouns[-1]) if nouns else ""), False


# Nouns of a group: "a five-boat pirate formation" gives the formation's size, which a
# count of boats acted on ("intercepted three boats") may be a part of.
_GROUPS = words(
    "formation group convoy fleet flotilla panel team crew squad force delegation committee "
    "commission council board jury family household coalition unit cell gang band contingent "
    "caravan motorcade"
)
_GROUP_AFTER = re.compile(r"\s+(?:([a-z]+)\s+)?([a-z]+)\b")


def _group_of(text: str, pos: int) -> str:
    """The group noun, after a space, when one follows the compound within two words."""
    after = _GROUP_AFTER.match(text, pos)
    if after is None:
        return ""
    group = next((word for word in after.groups() if word in _GROUPS), "")
    return f" {group}" if group else ""


def _modifies_next(text: str, pos: int) -> bool:
    following = _TOKEN.match(text, pos)
    if following is None or text[pos : following.start(1)].strip():
        return False
    word = following.group(1)
    return word.islower() and word.rstrip(".") not in STOP


def is_plural(word: str) -> bool:
    """Whether ``word`` looks like a plural noun ("attorneys", "people", not "status")."""
    low = word.lower()
    if low in _IRREGULAR or low.endswith("men") and len(low) > 4:
        return True
    return len(low) > 3 and word[-1] == "s" and not low.endswith(("ss", "us", "is", "'s", "’s"))


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men") and len(word) > 4:  # "crewmen", "congressmen"
        return word[:-2] + "an"
    if not word.endswith("s") or word.endswith(("ss", "us", "is")) or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def glued_word_ok(text: str, end: int) -> bool:
    """Whether letters glued to a number are a lost space ("10of them", "5people")."""
    word = _TOKEN.match(text, end)
    low = word.group(1).rstrip(".").lower() if word else ""
    return low in STOP or is_plural(low)


def lower_after(text: str, end: int) -> bool:
    """Whether the word after ``end`` is lower-case ("2009 people died", not "2009 Oscars")."""
    word = _TOKEN.match(text, end)
    return word is not None and word.group(1)[:1].islower()
