"""A body named once in full is "the council" later in the same article."""

from __future__ import annotations

import hashlib

from claimcheck.match import article_heads, entity_aliases, features_of
from claimcheck.model import Claim, Source
from claimcheck.pipeline import extract_all

NAMED = "The Marlow City Council approved the harbour budget on Monday."
BY_HEAD = "The council is scheduled to discuss the findings on Feb. 16."
OTHER = "The Kessel County Council approved its own budget on Monday."


def _claims(*texts: str) -> list[Claim]:
    sources = [
        Source(id=f"{n}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
        for n, text in enumerate(texts)
    ]
    return list(extract_all(sources))


def _entities_of_the_council(claims: list[Claim]) -> frozenset[str]:
    (claim,) = [c for c in claims if c.text.startswith("The council")]
    return features_of(claim, entity_aliases(claims), article_heads(claims)).entities


def test_the_council_is_the_one_council_its_article_named() -> None:
    claims = _claims(f"{NAMED} {BY_HEAD}")
    assert "marlow city council" in _entities_of_the_council(claims)


def test_the_council_is_no_one_when_the_article_names_two() -> None:
    assert not _entities_of_the_council(_claims(f"{NAMED} {OTHER} {BY_HEAD}"))


def test_another_article_naming_a_council_does_not_name_this_one() -> None:
    # In a folder of many stories, "the council" of one is not the council of another.
    assert not _entities_of_the_council(_claims(NAMED, BY_HEAD))
