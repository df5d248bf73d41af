"""Report -> one self-contained HTML page: summary, a card per conflict, each source's text once.

The page loads nothing from anywhere (style and script are inline and pinned by
hash in a Content-Security-Policy), every string from the input is escaped, and
a card's sentences point into the sources' full texts by character offsets, so
an article's text is written once however many conflicts cite it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from claimcheck import __version__
from claimcheck.model import Claim, Conflict, ConflictKind, Report, Severity, Side, Source
from claimcheck.report.html_assets import CSS, POLICY, SCRIPT

Range = tuple[int, int]


def render(report: Report) -> str:
    """Render the whole report as one HTML document with a trailing newline."""
    numbered = list(enumerate(report.sources, 1))
    sources = {source.id: source for source in report.sources}
    cards = [_place(n, conflict, sources) for n, conflict in enumerate(report.conflicts, 1)]
    cited: dict[str, list[tuple[int, _Excerpt]]] = {source.id: [] for source in report.sources}
    for card in cards:
        for _, excerpts in card.sides:
            for excerpt in excerpts:
                if excerpt.source is not None:
                    cited[excerpt.source.id].append((card.number, excerpt))
    texts = [_SourceText.build(number, source, cited[source.id]) for number, source in numbered]
    for text in texts:
        for _, excerpt in cited[text.source.id]:
            excerpt.anchor = text.anchor_for(excerpt.context)
    with_status = _shows_status(report)
    body = "\n".join(
        [
            '<a class="skip-link" href="#conflicts">Skip to conflicts</a>',
            _banner(report),
            _nav(report, with_status),
            '<main id="main">',
            _summary(report, with_status),
            _section("conflicts", "Conflicts", [_card(card, with_status) for card in cards]),
            _section("sources", "Sources", [_source_text(text) for text in texts]),
            "</main>",
            _footer(report),
        ]
    )
    return _document(_title(report), body)


# --------------------------------------------------------------------------- placing excerpts


@dataclass
class _Excerpt:
    """One supporting claim placed in its source: the sentence around it, the values to mark."""

    claim: Claim
    source: Source | None  # None when the claim's span does not fit a known source
    context: Range  # the claim's sentence, as the pipeline segmented it
    marks: tuple[Range, ...]
    anchor: str = ""  # id of the passage in the source's full text, set once texts are built


@dataclass
class _Card:
    number: int
    conflict: Conflict
    sides: list[tuple[Side, list[_Excerpt]]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"c{self.number}"


def _place(number: int, conflict: Conflict, sources: dict[str, Source]) -> _Card:
    card = _Card(number, conflict)
    for side in conflict.sides:
        card.sides.append((side, [_excerpt(claim, side, sources) for claim in side.claims]))
    return card


def _excerpt(claim: Claim, side: Side, sources: dict[str, Source]) -> _Excerpt:
    source = sources.get(claim.source_id)
    if source is None or not _fits(claim.span.start, claim.span.end, source.text):
        return _Excerpt(claim, None, (0, 0), ())
    sentence = claim.sentence
    context = (
        (sentence.start, sentence.end)
        if sentence.source_id == source.id
        and _fits(sentence.start, sentence.end, source.text)
        and sentence.start <= claim.span.start
        and claim.span.end <= sentence.end
        else (claim.span.start, claim.span.end)
    )
    return _Excerpt(claim, source, context, _values(claim, side, source, context))


def _values(claim: Claim, side: Side, source: Source, context: Range) -> tuple[Range, ...]:
    """Where the side's value stands in the sentence, to be marked.

    The side's own mentions first; else the claim's mention of the same value; else
    the displayed value as written; else (a negation, say) the whole claim.
    """
    for mentions in (side.mentions, [m for m in claim.mentions if m.value.key() == side.value]):
        marks = tuple(
            (m.span.start, m.span.end)
            for m in mentions
            if m.span.source_id == source.id
            and _fits(m.span.start, m.span.end, source.text)
            and m.span.start < context[1]
            and context[0] < m.span.end
        )
        if marks:
            return marks
    written = re.compile(re.escape(side.display), re.IGNORECASE) if side.display else None
    found = written.search(source.text, claim.span.start, claim.span.end) if written else None
    if found:
        return (found.span(),)
    return ((claim.span.start, claim.span.end),)


def _fits(start: int, end: int, text: str) -> bool:
    return 0 <= start <= end <= len(text)


# --------------------------------------------------------------------------- source texts


@dataclass(frozen=True)
class _Passage:
    """A stretch of a source cited by one or more cards; the target of their links."""

    start: int
    end: int
    id: str
    cards: tuple[int, ...]


@dataclass(frozen=True)
class _SourceText:
    number: int
    source: Source
    passages: tuple[_Passage, ...]
    marks: tuple[Range, ...]

    @property
    def id(self) -> str:
        return f"s{self.number}"

    @classmethod
    def build(
        cls, number: int, source: Source, cited: Sequence[tuple[int, _Excerpt]]
    ) -> _SourceText:
        ranges = [(*excerpt.context, card) for card, excerpt in cited]
        passages = tuple(
            _Passage(start, end, f"s{number}-{start}-{end}", cards)
            for start, end, cards in _merge_cited(ranges)
        )
        marks = _merge(mark for _, excerpt in cited for mark in excerpt.marks)
        return cls(number, source, passages, tuple(marks))

    def anchor_for(self, context: Range) -> str:
        """Return the id of the passage that holds ``context``."""
        starts = [passage.start for passage in self.passages]
        index = bisect.bisect_right(starts, context[0]) - 1
        return self.passages[index].id if index >= 0 else ""


def _merge_cited(cited: list[tuple[int, int, int]]) -> list[tuple[int, int, tuple[int, ...]]]:
    """Overlapping cited ranges as one passage each, with the cards citing it, in order."""
    merged: list[tuple[int, int, tuple[int, ...]]] = []
    for start, end, number in sorted(cited):
        if merged and start < merged[-1][1]:
            low, high, numbers = merged[-1]
            numbers = numbers if number in numbers else (*numbers, number)
            merged[-1] = (low, max(high, end), numbers)
        else:
            merged.append((start, end, (number,)))
    return [(low, high, tuple(sorted(numbers))) for low, high, numbers in merged]


def _merge(ranges: Iterable[Range]) -> list[Range]:
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif start < end:
            merged.append((start, end))
    return merged


def _marked(text: str, start: int, end: int, marks: Iterable[Range]) -> str:
    """Escaped ``text[start:end]`` with the parts inside ``marks`` in <mark>."""
    out: list[str] = []
    position = start
    for low, high in _merge(marks):
        low, high = max(low, start), min(high, end)
        if low >= high:
            continue
        out.append(escape(text[position:low]))
        out.append(f"<mark>{escape(text[low:high])}</mark>")
        position = high
    out.append(escape(text[position:end]))
    return "".join(out)


# --------------------------------------------------------------------------- page parts


def _document(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="claimcheck {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _title(report: Report) -> str:
    conflicts = _plural(len(report.conflicts), "conflict")
    return f"claimcheck: {conflicts} across {_plural(len(report.sources), 'source')}"


def _banner(report: Report) -> str:
    severities = Counter(conflict.severity for conflict in report.conflicts)
    parts = [_plural(len(report.sources), "source")] + [
        _plural(severities[severity], str(severity)) for severity in Severity
    ]
    return (
        '<header class="banner">\n<h1>claimcheck report</h1>\n'
        f'<p class="lede">{escape(" · ".join(parts))}</p>\n</header>'
    )


def _nav(report: Report, with_status: bool) -> str:
    lines = [
        '<nav class="report-nav" aria-label="Report">',
        '<ul><li><a href="#summary">Summary</a></li>'
        f'<li><a href="#conflicts">Conflicts ({len(report.conflicts)})</a></li>'
        f'<li><a href="#sources">Sources ({len(report.sources)})</a></li></ul>',
    ]
    if report.conflicts:
        # Hidden until the script runs: without JavaScript there is nothing to filter with.
        lines.append('<form id="filters" hidden aria-label="Filter conflicts">')
        lines.append(_checkboxes("Kind", "kind", [c.kind for c in report.conflicts]))
        lines.append(_checkboxes("Severity", "severity", [c.severity for c in report.conflicts]))
        if with_status:
            lines.append(_checkboxes("Status", "status", [c.status for c in report.conflicts]))
        lines.append('<button type="reset">Show all</button>')
        lines.append('<p id="filter-status" role="status" aria-live="polite"></p>')
        lines.append(
            '<p class="keys">Press <kbd>j</kbd> and <kbd>k</kbd> for the next and previous'
            " conflict.</p>"
        )
        lines.append("</form>")
    lines.append("</nav>")
    return "\n".join(lines)


def _checkboxes(legend: str, name: str, values: Sequence[str]) -> str:
    counts = Counter(str(value) for value in values)
    boxes = "".join(
        f'<label><input type="checkbox" name="{name}" value="{escape(value)}" checked>'
        f" {escape(value)} ({count})</label>"
        for value, count in sorted(counts.items(), key=lambda item: _order(item[0]))
    )
    return f"<fieldset><legend>{legend}</legend>{boxes}</fieldset>"


def _order(value: str) -> tuple[int, str]:
    """Enum order for known kinds, severities and statuses; anything else after, by name."""
    known = [*ConflictKind, *Severity, "new", "baselined"]
    return (known.index(value), "") if value in known else (len(known), value)


def _summary(report: Report, with_status: bool) -> str:
    lines = ['<section id="summary" aria-labelledby="summary-h">']
    lines.append('<h2 id="summary-h">Summary</h2>')
    lines.append(_counts(report.conflicts) if report.conflicts else "<p>No conflicts found.</p>")
    if with_status:
        lines.append(_baseline(report))
    lines.append(_source_table(report.sources))
    if report.skipped:
        items = "".join(
            f"<li><code>{escape(item.path)}</code>: {escape(item.reason)}</li>"
            for item in report.skipped
        )
        lines.append(f"<h3>Skipped files ({len(report.skipped)})</h3><ul>{items}</ul>")
    lines.append("</section>")
    return "\n".join(lines)


def _baseline(report: Report) -> str:
    """Which conflicts are new against the baseline, and which acknowledged ones are gone."""
    statuses = Counter(conflict.status for conflict in report.conflicts)
    parts = [
        _plural(count, escape(status), plural=escape(status))
        for status, count in sorted(statuses.items(), key=lambda item: _order(item[0]))
    ]
    lines = [f'<p class="status-line">Against the baseline: {", ".join(parts)}.</p>']
    new = [
        f'<li><a href="#c{number}">#{number} {escape(conflict.summary or conflict.kind)}</a></li>'
        for number, conflict in enumerate(report.conflicts, 1)
        if conflict.status == "new"
    ]
    if new:
        opened = " open" if len(new) <= 12 else ""
        items = "".join(new)
        lines.append(
            f"<details{opened}><summary>New ({len(new)})</summary><ul>{items}</ul></details>"
        )
    if report.stale:
        stale = "".join(f"<li><code>{escape(print_)}</code></li>" for print_ in report.stale)
        gone = _plural(len(report.stale), "acknowledged conflict")
        lines.append(f"<p>{gone} no longer found:</p><ul>{stale}</ul>")
    return "\n".join(lines)


def _counts(conflicts: Sequence[Conflict]) -> str:
    counts = Counter((str(c.kind), str(c.severity)) for c in conflicts)
    kinds = sorted({str(c.kind) for c in conflicts}, key=_order)
    severities = [str(severity) for severity in Severity]
    head = "".join(f'<th scope="col" class="n">{escape(s)}</th>' for s in severities)
    rows = []
    for kind in kinds:
        cells = "".join(f'<td class="n">{counts[(kind, s)]}</td>' for s in severities)
        total = sum(counts[(kind, s)] for s in severities)
        rows.append(
            f'<tr><th scope="row">{escape(kind)}</th>{cells}<td class="n">{total}</td></tr>'
        )
    totals = "".join(f'<td class="n">{sum(counts[(k, s)] for k in kinds)}</td>' for s in severities)
    return (
        "<table><caption>Conflicts by kind and severity</caption>"
        f'<thead><tr><th scope="col">kind</th>{head}<th scope="col" class="n">total</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">all</th>{totals}<td class="n">{len(conflicts)}</td>'
        "</tr></tfoot>"
        "</table>"
    )


def _source_table(sources: Sequence[Source]) -> str:
    rows = "".join(
        f"<tr><td>{escape(_outlet(source))}</td><td>{_date(source)}</td>"
        f'<td><a href="#s{number}">{escape(source.id)}</a></td>'
        f"<td>{escape(source.title or '')}</td></tr>"
        for number, source in enumerate(sources, 1)
    )
    table = (
        '<table><caption class="visually-hidden">Sources</caption>'
        '<thead><tr><th scope="col">outlet</th><th scope="col">published</th>'
        '<th scope="col">file</th><th scope="col">title</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    # A long list would push the conflicts far down: fold it, open by default when short.
    opened = " open" if len(sources) <= 12 else ""
    return f"<details{opened}><summary>Sources ({len(sources)})</summary>{table}</details>"


def _section(name: str, title: str, parts: Sequence[str]) -> str:
    return "\n".join(
        [
            f'<section id="{name}" aria-labelledby="{name}-h">',
            f'<h2 id="{name}-h">{title} ({len(parts)})</h2>',
            *parts,
            "</section>",
        ]
    )


def _card(card: _Card, with_status: bool) -> str:
    conflict = card.conflict
    kind, severity, status = str(conflict.kind), str(conflict.severity), conflict.status
    heading = conflict.summary or " vs ".join(_value(side) for side, _ in card.sides)
    badges = [
        f'<span class="badge sev-{escape(severity)}">{escape(severity)}</span>',
        f'<span class="badge">{escape(kind)}</span>',
    ]
    if with_status:
        badges.append(f'<span class="badge status-{escape(status)}">{escape(status)}</span>')
    lines = [
        f'<article class="conflict" id="{card.id}" tabindex="-1" aria-labelledby="{card.id}-h"'
        f' data-kind="{escape(kind)}" data-severity="{escape(severity)}"'
        f' data-status="{escape(status)}">',
        f'<h3 id="{card.id}-h"><span class="num">#{card.number}</span>{escape(heading)}</h3>',
        f'<p class="badges">{" ".join(badges)}</p>',
        f'<p class="rule"><span class="rule-code">{escape(conflict.rule)}</span>'
        f"{escape(conflict.explanation)}</p>",
        '<div class="sides">',
    ]
    for index, (side, excerpts) in enumerate(card.sides, 1):
        lines.append(_side(f"{card.id}-{index}", side, excerpts))
    lines.append("</div>")
    fingerprint = escape(conflict.fingerprint)
    lines.append(f'<p class="fingerprint">Fingerprint <code>{fingerprint}</code></p>')
    lines.append("</article>")
    return "\n".join(lines)


def _side(side_id: str, side: Side, excerpts: Sequence[_Excerpt]) -> str:
    outlets = list(dict.fromkeys(_outlet(e.source) for e in excerpts if e.source is not None))
    items = [_excerpt_item(excerpt) for excerpt in excerpts]
    return (
        f'<section class="side" aria-labelledby="{side_id}-h">'
        f'<h4 id="{side_id}-h"><span class="value">{escape(_value(side))}</span>'
        f' <span class="outlets">{escape(", ".join(outlets))}</span></h4>'
        f'<ul class="excerpts">{"".join(items)}</ul></section>'
    )


def _excerpt_item(excerpt: _Excerpt) -> str:
    source = excerpt.source
    if source is None:
        return f"<li><blockquote><p>{escape(excerpt.claim.text)}</p></blockquote></li>"
    sentence = _marked(source.text, *excerpt.context, excerpt.marks)
    where = f"{_outlet(source)}, {_date(source)}"
    return (
        f"<li><blockquote><p>{sentence}</p></blockquote>"
        f'<p class="where">{escape(where)} · <a href="#{excerpt.anchor}">'
        f'Show in full text<span class="visually-hidden"> of {escape(source.id)}</span>'
        "</a></p></li>"
    )


def _source_text(entry: _SourceText) -> str:
    source, text = entry.source, entry.source.text
    meta = [escape(source.id), _date(source)]
    if source.url and re.match(r"https?://", source.url, re.IGNORECASE):
        meta.append(f'<a href="{escape(source.url)}" rel="noopener noreferrer">original</a>')
    elif source.url:
        meta.append(escape(source.url))
    heading = escape(_outlet(source)) + (f": {escape(source.title)}" if source.title else "")
    body: list[str] = []
    position = 0
    for passage in entry.passages:
        body.append(_marked(text, position, passage.start, entry.marks))
        body.append(f'<span class="ref" id="{passage.id}">')
        body.append(_marked(text, passage.start, passage.end, entry.marks))
        body.append("</span>")
        body.extend(
            f'<a class="back" href="#c{number}" aria-label="Back to conflict {number}">'
            f"↑#{number}</a>"
            for number in passage.cards
        )
        position = passage.end
    body.append(_marked(text, position, len(text), entry.marks))
    return (
        f'<article class="source" id="{entry.id}" aria-labelledby="{entry.id}-h">'
        f'<h3 id="{entry.id}-h">{heading}</h3>'
        f'<p class="meta">{" · ".join(meta)}</p>'
        f'<div class="text" id="{entry.id}-text">{"".join(body)}</div></article>'
    )


def _footer(report: Report) -> str:
    stats = report.stats
    counts = ((stats.sources, "source"), (stats.claims, "claim"), (stats.clusters, "cluster"))
    parts = [_plural(*count) for count in (*counts, (stats.skipped, "skipped file"))]
    return f"<footer><p>{' · '.join(parts)} · claimcheck {escape(__version__)}</p></footer>"


# --------------------------------------------------------------------------- small helpers


def _shows_status(report: Report) -> bool:
    """Tell a run against a baseline: some conflict is acknowledged, or some is stale."""
    return report.checked or bool(report.stale) or any(c.status != "new" for c in report.conflicts)


def _outlet(source: Source) -> str:
    return source.outlet or source.id


def _date(source: Source) -> str:
    return source.published.isoformat() if source.published else "undated"


def _value(side: Side) -> str:
    return side.display or side.value


def _plural(count: int, singular: str, plural: str = "") -> str:
    if count == 1:
        return f"1 {singular}"
    if plural:
        return f"{count} {plural}"
    return f"{count} {singular}es" if singular.endswith("s") else f"{count} {singular}s"
