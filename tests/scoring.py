"""Score a Report against a test set's expected.yaml: recall, precision, trap violations.

A reported conflict matches an expected item when the kinds agree and two different
sides hold claims whose sentences contain the expected ``a`` and ``b`` texts in the
expected files. A trap is violated when any contradiction puts its two texts on
different sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claimcheck.model import Conflict, Report, Severity


@dataclass(frozen=True)
class Quote:
    file: str
    text: str


@dataclass(frozen=True)
class Expected:
    kind: str
    a: Quote
    b: Quote
    why: str = ""


@dataclass
class Score:
    found: list[Expected] = field(default_factory=list)
    missed: list[Expected] = field(default_factory=list)
    false_alarms: list[Conflict] = field(default_factory=list)
    traps_hit: list[Expected] = field(default_factory=list)
    true_positives: int = 0

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = self.true_positives + len(self.false_alarms)
        return self.true_positives / total if total else 1.0


def load_expected(folder: Path) -> dict[str, list[Expected]]:
    data = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")) or {}
    result: dict[str, list[Expected]] = {}
    for section in ("contradictions", "variations", "disputes", "traps"):
        result[section] = [_expected(item) for item in data.get(section) or []]
    return result


def _expected(item: dict[str, Any]) -> Expected:
    return Expected(
        kind=str(item.get("kind", "")),
        a=Quote(str(item["a"]["file"]), str(item["a"]["text"])),
        b=Quote(str(item["b"]["file"]), str(item["b"]["text"])),
        why=str(item.get("why", "")),
    )


def _side_texts(report: Report, conflict: Conflict) -> list[list[tuple[str, str]]]:
    """For each side, the (file name, sentence text) of its claims."""
    texts = {source.id: source.text for source in report.sources}
    return [
        [
            (
                Path(claim.source_id.split("#")[0]).name,
                texts[claim.source_id][claim.sentence.start : claim.sentence.end],
            )
            for claim in side.claims
        ]
        for side in conflict.sides
    ]


def _holds(side: list[tuple[str, str]], quote: Quote) -> bool:
    return any(name == quote.file and quote.text in sentence for name, sentence in side)


def _pairs_sides(report: Report, conflict: Conflict, item: Expected) -> bool:
    sides = _side_texts(report, conflict)
    for i, first in enumerate(sides):
        for j, second in enumerate(sides):
            if i != j and _holds(first, item.a) and _holds(second, item.b):
                return True
    return False


def score(
    report: Report,
    expected: dict[str, list[Expected]],
    *,
    severity: Severity = Severity.CONTRADICTION,
) -> Score:
    section = {
        Severity.CONTRADICTION: "contradictions",
        Severity.VARIATION: "variations",
        Severity.DISPUTE: "disputes",
    }[severity]
    wanted = expected[section]
    result = Score()
    reported = [c for c in report.conflicts if c.severity is severity]
    matched_conflicts: set[str] = set()
    for item in wanted:
        hits = [c for c in reported if c.kind.value == item.kind and _pairs_sides(report, c, item)]
        if hits:
            result.found.append(item)
            matched_conflicts.update(c.fingerprint for c in hits)
        else:
            result.missed.append(item)
    result.true_positives = len(matched_conflicts)
    # A contradiction that matches an expected item of another section is not a false alarm
    # of this scorer's concern only when it matches nothing at all.
    result.false_alarms = [c for c in reported if c.fingerprint not in matched_conflicts]
    if severity is Severity.CONTRADICTION:
        for trap in expected["traps"]:
            if any(_pairs_sides(report, c, trap) for c in reported):
                result.traps_hit.append(trap)
    return result
