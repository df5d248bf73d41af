"""Reported speech cut off a claim: who said it, and what is left as the claim."""

from __future__ import annotations

import hashlib

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Source

WHOLE = ""  # the claim is the whole sentence
CASES = [
    # a speech verb that also takes an object is an act, not a report, without "that"
    ("The league added two teams on Monday.", WHOLE, ""),
    ("Toyota recalled 2 million cars on Tuesday.", WHOLE, ""),
    ("The governor declared a state of emergency.", WHOLE, ""),
    ("The team continued its slide on Friday.", WHOLE, ""),
    # with "that", or after the claim, it reports speech
    ("The mayor added that the bridge was closed.", "the bridge was closed.", "the mayor"),
    ("The bridge was closed, added the mayor.", "The bridge was closed", "the mayor"),
    ("The mayor said the bridge was closed.", "the bridge was closed.", "the mayor"),
]


@pytest.mark.parametrize(("text", "claim", "attribution"), CASES)
def test_reported_speech_is_cut_off_only_when_it_reports(
    text: str, claim: str, attribution: str
) -> None:
    source = Source(id="a.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    (only,) = extract_claims(source)
    assert (only.text, only.attribution) == (claim or text, attribution)
