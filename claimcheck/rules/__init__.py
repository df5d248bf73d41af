"""Conflict rules: each a small unit with a stable code, a kind and a docstring.

A rule reads one cluster and returns ``Finding``s. It looks only at pairs of
claims that matched each other directly (the cluster's links): pairs from two
sources give contradictions or variations; pairs from one source whose claims
are attributed to different speakers give disputes.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from claimcheck.lexicon import content_key
from claimcheck.model import (
    NAME_KINDS,
    Claim,
    Cluster,
    ConflictKind,
    DateValue,
    Mention,
    MentionKind,
    NameValue,
    Severity,
    Source,
)
from claimcheck.rules.measures import disjoint_event_dates
from claimcheck.stories import Profile, profile_weight, weighted_jaccard

_T = TypeVar("_T")

# How alike two sources' stories must be for their claims to be compared at all,
# and for an action credited to two people to count as one event (see stories.py).
STORY_GATE = 0.08
# A name that at most this many sources mention ties two of them to one story.
RARE_NAME_SOURCES = 2
SAME_STORY = 0.08
MIN_STORY_KEYS = 25


@dataclass(frozen=True)
class Context:
    """What rules may read besides the cluster: sources, entity aliases, story profiles."""

    sources: dict[str, Source]
    aliases: dict[str, str]
    stories: dict[str, Profile] = field(default_factory=dict)
    # the person each part of the story is named as ("the suspect": Marcus Doyle)
    roles: dict[str, frozenset[str]] = field(default_factory=dict)
    similarities: dict[tuple[str, str], float | None] = field(default_factory=dict, compare=False)
    backgrounds: dict[str, bool] = field(default_factory=dict, compare=False)
    # each cluster's links as (a, b, severity or None, score), for every rule to read
    linked: dict[str, tuple[Cluster, list[tuple[Claim, Claim, Severity | None, float]]]] = field(
        default_factory=dict, compare=False
    )
    # each cluster's linked pairs that pass the checks every statement rule makes
    asserted: dict[str, tuple[Cluster, list[tuple[Claim, Claim, Severity]]]] = field(
        default_factory=dict, compare=False
    )
    # background judged against another source's date, for claims of undated sources
    borrowed: dict[tuple[str, date], bool] = field(default_factory=dict, compare=False)
    # each claim's named entities, aliased (a claim stands in many findings)
    named: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)

    def story_similarity(self, first: Claim, second: Claim) -> float | None:
        return self._similarity(first.source_id, second.source_id)

    def _similarity(self, first: str, second: str) -> float | None:
        """How alike the two claims' sources are as stories; 1 within one source.

        None when either source is too short to tell a story by (a headline, a
        one-paragraph brief): its profile says nothing either way.
        """
        if first == second:
            return 1.0
        pair = (first, second) if first < second else (second, first)
        if pair not in self.similarities:  # many claim pairs share one source pair
            a, b = self.stories.get(first), self.stories.get(second)
            found = None
            if a is not None and b is not None and min(len(a), len(b)) >= MIN_STORY_KEYS:
                weights = self.story_weights
                found = weighted_jaccard(a, b, weights[first], weights[second])
            self.similarities[pair] = found
        return self.similarities[pair]

    def apart(self, first: Claim, second: Claim) -> bool:
        """The sources tell different stories (not merely: too short to say).

        Two claims that name someone only their two sources name are about one
        story however differently the rest of the articles read.
        """
        found = self.story_similarity(first, second)
        if found is None or found >= STORY_GATE:
            return False
        return not self._share_a_rare_name(first, second)

    def _share_a_rare_name(self, first: Claim, second: Claim) -> bool:
        shared = _name_keys(first, self) & _name_keys(second, self)
        return any(self.name_spread.get(f"@{key}", 0) <= RARE_NAME_SOURCES for key in shared)

    @functools.cached_property
    def published(self) -> dict[str, date | None]:
        """Each source's publication date, by source id (asked for every pair of claims)."""
        return {key: source.published for key, source in self.sources.items()}

    @functools.cached_property
    def story_weights(self) -> dict[str, float]:
        """Each source's ``profile_weight``, for the similarity of every pair it is in."""
        return {key: profile_weight(profile) for key, profile in self.stories.items()}

    @functools.cached_property
    def name_spread(self) -> dict[str, int]:
        """How many sources' profiles hold each entity key (``@name``)."""
        return dict(Counter(key for p in self.stories.values() for key in p if key[0] == "@"))

    def together(self, first: Claim, second: Claim) -> bool:
        """The sources clearly tell one story."""
        found = self.story_similarity(first, second)
        return found is not None and found >= SAME_STORY

    def outlet(self, claim: Claim) -> str:
        """The claim's outlet, or its source id when the outlet is unknown."""
        source = self.sources.get(claim.source_id)
        if source is not None and source.outlet:
            return source.outlet
        return claim.source_id

    def alias(self, key: str) -> str:
        """The canonical form of an entity key."""
        return self.aliases.get(key, key)

    def names(self, claim: Claim) -> frozenset[str]:
        """The canonical keys of the people, places and bodies ``claim`` names."""
        found = self.named.get(claim.id)
        if found is None:
            found = self.named[claim.id] = frozenset(
                self.alias(m.value.key())
                for m in claim.mentions
                if m.kind in NAME_KINDS and isinstance(m.value, NameValue)
            )
        return found


@dataclass(frozen=True)
class Finding:
    """A rule's verdict before it becomes a ``Conflict``: the sides keyed by value."""

    kind: ConflictKind
    severity: Severity
    rule: str
    explanation: str
    # value key -> (display text, claims, the mention in each claim carrying the value)
    sides: dict[str, tuple[str, list[Claim], list[Mention]]]
    # what the conflict is about, when the rule knows better than the claims' majority names
    topic: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Rule:
    """A named comparison: ``code`` is stable and appears in every finding."""

    code: str
    kind: ConflictKind
    check: Callable[[Cluster, Context], list[Finding]]

    @property
    def doc(self) -> str:
        """The rule's docstring: what it catches and what it leaves alone."""
        return (self.check.__doc__ or "").strip()


def linked_pairs(cluster: Cluster) -> Iterable[tuple[Claim, Claim, Severity]]:
    """Directly matched pairs, with the severity a disagreement between them has."""
    for a, b, severity in _linked(cluster):
        if severity is not None:
            yield a, b, severity


def _linked(cluster: Cluster) -> Iterable[tuple[Claim, Claim, Severity | None]]:
    """Every link in order, with its severity, or None for two claims of one source."""
    for i, j, _score in cluster.links:
        a, b = cluster.claims[i], cluster.claims[j]
        if a.source_id == b.source_id:
            if a.attribution and b.attribution and a.attribution != b.attribution:
                yield a, b, Severity.DISPUTE
            else:
                yield a, b, None
        elif _named_speakers_differ(a.attribution, b.attribution):
            # Each outlet may report its speaker accurately: the parties disagree, not the outlets.
            yield a, b, Severity.DISPUTE
        else:
            yield a, b, Severity.CONTRADICTION


def scored_pairs(
    cluster: Cluster, context: Context
) -> list[tuple[Claim, Claim, Severity | None, float]]:
    """``linked_pairs`` with each link's score, worked out once per cluster for every rule."""

    def build() -> list[tuple[Claim, Claim, Severity | None, float]]:
        scores = [score for _i, _j, score in cluster.links]
        return [(a, b, severity, scores[n]) for n, (a, b, severity) in enumerate(_linked(cluster))]

    return _once_per_cluster(context.linked, cluster, build)


def _once_per_cluster(
    cache: dict[str, tuple[Cluster, _T]], cluster: Cluster, build: Callable[[], _T]
) -> _T:
    """``build()`` for ``cluster``, kept in ``cache``: several rules ask of each cluster."""
    found = cache.get(cluster.id)
    if found is None or found[0] is not cluster:
        found = cache[cluster.id] = (cluster, build())
    return found[1]


def asserted_pairs(
    cluster: Cluster, context: Context, *, same_polarity: bool
) -> Iterable[tuple[Claim, Claim, Severity]]:
    """Linked pairs that both assert something of one period: neither hedged nor background.

    Nor dated to days that cannot overlap: "Lohan checked into rehab on Monday" and
    "... on Thursday" are two stays, whatever else they say. With ``same_polarity``
    the two must also both affirm or both deny.
    """

    def build() -> list[tuple[Claim, Claim, Severity]]:
        return [
            (a, b, severity)
            for a, b, severity, _score in scored_pairs(cluster, context)
            if severity is not None
            and not (a.hedged or b.hedged)
            and same_period(a, b, context)
            and not context.apart(a, b)
            and not disjoint_event_dates(a, b)
        ]

    for a, b, severity in _once_per_cluster(context.asserted, cluster, build):
        if same_polarity and a.polarity != b.polarity:
            continue
        yield a, b, severity


_GENERIC_SPEAKERS = frozenset(
    """
    the a an one two three some several many officials official police prosecutors
    authorities people sources witnesses residents experts analysts investigators
    spokesman spokeswoman spokesperson
    his her their its our my your this that these those another
    lawyer lawyers attorney attorneys publicist agent representative aide aides
    """.split()
)


def _named_speakers_differ(first: str, second: str) -> bool:
    """Two different named speakers ("voss" / "derek amsel"), not two ways to say one."""
    if not first or not second or first == second:
        return False
    words_a, words_b = first.split(), second.split()
    if words_a[0] in _GENERIC_SPEAKERS or words_b[0] in _GENERIC_SPEAKERS:
        return False
    return not set(words_a) & set(words_b)


# Words that put a claim's event before the story's: "her previous Oscar gig".
_EARLIER = re.compile(
    r"\b(?:previous|previously|formerly|used to|last year's|last season|the year before"
    r"|a year earlier"
    r"|once again|the last time)\b"
    # "The last major quake to hit southern Iran was in February": an earlier one.
    r"|\bthe last\b[^,.;]{0,60}?\b(?:was|were)\s+(?:in|on|back in)\b",
    re.IGNORECASE,
)


def is_background(claim: Claim, context: Context, reference: date | None = None) -> bool:
    """True when the claim is dated over a year before its source was published.

    "The Kessel last flooded in 2011, when the river crested at 8.3 meters" is
    background to this week's flood, not a rival account of it. An undated source
    is measured against ``reference`` (the other source's date) when one is given.
    """
    if reference is None or context.published.get(claim.source_id) is not None:
        found = context.backgrounds.get(claim.id)  # by its own date: asked for every pair
        if found is None:
            found = context.backgrounds[claim.id] = _is_background(claim, context, None)
        return found
    key = (claim.id, reference)
    found = context.borrowed.get(key)
    if found is None:
        found = context.borrowed[key] = _is_background(claim, context, reference)
    return found


def _is_background(claim: Claim, context: Context, reference: date | None) -> bool:
    if _EARLIER.search(claim.text):
        return True
    published = context.published.get(claim.source_id) or reference
    if published is None:
        return False
    cutoff = published.toordinal() - 365
    dates = [
        m.value
        for m in claim.mentions
        if m.kind is MentionKind.DATE
        and isinstance(m.value, DateValue)
        and m.role in ("", "context")
    ]
    return bool(dates) and all(d.last.toordinal() < cutoff for d in dates)


def same_period(a: Claim, b: Claim, context: Context) -> bool:
    """Claims are comparable unless one is background and the other is not.

    "In 2005, the House passed a bill" in an undated article is background to a
    2009 article's "the bill the House passed last week".
    """
    published = context.published
    published_a, published_b = published.get(a.source_id), published.get(b.source_id)
    return is_background(a, context, published_a or published_b) == is_background(
        b, context, published_b or published_a
    )


def subject_key(claim: Claim, context: Context) -> str:
    """The claim's subject when it is a name, or "" when unknown.

    A relative clause's subject is its antecedent; otherwise a name (or resolved
    pronoun) at the very start of the claim.
    """
    for mention in claim.mentions:
        if mention.role == "antecedent" and isinstance(mention.value, NameValue):
            return context.alias(mention.value.key())
    names = sorted(
        (
            m
            for m in claim.mentions
            if isinstance(m.value, NameValue) and m.kind is not MentionKind.PLACE
        ),
        key=lambda m: m.span.start,
    )
    if names:
        first = names[0]
        if first.role == "pronoun" and first.surface.lower() in _POSSESSIVES:
            return ""  # "His body was discovered": the subject is the body, not its owner
        lead = claim.text[: first.span.start - claim.span.start].strip().lower()
        if lead in ("", "and", "but", "the", "then", "when", "as", "after", "before", "which"):
            return context.alias(first.value.key())
    return ""


_POSSESSIVES = frozenset({"his", "her", "its", "their"})


def _name_keys(claim: Claim, context: Context) -> set[str]:
    """The claim's names of people, organisations and places, canonical."""
    return {
        context.alias(m.value.key())
        for m in claim.mentions
        if isinstance(m.value, NameValue) and m.role != "pronoun"
    }


def same_owner(a: Claim, b: Claim, context: Context, *, across_kinds: bool = False) -> bool:
    """The claims can be about the same person or body: no two different named subjects.

    "Clark had 16 rebounds" and "Curry had 8 rebounds" count different people's
    rebounds; when both claims name people, they must share one. ``across_kinds``:
    a person and a body do not part the claims ("Harwick's winner" / "Ferri headed
    the winner": the scorer plays for the team), two people or two bodies still do.
    """
    subject_a, subject_b = subject_key(a, context), subject_key(b, context)
    names_a = _names(a, context)
    names_b = _names(b, context)
    if (
        subject_a
        and subject_b
        and subject_a != subject_b
        and not across_kinds
        # "The Saints placed Thomas on injured reserve" / "Thomas was placed on injured
        # reserve (by the Saints)": one act told in the active and in the passive
        and not _passive_of(a, b, context)
        and not _passive_of(b, a, context)
    ):
        return False
    people_a = _names(a, context, MentionKind.PERSON)
    people_b = _names(b, context, MentionKind.PERSON)
    if across_kinds:
        names_a -= people_a
        names_b -= people_b
    # a surname the corpus gives to two people is the one of them the other claim names:
    # "Peterson was convicted Nov. 12" / "a jury convicted Scott Peterson"
    met_a, met_b = _surnames_met(names_a, people_b), _surnames_met(names_b, people_a)
    if (
        names_a
        and names_b
        and not (names_a | met_a) & (names_b | met_b)
        and not _demonym_of(names_a, names_b)
        and not _demonym_of(names_b, names_a)
    ):
        return False
    # "The Saints signed Wynn on Tuesday" / "the Saints signed Bell on Wednesday":
    # one team, two people, two events; "Klitschko stopped Thompson in the sixth" /
    # "Klitschko stopped Rahman in the seventh": one boxer, two opponents, two fights.
    people_a |= met_a
    people_b |= met_b
    if not (people_a and people_b):
        return True
    return bool(people_a & people_b) and not (people_a - people_b and people_b - people_a)


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?\Z", re.IGNORECASE)
# "Thomas was placed", "was officially placed": the verb right after the subject's passive;
# "The Saints placed", "have placed": the active one
_PASSIVE_VERB = re.compile(
    r"\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(\w+)", re.IGNORECASE
)
_ACTIVE_VERB = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(\w+)", re.IGNORECASE)


def _passive_of(a: Claim, b: Claim, context: Context) -> bool:
    """``a`` tells in the passive what ``b``'s subject did to ``a``'s, the one person ``b`` names.

    "Thomas was placed on IR Wednesday" / "The Saints placed Thomas on IR": the same
    verb after each subject, and the passive names no doer or names the Saints. Not
    "Kent was hurt" / "placed Kent on injured reserve" (another act), nor "signed Wynn
    on Tuesday and Bell today" (two people the act was done to).
    """
    subject, other_subject = subject_key(a, context), subject_key(b, context)
    if _names(b, context, MentionKind.PERSON) - {other_subject} != {subject}:
        return False
    doers = set()
    verb = ""
    for m in a.mentions:
        if not isinstance(m.value, NameValue):
            continue
        key = context.alias(m.value.key())
        found = _PASSIVE_VERB.match(a.text, m.span.end - a.span.start)
        if key == subject and found is not None:
            verb = content_key(found.group(1)) or ""
        elif _BY_BEFORE.search(a.text[: max(0, m.span.start - a.span.start)]):
            doers.add(key)
    return (
        bool(verb) and verb == _verb_after(b, other_subject, context) and doers <= {other_subject}
    )


def _verb_after(claim: Claim, subject: str, context: Context) -> str:
    """The key of the verb right after the claim's subject: "The Saints have placed" -> plac."""
    for m in claim.mentions:
        if isinstance(m.value, NameValue) and context.alias(m.value.key()) == subject:
            found = _ACTIVE_VERB.match(claim.text, m.span.end - claim.span.start)
            return (content_key(found.group(1)) or "") if found else ""
    return ""


# "Iranian" is of Iran, "Indonesian" of Indonesia, "Sudanese" of Sudan
_DEMONYM = re.compile(r"(?P<stem>[a-z]{3,}?)(?:ian|an|n|ese|ish|i)")


def _demonym_of(names: set[str], places: set[str]) -> bool:
    """A one-word name of ``names`` is the people of a one-word name of ``places``.

    "the southern Iranian island of Qeshm" / "an island off Iran's southern coast".
    """
    for name in names:
        found = _DEMONYM.fullmatch(name)  # one word: the pattern holds no space
        if found is not None:
            stem = found["stem"]
            if any(" " not in p and p.startswith(stem) and len(p) <= len(stem) + 2 for p in places):
                return True
    return False


def _surnames_met(names: set[str], people: set[str]) -> set[str]:
    """The one person of ``people`` that each bare surname of ``names`` can stand for."""
    met = set()
    for name in names:
        if " " not in name:
            ending = [p for p in people if p.endswith(f" {name}")]
            if len(ending) == 1:
                met.add(ending[0])
    return met


def _names(claim: Claim, context: Context, kind: MentionKind | None = None) -> set[str]:
    """The claim's canonical names of people and bodies, or of one ``kind`` of them."""
    return {
        context.alias(m.value.key())
        for m in claim.mentions
        if isinstance(m.value, NameValue)
        and m.kind is not MentionKind.PLACE
        and (kind is None or m.kind is kind)
    }


def all_rules() -> tuple[Rule, ...]:
    """Every rule, in the order findings are reported."""
    from claimcheck.rules.speech import ATTRIBUTION, QUOTE
    from claimcheck.rules.statements import ANTONYM, NEGATION
    from claimcheck.rules.values import AGE, DATE, NUMBER

    return (DATE, NUMBER, AGE, NEGATION, ANTONYM, ATTRIBUTION, QUOTE)
