"""Title-case headlines, passive subjects and the clause a value belongs to."""

from __future__ import annotations

import hashlib

from claimcheck.extract import _unshouted, extract_claims
from claimcheck.model import Claim, MentionKind, NameValue, Source
from claimcheck.rules.measures import anchor_keys
from claimcheck.rules.speech import _is_agent

ARTICLE = (
    "Michigan Office Shooting Follow-Up - 1 Dead, 2 Injured\n\n"
    "A gunman opened fire at an accounting office in Troy, Michigan, on Friday, "
    "the sheriff said.\n"
)


def _claims(text: str) -> list[Claim]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return list(extract_claims(Source(id="a.txt", text=text, sha256=digest)))


def _names(claim: Claim) -> set[str]:
    return {m.value.key() for m in claim.mentions if isinstance(m.value, NameValue)}


def test_a_title_case_headline_names_only_what_the_article_capitalises_elsewhere() -> None:
    headline = _claims(ARTICLE)[0]
    assert headline.text.startswith("Michigan Office Shooting")  # shown as written
    assert _names(headline) == {"michigan"}


def test_a_title_case_headline_keeps_names_written_with_inner_capitals_or_a_possessive() -> None:
    article = (
        "Dana McAllister's Lawyer Says DeGroot Will Host Kessel Gala\n\n"
        "The lawyer for Dana McAllister said on Friday that Rena DeGroot, not Ivo Marsh, "
        "will host the gala.\n"
    )
    headline = _claims(article)[0]
    assert {"dana mcallister", "degroot"} <= _names(headline)
    assert not any("lawyer" in key or "host" in key for key in _names(headline))


def test_a_title_case_headline_counts_what_its_figures_count() -> None:
    headline = _claims(ARTICLE)[0]
    counted = {
        m.surface: m.value.counted for m in headline.mentions if m.kind is MentionKind.NUMBER
    }
    assert counted["1"] == "dead"  # "1 Dead" is one dead, as "1 dead" is


def test_a_sentence_in_ordinary_case_keeps_its_names() -> None:
    body = _claims(ARTICLE)[1]
    assert {"troy", "michigan"} <= _names(body)


def test_a_short_title_keeps_its_capitals() -> None:
    # too few longer words to tell a title-case headline from a run of names
    assert _names(_claims("Obama Meets Putin\n\nThe leaders met on Monday.\n")[0])


def test_an_irregular_participle_after_was_makes_its_subject_a_patient() -> None:
    claim = _claims("Chris Ivory was surprisingly lost for the season, the coach said.\n")[0]
    ivory = next(m for m in claim.mentions if m.kind is MentionKind.PERSON)
    assert not _is_agent(claim, ivory)


def test_a_value_does_not_borrow_words_from_a_clause_a_new_subject_closed() -> None:
    claim = _claims(
        "When Hiller found a group of co-workers in a break room, she allowed one person "
        "to leave unharmed.\n"
    )[0]
    one = next(m for m in claim.mentions if m.surface == "one")
    keys = anchor_keys(claim, one)
    assert "leav" in keys or "leave" in keys
    assert not keys & {"break", "room"}


def test_a_headline_that_drops_was_before_placed_keeps_its_subject_a_patient() -> None:
    claim = _claims("Pierre Thomas placed on injured reserve by the Saints\n")[0]
    thomas = next(m for m in claim.mentions if m.value.key() == "pierre thomas")
    assert not _is_agent(claim, thomas)


def test_a_sentence_of_names_with_a_lower_case_verb_is_no_title() -> None:
    # most longer words are capitalised, but a title would write "Agreed"
    claim = _claims("Kessel Systems agreed to buy Sea Micro on Monday.\n")[0]
    assert _names(claim) == {"kessel systems", "sea micro"}


def test_a_word_with_an_inner_capital_is_a_name_at_a_sentence_start() -> None:
    claim = _claims("SeaMicro makes small servers for data centres.\n")[0]
    assert _names(claim) == {"seamicro"}


SHOUTED = (
    "THREE WORKERS HAVE DIED IN A BLAZE AT THE HARLOW MILL, RCMP SAYS\n\n"
    "The fire at the Harlow mill in Marlow broke out on Monday, an RCMP officer said.\n"
)


def test_a_shouted_headline_reads_its_counts_and_names_as_an_ordinary_sentence() -> None:
    headline = _claims(SHOUTED)[0]
    assert headline.text.startswith("THREE WORKERS")  # shown as written
    counts = [m for m in headline.mentions if m.kind is MentionKind.NUMBER]
    assert [(m.surface, m.value.key()) for m in counts] == [("THREE", "3 worker")]
    # "Harlow" and the acronym are written so in the body; "BLAZE" is no name
    assert {"harlow", "rcmp"} <= {k.split()[0] for k in _names(headline)}
    assert not any("blaze" in key or "workers" in key for key in _names(headline))


def test_single_capital_letters_are_not_shouting() -> None:
    text = "Voters ranked A B C in that order, the NFL said."
    assert _unshouted(text, frozenset(), frozenset()) == text
    assert _unshouted("NFL FANS CHEER", frozenset(), frozenset({"NFL"})) == "NFL fans cheer"
