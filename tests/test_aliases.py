"""Names the run writes two ways: an acronym and its words, one name spaced two ways."""

from __future__ import annotations

import hashlib

from claimcheck.extract import extract_claims
from claimcheck.match import entity_aliases
from claimcheck.model import Claim, Source


def _claims(text: str) -> list[Claim]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return list(extract_claims(Source(id="a.txt", text=text, sha256=digest)))


def test_an_acronym_is_the_one_name_with_its_initials() -> None:
    aliases = entity_aliases(
        _claims(
            "Officers of the New York Police Department closed the street.\n\n"
            "Witnesses said NYPD officers arrived within minutes.\n"
        )
    )
    assert aliases.get("nypd") == "new york police department"


def test_an_acronym_two_names_share_stays_as_it_is() -> None:
    aliases = entity_aliases(
        _claims(
            "The National Park Service closed the trail.\n\n"
            "The National Pension Scheme paid out early.\n\n"
            "A spokesman said NPS staff were on site.\n"
        )
    )
    assert "nps" not in aliases


def test_two_capitals_are_no_acronym() -> None:
    aliases = entity_aliases(
        _claims("Andrew Luck threw for 200 yards.\n\nThe AL record stands at 40 wins.\n")
    )
    assert "al" not in aliases


def test_one_name_spaced_two_ways_is_one_name() -> None:
    aliases = entity_aliases(
        _claims(
            "Kessel Systems agreed to buy Sea Micro on Monday.\n\n"
            "SeaMicro makes small servers for data centres.\n"
        )
    )
    assert aliases.get("seamicro") == "sea micro"
