"""Which planted changes the injector makes: every fact once by default, each transform apart."""

from __future__ import annotations

from bench import edits
from bench.inject import Site, choose


def _sites(transform: str, facts: int, per_fact: int, topic: str = "7") -> list[Site]:
    edit = edits.Edit(0, 1, "a", "b")
    return [
        Site(transform, f"{topic}_{fact}ecb", line, f"{transform}-{fact}", edit, ())
        for fact in range(facts)
        for line in range(per_fact)
    ]


def test_every_fact_is_changed_once_by_default() -> None:
    chosen = choose(_sites("negation", 6, 3) + _sites("antonym", 4, 2), 0, seed=13)
    facts = [site.fact for site in chosen]
    assert len(facts) == len(set(facts)) == 10


def test_a_rare_transform_chooses_before_a_common_one_takes_its_sentences() -> None:
    # Both transforms can plant in the same sentences; antonym has fewer facts.
    negation = [
        Site("negation", "7_1ecb", line, f"n-{line}", edits.Edit(0, 1, "a", "b"), ())
        for line in range(4)
    ]
    antonym = [
        Site("antonym", "7_1ecb", line, f"a-{line}", edits.Edit(0, 1, "a", "b"), ())
        for line in range(2)
    ]
    chosen = choose(negation + antonym, 0, seed=13)
    assert sum(site.transform == "antonym" for site in chosen) == 2


def test_other_transforms_keep_their_choices_when_one_changes() -> None:
    others = _sites("antonym", 5, 3, "8") + _sites("date_shift", 5, 3, "9")
    before = choose(_sites("negation", 9, 2) + others, 2, seed=13)
    after = choose(_sites("negation", 4, 2) + others, 2, seed=13)
    assert [s for s in before if s.transform != "negation"] == [
        s for s in after if s.transform != "negation"
    ]
