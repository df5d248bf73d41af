"""Clusters -> conflicts, each decided by one named rule with a stable code.

A rule looks only at pairs of claims that matched each other directly (a link
of the cluster) and come from different sources, so a conflict always has two
outlets behind it and one loose cluster member cannot create one by itself.
The rule docstrings show the pair each rule catches and a pair it must leave alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimcheck.model import (
    AmountValue,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    DateValue,
    Interval,
    Mention,
    MentionKind,
    NameValue,
    Polarity,
    QuoteValue,
    Severity,
    Side,
    Source,
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
NAME_KINDS = frozenset({MentionKind.PERSON, MentionKind.ORG, MentionKind.PLACE, MentionKind.ACTOR})


@dataclass(frozen=True)
class Context:
    """What rules may read besides the cluster: sources by id and entity aliases."""

    sources: dict[str, Source]
    aliases: dict[str, str]

    def outlet(self, claim: Claim) -> str:
        source = self.sources.get(claim.source_id)
        if source is not None and source.outlet:
            return source.outlet
        return claim.source_id


@dataclass(frozen=True)
class Finding:
    """A rule's raw verdict before it becomes a ``Conflict``: the sides by value."""

    kind: ConflictKind
    severity: Severity
    rule: str
    explanation: str
    # value key -> (display text, claims, the mention in each claim carrying it)
    sides: dict[str, tuple[str, list[Claim], list[Mention]]]


Rule = Callable[[Cluster, Context], list[Finding]]


def find_conflicts(
    clusters: Sequence[Cluster], sources: Sequence[Source], aliases: dict[str, str]
) -> tuple[Conflict, ...]:
    """Run every rule over every cluster; conflicts sorted by severity, kind, fingerprint."""
    context = Context({s.id: s for s in sources}, aliases)
    conflicts: dict[str, Conflict] = {}
    for cluster in clusters:
        for rule in RULES:
            for finding in rule(cluster, context):
                conflict = _to_conflict(finding, cluster, context)
                conflicts.setdefault(conflict.fingerprint, conflict)
    order = {Severity.CONTRADICTION: 0, Severity.DISPUTE: 1, Severity.VARIATION: 2}
    return tuple(
        sorted(conflicts.values(), key=lambda c: (order[c.severity], c.kind.value, c.fingerprint))
    )


# --------------------------------------------------------------------------- rules


def date_rule(cluster: Cluster, context: Context) -> list[Finding]:
    """DATE: the same event dated to intervals that cannot overlap.

    Catches: "Trump asked him to stay on during a November meeting" (published
    2017-03-11) / "Trump had asked him to stay on during their meeting in December".
    Leaves alone: "asked him to stay on in November" / "...last year" (2016 holds
    November), and a date that only says when something was said ("said Friday").
    """
    return _value_rule(
        cluster,
        context,
        ConflictKind.DATE,
        "DATE",
        lambda claim: _event_dates(claim),
        "the dates cannot overlap: {a} and {b} are different days",
    )


def number_rule(cluster: Cluster, context: Context) -> list[Finding]:
    """NUMBER: the same counted thing given counts or amounts that cannot both hold.

    Catches: "46 U.S. attorneys were asked to resign" / "45 U.S. attorneys were asked
    to resign". Leaves alone: "over a dozen lawmakers" / "17 politicians" (12 < 17),
    "17 politicians, 10 of them Democrats" (a subset), and counts of different things.
    """
    findings = []
    for unit_counted in _amount_groups(cluster):
        findings.extend(
            _value_rule(
                cluster,
                context,
                ConflictKind.NUMBER,
                "NUMBER",
                lambda claim, uc=unit_counted: _amounts(claim, uc),
                "the amounts cannot both be true: {a} and {b} do not overlap",
            )
        )
    return findings


def negation_rule(cluster: Cluster, context: Context) -> list[Finding]:
    """NEGATION: one outlet affirms what another denies, in otherwise the same words.

    Catches: "the alarm sounded at 3 a.m." / "the alarm did not sound at 3 a.m.".
    Leaves alone: "police had not named the suspect by Monday" / "police named the
    suspect on Tuesday" (different days), and hedged claims ("may not have").
    """
    findings = []
    for a, b in _linked_pairs(cluster):
        if a.polarity == b.polarity or a.hedged or b.hedged:
            continue
        if _has_quote(a) or _has_quote(b):
            continue
        if _disjoint_event_dates(a, b):
            continue
        plain_a, plain_b = _without_negation(a.frame), _without_negation(b.frame)
        if fuzz.token_sort_ratio(plain_a, plain_b) < 80:
            continue
        affirmed, negated = (a, b) if a.polarity is Polarity.AFFIRMED else (b, a)
        findings.append(
            Finding(
                ConflictKind.NEGATION,
                Severity.CONTRADICTION,
                "NEGATION",
                "the same statement is affirmed by one source and negated by another",
                {
                    "affirmed": ("affirmed", [affirmed], []),
                    "negated": ("negated", [negated], []),
                },
            )
        )
    return findings


def quote_rule(cluster: Cluster, context: Context) -> list[Finding]:
    """QUOTE: the same speaker quoted in different words.

    Catches (contradiction): "We will not raise taxes," Ruiz said / "We will raise
    taxes," Ruiz said. Shows as a variation: "we are ready" / "we're ready" differ in
    form only. Leaves alone: a quote one outlet shortens ("I did not resign" inside
    "I did not resign. Moments ago I was fired").
    """
    findings = []
    for a, b in _linked_pairs(cluster):
        for qa in _quotes(a):
            for qb in _quotes(b):
                va, vb = qa.value, qb.value
                assert isinstance(va, QuoteValue) and isinstance(vb, QuoteValue)
                if not va.speaker or _alias(va.speaker, context) != _alias(vb.speaker, context):
                    continue
                if va.words == vb.words or _contained(va.words, vb.words):
                    continue
                if fuzz.ratio(va.words, vb.words) < 70:
                    continue  # different remarks by the same speaker
                changed = _changed_words(va.words, vb.words)
                severity, why = _quote_severity(changed)
                findings.append(
                    Finding(
                        ConflictKind.QUOTE,
                        severity,
                        "QUOTE",
                        why,
                        {
                            va.words: (qa.surface, [a], [qa]),
                            vb.words: (qb.surface, [b], [qb]),
                        },
                    )
                )
    return findings


RULES: tuple[Rule, ...] = (date_rule, number_rule, negation_rule, quote_rule)


# --------------------------------------------------------------------------- helpers


def _linked_pairs(cluster: Cluster) -> Iterable[tuple[Claim, Claim]]:
    for i, j, _score in cluster.links:
        a, b = cluster.claims[i], cluster.claims[j]
        if a.source_id != b.source_id:
            yield a, b


def _event_dates(claim: Claim) -> list[tuple[Mention, Interval]]:
    return [
        (m, m.value.interval)
        for m in claim.mentions
        if m.kind is MentionKind.DATE and isinstance(m.value, DateValue) and m.role == ""
    ]


def _disjoint_event_dates(a: Claim, b: Claim) -> bool:
    dates_a, dates_b = _event_dates(a), _event_dates(b)
    if not dates_a or not dates_b:
        return False
    return not any(x.overlaps(y) for _, x in dates_a for _, y in dates_b)


def _amount_groups(cluster: Cluster) -> list[tuple[str, str]]:
    groups = set()
    for claim in cluster.claims:
        for m in claim.mentions:
            if m.kind in AMOUNT_KINDS and isinstance(m.value, AmountValue) and m.role == "":
                if m.value.counted or m.value.unit:
                    groups.add((m.value.unit, _counted_key(m.value.counted)))
    return sorted(groups)


def _counted_key(counted: str) -> str:
    from claimcheck.lexicon import content_key

    return content_key(counted) or counted if counted else ""


def _amounts(claim: Claim, unit_counted: tuple[str, str]) -> list[tuple[Mention, Interval]]:
    unit, counted = unit_counted
    return [
        (m, m.value.interval)
        for m in claim.mentions
        if m.kind in AMOUNT_KINDS
        and isinstance(m.value, AmountValue)
        and m.role == ""
        and m.value.unit == unit
        and _counted_key(m.value.counted) == counted
    ]


def _value_rule(
    cluster: Cluster,
    context: Context,
    kind: ConflictKind,
    code: str,
    values_of: Callable[[Claim], list[tuple[Mention, Interval]]],
    why: str,
) -> list[Finding]:
    """Shared logic of DATE and NUMBER: sides are groups of overlapping values.

    Only claims with exactly one value of the kind take part, since a claim with
    two dates cannot say which event each belongs to. A conflict needs a direct
    link between two claims whose values are disjoint.
    """
    single: dict[str, tuple[Mention, Interval]] = {}
    for claim in cluster.claims:
        values = values_of(claim)
        keys = {_value_key(m) for m, _ in values}
        if len(keys) == 1:
            single[claim.id] = values[0]
    clashing: list[tuple[Claim, Claim]] = []
    for a, b in _linked_pairs(cluster):
        if a.id in single and b.id in single and not single[a.id][1].overlaps(single[b.id][1]):
            clashing.append((a, b))
    if not clashing:
        return []
    # Sides: values joined when they overlap; claims keyed by their value.
    by_claim = {c.id: c for c in cluster.claims}
    keys = sorted({_value_key(single[cid][0]) for cid in single})
    intervals = {_value_key(m): iv for m, iv in single.values()}
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    involved = {_value_key(single[c.id][0]) for pair in clashing for c in pair}
    for x in keys:
        for y in keys:
            if x < y and intervals[x].overlaps(intervals[y]) and x in involved and y in involved:
                parent[find(y)] = find(x)
    groups: dict[str, list[str]] = {}
    for key in sorted(involved):
        groups.setdefault(find(key), []).append(key)
    # Values outside the clash join a side only when they overlap exactly one.
    for key in keys:
        if key in involved:
            continue
        touching = [g for g, members in groups.items() if any(
            intervals[key].overlaps(intervals[m]) for m in members)]
        touching = [g for g in touching if not intervals[key].contains(_hull(groups[g], intervals))]
        if len(touching) == 1:
            groups[touching[0]].append(key)
    sides: dict[str, tuple[str, list[Claim], list[Mention]]] = {}
    for members in groups.values():
        side_claims = [by_claim[cid] for cid in single if _value_key(single[cid][0]) in members]
        side_mentions = [single[c.id][0] for c in side_claims]
        side_key = "/".join(sorted(set(members)))
        display = _display(side_mentions)
        sides[side_key] = (display, side_claims, side_mentions)
    if len(sides) < 2:
        return []
    first = [s[0] for s in sides.values()]
    return [
        Finding(kind, Severity.CONTRADICTION, code, why.format(a=first[0], b=first[1]), sides)
    ]


def _hull(keys: list[str], intervals: dict[str, Interval]) -> Interval:
    return Interval(min(intervals[k].lo for k in keys), max(intervals[k].hi for k in keys))


def _value_key(mention: Mention) -> str:
    return mention.value.key()


def _display(mentions: list[Mention]) -> str:
    surfaces: list[str] = []
    for mention in mentions:
        if mention.surface not in surfaces:
            surfaces.append(mention.surface)
    return " / ".join(surfaces)


def _has_quote(claim: Claim) -> bool:
    return any(m.kind is MentionKind.QUOTE for m in claim.mentions)


def _quotes(claim: Claim) -> list[Mention]:
    return [m for m in claim.mentions if m.kind is MentionKind.QUOTE]


def _alias(key: str, context: Context) -> str:
    return context.aliases.get(key, key)


def _contained(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


_NEGATION_WORDS = frozenset({"not", "no", "never", "nor", "neither", "cannot", "nothing"})
_NEGATION_RE = re.compile(r"\b(?:not|never|no|n't|did|does|do)\b|n[’']t\b")


def _without_negation(frame: str) -> str:
    return " ".join(_NEGATION_RE.sub(" ", frame).split())


def _changed_words(a: str, b: str) -> set[str]:
    wa, wb = a.split(), b.split()
    return set(wa) ^ set(wb)


def _quote_severity(changed: set[str]) -> tuple[Severity, str]:
    if changed & _NEGATION_WORDS:
        return Severity.CONTRADICTION, "the quotes differ in a negation"
    if any(any(ch.isdigit() for ch in w) for w in changed):
        return Severity.CONTRADICTION, "the quotes differ in a number"
    return Severity.VARIATION, "the quotes differ in wording only"


# --------------------------------------------------------------------------- conflicts


def _to_conflict(finding: Finding, cluster: Cluster, context: Context) -> Conflict:
    sides = tuple(
        Side(
            value=key,
            display=display,
            claims=tuple(sorted(claims, key=lambda c: (c.source_id, c.span.start))),
            mentions=tuple(mentions),
        )
        for key, (display, claims, mentions) in sorted(finding.sides.items())
    )
    all_claims = [c for side in sides for c in side.claims]
    topic = _topic_keys(all_claims, context)
    fingerprint = make_fingerprint(finding.kind, topic, [s.value for s in sides])
    summary = "; ".join(
        f"{side.display} ({', '.join(sorted({context.outlet(c) for c in side.claims}))})"
        for side in sides
    )
    return Conflict(
        kind=finding.kind,
        severity=finding.severity,
        sides=sides,
        rule=finding.rule,
        explanation=finding.explanation,
        summary=f"{finding.kind.value}: {summary.replace('; ', ' vs ', 1)}",
        fingerprint=fingerprint,
        cluster_id=cluster.id,
    )


def _topic_keys(claims: list[Claim], context: Context) -> list[str]:
    """Entity keys named by at least half the conflict's claims: what it is about."""
    counts: dict[str, int] = {}
    for claim in claims:
        keys = {
            _alias(m.value.key(), context)
            for m in claim.mentions
            if m.kind in NAME_KINDS and isinstance(m.value, NameValue)
        }
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    needed = max(1, (len(claims) + 1) // 2)
    return sorted(k for k, n in counts.items() if n >= needed)


def make_fingerprint(kind: ConflictKind, topic: Sequence[str], values: Sequence[str]) -> str:
    """16 hex digits of what the conflict is; nothing about files, lines or order."""
    payload = "\x1f".join([kind.value, ",".join(sorted(topic)), "|".join(sorted(values))])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
