"""Dates and times from YAML cases, overlap pairs for the traps, and finder properties."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import DateValue, Interval, TimeValue, UnresolvedDate
from claimcheck.normalize import Found, dates
from claimcheck.normalize.dates import find_dates

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "dates.yaml").read_text("utf-8"))
PUBLISHED = date(2017, 3, 11)  # a Saturday: the seeds' publication date


def _case_id(case: dict[str, Any]) -> str:
    return str(case.get("id") or case["text"][:60])


def _described(text: str, found: Found) -> dict[str, str]:
    return {
        "kind": found.kind.value,
        "surface": text[found.start : found.end],
        "value": found.value.key(),
        "role": found.role,
    }


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    got = [_described(text, f) for f in find_dates(text, case.get("published"))]
    expected = [{"role": "", **{k: str(v) for k, v in e.items()}} for e in case["expect"]]
    if case.get("exact", True):
        assert got == expected
    else:
        for item in expected:
            assert item in got


def test_the_case_file_is_large_enough_to_mean_something() -> None:
    assert len(CASES) >= 90


def _interval(text: str, published: date | None = PUBLISHED) -> Interval:
    found = find_dates(text, published)
    assert len(found) == 1, found
    value = found[0].value
    assert isinstance(value, DateValue | TimeValue), value
    return value.interval


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [
        ("2:29 pm", "shortly before 2:30 p.m.", True),  # the seeds' two times agree
        ("2:31 pm", "shortly before 2:30 p.m.", False),
        ("2:30 pm", "shortly before 2:30 p.m.", False),  # "before" excludes the time itself
        ("about 10:15 p.m.", "10:29 p.m.", True),
        ("shortly after 9 p.m.", "9 p.m.", False),
        ("in November", "in December", False),  # the seeds' date contradiction
        ("November", "November 22, 2016", True),
        ("Saturday", "March 11, 2017", True),
        ("Friday", "March 11, 2017", False),
        ("last week", "yesterday", False),
        ("since 2009", "2016", True),
        ("before 2010", "2012", False),
        ("early March", "mid-March", True),
        ("early 2009", "late 2009", False),
        ("the second quarter of 2016", "May 2016", True),
        ("between March 3 and March 5", "March 6", False),
        ("earlier this month", "March 2", True),
    ],
)
def test_overlaps(first: str, second: str, overlap: bool) -> None:
    assert _interval(first).overlaps(_interval(second)) is overlap
    assert _interval(second).overlaps(_interval(first)) is overlap


@pytest.mark.parametrize(
    ("text", "published", "granularity"),
    [
        ("March 11, 2017", None, "day"),
        ("November", PUBLISHED, "month"),
        ("in 2009", None, "year"),
        ("last week", PUBLISHED, "week"),
        ("Q4 2016", None, "quarter"),
        ("from 2009 to 2017", None, "range"),
        ("since 2009", PUBLISHED, "range"),
        ("since 2009", None, "open"),  # no publication date: the end stays open
        ("before 2010", None, "open"),
    ],
)
def test_granularity(text: str, published: date | None, granularity: str) -> None:
    (found,) = find_dates(text, published)
    assert isinstance(found.value, DateValue)
    assert found.value.granularity == granularity


# ----------------------------------------------------------------------- properties

DATEISH = [
    "in", "on", "since", "before", "after", "by", "until", "from", "to", "between", "and",
    "last", "next", "this", "the", "a", "early", "late", "mid-", "about", "shortly", "at",
    "March", "May", "November", "Dec.", "Saturday", "Friday", "morning", "afternoon",
    "11", "3", "2017", "2009", "1990s", "'90s", "11th", "of", "-", ",", "Q4", "H1",
    "quarter", "second", "half", "week", "weeks", "month", "year", "years", "days", "ago",
    "yesterday", "today", "tonight", "2:29", "pm", "p.m.", "10", "a.m.", "noon", "midnight",
    "14:29", "3/11/2017", "2017-03-11", "summer", "election", "people", "later", "two",
]  # fmt: skip
dateish_text = st.lists(st.sampled_from(DATEISH), max_size=14).map(" ".join)
published_dates = st.none() | st.dates()


@given(st.text(), published_dates)
def test_never_raises_and_spans_are_sorted_slices(text: str, published: date | None) -> None:
    _check_spans(text, find_dates(text, published))


@given(dateish_text, published_dates)
def test_dateish_text_never_raises_and_spans_are_sorted_slices(
    text: str, published: date | None
) -> None:
    _check_spans(text, find_dates(text, published))


def _check_spans(text: str, found: list[Found]) -> None:
    end = 0
    for item in found:
        assert end <= item.start < item.end <= len(text)
        assert text[item.start : item.end].strip() == text[item.start : item.end]
        end = item.end


@given(dateish_text, st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_a_surface_reads_the_same_on_its_own(text: str, published: date | None) -> None:
    for item in find_dates(text, published):
        surface = text[item.start : item.end]
        again = find_dates(surface, published)
        assert len(again) == 1, (surface, again)
        assert (again[0].start, again[0].end) == (0, len(surface))
        assert again[0].kind is item.kind
        assert _comparable(again[0]) == _comparable(item), surface


def _comparable(item: Found) -> object:
    value = item.value
    if isinstance(value, UnresolvedDate):
        return value.key()
    assert isinstance(value, DateValue | TimeValue)
    return value.interval


@given(dateish_text)
def test_the_first_word_filter_finds_what_the_full_grammar_finds(text: str) -> None:
    unfiltered = re.compile(r"(?<![\w$£€])" + dates._DATE_PATTERN, re.VERBOSE)
    assert [m.span() for m in dates._DATE_RE.finditer(text)] == [
        m.span() for m in unfiltered.finditer(text)
    ]


# ----------------------------------------------------------------------- tense

TENSEISH = [
    *DATEISH, "will", "'ll", "is", "are", "was", "were", "had", "has", "met", "said", "resigned",
    "scheduled", "expected", "plans", "set", "due", "its", "next", "upcoming", "would", "could",
    "not", "have", "be", "been", "vote", "he", ".", ";", ",",
]  # fmt: skip
tenseish_text = st.lists(st.sampled_from(TENSEISH), max_size=16).map(" ".join)
SOME_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
UNDIRECTED = st.sampled_from(
    ["on Friday", "on Monday", "on Saturday", "in November", "in March", "in January",
     "on Nov. 3", "on March 11", "on Jan. 16", "on 28 February", "until Friday", "by May"]
)  # fmt: skip


@given(tenseish_text, tenseish_text, published_dates)
def test_resolution_never_depends_on_text_after_the_date(
    text: str, suffix: str, published: date | None
) -> None:
    # Context after a date may decide whether it is one ("a May meeting"), never its value.
    for item in find_dates(text, published):
        for tail in ("", " " + suffix):
            for again in find_dates(text[: item.end] + tail, published):
                if (again.start, again.end) == (item.start, item.end):
                    assert again.value == item.value, (text, tail)


@given(
    st.sampled_from(
        [
            "He will sign the contract",
            "She'll testify",
            "The vote is scheduled to take place",
            "The city plans to reopen the bridge",
            "The board is to meet",
            "Talks are expected to end",
            "He said the trial would resume later this week, and it may end",
        ]
    ),  # fmt: skip
    UNDIRECTED,
    SOME_DATES,
)
def test_a_future_cue_puts_the_date_on_or_after_publication(
    clause: str, when: str, published: date
) -> None:
    (found,) = find_dates(f"{clause} {when}.", published)[-1:]
    assert isinstance(found.value, DateValue)
    assert found.value.last >= published, (clause, when)


@given(
    st.sampled_from(
        [
            "He met them",
            "The vote was held",
            "They resigned",
            "He will say that they met",
            "Trump, who will leave soon, signed the order",
            "The talks were expected to end",
            "The hearing had been scheduled",
            "Officials will not say whether he spoke to her",
        ]
    ),  # fmt: skip
    UNDIRECTED,
    SOME_DATES,
)
def test_a_past_cue_keeps_the_reading_of_the_date_alone(
    clause: str, when: str, published: date
) -> None:
    (found,) = find_dates(f"{clause} {when}.", published)
    (alone,) = find_dates(when, published)
    assert found.value == alone.value, (clause, when)
