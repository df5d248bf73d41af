"""Report -> SARIF 2.1.0 log text, for code-scanning dashboards such as GitHub's.

One result per place a side of a conflict is stated, located by line and column
in its article, with the other sides as related locations. Results carry the
conflict's fingerprint under ``partialFingerprints["claimcheck/v1"]`` and
``baselineState`` from the claims.yaml baseline; baselined results are also
marked with an external, accepted suppression.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from typing import Any
from urllib.parse import quote

import claimcheck
from claimcheck.model import Claim, Conflict, Report, Severity, Side, Source

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "claimcheck/v1"  # the conflict's fingerprint, as listed in claims.yaml
SIDE_FINGERPRINT_KEY = "claimcheck/side/v1"  # one side of it in one article


@dataclass(frozen=True)
class RuleText:
    """What SARIF says about one rule: its code, a name, one line, and the full docstring."""

    code: str
    name: str
    short: str
    full: str


def rule_texts() -> list[RuleText]:
    """Every conflict rule, described by its own docstring (what it catches, what it leaves)."""
    from claimcheck.rules import all_rules

    texts = []
    for rule in all_rules():
        first, _, rest = rule.doc.partition("\n")
        name = f"{rule.kind.value.capitalize()}Contradiction"
        texts.append(RuleText(rule.code, name, first.strip(), " ".join(rest.split())))
    return texts


_LEVELS = {
    Severity.CONTRADICTION: "error",
    Severity.DISPUTE: "error",
    Severity.VARIATION: "note",
}


def render(report: Report) -> str:
    """Render the whole report as one SARIF log, with a trailing newline."""
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"


def as_dict(report: Report) -> dict[str, Any]:
    """Build the SARIF log as plain JSON-ready data."""
    rules = _rules(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    sources = {source.id: _Located(source) for source in report.sources}
    results = [
        result
        for conflict in report.conflicts
        for result in _results(conflict, sources, index[conflict.rule])
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": _driver(rules)},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


# --------------------------------------------------------------------------- positions


@dataclass(frozen=True)
class TextRegion:
    """A span of text as 1-based lines and columns; ``end_column`` follows the last character."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


class _Located:
    """A source with an index of its line starts, to turn offsets into lines and columns."""

    def __init__(self, source: Source) -> None:
        self.source = source

    @cached_property
    def line_starts(self) -> list[int]:
        text = self.source.text
        return [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def region(self, start: int, end: int) -> TextRegion:
        line, column = self.position(start)
        if end <= start:
            return TextRegion(line, column, line, column)
        end_line, last_column = self.position(end - 1)
        return TextRegion(line, column, end_line, last_column + 1)


def text_region(text: str, start: int, end: int) -> TextRegion:
    """Locate ``text[start:end]`` in 1-based lines and columns; lines end at a line feed."""
    return _Located(Source(id="", text=text, sha256="")).region(start, end)


# --------------------------------------------------------------------------- pieces


def _rules(report: Report) -> list[RuleText]:
    rules = rule_texts()
    known = {rule.code for rule in rules}
    for conflict in report.conflicts:  # a rule code the registry does not list
        if conflict.rule not in known:
            known.add(conflict.rule)
            rules.append(RuleText(conflict.rule, conflict.rule.title(), conflict.explanation, ""))
    return rules


def _driver(rules: list[RuleText]) -> dict[str, Any]:
    driver: dict[str, Any] = {
        "name": "claimcheck",
        "version": claimcheck.__version__,
        "semanticVersion": claimcheck.__version__,
        "rules": [_rule(rule) for rule in rules],
    }
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    return driver


def _homepage() -> str | None:
    """Return the project URL the installed package declares (pyproject [project.urls])."""
    try:
        meta = metadata.metadata("claimcheck")
    except metadata.PackageNotFoundError:
        return None
    for homepage in meta.get_all("Home-page") or []:
        return str(homepage)
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return None


def _rule(rule: RuleText) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.short or rule.code},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["claimcheck", "contradiction"]},
    }
    if rule.full:
        descriptor["fullDescription"] = {"text": f"{rule.short} {rule.full}"}
        descriptor["help"] = {
            "text": f"{rule.full} If both articles are right in their own way, acknowledge the "
            "conflict with `claimcheck baseline` and say why in its note in claims.yaml."
        }
    return descriptor


def _results(
    conflict: Conflict, sources: dict[str, _Located], rule_index: int
) -> list[dict[str, Any]]:
    results = []
    located = [(side, claim) for side in conflict.sides for claim in side.claims]
    for number, (side, claim) in enumerate(located):
        others = [entry for entry in located if entry[0] is not side]
        result: dict[str, Any] = {
            "ruleId": conflict.rule,
            "ruleIndex": rule_index,
            "level": _LEVELS[conflict.severity],
            "message": {"text": _message(conflict, side, sources)},
            "locations": [_location(claim, sources)],
            "partialFingerprints": {
                FINGERPRINT_KEY: conflict.fingerprint,
                SIDE_FINGERPRINT_KEY: _side_fingerprint(conflict, side, claim),
            },
            "baselineState": "new" if conflict.status == "new" else "unchanged",
            "properties": {
                "fingerprint": conflict.fingerprint,
                "kind": str(conflict.kind),
                "severity": str(conflict.severity),
                "value": side.value,
                "side": number,
            },
        }
        related = [
            _location(
                other_claim, sources, identifier=i, note=_says(other_side, other_claim, sources)
            )
            for i, (other_side, other_claim) in enumerate(others, start=1)
        ]
        if related:
            result["relatedLocations"] = related
        if conflict.status != "new":
            result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": "acknowledged in the claims.yaml baseline",
                }
            ]
        results.append(result)
    return results


def _message(conflict: Conflict, side: Side, sources: dict[str, _Located]) -> str:
    others = [other for other in conflict.sides if other is not side]
    against = " and ".join(f'"{other.display}" in {_where(other, sources)}' for other in others)
    head = f'{str(conflict.kind).capitalize()} {conflict.severity}: "{side.display}" here'
    if against:
        head += f" vs {against}"
    return f"{head}. {conflict.summary}".strip()


def _where(side: Side, sources: dict[str, _Located]) -> str:
    """``wire/b.txt (Reuters)``, naming each article that states the side."""
    places = []
    for claim in side.claims:
        located = sources.get(claim.source_id)
        outlet = located.source.outlet if located else None
        place = f"{claim.source_id} ({outlet})" if outlet else claim.source_id
        if place not in places:
            places.append(place)
    return ", ".join(places) or "another article"


def _says(side: Side, claim: Claim, sources: dict[str, _Located]) -> str:
    located = sources.get(claim.source_id)
    outlet = located.source.outlet if located and located.source.outlet else claim.source_id
    return f'{outlet} says "{side.display}"'


def _location(
    claim: Claim,
    sources: dict[str, _Located],
    *,
    identifier: int | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(claim.source_id, safe="/")}}
    located = sources.get(claim.source_id)
    if located is not None and 0 <= claim.span.start <= claim.span.end <= len(located.source.text):
        region = located.region(claim.span.start, claim.span.end)
        physical["region"] = {
            "startLine": region.start_line,
            "startColumn": region.start_column,
            "endLine": region.end_line,
            "endColumn": region.end_column,
            "charOffset": claim.span.start,
            "charLength": claim.span.end - claim.span.start,
            "snippet": {"text": claim.text},
        }
    location: dict[str, Any] = {"physicalLocation": physical}
    if identifier is not None:
        location["id"] = identifier
    if note is not None:
        location["message"] = {"text": note}
    return location


def _side_fingerprint(conflict: Conflict, side: Side, claim: Claim) -> str:
    """Stable per result: the conflict, the value stated, and the article stating it."""
    key = "\x1f".join((conflict.fingerprint, side.value, claim.source_id))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
