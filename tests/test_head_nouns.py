"""A body named once in full is "the council" afterwards: matching reads it as that body."""

from __future__ import annotations

import hashlib

from claimcheck.match import entity_aliases, features_of
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
    aliases = entity_aliases(claims)
    (claim,) = [c for c in claims if c.text.startswith("The council")]
    return features_of(claim, aliases).entities


def test_the_council_is_the_one_council_named() -> None:
    assert "marlow city council" in _entities_of_the_council(_claims(NAMED, BY_HEAD))


def test_the_council_is_no_one_when_two_councils_are_named() -> None:
    assert not _entities_of_the_council(_claims(NAMED, OTHER, BY_HEAD))
