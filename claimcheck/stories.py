"""Claims -> one profile per source, and how alike two sources' stories are.

Two articles about one event share many rare names and words; two articles about
two events of the same kind (two earthquakes, two rehab stays) share fewer. Rules
use this to tell "the same action credited to two people" from "two people doing
the same kind of thing". A profile is the source's most distinctive keys, weighted
by tf-idf over the sources of the run; similarity is weighted Jaccard.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from claimcheck.match import Features
from claimcheck.model import Claim

PROFILE_SIZE = 1_000_000

Profile = dict[str, float]


def story_profiles(claims: Sequence[Claim], features: Sequence[Features]) -> dict[str, Profile]:
    """Each source's ``PROFILE_SIZE`` most distinctive keys with their weights."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for claim, feature in zip(claims, features, strict=True):
        counts[claim.source_id].update(feature.keys)
    spread: Counter[str] = Counter()
    for keys in counts.values():
        spread.update(keys.keys())
    total = len(counts)
    profiles: dict[str, Profile] = {}
    for source_id, keys in counts.items():
        weights = {
            key: (1 + math.log(count)) * math.log(1 + total / spread[key])
            for key, count in keys.items()
        }
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_SIZE]
        profiles[source_id] = dict(top)
    return profiles


def similarity(first: Profile, second: Profile) -> float:
    """Weighted Jaccard of two profiles, 0 (nothing shared) to 1 (the same)."""
    return weighted_jaccard(first, second, profile_weight(first), profile_weight(second))


def profile_weight(profile: Profile) -> float:
    """The sum of a profile's weights, exactly rounded."""
    return math.fsum(profile.values())


def weighted_jaccard(
    first: Profile, second: Profile, first_weight: float, second_weight: float
) -> float:
    """``similarity`` given each profile's ``profile_weight``, for callers that keep them.

    A source meets many others: summing its whole profile again for each pair cost
    more than the shared keys do.
    """
    shared = first.keys() & second.keys()
    # fsum: exactly rounded whatever order the set of shared keys comes in
    overlap = math.fsum(min(first[k], second[k]) for k in shared)
    union = first_weight + second_weight - overlap
    return overlap / union if union else 0.0
