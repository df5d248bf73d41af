"""Builders of realistic ``Report`` objects for report-writer tests.

Claims are located by the text they quote, so every span is a real slice of its
source's text and writers that compute lines and columns can be checked against
the article as written. ``city_council_report`` is a small newsroom story told
by three outlets; its articles were written for these tests.
"""

from __future__ import annotations

import hashlib
from datetime import date

from claimcheck.model import (
    Claim,
    Conflict,
    ConflictKind,
    Polarity,
    Report,
    Severity,
    Side,
    Source,
    Span,
    Stats,
)


def source(
    source_id: str, text: str, *, outlet: str | None = None, published: date | None = None
) -> Source:
    """A source whose sha256 matches its text."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Source(id=source_id, text=text, sha256=digest, outlet=outlet, published=published)


def claim(
    of: Source,
    sentence: str,
    *,
    within: str | None = None,
    polarity: Polarity = Polarity.AFFIRMED,
    attribution: str = "",
) -> Claim:
    """The claim ``within`` (default: the whole sentence) of ``sentence`` in ``of``.

    Both must occur in the text exactly once, so a test's offsets cannot drift.
    """
    start = _find_once(of.text, sentence, of.id)
    sentence_span = Span(of.id, start, start + len(sentence))
    if within is None:
        span = sentence_span
    else:
        inner = _find_once(sentence, within, f"{of.id} sentence")
        span = Span(of.id, start + inner, start + inner + len(within))
    text = of.text[span.start : span.end]
    return Claim(
        id=f"{of.id}#{span.start}",
        span=span,
        sentence=sentence_span,
        text=text,
        mentions=(),
        polarity=polarity,
        attribution=attribution,
        hedged=False,
        frame=text,
    )


def side(value: str, display: str, *claims: Claim) -> Side:
    """One value of a conflict with the claims that state it."""
    return Side(value=value, display=display, claims=claims)


def conflict(
    kind: ConflictKind,
    *sides: Side,
    fingerprint: str,
    summary: str,
    severity: Severity = Severity.CONTRADICTION,
    status: str = "new",
    explanation: str = "the values cannot both be true",
) -> Conflict:
    """A conflict whose rule code is its kind in capitals, as the compare stage names them."""
    return Conflict(
        kind=kind,
        severity=severity,
        sides=sides,
        rule=kind.value.upper(),
        explanation=explanation,
        summary=summary,
        fingerprint=fingerprint,
        cluster_id=f"cluster-{fingerprint[:6]}",
        status=status,
    )


def report(
    sources: tuple[Source, ...], conflicts: tuple[Conflict, ...], *, stale: tuple[str, ...] = ()
) -> Report:
    """A report with plausible stats."""
    claims = sum(len(s.claims) for c in conflicts for s in c.sides)
    stats = Stats(sources=len(sources), claims=claims, clusters=len(conflicts), seconds=0.25)
    return Report(sources=sources, conflicts=conflicts, stats=stats, stale=stale)


def _find_once(text: str, part: str, where: str) -> int:
    first = text.find(part)
    if first < 0 or text.find(part, first + 1) >= 0:
        raise ValueError(f"{part!r} must occur exactly once in {where}")
    return first


# --------------------------------------------------------------------------- the story

AP_TEXT = """\
Council passes budget after long night
RIVERTON (AP) -
The city council met on Tuesday, Nov. 14, to settle the budget.
Council members voted 7-2 to approve the plan.
Mayor Dana Ortiz did not resign, her spokesman said.
About 300 residents attended the meeting.
"""

REUTERS_TEXT = """\
Riverton approves budget

The city council met on Wednesday, Nov. 15, to settle the budget. Council members
voted 6-3 to approve the plan.
Mayor Dana Ortiz resigned, two officials said.
More than 250 people attended.
"""

GAZETTE_TEXT = """\
Budget vote: who said what
The transit union said the vote was held on Monday.
The council said the vote was held on Tuesday.
"""

DATE_FP = "1f3a5c7e9b2d4f60"
VOTE_FP = "a0b1c2d3e4f50617"
RESIGN_FP = "5e6f7a8b9c0d1e2f"
CROWD_FP = "c4d5e6f708192a3b"
DISPUTE_FP = "77aa88bb99cc00dd"
STALE_FP = "0fedcba987654321"


def city_council_report() -> Report:
    """Three outlets on one council meeting: every severity and both statuses.

    - date contradiction (new): Tuesday Nov. 14 vs Wednesday Nov. 15
    - number contradiction (baselined): 7-2 vs 6-3
    - negation contradiction (new): did not resign vs resigned
    - number variation (new): about 300 vs more than 250
    - date dispute inside the Gazette (new): Monday vs Tuesday
    - one stale baseline fingerprint
    """
    ap = source("wire/ap.txt", AP_TEXT, outlet="AP", published=date(2023, 11, 16))
    reuters = source("wire/reuters.txt", REUTERS_TEXT, outlet="Reuters")
    gazette = source("local/gazette.md", GAZETTE_TEXT)

    date_conflict = conflict(
        ConflictKind.DATE,
        side(
            "2023-11-14",
            "Tuesday, Nov. 14",
            claim(ap, "The city council met on Tuesday, Nov. 14, to settle the budget."),
        ),
        side(
            "2023-11-15",
            "Wednesday, Nov. 15",
            claim(reuters, "The city council met on Wednesday, Nov. 15, to settle the budget."),
        ),
        fingerprint=DATE_FP,
        summary="The outlets date the council's budget meeting to different days.",
    )
    vote_conflict = conflict(
        ConflictKind.NUMBER,
        side("7", "7-2", claim(ap, "Council members voted 7-2 to approve the plan.")),
        side(
            "6",
            "6-3",
            claim(reuters, "Council members\nvoted 6-3 to approve the plan."),
        ),
        fingerprint=VOTE_FP,
        summary="The vote count for the budget differs.",
        status="baselined",
    )
    resign_conflict = conflict(
        ConflictKind.NEGATION,
        side(
            "negated",
            "did not resign",
            claim(
                ap,
                "Mayor Dana Ortiz did not resign, her spokesman said.",
                within="Mayor Dana Ortiz did not resign",
                polarity=Polarity.NEGATED,
                attribution="her spokesman",
            ),
        ),
        side(
            "affirmed",
            "resigned",
            claim(
                reuters,
                "Mayor Dana Ortiz resigned, two officials said.",
                within="Mayor Dana Ortiz resigned",
                attribution="two officials",
            ),
        ),
        fingerprint=RESIGN_FP,
        summary="One outlet says the mayor resigned; the other says she did not.",
    )
    crowd_conflict = conflict(
        ConflictKind.NUMBER,
        side(
            "[270,330] resident",
            "About 300",
            claim(ap, "About 300 residents attended the meeting."),
        ),
        side("(250,inf) person", "More than 250", claim(reuters, "More than 250 people attended.")),
        fingerprint=CROWD_FP,
        summary="The size of the crowd is given differently.",
        severity=Severity.VARIATION,
        explanation="the ranges overlap",
    )
    dispute_conflict = conflict(
        ConflictKind.DATE,
        side(
            "2023-11-13",
            "Monday",
            claim(
                gazette,
                "The transit union said the vote was held on Monday.",
                attribution="the transit union",
            ),
        ),
        side(
            "2023-11-14",
            "Tuesday",
            claim(
                gazette,
                "The council said the vote was held on Tuesday.",
                attribution="the council",
            ),
        ),
        fingerprint=DISPUTE_FP,
        summary="The union and the council disagree on the day of the vote.",
        severity=Severity.DISPUTE,
    )
    return report(
        (ap, reuters, gazette),
        (date_conflict, vote_conflict, resign_conflict, crowd_conflict, dispute_conflict),
        stale=(STALE_FP,),
    )
