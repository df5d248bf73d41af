"""Two events reported in the same words but naming no one in common are never compared."""

from __future__ import annotations

from pathlib import Path

from claimcheck.config import Config
from claimcheck.model import ConflictKind, Report
from claimcheck.pipeline import ScanOptions, run

# One kind of event told twice: only the names and the count differ.
STORY = (
    "A fire destroyed a warehouse owned by {company} in {town} on Tuesday, officials said.\n"
    "Fire chief {chief} said {count} firefighters from {county} fought the blaze for hours.\n"
    "The warehouse stored paper for {client}, and {mayor}, the mayor, visited the site.\n"
)
FIRST = {
    "company": "Velstrom Logistics",
    "town": "Harwick",
    "chief": "Dana Oyelaran",
    "county": "Corrin County",
    "client": "Mabry Press",
    "mayor": "Ilse Tavener",
}
SECOND = {
    "company": "Quorran Freight",
    "town": "Lessing",
    "chief": "Paul Ekwueme",
    "county": "Dunmore County",
    "client": "Halvard Books",
    "mayor": "Rosa Pinnegar",
}


def _scan(tmp_path: Path, first: str, second: str) -> Report:
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    return run(tmp_path, Config(), ScanOptions(all_clusters=True))


def _spanning(report: Report) -> int:
    """Clusters holding claims of both articles."""
    return sum(len({c.source_id for c in cluster.claims}) == 2 for cluster in report.clusters)


def test_look_alike_events_naming_no_one_in_common_are_not_compared(tmp_path: Path) -> None:
    report = _scan(tmp_path, STORY.format(count=40, **FIRST), STORY.format(count=65, **SECOND))
    assert _spanning(report) == 0
    assert report.conflicts == ()


def test_the_same_articles_sharing_one_name_are_compared(tmp_path: Path) -> None:
    # The control: one shared name (the chief) makes it one story, and 40 vs 65 a contradiction.
    second = STORY.format(count=65, **dict(SECOND, chief=FIRST["chief"]))
    report = _scan(tmp_path, STORY.format(count=40, **FIRST), second)
    assert _spanning(report) >= 1
    assert ConflictKind.NUMBER in {c.kind for c in report.conflicts}


def test_a_short_piece_naming_few_is_still_compared(tmp_path: Path) -> None:
    # A brief names too few people and places to say whether it tells another story.
    brief = "The fire chief said 65 firefighters fought the warehouse blaze for hours.\n"
    report = _scan(tmp_path, STORY.format(count=40, **FIRST), brief)
    assert _spanning(report) == 1


# Two reports of one event that tell it from far apart: one about the harbour board's
# finances, one about the town's sports day. Their words barely overlap, so the story
# similarity alone would part them; the one person and place only they name ties them.
FINANCE = (
    "The Dorrow harbour board met in closed session to review quarterly accounts.\n"
    "Treasurer Anke Lindqvist presented revenue tables, dredging invoices and insurance "
    "premiums to members from Quorran Freight and Halvard Shipping.\n"
    "Auditors from Mabry Partners questioned depreciation schedules, pension liabilities "
    "and a disputed tariff rebate owed to Velstrom Logistics.\n"
    "{sentence}\n"
)
SPORTS = (
    "Thousands of families crowded Dorrow's seafront for the annual regatta and sports day.\n"
    "Children raced sailing dinghies, rowed kayaks and cheered tug-of-war teams while "
    "brass bands from Lessing and Corrin played marches.\n"
    "Volunteers from the Corrin lifeboat crew served chowder, judged sandcastles and "
    "handed medals to swimmers, sprinters and juggling clowns.\n"
    "{sentence}\n"
)


def test_a_name_only_two_sources_mention_ties_them_to_one_story(tmp_path: Path) -> None:
    first = (
        "Ilsa Varkonen told reporters that 120 welders at the Dorrow shipyard had lost their jobs."
    )
    second = first.replace("120", "175")
    report = _scan(tmp_path, FINANCE.format(sentence=first), SPORTS.format(sentence=second))
    assert ConflictKind.NUMBER in {c.kind for c in report.conflicts}
