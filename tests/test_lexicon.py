"""Phrasal verbs read as the verb they mean, and words read as one key."""

from __future__ import annotations

import pytest

from claimcheck.lexicon import _PHRASES, content_key, normalize_phrases, stem, verb_stem

# One example of every phrase in the table, and the verb it must read as.
EXAMPLES = {
    "Voss stepped down on Friday": "resign",
    "the alarm went off at noon": "activated",
    "the council turned down the plan": "rejected",
    "the strike was called off": "cancelled",
    "Page passed away in her sleep": "died",
    "the plant shut down last year": "closed",
    "the department signed off on the payments": "approved",
    "he gave up the title": "quit",
    "they set up a fund": "founded",
    "Voss was shown the door": "fired",
    "the club let go of its coach": "fired",
    "a gunman opened fire at the plant": "shot",
    "two men are under arrest": "arrested",
    "Weitz is in negotiations to direct the sequel": "negotiating",
    "a gang member accused of gunning down a deputy": "shot",
}


def test_every_phrase_has_an_example() -> None:
    assert len(EXAMPLES) == len(_PHRASES)


@pytest.mark.parametrize(("text", "verb"), EXAMPLES.items())
def test_phrase_reads_as_its_verb(text: str, verb: str) -> None:
    assert verb in normalize_phrases(text).split()


def test_text_without_a_phrase_is_unchanged() -> None:
    text = "The council approved the budget on Monday, officials said."
    assert normalize_phrases(text) == text


# Every inflection of a verb reaches one stem: the antonym lexicon lists base forms,
# and news writes the past tense.
INFLECTIONS = [
    ("succeed", "succeeded", "succeeds", "succeeding"),
    ("exceed", "exceeded"),
    ("cancel", "cancelled", "canceled", "cancelling"),
    ("grow", "grew", "grown", "grows"),
    ("shrink", "shrank", "shrunk"),
    ("uphold", "upheld"),
    ("forbid", "forbade", "forbidden"),
    ("lend", "lent"),
]


@pytest.mark.parametrize("forms", INFLECTIONS, ids=lambda forms: forms[0])
def test_inflections_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(form) for form in forms}) == 1, {form: stem(form) for form in forms}


@pytest.mark.parametrize(("first", "second"), [("seed", "see"), ("feed", "fee"), ("need", "knee")])
def test_short_words_in_eed_keep_their_d(first: str, second: str) -> None:
    assert stem(first) != stem(second)


def test_an_irregular_past_is_its_verb_only_where_a_verb_is_meant() -> None:
    # "did not steal" meets "stole"; for matching, "heard" stays apart from "hearing".
    assert verb_stem("stole") == verb_stem("steals") == verb_stem("steal")
    assert verb_stem("threw") == verb_stem("throwing")
    assert verb_stem("heard") == verb_stem("hears")
    assert stem("heard") != stem("hearing")


def test_checking_in_and_out_read_as_entering_and_leaving_only_when_asked() -> None:
    assert normalize_phrases("She checked herself into rehab.", moves=True) == "She entered rehab."
    assert normalize_phrases("Lohan checks out of rehab", moves=True) == "Lohan left rehab"
    assert normalize_phrases("Check out the new phone.", moves=True) == "Check out the new phone."
    assert normalize_phrases("She checked into rehab.") == "She checked into rehab."


@pytest.mark.parametrize(
    ("first", "second"),
    [("nabbed", "arrested"), ("nabs", "detained"), ("mom", "mother"), ("moms", "mothers")],
)
def test_words_for_one_thing_share_a_key(first: str, second: str) -> None:
    assert content_key(first) == content_key(second)


@pytest.mark.parametrize(("first", "second"), [("captured", "arrested"), ("hit", "struck")])
def test_words_too_wide_to_match_by_keep_their_own_keys(first: str, second: str) -> None:
    # "captured a large arms cache", "hit by a car": as matching keys these join too much
    assert content_key(first) != content_key(second)
