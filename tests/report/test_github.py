"""The GitHub Actions writer: escaped workflow commands, new findings only, ten per level."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from claimcheck.model import Conflict, ConflictKind, Severity, Source
from claimcheck.report import github
from claimcheck.report.github import escape_data, escape_property, workflow_command

from .factories import (
    CROWD_FP,
    DATE_FP,
    DISPUTE_FP,
    RESIGN_FP,
    STALE_FP,
    VOTE_FP,
    city_council_report,
    claim,
    conflict,
    report,
    side,
    source,
)

COMMAND = re.compile(r"^::(error|warning|notice)( [^:]*)?::(.*)$")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("50% off", "50%25 off"),
        ("two\nlines", "two%0Alines"),
        ("crlf\r\nline", "crlf%0D%0Aline"),
        ("%0A literally", "%250A literally"),  # an escape in the text is not an escape
        ("a: b, c", "a: b, c"),  # colons and commas are fine in a message
    ],
)
def test_escape_data(text: str, expected: str) -> None:
    assert escape_data(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wire/a.txt", "wire/a.txt"),
        ("a: b, c", "a%3A b%2C c"),
        ("100%\n", "100%25%0A"),
        ("x::y", "x%3A%3Ay"),  # would otherwise end the properties early
    ],
)
def test_escape_property(text: str, expected: str) -> None:
    assert escape_property(text) == expected


def test_workflow_command_escapes_each_part_by_its_rules() -> None:
    line = workflow_command("error", "50%: bad\nnews", file="a,b.txt", line=3, title="T: 1")
    assert line == "::error file=a%2Cb.txt,line=3,title=T%3A 1::50%25: bad%0Anews"


def test_the_city_council_report_annotates_new_findings_only() -> None:
    out = github.render(city_council_report())
    lines = out.splitlines()
    assert all(COMMAND.match(line) for line in lines), out
    assert out.endswith("\n")
    annotated = " ".join(lines)
    for fingerprint in (DATE_FP, RESIGN_FP, DISPUTE_FP, CROWD_FP):
        assert fingerprint in annotated
    assert VOTE_FP not in annotated  # baselined
    levels = [line[2 : line.index(" ")] for line in lines]
    assert levels == ["error", "error", "error", "warning", "notice"]


def test_the_first_annotation_points_at_line_3() -> None:
    first = github.render(city_council_report()).splitlines()[0]
    assert first.startswith(
        "::error file=wire/ap.txt,line=3,endLine=3,col=1,endColumn=64,"
        "title=claimcheck DATE contradiction::"
    )
    message = first.split("::", 2)[2]
    assert message.startswith("The outlets date the council's budget meeting to different days.%0A")
    assert '"Tuesday, Nov. 14" in wire/ap.txt:3 (AP) vs "Wednesday, Nov. 15"' in message


def test_a_multiline_claim_has_no_columns() -> None:
    rep = city_council_report()
    vote = next(c for c in rep.conflicts if c.fingerprint == VOTE_FP)
    reuters_first = replace(vote, sides=vote.sides[::-1], status="new")
    out = github.render(report(rep.sources, (reuters_first,)))
    assert out.startswith("::error file=wire/reuters.txt,line=3,endLine=4,title=")


def test_stale_entries_get_one_notice() -> None:
    lines = github.render(city_council_report()).splitlines()
    assert lines[-1].startswith("::notice title=claimcheck stale baseline::")
    assert STALE_FP in lines[-1]


def _many(count: int, severity: Severity) -> tuple[tuple[Conflict, ...], tuple[Source, ...]]:
    text = "".join(f"Item {i} is red.\n" for i in range(count))
    paper = source("paper.txt", text, outlet="Paper")
    other = source("other.txt", text.replace("red", "blue"), outlet="Other")
    return tuple(
        conflict(
            ConflictKind.ANTONYM,
            side("red", "red", claim(paper, f"Item {i} is red.")),
            side("blue", "blue", claim(other, f"Item {i} is blue.")),
            fingerprint=f"{severity.value[0]}{i:015x}",
            summary=f"Item {i} has two colours.",
            severity=severity,
        )
        for i in range(count)
    ), (paper, other)


def test_at_most_ten_annotations_per_level_and_a_notice_for_the_rest() -> None:
    errors, sources = _many(13, Severity.CONTRADICTION)
    warnings, _ = _many(11, Severity.VARIATION)
    out = github.render(report(sources, errors + warnings))
    lines = out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(notices) == 1
    assert "3 more contradictions and 1 more variation not annotated" in notices[0]
    # the first ten of each, in report order
    assert "Item 0 has" in lines[0] and "Item 9 has" in lines[9]


def test_exactly_ten_needs_no_notice() -> None:
    errors, sources = _many(10, Severity.CONTRADICTION)
    out = github.render(report(sources, errors))
    assert "::notice" not in out
    assert out.count("::error ") == 10


def test_nothing_to_say_prints_nothing() -> None:
    assert github.render(report((), ())) == ""


def test_article_text_cannot_inject_a_second_command() -> None:
    evil = source("e.txt", "He said ::error::pwned%0A today.\n", outlet="Evil, Inc: News")
    fine = source("f.txt", "He said nothing today.\n")
    found = conflict(
        ConflictKind.QUOTE,
        side("a", "::error::pwned%0A", claim(evil, "He said ::error::pwned%0A today.")),
        side("b", "nothing", claim(fine, "He said nothing today.")),
        fingerprint="e1e1e1e1e1e1e1e1",
        summary="Line one\n::warning::line two",
    )
    out = github.render(report((evil, fine), (found,)))
    assert len(out.splitlines()) == 1
    assert "%250A" in out  # the literal %0A in the article stays literal
    assert "%0A::warning::line two" in out
