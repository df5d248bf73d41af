"""Pairs just under the matching threshold that matching still compares, and at what score."""

from __future__ import annotations

from claimcheck.match import NEAR_LINK, Features, _near_pairs

THRESHOLD = 0.4
JUST_UNDER = THRESHOLD * (1 + NEAR_LINK) / 2


def _features(name: str, *keys: str) -> Features:
    """A claim's features: one name (or none) and its keys."""
    return Features(frozenset({name} if name else ()), frozenset(keys))


def _near(
    first: Features, second: Features, score: float = JUST_UNDER
) -> dict[tuple[int, int], float]:
    return _near_pairs([], [first, second], {(0, 1): score}, set(), THRESHOLD)


def test_one_named_party_and_one_sum_is_compared_at_the_threshold() -> None:
    # "... finding that she stole $2,314,600 from county accounts" /
    # "Vance diverted $3.2 million in county funds"
    stole = _features("gloria vance", "#usd", "steal", "county", "account")
    diverted = _features("gloria vance", "#usd", "steal", "county", "fund")
    assert _near(stole, diverted) == {(0, 1): THRESHOLD}


def test_a_sum_without_a_shared_name_is_left_alone() -> None:
    first = _features("gloria vance", "#usd", "steal", "county")
    second = _features("tern point", "#usd", "steal", "county")
    assert _near(first, second) == {}


def test_a_sum_with_one_word_of_what_it_paid_for_is_left_alone() -> None:
    # a name, a dollar figure and "paid": two different payments by one company read alike
    first = _features("granite ridge", "#usd", "pay", "contract")
    second = _features("granite ridge", "#usd", "pay", "fine")
    assert _near(first, second) == {}


def test_a_count_is_not_a_sum() -> None:
    first = _features("kessel", "#person", "kill", "flood")
    second = _features("kessel", "#person", "kill", "flood")
    assert _near(first, second) == {}


def test_a_pair_far_under_the_threshold_is_left_alone() -> None:
    first = _features("gloria vance", "#usd", "steal", "county")
    assert _near(first, first, THRESHOLD * NEAR_LINK * 0.9) == {}


def test_one_moment_keeps_its_own_score() -> None:
    # "The first call to 911 came at 3:12 a.m." / "made the first 911 call at 3:12 a.m."
    first = _features("", "#at:03:12", "call", "guard")
    second = _features("", "#at:03:12", "call", "driver")
    assert _near(first, second) == {(0, 1): JUST_UNDER}
