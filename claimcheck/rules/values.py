"""DATE and NUMBER: values of the same fact whose intervals cannot overlap."""

from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.clauses import negated_before
from claimcheck.lexicon import content_key, words
from claimcheck.model import (
    AmountValue,
    Claim,
    Cluster,
    ConflictKind,
    DateValue,
    Interval,
    Mention,
    MentionKind,
    QuoteValue,
    Severity,
)
from claimcheck.rules import (
    Context,
    Finding,
    Rule,
    linked_pairs,
    same_owner,
    same_period,
)

AMOUNT_KINDS = frozenset(
    {
        MentionKind.NUMBER,
        MentionKind.QUANTITY,
        MentionKind.MONEY,
        MentionKind.PERCENT,
        MentionKind.AGE,
    }
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
_RUNNING = re.compile(r"\b(?:so far|to date|thus far|as of now|so far this)\b", re.IGNORECASE)
_UPDATE_CUES = re.compile(
    r"\b(?:rose|risen|climbed|increased|jumped|grew|now|so far|as of|at least|"
    r"updated|revised|latest)\b",
    re.IGNORECASE,
)

# Values are compared only between claims matched at least this strongly: a rival
# number or date is a strong claim, and loosely related claims count other things.
VALUE_LINK = 0.4
# Words around two counts that must agree besides the counted noun: "46 U.S. attorneys
# asked to resign" / "45 U.S. attorneys asked to resign" share several; different
# players' "12 points" share only the noun and a verb or two.
ANCHOR_WORDS_FOR_AMOUNTS = 2

ValuesOf = Callable[[Claim], list[tuple[Mention, Interval]]]


def check_dates(cluster: Cluster, context: Context) -> list[Finding]:
    """The same event dated to intervals that cannot overlap.

    Catches: "Trump asked him to stay on during a November meeting" (published
    2017-03-11, so November 2016) / "Trump had asked him to stay on during their
    meeting in December". Leaves alone: "...in November" / "...last year" (2016
    holds November), and a date that only says when something was said ("said Friday").
    """
    return _value_rule(
        cluster,
        context,
        ConflictKind.DATE,
        "DATE",
        _event_dates,
        "the dates cannot overlap",
    )


def check_numbers(cluster: Cluster, context: Context) -> list[Finding]:
    """The same counted thing given amounts that cannot both hold.

    Catches: "46 U.S. attorneys were asked to resign" / "45 U.S. attorneys were asked
    to resign"; a 5-4 vote / a 6-3 vote. Leaves alone: "over a dozen lawmakers" /
    "17 politicians" (both above 12), "17 politicians, 10 of them Democrats" (a
    subset), counts of different things, and a toll that rose between two days' reports.
    """
    findings = []
    for unit, counted in _amount_groups(cluster):

        def values_of(
            claim: Claim, unit: str = unit, counted: str = counted
        ) -> list[tuple[Mention, Interval]]:
            quoted = _quoted_spans(claim)
            if _enumerates(claim):
                return []
            return [
                (m, _as_written(m))
                for m in claim.mentions
                if isinstance(m.value, AmountValue)
                and not any(s <= m.span.start < e for s, e in quoted)
                and m.kind in AMOUNT_KINDS
                and m.role == ""
                and m.value.unit == unit
                and _counted_key(_counted_of(m, claim)) == counted
            ]

        findings.extend(
            _value_rule(
                cluster,
                context,
                ConflictKind.NUMBER,
                "NUMBER",
                values_of,
                "the amounts cannot both be true",
                running_total=True,
            )
        )
    return findings


DATE = Rule("DATE", ConflictKind.DATE, check_dates)
NUMBER = Rule("NUMBER", ConflictKind.NUMBER, check_numbers)


def _enumerates(claim: Claim) -> bool:
    """A list of three or more figures counts many things; none of them is the claim's fact.

    "seven rifles, one launcher and three other rifles", "20 points, nine rebounds and
    six assists". A vote ("5-4") is one figure, not two.
    """
    amounts = [
        m
        for m in claim.mentions
        if m.kind in AMOUNT_KINDS
        and m.role == ""
        and not (isinstance(m.value, AmountValue) and m.value.counted == "votes against")
    ]
    return len(amounts) >= 3


_MEASURES = frozenset({MentionKind.QUANTITY, MentionKind.MONEY, MentionKind.PERCENT})


def _as_written(mention: Mention) -> Interval:
    """A measure written as a whole number is rounded: "6 miles" may be 6.2 miles.

    Counts of things stay exact ("46 attorneys"); distances, sums and percentages
    written without decimals cover half a unit either side, so "4 percent" and
    "4.3 percent" agree while "4 percent" and "5 percent" do not.
    """
    assert isinstance(mention.value, AmountValue)
    interval = mention.value.interval
    if mention.kind in _MEASURES and interval.is_point and "." not in mention.surface:
        magnitude = abs(interval.lo)
        step = 0.5
        for scale in (1e9, 1e6, 1e3):  # "$50 million" is rounded to the million
            if magnitude >= scale and magnitude % scale == 0:
                step = scale / 2
                break
        return Interval(interval.lo - step, interval.lo + step, hi_open=True)
    return interval


def _quoted_spans(claim: Claim) -> list[tuple[int, int]]:
    """Quotations with a known speaker: a number changed inside one is the QUOTE rule's."""
    return [
        (m.span.start, m.span.end)
        for m in claim.mentions
        if m.kind is MentionKind.QUOTE and isinstance(m.value, QuoteValue) and m.value.speaker
    ]


def _event_dates(claim: Claim) -> list[tuple[Mention, Interval]]:
    """The claim's own dates, outside quotations ("how many kids will you kill today")."""
    quoted = [(m.span.start, m.span.end) for m in claim.mentions if m.kind is MentionKind.QUOTE]
    return [
        (m, m.value.interval)
        for m in claim.mentions
        if m.kind is MentionKind.DATE
        and isinstance(m.value, DateValue)
        and m.role == ""
        and not any(start <= m.span.start < end for start, end in quoted)
    ]


def disjoint_event_dates(a: Claim, b: Claim) -> bool:
    """True when both claims are dated and no date of one overlaps a date of the other."""
    dates_a, dates_b = _event_dates(a), _event_dates(b)
    if not dates_a or not dates_b:
        return False
    return not any(x.overlaps(y) for _, x in dates_a for _, y in dates_b)


_PERCENT_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+|an\s+)?(\w+)")


def _counted_of(mention: Mention, claim: Claim) -> str:
    """What a figure counts; for a bare percentage, the whole it is a share of.

    "60 percent of its revenue" and "7.2% of the market" are shares of different things.
    """
    assert isinstance(mention.value, AmountValue)
    if mention.value.counted or mention.kind is not MentionKind.PERCENT:
        return mention.value.counted
    after = _PERCENT_OF.match(claim.text, mention.span.end - claim.span.start)
    return after.group(1).lower() if after else ""


def _counted_key(counted: str) -> str:
    return (content_key(counted) or counted) if counted else ""


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
                groups.add((m.value.unit, _counted_key(_counted_of(m, claim))))
    return sorted(groups)


def _value_rule(
    cluster: Cluster,
    context: Context,
    kind: ConflictKind,
    code: str,
    values_of: ValuesOf,
    why: str,
    *,
    running_total: bool = False,
) -> list[Finding]:
    """Sides are groups of overlapping values; a clash needs a direct link.

    Only claims with exactly one value of the kind take part, since a claim with
    two dates cannot say which event each belongs to.
    """
    single: dict[str, tuple[Mention, Interval]] = {}
    for claim in cluster.claims:
        values = values_of(claim)
        if len({m.value.key() for m, _ in values}) == 1:
            single[claim.id] = values[0]
    strong = {
        frozenset((cluster.claims[i].id, cluster.claims[j].id))
        for i, j, score in cluster.links
        if score >= VALUE_LINK
    }
    clashes: list[tuple[Claim, Claim, Severity]] = [
        (a, b, severity)
        for a, b, severity in linked_pairs(cluster)
        if frozenset((a.id, b.id)) in strong
        if severity is not Severity.DISPUTE  # two speakers' dates rarely date one event
        and a.id in single
        and b.id in single
        and not (a.hedged or b.hedged)  # "is expected to sign this week" commits to nothing
        and not single[a.id][1].overlaps(single[b.id][1])
        and not _under_negation(a, single[a.id][0])  # "had not named ... by Monday"
        and not _under_negation(b, single[b.id][0])
        and _same_anchor(a, single[a.id][0], b, single[b.id][0])
        and same_owner(a, b, context)
        and not _other_values_differ(a, b, single[a.id][0], single[b.id][0])
        and not _restated(single[a.id][0], b)
        and not _restated(single[b.id][0], a)
        and not context.apart(a, b)
        and same_period(a, b, context)
    ]
    if not clashes:
        return []
    severity = (
        Severity.CONTRADICTION
        if any(s is Severity.CONTRADICTION for _, _, s in clashes)
        else Severity.DISPUTE
    )
    explanation = why
    if running_total and _is_update(clashes, context):
        severity = Severity.VARIATION
        explanation = "a later report gives a higher running total; both can be true at their time"
    sides = _sides(cluster, single, clashes)
    if len(sides) < 2:
        return []
    displays = [display for display, _, _ in sides.values()]
    return [Finding(kind, severity, code, f"{explanation}: {' vs '.join(displays)}", sides)]


def _under_negation(claim: Claim, mention: Mention) -> bool:
    return negated_before(claim.text, mention.span.start - claim.span.start)


def anchor_keys(claim: Claim, mention: Mention, window: int = 6) -> set[str]:
    """Content words near a value: what it dates or counts ("a November meeting")."""
    text = list(claim.text)
    for other in claim.mentions:  # "26-year-old" is a value, not a word about the event
        if other.kind in VALUE_MENTIONS and other is not mention:
            for k in range(
                max(0, other.span.start - claim.span.start),
                min(len(text), other.span.end - claim.span.start),
            ):
                text[k] = " "
    masked = "".join(text)
    offset = mention.span.start - claim.span.start
    before = words(masked[:offset])[-window:]
    after = words(masked[offset + len(mention.surface) :])[:window]
    # Names say where or who, not what happened: "at Marlow" dates nothing by itself.
    return {key for word in before + after if not word[0].isupper() and (key := content_key(word))}


VALUE_MENTIONS = AMOUNT_KINDS | {MentionKind.DATE, MentionKind.TIME}


def _restated(mention: Mention, other: Claim) -> bool:
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


def _other_values_differ(a: Claim, b: Claim, ma: Mention, mb: Mention) -> bool:
    """Two claims that also disagree on another figure or date are two events.

    "a 5.6 quake on Sunday" / "a 6.1 quake in September": not one quake dated twice.
    """
    if ma.kind is not MentionKind.DATE and disjoint_event_dates(a, b):
        return True
    for x in a.mentions:
        for y in b.mentions:
            if x is ma or y is mb or x.role or y.role:
                continue
            if not (isinstance(x.value, AmountValue) and isinstance(y.value, AmountValue)):
                continue
            thing = (x.value.unit, _counted_key(x.value.counted))
            if thing != (y.value.unit, _counted_key(y.value.counted)) or thing == ("", ""):
                continue
            if x.value.counted in _VOTES:
                continue  # the other half of the same vote
            if not _as_written(x).overlaps(_as_written(y)):
                return True
    return False


_VOTES = frozenset({"votes for", "votes against"})


def _same_anchor(a: Claim, ma: Mention, b: Claim, mb: Mention) -> bool:
    """Two values clash only when they measure the same thing, judged by the words around them.

    "a November meeting" / "their meeting in December" share "meeting"; "Eleven men were
    charged" / "seven men have been convicted" share only the counted noun, which does
    not count: it is what both values count, not what happened to it.
    """
    counted = {
        _counted_key(m.value.counted)
        for m in (ma, mb)
        if isinstance(m.value, AmountValue) and m.value.counted
    }
    shared = (anchor_keys(a, ma) & anchor_keys(b, mb)) - counted
    return len(shared) >= (ANCHOR_WORDS_FOR_AMOUNTS if counted else 1)


def _is_update(clashes: list[tuple[Claim, Claim, Severity]], context: Context) -> bool:
    """Two reports of a toll from different days, or one that says the figure changed."""
    for a, b, _severity in clashes:
        if _RUNNING.search(a.text) or _RUNNING.search(b.text):
            return True  # "so far", "to date": the figure is still counting
        if not (set(a.predicates) | set(b.predicates)) & _RUNNING_TOTALS and not any(
            isinstance(m.value, AmountValue) and _counted_key(m.value.counted) in _RUNNING_TOTALS
            for m in (*a.mentions, *b.mentions)
        ):
            continue
        published_a = getattr(context.sources.get(a.source_id), "published", None)
        published_b = getattr(context.sources.get(b.source_id), "published", None)
        if published_a != published_b or _UPDATE_CUES.search(a.text) or _UPDATE_CUES.search(b.text):
            return True
    return False


def _sides(
    cluster: Cluster,
    single: dict[str, tuple[Mention, Interval]],
    clashes: list[tuple[Claim, Claim, Severity]],
) -> dict[str, tuple[str, list[Claim], list[Mention]]]:
    intervals = {m.value.key(): interval for m, interval in single.values()}
    involved = sorted({single[c.id][0].value.key() for a, b, _ in clashes for c in (a, b)})
    # Values in the clash join one side when they overlap.
    groups: list[list[str]] = []
    for key in involved:
        touching = [g for g in groups if any(intervals[key].overlaps(intervals[k]) for k in g)]
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
            if any(intervals[key].overlaps(intervals[k]) for k in g)
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
