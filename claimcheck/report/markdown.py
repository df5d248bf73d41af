"""Report -> GitHub-flavoured Markdown, written to be posted as a pull-request comment.

A heading with the verdict, one line of counts, a table of the new contradictions
and disputes with both sentences, then collapsed sections for the acknowledged
conflicts, the variations and the stale baseline entries. Article text is
escaped so that it cannot break the table or the page, and long sentences are cut.
"""

from __future__ import annotations

from claimcheck.baseline import GateResult
from claimcheck.model import Claim, Conflict, Report, Source

MAX_SENTENCE = 200  # characters of a sentence shown in a table cell
HEADER = "| Kind | Values | Outlets | Sentences | Fingerprint |"
RULE = "| --- | --- | --- | --- | --- |"
_MARKDOWN_SPECIAL = "\\`*_[]|~"


def render(report: Report) -> str:
    """Render the comment body, ending with one newline."""
    gate = GateResult.from_report(report)
    sources = {source.id: source for source in report.sources}
    new = len(gate.new)
    if new:
        heading = f"## claimcheck: {new} new {_plural(new, 'contradiction')}"
    else:
        heading = "## claimcheck: no new contradictions"
    blocks = [
        heading,
        f"New: **{new}** · Known: {len(gate.known)} · Stale: {len(gate.stale)}"
        f" · Variations: {len(gate.variations)}",
    ]
    if gate.new:
        blocks.append(_table(gate.new, sources))
    if gate.known:
        count = len(gate.known)
        summary = f"{count} known {_plural(count, 'conflict')}, acknowledged in claims.yaml"
        blocks.append(_details(summary, _table(gate.known, sources)))
    if gate.variations:
        count = len(gate.variations)
        summary = f"{count} {_plural(count, 'variation')}: different but compatible values"
        blocks.append(_details(summary, _table(gate.variations, sources)))
    if gate.stale:
        count = len(gate.stale)
        listing = "\n".join(f"- `{fingerprint}`" for fingerprint in gate.stale)
        body = (
            "Acknowledged in claims.yaml but no longer found; remove them with "
            f"`claimcheck baseline --prune`:\n\n{listing}"
        )
        blocks.append(_details(f"{count} stale baseline {_plural(count, 'entry')}", body))
    articles = report.stats.sources
    blocks.append(
        f"<sub>Checked {articles} {_plural(articles, 'article')} "
        f"with {report.stats.claims} {_plural(report.stats.claims, 'claim')}.</sub>"
    )
    return "\n\n".join(blocks) + "\n"


def _table(conflicts: tuple[Conflict, ...], sources: dict[str, Source]) -> str:
    rows = [HEADER, RULE]
    for conflict in conflicts:
        cells = [
            escape_cell(f"{conflict.kind} {conflict.severity}"),
            " vs ".join(escape_cell(side.display) for side in conflict.sides),
            _outlets(conflict, sources),
            "<br>".join(
                _sentence_cell(side.claims, sources) for side in conflict.sides if side.claims
            ),
            f"`{conflict.fingerprint}`",
        ]
        rows.append(f"| {' | '.join(cells)} |")
    return "\n".join(rows)


def _outlets(conflict: Conflict, sources: dict[str, Source]) -> str:
    """``AP vs Reuters``; one name when every side is from one outlet, as in a dispute."""
    labels = [
        ", ".join(dict.fromkeys(escape_cell(_outlet(claim, sources)) for claim in side.claims))
        for side in conflict.sides
    ]
    return labels[0] if len(set(labels)) == 1 else " vs ".join(labels)


def _sentence_cell(claims: tuple[Claim, ...], sources: dict[str, Source]) -> str:
    first = claims[0]
    label = _outlet(first, sources)
    if first.attribution:
        label += f" ({first.attribution})"
    cell = f"**{escape_cell(label)}:** {escape_cell(truncate(_sentence(first, sources)))}"
    if len(claims) > 1:
        cell += f" (+{len(claims) - 1} more)"
    return cell


def _sentence(claim: Claim, sources: dict[str, Source]) -> str:
    """Return the sentence the claim came from, or the claim when its source is not at hand."""
    source = sources.get(claim.source_id)
    span = claim.sentence
    if source is None or not 0 <= span.start < span.end <= len(source.text):
        return claim.text
    return source.text[span.start : span.end]


def _outlet(claim: Claim, sources: dict[str, Source]) -> str:
    source = sources.get(claim.source_id)
    return source.outlet if source is not None and source.outlet else claim.source_id


def _details(summary: str, body: str) -> str:
    return f"<details>\n<summary>{summary}</summary>\n\n{body}\n\n</details>"


def escape_cell(text: str) -> str:
    """Make article text safe in a table cell: one line, no HTML, no Markdown syntax."""
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIAL else char for char in flat)


def truncate(text: str, limit: int = MAX_SENTENCE) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary, ending in an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
