"""QUOTE and ATTRIBUTION: who said or did what, and in which words."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from claimcheck.model import (
    Claim,
    Cluster,
    ConflictKind,
    Mention,
    MentionKind,
    NameValue,
    QuoteValue,
    Severity,
)
from claimcheck.normalize.numbers import find_amounts
from claimcheck.rules import Context, Finding, Rule, linked_pairs, same_period

# Quotes this alike are one remark worded two ways; below it, two different remarks.
SAME_REMARK = 70
# Claims this alike once their agents are masked describe one action.
SAME_ACTION = 85

_NEGATORS = frozenset({"not", "no", "never", "nor", "neither", "cannot", "nothing", "none"})
_AGENT_KINDS = frozenset({MentionKind.PERSON, MentionKind.ORG, MentionKind.ACTOR})
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][a-z]+")


def check_quotes(cluster: Cluster, context: Context) -> list[Finding]:
    """The same speaker quoted in different words.

    Catches (contradiction): “We will not raise taxes,” Ruiz said / “We will raise
    taxes,” Ruiz said. Shows as a variation: “the city is well prepared” / “the city
    is very well prepared”. Leaves alone: “we are ready” / “we're ready”, a quote
    one outlet shortens (“I did not resign” inside “I did not resign. Moments ago I
    was fired.”), and two different remarks by one speaker.
    """
    findings = []
    for a, b, severity in linked_pairs(cluster):
        for qa in _quotes(a):
            for qb in _quotes(b):
                finding = _compare_quotes(a, qa, b, qb, severity, context)
                if finding is not None:
                    findings.append(finding)
    return findings


def check_attribution(cluster: Cluster, context: Context) -> list[Finding]:
    """The same action credited to different people or organisations.

    Catches: "Senator Ruiz introduced the transit bill on Monday." / "Senator Patel
    introduced the transit bill on Monday." Leaves alone: "Mayor Tran said the pool
    would close" / "a spokeswoman for Tran said the pool would close" (the speaker
    is attribution, not the actor), and claims that name the same people.
    """
    findings = []
    for a, b, severity in linked_pairs(cluster):
        if not same_period(a, b, context):
            continue
        if a.polarity != b.polarity or a.hedged or b.hedged:
            continue
        agents_a, agents_b = _agents(a, context), _agents(b, context)
        only_a = set(agents_a) - set(agents_b)
        only_b = set(agents_b) - set(agents_a)
        if len(only_a) != 1 or len(only_b) != 1:
            continue
        key_a, key_b = only_a.pop(), only_b.pop()
        if _kind(agents_a[key_a]) != _kind(agents_b[key_b]):
            continue
        frame_a = _mask(a.frame, key_a)
        frame_b = _mask(b.frame, key_b)
        if fuzz.token_sort_ratio(frame_a, frame_b) < SAME_ACTION:
            continue
        findings.append(
            Finding(
                ConflictKind.ATTRIBUTION,
                severity,
                "ATTRIBUTION",
                "the same action is credited to different actors",
                {
                    key_a: (agents_a[key_a].surface, [a], [agents_a[key_a]]),
                    key_b: (agents_b[key_b].surface, [b], [agents_b[key_b]]),
                },
            )
        )
    return findings


QUOTE = Rule("QUOTE", ConflictKind.QUOTE, check_quotes)
ATTRIBUTION = Rule("ATTRIBUTION", ConflictKind.ATTRIBUTION, check_attribution)


def _compare_quotes(
    a: Claim, qa: Mention, b: Claim, qb: Mention, severity: Severity, context: Context
) -> Finding | None:
    va, vb = qa.value, qb.value
    if not isinstance(va, QuoteValue) or not isinstance(vb, QuoteValue):
        return None
    if not va.speaker or context.alias(va.speaker) != context.alias(vb.speaker):
        return None
    if va.words == vb.words or _contained(va.words, vb.words):
        return None
    if fuzz.ratio(va.words, vb.words) < SAME_REMARK:
        return None
    changed = set(va.words.split()) ^ set(vb.words.split())
    if changed & _NEGATORS:
        verdict, why = severity, "the quotes differ in a negation"
    elif any(find_amounts(word) for word in changed):
        verdict, why = severity, "the quotes differ in a number"
    elif _names(qa.surface) ^ _names(qb.surface):
        verdict, why = severity, "the quotes differ in a name"
    else:
        verdict, why = Severity.VARIATION, "the quotes differ in wording only"
    return Finding(
        ConflictKind.QUOTE,
        verdict,
        "QUOTE",
        why,
        {va.words: (qa.surface, [a], [qa]), vb.words: (qb.surface, [b], [qb])},
    )


def _quotes(claim: Claim) -> list[Mention]:
    return [m for m in claim.mentions if m.kind is MentionKind.QUOTE]


def _contained(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _names(surface: str) -> set[str]:
    return set(_NAME_WORD.findall(f" {surface}"))


def _agents(claim: Claim, context: Context) -> dict[str, Mention]:
    """Named actors in the claim (not pronouns), by canonical key."""
    agents: dict[str, Mention] = {}
    for mention in claim.mentions:
        if mention.kind in _AGENT_KINDS and isinstance(mention.value, NameValue):
            if mention.role == "pronoun":
                continue
            agents.setdefault(context.alias(mention.value.key()), mention)
    return agents


def _kind(mention: Mention) -> str:
    return "org" if mention.kind is MentionKind.ORG else "person"


def _mask(frame: str, key: str) -> str:
    return re.sub(rf"\b{re.escape(key)}\b", "<agent>", frame)
