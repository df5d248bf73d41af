"""The planted denial stays a grammatical sentence that denies what the original says."""

from __future__ import annotations

import pytest

from bench.edits import negate

VOCABULARY = frozenset(
    "check sever charge hurt walk lose strike telecom more add place fire kill lohan destroy "
    "release exploit cast service deploy".split()
)
COMMON = VOCABULARY - {"lohan"}  # words written in lower case somewhere


def _denied(line: str, verb: str) -> str | None:
    start = line.index(verb)
    edit = negate(line, start, start + len(verb), VOCABULARY, COMMON)
    return None if edit is None else edit.apply(line)


@pytest.mark.parametrize(
    ("line", "verb", "expected"),
    [
        ("The inspector checked the bridge.", "checked", "The inspector did not check the bridge."),
        ("Lohan checks into rehab.", "checks", "Lohan does not check into rehab."),
        (
            "The team has placed him on reserve.",
            "placed",
            "The team has not placed him on reserve.",
        ),
        (
            "Two Israeli tank shells struck the school.",
            "struck",
            "Two Israeli tank shells did not strike the school.",
        ),
    ],
)
def test_a_finite_verb_is_denied(line: str, verb: str, expected: str) -> None:
    assert _denied(line, verb) == expected


@pytest.mark.parametrize(
    ("line", "verb"),
    [
        # a sentence's first word is capitalised whether or not it is a name
        ("More telecoms disruption between Europe and Asia follows a break.", "telecoms"),
        # a participle after "being" is no finite verb: "being did not sever"
        ("An undersea cable being severed on Tuesday has cut the internet.", "severed"),
        # a reduced relative after a described noun: "a Spiro man charged in the deaths"
        ("The murder trial of a Spiro man charged in the deaths is under way.", "charged"),
        # "not surprisingly" means "as expected": it denies nothing
        ("One day after Ivory was surprisingly lost for the season, the team moved.", "lost"),
        # an auxiliary a few words back: "has almost totally did not destroy"
        ("A huge fire has almost totally destroyed a store in Banstead.", "destroyed"),
        ("Microsoft has just released a new security update.", "released"),
        ("a flaw that's being actively exploited.", "exploited"),
        # a compound adjective whose hyphen lost its second half's space: "just- fired"
        ("A just- fired employee of a health products company opened fire.", "fired"),
        # a title-case headline's verb: "Capaldi Did not cast as the 12th Time Lord"
        ("Doctor Who Revealed: Peter Capaldi Cast as the 12th Time Lord!", "Cast"),
        # a plural noun in a list, not a verb: "Internet services and call centers"
        ("Up to 80 percent of Internet services and call centers have been cut.", "services"),
        # a participle after a comma and an adverb describes the name before it
        ("Indian Naval Ship Sukanya, presently deployed on patrols, foiled an attack.", "deployed"),
    ],
)
def test_no_denial_where_it_would_not_be_grammatical_or_would_deny_nothing(
    line: str, verb: str
) -> None:
    assert _denied(line, verb) is None
