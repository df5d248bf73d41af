"""Claims -> clusters of claims that state the same fact, across sources.

Blocking: claims are indexed by their canonical entity keys and content-word keys;
keys held by more than ``max_block`` claims are too common to block on, and a
pair is scored only when it shares at least two keys, so the candidate pairs grow
with the corpus, not with its square. Scoring mixes IDF-weighted key overlap with
rapidfuzz similarity of the value-masked frames. Clustering is average-linkage,
so one loose pair cannot chain two unrelated clusters together.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from claimcheck.config import MatchSettings
from claimcheck.lexicon import content_key, opposite_objects, says_opposite
from claimcheck.model import (
    NAME_KINDS,
    AmountValue,
    Claim,
    Cluster,
    Mention,
    MentionKind,
    NameValue,
    QuoteValue,
    TimeValue,
)
from claimcheck.normalize.numbers import ABBREVIATION_STOP, CURRENCIES, DEATH_WORDS
from claimcheck.roles import age_role, role_names

MIN_SHARED_KEYS = 2
# A key held by more than this share of all claims is no evidence that two claims match.
# It equals the block cap (64) at about 1,000 articles (18,000 claims), so smaller corpora
# are matched exactly as before, and larger ones judge a key by how rare it is, not its count.
STOP_SHARE = 0.0035
# A pair met in the block of a name it shares, whose second shared key is one held by more
# than the stop (in a folder about one story: the story's main names and verb, "Teixeira",
# "Red Sox", "offer"), is a fact only if it scores this much over the threshold. On ECB+
# such pairs found 7 more planted contradictions and one real one ("died on Friday" /
# "died Thursday"); margins of 0.05 and 0.15 gave the same within two (bench/EVALUATION.md).
COMMON_MARGIN = 0.1
# Two sources that each name at least MIN_NAMES people, places or organisations, and
# share less than NAME_OVERLAP of the shorter list, tell different stories: their claims
# are never compared. On ECB+ this parts 52% of the article pairs about two events of
# one kind (two earthquakes, two rehab stays) and 4% of the pairs about one event; it
# cut false contradictions by 8% and planted ones found by 2% (bench/EVALUATION.md).
MIN_NAMES = 5
NAME_OVERLAP = 0.15


@dataclass(frozen=True)
class Features:
    """What matching reads of one claim."""

    entities: frozenset[str]
    predicates: frozenset[str]
    # entity keys (prefixed ``@``) and predicate keys together, built with the rest: a
    # cached property's first read takes a lock, and every claim's is read
    keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = frozenset([f"@{e}" for e in self.entities]) | self.predicates
        object.__setattr__(self, "keys", keys)


@dataclass(frozen=True)
class MatchResult:
    """Clusters plus the work it took, for stats and benchmarks."""

    clusters: tuple[Cluster, ...]  # fact clusters ("c…"), then pairs compared on their own ("p…")
    pairs_scored: int
    features: tuple[Features, ...]
    fact_clusters: int = 0  # how many of ``clusters`` are fact clusters
    aliases: dict[str, str] = field(default_factory=dict)  # ``entity_aliases`` of the claims
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # ``role_names`` of the claims


# Per source, ("the council", the body) for each head noun that names one body there.
Heads = dict[str, tuple[tuple[str, str], ...]]


def entity_aliases(claims: Sequence[Claim]) -> dict[str, str]:
    """Map name keys to canonical ones across the corpus.

    "bhararas" -> "bharara": text that lost its apostrophes writes possessives
    with a plain "s". "bharara" -> "preet bharara": a surname alone stands for
    the one full name in the corpus that ends with it, and "city council" for the
    one "... city council"; when two names end so, it stays as it is.
    """
    return names_of(claims)[0]


def article_heads(claims: Sequence[Claim]) -> Heads:
    """Per article, the body "the council" means: the one council the article names."""
    return names_of(claims)[1]


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def names_of(claims: Sequence[Claim]) -> tuple[dict[str, str], Heads]:
    """``entity_aliases`` and ``article_heads`` together, from one pass over the mentions."""
    keys: set[str] = set()
    bodies: set[tuple[str, str]] = set()  # (source, body ending in a head noun)
    capitals: set[str] = set()  # one-word keys written in capitals: "AMD", "NYPD"
    for claim in claims:
        for m in claim.mentions:
            if m.kind in NAME_KINDS and isinstance(m.value, NameValue) and m.role != "pronoun":
                key = m.value.key()
                keys.add(key)
                if m.kind is MentionKind.ORG and key[key.rfind(" ") + 1 :] in HEAD_NOUNS:
                    bodies.add((claim.source_id, key))
                if " " not in key and _ACRONYM.fullmatch(m.surface):
                    capitals.add(key)
    full_names: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split(" ")
        if len(words) > 2 and words[-1] in _GENERATIONS:
            words = words[:-1]  # "Comeaux" is "Arcade Joseph Comeaux Jr." in a story of him
            full_names[" ".join(words)].add(key)
        for start in range(1, len(words)):  # "almeda city council", "city council", "council"
            full_names[" ".join(words[start:])].add(key)
    aliases: dict[str, str] = {}
    known = keys | full_names.keys()  # built once: rebuilding it per key is quadratic
    for key in keys:
        target = key
        if len(key) > 4 and key.endswith("s") and key[:-1] in known:
            target = key[:-1]
        # A name that ends exactly one longer name is that name: "Bharara" is "Preet
        # Bharara", "City Council" the "Port Almeda City Council".
        if len(full_names.get(target, ())) == 1:
            target = next(iter(full_names[target]))
        if target != key:
            aliases[key] = target
    _acronyms_and_spacing(keys, capitals, aliases)
    # "the council" is the one council its article names ("Eastbrook City Council"), if one.
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source_id, key in bodies:
        if " " in key:
            named[(source_id, key.rsplit(" ", 1)[1])].add(aliases.get(key, key))
    heads: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (source_id, head), orgs in sorted(named.items()):
        if len(orgs) == 1:
            heads[source_id].append((f"the {head}", next(iter(orgs))))
    return aliases, {source_id: tuple(pairs) for source_id, pairs in heads.items()}


def _acronyms_and_spacing(keys: set[str], capitals: set[str], aliases: dict[str, str]) -> None:
    """Alias an acronym to the one name it abbreviates, and one name spaced two ways.

    "AMD" is "Advanced Micro Devices" and "NYPD" the "New York Police Department" when
    the run names exactly one name with those initials; "SeaMicro" is "Sea Micro". Three
    capitals at least: "AL" is no abbreviation of "Andrew Luck".
    """
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_letters: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = [w for w in key.split(" ") if w not in _ACRONYM_SKIPS]
        if len(words) >= 2:
            by_initials["".join(w[0] for w in words)].add(key)
        by_letters[key.replace(" ", "")].add(key)
    for acronym in sorted(capitals):
        named = by_initials.get(acronym, set())
        if len(named) == 1 and acronym not in aliases:
            full = next(iter(named))
            aliases[acronym] = aliases.get(full, full)
    for spellings in by_letters.values():
        if len(spellings) > 1:
            canonical = max(spellings, key=lambda k: (k.count(" "), k))
            for key in spellings - {canonical}:
                aliases.setdefault(key, aliases.get(canonical, canonical))


_ACRONYM = re.compile(r"[A-Z]{3,6}(?:['’]s)?")
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&", "de"})


# Nouns a body is called by after it has been named: "the council", "the company".
HEAD_NOUNS = frozenset(
    "council committee court company commission department agency board ministry"
    " university hospital church bank union".split()
)


def features_of(claim: Claim, aliases: dict[str, str], heads: Heads | None = None) -> Features:
    """The entity and predicate keys of one claim (``heads``: ``article_heads`` of the corpus)."""
    entities: set[str] = set()
    slots = set()
    named_here = heads.get(claim.source_id) if heads else None
    if named_here:  # an article that names one council calls it "the council" after
        lowered = claim.text.lower()
        entities.update(named for phrase, named in named_here if _says(lowered, phrase))
    for mention in claim.mentions:
        value = mention.value
        if mention.kind in NAME_KINDS and isinstance(value, NameValue):
            key = value.key()
            entities.add(aliases.get(key, key))
        elif isinstance(value, AmountValue) and mention.role != "subset":
            # Two claims that count the same thing are likely about the same fact.
            if value.counted or value.unit:
                slots.add(f"#{content_key(value.counted) or value.counted or value.unit}")
        elif isinstance(value, QuoteValue) and value.speaker:
            slots.add(f"#quote:{aliases.get(value.speaker, value.speaker)}")
        elif isinstance(value, TimeValue) and value.interval.is_point:
            # An exact clock time ("3:12 a.m.") is rare enough to point at one event.
            slots.add(f"#at:{value.key()}")
    return Features(frozenset(entities), frozenset(claim.predicates) | frozenset(slots))


def _says(lowered: str, phrase: str) -> bool:
    """``phrase`` stands in ``lowered`` as whole words ("the council", not "the councillor")."""
    at = lowered.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not lowered[at - 1].isalpha()) and (
            end == len(lowered) or not lowered[end].isalpha()
        ):
            return True
        at = lowered.find(phrase, at + 1)
    return False


def cluster_claims(claims: Sequence[Claim], settings: MatchSettings) -> MatchResult:
    """Group ``claims`` (from any number of sources) into clusters of the same fact."""
    aliases, heads = names_of(claims)
    features = tuple(features_of(claim, aliases, heads) for claim in claims)
    frequency: Counter[str] = Counter()
    for feature in features:
        frequency.update(feature.keys)
    total = max(1, len(claims))
    idf = {key: math.log(1 + total / count) for key, count in frequency.items()}

    related = _name_gate(claims, features)
    candidates = _candidates(claims, features, frequency, settings.max_block, related)
    scores = dict(zip(candidates, pair_scores(claims, features, candidates, idf), strict=True))
    # A pair whose second key most claims carry must read alike more closely; scored
    # lower, it counts as never scored, as before such pairs were met.
    strict = settings.threshold + COMMON_MARGIN
    for pair in candidates.common:
        if scores[pair] < strict:
            del scores[pair]
    edges = [(score, i, j) for (i, j), score in scores.items() if score >= settings.threshold]
    clusters = _average_linkage(len(claims), edges, scores, settings.threshold)
    facts = len(clusters)
    # A strong pair split between two clusters is still compared, as a cluster of its own.
    cluster_of = {k: n for n, members in enumerate(clusters) for k in members}
    in_order = sorted(edges, key=lambda e: (e[1], e[2]))
    clusters += [
        [i, j]
        for _score, i, j in in_order
        if cluster_of.get(i, -1 - i) != cluster_of.get(j, -1 - j)
    ]
    # Two speakers in one article talking about the same person are compared as a pair,
    # and so are two sources giving one named person two ages.
    linked = {(i, j) for _score, i, j in edges}
    compared = _dispute_pairs(claims, features, linked)
    near = _near_pairs(claims, features, scores, linked | set(compared), settings.threshold)
    compared += near
    roles = role_names(claims)
    compared += _age_pairs(claims, linked | set(compared), related, roles)
    clusters += [[i, j] for i, j in compared]
    in_order += [
        (near.get((i, j)) or pair_score(claims[i], claims[j], features[i], features[j], idf), i, j)
        for i, j in compared
    ]
    # Each claim's edges to later claims, so a cluster's links cost its own edges, not all edges.
    edges_from: dict[int, list[tuple[int, float]]] = defaultdict(list)
    rank: dict[tuple[int, int], tuple[int, float]] = {}
    for n, (score, i, j) in enumerate(in_order):
        edges_from[i].append((j, score))
        rank[(i, j)] = (n, score)
    built: list[Cluster] = []
    fact_clusters = 0
    for number, members in enumerate(clusters):
        member_claims = tuple(claims[k] for k in members)
        if len({(c.source_id, c.attribution) for c in member_claims}) < 2:
            continue
        position = {k: n for n, k in enumerate(members)}
        links = tuple(
            (position[i], position[j], round(score, 4))
            for i in sorted(members)
            for j, score in _edges_within(i, members, edges_from, rank)
            if j in position
        )
        shared = _shared_keys([features[k] for k in members])
        if number < facts:
            fact_clusters += 1
            cluster_id = f"c{fact_clusters}"
        else:
            cluster_id = f"p{len(built) - fact_clusters + 1}"
        built.append(Cluster(id=cluster_id, claims=member_claims, keys=shared, links=links))
    return MatchResult(tuple(built), len(candidates), features, fact_clusters, aliases, roles)


def _edges_within(
    i: int,
    members: list[int],
    edges_from: dict[int, list[tuple[int, float]]],
    rank: dict[tuple[int, int], tuple[int, float]],
) -> list[tuple[int, float]]:
    """Claim ``i``'s edges that may end in ``members``, in ``edges_from`` order.

    A claim with many edges in a small cluster (a pair of its own) looks its few
    partners up instead of walking all its edges.
    """
    edges = edges_from.get(i, [])
    if len(edges) <= len(members):
        return edges
    found = sorted((rank[(i, j)], j) for j in members if (i, j) in rank)
    return [(j, score) for (_n, score), j in found]


MAX_DISPUTE_PAIRS_PER_SOURCE = 200
MAX_AGE_PAIRS_PER_PERSON = 20


def aged_people(claim: Claim, age: Mention, roles: dict[str, frozenset[str]]) -> list[str]:
    """The name keys, as written, of whoever an age is told of.

    Its owner's ("Doyle, 43,"), or, for an age told of a part ("The suspect, a
    34-year-old man"), those of the one person the run names for the part (``roles``:
    ``role_names`` of the claims).
    """
    owner = age_owner(claim, age)
    if owner is not None:
        return [owner.value.key()] if isinstance(owner.value, NameValue) else []
    role = age_role(claim, age)
    return sorted(roles.get(role, ())) if role else []


def age_owner(claim: Claim, age: Mention) -> Mention | None:
    """The named person an age belongs to: "Lo Presti, 78," or "the 32-year-old Peterson"."""
    if age.kind is not MentionKind.AGE:
        return None
    for mention in claim.mentions:
        if mention.kind not in (MentionKind.PERSON, MentionKind.ACTOR) or mention.role:
            continue
        if not isinstance(mention.value, NameValue):
            continue
        appositive = mention.span.start <= age.span.start < mention.span.end
        before = 0 <= mention.span.start - age.span.end <= 1
        if appositive or before:
            return mention
    return age_at_death(claim, age)


# "Bettie Page ... died yesterday in Los Angeles at the age of 85": the age at death is
# the subject's, however far from the name it is told.
_DEATH_AGE = re.compile(rf"{DEATH_WORDS}(?:[^.;:]|{ABBREVIATION_STOP}){{0,60}}\Z", re.IGNORECASE)
_AGE_LEAD = re.compile(r"(?:aged|at)\b", re.IGNORECASE)


_DEATH_BEFORE = re.compile(r"\bdeath,?\s+\Z", re.IGNORECASE)
_OF_BETWEEN = re.compile(r",?\s+of\s+")


def age_at_death(claim: Claim, age: Mention) -> Mention | None:
    """The person an age at death belongs to: the claim's first-named person."""
    if not _AGE_LEAD.match(age.surface):
        return None
    start, end = age.span.start - claim.span.start, age.span.end - claim.span.start
    if _DEATH_BEFORE.search(claim.text[:start]):
        # "the death, at age 86, of W. Mark Felt": the person follows
        for m in claim.mentions:
            if (
                m.kind in (MentionKind.PERSON, MentionKind.ACTOR)
                and m.role == ""
                and isinstance(m.value, NameValue)
                and _OF_BETWEEN.fullmatch(
                    claim.text, end, max(end, m.span.start - claim.span.start)
                )
            ):
                return m
    people = [
        m
        for m in claim.mentions
        if m.kind in (MentionKind.PERSON, MentionKind.ACTOR)
        and m.role in ("", "antecedent")  # "Gigante, who died ... at 77": the relative's name
        and isinstance(m.value, NameValue)
        and m.span.end <= age.span.start
    ]
    if not people:
        return None
    # a person before a mere actor: "Former Marlow mayor Ada Brenn dies at 87" is Brenn's age
    owner = next((m for m in people if m.kind is MentionKind.PERSON), people[0])
    between = claim.text[owner.span.end - claim.span.start : age.span.start - claim.span.start]
    return owner if _DEATH_AGE.search(between) else None


def same_person(first: str, second: str) -> bool:
    """Two full-name keys that can be one person: equal, or one the end of the other.

    "lo presti" / "gaetano lo presti", or one bare surname twice ("Peterson, 32" /
    "the 33-year-old Peterson"); not "reggie bush" / "george bush", not a bare
    surname against a full name (after aliasing, one the corpus gives two people:
    "gomes" for Manuel and Catherine Gomes), and not a product ("ie6"). Keys are
    compared as written, not aliased: "the 35-year-old Gomes" is not "Catherine
    Gomes, 61" even when she is the only Gomes named in full.
    """
    if (" " in first) != (" " in second):
        return False  # one bare surname: "Gomes" may be either Gomes the corpus names
    if not (first.replace(" ", "").isalpha() and second.replace(" ", "").isalpha()):
        return False
    return one_name(first, second)


def one_name(first: str, second: str) -> bool:
    """Two keys of one name: equal, or one the end of the other ("ed stefanski" / "stefanski")."""
    return first == second or first.endswith(f" {second}") or second.endswith(f" {first}")


def _age_pairs(
    claims: Sequence[Claim],
    linked: set[tuple[int, int]],
    related: Callable[[str, str], bool],
    roles: dict[str, frozenset[str]],
) -> list[tuple[int, int]]:
    """Claims of two sources giving one named person different ages, however unlike they read.

    An age is a fact about the person, not about the sentence it is told in:
    "Lo Presti, 78, was found dead" and "Gaetano Lo Presti, 52, who had taken
    over ..." disagree although nothing else in them matches.
    """
    # Grouped by surname; within a group, names that can be one person are paired.
    ages: dict[str, list[tuple[str, float, int]]] = defaultdict(list)
    for index, claim in enumerate(claims):
        for mention in claim.mentions:
            if mention.kind is not MentionKind.AGE or not isinstance(mention.value, AmountValue):
                continue
            if not mention.value.interval.is_point:
                continue
            # Not aliased: a bare surname is someone only when the sentence names them in full.
            for key in aged_people(claim, mention, roles):
                ages[key.rsplit(" ", 1)[-1]].append((key, mention.value.interval.lo, index))
    pairs: list[tuple[int, int]] = []
    for told in ages.values():
        found = 0
        for n, (key_a, age_a, i) in enumerate(told):
            for key_b, age_b, j in told[n + 1 :]:
                pair = (min(i, j), max(i, j))
                a, b = claims[pair[0]], claims[pair[1]]
                if found >= MAX_AGE_PAIRS_PER_PERSON or age_a == age_b or pair in linked:
                    continue
                if a.source_id == b.source_id or not same_person(key_a, key_b):
                    continue
                if not related(a.source_id, b.source_id):
                    continue
                pairs.append(pair)
                linked.add(pair)
                found += 1
    return sorted(pairs)


def _dispute_pairs(
    claims: Sequence[Claim], features: Sequence[Features], linked: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs within one source, from different sentences and speakers, naming one person.

    They are few (only attributed claims take part, capped per source) and the
    rules, not the score, decide whether the speakers disagree.
    """
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        if claim.attribution and features[index].entities:
            by_source[claim.source_id].append(index)
    pairs: list[tuple[int, int]] = []
    for members in by_source.values():
        found = 0
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                if found >= MAX_DISPUTE_PAIRS_PER_SOURCE:
                    break
                first, second = claims[i], claims[j]
                if first.attribution == second.attribution or first.sentence == second.sentence:
                    continue
                if (i, j) in linked or not features[i].entities & features[j].entities:
                    continue
                pairs.append((i, j))
                found += 1
    return pairs


# A pair under the threshold with one strong sign of stating one fact (opposite words about
# one object, one act at one clock time) is compared from this share of the threshold:
# antonyms, or what each outlet adds around one act, make two wordings of one fact differ.
NEAR_LINK = 0.75


def _near_pairs(
    claims: Sequence[Claim],
    features: Sequence[Features],
    scores: dict[tuple[int, int], float],
    taken: set[tuple[int, int]],
    threshold: float,
) -> dict[tuple[int, int], float]:
    """Pairs just under the threshold with one strong sign of stating one fact, with their scores.

    Either they share a name and say opposite things of one object: "Jurors found
    Vance guilty on two counts of money laundering" / "Jurors acquitted Vance on
    both money laundering counts, a partial win for a defense team that ..." score
    under the threshold on wording alone, but "guilty" and "acquitted" (a pair of
    the antonym lexicon) are both followed by money laundering counts. Or they put
    one act at one exact clock time: "The first call to 911 came at 3:12 a.m. from
    a security guard" / "A taxi driver made the first 911 call at 3:12 a.m. after
    seeing flames". Or they name one party and one sum of money with two words of
    what it paid for: "... finding that she stole $2,314,600 from county accounts" /
    "Vance diverted $3.2 million in county funds". Such a pair is scored at the
    threshold, so the value rules, which ask for a link that strong, compare its sums.
    The rules still decide whether the two disagree.
    """
    floor = threshold * NEAR_LINK
    pairs = {}
    for (i, j), score in scores.items():
        if floor <= score < threshold and (i, j) not in taken:
            first, second = features[i], features[j]
            shared = first.predicates & second.predicates
            named = first.entities & second.entities
            if named and _one_sum(shared):
                pairs[(i, j)] = threshold
            elif _one_moment(shared) or (
                named
                and says_opposite(first.predicates, second.predicates)
                and opposite_objects(claims[i].text, claims[j].text)
            ):
                pairs[(i, j)] = score
    return dict(sorted(pairs.items()))


def _one_sum(shared: frozenset[str]) -> bool:
    """Shared keys hold one sum of money and two words of what it paid for."""
    return any(key in _MONEY_SLOTS for key in shared) and (
        sum(not key.startswith("#") for key in shared) >= 2
    )


_MONEY_SLOTS = frozenset(f"#{code}" for code in CURRENCIES)


def _one_moment(shared: frozenset[str]) -> bool:
    """Shared keys hold one exact clock time and a word of what happened then."""
    return any(key.startswith("#at:") for key in shared) and any(
        not key.startswith("#") for key in shared
    )


class Candidates(list[tuple[int, int]]):
    """Candidate pairs in order; ``common`` holds those whose second key is one of the commonest."""

    def __init__(self) -> None:
        super().__init__()
        self.common: set[tuple[int, int]] = set()


def _candidates(
    claims: Sequence[Claim],
    features: Sequence[Features],
    frequency: Counter[str],
    max_block: int,
    related: Callable[[str, str], bool] | None = None,
) -> Candidates:
    """Comparable pairs that share a block and at least two keys that are not stop keys, sorted.

    Blocks are the keys held by 2 to ``max_block`` claims, so each claim meets a
    bounded number of others and the pairs grow with the corpus, not its square.
    The cap bounds the work, not the evidence: a key held by more claims than a
    block may hold still counts as a pair's second shared key unless it is held
    by more than ``STOP_SHARE`` of all claims. So a pair that shares a rare name
    and "workers" is found in 10,000 articles as it is in 1,000. Beyond the stop,
    a key still counts as the second for a pair met in the block of a name both
    claims carry ("The Red Sox did not make an offer to Mark Teixeira" / "The
    Boston Red Sox have made the biggest offer in club history to Mark
    Teixeira", in a folder where "Red Sox" and "offer" are in a fifth of the
    claims); such pairs are listed in ``common``, and ``cluster_claims`` asks
    them to score ``COMMON_MARGIN`` over the threshold. Claims of two sources
    that ``related`` says tell different stories are not paired.

    Each claim gathers the later members of its blocks and counts them in C
    (``Counter``); only the partners it meets are looked at in Python.
    """
    stop = max(max_block, int(STOP_SHARE * len(features)))
    blocks: dict[str, list[int]] = defaultdict(list)
    joined: list[list[tuple[list[int], int]]] = [[] for _ in features]
    named: list[list[tuple[list[int], int]]] = [[] for _ in features]  # blocks of names
    common: list[frozenset[str]] = []
    commonest: list[frozenset[str]] = []
    for index, feature in enumerate(features):
        beyond_cap = []
        beyond_stop = []
        for key in feature.keys:
            count = frequency[key]
            if 2 <= count <= max_block:
                block = blocks[key]
                joined[index].append((block, len(block) + 1))
                if key[0] == "@":
                    named[index].append((block, len(block) + 1))
                block.append(index)
            elif max_block < count <= stop:
                beyond_cap.append(key)
            elif count > stop:
                beyond_stop.append(key)
        common.append(frozenset(beyond_cap))
        commonest.append(frozenset(beyond_stop))
    pairs = Candidates()
    # _comparable by index: a million pairs at 10,000 articles, so no per-pair attribute lookups.
    source = [claim.source_id for claim in claims]
    speaker = [claim.attribution for claim in claims]
    for i, memberships in enumerate(joined):
        mine, mine_most = common[i], commonest[i]
        if not memberships or len(memberships) + len(mine) + len(mine_most) < MIN_SHARED_KEYS:
            continue
        later: list[int] = []
        for block, after in memberships:
            later.extend(block[after:])
        # Met in the block of a name both carry: the commonest keys may give the second key.
        same_name: set[int] = set()
        if mine_most:
            for block, after in named[i]:
                same_name.update(block[after:])
        partners = []
        weak = set()
        for j, count in Counter(later).items():
            if count < MIN_SHARED_KEYS and mine:
                count += len(mine & common[j])
            if count >= MIN_SHARED_KEYS:
                partners.append(j)
            elif j in same_name and mine_most & commonest[j]:
                partners.append(j)
                weak.add(j)
        mine_source, mine_speaker = source[i], speaker[i]
        for j in sorted(partners):
            if source[j] != mine_source:
                if not (related is None or related(mine_source, source[j])):
                    continue
            elif not (mine_speaker and speaker[j] and mine_speaker != speaker[j]):
                continue
            pairs.append((i, j))
            if j in weak:
                pairs.common.add((i, j))
    return pairs


def _comparable(a: Claim, b: Claim, related: Callable[[str, str], bool] | None = None) -> bool:
    """Claims of two related sources, or of one source attributed to two different speakers."""
    if a.source_id != b.source_id:
        return related is None or related(a.source_id, b.source_id)
    return bool(a.attribution and b.attribution and a.attribution != b.attribution)


def _name_gate(claims: Sequence[Claim], features: Sequence[Features]) -> Callable[[str, str], bool]:
    """Whether two sources may tell one story: they share names, or one names too few to tell.

    Articles about one event name its people and places; two earthquakes, or two
    games of one team, reported in the same words but sharing few names (the
    team, the country) are two events, however alike their sentences read. A
    short piece (a brief, a headline) names too few to judge and is always compared.
    """
    names: dict[str, set[str]] = defaultdict(set)
    for claim, feature in zip(claims, features, strict=True):
        names[claim.source_id].update(feature.entities)
    decided: dict[tuple[str, str], bool] = {}

    def related(first: str, second: str) -> bool:
        found = decided.get((first, second))
        if found is None:
            a, b = names[first], names[second]
            fewer = min(len(a), len(b))
            found = fewer < MIN_NAMES or len(a & b) >= NAME_OVERLAP * fewer
            decided[(first, second)] = decided[(second, first)] = found
        return found

    return related


def pair_score(a: Claim, b: Claim, fa: Features, fb: Features, idf: dict[str, float]) -> float:
    """How likely two claims state the same fact, from 0 to 1."""
    keys_a, keys_b = fa.keys, fb.keys
    shared = keys_a & keys_b
    if not shared:
        return 0.0
    # math.fsum: a set's order changes with the interpreter's string hashing, and a plain
    # sum's last bit with it; near-tied scores would then cluster differently run to run.
    weight_a = math.fsum(idf[k] for k in keys_a)
    weight_b = math.fsum(idf[k] for k in keys_b)
    text = fuzz.token_set_ratio(a.frame, b.frame) / 100.0
    return _combine(math.fsum(idf[k] for k in shared), weight_a, weight_b, text)


# Weights of the pair score; chosen on tests/data/sets and checked on ECB+ (bench/).
W_JACCARD, W_CONTAINMENT, W_TEXT = 0.35, 0.35, 0.30


def _combine(weight_shared: float, weight_a: float, weight_b: float, text: float) -> float:
    """The pair score from the IDF weight of shared and own keys and the frames' similarity."""
    jaccard = weight_shared / (weight_a + weight_b - weight_shared)
    containment = weight_shared / min(weight_a, weight_b)
    return W_JACCARD * jaccard + W_CONTAINMENT * containment + W_TEXT * text


def pair_scores(
    claims: Sequence[Claim],
    features: Sequence[Features],
    pairs: Sequence[tuple[int, int]],
    idf: dict[str, float],
) -> list[float]:
    """``pair_score`` of every pair in ``pairs``, equal to it to the last bit.

    The frame similarities are computed one rapidfuzz call per claim against all
    of its partners (``process.extract``, in C), and each claim's keys and key
    weight once, instead of once per pair.
    """
    partners: dict[int, list[int]] = defaultdict(list)
    for n, (i, _j) in enumerate(pairs):
        partners[i].append(n)
    text = [0.0] * len(pairs)
    for i, numbers in partners.items():
        choices = [claims[pairs[n][1]].frame for n in numbers]
        for _choice, similarity, k in process.extract(
            claims[i].frame, choices, scorer=fuzz.token_set_ratio, limit=None
        ):
            text[numbers[k]] = similarity / 100.0
    keys: dict[int, frozenset[str]] = {}
    weight: dict[int, float] = {}
    for index in {k for pair in pairs for k in pair}:
        keys[index] = features[index].keys
        weight[index] = math.fsum(idf[k] for k in keys[index])
    idf_of = idf.__getitem__
    scores: list[float] = []
    for n, (i, j) in enumerate(pairs):
        shared = keys[i] & keys[j]
        if not shared:
            scores.append(0.0)
            continue
        # fsum(map(...)): the same exactly rounded sum as pair_score's, only faster.
        scores.append(_combine(math.fsum(map(idf_of, shared)), weight[i], weight[j], text[n]))
    return scores


def _average_linkage(
    count: int,
    edges: list[tuple[float, int, int]],
    scores: dict[tuple[int, int], float],
    threshold: float,
) -> list[list[int]]:
    """Merge along the strongest edges while the clusters' mean link stays high.

    Only strong pairs (edges) start a merge, but the merge is judged on every
    scored pair between the two groups, and a pair never scored counts as zero,
    so two groups joined by one strong pair but otherwise unrelated stay apart.
    """
    cluster_of = list(range(count))
    members: dict[int, list[int]] = {k: [k] for k in range(count)}
    # Each claim's scored partners, both ways round: a merge looks up every pair between
    # two groups, and by claim then partner that costs no (min, max) tuple per pair.
    partners: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in scores.items():
        partners[i][j] = score
        partners[j][i] = score
    for _score, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        total = 0.0
        for x in members[ci]:
            scored = partners[x]
            for y in members[cj]:
                total += scored.get(y, 0.0)
        # Half the threshold: a claim may join on one strong link, two groups may not.
        if total / (len(members[ci]) * len(members[cj])) < threshold / 2:
            continue
        keep, drop = (ci, cj) if len(members[ci]) >= len(members[cj]) else (cj, ci)
        for k in members[drop]:
            cluster_of[k] = keep
        members[keep].extend(members.pop(drop))
    return [sorted(group) for group in members.values() if len(group) > 1]


def _shared_keys(features: list[Features]) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.keys)
    needed = max(2, math.ceil(len(features) / 2))
    return tuple(sorted(k for k, c in counts.items() if c >= needed))
