"""The tense a clause gives the date after it: a table of edge cases, one comment each."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.normalize.tense import tense_before


@pytest.mark.parametrize(
    ("before", "tense"),
    [
        ("He will sign the contract on", "future"),
        ("Trump won't act before", "future"),  # a negated future is still the future
        ("The will of the people was clear in", "past"),  # "the will" is a noun
        ("It takes political will to act in", ""),
        ("Will Smith starred in a film released in", "past"),  # a name, and a past participle
        ("The trial is", "future"),  # "is" right before the date: "the trial is Monday"
        ("The man who is accused of killing her in", ""),  # present passive decides nothing
        ("The vote would take place in", ""),  # "would" alone may be a conditional
        ("He said he would travel later this year, probably in", "future"),
        ("He could not attend the meeting in", ""),  # past inability
        ("The vote could come as soon as", "future"),
        ("They might have met in", "past"),  # a modal with "have" looks back
        ("The hearing has been scheduled for", "future"),  # the plan still stands
        ("The hearing had been scheduled for", "past"),
        ("The suspect has been arrested in", "past"),
        ("The museum will remain closed until", "future"),  # "closed" is an adjective here
        ("He will be tried and sentenced on", "future"),  # both participles take "will be"
        ("It is due to low light on", ""),  # "due to" is "because of"
        ("Windows 8, due to be released on", "future"),
        ("Arson is to blame for", ""),  # "is to blame" is not a plan
        ("The talks with Ahmed on", ""),  # a name in -ed is not a past verb
        ("The problems began at 8:30 am on", "past"),  # "am" after a time is not "I am"
        ("I am leaving on", "future"),
        ("The company's next meeting is", "future"),
        ("The next day, on", ""),  # "the next day" is the narrative's, not the future
        ("The council will vote soon. In", ""),  # a new sentence starts a new clause
        ("He will return to the U.S. attorney's office in", "future"),  # "U.S." ends nothing
        ("Officials will decide; the vote was held in", "past"),  # a semicolon ends a clause
        ("The company will appeal the ruling, which it received on", "past"),
        ("", ""),
    ],
)
def test_tense_before(before: str, tense: str) -> None:
    text = f"{before} Friday."
    assert tense_before(text, len(before) + 1 if before else 0) == tense


@given(st.text(), st.text())
def test_never_raises_and_reads_nothing_after_the_first_character(before: str, after: str) -> None:
    # The first character of the date may show that a sentence ended before it ("soon. In").
    at = len(before)
    assert tense_before(before + after, at) == tense_before(before + after[:1], at)
