"""Quoted speech -> normalized words plus the raw speaker phrase.

Finds quotations with marks (“…”, "…") and, for text whose marks were lost,
first-person speech followed by a speech verb ("I did not resign, Bharara said.").
The speaker is returned as written ("Bharara", "he", "the official"); turning it into
an entity key is the extractor's job, since it needs the surrounding sentences.
"""

from __future__ import annotations

import re

from claimcheck.model import MentionKind, QuoteValue
from claimcheck.normalize import Found
from claimcheck.normalize.entities import TITLE_WORDS

# Verbs that report speech whatever follows them.
PURE_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|tweeted|tweets|wrote|writes|stated|states|"
    r"declared|declares|explained|insisted|insists|replied|recalled|continued|"
    r"warned|argued|remarked|shouted|quipped|testified"
)
# Verbs that also take a plain object ("announced his resignation", "posted 29 points"):
# they report speech only before "that" or a quotation.
OBJECT_SPEECH_VERBS = r"announced|noted|claimed|acknowledged|admitted|conceded"
SPEECH_VERBS = f"{PURE_SPEECH_VERBS}|{OBJECT_SPEECH_VERBS}"
# A lower-case title between a body's name and the person's: "Security Response
# Alliance director Mike Reavey".
_INNER_TITLE = "|".join(sorted((w for w in TITLE_WORDS if w.isalpha()), key=len, reverse=True))
_SPEAKER = (
    r"(?:(?:[a-z][\w-]*\s+){0,2}[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|for))*"
    rf"(?:\s+(?:{_INNER_TITLE})\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?"
    r"|he|she|they|it|we|I|the\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+|one\s+[\w\s]{1,40}?|"
    r"a\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)"
)
_MARKED = re.compile(r"“([^“”]{2,2000}?)”|\"([^\"]{2,2000}?)\"")
_AFTER = re.compile(
    rf"\A[,.!?]?\s*[,—–-]?\s*(?P<who>{_SPEAKER})\s+(?:{SPEECH_VERBS})\b"
    rf"|\A[,.!?]?\s*(?:{SPEECH_VERBS})\s+(?P<who2>{_SPEAKER})\b"
    # A phrase the sentence adds before its speaker: "“... vigilant” to this risk,
    # Strauss-Kahn said".
    r"|\A[,.!?]?\s+(?:to|for|in|on|at|about|with|over|against|from)\s+(?:[\w’'-]+\s+){0,2}"
    rf"[\w’'-]+,\s+(?P<who4>{_SPEAKER})\s+(?:{SPEECH_VERBS})\b"
)
_BEFORE = re.compile(
    rf"\b(?P<who>{_SPEAKER})\s+(?:{SPEECH_VERBS})\b[^“”\"]{{0,60}}?[:,]?\s*\Z"
    # "Chief Rosa Menendez called it “the worst fire ...”"
    rf"|\b(?P<who3>{_SPEAKER})\s+(?:called|described|labeled|labelled)\s+"
    r"(?:it|them|this|that|the\s+\w+)\s+(?:as\s+)?[:,]?\s*\Z",
)
# Unmarked speech: "I did not resign, Bharara said."
_UNMARKED = re.compile(
    rf"\A(?P<quote>[^,]*(?:,[^,]*){{0,3}}?),\s+(?P<who>{_SPEAKER})\s+(?:{SPEECH_VERBS})"
    rf"(?:\s+(?!that\b|he\b|she\b|they\b|it\b)\w+){{0,6}}\.?\s*\Z"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I'd|I’d|I've|I’ve|we|We|my|My|our|Our|me|us)\b")

_CONTRACTIONS = (
    (r"\bwon't\b", "will not"),
    (r"\bcan't\b", "cannot"),
    (r"\bshan't\b", "shall not"),
    (r"n't\b", " not"),
    (r"'re\b", " are"),
    (r"'m\b", " am"),
    (r"'ve\b", " have"),
    (r"'ll\b", " will"),
    (r"'d\b", " would"),
    (r"\bwe're\b", "we are"),
)
_CONTRACTION_RES = tuple((re.compile(pattern), repl) for pattern, repl in _CONTRACTIONS)
_NON_WORD = re.compile(r"[^\w\s%$.-]|(?<!\d)\.|\.(?!\d)")


def normalize_quote(words: str) -> str:
    """Lower-case words with contractions expanded and punctuation removed."""
    text = words.lower().replace("’", "'").replace("‘", "'")
    for pattern, replacement in _CONTRACTION_RES:
        text = pattern.sub(replacement, text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


def find_quotes(text: str) -> list[Found]:
    """Quotations in one sentence ``text``; speaker is the raw phrase or ""."""
    found: list[Found] = []
    for match in _MARKED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        inner = match.group(group)
        start, end = match.start(group), match.end(group)
        speaker = _speaker_around(text, match.start(), match.end())
        if len(inner.split()) < (2 if speaker else 3):
            continue  # scare quotes and single terms are not speech
        found.append(
            Found(
                MentionKind.QUOTE,
                start,
                end,
                QuoteValue(words=normalize_quote(inner), speaker=speaker),
            )
        )
    if found or '"' in text or "“" in text:
        return found
    unmarked = _UNMARKED.match(text.strip())
    if unmarked and _FIRST_PERSON.search(unmarked.group("quote")):
        offset = len(text) - len(text.lstrip())
        start = offset + unmarked.start("quote")
        end = offset + unmarked.end("quote")
        found.append(quote_found(text, start, end, unmarked.group("who")))
    return found


def quote_found(text: str, start: int, end: int, speaker: str) -> Found:
    """``text[start:end]`` as a quotation by ``speaker``."""
    words = normalize_quote(text[start:end])
    return Found(MentionKind.QUOTE, start, end, QuoteValue(words=words, speaker=speaker))


def first_person_sentence(text: str) -> bool:
    """True when an unmarked sentence speaks in the first person (a quote's continuation)."""
    return bool(_FIRST_PERSON.search(text)) and '"' not in text and "“" not in text


def _speaker_around(text: str, start: int, end: int) -> str:
    after = _AFTER.match(text[end : end + 80])
    if after:
        return after.group("who") or after.group("who2") or after.group("who4") or ""
    before = _BEFORE.search(text[max(0, start - 120) : start])
    if before:
        return before.group("who") or before.group("who3") or ""
    return ""
