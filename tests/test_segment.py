"""Sentence boundaries: a table of text and the sentences it must split into."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.segment import split_sentences

CASES = [
    # plain sentences
    (
        "The council met. It voted to close the pool.",
        ["The council met.", "It voted to close the pool."],
    ),
    # abbreviations and initials are not boundaries
    (
        "Sen. Maria E. Ruiz spoke in Washington, D.C. on Monday. She left.",
        ["Sen. Maria E. Ruiz spoke in Washington, D.C. on Monday.", "She left."],
    ),
    ("The U.S. Attorney resigned. Staff wept.", ["The U.S. Attorney resigned.", "Staff wept."]),
    # glued sentences from scraped pages
    (
        "said people familiar with the matter.The mayor denied it.",
        ["said people familiar with the matter.", "The mayor denied it."],
    ),
    ("sales rose 4%.Analysts were surprised.", ["sales rose 4%.", "Analysts were surprised."]),
    # a web address or a decimal is not a glued boundary
    (
        "Visit example.com for more. Prices rose 3.5 percent.",
        ["Visit example.com for more.", "Prices rose 3.5 percent."],
    ),
    # quotations are never split inside their marks
    (
        "He said: “I did not resign. Moments ago I was fired.” He left.",
        ["He said: “I did not resign. Moments ago I was fired.”", "He left."],
    ),
    (
        '"We are ready. We always were," she said. Then she left.',
        ['"We are ready. We always were," she said.', "Then she left."],
    ),
    # a closing quote after the full stop belongs to the sentence it ends
    ("“It is over.” The team left.", ["“It is over.”", "The team left."]),
    # p.m. followed by a new sentence, and p.m. followed by a time zone
    (
        "They spoke at 2:30 p.m. The call was short.",
        ["They spoke at 2:30 p.m.", "The call was short."],
    ),
    ("They spoke at 2:30 p.m. ET on Friday.", ["They spoke at 2:30 p.m. ET on Friday."]),
    (  # a.m. followed by the date of the time
        "He was arrested around 1:30 a.m. Feb. 1 on Route 94.",
        ["He was arrested around 1:30 a.m. Feb. 1 on Route 94."],
    ),
    # a lower-case word after a full stop does not start a sentence
    ("The vote was 5 vs. 4 in favor.", ["The vote was 5 vs. 4 in favor."]),
    # blank lines end paragraphs even without punctuation (headlines)
    ("Mayor Quits\n\nThe mayor quit on Monday.", ["Mayor Quits", "The mayor quit on Monday."]),
    # ... even when the headline ends in a word no sentence ends in
    (
        "Tara Reid checks in\n\nThe actress entered rehab on Tuesday.",
        ["Tara Reid checks in", "The actress entered rehab on Tuesday."],
    ),
    (
        "Obama weighs in\r\n\r\nThe president spoke on Friday.",
        ["Obama weighs in", "The president spoke on Friday."],
    ),
    # a hard-wrapped line that continues lower-case is one sentence
    (
        "The mayor said on\nMonday that she would stay.",
        ["The mayor said on\nMonday that she would stay."],
    ),
    (
        "The mayor said on Monday that\nshe would stay.",
        ["The mayor said on Monday that\nshe would stay."],
    ),
    # a wire dateline is metadata, not a sentence
    (
        "date 2020-01-02 SPRINGFIELD (AP) — The dam held. Residents returned.",
        ["The dam held.", "Residents returned."],
    ),
    ("LONDON (Reuters) - Shares fell. Bonds rose.", ["Shares fell.", "Bonds rose."]),
    # question and exclamation marks
    ("Was it fair? Nobody knows! The end.", ["Was it fair?", "Nobody knows!", "The end."]),
    # ellipsis is one terminator
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    # empty and whitespace-only text
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@given(st.text())
def test_spans_are_ordered_trimmed_and_in_bounds(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


@given(st.text(alphabet=st.sampled_from("ab .?!\n“”\"'AB12"), max_size=200))
def test_no_text_is_lost_outside_a_dateline(text: str) -> None:
    spans = split_sentences(text)
    covered = "".join(text[s:e] for s, e in spans)
    # Every non-space character is in some sentence, unless a dateline was dropped.
    if not text.lstrip().startswith("date") and "(" not in text:
        assert [c for c in covered if not c.isspace()] == [c for c in text if not c.isspace()]
