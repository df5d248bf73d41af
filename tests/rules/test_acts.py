"""What counts as an act for the ATTRIBUTION rule: what a name did, not what it is."""

from __future__ import annotations

import hashlib

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Claim, Mention, MentionKind, Source
from claimcheck.rules.speech import _same_action


def _claim_and_name(text: str, name: str) -> tuple[Claim, Mention]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    claim = next(iter(extract_claims(Source(id=f"{name}.txt", text=text, sha256=digest))))
    mention = next(
        m
        for m in claim.mentions
        if m.kind in (MentionKind.PERSON, MentionKind.ORG) and m.surface.endswith(name)
    )
    return claim, mention


@pytest.mark.parametrize(
    ("first", "doer_a", "second", "doer_b", "same"),
    [
        # what each name is, told by a copula or an apposition: no act to credit
        (
            "Harlan Systems is the world leader in outsourced pump services.",
            "Harlan Systems",
            "Even Orrin Pumps, the leader in the global pump services and outsourcing "
            "business, will ultimately feel the pressure.",
            "Orrin Pumps",
            False,
        ),
        # an apposition describes the doer; the act after it is still the act
        (
            "Senator Ada Ruiz, a Democrat, introduced the transit bill on Monday.",
            "Ada Ruiz",
            "Senator Lena Patel introduced the transit bill on Monday.",
            "Lena Patel",
            True,
        ),
        (
            "Harlan Systems won the Kessel flood pump contract on Monday.",
            "Harlan Systems",
            "Orrin Pumps, the valley's oldest pump maker, won the Kessel flood pump contract.",
            "Orrin Pumps",
            True,
        ),
    ],
)
def test_a_description_is_not_an_act(
    first: str, doer_a: str, second: str, doer_b: str, same: bool
) -> None:
    a, mention_a = _claim_and_name(first, doer_a)
    b, mention_b = _claim_and_name(second, doer_b)
    assert _same_action(a, b, mention_a, mention_b) is same
