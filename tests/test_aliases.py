"""Names the run writes two ways: an acronym and its words, one name spaced two ways."""

from __future__ import annotations

import hashlib

import pytest

from claimcheck.extract import extract_claims
from claimcheck.match import entity_aliases
from claimcheck.model import Claim, Source


def _claims(text: str) -> list[Claim]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return list(extract_claims(Source(id="a.txt", text=text, sha256=digest)))


def _aliases(*paragraphs: str) -> dict[str, str]:
    """``entity_aliases`` of one article made of ``paragraphs``."""
    return entity_aliases(_claims("\n\n".join(paragraphs) + "\n"))


@pytest.mark.parametrize(
    ("paragraphs", "key", "name"),
    [
        pytest.param(
            (
                "Officers of the New York Police Department closed the street.",
                "Witnesses said NYPD officers arrived within minutes.",
            ),
            "nypd",
            "new york police department",
            id="an acronym is the one name with its initials",
        ),
        pytest.param(
            (
                "Kessel Systems agreed to buy Sea Micro on Monday.",
                "SeaMicro makes small servers for data centres.",
            ),
            "seamicro",
            "sea micro",
            id="one name spaced two ways is one name",
        ),
        pytest.param(
            (
                "Texas inmate Arcade Joseph Comeaux Jr. escaped during a transfer.",
                "Comeaux was caught on Monday near Conroe.",
            ),
            "comeaux",
            "arcade joseph comeaux jr",
            id="a surname is the one name it ends before Jr.",
        ),
    ],
)
def test_a_name_written_another_way_is_the_one_name(
    paragraphs: tuple[str, ...], key: str, name: str
) -> None:
    assert _aliases(*paragraphs).get(key) == name


@pytest.mark.parametrize(
    ("paragraphs", "keys"),
    [
        pytest.param(
            (
                "The National Park Service closed the trail.",
                "The National Pension Scheme paid out early.",
                "A spokesman said NPS staff were on site.",
            ),
            ("nps",),
            id="an acronym two names share stays as it is",
        ),
        pytest.param(
            ("Andrew Luck threw for 200 yards.", "The AL record stands at 40 wins."),
            ("al",),
            id="two capitals are no acronym",
        ),
        pytest.param(
            (
                "Mark Felt Sr. was the FBI's associate director.",
                "His son, Mark Felt Jr., spoke for the family.",
                "Felt died on Thursday.",
            ),
            ("felt", "mark felt"),
            id="a father and a son keep the name apart",
        ),
    ],
)
def test_a_name_that_could_be_two_stays_as_it_is(
    paragraphs: tuple[str, ...], keys: tuple[str, ...]
) -> None:
    aliases = _aliases(*paragraphs)
    assert all(key not in aliases for key in keys), aliases
