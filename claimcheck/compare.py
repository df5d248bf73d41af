"""Clusters -> conflicts: run every rule, build sides, summaries and fingerprints."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from claimcheck.model import (
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    Severity,
    Side,
    Source,
)
from claimcheck.rules import Context, Finding, all_rules
from claimcheck.stories import Profile

_SEVERITY_ORDER = {Severity.CONTRADICTION: 0, Severity.DISPUTE: 1, Severity.VARIATION: 2}


def find_conflicts(
    clusters: Sequence[Cluster],
    sources: Sequence[Source],
    aliases: dict[str, str],
    stories: dict[str, Profile] | None = None,
    roles: dict[str, frozenset[str]] | None = None,
) -> tuple[Conflict, ...]:
    """Every rule over every cluster; sorted by severity, kind and fingerprint."""
    context = Context({s.id: s for s in sources}, aliases, stories or {}, roles=roles or {})
    conflicts: dict[str, Conflict] = {}
    rules = all_rules()
    for cluster in clusters:
        for rule in rules:
            for finding in rule.check(cluster, context):
                conflict = _to_conflict(finding, cluster, context)
                known = conflicts.get(conflict.fingerprint)
                conflicts[conflict.fingerprint] = _merge(known, conflict) if known else conflict
    return tuple(
        sorted(
            conflicts.values(),
            key=lambda c: (_SEVERITY_ORDER[c.severity], c.kind.value, c.fingerprint),
        )
    )


def _merge(first: Conflict, second: Conflict) -> Conflict:
    """Two findings with one fingerprint are one conflict: pool their sides' claims."""
    by_value = {side.value: side for side in first.sides}
    for side in second.sides:
        if side.value in by_value:
            known = by_value[side.value]
            claims = {c.id: c for c in (*known.claims, *side.claims)}
            mentions = {
                (m.span.source_id, m.span.start): m for m in (*known.mentions, *side.mentions)
            }
            by_value[side.value] = Side(
                value=side.value,
                display=known.display,
                claims=tuple(sorted(claims.values(), key=_claim_order)),
                mentions=tuple(mentions[k] for k in sorted(mentions)),
            )
        else:
            by_value[side.value] = side
    sides = tuple(by_value[key] for key in sorted(by_value))
    # The graver verdict wins, and it keeps its own explanation.
    graver = min(first, second, key=lambda c: _SEVERITY_ORDER[c.severity])
    return replace(first, severity=graver.severity, explanation=graver.explanation, sides=sides)


def _claim_order(claim: Claim) -> tuple[str, int]:
    return (claim.source_id, claim.span.start)


def _to_conflict(finding: Finding, cluster: Cluster, context: Context) -> Conflict:
    sides = tuple(
        Side(
            value=key,
            display=display,
            claims=tuple(sorted(claims, key=_claim_order)),
            mentions=tuple(mentions),
        )
        for key, (display, claims, mentions) in sorted(finding.sides.items())
    )
    topic = (
        list(finding.topic)
        if finding.topic is not None
        else topic_keys([c for side in sides for c in side.claims], context)
    )
    fingerprint = make_fingerprint(finding.kind, topic, [s.value for s in sides])
    parts = [
        f"{side.display} ({', '.join(sorted({context.outlet(c) for c in side.claims}))})"
        for side in sides
    ]
    return Conflict(
        kind=finding.kind,
        severity=finding.severity,
        sides=sides,
        rule=finding.rule,
        explanation=finding.explanation,
        summary=" vs ".join(parts),
        fingerprint=fingerprint,
        cluster_id=cluster.id,
    )


def topic_keys(claims: Sequence[Claim], context: Context) -> list[str]:
    """Entity keys named by at least half of a conflict's claims: what it is about."""
    counts: dict[str, int] = {}
    for claim in claims:
        for key in context.names(claim):
            counts[key] = counts.get(key, 0) + 1
    needed = max(1, (len(claims) + 1) // 2)
    return sorted(key for key, count in counts.items() if count >= needed)


def make_fingerprint(kind: ConflictKind, topic: Sequence[str], values: Sequence[str]) -> str:
    """16 hex digits of what the conflict is; nothing about files, lines or order."""
    payload = "\x1f".join([kind.value, ",".join(sorted(topic)), "|".join(sorted(values))])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
