"""Report -> GitHub Actions workflow commands that annotate the articles in a pull request.

One ``::error`` (contradictions, disputes) or ``::warning`` (variations) per new
conflict, placed on the first claim of its first side. GitHub shows at most ten
annotations of each level per step and drops the rest, so this writer prints at
most ten of each and one ``::notice`` saying how many it left out. Baselined
conflicts are not annotated; stale baseline entries get one notice.
"""

from __future__ import annotations

from claimcheck.model import Claim, Conflict, Report, Severity, Source
from claimcheck.report.sarif import text_region

MAX_PER_LEVEL = 10  # GitHub's limit of annotations per level in one step


def render(report: Report) -> str:
    """Workflow command lines, one per line; empty when there is nothing to say."""
    sources = {source.id: source for source in report.sources}
    new = [conflict for conflict in report.conflicts if conflict.status == "new"]
    errors = [c for c in new if c.severity is not Severity.VARIATION]
    warnings = [c for c in new if c.severity is Severity.VARIATION]
    lines = [_command("error", c, sources) for c in errors[:MAX_PER_LEVEL]]
    lines += [_command("warning", c, sources) for c in warnings[:MAX_PER_LEVEL]]
    hidden_errors = max(0, len(errors) - MAX_PER_LEVEL)
    hidden_warnings = max(0, len(warnings) - MAX_PER_LEVEL)
    if hidden_errors or hidden_warnings:
        parts = []
        if hidden_errors:
            parts.append(f"{hidden_errors} more {_plural(hidden_errors, 'contradiction')}")
        if hidden_warnings:
            parts.append(f"{hidden_warnings} more {_plural(hidden_warnings, 'variation')}")
        message = (
            f"{' and '.join(parts)} not annotated: GitHub shows at most {MAX_PER_LEVEL} "
            "errors and warnings per step. Run `claimcheck scan` for the full report."
        )
        lines.append(workflow_command("notice", message, title="claimcheck"))
    if report.stale:
        message = (
            f"claims.yaml acknowledges {len(report.stale)} "
            f"{_plural(len(report.stale), 'conflict')} no longer found: "
            f"{', '.join(report.stale)}. Remove stale entries with `claimcheck baseline --prune`."
        )
        lines.append(workflow_command("notice", message, title="claimcheck stale baseline"))
    return "".join(line + "\n" for line in lines)


def workflow_command(level: str, message: str, **properties: str | int) -> str:
    """``::level key=value,...::message`` with GitHub's escaping of both parts."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message: percent signs, carriage returns and line feeds."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, conflict: Conflict, sources: dict[str, Source]) -> str:
    claims = [claim for side in conflict.sides for claim in side.claims]
    properties: dict[str, str | int] = {}
    if claims:
        first = claims[0]
        properties["file"] = first.source_id
        properties.update(_lines(first, sources))
    properties["title"] = f"claimcheck {conflict.rule} {conflict.severity}"
    return workflow_command(level, _message(conflict, sources), **properties)


def _lines(claim: Claim, sources: dict[str, Source]) -> dict[str, int]:
    source = sources.get(claim.source_id)
    if source is None or not 0 <= claim.span.start <= claim.span.end <= len(source.text):
        return {}
    region = text_region(source.text, claim.span.start, claim.span.end)
    where = {"line": region.start_line, "endLine": region.end_line}
    if region.start_line == region.end_line:  # GitHub uses columns on one-line annotations
        where.update(col=region.start_column, endColumn=region.end_column)
    return where


def _message(conflict: Conflict, sources: dict[str, Source]) -> str:
    sides = []
    for side in conflict.sides:
        places = []
        for claim in side.claims:
            where = _lines(claim, sources)
            place = claim.source_id + (f":{where['line']}" if where else "")
            outlet = source.outlet if (source := sources.get(claim.source_id)) else None
            places.append(f"{place} ({outlet})" if outlet else place)
        sides.append(f'"{side.display}" in {", ".join(places) or "an article"}')
    return (
        f"{conflict.summary}\n"
        f"{' vs '.join(sides)}\n"
        f"Fingerprint {conflict.fingerprint}: if both are right in their own way, "
        "acknowledge it with `claimcheck baseline` and explain why in claims.yaml."
    )


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"
