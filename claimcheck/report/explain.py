"""One conflict -> full text: every side, sentence, rule, and the cluster around it."""

from __future__ import annotations

from claimcheck.model import Conflict, Report


def render(report: Report, conflict: Conflict) -> str:
    """The conflict, why its rule fired, and the other claims of its cluster with scores."""
    sources = {source.id: source for source in report.sources}
    lines = [
        f"{conflict.kind.value} {conflict.severity.value}  {conflict.fingerprint}",
        f"rule {conflict.rule}: {conflict.explanation}",
        f"summary: {conflict.summary}",
        "",
    ]
    for side in conflict.sides:
        lines.append(f"side {side.display!r} (value {side.value})")
        for claim in side.claims:
            source = sources.get(claim.source_id)
            outlet = source.outlet if source and source.outlet else "outlet unknown"
            sentence = (
                source.text[claim.sentence.start : claim.sentence.end] if source else claim.text
            )
            lines.append(
                f"  {outlet} · {claim.source_id} [{claim.sentence.start}:{claim.sentence.end}]"
            )
            lines.append(f"    {sentence}")
        lines.append("")
    cluster = next((c for c in report.clusters if c.id == conflict.cluster_id), None)
    if cluster is not None:
        lines.append(
            f"cluster {cluster.id}: {len(cluster.claims)} claims, keys: {', '.join(cluster.keys)}"
        )
        for index, claim in enumerate(cluster.claims):
            lines.append(f"  [{index}] {claim.source_id}: {claim.text}")
        for i, j, score in cluster.links:
            lines.append(f"  link [{i}]-[{j}] score {score:.2f}")
    return "\n".join(lines) + "\n"
