"""Conflict rules from YAML cases: two outlets' sentences and the verdict expected."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.compare import find_conflicts
from claimcheck.config import MatchSettings
from claimcheck.extract import extract_claims
from claimcheck.match import cluster_claims, entity_aliases
from claimcheck.model import Conflict, Source
from claimcheck.rules import all_rules

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
# Every false alarm found on real news becomes a case that must stay quiet.
FALSE_ALARMS = yaml.safe_load((HERE / "false_alarms.yaml").read_text(encoding="utf-8"))
# Those not fixed yet: each must still fire (strict xfail), so a fix is noticed and moved.
OPEN_FALSE_ALARMS = yaml.safe_load((HERE / "false_alarms_open.yaml").read_text(encoding="utf-8"))


def _source(name: str, text: str, published: date) -> Source:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Source(id=name, text=text, sha256=digest, outlet=name.upper(), published=published)


def conflicts_between(a: str, b: str, published: date, published_b: date) -> tuple[Conflict, ...]:
    sources = [_source("a", a, published), _source("b", b, published_b)]
    claims = [claim for source in sources for claim in extract_claims(source)]
    matched = cluster_claims(claims, MatchSettings())
    return find_conflicts(matched.clusters, sources, entity_aliases(claims))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['expect']}: {c['a'][:45]}")
def test_rule_case(case: dict[str, Any]) -> None:
    published = case["published"]
    found = conflicts_between(case["a"], case["b"], published, case.get("published_b", published))
    reported = {(c.kind.value, c.severity.value) for c in found}
    if case["expect"] == "none":
        assert not {r for r in reported if r[1] != "variation"}, found
    else:
        assert (case["expect"], case.get("severity", "contradiction")) in reported, found


@pytest.mark.parametrize("case", FALSE_ALARMS, ids=lambda c: f"false alarm: {c['a'][:45]}")
def test_false_alarm_from_real_news_stays_quiet(case: dict[str, Any]) -> None:
    assert case["expect"] == "none"
    test_rule_case(case)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(strict=True, reason="open false alarm"))
        for case in OPEN_FALSE_ALARMS
    ],
    ids=lambda c: f"open false alarm: {c['a'][:40]}",
)
def test_open_false_alarm_is_still_known(case: dict[str, Any]) -> None:
    test_rule_case(case)


LEXICON = yaml.safe_load(
    (HERE.parent.parent / "claimcheck" / "data" / "antonyms.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("entry", LEXICON, ids=lambda e: "/".join(map(str, e["pair"])))
def test_every_antonym_pair_catches_its_own_example(entry: dict[str, Any]) -> None:
    first, second = entry["example"]
    found = conflicts_between(first, second, date(2021, 3, 10), date(2021, 3, 10))
    assert ("antonym", "contradiction") in {(c.kind.value, c.severity.value) for c in found}


def test_a_pair_of_acts_in_sequence_needs_one_day() -> None:
    # "hired" then "fired": told without a day, both can be true at their times
    entry = next(e for e in LEXICON if e.get("sequence"))
    undated = [sentence.replace(" on Monday", "") for sentence in entry["example"]]
    assert undated != entry["example"]
    found = conflicts_between(*undated, date(2021, 3, 10), date(2021, 3, 10))
    assert not [c for c in found if c.kind.value == "antonym"]


def test_every_rule_has_a_code_and_a_docstring_with_both_examples() -> None:
    codes = [rule.code for rule in all_rules()]
    assert len(codes) == len(set(codes)) == 7
    for rule in all_rules():
        assert "Catches" in rule.doc and "Leaves alone" in rule.doc, rule.code


def test_every_conflict_kind_has_a_case() -> None:
    kinds = {case["expect"] for case in CASES}
    assert {rule.kind.value for rule in all_rules()} <= kinds
