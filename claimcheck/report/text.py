"""Report -> terminal text with rich: one panel per conflict, values highlighted."""

from __future__ import annotations

from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from claimcheck.model import Claim, Conflict, Mention, Report, Severity, Side, Source

_STYLE = {
    Severity.CONTRADICTION: "bold red",
    Severity.DISPUTE: "bold magenta",
    Severity.VARIATION: "bold yellow",
}


def render(report: Report, *, color: bool = False, width: int = 100) -> str:
    """The findings as panels, or one line saying there are none."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
    )
    sources = {source.id: source for source in report.sources}
    if not report.conflicts:
        console.print(f"No conflicts found in {report.stats.sources} sources.")
    for conflict in report.conflicts:
        console.print(_panel(conflict, sources))
    return buffer.getvalue()


def summary_line(report: Report) -> str:
    """One line for stderr: what was read and what was found."""
    counts = dict.fromkeys(Severity, 0)
    for conflict in report.conflicts:
        counts[conflict.severity] += 1
    found = ", ".join(
        f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}"
        for s in (Severity.CONTRADICTION, Severity.DISPUTE, Severity.VARIATION)
    )
    skipped = f", {report.stats.skipped} skipped" if report.stats.skipped else ""
    return (
        f"{report.stats.sources} sources{skipped}, {report.stats.claims} claims, "
        f"{report.stats.clusters} clusters: {found} ({report.stats.seconds:.2f}s)"
    )


def _panel(conflict: Conflict, sources: dict[str, Source]) -> Panel:
    parts: list[RenderableType] = [Text(conflict.explanation, style="italic")]
    for side in conflict.sides:
        parts.append(Text(""))
        parts.extend(_side(side, sources))
    status = "" if conflict.status == "new" else f" [{conflict.status}]"
    title = Text(
        f"{conflict.kind.value.upper()} {conflict.severity.value}{status}",
        style=_STYLE[conflict.severity],
    )
    return Panel(
        Group(*parts),
        title=title,
        title_align="left",
        subtitle=conflict.fingerprint,
        subtitle_align="right",
    )


def _side(side: Side, sources: dict[str, Source]) -> list[RenderableType]:
    lines: list[RenderableType] = [Text.assemble((side.display, "bold"), f"  ({side.value})")]
    for claim in side.claims:
        source = sources.get(claim.source_id)
        outlet = source.outlet if source and source.outlet else "outlet unknown"
        lines.append(Text(f"  {outlet} · {claim.source_id}", style="dim"))
        lines.append(_sentence(claim, source, side.mentions))
    return lines


def _sentence(claim: Claim, source: Source | None, mentions: tuple[Mention, ...]) -> Padding:
    """The claim's whole sentence, indented, with the conflicting value highlighted."""
    if source is None:
        return Padding(Text(claim.text), (0, 0, 0, 4))
    start, end = claim.sentence.start, claim.sentence.end
    text = Text(source.text[start:end])
    for mention in mentions:
        if mention.span.source_id == claim.source_id and start <= mention.span.start < end:
            text.stylize("bold reverse", mention.span.start - start, mention.span.end - start)
    return Padding(text, (0, 0, 0, 4))
