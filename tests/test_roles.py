"""A part of the story ("the gunman") named as one person, and the ages told of it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from claimcheck.config import Config
from claimcheck.extract import extract_claims
from claimcheck.model import Claim, ConflictKind, MentionKind, Report, Source
from claimcheck.pipeline import run
from claimcheck.roles import age_role, role_names


def _claims(text: str, name: str = "a.txt") -> list[Claim]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return list(extract_claims(Source(id=name, text=text, sha256=digest)))


def _scan(tmp_path: Path, **articles: str) -> Report:
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return run(tmp_path, Config())


def _ages(report: Report) -> list[str]:
    return [
        c.explanation
        for c in report.conflicts
        if c.kind is ConflictKind.NUMBER and "ages" in c.explanation
    ]


@pytest.mark.parametrize(
    ("sentence", "role", "keys"),
    [
        (
            "Police on Friday named the gunman in the depot shooting as Ray Carter.",
            "gunman",
            {"ray carter", "carter"},
        ),
        ("The victim was identified as Nadia Osei, a nurse.", "victim", {"nadia osei", "osei"}),
        ("Detectives identified Carter as the suspect on Saturday.", "suspect", {"carter"}),
    ],
)
def test_a_part_is_named_as_a_person(sentence: str, role: str, keys: set[str]) -> None:
    assert role_names(_claims(sentence + "\n")) == {role: frozenset(keys)}


def test_a_part_said_of_someone_else_names_no_one() -> None:
    # "the victim's brother" is not the victim; "named ... captain" names no part
    text = (
        "Police identified Ray Carter as the victim's brother.\n\n"
        "The club named Ray Carter as captain.\n"
    )
    assert role_names(_claims(text)) == {}


def test_a_part_named_as_two_people_is_left_out() -> None:
    text = (
        "Police identified the victim as Nadia Osei.\n\n"
        "In the second shooting, police identified the victim as Lena Brook.\n"
    )
    assert role_names(_claims(text)) == {}


def test_a_surname_and_the_full_name_are_one_person() -> None:
    text = "Police named the gunman as Ray Carter.\n\nOfficers identified Carter as the gunman.\n"
    assert role_names(_claims(text)) == {"gunman": frozenset({"ray carter", "carter"})}


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The gunman, a 29-year-old man from Marlow, was arrested at home.", "gunman"),
        ("Officers arrested the 29-year-old gunman at his home.", "gunman"),
        ("The victim's 29-year-old brother was arrested at home.", ""),
        ("A 29-year-old man was arrested at home.", ""),
    ],
)
def test_an_age_told_of_a_part(sentence: str, role: str) -> None:
    claim = _claims(sentence + "\n")[0]
    age = next(m for m in claim.mentions if m.kind is MentionKind.AGE)
    assert age_role(claim, age) == role


WIRE = (
    "A gunman killed two workers at the Marlow depot on Monday, police said.\n\n"
    "The gunman, a 29-year-old man who had been fired from the depot in May, "
    "was arrested at his home on Monday night.\n"
)
HERALD = (
    "Police on Tuesday named the gunman in Monday's shooting at the Marlow depot as "
    "Ray Carter, a former driver at the depot.\n\n"
    "Carter, 41, was fired in May after a dispute with a manager.\n"
)


def test_an_age_told_of_a_part_clashes_with_the_named_person_s(tmp_path: Path) -> None:
    report = _scan(tmp_path, wire=WIRE, herald=HERALD)
    (explanation,) = _ages(report)
    assert sorted(re.findall(r"\d+", explanation)) == ["29", "41"]
    assert explanation.endswith("(the gunman is Ray Carter)")  # why the part's age is his


def test_the_same_age_told_of_the_part_is_no_clash(tmp_path: Path) -> None:
    report = _scan(tmp_path, wire=WIRE, herald=HERALD.replace("41", "29"))
    assert _ages(report) == []


def test_an_age_of_a_part_no_article_names_clashes_with_no_one(tmp_path: Path) -> None:
    herald = HERALD.replace("named the gunman in", "spoke about")
    report = _scan(tmp_path, wire=WIRE, herald=herald)
    assert _ages(report) == []


def test_another_part_s_age_is_not_the_named_person_s(tmp_path: Path) -> None:
    wire = WIRE.replace("The gunman, a 29-year-old man", "The victim, a 29-year-old man")
    report = _scan(tmp_path, wire=wire, herald=HERALD)
    assert _ages(report) == []
