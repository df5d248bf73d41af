"""DATE and NUMBER: values of the same fact whose intervals cannot overlap."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from rapidfuzz import fuzz

from claimcheck.clauses import HEDGE_RE, hedged
from claimcheck.lexicon import IRREGULAR_PAST, content_key, content_keys, verb_stem, words
from claimcheck.match import age_at_death, age_owner, aged_people, same_person
from claimcheck.model import (
    AmountValue,
    Claim,
    Cluster,
    ConflictKind,
    DateValue,
    Interval,
    Mention,
    MentionKind,
    Severity,
    UnresolvedDate,
)
from claimcheck.normalize.date_grammar import (
    DAY,
    MONTH_ABBR,
    MONTH_FULL,
    MONTHS,
    SMALL,
    WEEKDAYS,
)
from claimcheck.normalize.number_words import APPROX_OP
from claimcheck.roles import age_role
from claimcheck.rules import (
    Context,
    Finding,
    Rule,
    linked_pairs,
    same_owner,
    same_period,
    scored_pairs,
)
from claimcheck.rules.measures import (
    AMOUNT_KINDS,
    as_written,
    counted_key,
    counted_of,
    different_objects,
    enumerates,
    event_dates,
    other_values_differ,
    possessive,
    quoted_spans,
    ranked_thing,
    restated,
    same_anchor,
    same_step,
    shared_names,
    under_negation,
    weekdays_named,
)

# Counts that change as a story develops: a later, larger figure is an update.
_RUNNING_TOTALS = frozenset(
    content_key(word) or word
    for word in [
        "dead",
        "death",
        "killed",
        "died",
        "victim",
        "injured",
        "wounded",
        "hurt",
        "missing",
        "arrested",
        "detained",
        "evacuated",
        "displaced",
        "case",
        "infection",
        "hospitalized",
        "rescued",
        "survivor",
        "casualty",
        "toll",
        "refugee",
        "evacuee",
        "homeless",
    ]
)
_RUNNING = re.compile(
    r"\b(?:so far|to date|thus far|as of now|so far this)\b"
    # time elapsed up to the report: "after eight days of the worst riots"
    r"|\bafter\s+\S+\s+(?:straight\s+|consecutive\s+|more\s+)?(?:days|weeks|months|nights|hours)\s+of\b",
    re.IGNORECASE,
)
_PRELIMINARY = re.compile(
    r"\b(?:preliminary|initially|originally|first estimated|early estimates?)\b", re.IGNORECASE
)
_UPDATE_CUES = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped|grew|now|so far|as of|at least|"
    r"updated|revised|latest)\b",
    re.IGNORECASE,
)

# Values are compared only between claims matched at least this strongly: a rival
# number or date is a strong claim, and loosely related claims count other things.
VALUE_LINK = 0.4
# How alike two claims must read, values masked, for their values to be compared.
VALUE_WORDING = 50
# Claims that read the same but for the value measure the same thing whatever the
# words around the value are (rapidfuzz ratio of the value-masked frames).
SAME_FRAME = 90

ValuesOf = Callable[[Claim], list[tuple[Mention, Interval]]]


def check_dates(cluster: Cluster, context: Context) -> list[Finding]:
    """The same event dated to intervals that cannot overlap.

    Catches: "Trump asked him to stay on during a November meeting" (published
    2017-03-11, so November 2016) / "Trump had asked him to stay on during their
    meeting in December". Without a publication date to place it, a weekday or a
    day of the year still dates the event: "Williams died early Thursday in her
    sleep" / "Williams passed away early Sunday in her sleep"; "elections scheduled
    for December 24" / "elections planned for December 15, 2013". So does a count
    of days from the same event: "arrested five days before the cup final" /
    "arrested eight days before the cup final". Leaves alone: "...in November" /
    "...last year" (2016 holds November), a date that only says when something was
    said ("said Friday"), "late Friday" / "early Saturday" (one night), and "a week
    after" / "nine days after" (a round span).
    """
    findings = _value_rule(
        cluster,
        context,
        ConflictKind.DATE,
        "DATE",
        _dates_alone,
        "the dates cannot overlap",
        pair_ok=lambda a, b: (
            _not_one_weekday(a, b)
            and _same_possession(a, b)
            and not _upcoming_and_past(a, b, context)
            and not _dated_objects_differ(a, b)
        ),
    )
    if not findings:
        findings = _value_rule(
            cluster,
            context,
            ConflictKind.DATE,
            "DATE",
            _offsets,
            "the offsets from the same event differ",
            pair_ok=_offset_from_one_event,
        )
    if findings or not any(
        isinstance(m.value, UnresolvedDate) and _names_a_day(m)
        for claim in cluster.claims
        for m in claim.mentions
    ):
        return findings  # the partial readings need a weekday or day left unresolved
    days = {claim.id: _the_date(claim) for claim in cluster.claims}  # read once, used twice

    def partly_unresolved(a: Claim, b: Claim) -> bool:
        """One side's date lacks a year: the plain comparison of intervals left it out."""
        first, second = days[a.id], days[b.id]
        return isinstance(first and first.value, UnresolvedDate) or isinstance(
            second and second.value, UnresolvedDate
        )

    for partial, overlap, why in _PARTIAL_DATES:
        if findings:
            break

        def values_of(claim: Claim, partial: PartialOf = partial) -> list[tuple[Mention, Interval]]:
            return partial(claim, days[claim.id])

        findings = _value_rule(
            cluster,
            context,
            ConflictKind.DATE,
            "DATE",
            values_of,
            why,
            overlap=overlap,
            pair_ok=lambda a, b: partly_unresolved(a, b) and _same_possession(a, b),
        )
    return findings


# Parts of the day that reach across midnight: "late Friday" may be early Saturday
# where the other outlet is, so a day either side still overlaps.
_NIGHT = re.compile(
    r"\b(?:early|late|night|overnight|midnight|evening|predawn|pre-dawn|dawn)\b", re.IGNORECASE
)
_RELATIVE = re.compile(r"\b(?:after|before|since|until|ago|later|earlier|prior)\b", re.IGNORECASE)
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{MONTH_FULL}|{MONTH_ABBR})(?:\.|\b)\s*(?P<day>{DAY})"
    rf"|\b(?P<day2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH_FULL}|{MONTH_ABBR})\b",
    re.IGNORECASE,
)
# Days before each month in a year of 365 days: 1 January is day 0.
_MONTH_START = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _dates_alone(claim: Claim) -> list[tuple[Mention, Interval]]:
    """The claim's resolved event dates, unless it also dates a second event by this one.

    "The Saints made the move one day after placing Ivory on injured reserve because
    of an injury during Sunday's game": Sunday dates the injury, not the move.
    """
    dates = [m for m in claim.mentions if m.kind is MentionKind.DATE and m.role == ""]
    if any(isinstance(m.value, UnresolvedDate) and _OFFSET.search(m.surface) for m in dates):
        return []
    dated = [(m, _small_hours(claim, m, interval)) for m, interval in event_dates(claim)]
    if len(dated) < 2:
        return dated
    # "December 24 of this year": the year right after the day only places it
    return [
        (m, interval)
        for m, interval in dated
        if not any(
            o is not m
            and interval.contains(i)
            and i != interval
            and 0 <= m.span.start - o.span.end <= PLACES_THE_DAY
            for o, i in dated
        )
    ]


PLACES_THE_DAY = 12  # characters between a day and the year that places it ("of this year")


# "Early Friday" is the night another outlet calls Thursday's; "late Thursday" may be
# early Friday. A night itself ("Tuesday night") stays on its day.
_EARLY = re.compile(r"\b(?:early|predawn|pre-dawn)\b", re.IGNORECASE)
_LATE = re.compile(r"\blate\b", re.IGNORECASE)


def _small_hours(claim: Claim, mention: Mention, interval: Interval) -> Interval:
    """A day's date told as early (or late) reaches back (or on) into the night beside it."""
    start = max(0, mention.span.start - claim.span.start - 12)
    near = claim.text[start : mention.span.end - claim.span.start + 12]
    if _EARLY.search(near):
        return Interval(interval.lo - 1, interval.hi, interval.lo_open, interval.hi_open)
    if _LATE.search(near):
        return Interval(interval.lo, interval.hi + 1, interval.lo_open, interval.hi_open)
    return interval


# A counted offset from another event: "one day after", "three weeks before" (an hour
# after something on Sunday is still Sunday).
_OFFSET = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+"
    r"(?:days?|weeks?|months?|years?)\s+(?:after|before|later|earlier|ago)\b",
    re.IGNORECASE,
)


# The offset read as a length of time: "eight days before a key playoff game", "a week
# after the vote". Round spans ("about two weeks", "a few days") are left alone.
_OFFSET_READ = re.compile(
    rf"(?P<n>{'|'.join(sorted(SMALL, key=len, reverse=True))}|[0-9]{{1,3}})\s+"
    r"(?P<unit>day|week|month|year)s?\s+(?P<way>after|before|prior\s+to)\s+"
    r"(?P<event>(?:[\w’'-]+\s+){0,3}[\w’'-]+)",
    re.IGNORECASE,
)
# The words that make a count approximate or a bound ("about", "nearly", "more than"),
# as the amount grammar reads them.
_ROUGHLY = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(words)
        for words, op in sorted(APPROX_OP.items(), key=lambda kv: -len(kv[0]))
        if op != "exact"
    )
    + r")\s+\Z",
    re.IGNORECASE,
)
# Days in each unit, as the range a count of it may mean (a month is 28 to 31 days), and
# the days either side a count of the longer units is rounded from: "a week after" may
# be nine days, "two weeks" 16, but three weeks are not two.
_UNIT_DAYS = {"day": (1.0, 1.0), "week": (7.0, 7.0), "month": (28.0, 31.0), "year": (365.0, 366.0)}
_ROUNDED_BY = {"day": 0.0, "week": 3.0, "month": 7.0, "year": 30.0}


def _offset_match(claim: Claim, mention: Mention) -> re.Match[str] | None:
    """The offset a date mention begins, read on into the event it is counted from."""
    start = mention.span.start - claim.span.start
    return _OFFSET_READ.match(claim.text, start)


def _offsets(claim: Claim) -> list[tuple[Mention, Interval]]:
    """The claim's one offset from another event, in days (negative: before it).

    "arrested eight days before a key NFL playoff game" gives -8. A claim with two
    offsets cannot say which is the one another outlet gives, and a rough one ("about
    two weeks before") is no exact count.
    """
    found = [
        (m, hit)
        for m in claim.mentions
        if m.kind is MentionKind.DATE
        and m.role == ""
        and isinstance(m.value, UnresolvedDate)
        and (hit := _offset_match(claim, m)) is not None
    ]
    if len(found) != 1:
        return []
    mention, hit = found[0]
    start = mention.span.start - claim.span.start
    if _ROUGHLY.search(claim.text[max(0, start - 20) : start]):
        return []
    count_text = hit["n"].lower()
    count = int(count_text) if count_text.isdigit() else SMALL.get(count_text, 0)
    unit = hit["unit"].lower()
    low, high = _UNIT_DAYS[unit]
    days = Interval(count * low - _ROUNDED_BY[unit], count * high + _ROUNDED_BY[unit])
    if hit["way"].lower() == "after":
        return [(mention, days)]
    return [(mention, Interval(-days.hi, -days.lo))]


def _offset_from_one_event(a: Claim, b: Claim) -> bool:
    """Both offsets count from the same event: their words after "before" or "after" meet."""
    events = []
    for claim in (a, b):
        (mention, _), *_ = _offsets(claim)
        hit = _offset_match(claim, mention)
        assert hit is not None
        events.append(content_keys(hit["event"]))
    return bool(events[0] & events[1])


def _dated_objects_differ(a: Claim, b: Claim) -> bool:
    """The one dated verb of both claims is done to two different things."""
    dated_a, dated_b = _dates_alone(a), _dates_alone(b)
    return bool(dated_a and dated_b) and different_objects(a, dated_a[0][0], b, dated_b[0][0])


def _not_one_weekday(a: Claim, b: Claim) -> bool:
    """Two reports naming the same weekday agree, whatever week each resolved it to.

    "found on Saturday" in a paper of Sunday and "arrested Saturday morning" in one of
    the next Friday both mean the Saturday of the event.
    """
    named = [weekdays_named(m) for claim in (a, b) for m, _ in event_dates(claim)]
    return not (len(named) == 2 and len(named[0]) == 1 and named[0] == named[1])


def _upcoming_and_past(a: Claim, b: Claim, context: Context) -> bool:
    """One claim dates its event after its publication, the other before that day.

    "A plea hearing will be held on September 6" / "No plea was entered at
    yesterday's hearing": when the first was written, the second's event was past,
    so it speaks of another one. Two upcoming dates still clash ("will discuss the
    audit at its Jan. 16 meeting" / "is scheduled to discuss the findings on Feb. 16").
    """
    for first, second in ((a, b), (b, a)):
        published = context.published.get(first.source_id)
        if published is None:
            continue
        day = Interval.point(published.toordinal())
        upcoming = [i for _m, i in event_dates(first) if i.lo > day.hi]
        past = [i for _m, i in event_dates(second) if i.hi < day.lo]
        if upcoming and past:
            return True
    return False


def _same_possession(a: Claim, b: Claim) -> bool:
    """A date that owns a thing ("Sunday's playoff game") dates that thing, not the claim.

    So it can clash only with a claim about the same thing: "Sunday's cup final" /
    "the cup final on Saturday" do, "an arrest will not affect Jackson's status for
    Sunday's playoff game" / "Jackson, arrested Jan. 6" do not.
    """
    for one, other in ((a, b), (b, a)):
        thing = _dated_thing(one)
        if not thing:
            continue
        owned = {key for word in thing if (key := content_key(word))}
        other_words = {word.lower() for word in words(other.text)}
        if not owned & {content_key(word) for word in other_words}:
            return False
        if (set(thing) & _ORDINAL_WORDS) - other_words:
            return False  # "Friday's second semifinal" is not "a semifinal on Saturday"
    return True


# An ordinal picks one of several things: "Friday's second semifinal".
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split()
)


def _dated_thing(claim: Claim) -> list[str]:
    """The three words, lower-cased, after a possessive date ("Sunday's cup final")."""
    for mention in claim.mentions:
        if mention.kind is MentionKind.DATE and mention.role == "" and possessive(claim, mention):
            following = words(claim.text[mention.span.end - claim.span.start + 2 :])[:3]
            return [word.lower() for word in following]
    return []


def _the_date(claim: Claim) -> Mention | None:
    """The claim's one date that names a day or month, outside quotations.

    A year may stand beside it ("December 24 of this year"); two days cannot say
    which event each belongs to, and neither can a day beside a second event
    ("left on Thursday, three days after an audit found ...").
    """
    quoted = quoted_spans(claim)
    dates = [
        m
        for m in claim.mentions
        if m.kind is MentionKind.DATE
        and m.role == ""
        and not any(s <= m.span.start < e for s, e in quoted)
    ]
    days = [m for m in dates if _names_a_day(m)]
    if len(days) != 1 or any(_RELATIVE.search(m.surface) for m in dates):
        return None
    return days[0]


def _names_a_day(mention: Mention) -> bool:
    value = mention.value
    if isinstance(value, DateValue):
        return value.granularity in ("day", "month") or value.first == value.last
    return isinstance(value, UnresolvedDate) and bool(
        weekdays_named(mention) or _MONTH_DAY.search(mention.surface)
    )


def _widened(claim: Claim, mention: Mention, interval: Interval) -> Interval:
    """A day either side when the date is told as a night or an early or late hour."""
    start = max(0, mention.span.start - claim.span.start - 12)
    if not _NIGHT.search(claim.text[start : mention.span.end - claim.span.start + 12]):
        return interval
    return Interval(interval.lo - 1, interval.hi + 1)


def _weekdays(claim: Claim, mention: Mention | None) -> list[tuple[Mention, Interval]]:
    """The weekday of an event dated by ``mention``, from a day's date or the weekday named."""
    if mention is None:
        return []
    value = mention.value
    if isinstance(value, DateValue):
        if value.first != value.last:
            return []
        day = value.first.weekday()
    elif isinstance(value, UnresolvedDate):
        named = weekdays_named(mention)
        if len(named) != 1:
            return []
        day = WEEKDAYS.index(named.pop())
    else:
        return []
    return [(mention, _widened(claim, mention, Interval.point(day)))]


def _days_of_year(claim: Claim, mention: Mention | None) -> list[tuple[Mention, Interval]]:
    """The day of the year of an event dated by ``mention``, whatever the year."""
    if mention is None:
        return []
    value = mention.value
    if isinstance(value, DateValue):
        if value.granularity not in ("day", "month") or value.first.year != value.last.year:
            return []
        interval = Interval(_day_of_year(value.first), _day_of_year(value.last))
    elif isinstance(value, UnresolvedDate):
        found = _MONTH_DAY.search(mention.surface)
        if found is None:
            return []
        month = MONTHS[(found["mon"] or found["mon2"])[:3].lower()]
        last = date(2001 + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        day = int(re.sub(r"\D", "", found["day"] or found["day2"]))
        interval = Interval.point(_day_of_year(last.replace(day=min(day, last.day))))
    else:
        return []
    return [(mention, _widened(claim, mention, interval))]


def _day_of_year(day: date) -> int:
    """0 for 1 January, 364 for 31 December; 29 February counts as the 28th."""
    return _MONTH_START[day.month - 1] + min(day.day, 28 if day.month == 2 else 31) - 1


def _cyclic(period: int) -> Callable[[Interval, Interval], bool]:
    """Overlap on a circle: Sunday night and early Monday meet across the week's end."""

    def overlap(a: Interval, b: Interval) -> bool:
        return any(
            a.overlaps(Interval(b.lo + k, b.hi + k, b.lo_open, b.hi_open))
            for k in (-period, 0, period)
        )

    return overlap


PartialOf = Callable[[Claim, Mention | None], list[tuple[Mention, Interval]]]
_PARTIAL_DATES: tuple[tuple[PartialOf, Callable[[Interval, Interval], bool], str], ...] = (
    (_weekdays, _cyclic(7), "one event cannot fall on both weekdays"),
    (_days_of_year, _cyclic(365), "one event cannot fall on both days of the year"),
)


def check_numbers(cluster: Cluster, context: Context) -> list[Finding]:
    """The same counted thing given amounts that cannot both hold.

    Catches: "46 U.S. attorneys were asked to resign" / "45 U.S. attorneys were asked
    to resign"; a 5-4 vote / a 6-3 vote. Leaves alone: "over a dozen lawmakers" /
    "17 politicians" (both above 12), "17 politicians, 10 of them Democrats" (a
    subset), counts of different things, and a toll that rose between two days' reports.
    """
    findings = []
    # Each claim's comparable amounts with their (unit, counted) group, read once per
    # cluster rather than once per group.
    amounts = {claim.id: _comparable_amounts(claim) for claim in cluster.claims}
    for unit, counted in _amount_groups(cluster):

        def values_of(
            claim: Claim, unit: str = unit, counted: str = counted
        ) -> list[tuple[Mention, Interval]]:
            return [
                (m, as_written(m)) for m, group in amounts[claim.id] if group == (unit, counted)
            ]

        def comparable(a: Claim, b: Claim, values_of: ValuesOf = values_of) -> bool:
            ma, mb = values_of(a)[0][0], values_of(b)[0][0]
            return (
                _same_whole(a, b)
                and _same_pick(a, b)
                and _same_scope(a, ma, b, mb)
                and _closing(a, ma) == _closing(b, mb)
                and not (_weather(a, ma) and _weather(b, mb))
            )

        findings.extend(
            _value_rule(
                cluster,
                context,
                ConflictKind.NUMBER,
                "NUMBER",
                values_of,
                "the amounts cannot both be true",
                running_total=True,
                pair_ok=comparable,
            )
        )
    return findings


# A count owned by one part of an organisation: "the office's 40 employees".
_PART_OWNER = re.compile(
    r"\b(office|branch|plant|store|unit|division|department|factory|site|facility|campus"
    r"|subsidiary|bureau|warehouse|mine)['’]s\s+(?:[a-z]+\s+)?\d",
    re.IGNORECASE,
)


def _part_owner(text: str) -> str:
    match = _PART_OWNER.search(text)
    return match.group(1).lower() if match else ""


def _same_whole(a: Claim, b: Claim) -> bool:
    """Both count the same whole.

    Not one office's staff against the company's, and not the cash part of a price
    against the price in cash and stock ("$281 million of the purchase price will be
    in cash" / "will pay $334 million in cash and stock").
    """
    return _part_owner(a.text) == _part_owner(b.text) and _paid_in(a.text) == _paid_in(b.text)


# A market's figure at the close, not a move during the day: "closed down 3.9 percent",
# "ended the day at $41.20".
_CLOSE = re.compile(
    r"\b(?:closed|ended|finished|settled)\s+(?:the\s+(?:day|session)\s+)?"
    r"(?:(?:up|down|higher|lower|at)\s+)?\Z",
    re.IGNORECASE,
)


def _closing(claim: Claim, mention: Mention) -> bool:
    """The figure is a closing one: "Greek stocks closed down 3.9 percent".

    Against a move told without the close ("Greek stocks plunged 5.4 per cent") it may
    be the day's end of the same fall, not another figure for it.
    """
    start = mention.span.start - claim.span.start
    return _CLOSE.search(claim.text[max(0, start - 40) : start]) is not None


_WEATHER = re.compile(
    r"\b(?:temperatures?|weather|wind\s*chill|below\s+zero|degrees?\s+outside)\b", re.I
)


def _weather(claim: Claim, mention: Mention) -> bool:
    """The figure is a temperature of the air, which changes by the hour.

    "fought the blaze in temperatures of minus 17 degrees" / "in minus-20 degree
    temperatures" over an eight-hour fire are two readings, not two values of one fact.
    """
    return (
        isinstance(mention.value, AmountValue)
        and mention.value.unit.startswith("deg")
        and _WEATHER.search(claim.text) is not None
    )


def _same_pick(a: Claim, b: Claim) -> bool:
    """Neither claim's subject picks one of several things the other does not pick.

    "The other model costs $2499" / "The higher end model costs $2799": two models;
    "the younger brother, 34," is not "the older brother". A subject plainly named
    ("The model costs $2799") picks nothing.
    """
    for one, other in ((a, b), (b, a)):
        picked = _subject_words(one.text) & _PICKING
        if picked - {word.lower() for word in words(other.text)}:
            return False
    return True


# Words that single out one of several things of a kind.
_PICKING = _ORDINAL_WORDS | frozenset(
    """other another last higher lower older younger elder larger smaller bigger cheaper
    pricier base high-end low-end entry-level top""".split()
)
# A sentence's subject noun phrase: a determiner and up to four words before its verb.
_SUBJECT = re.compile(
    r"\s*(?:the|a|an|its|their|his|her)\s+((?:[\w-]+\s+){0,4}?)"
    r"(?=(?:is|was|are|were|costs?|has|have|had|will|would|sells?|starts?|comes?|\w+ed)\b)",
    re.IGNORECASE,
)


def _subject_words(text: str) -> set[str]:
    match = _SUBJECT.match(text)
    return {word.lower() for word in words(match.group(1))} if match else set()


# The span a figure is totalled over: "205 yards in the game" / "4,051 yards in a season".
_SCOPE = re.compile(
    r"\b(?:in|for|per|a|this|that|the|his|her|their|its|one|single)\s+(?:[a-z]+\s+)?"
    r"(game|match|season|career|year|half|quarter|round|race|month|week|day)\b",
    re.IGNORECASE,
)
SCOPE_WORDS = 6


def _same_scope(a: Claim, mention_a: Mention, b: Claim, mention_b: Mention) -> bool:
    """The figures are totalled over the same span, or neither claim says over what."""
    scope_a, scope_b = _scope(a, mention_a), _scope(b, mention_b)
    return not (scope_a and scope_b and scope_a != scope_b)


def _scope(claim: Claim, mention: Mention) -> str:
    """The span named within a few words of the figure ("in the game"), or ""."""
    start = mention.span.start - claim.span.start
    end = mention.span.end - claim.span.start
    after = " ".join(claim.text[end:].split()[:SCOPE_WORDS])
    before = " ".join(claim.text[:start].split()[-SCOPE_WORDS:])
    found = _SCOPE.search(after)
    if found is None:
        earlier = _SCOPE.findall(before)  # the nearest before the figure
        return earlier[-1].lower() if earlier else ""
    return found.group(1).lower()


_PAID_IN = re.compile(
    r"\bin\s+(cash|stock|shares)(?:\s+and\s+(cash|stock|shares))?\b",
    re.IGNORECASE,
)


def _paid_in(text: str) -> frozenset[str]:
    """What a sum is paid in: {"cash"}, {"cash", "stock"}, or nothing said.

    "$4.2 billion in cash and 57 million shares" gives the shares their own figure:
    the sum is the cash.
    """
    match = _PAID_IN.search(text)
    if match is None:
        return frozenset()
    return frozenset(
        "stock" if form.lower() == "shares" else form.lower() for form in match.groups() if form
    )


DATE = Rule("DATE", ConflictKind.DATE, check_dates)
NUMBER = Rule("NUMBER", ConflictKind.NUMBER, check_numbers)


# An age told as of another time: "Vance, then 41," or "who was 41 at the time".
_THEN = re.compile(r"\b(?:then|at the time|when|aged)\b", re.IGNORECASE)
# Ages a year apart can both be right on either side of a birthday.
AGE_TOLERANCE = 1


def _hedged_age(claim: Claim, age: Mention) -> bool:
    """The age itself is hedged ("believed to be 24", "who may be 24").

    A hedge elsewhere in the sentence ("a 24-year-old Kimani Gray ... because he
    allegedly pointed a gun") leaves the age as stated.
    """
    start = age.span.start - claim.span.start
    return HEDGE_RE.search(claim.text[max(0, start - 30) : start]) is not None


def check_ages(cluster: Cluster, context: Context) -> list[Finding]:
    """One named person given two ages, or one unnamed person told of alike.

    Catches: "Gaetano Lo Presti, 52, was found dead in his cell" / "Lo Presti, 78,
    head of the clans, was found dead"; "The suspect, a 34-year-old man, ..." /
    "Doyle, 43, was fired in August" when the run names Doyle as the suspect;
    "killed a 19-year-old girl" / "a 10-year-old girl was killed". Leaves alone: ages a
    year apart (a birthday between two reports) or as far apart as the reports' dates,
    an age told as of another time ("Vance, then 41,"), a bare surname ("the
    35-year-old Gomes" / "Catherine Gomes, 61": the suspect and his mother), and
    "arrested a 24-year-old man" / "a 30-year-old man was wounded" (two men).
    """
    findings = []
    for a, b, severity in linked_pairs(cluster):
        if severity is Severity.DISPUTE:
            continue
        ages_a, ages_b = _named_ages(a, context), _named_ages(b, context)
        if not ages_a or not ages_b:
            ages_a, ages_b = _described_ages(a), _described_ages(b)
            if not ages_a or not ages_b:
                continue
        if context.apart(a, b) or not same_period(a, b, context):
            continue
        people = [(x, y) for x in sorted(ages_a) for y in sorted(ages_b) if same_person(x, y)]
        if not people:
            people = _described_alike(a, b, ages_a, ages_b)
        for person_a, person_b in people:
            ma, mb = ages_a[person_a], ages_b[person_b]
            if _hedged_age(a, ma) or _hedged_age(b, mb):
                continue  # "believed to be 24": the age itself is a guess
            person = max(person_a, person_b, key=len)
            if not isinstance(ma.value, AmountValue) or not isinstance(mb.value, AmountValue):
                continue
            if abs(ma.value.interval.lo - mb.value.interval.lo) <= _age_tolerance(a, b, context):
                continue
            if other_values_differ(a, b, ma, mb):
                continue  # "the 32-year-old Klitschko (52-3)" / "Klitschko, 36, (58-3)": two fights
            findings.append(
                Finding(
                    ConflictKind.NUMBER,
                    severity,
                    "AGE",
                    "one person cannot be both ages: "
                    f"{ma.value.interval.lo:g} vs {mb.value.interval.lo:g}"
                    + _as_part(a, ma, context)
                    + _as_part(b, mb, context)
                    + (f" (the {person[1:]} both tell of)" if person.startswith("@") else ""),
                    {
                        ma.value.key(): (ma.surface, [a], [ma]),
                        mb.value.key(): (mb.surface, [b], [mb]),
                    },
                    topic=(person,),
                )
            )
    return findings


def _as_part(claim: Claim, age: Mention, context: Context) -> str:
    """How an age told of a part became a person's: " (the suspect is Marcus Doyle)"."""
    if age_owner(claim, age) is not None:
        return ""
    role = age_role(claim, age)
    named = max(context.roles.get(role, ()), key=len, default="")
    return f" (the {role} is {named.title()})" if named else ""


def _age_tolerance(a: Claim, b: Claim, context: Context) -> float:
    """A year for a birthday, plus the whole years between the two reports when both are dated."""
    source_a, source_b = context.sources.get(a.source_id), context.sources.get(b.source_id)
    if source_a is None or source_b is None or not source_a.published or not source_b.published:
        return AGE_TOLERANCE
    days = abs(source_a.published.toordinal() - source_b.published.toordinal())
    return AGE_TOLERANCE + days // 365


def _named_ages(claim: Claim, context: Context) -> dict[str, Mention]:
    """Each named person's age in the claim, when told as of now and as one number."""
    found: dict[str, Mention] = {}
    for mention in claim.mentions:
        if mention.kind is not MentionKind.AGE:
            continue
        if not isinstance(mention.value, AmountValue) or not mention.value.interval.is_point:
            continue
        start = max(0, mention.span.start - claim.span.start - 12)
        end = mention.span.end - claim.span.start + 16
        if _THEN.search(claim.text[start:end]) and age_at_death(claim, mention) is None:
            continue  # "died aged 91" is her age now, "left school aged 16" is not
        for key in aged_people(claim, mention, context.roles):
            found.setdefault(key, mention)  # as written: see same_person
    return found


# People an age may describe when the claim names no one: "killed a 10-year-old girl".
_PERSON_NOUNS = frozenset(
    "man woman boy girl teenager teen child toddler baby mother father son daughter".split()
)


def _described_ages(claim: Claim) -> dict[str, Mention]:
    """The claim's one age of an unnamed person, by what it calls the person ("@girl")."""
    described = [
        m
        for m in claim.mentions
        if m.kind is MentionKind.AGE
        and isinstance(m.value, AmountValue)
        and m.value.interval.is_point
        and m.value.counted in _PERSON_NOUNS
        and age_owner(claim, m) is None
    ]
    if len(described) != 1 or any(
        m.kind is MentionKind.AGE for m in claim.mentions if m not in described
    ):
        return {}
    mention = described[0]
    assert isinstance(mention.value, AmountValue)
    return {f"@{mention.value.counted}": mention}


def _described_alike(
    a: Claim, b: Claim, ages_a: dict[str, Mention], ages_b: dict[str, Mention]
) -> list[tuple[str, str]]:
    """One unnamed person told of alike: the same noun and the same verb beside it.

    "killed a 19-year-old girl" / "a 10-year-old girl was killed"; not "arrested a
    24-year-old man" / "a 30-year-old man was wounded" (the suspect and a victim).
    """
    return [
        (key, key)
        for key in ages_a.keys() & ages_b.keys()
        if key.startswith("@") and _verbs_beside(a, ages_a[key]) & _verbs_beside(b, ages_b[key])
    ]


def _verbs_beside(claim: Claim, age: Mention) -> set[str]:
    """The verb just before an age ("killed a 10-year-old girl") and the one after its noun.

    After the noun, the verb of a passive or perfect ("girl was killed", "man in Canada
    is charged") or a past form ("man died").
    """
    start = age.span.start - claim.span.start
    end = age.span.end - claim.span.start
    before = [w for w in words(claim.text[:start]) if w.lower() not in ("a", "an", "the")][-1:]
    verbs = [w for w in before if _past_form(w) and content_key(w) in claim.predicates]
    after = words(claim.text[end:])[1:6]  # past the noun
    for index, word in enumerate(after):
        if word.lower() in _AUXILIARIES and index + 1 < len(after):
            verbs.append(after[index + 1])
            break
        if _past_form(word):
            verbs.append(word)
            break
    return {verb_stem(w) for w in verbs}


_AUXILIARIES = frozenset("was were is are has have had been".split())


def _past_form(word: str) -> bool:
    lowered = word.lower()
    return (lowered.endswith("ed") and len(lowered) > 4) or lowered in IRREGULAR_PAST


AGE = Rule("AGE", ConflictKind.NUMBER, check_ages)


def _comparable_amounts(claim: Claim) -> list[tuple[Mention, tuple[str, str]]]:
    """The claim's own amounts outside quotes, with the (unit, counted) group of each.

    Nothing when the claim lists figures ("3, 5 and 9 points"): it cannot say which is which.
    """
    if enumerates(claim):
        return []
    quoted = quoted_spans(claim)
    return [
        (m, _group(claim, m))
        for m in claim.mentions
        if isinstance(m.value, AmountValue)
        and not any(s <= m.span.start < e for s, e in quoted)
        and m.kind in AMOUNT_KINDS
        and m.role == ""
        and age_owner(claim, m) is None  # a named person's age: the AGE rule's
    ]


# What a thing is worth is not what was paid for it: "buy the company for $13.9
# billion" / "would make the merged company worth about $22 billion".
# (The amount itself holds "about", "more than" ...: "worth [about $22 billion]".)
_WORTH = re.compile(
    r"\b(?:worth|valued\s+at|valuing\s+\w+(?:\s+\w+)?\s+at|valuation\s+of|value\s+of)\s+\Z",
    re.IGNORECASE,
)


def _valuation(claim: Claim, mention: Mention) -> str:
    """The group "worth" when the sum is what something is worth; else the empty string."""
    start = mention.span.start - claim.span.start
    return "worth" if _WORTH.search(claim.text[max(0, start - 40) : start]) else ""


def _amount_groups(cluster: Cluster) -> list[tuple[str, str]]:
    """The (unit, counted noun) pairs that some claim of the cluster states."""
    groups = set()
    for claim in cluster.claims:
        for m in claim.mentions:
            if (
                m.kind in AMOUNT_KINDS
                and isinstance(m.value, AmountValue)
                and m.role == ""
                and (m.value.counted or m.value.unit)
            ):
                groups.add(_group(claim, m))
    return sorted(groups)


def _group(claim: Claim, mention: Mention) -> tuple[str, str]:
    """What an amount measures: its unit and what it counts, or that it is a valuation."""
    assert isinstance(mention.value, AmountValue)
    counted = _valuation(claim, mention) or counted_key(counted_of(mention, claim))
    return mention.value.unit, counted


def _value_rule(
    cluster: Cluster,
    context: Context,
    kind: ConflictKind,
    code: str,
    values_of: ValuesOf,
    why: str,
    *,
    running_total: bool = False,
    overlap: Callable[[Interval, Interval], bool] = Interval.overlaps,
    pair_ok: Callable[[Claim, Claim], bool] | None = None,
) -> list[Finding]:
    """Sides are groups of overlapping values; a clash needs a direct link.

    Only claims with exactly one value of the kind take part, since a claim with
    two dates cannot say which event each belongs to.
    """
    single: dict[str, tuple[Mention, Interval]] = {}
    for claim in cluster.claims:
        values = values_of(claim)
        if values and len({m.value.key() for m, _ in values}) == 1:
            single[claim.id] = values[0]
    if len(single) < 2:
        return []  # most clusters: fewer than two claims carry one value of the kind
    # An outlet that carries the other outlet's sentence, value and all, beside its own
    # tells of two events: "A plea hearing will be held on September 6" in both, and
    # one of them also reports "yesterday's hearing".
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in cluster.claims:
        if claim.id in single:
            by_source[claim.source_id].append(claim)

    def carries(source: Claim, other: Claim) -> bool:
        """``source``'s outlet also states ``other``'s value in ``other``'s words."""
        return any(
            overlap(single[c.id][1], single[other.id][1]) and _same_frame(c, other)
            for c in by_source[source.source_id]
            if c is not source
        )

    clashes: list[tuple[Claim, Claim, Severity]] = [
        (a, b, Severity.CONTRADICTION)
        for a, b, severity, score in scored_pairs(cluster, context)
        if a.id in single
        and b.id in single
        and score >= VALUE_LINK
        # not one source's pair, nor two speakers' (their dates rarely date one event)
        and severity is Severity.CONTRADICTION
        # "is expected to sign this week" commits to nothing
        and not _value_hedged(a, single[a.id][0])
        and not _value_hedged(b, single[b.id][0])
        and not overlap(single[a.id][1], single[b.id][1])
        and (pair_ok is None or pair_ok(a, b))
        and not under_negation(a, single[a.id][0])  # "had not named ... by Monday"
        and not under_negation(b, single[b.id][0])
        and (same_anchor(a, single[a.id][0], b, single[b.id][0]) or _same_frame(a, b))
        and same_step(a, single[a.id][0], b, single[b.id][0])
        and same_owner(
            a,
            b,
            context,
            across_kinds=bool(ranked_thing(a, single[a.id][0], b, single[b.id][0])),
        )
        and not other_values_differ(a, b, single[a.id][0], single[b.id][0])
        and fuzz.token_set_ratio(a.frame, b.frame) >= VALUE_WORDING
        and not restated(single[a.id][0], b)
        and not restated(single[b.id][0], a)
        and not context.apart(a, b)
        and same_period(a, b, context)
        and not carries(a, b)
        and not carries(b, a)
    ]
    if not clashes:
        return []
    severity = (
        Severity.CONTRADICTION
        if any(s is Severity.CONTRADICTION for _, _, s in clashes)
        else Severity.DISPUTE
    )
    explanation = why
    update = _is_update(clashes, context) if running_total else ""
    if update:
        severity = Severity.VARIATION
        explanation = update
    sides = _sides(cluster, single, clashes, overlap)
    if len(sides) < 2:
        return []
    displays = [display for display, _, _ in sides.values()]
    return [Finding(kind, severity, code, f"{explanation}: {' vs '.join(displays)}", sides)]


# A verb phrase joined after the value with its own hedge: "walked into the party Monday
# and allegedly shot a man" (not "charged Saturday after allegedly opening fire": the
# words after "after" tell of the event the date is set against).
_LATER_HEDGE = re.compile(
    r"\b(?:and|but)\s+(?:\w+\s+)?"
    r"(?:allegedly|reportedly|apparently|possibly|probably)\b[^,;]*",
    re.IGNORECASE,
)


def _value_hedged(claim: Claim, value: Mention) -> bool:
    """The claim hedges what its value dates or counts.

    A hedge in a verb phrase joined after the value by "and" hedges that phrase:
    "walked into the party Monday and allegedly shot a man" dates the walk as a fact.
    A hedge from outside the claim ("according to sources") covers it all.
    """
    if not claim.hedged:
        return False
    if not hedged(claim.text):
        return True  # the hedge is in the sentence's attribution
    end = value.span.end - claim.span.start
    return hedged(claim.text[:end] + _LATER_HEDGE.sub(" ", claim.text[end:]))


def _same_frame(a: Claim, b: Claim) -> bool:
    """The claims read the same but for their values, and say something besides them.

    Two words, or one and a name: "Trial is set for June 17 for 26-year-old Christopher
    Kenyon Simpson" says "trial" of Simpson. A dateline ("POSTED: 04/02/07, 9:00 PM
    PDT") reads like every other dateline.
    """
    shared = len(set(a.predicates) & set(b.predicates))
    if shared < 2 and not (shared and shared_names(a, b)):
        return False
    return fuzz.ratio(a.frame, b.frame) >= SAME_FRAME


def _is_update(clashes: list[tuple[Claim, Claim, Severity]], context: Context) -> str:
    """Why the two figures can both be true at their time, or "" when they cannot.

    A toll reported on different days or said to have changed, a count still
    running ("so far"), or a preliminary figure.
    """
    for a, b, _severity in clashes:
        if _RUNNING.search(a.text) or _RUNNING.search(b.text):
            return _HIGHER_TOTAL  # "so far", "to date": the figure is still counting
        if _PRELIMINARY.search(a.text) or _PRELIMINARY.search(b.text):
            return "one figure is preliminary; a revised one can differ"
        if not (_tolls(a) or _tolls(b)) and not any(
            isinstance(m.value, AmountValue) and counted_key(m.value.counted) in _RUNNING_TOTALS
            for m in (*a.mentions, *b.mentions)
        ):
            continue
        published_a = getattr(context.sources.get(a.source_id), "published", None)
        published_b = getattr(context.sources.get(b.source_id), "published", None)
        if published_a != published_b or _UPDATE_CUES.search(a.text) or _UPDATE_CUES.search(b.text):
            return _HIGHER_TOTAL
    return ""


_HIGHER_TOTAL = "a later report gives a higher running total; both can be true at their time"
# What someone is accused of is a charge, not a tally: "the five men accused of killing
# Zurana Horton" counts the accused, and that count does not run up like a toll.
_CHARGED_WITH = re.compile(
    r"\b(?:accused|charged|suspected|convicted|acquitted|indicted)\s+(?:of|with|in)\s+(\w+)",
    re.IGNORECASE,
)


def _tolls(claim: Claim) -> set[str]:
    """The claim's predicates that name a running total, but not what someone is charged with."""
    charged = {content_key(word) for word in _CHARGED_WITH.findall(claim.text)}
    return (set(claim.predicates) & _RUNNING_TOTALS) - charged


def _sides(
    cluster: Cluster,
    single: dict[str, tuple[Mention, Interval]],
    clashes: list[tuple[Claim, Claim, Severity]],
    overlap: Callable[[Interval, Interval], bool],
) -> dict[str, tuple[str, list[Claim], list[Mention]]]:
    intervals = {m.value.key(): interval for m, interval in single.values()}
    involved = sorted({single[c.id][0].value.key() for a, b, _ in clashes for c in (a, b)})
    # Values in the clash join one side when they overlap.
    groups: list[list[str]] = []
    for key in involved:
        touching = [g for g in groups if any(overlap(intervals[key], intervals[k]) for k in g)]
        merged = [key] + [k for g in touching for k in g]
        groups = [g for g in groups if g not in touching] + [sorted(merged)]
    # Claims matched directly with a clashing claim support a side when their value
    # overlaps exactly that side and is no wider than it; other cluster members do not.
    clashing = {c.id for a, b, _ in clashes for c in (a, b)}
    supporters = set(clashing)
    for i, j, _score in cluster.links:
        first, second = cluster.claims[i].id, cluster.claims[j].id
        if first in clashing and second in single:
            supporters.add(second)
        if second in clashing and first in single:
            supporters.add(first)
    for key in sorted({single[cid][0].value.key() for cid in supporters} - set(involved)):
        touching = [
            g
            for g in groups
            if any(overlap(intervals[key], intervals[k]) for k in g)
            and not intervals[key].contains(_hull([intervals[k] for k in g]))
        ]
        if len(touching) == 1:
            touching[0].append(key)
    by_id = {claim.id: claim for claim in cluster.claims}
    sides: dict[str, tuple[str, list[Claim], list[Mention]]] = {}
    for group in groups:
        members = [by_id[cid] for cid in sorted(supporters) if single[cid][0].value.key() in group]
        mentions = [single[c.id][0] for c in members]
        surfaces: list[str] = []
        for mention in mentions:
            if mention.surface not in surfaces:
                surfaces.append(mention.surface)
        side_key = "/".join(sorted(k for k in group if k in involved))
        sides[side_key] = (" / ".join(surfaces), members, mentions)
    return sides


def _hull(intervals: list[Interval]) -> Interval:
    return Interval(min(i.lo for i in intervals), max(i.hi for i in intervals))
