"""Source -> atomic claims with typed, normalized mentions.

Each sentence is split at clause boundaries (";", ", but", ", while", ", and he"...),
the speaker of reported speech ("…, the official said", "according to X") becomes
the claim's attribution rather than its content, and every date, time, amount,
name and quotation inside it becomes a ``Mention`` with a comparable value.
Rule-based: relative clauses and appositives are kept inside their claim for now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimcheck import lexicon
from claimcheck.clauses import (
    HEDGE_RE,
    NEGATION_RE,
    Piece,
    attribution_span,
    hedged,
    inside_quote,
    split_pieces,
)
from claimcheck.model import (
    NAME_KINDS,
    Claim,
    Mention,
    MentionKind,
    NameValue,
    Polarity,
    QuoteValue,
    Source,
    Span,
)
from claimcheck.normalize import Found
from claimcheck.normalize.dates import find_dates
from claimcheck.normalize.entities import TITLE_WORDS, find_entities
from claimcheck.normalize.numbers import find_amounts
from claimcheck.normalize.quotes import (
    SPEECH_VERBS,
    find_quotes,
    first_person_sentence,
    quote_found,
)
from claimcheck.segment import split_sentences

# Bump when extraction output changes, so cached claims are recomputed.
EXTRACTOR_VERSION = "1"

VALUE_KINDS = frozenset(
    {
        MentionKind.DATE,
        MentionKind.TIME,
        MentionKind.NUMBER,
        MentionKind.QUANTITY,
        MentionKind.MONEY,
        MentionKind.PERCENT,
        MentionKind.AGE,
    }
)

_REPORT_DATE_BEFORE = re.compile(
    rf"\b(?:{SPEECH_VERBS}|told reporters|in a statement|confirmed|reported|reports)"
    # where it was said: "said at practice on Wednesday", "told reporters at a news conference"
    r"(?:\s+(?:at|during)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?[a-z]+(?:\s+[a-z]+)?)?"
    r"\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)
_SUBJECT_PRONOUNS = {"he", "she"}
_OBJECT_PRONOUNS = {"him", "her", "his"}
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)


@dataclass
class _Discourse:
    """What earlier sentences said that later ones refer back to."""

    last_person: str = ""
    last_speaker: str = ""
    last_was_quote: bool = False


def extract_claims(source: Source) -> tuple[Claim, ...]:
    """Every atomic claim of ``source``, in text order."""
    claims: list[Claim] = []
    discourse = _Discourse()
    sentences = split_sentences(source.text)
    titled = [lexicon.title_case(source.text[start:end]) for start, end in sentences]
    running = [span for span, title in zip(sentences, titled, strict=True) if not title]
    names = _capitalised_inside(source.text, running)
    acronyms: frozenset[str] | None = None  # read only for a source that shouts
    for (sent_start, sent_end), title in zip(sentences, titled, strict=True):
        sentence = source.text[sent_start:sent_end]
        quiet = sentence
        if _SHOUTED.search(sentence):
            if acronyms is None:
                acronyms = _acronyms_inside(source.text, running)
            quiet = _unshouted(sentence, names, acronyms)
        plain = _untitled(quiet, names) if title else quiet
        found = _find_all(plain, quiet, source, names)
        _resolve_speakers(found, sentence, discourse)
        claims.extend(_sentence_claims(source, sent_start, sentence, found, discourse, len(claims)))
        people = [f for f in found if f.kind in NAME_KINDS and f.kind is not MentionKind.PLACE]
        if people:
            discourse.last_person = people[-1].value.key()
    return tuple(claims)


_CAPITALISED = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][a-z]+(?:[A-Z][a-z]+)*")


def _capitalised_inside(text: str, sentences: list[tuple[int, int]]) -> frozenset[str]:
    """Words the source capitalises in mid-sentence: names, not sentence starts."""
    return frozenset(
        match.group(0)
        for start, end in sentences
        for match in _CAPITALISED.finditer(text, start, end)
    )


# Three words or more in capitals: a headline or a lead-in shouted ("THREE PEOPLE HAVE DIED
# IN A BLAZE", "COLTS BEAT CHIEFS 20-13"), whose numbers and names read as in any sentence.
_CAPS_WORD = r"\b[A-Z](?:[A-Z’'-]*[A-Z])?\b"
_SHOUTED = re.compile(rf"{_CAPS_WORD}['’]?(?:[,:;]?\s+(?:[\d.,-]+\s+)?{_CAPS_WORD}['’]?){{2,}}")
_CAPS_WORD_RE = re.compile(_CAPS_WORD)
_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,6}\b")


def _acronyms_inside(text: str, sentences: list[tuple[int, int]]) -> frozenset[str]:
    """Words the source writes in capitals outside shouted runs: "RCMP", "NFL", "DUI"."""
    return frozenset(
        word
        for start, end in sentences
        for word in _ACRONYM_WORD.findall(_SHOUTED.sub(" ", text[start:end]))
    )


def _unshouted(sentence: str, names: frozenset[str], acronyms: frozenset[str]) -> str:
    """A sentence's shouted runs in ordinary case, the same length, so offsets hold.

    A word the source capitalises in mid-sentence keeps its capital ("COLTS" -> "Colts"),
    an acronym it writes elsewhere stays ("RCMP"), and every other word is lowered
    ("THREE PEOPLE HAVE DIED" -> "three people have died").
    """

    def soften(word: str) -> str:
        if word in acronyms or not word.isascii():
            return word
        titled = word[0] + word[1:].lower()
        return titled if _bare(titled) in names else word.lower()

    def quieter(run: re.Match[str]) -> str:
        words = _CAPS_WORD_RE.findall(run.group(0))
        if sum(len(word) > 1 for word in words) < 3:
            return run.group(0)  # "A B C": letters, not a shouted phrase
        return _CAPS_WORD_RE.sub(lambda m: soften(m.group(0)), run.group(0))

    return _SHOUTED.sub(quieter, sentence)


def _find_all(plain: str, sentence: str, source: Source, names: frozenset[str]) -> list[Found]:
    """Every typed value in one sentence; dates win over numbers they overlap.

    Names are read from ``plain``: the sentence, or a title-case headline with its
    common words lowered (``_untitled``), of the same length.

    A single capitalised word that starts the sentence ("Senators", "Jurors") is a
    name only when the source also capitalises it in mid-sentence, or when an age
    follows it ("Peterson, 48, was convicted").
    """
    dates = find_dates(sentence, source.published)
    amounts = [a for a in find_amounts(plain) if not _overlaps_any(a, dates)]
    quotes = find_quotes(sentence)
    aged = {a.start for a in amounts if a.kind is MentionKind.AGE}
    entities = [
        e
        for e in find_entities(plain)
        if not _overlaps_any(e, dates)
        and (e.start in aged or not _sentence_start_word(sentence, e, names))
    ]
    if _is_dateline(sentence, dates, amounts):
        dates = [replace(d, role="report") for d in dates]  # when the page was posted
    else:
        dates = [_mark_report_date(sentence, d) for d in dates]
    found = dates + amounts + entities + quotes
    found.sort(key=lambda f: (f.start, -f.end))
    return found


_TITLED_WORD = re.compile(r"\b[A-Z][a-z][\w'’-]*")


def _untitled(sentence: str, names: frozenset[str]) -> str:
    """A title-case sentence with the capitals the source uses only in titles lowered.

    "Michigan Office Shooting Follow-Up - 1 Dead" -> "Michigan office shooting
    follow-up - 1 dead" when the article writes "Michigan" in mid-sentence; the same
    length, so what is found keeps its offsets.
    """
    return _TITLED_WORD.sub(
        lambda m: m.group(0) if _bare(m.group(0)) in names else m.group(0).lower(), sentence
    )


def _bare(word: str) -> str:
    """A word without its possessive: "Lohan's" is written "Lohan" in mid-sentence too."""
    return word.removesuffix("'s").removesuffix("’s").rstrip("'’")


def _sentence_start_word(sentence: str, found: Found, names: frozenset[str]) -> bool:
    surface = sentence[found.start : found.end]
    leading = sentence[: found.start].strip(" “\"'‘(")
    inner_capital = any(c.isupper() for c in surface[1:])  # "SeaMicro", "YouTube": a name
    return (
        not leading
        and surface.isalpha()
        and not surface.isupper()
        and not inner_capital
        and surface not in names
    )


def _overlaps_any(item: Found, others: list[Found]) -> bool:
    return any(item.start < other.end and other.start < item.end for other in others)


def _is_dateline(sentence: str, dates: list[Found], amounts: list[Found]) -> bool:
    """The sentence only says when the page was posted or updated: it dates no event."""
    if not dates:
        return False
    rest = list(sentence)
    for item in (*dates, *amounts):
        rest[item.start : item.end] = " " * (item.end - item.start)
    left = re.sub(r"\d+(?::\d+)*", " ", "".join(rest)).lower()
    return all(word in lexicon.DATELINE_WORDS for word in lexicon.words(left))


def _mark_report_date(sentence: str, found: Found) -> Found:
    """A date right after a speech verb dates the saying ("said Friday"), not the event."""
    if found.kind is MentionKind.DATE and _REPORT_DATE_BEFORE.search(sentence[: found.start]):
        return replace(found, role="report")
    return found


def _resolve_speakers(found: list[Found], sentence: str, discourse: _Discourse) -> None:
    """Turn raw speaker phrases into entity keys; continue an unmarked quote's speaker."""
    for index, item in enumerate(found):
        if not isinstance(item.value, QuoteValue):
            continue
        speaker = _speaker_key(item.value.speaker, found, discourse)
        found[index] = replace(item, value=replace(item.value, speaker=speaker))
    quotes = [f for f in found if f.kind is MentionKind.QUOTE]
    if not quotes and discourse.last_was_quote and first_person_sentence(sentence):
        stripped = sentence.rstrip()
        end = len(stripped)
        start = len(sentence) - len(sentence.lstrip())
        found.append(quote_found(sentence, start, end, discourse.last_speaker))
        found.sort(key=lambda f: (f.start, -f.end))
        return
    discourse.last_was_quote = bool(quotes) and all(
        isinstance(q.value, QuoteValue) and q.end >= len(sentence.rstrip(' .”"')) - 40
        for q in quotes
    )
    if quotes and isinstance(quotes[-1].value, QuoteValue):
        discourse.last_speaker = quotes[-1].value.speaker


def _speaker_key(raw: str, found: list[Found], discourse: _Discourse) -> str:
    if not raw:
        return ""
    lowered = raw.lower()
    if lowered in _SUBJECT_PRONOUNS or lowered in ("i", "they", "we", "it"):
        return discourse.last_person if lowered in _SUBJECT_PRONOUNS else ""
    names = find_entities(raw)
    # "Lt. Gregg Hastings of the Oregon State Police": the person speaks for the body.
    chosen = [n for n in names if n.kind is MentionKind.PERSON] or names
    if chosen:
        return chosen[-1].value.key()
    return " ".join(lexicon.words(lowered))


def _sentence_claims(
    source: Source,
    sent_start: int,
    sentence: str,
    found: list[Found],
    discourse: _Discourse,
    first_index: int,
) -> list[Claim]:
    content_start, content_end, who = attribution_span(sentence)
    # "according to people familiar" hedges every clause it covers.
    outside = sentence[:content_start] + " " + sentence[content_end:]
    attribution = _speaker_key(who, found, discourse) if who else ""
    claims: list[Claim] = []
    sentence_span = Span(source.id, sent_start, sent_start + len(sentence))
    for piece in split_pieces(sentence, content_start, content_end):
        inside = [
            f
            for f in found
            if piece.start <= f.start < piece.end
            and not any(h_start <= f.start < h_end for h_start, h_end in piece.holes)
        ]
        mentions = [_mention(source, sent_start, sentence, f) for f in inside]
        mentions.extend(_pronoun_mentions(source, sent_start, sentence, piece, found, discourse))
        text = sentence[piece.start : piece.end]
        kept = _without_holes(sentence, piece)
        speaker = attribution or _quote_speaker(inside, piece.start, piece.end)
        claims.append(
            Claim(
                id=f"{source.id}#{first_index + len(claims) + 1}",
                span=Span(source.id, sent_start + piece.start, sent_start + piece.end),
                sentence=sentence_span,
                text=text,
                mentions=tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end))),
                polarity=Polarity.NEGATED if NEGATION_RE.search(kept) else Polarity.AFFIRMED,
                attribution=speaker,
                hedged=hedged(kept) or bool(HEDGE_RE.search(outside)),
                frame=_frame(sentence, piece, inside),
                predicates=_predicates(sentence, piece, inside),
            )
        )
    return _with_sentence_context(
        claims,
        [_mention(source, sent_start, sentence, f) for f in found],
        sent_start,
        len(sentence),
    )


def _with_sentence_context(
    claims: list[Claim], sentence_mentions: list[Mention], sent_start: int, length: int
) -> list[Claim]:
    """A clause lacking a date or a name borrows its sentence's, with role "context".

    "in 2011, when the river crested at 8.3 meters" is dated 2011; "while also
    grabbing seven rebounds" belongs to the sentence's subject ("McDermott led ...").
    Borrowed mentions place and own the claim but are never compared as its values.
    """
    if len(claims) < 2:
        return claims
    dates = [m for m in sentence_mentions if m.kind is MentionKind.DATE and m.role == ""]
    subjects = [
        m
        for m in sentence_mentions
        if m.kind in (MentionKind.PERSON, MentionKind.ORG, MentionKind.ACTOR)
        and m.role == ""
        and m.span.start - sent_start <= length // 3
    ][:1]
    result = []
    for claim in claims:
        borrowed: list[Mention] = []
        if dates and not any(m.kind is MentionKind.DATE and m.role == "" for m in claim.mentions):
            borrowed += dates
        if subjects and not any(isinstance(m.value, NameValue) for m in claim.mentions):
            borrowed += subjects
        if not borrowed:
            result.append(claim)
            continue
        context = tuple(replace(m, role="context") for m in borrowed)
        mentions = tuple(sorted((*claim.mentions, *context), key=lambda m: m.span.start))
        result.append(replace(claim, mentions=mentions))
    return result


def _without_holes(sentence: str, piece: Piece) -> str:
    """The piece's text with its relative clauses blanked out (offsets kept)."""
    if not piece.holes:
        return sentence[piece.start : piece.end]  # most pieces
    chars = list(sentence[piece.start : piece.end])
    for h_start, h_end in piece.holes:
        _blank(chars, h_start - piece.start, min(len(chars), h_end - piece.start))
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    """Spaces for ``chars[start:end]``, as one slice rather than one character at a time."""
    if start < end:
        chars[start:end] = " " * (end - start)


def _quote_speaker(inside: list[Found], start: int, end: int) -> str:
    """A claim that is mostly one quotation is attributed to its speaker."""
    for item in inside:
        if isinstance(item.value, QuoteValue) and (item.end - item.start) * 2 >= end - start:
            return item.value.speaker
    return ""


def _mention(source: Source, sent_start: int, sentence: str, found: Found) -> Mention:
    return Mention(
        kind=found.kind,
        span=Span(source.id, sent_start + found.start, sent_start + found.end),
        surface=sentence[found.start : found.end],
        value=found.value,
        role=found.role,
    )


def _pronoun_mentions(
    source: Source,
    sent_start: int,
    sentence: str,
    piece: Piece,
    found: list[Found],
    discourse: _Discourse,
) -> list[Mention]:
    """Pronouns of the piece resolved to people, and a relative clause to its antecedent."""
    mentions: list[Mention] = []
    if piece.antecedent_end is not None:
        antecedent = _antecedent(sentence, found, piece.antecedent_end)
        if antecedent is not None:
            word = re.match(r"\w+", sentence[piece.start : piece.end])
            end = piece.start + (word.end() if word else 0)
            mentions.append(
                _resolved(
                    source, sent_start, piece.start, end, sentence[piece.start : end], antecedent
                )
            )
    for start, end, key in resolve_pronouns(sentence, found, discourse.last_person):
        if piece.start <= start < piece.end:
            mentions.append(
                Mention(
                    kind=MentionKind.ACTOR,
                    span=Span(source.id, sent_start + start, sent_start + end),
                    surface=sentence[start:end],
                    value=NameValue(key_text=key),
                    role="pronoun",
                )
            )
    return mentions


_VERBISH = re.compile(
    r"\s+(?:had|has|have|was|were|is|are|will|would|could|can|did|does|do|may|might|must|"
    r"should|\w+ed|\w+s)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")


def resolve_pronouns(
    sentence: str, found: list[Found], previous_person: str
) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for each he/she/him/her/his, and I/me/my inside a quote.

    "he" is the latest person named; "him" is the latest person who is not the
    nearest subject ("Boente replied that he was asking him" -> him is not Boente);
    "his" follows an object pronoun just before it, else the nearest subject.
    First-person words inside a quotation are its speaker.
    """
    events: list[tuple[int, int, str, str]] = []  # start, end, key, "subject"|"other"
    for item in found:
        if item.kind in (MentionKind.PERSON, MentionKind.ACTOR) and isinstance(
            item.value, NameValue
        ):
            role = "subject" if _VERBISH.match(sentence, item.end) else "other"
            events.append((item.start, item.end, item.value.key(), role))
    resolved: list[tuple[int, int, str]] = [
        (match.start(), match.end(), quote.value.speaker)
        for quote in found
        if isinstance(quote.value, QuoteValue) and quote.value.speaker
        for match in _FIRST_PERSON.finditer(sentence, quote.start, quote.end)
    ]
    last_object = ""
    for match in _PRONOUN.finditer(sentence):
        if inside_quote(sentence, match.start()):
            continue
        before = sorted(e for e in events if e[1] <= match.start())
        word = match.group(0).lower()
        subjects = [e for e in before if e[3] == "subject"]
        nearest_subject = subjects[-1][2] if subjects else ""
        if word in _SUBJECT_PRONOUNS:
            key = before[-1][2] if before else previous_person
        elif word == "his" and last_object:
            key = last_object
        elif word == "his":
            key = nearest_subject or (before[-1][2] if before else previous_person)
        else:
            others = [e for e in before if e[2] != nearest_subject]
            key = others[-1][2] if others else previous_person
            if key == nearest_subject:
                key = ""
            last_object = key
        if not key:
            continue
        role = "subject" if _VERBISH.match(sentence, match.end()) else "other"
        events.append((match.start(), match.end(), key, role))
        resolved.append((match.start(), match.end(), key))
    return sorted(resolved)


def _antecedent(sentence: str, found: list[Found], end: int) -> Found | None:
    """The name a relative clause describes; through an appositive to the person named.

    "Sen. Teresa Alvarado, a Bellport Democrat who ..." and "Andrew Feldman,
    SeaMicro CEO, who ..." describe the person named first.
    """
    names = [f for f in found if f.kind in NAME_KINDS]
    direct = [f for f in names if f.end == end]
    if not direct:
        return None
    last_word = sentence[direct[0].start : direct[0].end].split()[-1].lower().rstrip(".")
    titled = last_word in TITLE_WORDS
    article = r"(?:a|an|the)\s+" if not titled else r"(?:(?:a|an|the)\s+)?"
    appositive = re.search(rf",\s+{article}\Z", sentence[: direct[0].start])
    if appositive is not None:
        person = [
            f
            for f in names
            if f.end == appositive.start() and f.kind in (MentionKind.PERSON, MentionKind.ACTOR)
        ]
        if person:
            return person[0]
    return direct[0]


def _resolved(
    source: Source, sent_start: int, start: int, end: int, surface: str, target: Found
) -> Mention:
    return Mention(
        kind=target.kind,
        span=Span(source.id, sent_start + start, sent_start + end),
        surface=surface,
        value=NameValue(key_text=target.value.key()),
        role="antecedent",
    )


def _frame(sentence: str, piece: Piece, inside: list[Found]) -> str:
    """The claim lower-cased with values masked and names replaced by their keys."""
    text = _without_holes(sentence, piece)
    offset = piece.start
    pieces: list[str] = []
    cursor = 0
    for item in sorted(inside, key=lambda f: f.start):
        start, end = item.start - offset, item.end - offset
        if start < cursor:
            continue
        pieces.append(text[cursor:start].lower())
        if item.kind in VALUE_KINDS:
            pieces.append(f"<{item.kind.value}>")
        elif item.kind in NAME_KINDS:
            pieces.append(item.value.key())
        else:
            pieces.append(text[start:end].lower())
        cursor = end
    pieces.append(text[cursor:].lower())
    return " ".join(lexicon.normalize_phrases("".join(pieces)).split())


def _predicates(sentence: str, piece: Piece, inside: list[Found]) -> tuple[str, ...]:
    """Content-word keys of the claim, outside its names, values and relative clauses."""
    masked = list(_without_holes(sentence, piece))
    for item in inside:
        if item.kind is MentionKind.QUOTE:
            continue
        _blank(masked, max(0, item.start - piece.start), min(len(masked), item.end - piece.start))
    text = lexicon.normalize_phrases("".join(masked))
    keys = {lexicon.content_key(word) for word in lexicon.words(text)}
    return tuple(sorted(k for k in keys if k))
