"""Sentence -> clause pieces: attribution cut off, clauses split, relative clauses apart.

"Bharara, who was born in India, had a powerful perch, the official said" gives
the attribution "the official", a main piece "Bharara ... had a powerful perch"
(with the relative clause as a hole in it), and a relative piece "who was born
in India" whose antecedent ends just before it. Rule-based; it never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.normalize.quotes import OBJECT_SPEECH_VERBS, PURE_SPEECH_VERBS, SPEECH_VERBS

# Every match of the two patterns below starts with one of the letters in its leading
# lookahead: testing that first makes the search of a sentence without one twice as fast.
NEGATION_RE = re.compile(
    r"(?=[ncwdiashrf])(?:"
    # a plea of "not guilty" is an act, and "not only ... but" affirms
    r"\b(?<!plead )(?<!pleads )(?<!pleaded )(?<!pled )"
    r"(?:not(?!\s+(?:only|merely)\b)|never|no longer|neither|nor|cannot|n't)\b"
    r"|n[’']t\b"
    # scraped copy that lost its apostrophes: "cant", "didnt", "wasnt"
    r"|\b(?:cant|wont|dont|doesnt|didnt|isnt|wasnt|arent|werent|couldnt|wouldnt|shouldnt"
    r"|havent|hasnt|hadnt)\b"
    r"|\b(?:denied|denies|deny|refused to|refuses to|refusing to|declined to|declines to"
    r"|failed to|fails to)\b|\bno\s+(?!doubt\b|one\b|matter\b|longer\b)\w+"
    r")",
    re.IGNORECASE,
)
HEDGE_RE = re.compile(
    r"(?=[?mcraplusebq])(?:"
    r"(?<![.!])\?\s*\Z|"  # not ".?": a closing quote mark lost to a "?" in the text's encoding
    r"\b(?:(?-i:may)|might|could|reportedly|allegedly|apparently|possibly|probably|perhaps"
    r"|likely|unlikely|unclear|unconfirmed|appeared to|appears to|seemed to|seems to"
    r"|believed to|expected to|suspected to|suspected of having|rumou?red|questioning whether)\b"
    r"|according to (?:people|a person|sources|one person|two people)"
    r")",
    re.IGNORECASE,
)
# A relative clause closed by a comma before the main verb describes the subject: a
# hedge in it ("Fred LaRue, ... who was among those rumored to be Deep Throat, has
# died") does not hedge what the sentence says of that subject.
_EMBEDDED_RELATIVE = re.compile(r"\b(?:who|whose|which)\b[^,;]*,", re.IGNORECASE)


# A hedge inside a noun phrase describes the noun: "an allegedly intoxicated driver was
# charged" charges the driver as a fact.
_HEDGED_MODIFIER = re.compile(
    r"\b(?:an?|the)\s+(?:allegedly|reportedly|apparently|possibly)\s+\w+", re.IGNORECASE
)


def hedged(text: str) -> bool:
    """The text commits to less than it says: "may", "reportedly", a question."""
    if HEDGE_RE.search(text) is None:
        return False  # most claims: no hedge anywhere
    text = _HEDGED_MODIFIER.sub(" ", _EMBEDDED_RELATIVE.sub(" ", text))
    return HEDGE_RE.search(text) is not None


_DAY_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
# Reported speech around the content: ", the official said." / "according to X" / "X said that".
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?P<who>(?:[\w’'.-]+\s+){{0,6}}?[\w’'.-]+)\s+(?:{SPEECH_VERBS})(?:\s+(?!that\b|he\b|she\b|they\b|it\b)\w+){{0,6}}"
    r"[.!?]?\s*\Z"
    r"|,?\s+according to (?P<who2>[^,.;]{2,80})[.!?]?\s*\Z"
    rf"|,\s+(?:{PURE_SPEECH_VERBS})\s+(?P<who3>[^.;]{{2,80}})[.!?]?\s*\Z"
)
# Speech verbs that also take a plain object ("The league added two teams", "Toyota
# recalled 2 million cars", "the governor declared a state of emergency"): opening a
# sentence, they report speech only before "that".
_ALSO_TRANSITIVE = frozenset("added adds wrote writes declared declares recalled continued".split())
_OPENING_SPEECH = "|".join(v for v in PURE_SPEECH_VERBS.split("|") if v not in _ALSO_TRANSITIVE)
_OPENING_OBJECT_SPEECH = "|".join([OBJECT_SPEECH_VERBS, *sorted(_ALSO_TRANSITIVE)])
_LEADING_ATTRIBUTION = re.compile(
    r"\A(?:According to (?P<who>[^,]{2,80}),\s+"
    rf"|(?P<who2>(?:[A-Z][\w’'.-]*\s+){{0,5}}?[A-Z][\w’'.-]*|[Hh]e|[Ss]he|[Tt]hey|"
    r"(?:[Tt]he|A|An|Her|His|Their|Its)\s+(?:[\w’'-]+,?\s+){0,5}?[\w’'-]+),?\s+"
    rf"(?:(?:{_OPENING_SPEECH})(?:\s+(?:on\s+)?{_DAY_WORDS})?"
    r"(?:(?:\s+(?:the\s+)?\w+)?\s+that)?"
    rf"|(?:{_OPENING_OBJECT_SPEECH})(?:\s+(?:on\s+)?{_DAY_WORDS})?\s+that)\s+)"
)
_SUBJECT = r"(?:he|she|they|it|we|I|the|a|an|[A-Z]\w+)"
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:but|while|whereas|although|though|yet)\s)"
    rf"|,\s+(?=and\s+{_SUBJECT}\s)"
    rf"|,\s+(?=(?:as|when|after|before|because)\s+{_SUBJECT}\s)"
    # "... and Boente replied that ...": a second speaker's clause.
    rf"|\s+(?=and\s+[A-Z]\w+\s+(?:{SPEECH_VERBS}|replied|responded)\b)"
)
# ", who was born in India," and "a Bellport Democrat who introduced the bill": a relative
# clause after a comma, or right after a capitalised name (so not restrictive).
_RELATIVE = re.compile(
    r",\s+(?:who|which|whose)\s+[^,;]{3,}?(?=,|\Z)"
    r"|\b[A-Z][a-z]+(?P<bare>\s+who\s+[^,;]{3,}?)(?=,|\Z)"
)


@dataclass(frozen=True)
class Piece:
    """One claim's part of a sentence: ``[start, end)`` minus ``holes``.

    ``antecedent_end`` is set for a relative clause: where the noun it describes ends.
    """

    start: int
    end: int
    holes: tuple[tuple[int, int], ...] = ()
    antecedent_end: int | None = None


def attribution_span(sentence: str) -> tuple[int, int, str]:
    """The content's ``[start, end)`` within the sentence and who is said to say it."""
    start, end = 0, len(sentence)
    who = ""
    trailing = _TRAILING_ATTRIBUTION.search(sentence)
    if trailing and trailing.start() > 10:
        who = trailing.group("who") or trailing.group("who2") or trailing.group("who3") or ""
        end = trailing.start()
    leading = _LEADING_ATTRIBUTION.match(sentence[:end])
    if leading and leading.end() < end - 10:
        who = leading.group("who") or leading.group("who2") or who
        start = leading.end()
    while end > start and sentence[end - 1] in " ,;:":
        end -= 1  # a full stop stays: it may end an abbreviation ("2:29 p.m.")
    return start, end, who.strip()


def split_pieces(sentence: str, start: int, end: int) -> list[Piece]:
    """Clauses of the content, each with its relative clauses split off as their own pieces."""
    pieces: list[Piece] = []
    for clause_start, clause_end in _clauses(sentence, start, end):
        holes = []
        for match in _RELATIVE.finditer(sentence, clause_start, clause_end):
            if inside_quote(sentence, match.start()):
                continue
            start = match.start("bare") if match.group("bare") else match.start()
            text = sentence[start : match.end()]
            relative_start = start + len(text) - len(text.lstrip(", "))
            holes.append((start, match.end()))
            pieces.append(Piece(relative_start, match.end(), antecedent_end=start))
        pieces.append(Piece(clause_start, clause_end, tuple(holes)))
    pieces.sort(key=lambda p: (p.start, p.end))
    return pieces


def _clauses(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _CLAUSE_BREAK.finditer(sentence, start, end):
        if inside_quote(sentence, match.start()):
            continue
        if match.start() - cursor >= 12:
            spans.append((cursor, match.start()))
            cursor = match.end()
    spans.append((cursor, end))
    return [(s, e) for s, e in spans if e > s]


def inside_quote(sentence: str, at: int) -> bool:
    """True when ``at`` lies inside an open quotation of the sentence."""
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def negated_before(text: str, at: int) -> bool:
    """True when a negation comes before offset ``at`` in ``text`` ("had not named ... by")."""
    return bool(NEGATION_RE.search(text, 0, at))
