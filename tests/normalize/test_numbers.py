"""Amounts from YAML cases, overlap pairs for the traps, and finder properties."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import AmountValue, Interval
from claimcheck.normalize import Found, numbers
from claimcheck.normalize.numbers import find_amounts

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "numbers.yaml").read_text("utf-8"))


def _case_id(case: dict[str, Any]) -> str:
    return str(case.get("id") or case["text"][:60])


def _described(text: str, found: Found) -> dict[str, str]:
    assert isinstance(found.value, AmountValue)
    return {
        "kind": found.kind.value,
        "surface": text[found.start : found.end],
        "value": found.value.key(),
        "counted": found.value.counted,
        "role": found.role,
    }


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    got = [_described(text, f) for f in find_amounts(text)]
    expected = [{"role": "", **{k: str(v) for k, v in e.items()}} for e in case["expect"]]
    if case.get("exact", True):
        assert len(got) == len(expected), got
        assert [{k: g[k] for k in e} for g, e in zip(got, expected, strict=True)] == expected
    else:
        for item in expected:
            assert any(all(g[k] == v for k, v in item.items()) for g in got), (item, got)


def test_the_case_file_is_large_enough_to_mean_something() -> None:
    assert len(CASES) >= 90


def _interval(text: str) -> Interval:
    found = find_amounts(text)
    assert len(found) == 1, found
    assert isinstance(found[0].value, AmountValue)
    return found[0].value.interval


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [
        ("over a dozen lawmakers", "17 politicians", True),  # the seeds' compatible pair
        ("at least 9", "more than 15", True),
        ("nearly four dozen", "46", True),
        ("nearly four dozen", "48", False),
        ("46 attorneys", "45 attorneys", False),
        ("over a dozen", "12", False),
        ("$3.4 billion", "$3.45 billion", True),  # rounding makes them compatible
        ("$3.4 billion", "$3.5 billion", False),
        ("a handful", "five", True),
        ("dozens", "10", False),
        ("fewer than 5", "5", False),
        ("up to 10", "10", True),
        ("about 300", "320", True),
        ("between 10 and 12", "13", False),
        ("4.5 percent", "4.54 percent", True),
    ],
)
def test_overlaps(first: str, second: str, overlap: bool) -> None:
    assert _interval(first).overlaps(_interval(second)) is overlap
    assert _interval(second).overlaps(_interval(first)) is overlap


# ----------------------------------------------------------------------- properties

AMOUNTISH = [
    "46", "2,300", "3.4", "17", "2009", "5", "4", "10", "12", "0", "one", "four", "forty-six",
    "twenty", "a", "dozen", "dozens", "hundreds", "several", "handful", "couple", "of", "them",
    "nearly", "about", "over", "more", "than", "at", "least", "up", "to", "or", "between", "and",
    "from", "fewer", "$", "$3.4", "£3m", "€2", "million", "billion", "percent", "%", "per",
    "cent", "years", "year-old", "aged", "old", "magnitude", "km", "miles", "feet", "degrees",
    "vote", "voted", "-", "third", "21st", "the", "people", "attorneys", "U.S.", "Democrats",
    "who", "said", "Bharara,", ",", "COVID-19", "F-16", "Flight", "No.", "2:29", "pm", "March",
    "US$5", "A$3", "USD", "Aged", "Several", "Dozens", "Nearly", "About", "(212)", "555-1234",
    "his", "40s", "Rs.", "Vol.", "Boeing", "percentage", "points", "at", "age", "Tens",
]  # fmt: skip
amountish_text = st.lists(st.sampled_from(AMOUNTISH), max_size=14).map(" ".join)


@given(st.text())
def test_never_raises_and_spans_are_sorted_slices(text: str) -> None:
    _check_spans(text, find_amounts(text))


@given(amountish_text)
def test_amountish_text_never_raises_and_spans_are_sorted_slices(text: str) -> None:
    _check_spans(text, find_amounts(text))


def _check_spans(text: str, found: list[Found]) -> None:
    end = 0
    for item in found:
        assert end <= item.start < item.end <= len(text)
        assert text[item.start : item.end].strip() == text[item.start : item.end]
        assert isinstance(item.value, AmountValue)
        end = item.end


@given(amountish_text)
def test_a_surface_reads_the_same_on_its_own(text: str) -> None:
    for item in find_amounts(text):
        surface = text[item.start : item.end]
        if _BARE.fullmatch(surface) and _CHANGE.search(text):
            continue  # "from 10 to 12 percent": a bare end takes its unit from the other
        again = find_amounts(surface)
        assert len(again) == 1, (surface, again)
        assert (again[0].start, again[0].end) == (0, len(surface))
        assert again[0].kind is item.kind
        assert isinstance(again[0].value, AmountValue)
        assert isinstance(item.value, AmountValue)
        assert again[0].value.interval == item.value.interval, surface
        assert again[0].value.unit == item.value.unit, surface


_CHANGE = re.compile(r"\bfrom\b.*(?:\bto\b|\bor\b|[-–])", re.IGNORECASE)
_BARE = re.compile(r"[0-9][0-9.,]*")


@given(amountish_text)
def test_the_first_word_filter_finds_what_the_full_grammar_finds(text: str) -> None:
    unfiltered = re.compile(r"(?<![\w,:'’$£€#])(?!(?<=\.)[0-9])" + numbers._AMOUNT_PATTERN, re.X)
    assert [m.span() for m in numbers._AMOUNT_RE.finditer(text)] == [
        m.span() for m in unfiltered.finditer(text)
    ]
