"""Article text -> sentences with character offsets.

Rule-based and tuned for news copy, including scraped text whose punctuation was
damaged: sentences glued without a space ("the matter.The mayor"), lost quote
marks, stray double spaces. A quotation is never split inside its marks, and a
leading dateline ("date 2017-03-11 NEW YORK (AP) —") is not part of the first sentence.
"""

from __future__ import annotations

import re

# Words that end with a period without ending a sentence (compared lower-cased, no period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj cpl pvt st jr sr
    rev hon pres supt insp det atty mt ft inc corp co ltd llc bros dept univ assn
    no nos vs v etc al approx est fig jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun u.s u.k u.n e.g i.e a.m p.m d.c n.y
    calif fla ill mass mich minn penn tex va wash wis ariz colo conn ky la md mo nev
    okla ore tenn
    """.split()
)

# After "p.m." / "a.m." a capitalised word starts a new sentence unless it belongs to the
# time: a zone, a weekday or a date ("1:30 a.m. Feb. 1").
_TIME_FOLLOWERS = frozenset(
    """
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# A line ending in one of these words cannot end a sentence, so the next line continues it.
_NO_SENTENCE_END = frozenset(
    "a an the of to in on at by for from with and or but that which who as than into".split()
)

_OPENING_QUOTES = "“‘«"
_CLOSING_QUOTES = "”’»"
_TERMINATORS = ".!?"

# A dateline at the very start: "date 2017-03-11", "NEW YORK (AP) —", "LONDON, March 3 (Reuters) -".
_DATELINE = re.compile(
    r"""\A\s*
    (?:date\s+\d{4}-\d{2}-\d{2}\s+)?
    (?:[A-Z][A-Z .,'-]{1,40}?(?:,\s*[A-Z][a-z]+\.?\s*\d{0,2})?\s*\([A-Za-z .]{1,30}\)\s*[—–-]+\s*)?
    """,
    re.VERBOSE,
)
_DATE_ONLY = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\s+")

# "matter.Bhararas": a lower-case word glued to the next sentence's capital.
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z]|I\s)|(?<=[0-9%)])[.!?](?=[A-Z][a-z]{2})")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` offsets of each sentence in ``text``, in order.

    Offsets never include surrounding white space; every non-space character of
    ``text`` belongs to exactly one sentence.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_dateline(text)  # a dateline is metadata, not a sentence
    for para_start, para_end in _paragraphs(text, start):
        spans.extend(_split_paragraph(text, para_start, para_end))
    return [span for span in spans if span[1] > span[0]]


def _skip_dateline(text: str) -> int:
    match = _DATELINE.match(text)
    if match is None or match.end() == 0 or not text[: match.end()].strip():
        return 0
    # Only a dateline when something follows on the same line.
    rest = text[match.end() :]
    if not rest or rest[0] == "\n":
        return 0
    if match.group(0).strip() and not re.search(r"\)\s*[—–-]+\s*\Z|\d\s*\Z", match.group(0)):
        return 0
    return match.end()


def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """Split at line breaks, but not at hard-wrapped lines.

    A line starting lower-case, or after a word no sentence ends in, continues the
    previous one, unless a blank line parts them.
    """
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in re.finditer(r"\n", text[start:]):
        at = start + match.start()
        following = text[at + 1 : at + 80].lstrip(" \t")
        prev = text[cursor:at].rstrip()
        # a blank line ends a paragraph however its last line ends ("Reid checks in")
        if (
            following[:1] not in ("", "\n", "\r")
            and prev
            and prev[-1] not in _TERMINATORS + _CLOSING_QUOTES + '":'
        ):
            last_word = prev.rsplit(None, 1)[-1].lower()
            if following[0].islower() or last_word in _NO_SENTENCE_END:
                continue  # a hard-wrapped line, not a new paragraph
        pieces.append((cursor, at))
        cursor = at + 1
    pieces.append((cursor, len(text)))
    return [p for p in pieces if text[p[0] : p[1]].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sentence_start = start
    depth = 0  # open curly/guillemet quotes
    straight_open = False
    i = start
    while i < end:
        char = text[i]
        if char in _OPENING_QUOTES:
            depth += 1
        elif char in _CLOSING_QUOTES and depth > 0 and not _is_apostrophe(text, i):
            depth -= 1
        elif char == '"':
            straight_open = not straight_open
        if char in _TERMINATORS:
            boundary = _boundary_after(text, i, end, quoted=depth > 0 or straight_open)
            if boundary is not None:
                spans.append(_trim(text, sentence_start, boundary))
                sentence_start = boundary
                # A sentence boundary closes any quotation left open by lost marks.
                if boundary > i + 1:
                    depth, straight_open = 0, False
                i = boundary
                continue
        i += 1
    if sentence_start < end:
        spans.append(_trim(text, sentence_start, end))
    return spans


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ between letters is an apostrophe ("Bharara’s"), not a closing quote."""
    return (
        text[i] == "’"
        and i > 0
        and text[i - 1].isalpha()
        and i + 1 < len(text)
        and text[i + 1].isalpha()
    )


def _boundary_after(text: str, i: int, end: int, *, quoted: bool) -> int | None:
    """Where the next sentence starts if the terminator at ``i`` ends one, else None."""
    j = i + 1
    while j < end and text[j] in _TERMINATORS:
        j += 1
    # Closing quote marks and brackets belong to the sentence they end.
    closed_quote = False
    while j < end and text[j] in _CLOSING_QUOTES + '")]':
        closed_quote = closed_quote or text[j] in _CLOSING_QUOTES + '"'
        j += 1
    if j >= end:
        return None
    if not text[j].isspace():
        # Glued sentences: only a lower-case word directly followed by a capitalised one.
        if _GLUED.match(text, i) and not quoted and not _is_abbreviation(text, i):
            return j
        return None
    k = j
    while k < end and text[k].isspace():
        k += 1
    if k >= end:
        return None
    nxt = text[k]
    if quoted and not closed_quote:
        return None  # never split inside a quotation
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENING_QUOTES + '"(['):
        return None
    if text[i] == "." and _is_abbreviation(text, i):
        word = _word_before(text, i).lower()
        if word in ("a.m", "p.m"):
            following = re.match(r"[A-Za-z]+", text[k:end])
            if following and following.group(0).lower() not in _TIME_FOLLOWERS:
                return j
        return None
    return j


def _word_before(text: str, i: int) -> str:
    k = i
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    return text[k:i]


def _is_abbreviation(text: str, i: int) -> bool:
    word = _word_before(text, i)
    if not word:
        return False
    lowered = word.lower().strip(".")
    if lowered in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "E.", "U.S.", "D-N.Y." but not a full word.
    if len(word) == 1 and word.isupper():
        return True
    return "." in word and all(len(part) <= 2 for part in word.split("."))
