"""The words before a date in its clause -> whether they put it in the future or the past.

A month, weekday or day without a year is resolved against publication. Read
alone it is the latest one by then ("November" in March 2017 is November 2016);
after a future cue it is the next one on or after publication ("will be held in
November" is November 2017). The scan walks back from the date to the start of
its sentence (or a semicolon, at most 200 characters) and the nearest cue wins,
so "will testify about a meeting that was held in November" stays in the past.

=================================  =========  =====================================
cue                                tense      example
=================================  =========  =====================================
will, 'll, shall, won't            future     "will sign the contract on Friday"
may, might, must, should, can,     future     "could come as soon as Friday"
could (not "could not")
is/are to, is/are + -ing           future     "is to address", "is visiting ... on"
is/are right before the date       future     "the vote is on Sunday"
scheduled, slated, expected,       future     "is set to approve the budget in April"
planned, set, due, likely, poised  (past after was/were/had: "was set to")
plans/hopes/wants/vows/... to      future     "plans to reopen the bridge in February"
upcoming, forthcoming, its next    future     "at its next meeting on Jan. 16"
would ... later this               future     "would travel later this year, in October"
would, could not, do, does, is     present    decide nothing: the default stands
was, were, had, did, ago           past       "talks were expected to resume Friday"
met, said, took... ; -ed verbs     past       "he resigned on Tuesday"
=================================  =========  =====================================

A participle takes its tense from the auxiliary before it: "will be held" is
future, "was held" and "has been held" past, "the proposed budget" an adjective
that decides nothing. A past cue only ever keeps the default reading; it matters
because it hides a future cue further back.
"""

from __future__ import annotations

import re
from typing import Literal

from claimcheck.lexicon import IRREGULAR_PAST
from claimcheck.normalize.patterns import words

Tense = Literal["future", "past", ""]  # "" is a present tense, or no cue at all
_Bare = Literal["bare"]  # a participle with no auxiliary: "signed", "the deal, signed in"

_WINDOW = 200
_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|,")
# A sentence ends at . ! ? before a capital, unless the word before the stop is an abbreviation.
_END = re.compile(r"[;\n]|[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]*[A-Z0-9])")
_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.)*[A-Za-z]\Z|\b[A-Z][a-z]{0,3}\Z")

_FUTURE = words("will shall won't shan't 'll upcoming forthcoming")
_MODALS = words("may might must should can cannot can't could")
_WOULD = words("would wouldn't 'd")
_BE_PRESENT = words("is are 's 're isn't aren't i'm")
_BE_PAST = words("was were wasn't weren't")
_HAVE_PRESENT = words("has have 've hasn't haven't 's")
_PAST = _BE_PAST | words("had hadn't did didn't ago")
_PRESENT = words("do does don't doesn't")
_NEGATIONS = words("not n't never")
# Words after "is"/"are" that make the clause a plan: "is to", "is set to", "is being held".
_BE_THEN_FUTURE = words(
    "to set due likely poised expected scheduled slated planned supposed going being about"
)
# Participles and adjectives of scheduling; True where "to"/"for" must follow ("set to").
_SCHEDULE = {"scheduled": False, "slated": False, "expected": False, "planned": False,
             "due": True, "set": True, "poised": True, "likely": True, "supposed": True,
             "bound": True}  # fmt: skip
# Read bare, these are a past verb: "he expected to win".
_NEEDS_SUBJECT = words("expected planned")
# "is due to appear" is a plan; "is due to low light" a cause. Verbs of the first kind:
_DUE_TO_VERBS = words(
    "be appear begin start arrive return open close take meet face visit end expire hold make go "
    "land launch leave present publish release report resume retire sign speak stand submit "
    "testify vote announce attend become come complete deliver finish give hear join rule run "
    "decide debate review issue enter play travel sit step ship sell air debut premiere"
)
_INTENT = words(
    "plan plans intend intends aim aims hope hopes want wants vow vows promise promises pledge "
    "pledges threaten threatens seek seeks expect expects prepare prepares need needs"
)
_NOT_ED = words(
    "hundred indeed embed naked wicked sacred rugged beloved kindred crooked ragged wretched "
    "shred aged red bed shed sled wed"
)
_EED_PAST = words("agreed disagreed freed decreed guaranteed refereed")
_SUBJECT_PRONOUNS = words("i you he she we they it who which that")
_POSSESSIVES = words("its his her their our my your <poss>")
_DETERMINERS = _POSSESSIVES | words(
    "the a an this these those some any no every each all many several other another"
)
_PREPOSITIONS = words(
    "of in on at for with by from into about under over after before during without against "
    "among between as than like to"
)
# Verbs after which a participle is an adjective: "will remain closed on Friday".
_LINKING = words(
    "be being remain remains stay stays become becomes get gets seem seems appear appears look "
    "looks feel feels keep keeps"
)
_ADVERBS = words(
    "not n't never also already just still now then first even ever yet soon later earlier "
    "again since once long"
)
_CONTRACTED_IS = words("it he she that there what who here where")


def tense_before(text: str, pos: int) -> Tense:
    """Whether the clause before ``pos`` puts what follows in the future or the past."""
    tokens = _tokens(text[_clause_start(text, pos) : pos])
    for i in range(len(tokens) - 1, -1, -1):
        step = _step(tokens, i)
        if step is not None:
            return step
    return ""


def _clause_start(text: str, pos: int) -> int:
    """Where the sentence or clause holding ``pos`` begins, looking back at most 200 chars."""
    start = max(0, pos - _WINDOW)
    for end in _END.finditer(text, start, min(len(text), pos + 1)):
        if end.end() > pos:
            break
        if end.group()[0] == "." and _ABBREVIATION.search(text, start, end.start()):
            continue  # "Dec. 28", "U.S. attorney", "Mr. Trump"
        start = end.end()
    return start


def _tokens(window: str) -> list[str]:
    """Lower-case words; "he'll" is "he" "'ll", "Trump's" is "trump" "<poss>"."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(window.replace("’", "'")):
        word = match.group()
        low = word.lower()
        base, _, suffix = low.rpartition("'")
        if low == "am" and tokens[-1:] == ["i"]:
            tokens[-1] = "i'm"  # "I am", not the "am" of "8:30 am"
        elif not base or suffix not in ("ll", "s", "re", "ve", "d"):
            # "Will Smith", "May", "Ahmed": capitalized names are not verbs; keep their case.
            name = word[0].isupper() and (low in _NAMES_TOO or low.endswith("ed"))
            tokens.append(word if name else low)
        elif suffix == "s" and base not in _CONTRACTED_IS:
            tokens += [base, "<poss>"]
        else:
            tokens += [base, "'" + suffix]
    return tokens


_NAMES_TOO = words("will may can must")
_WILL_NOUN_BEFORE = words("the a his her its their our my your <poss> free good ill political own")


def _step(tokens: list[str], i: int) -> Tense | None:
    """What one word says about the tense; None to look further back."""
    word = tokens[i]
    prev = _neighbour(tokens, i, -1)
    nxt = _neighbour(tokens, i, 1)
    if word in _FUTURE:
        return None if word == "will" and prev in _WILL_NOUN_BEFORE else "future"
    if word in _MODALS:
        if nxt in ("have", "'ve"):
            return "past"  # "might have been", "could have met"
        return "" if word == "could" and _raw_next(tokens, i) in _NEGATIONS else "future"
    if word in _WOULD:
        later = " later this " in f" {' '.join(tokens[i + 1 :])} "
        return "future" if later else ""
    if word in _BE_PRESENT:
        if nxt == "to" and _after_next(tokens, i) == "blame":
            return ""  # "is to blame for Friday's fire"
        return "future" if nxt in ("", *_BE_THEN_FUTURE) or _is_ing(nxt) else ""
    if word in _PAST:
        return "past"
    if word in _PRESENT:
        return ""
    if word == "next":
        return "future" if prev in _POSSESSIVES else None
    if word == "coming":
        return "future" if prev in ("the", "this") else None
    if word in _INTENT and nxt == "to":
        return "future"
    if word in _SCHEDULE:
        return _schedule(tokens, i)
    if word in IRREGULAR_PAST or _is_ed(word):
        step = _participle(tokens, i, schedule=False)
        return "past" if step == "bare" else step
    return None


def _schedule(tokens: list[str], i: int) -> Tense | None:
    """Read a scheduling word: "is expected to", "was set to", "the scheduled vote"."""
    word = tokens[i]
    nxt = _neighbour(tokens, i, 1)
    if word == "due" and nxt == "to" and _after_next(tokens, i) not in _DUE_TO_VERBS:
        return ""  # "due to low light": a cause, whatever the tense around it
    if _SCHEDULE[word] and nxt not in ("to", "for"):
        return None  # "set fire to", "due to the storm"
    step = _participle(tokens, i, schedule=True)
    if step != "bare":
        return step
    if word in ("scheduled", "slated") or nxt == "to" and word not in _NEEDS_SUBJECT:
        return "future"
    if nxt == "to" and _neighbour(tokens, i, -1) not in _SUBJECT_PRONOUNS:
        return "future"  # "talks, expected to begin Friday"; but "he expected to win"
    return "past" if word.endswith("ed") else None


def _participle(tokens: list[str], i: int, *, schedule: bool) -> Tense | _Bare | None:
    """The tense a participle takes from the word before it."""
    j = _neighbour_index(tokens, i, -1)
    prev = tokens[j] if j >= 0 else ""
    if prev in _BE_PRESENT:
        return "future" if schedule else ""
    if prev in _BE_PAST or prev in ("had", "hadn't", "'d"):
        return "past"
    if prev == "been":
        before = _neighbour(tokens, j, -1)
        return ("future" if schedule else "past") if before in _HAVE_PRESENT else "past"
    if prev in _HAVE_PRESENT:
        return "future" if schedule else "past"
    if prev in _LINKING or prev in _FUTURE or prev in _MODALS or prev in _WOULD:
        return None  # "will be held": the auxiliary further back decides
    if prev in _DETERMINERS or prev in _PREPOSITIONS:
        return "future" if schedule else None  # "the scheduled vote", "the proposed budget"
    if prev in ("and", "or") and j > 0 and _is_participle(tokens[j - 1]):
        return _participle(tokens, j - 1, schedule=schedule)  # "will be tried and sentenced"
    return "bare"


def _is_participle(word: str) -> bool:
    return word in IRREGULAR_PAST or word in _SCHEDULE or _is_ed(word)


def _is_ed(word: str) -> bool:
    """A lower-case verb in -ed: "resigned", "agreed"; not "hundred", "need", "Ahmed"."""
    if not word.endswith("ed") or len(word) < 5 or not word.islower() or word in _NOT_ED:
        return False
    return not word.endswith("eed") or word in _EED_PAST


def _is_ing(word: str) -> bool:
    return len(word) > 4 and word.endswith("ing") and word.islower()


def _neighbour_index(tokens: list[str], i: int, step: int) -> int:
    """The index of the nearest word before (-1) or after (1) ``i`` that is not an adverb."""
    j = i + step
    while 0 <= j < len(tokens) and (tokens[j] in _ADVERBS or _is_ly(tokens[j])):
        j += step
    return j


def _neighbour(tokens: list[str], i: int, step: int) -> str:
    j = _neighbour_index(tokens, i, step)
    return tokens[j] if 0 <= j < len(tokens) else ""


def _after_next(tokens: list[str], i: int) -> str:
    """The word after the next one: "to" in "is due to appear" -> "appear"."""
    return _neighbour(tokens, _neighbour_index(tokens, i, 1), 1)


def _raw_next(tokens: list[str], i: int) -> str:
    return tokens[i + 1] if i + 1 < len(tokens) else ""


def _is_ly(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in _SCHEDULE
