"""Report -> JSON text in the ``claimcheck/report@1`` schema (documented in README)."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.model import Conflict, Report, Side

SCHEMA = "claimcheck/report@1"


def render(report: Report) -> str:
    """The whole report as indented, key-sorted-by-design JSON with a trailing newline."""
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"


def as_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    texts = {source.id: source.text for source in report.sources}
    return {
        "schema": SCHEMA,
        "sources": [
            {
                "id": source.id,
                "outlet": source.outlet,
                "published": source.published.isoformat() if source.published else None,
            }
            for source in report.sources
        ],
        "conflicts": [_conflict(conflict, texts) for conflict in report.conflicts],
        "skipped": [{"path": item.path, "reason": item.reason} for item in report.skipped],
        "stale": list(report.stale),
        "stats": {
            "sources": report.stats.sources,
            "claims": report.stats.claims,
            "clusters": report.stats.clusters,
            "skipped": report.stats.skipped,
            "seconds": round(report.stats.seconds, 3),
        },
    }


def _conflict(conflict: Conflict, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "fingerprint": conflict.fingerprint,
        "kind": str(conflict.kind),
        "severity": str(conflict.severity),
        "summary": conflict.summary,
        "rule": f"{conflict.rule}: {conflict.explanation}",
        "status": conflict.status,
        "sides": [_side(side, texts) for side in conflict.sides],
    }


def _side(side: Side, texts: dict[str, str]) -> dict[str, Any]:
    """Each supporting claim is cited by its whole sentence, which is what a reader checks."""
    return {
        "value": side.value,
        "display": side.display,
        "claims": [
            {
                "source": claim.source_id,
                "start": claim.sentence.start,
                "end": claim.sentence.end,
                "text": texts.get(claim.source_id, "")[claim.sentence.start : claim.sentence.end],
            }
            for claim in side.claims
        ],
    }
