"""Surface text -> comparable values, one module per value kind."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.model import MentionKind, Value


@dataclass(frozen=True)
class Found:
    """A value found in a piece of text, by offsets into that text.

    ``role`` qualifies the value: ``"subset"`` for "10 of them", ``"report"`` for
    the date of a saying ("said Friday"), ``"background"`` for a value the text marks
    as an earlier event; ``""`` otherwise.
    """

    kind: MentionKind
    start: int
    end: int
    value: Value
    role: str = ""
