"""Who a relative clause ("who ...") describes: the name, through an appositive."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import NameValue, Source


def _antecedent(text: str) -> str:
    source = Source(
        id="a",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        outlet="A",
        published=date(2021, 3, 10),
    )
    for claim in extract_claims(source):
        for mention in claim.mentions:
            if mention.role == "antecedent" and isinstance(mention.value, NameValue):
                return mention.value.key()
    return ""


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a titled appositive without an article: the person named before it
        (
            "Talia Brenn, Kessel Mining CEO, who will run the new unit, spoke on Monday.",
            "talia brenn",
        ),
        # an appositive with an article
        (
            "Sen. Teresa Alvarado, a Bellport Democrat who wrote the bill, spoke on Monday.",
            "teresa alvarado",
        ),
        # no appositive: the name itself
        ("Talia Brenn, who will run the new unit, spoke on Monday.", "talia brenn"),
    ],
)
def test_relative_clause_describes_the_person_named(text: str, person: str) -> None:
    assert _antecedent(text) == person
