"""Names the run writes two ways: an acronym and its words, one name spaced two ways."""

from __future__ import annotations

import hashlib

from claimcheck.extract import extract_claims
from claimcheck.match import entity_aliases
from claimcheck.model import Claim, Source


def _claims(text: str) -> list[Claim]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return list(extract_claims(Source(id="a.txt", text=text, sha256=digest)))


def _aliases(*paragraphs: str) -> dict[str, str]:
    """``entity_aliases`` of one article made of ``paragraphs``."""
    return entity_aliases(_claims("\n\n".join(paragraphs) + "\n"))


def test_an_acronym_is_the_one_name_with_its_initials() -> None:
    aliases = _aliases(
        "Officers of the New York Police Department closed the street.",
        "Witnesses said NYPD officers arrived within minutes.",
    )
    assert aliases.get("nypd") == "new york police department"


def test_an_acronym_two_names_share_stays_as_it_is() -> None:
    aliases = _aliases(
        "The National Park Service closed the trail.",
        "The National Pension Scheme paid out early.",
        "A spokesman said NPS staff were on site.",
    )
    assert "nps" not in aliases


def test_two_capitals_are_no_acronym() -> None:
    aliases = _aliases("Andrew Luck threw for 200 yards.", "The AL record stands at 40 wins.")
    assert "al" not in aliases


def test_one_name_spaced_two_ways_is_one_name() -> None:
    aliases = _aliases(
        "Kessel Systems agreed to buy Sea Micro on Monday.",
        "SeaMicro makes small servers for data centres.",
    )
    assert aliases.get("seamicro") == "sea micro"


def test_a_surname_is_the_one_name_it_ends_before_jr() -> None:
    aliases = _aliases(
        "Texas inmate Arcade Joseph Comeaux Jr. escaped during a transfer.",
        "Comeaux was caught on Monday near Conroe.",
    )
    assert aliases.get("comeaux") == "arcade joseph comeaux jr"


def test_a_father_and_a_son_keep_the_name_apart() -> None:
    aliases = _aliases(
        "Mark Felt Sr. was the FBI's associate director.",
        "His son, Mark Felt Jr., spoke for the family.",
        "Felt died on Thursday.",
    )
    assert "felt" not in aliases and "mark felt" not in aliases
