"""Invariants over arbitrary text: extraction never raises and every span slices its surface."""

from __future__ import annotations

import hashlib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.compare import find_conflicts
from claimcheck.config import MatchSettings
from claimcheck.extract import extract_claims
from claimcheck.match import cluster_claims, entity_aliases
from claimcheck.model import Source

NEWSY = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"“”’-—$%\n")
    ),
    max_size=400,
)
WORDS = st.lists(
    st.sampled_from(
        "The council met in November December on Friday 46 45 prosecutors did not approved "
        "rejected Mayor Lena Okafor said “We are ready,” she . , and but who which about "
        "nearly four dozen $3.4 billion 5-4 vote at 2:29 p.m. I never resigned".split()
    ),
    max_size=60,
).map(" ".join)


def _source(text: str, name: str = "a.txt", published: date | None = date(2021, 3, 10)) -> Source:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(id=name, text=text, sha256=digest, outlet=name, published=published)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), NEWSY, WORDS), st.booleans())
def test_extraction_never_raises_and_spans_slice(text: str, dated: bool) -> None:
    source = _source(text, published=date(2021, 3, 10) if dated else None)
    for claim in extract_claims(source):
        assert source.text[claim.span.start : claim.span.end] == claim.text
        assert claim.sentence.start <= claim.span.start <= claim.span.end <= claim.sentence.end
        for mention in claim.mentions:
            assert source.text[mention.span.start : mention.span.end] == mention.surface


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=2, max_size=4))
def test_comparing_never_raises_and_order_does_not_matter(texts: list[str]) -> None:
    sources = [_source(text, f"s{n}.txt") for n, text in enumerate(texts)]

    def fingerprints(ordered: list[Source]) -> list[str]:
        claims = [c for s in ordered for c in extract_claims(s)]
        clusters = cluster_claims(claims, MatchSettings()).clusters
        return sorted(
            c.fingerprint for c in find_conflicts(clusters, ordered, entity_aliases(claims))
        )

    assert fingerprints(sources) == fingerprints(list(reversed(sources)))
