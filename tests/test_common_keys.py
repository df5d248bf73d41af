"""A fact told in the words most of a one-story folder carries is still matched.

In a folder about one story, its main names and verb ("Marlins", "Halvorsen",
"offer") are in more claims than a block may hold. A pair that shares them and
a rarer name ("Carla Mendes") is compared when it reads alike closely
(``match.COMMON_MARGIN`` over the threshold); tests/data/common_keys sets the
block cap to 3 so that a two-article folder shows it. Which pairs are met is
pinned by the candidate tests in test_match_batch.py (a rarer word such as
"pitcher" is no name: "The Marlins have not added a starting pitcher since 2021"
is not met with the offer).
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.config import load_config
from claimcheck.model import ConflictKind, Severity
from claimcheck.pipeline import run

FOLDER = Path(__file__).parent / "data" / "common_keys"


def test_a_denial_in_the_story_s_commonest_words_is_found() -> None:
    report = run(FOLDER, load_config(FOLDER / "claims.yaml"))
    found = [
        sorted(claim.text for side in c.sides for claim in side.claims)
        for c in report.conflicts
        if c.severity is Severity.CONTRADICTION
    ]
    made = "The Harbor City Marlins made an offer to pitcher Tomas Halvorsen"
    denied = "The Marlins did not make an offer to Tomas Halvorsen"
    assert any(
        any(t.startswith(made) for t in texts) and any(t.startswith(denied) for t in texts)
        for texts in found
    ), found
    kinds = {c.kind for c in report.conflicts if c.severity is Severity.CONTRADICTION}
    assert kinds == {ConflictKind.NEGATION}
    # the Owls' offer, the pitcher the Marlins have not added: no more than the one denial
    assert len(found) == 1, found
