"""Claim + value -> what the value measures, and whether two values measure one thing.

The DATE and NUMBER rules compare two claims' values only when these say the values
count or date the same thing: the words around them agree, the claims are not a list
of many figures, a breakdown of the other's total, or about another event.
"""

from __future__ import annotations

import re
from itertools import pairwise

from claimcheck.clauses import negated_before
from claimcheck.lexicon import PAST_VERB, content_key, content_keys, title_case, verb_stem, words
from claimcheck.model import (
    NAME_KINDS,
    AmountValue,
    Claim,
    DateValue,
    Interval,
    Mention,
    MentionKind,
    NameValue,
    QuoteValue,
    TimeValue,
)
from claimcheck.normalize.date_grammar import WD

AMOUNT_KINDS = frozenset(
    {
        MentionKind.NUMBER,
        MentionKind.QUANTITY,
        MentionKind.MONEY,
        MentionKind.PERCENT,
        MentionKind.AGE,
    }
)
# Words around two counts that must agree besides the counted noun: "46 U.S. attorneys
# asked to resign" / "45 U.S. attorneys asked to resign" share several; different
# players' "12 points" share only the noun and a verb or two.
ANCHOR_WORDS_FOR_AMOUNTS = 2


def enumerates(claim: Claim) -> bool:
    """A list of three or more figures counts many things; none of them is the claim's fact.

    "seven rifles, one launcher and three other rifles", "20 points, nine rebounds and
    six assists". A vote ("5-4") is one figure, not two, and so is a share ("seven of
    the nine counts").
    """
    amounts = sorted(
        (
            m
            for m in claim.mentions
            if m.kind in AMOUNT_KINDS
            and m.role == ""
            and not (isinstance(m.value, AmountValue) and m.value.counted == "votes against")
        ),
        key=lambda m: m.span.start,
    )
    shares = sum(
        bool(
            _SHARE_OF.fullmatch(
                claim.text, first.span.end - claim.span.start, second.span.start - claim.span.start
            )
        )
        for first, second in pairwise(amounts)
    )
    return len(amounts) - shares >= 3


# "of the", "of its": what stands between a share and its whole ("seven of the nine").
_OF = r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
_SHARE_OF = re.compile(_OF, re.IGNORECASE)


_MEASURES = frozenset({MentionKind.QUANTITY, MentionKind.MONEY, MentionKind.PERCENT})


# Spans of time told in round numbers ("10 minutes", "45 seconds") are estimates this close.
_CLOCKED = frozenset({"second", "minute", "hour"})
ROUND_SHARE = 0.1


def as_written(mention: Mention) -> Interval:
    """A measure written as a whole number is rounded: "6 miles" may be 6.2 miles.

    Counts of things stay exact ("46 attorneys"); distances, sums and percentages
    written without decimals cover half a unit either side, so "4 percent" and
    "4.3 percent" agree while "4 percent" and "5 percent" do not. A round span of
    seconds, minutes or hours covers a tenth of itself either side: "10 minutes
    earlier" and "nine minutes" agree, "10 minutes" and "20 minutes" do not. A span of
    days, weeks, months or years may also have been cut down to its whole unit ("served
    four months" of four and a half), so it reaches a whole unit up: "four months" and
    "five months" agree, "three months" and "five months" do not. A small vague number
    reaches half again past its edges.
    """
    assert isinstance(mention.value, AmountValue)
    interval = mention.value.interval
    if _SMALL_VAGUE.match(mention.surface):
        # "a few minutes" has soft edges: "about 10 minutes" is a wording, "30" a clash
        return Interval(interval.lo / VAGUE_EDGE, interval.hi * VAGUE_EDGE)
    if mention.kind in _MEASURES and interval.is_point and "." not in mention.surface:
        magnitude = abs(interval.lo)
        step = 0.5
        if mention.value.unit in _CLOCKED and magnitude >= 10 and magnitude % 5 == 0:
            step = magnitude * ROUND_SHARE  # "10 minutes later" is nobody's stopwatch
        for scale in (1e9, 1e6, 1e3):  # "$50 million" is rounded to the million
            if magnitude >= scale and magnitude % scale == 0:
                step = scale / 2
                break
        if mention.value.unit in _CALENDAR_SPANS and step == 0.5:
            return Interval(interval.lo - step, interval.lo + 1, hi_open=True)
        return Interval(interval.lo - step, interval.lo + step, hi_open=True)
    return interval


_CALENDAR_SPANS = frozenset({"day", "week", "month", "year"})


# Vague words for a small number ("a few", "several"), whose edges are soft by this factor.
_SMALL_VAGUE = re.compile(r"(?:a\s+(?:few|couple|handful)|several)\b", re.IGNORECASE)
VAGUE_EDGE = 1.5


def quoted_spans(claim: Claim) -> list[tuple[int, int]]:
    """Quotations with a known speaker: a number changed inside one is the QUOTE rule's."""
    return [
        (m.span.start, m.span.end)
        for m in claim.mentions
        if m.kind is MentionKind.QUOTE and isinstance(m.value, QuoteValue) and m.value.speaker
    ]


def event_dates(claim: Claim) -> list[tuple[Mention, Interval]]:
    """The claim's own dates, outside quotations ("how many kids will you kill today").

    Nor inside an apposition that describes a name: "Pierre Thomas, the Saints' leading
    rusher in 2009, was put on injured reserve" dates his best season, not the move.
    """
    dates = [
        (m, m.value.interval)
        for m in claim.mentions
        if m.kind is MentionKind.DATE and isinstance(m.value, DateValue) and m.role == ""
    ]
    if not dates:
        return []  # most claims: read no further
    aside = [(m.span.start, m.span.end) for m in claim.mentions if m.kind is MentionKind.QUOTE]
    aside += _appositions(claim)
    return [
        (m, interval)
        for m, interval in dates
        if not any(start <= m.span.start < end for start, end in aside)
    ]


# ", the Saints' leading rusher in 2009," after a name: what the name is.
_APPOSITION = re.compile(r",\s+(?:the|an?|one\s+of\s+the)\s+([^,;()]{3,80}?),")


def apposition_after(claim: Claim, name: Mention) -> re.Match[str] | None:
    """The apposition right after a name of the claim; group 1 is what it says the name is."""
    return _APPOSITION.match(claim.text, name.span.end - claim.span.start)


def _appositions(claim: Claim) -> list[tuple[int, int]]:
    """Absolute spans of the appositions that stand right after a name of the claim."""
    spans = []
    for mention in claim.mentions:
        if mention.kind in (MentionKind.PERSON, MentionKind.ORG, MentionKind.ACTOR):
            found = apposition_after(claim, mention)
            if found is not None:
                spans.append((claim.span.start + found.start(), claim.span.start + found.end()))
    return spans


_WEEKDAY = re.compile(rf"\b({WD})\b", re.IGNORECASE)


def weekdays_named(mention: Mention) -> set[str]:
    """The weekdays a date mention names, lower-cased ("Saturday morning": {"saturday"})."""
    return {day.lower() for day in _WEEKDAY.findall(mention.surface)}


def disjoint_event_dates(
    a: Claim, b: Claim, ma: Mention | None = None, mb: Mention | None = None
) -> bool:
    """True when both claims are dated and no date of one overlaps a date of the other.

    With a value of each claim (``ma``, ``mb``), only the dates of that value's own
    proposition count: "A jury on Thursday convicted Vance, finding that she stole
    $2,314,600" dates the verdict, not the theft.
    """
    dates_a, dates_b = _dates_beside(a, ma), _dates_beside(b, mb)
    if not dates_a or not dates_b:
        return False
    return not any(x.overlaps(y) for _, x in dates_a for _, y in dates_b)


# A verb of finding or saying opens a proposition with its own time: "finding that ...".
_COMPLEMENT = re.compile(
    r"\b(?:find|finding|found|rule|ruling|ruled|conclude|concluding|concluded|determine"
    r"|determining|determined|say|saying|said|allege|alleging|alleged|claim|claiming|claimed"
    r"|argue|arguing|argued|show|showing|showed)\s+that\b",
    re.IGNORECASE,
)


def _dates_beside(claim: Claim, value: Mention | None) -> list[tuple[Mention, Interval]]:
    """The claim's event dates on the same side of every "finding that" as ``value``."""
    dates = event_dates(claim)
    if value is None or not dates:
        return dates
    bounds = [m.end() + claim.span.start for m in _COMPLEMENT.finditer(claim.text)]
    if not bounds:
        return dates
    at = value.span.start
    return [(m, i) for m, i in dates if all((m.span.start < b) == (at < b) for b in bounds)]


_PERCENT_OF = re.compile(rf"{_OF}(?:a\s+|an\s+)?(\w+)")


_DISTANCES = frozenset({"km", "mi", "m", "ft", "yd"})
_AWAY_FROM = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?"
    r"(?P<way>(?:(?:north|south|east|west)-)?(?:north|south)(?:-?(?:east|west))?|"
    r"(?:(?:east|west)-)?(?:east|west)|outside|from)\b"
    r"\s+(?:of\s+)?(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?(?P<place>[A-Za-z]+)",
    re.IGNORECASE,
)


# The dimension a length measures, named before it: "a depth of", "at a distance of".
_DIMENSION_OF = re.compile(
    r"\b(depth|height|length|width|altitude|radius|diameter)\s+of\s+(?:about\s+|some\s+)?\Z",
    re.IGNORECASE,
)


def counted_of(mention: Mention, claim: Claim) -> str:
    """What a figure counts; for a bare percentage, the whole it is a share of.

    "60 percent of its revenue" and "7.2% of the market" are shares of different things.
    """
    assert isinstance(mention.value, AmountValue)
    if mention.value.unit in _DISTANCES:
        away = _AWAY_FROM.match(claim.text, mention.span.end - claim.span.start)
        if away:  # "15 miles north of Detroit" and "50 miles north of here" measure from two places
            return f"{away['way'].replace('-', '').lower()} of {away['place'].lower()}"
        start = mention.span.start - claim.span.start
        dimension = _DIMENSION_OF.search(claim.text[max(0, start - 30) : start])
        if dimension:  # "a depth of 2.7 miles" is no distance from a place
            return dimension.group(1).lower()
    if mention.value.counted or mention.kind is not MentionKind.PERCENT:
        return mention.value.counted
    after = _PERCENT_OF.match(claim.text, mention.span.end - claim.span.start)
    return after.group(1).lower() if after else ""


def counted_key(counted: str) -> str:
    return (content_key(counted) or counted) if counted else ""


def under_negation(claim: Claim, mention: Mention) -> bool:
    """A negation before the value covers it: "had not named the suspect by Monday".

    A possessive date dates its own noun whatever the verb denies: "will not affect
    his status for Sunday's game" still puts the game on Sunday.
    """
    if mention.kind is MentionKind.DATE and possessive(claim, mention):
        return False
    return negated_before(claim.text, mention.span.start - claim.span.start)


def possessive(claim: Claim, mention: Mention) -> bool:
    """The mention owns the noun after it: "Sunday's game"."""
    end = mention.span.end - claim.span.start
    return claim.text[end : end + 2] in ("'s", "’s")


def shared_names(a: Claim, b: Claim) -> bool:
    """The claims name someone or something in common, as written (not aliased)."""
    names_a = {m.value.key() for m in a.mentions if isinstance(m.value, NameValue)}
    return any(isinstance(m.value, NameValue) and m.value.key() in names_a for m in b.mentions)


def anchor_keys(claim: Claim, mention: Mention, window: int = 6) -> set[str]:
    """Content words near a value: what it dates or counts ("a November meeting")."""
    # Names say where or who, not what happened: "at Marlow" dates nothing by itself. A
    # title-case headline capitalises every word ("Ferry Fire Leaves Three Dead"), so
    # there a capital tells nothing of what a figure counts. (Its dates stay as they are:
    # a headline's date is often the posting date a page runs into it.)
    titled = mention.kind is not MentionKind.DATE and title_case(claim.text)
    return {
        key
        for word in _words_near(claim, mention, window)
        if (titled or not word[0].isupper()) and (key := content_key(word))
    }


def _words_near(claim: Claim, mention: Mention, window: int) -> list[str]:
    """Up to ``window`` words either side of a value, within its clause, other values blanked."""
    text = list(claim.text)
    for other in claim.mentions:  # "26-year-old" is a value, not a word about the event
        if other.kind in VALUE_MENTIONS and other is not mention:
            for k in range(
                max(0, other.span.start - claim.span.start),
                min(len(text), other.span.end - claim.span.start),
            ):
                text[k] = " "
        # a name of several words is one word of the window: "a merchant vessel in the
        # Gulf of Aden on Tuesday" keeps "merchant vessel" within six words of the day
        elif other.kind in NAME_KINDS and " " in other.surface:
            start = max(0, other.span.start - claim.span.start) + other.surface.find(" ")
            for k in range(start, min(len(text), other.span.end - claim.span.start)):
                text[k] = " "
    masked = "".join(text)
    offset = mention.span.start - claim.span.start
    before = words(masked[_clause_start(masked, offset) : offset])[-window:]
    after = words(masked[offset + len(mention.surface) :])[:window]
    return before + after


def _clause_start(text: str, offset: int) -> int:
    """Where the clause holding ``offset`` starts.

    A clause that a comma and a new subject close is not the one after it ("when Hiller
    found a group in a break room, she allowed one person to leave").
    """
    opened = list(_NEW_SUBJECT.finditer(text, 0, offset))
    return opened[-1].end() if opened else 0


def same_step(a: Claim, ma: Mention, b: Claim, mb: Mention) -> bool:
    """The values belong to one step of a proceeding, or a claim names no step beside its value.

    "In 1957 Gigante was charged with attempted murder" / "Gigante was acquitted in
    1958 on charges of attempted murder": the charge and the verdict are two events
    with a date each. "was charged Tuesday" / "was charged on Saturday" share the step.
    """
    steps_a, steps_b = _steps(a, ma), _steps(b, mb)
    return not (steps_a and steps_b) or bool(steps_a & steps_b)


def _steps(claim: Claim, mention: Mention) -> set[str]:
    near = " ".join(_words_near(claim, mention, STEP_WINDOW)).lower()
    return {str(match.lastgroup) for match in _STEPS.finditer(near)}


STEP_WINDOW = 6
# Steps of a criminal case, a bill, a job and a life, each its own event: the verb
# forms only ("charged", not the noun "charges"); "tried to" is an attempt, "passed
# away" a death.
_STEPS = re.compile(
    "|".join(
        rf"\b(?P<{step}>{forms})\b"
        for step, forms in {
            "arrest": "arrested|detained|apprehended",
            "charge": "charged|indicted",
            "arraignment": "arraigned",
            "plea": "pleaded|pled",
            "trial": r"tried(?!\s+to\b)",
            "verdict": "convicted|acquitted",
            "sentence": "sentenced",
            "release": "released|freed|paroled",
            "appeal": "appealed",
            "injury": r"injured|wounded|hospitali[sz]ed",
            "death": r"died|killed|dead|passed\s+away",
            "bill_introduced": "introduced|proposed",
            "bill_passed": r"passed(?!\s+away)|approved|adopted",
            "bill_signed": "signed|vetoed",
            "hiring": "hired|appointed",
            "firing": "fired|sacked|dismissed|ousted",
            "birth": "born",
        }.items()
    )
)


VALUE_MENTIONS = AMOUNT_KINDS | {MentionKind.DATE, MentionKind.TIME}
_NEW_SUBJECT = re.compile(r",\s+(?=(?:he|she|they|it|we|I)\s)")


def restated(mention: Mention, other: Claim) -> bool:
    """The other claim states the same figure too, counted another way.

    "shot to death one person and injured two others" / "shooting three people,
    killing one": a breakdown and a total, not two tolls.
    """
    if not isinstance(mention.value, AmountValue):
        return False
    if any(
        isinstance(m.value, AmountValue) and m.value.interval == mention.value.interval
        for m in other.mentions
        if m.kind in AMOUNT_KINDS
    ):
        return True
    interval = mention.value.interval
    if not interval.is_point or not float(interval.lo).is_integer() or not 0 <= interval.lo <= 20:
        return False
    count = int(interval.lo)
    # "killing one": a small number standing alone is not always a found amount.
    written = {str(count), _SMALL_NUMBERS[count]}
    return any(re.search(rf"\b{word}\b", other.text, re.IGNORECASE) for word in written)


_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def other_values_differ(a: Claim, b: Claim, ma: Mention, mb: Mention) -> bool:
    """Two claims that also disagree on another figure, date or win-loss record are two events.

    "a 5.6 quake on Sunday" / "a 6.1 quake in September": not one quake dated twice;
    nor is a quake at 7:30 a.m. the one at 9:30 a.m., nor the 32-year-old "Klitschko
    (52-3)" the 36-year-old who "improved his record to 58-3".
    """
    if ma.kind is not MentionKind.DATE and disjoint_event_dates(a, b, ma, mb):
        return True
    records_a, records_b = _records(a.text), _records(b.text)
    if records_a and records_b and not records_a & records_b:
        return True  # "Klitschko (52-3)" / "improved his record to 58-3": two fights
    times_a = [m.value.interval for m in a.mentions if isinstance(m.value, TimeValue)]
    times_b = [m.value.interval for m in b.mentions if isinstance(m.value, TimeValue)]
    if times_a and times_b and not any(x.overlaps(y) for x in times_a for y in times_b):
        return True  # "struck at 7:30 a.m. ... 1.4 miles deep" / "at 9:30 a.m. ... 2.7 miles"
    for x in a.mentions:
        for y in b.mentions:
            if x is ma or y is mb or x.role or y.role:
                continue
            if not (isinstance(x.value, AmountValue) and isinstance(y.value, AmountValue)):
                continue
            thing = (x.value.unit, counted_key(x.value.counted))
            if thing != (y.value.unit, counted_key(y.value.counted)) or thing == ("", ""):
                continue
            if x.value.counted in _VOTES:
                continue  # the other half of the same vote
            if not as_written(x).overlaps(as_written(y)):
                return True
    return False


_VOTES = frozenset({"votes for", "votes against"})
# A win-loss record, which changes with every game or fight: "Creighton (25-7)", "his record
# to 58-3", "improved to 10-0".
_RECORD = re.compile(
    r"(?:\(|\brecord\s+(?:of|to|at)\s+|\b(?:improved|fell|dropped|moved)\s+to\s+)"
    r"(\d{1,3}-\d{1,3}(?:-\d{1,3})?)\b"
)


def _records(text: str) -> set[str]:
    return set(_RECORD.findall(text))


def same_anchor(a: Claim, ma: Mention, b: Claim, mb: Mention) -> bool:
    """Two values clash only when they measure the same thing, judged by the words around them.

    "a November meeting" / "their meeting in December" share "meeting"; "Eleven men were
    charged" / "seven men have been convicted" share only the counted noun, which does
    not count: it is what both values count, not what happened to it. Two dates of
    the same verb in the past measure the same thing too (``_same_dated_verb``).
    """
    counted = {
        counted_key(m.value.counted)
        for m in (ma, mb)
        if isinstance(m.value, AmountValue) and m.value.counted
    }
    shared = (anchor_keys(a, ma) & anchor_keys(b, mb)) - counted
    return (
        len(shared) >= (ANCHOR_WORDS_FOR_AMOUNTS if counted else 1)
        or bool(ranked_thing(a, ma, b, mb))
        or _same_dated_verb(a, ma, b, mb)
    )


def _same_dated_verb(a: Claim, ma: Mention, b: Claim, mb: Mention) -> bool:
    """Both dates date the same verb in the past.

    "was nearly destroyed by a fire early Friday" / "the fire that destroyed the old
    dairy warehouse in Palmer on Tuesday": the words beside the two dates differ (a
    name of several words, a longer object), the act they date does not. That act is
    the last verb in the past before each date in its clause: "confirmed on Friday" /
    "entered rehab on Tuesday" date two acts.
    """
    if ma.kind is not MentionKind.DATE or mb.kind is not MentionKind.DATE:
        return False
    verb = _dated_verb(a, ma)
    return bool(verb) and verb == _dated_verb(b, mb)


_PAST_VERB = re.compile(PAST_VERB)
# How far before a date its verb may stand, in words.
DATED_VERB_WORDS = 12


def _dated_verb(claim: Claim, mention: Mention) -> str:
    """The stem of the last verb in the past before the date, within its clause; or ""."""
    return _dated_verb_and_object(claim, mention)[0]


def _dated_verb_and_object(claim: Claim, mention: Mention) -> tuple[str, list[str]]:
    """The dated verb's stem and the words between it and the date ("", [] for no verb)."""
    offset = mention.span.start - claim.span.start
    before = words(claim.text[_clause_start(claim.text, offset) : offset])
    for back, word in enumerate(reversed(before[-DATED_VERB_WORDS:])):
        if _PAST_VERB.fullmatch(word):
            return verb_stem(word), before[len(before) - back :]
    return "", []


def different_objects(a: Claim, ma: Mention, b: Claim, mb: Mention) -> bool:
    """Both dates date one verb done to two different things: two acts, not one.

    "Rescuers found two hikers near the summit on Friday" / "Rescuers found the missing
    climber near the summit on Tuesday": two finds. Each object is the noun the verb
    takes before any preposition; they differ when neither claim says the other's.
    """
    verb_a, between_a = _dated_verb_and_object(a, ma)
    verb_b, between_b = _dated_verb_and_object(b, mb)
    if not verb_a or verb_a != verb_b:
        return False
    head_a, head_b = _object_head(between_a), _object_head(between_b)
    if not (head_a and head_b) or head_a == head_b:
        return False
    return head_a not in content_keys(b.text) and head_b not in content_keys(a.text)


def _object_head(between: list[str]) -> str:
    """The key of the last word of the noun phrase right after a verb; "" when none."""
    head = ""
    for word in between:
        if word.lower() in _ENDS_AN_OBJECT:
            break
        head = content_key(word) or head
    return head


# Words that end the object after a verb, or show the verb takes none ("met with").
_ENDS_AN_OBJECT = frozenset(
    "in on at near for with to from by of into onto over under after before during since "
    "while when as and or but that which who than about against across along around "
    "behind below beside between beyond inside outside through toward towards upon "
    "within without".split()
)


def ranked_thing(a: Claim, ma: Mention, b: Claim, mb: Mention) -> str:
    """The one thing both ordinals place, when both claims name it with "the" or a possessive.

    "Harwick's winner came in the 78th minute" / "Ferri headed the winner in the 87th
    minute": a match has one winner, so its minute is one fact, whoever is named with it.
    "scored in the 34th minute" / "scored in the 61st minute" place two goals.
    """
    if not (_ordinal(ma) and _ordinal(mb)):
        return ""
    counted = {counted_key(m.value.counted) for m in (ma, mb) if isinstance(m.value, AmountValue)}
    shared = (anchor_keys(a, ma) & anchor_keys(b, mb)) - counted
    definite = _definite_nouns(a.text) & _definite_nouns(b.text)
    return min(shared & definite, default="")


def _ordinal(mention: Mention) -> bool:
    return isinstance(mention.value, AmountValue) and mention.value.unit == "ordinal"


def _definite_nouns(text: str) -> set[str]:
    """Keys of singular words after "the" or a possessive: "the winner", "Harwick's late winner".

    Not after "of": "the key play of the game" places the play, not the game.
    """
    return {
        key
        for phrase in _DEFINITE.findall(text)
        for word in phrase
        if word and not word.endswith("s") and (key := content_key(word))
    }


# the determiner and up to two words: "the winner", "the decisive attack"
_DEFINITE = re.compile(r"(?<!\bof )(?:\b[Tt]he|\w['’]s)\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")
