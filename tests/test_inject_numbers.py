"""Planted number changes: the other outlet must state the same figure of the same thing."""

from __future__ import annotations

from bench import edits


def _alike(line: str, figure: str, other_line: str, other_figure: str) -> bool:
    first = next(n for n in edits.find_numbers(line) if n.surface == figure)
    second = next(n for n in edits.find_numbers(other_line) if n.surface == other_figure)
    return edits.counts_alike(line, first, other_line, second)


def test_a_count_and_a_percentage_are_two_facts() -> None:
    assert not _alike(
        "The quake killed 10 people and wounded 70, officials said.",
        "70",
        "Officials said 40 percent to 70 percent of the buildings were destroyed.",
        "70",
    )


def test_two_counted_nouns_are_two_facts() -> None:
    assert not _alike(
        "Hansbrough had nine rebounds in the win.",
        "nine",
        "Hansbrough needed just nine points to pass Ford.",
        "nine",
    )


def test_one_noun_counted_by_both_is_one_fact() -> None:
    assert _alike(
        "Police arrested four men on Sunday.",
        "four",
        "Four men were held after the raid on Sunday.",
        "Four",
    )


def test_a_figure_that_names_no_noun_may_be_the_same_fact() -> None:
    assert _alike(
        "The crash killed 12 and injured dozens.",
        "12",
        "Officials said 12 passengers died in the crash.",
        "12",
    )


def test_the_plural_and_the_singular_are_one_noun() -> None:
    assert _alike("He grabbed 11 rebounds.", "11", "He had 11 rebound chances.", "11")


def test_a_noun_after_a_describing_word_is_still_counted() -> None:
    assert _alike(
        "Two male gang members were arrested last night.",
        "Two",
        "Two possible gang members are under arrest.",
        "Two",
    )


def test_a_figure_in_a_name_is_alike_when_both_name_it() -> None:
    assert _alike(
        "He was stopped on State Route 94 around 1:30 a.m.",
        "94",
        "He was stopped westbound on state route 94 at approximately 1:30 a.m.",
        "94",
    )


def _changed(line: str) -> str:
    return edits.change_number(edits.find_numbers(line)[0], line).new


def test_an_age_is_changed_to_an_age_a_person_can_have() -> None:
    assert _changed("Vincent Gigante dies in prison at 77") == "86"
    assert _changed("Williams, 32, was arrested on Sunday.") == "41"
    assert _changed("The 95-year-old was found at home.") == "86"


def test_a_count_is_still_changed_by_half_again() -> None:
    assert _changed("The blast killed 77 people on Monday.") == "116"
