"""Number words, vague words and approximators -> numbers and intervals.

Vague words:

=========================  ===================  ======================================
words                      interval             why
=========================  ===================  ======================================
a couple (of)              [2, 3]               "a couple of days": two, loosely three
a few                      [2, 6]
a handful (of)             [3, 7]               five fingers, either way by two
several                    [3, 9]               more than a couple, under a dozen
a dozen / half a dozen     12 / 6               exact unless an approximator says not
dozens                     [24, inf)            at least two dozen; no upper bound
scores (of)                [40, inf)            at least two score
hundreds                   [200, inf)           likewise for each scale word:
thousands                  [2000, inf)          at least two of them
millions                   [2e6, inf)
billions                   [2e9, inf)
tens of thousands          [20000, inf)         "tens of X" is at least 20 X
hundreds of thousands      [200000, inf)        "hundreds of X" is at least 200 X
several dozen, a few       the word's interval  "several dozen" is [36, 108]
hundred, a couple dozen    times the scale
=========================  ===================  ======================================

Approximators (X the stated value):

==========================================  ==================================
nearly, almost, just under, close to        [floor(0.85 X), X)
about, around, roughly, approximately,      [0.9 X, 1.1 X]
some, an estimated, X or so
just over, slightly more than               (X, 1.15 X]
more than, over, above, upwards of          (X, inf)
at least, no fewer than, X or more, X+      [X, inf)
fewer than, less than, under, below         [0, X)
at most, up to, no more than, as many as    [0, X]
10 to 12, 10-12, between 10 and 12          [10, 12]
==========================================  ==================================
"""

from __future__ import annotations

import math
import re

from claimcheck.model import Interval

INF = math.inf

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()  # fmt: skip
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(ONES)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "bn": 1e9, "mn": 1e6, "tn": 1e12, "m": 1e6, "k": 1e3, "b": 1e9}  # fmt: skip
ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1
)} | {"twentieth": 20, "hundredth": 100}  # fmt: skip
VAGUE = {"a couple": (2, 3), "a few": (2, 6), "a handful": (3, 7), "several": (3, 9),
         "dozens": (24, INF), "scores": (40, INF), "hundreds": (200, INF),
         "thousands": (2e3, INF), "millions": (2e6, INF), "billions": (2e9, INF)}  # fmt: skip
_APPROX = {
    "below": "nearly|almost|just under|just shy of|close to|not quite|just below|slightly less "
    "than|a little under|a little less than",
    "about": "about|around|roughly|approximately|some|an estimated|estimated|circa|approx.",
    "justover": "just over|just above|slightly more than|slightly over|a little over|a little "
    "more than",
    "more": "more than|over|above|in excess of|upwards of|upward of|greater than|exceeding|north "
    "of|well over|well above",
    "atleast": "at least|no fewer than|no less than|not less than|a minimum of",
    "less": "fewer than|less than|under|below",
    "atmost": "at most|up to|no more than|not more than|a maximum of|as many as|as much as",
    "exact": "exactly|precisely",
}
APPROX_OP = {" ".join(w.split()): op for op, ws in _APPROX.items() for w in ws.split("|")}
SUFFIX_OP = {"more": "atleast", "greater": "atleast", "higher": "atleast", "above": "atleast",
             "over": "atleast", "fewer": "atmost", "less": "atmost", "so": "about",
             "thereabouts": "about", "+": "atleast", "-plus": "atleast"}  # fmt: skip


def vague_interval(words: str) -> tuple[float, float]:
    """The interval a vague word allows: "several" is [3, 9], "tens of thousands" [20000, inf)."""
    words = " ".join(words.lower().split())
    if " of " in words:  # "tens of thousands": twenty thousand at least
        many, _, scale = words.partition(" of ")
        return (20 if many == "tens" else 200) * VAGUE[scale][0] / 2, INF
    return VAGUE[words]


def number_value(words: str, dozen: str | None, scale: str | None) -> tuple[float, float]:
    """The value of one number and half its last digit's place (0 for exact numbers)."""
    words = " ".join(words.lower().split())
    half = 0.0
    if words[0].isdigit():
        digits = words.replace(",", "")
        value = float(digits)
        if "." in digits:
            half = 0.5 * 10.0 ** -len(digits.partition(".")[2])
    elif words in ("a", "an"):
        value = 1.0
    elif words.startswith(("half", "a half")):
        value = 0.5
    else:
        value = parse_words(words)
    factor = (12.0 if dozen else 1.0) * (SCALES[scale.lower()] if scale else 1.0)
    return value * factor, half * factor


def parse_words(words: str) -> float:
    """Read number words: "one hundred and twenty-five thousand" -> 125000."""
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", words):
        if word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
    return total + current


def approx_interval(op: str, first: float, last: float, half: float, wide: bool) -> Interval:
    """The interval an approximator makes of ``first``..``last``."""
    if op == "below":
        lo = math.floor(0.85 * first) if first == int(first) and first >= 1 else 0.85 * first
        return Interval(lo, last, hi_open=True)
    if op == "about":
        return Interval(_tidy(0.9 * first), _tidy(1.1 * last))
    if op == "justover":
        hi = math.ceil(1.15 * last) if last == int(last) and not math.isinf(last) else 1.15 * last
        return Interval(first, hi, lo_open=True)
    if op == "more":
        return Interval(first, INF, lo_open=True)
    if op == "atleast":
        return Interval(first, INF)
    if op == "less":
        return Interval(0, last, hi_open=True)
    if op == "atmost":
        return Interval(0, last)
    if half and not wide and op != "exact":
        return Interval(_tidy(first - half), _tidy(first + half), hi_open=True)
    return Interval(first, last)


def _tidy(value: float) -> float:
    return value if math.isinf(value) else float(f"{value:.12g}")
