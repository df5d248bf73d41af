"""The Markdown writer: a pull-request comment compared with hand-written golden files."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from claimcheck.model import ConflictKind, Report
from claimcheck.report import markdown
from claimcheck.report.markdown import MAX_SENTENCE, escape_cell, truncate

from .factories import city_council_report, claim, conflict, report, side, source

GOLDEN = Path(__file__).parent.parent / "data" / "report"

LONG_SENTENCE = (
    "The committee met on a grey morning and, after a long and heated debate about the "
    "budget, the parking fees, the library hours, the new bus lanes and the state of the "
    "old bridge over the river, voted six to three in favour of the plan that the mayor "
    "had put forward."
)


def known_only_report() -> Report:
    """One acknowledged conflict whose text needs escaping, and one very long sentence."""
    x = source("x.txt", "The vote was 5 | 4 <b>in favour</b>.\nIt passed.\n", outlet="A & B News")
    y = source("y.txt", f"Headline\n{LONG_SENTENCE}\n", outlet="Y_Times")
    found = conflict(
        ConflictKind.NUMBER,
        side("5", "5 | 4", claim(x, "The vote was 5 | 4 <b>in favour</b>.")),
        side("6", "6-3", claim(y, LONG_SENTENCE)),
        fingerprint="00000000000000aa",
        summary="The vote differs.",
        status="baselined",
    )
    return report((x, y), (found,))


def assert_matches_golden(actual: str, name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"tests/data/report/{name}",
                tofile="rendered",
            )
        )
        pytest.fail(f"the Markdown differs from the golden file:\n{diff}")


def test_city_council_comment_matches_golden() -> None:
    assert_matches_golden(markdown.render(city_council_report()), "city_council.md")


def test_known_only_comment_escapes_and_truncates() -> None:
    assert_matches_golden(markdown.render(known_only_report()), "known_only_escaped.md")


def test_rendering_is_deterministic() -> None:
    assert markdown.render(city_council_report()) == markdown.render(city_council_report())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("two\nlines\r\nhere", "two lines here"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("</details>", "&lt;/details&gt;"),  # cannot close the collapsed section early
        ("*bold* _it_ `code` ~x~", "\\*bold\\* \\_it\\_ \\`code\\` \\~x\\~"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("C:\\path", "C:\\\\path"),
        ("AT&T", "AT&amp;T"),
    ],
)
def test_escape_cell(text: str, expected: str) -> None:
    assert escape_cell(text) == expected


def test_truncate_cuts_at_a_word_with_an_ellipsis() -> None:
    cut = truncate(LONG_SENTENCE)
    assert len(cut) <= MAX_SENTENCE
    assert cut.endswith("over the river, voted…")
    assert LONG_SENTENCE.startswith(cut[:-1])


def test_truncate_leaves_short_text_alone() -> None:
    exact = "x" * MAX_SENTENCE
    assert truncate(exact) == exact
    assert truncate("short.") == "short."


def test_truncate_a_single_long_word() -> None:
    assert truncate("y" * 300) == "y" * (MAX_SENTENCE - 1) + "…"


def test_a_pipe_in_an_article_keeps_the_row_at_five_cells() -> None:
    rendered = markdown.render(known_only_report())
    row = next(line for line in rendered.splitlines() if line.startswith("| number"))
    unescaped_pipes = row.replace("\\|", "").count("|")
    assert unescaped_pipes == 6


def test_empty_report() -> None:
    assert markdown.render(report((), ())) == (
        "## claimcheck: no new contradictions\n\n"
        "New: **0** · Known: 0 · Stale: 0 · Variations: 0\n\n"
        "<sub>Checked 0 articles with 0 claims.</sub>\n"
    )
