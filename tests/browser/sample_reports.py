"""Hand-built reports for the HTML writer's tests, realistic enough to read in a browser.

``meeting_report``: three outlets on one story; two date the mayor's first meeting
with the union November, a third December (a contradiction), and the attendance
differs compatibly (a variation). ``hostile_report``: every input string carries
markup that would run if the writer did not escape it. The articles were written
for these tests. tests/report/test_html.py and the browser tests both use them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from claimcheck.model import (
    AmountValue,
    Claim,
    ConflictKind,
    DateValue,
    Interval,
    Mention,
    MentionKind,
    Report,
    Severity,
    Side,
    Span,
    Value,
)
from tests.report import factories

Support = tuple[Claim, Mention]


def valued(claim: Claim, written: str, kind: MentionKind, value: Value) -> Support:
    """``claim`` with its mention of ``value``, where ``written`` stands in it."""
    at = claim.span.start + claim.text.index(written)
    mention = Mention(kind, Span(claim.source_id, at, at + len(written)), written, value)
    return replace(claim, mentions=(mention,)), mention


def valued_side(value: str, display: str, *supports: Support) -> Side:
    claims = tuple(claim for claim, _ in supports)
    return Side(value, display, claims, tuple(mention for _, mention in supports))


GAZETTE = replace(
    factories.source(
        "harbor-gazette/transit-talks.txt",
        "Transit talks collapse after months of delay\n\n"
        "City officials said Monday that contract negotiations with the transit workers' union "
        "have broken down.\n\n"
        "Mayor Elena Ruiz first met union leaders at City Hall in November, according to two "
        "people briefed on the talks. About 40 union members attended that meeting.\n\n"
        "The union has said it will strike if no agreement is reached by March.\n",
        outlet="Harbor Gazette",
        published=date(2024, 1, 15),
    ),
    title="Transit talks collapse after months of delay",
    url="https://harbor-gazette.example/transit-talks",
)
LEDGER = factories.source(
    "daily-ledger/ruiz-union.txt",
    "Ruiz and union trade blame over stalled contract\n\n"
    "The mayor's office blamed the union for the impasse on Tuesday.\n\n"
    "Ruiz sat down with the union's leaders in November, weeks after her re-election, and "
    "promised a new contract by spring. Forty-two members attended, a union spokesperson "
    "said.\n\n"
    "Neither side has scheduled further talks.\n",
    outlet="Daily Ledger",
    published=date(2024, 1, 16),
)
WIRE = factories.source(
    "metro-wire/strike-looms.txt",
    "Transit strike looms as talks stall\n\n"
    "Union leaders said they warned Mayor Elena Ruiz about a strike when they first met her "
    "at City Hall in December.\n\n"
    "The union represents about 5,000 drivers and mechanics.\n",
    outlet="Metro Wire",
    published=date(2024, 1, 16),
)

NOVEMBER = DateValue(date(2023, 11, 1), date(2023, 11, 30), "month")
DECEMBER = DateValue(date(2023, 12, 1), date(2023, 12, 31), "month")


def meeting_report(
    *, statuses: tuple[str, str] = ("new", "new"), stale: tuple[str, ...] = ()
) -> Report:
    """Two outlets date the first meeting November, a third December; attendance varies."""
    first_met = factories.conflict(
        ConflictKind.DATE,
        valued_side(
            "2023-11",
            "November",
            valued(
                factories.claim(
                    GAZETTE,
                    "Mayor Elena Ruiz first met union leaders at City Hall in November, "
                    "according to two people briefed on the talks.",
                ),
                "November",
                MentionKind.DATE,
                NOVEMBER,
            ),
            valued(
                factories.claim(
                    LEDGER,
                    "Ruiz sat down with the union's leaders in November, weeks after her "
                    "re-election, and promised a new contract by spring.",
                    within="Ruiz sat down with the union's leaders in November",
                ),
                "November",
                MentionKind.DATE,
                NOVEMBER,
            ),
        ),
        valued_side(
            "2023-12",
            "December",
            valued(
                factories.claim(
                    WIRE,
                    "Union leaders said they warned Mayor Elena Ruiz about a strike when they "
                    "first met her at City Hall in December.",
                    attribution="union leaders",
                ),
                "December",
                MentionKind.DATE,
                DECEMBER,
            ),
        ),
        fingerprint="9a1f0c3e7b2d5a64",
        summary="When Ruiz first met the union's leaders",
        explanation="November 2023 and December 2023 do not overlap: the meeting cannot be both.",
        status=statuses[0],
    )
    attendance = factories.conflict(
        ConflictKind.NUMBER,
        valued_side(
            "[36,44] member",
            "about 40",
            valued(
                factories.claim(GAZETTE, "About 40 union members attended that meeting."),
                "About 40",
                MentionKind.NUMBER,
                AmountValue(Interval(36, 44), counted="member"),
            ),
        ),
        valued_side(
            "42 member",
            "Forty-two",
            valued(
                factories.claim(LEDGER, "Forty-two members attended, a union spokesperson said."),
                "Forty-two",
                MentionKind.NUMBER,
                AmountValue(Interval.point(42), counted="member"),
            ),
        ),
        fingerprint="3c5e7a9b1d2f4e60",
        summary="How many union members attended the meeting",
        severity=Severity.VARIATION,
        explanation="About 40 (36 to 44) includes 42: the counts differ but are compatible.",
        status=statuses[1],
    )
    return factories.report((GAZETTE, LEDGER, WIRE), (first_met, attendance), stale=stale)


SCRIPT_PAYLOAD = "<script>alert(1)</script>"
ATTRIBUTE_PAYLOAD = '"><img src=x onerror=alert(1)>'


def hostile_report() -> Report:
    """Every input string carries markup that would run if it were not escaped."""
    hostile = replace(
        factories.source(
            f"hostile/{ATTRIBUTE_PAYLOAD}.txt",
            f"Breaking {SCRIPT_PAYLOAD}\n\n"
            f"The vote was held on {ATTRIBUTE_PAYLOAD} Tuesday, officials said.\n\n"
            "</div></article></main><script>window.__escaped = false</script>\n",
            outlet=ATTRIBUTE_PAYLOAD,
            published=date(2024, 2, 1),
        ),
        title=SCRIPT_PAYLOAD,
        url="javascript:alert(1)",
    )
    plain = factories.source(
        "plain/vote.txt",
        "The vote was held on Wednesday.\n",
        outlet="Plain Post",
        published=date(2024, 2, 2),
    )
    tuesday = DateValue(date(2024, 1, 30), date(2024, 1, 30), "day")
    wednesday = DateValue(date(2024, 1, 31), date(2024, 1, 31), "day")
    sentence = f"The vote was held on {ATTRIBUTE_PAYLOAD} Tuesday, officials said."
    conflict = factories.conflict(
        ConflictKind.DATE,
        valued_side(
            f"2024-01-30{ATTRIBUTE_PAYLOAD}",
            f"Tuesday {SCRIPT_PAYLOAD}",
            valued(
                factories.claim(hostile, sentence),
                f"{ATTRIBUTE_PAYLOAD} Tuesday",
                MentionKind.DATE,
                tuesday,
            ),
        ),
        valued_side(
            "2024-01-31",
            "Wednesday",
            valued(
                factories.claim(plain, "The vote was held on Wednesday."),
                "Wednesday",
                MentionKind.DATE,
                wednesday,
            ),
        ),
        fingerprint=f"f00d{ATTRIBUTE_PAYLOAD}",
        summary=f"Summary {ATTRIBUTE_PAYLOAD}",
        explanation=f"Explained by {SCRIPT_PAYLOAD}",
        status=f"new{ATTRIBUTE_PAYLOAD}",
    )
    conflict = replace(conflict, rule=f"DATE{ATTRIBUTE_PAYLOAD}")
    return factories.report((hostile, plain), (conflict,), stale=(SCRIPT_PAYLOAD,))
