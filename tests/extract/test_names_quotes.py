"""Names and quotations from YAML cases: adding a case is adding four lines of data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import NameValue, QuoteValue
from claimcheck.normalize.entities import find_entities
from claimcheck.normalize.quotes import find_quotes, normalize_quote

CASES = Path(__file__).parent / "cases"


def _cases(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


@pytest.mark.parametrize("case", _cases("entities.yaml"), ids=lambda c: c["text"][:50])
def test_entities(case: dict[str, Any]) -> None:
    text = case["text"]
    found = find_entities(text)
    got = [
        {
            "surface": text[f.start : f.end],
            "kind": f.kind.value,
            "key": f.value.key(),
            "title": f.value.title if isinstance(f.value, NameValue) else "",
        }
        for f in found
    ]
    for expected in case["expect"]:
        matching = [g for g in got if all(g[k] == v for k, v in expected.items())]
        assert matching, f"{expected} not in {got}"
    if case.get("exact"):
        assert len(got) == len(case["expect"]), got


@pytest.mark.parametrize("case", _cases("quotes.yaml"), ids=lambda c: c["text"][:50])
def test_quotes(case: dict[str, Any]) -> None:
    found = find_quotes(case["text"])
    got = [
        {"words": f.value.words, "speaker": f.value.speaker}
        for f in found
        if isinstance(f.value, QuoteValue)
    ]
    assert got == case["expect"]


@given(st.text())
def test_finders_never_raise_and_spans_slice(text: str) -> None:
    for found in (*find_entities(text), *find_quotes(text)):
        assert 0 <= found.start < found.end <= len(text)


@given(st.text())
def test_quote_normalization_is_idempotent(text: str) -> None:
    once = normalize_quote(text)
    assert normalize_quote(once) == once
