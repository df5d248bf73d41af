"""Findings on the clean ECB+ corpus -> a Markdown sample for a person to mark right or wrong.

    .venv/bin/python -m bench.review dump [--n 40] [--seed 7] [--topics 1,3] > sample.md
    .venv/bin/python -m bench.review score docs/review-sample.md

``dump`` scans every topic (both of its events in one folder), draws a seeded
random sample of the contradictions reported, and writes each with the two
sentences it sets against each other, the rule that fired and empty
``Verdict:``/``Reason:`` lines. A reviewer writes ``right`` or ``wrong`` after
``Verdict:``: right only when the two sentences cannot both be true of the same
fact. ``score`` reads a marked file back and prints its precision.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bench.ecb import load_corpus, write_scan_folder
from bench.evaluate import contradictions, cross_side_pairs, measured_at, outlets, scan, wilson
from claimcheck.model import Claim, Conflict, Report

VERDICT = re.compile(
    r"^- \*\*Verdict:\*\*\s*(?P<verdict>right|wrong)\b", re.IGNORECASE | re.MULTILINE
)
KIND = re.compile(r"^### \d+\. (?P<kind>\w+)", re.MULTILINE)


def sample_findings(
    topics: Sequence[str] | None, n: int, seed: int
) -> tuple[list[tuple[Report, Conflict]], int, int]:
    """A seeded sample of contradictions from per-topic scans; also the totals it was drawn from."""
    corpus = load_corpus()
    chosen = list(topics) if topics else corpus.topics
    findings: list[tuple[Report, Conflict]] = []
    articles = 0
    with tempfile.TemporaryDirectory(prefix="claimcheck-review-") as tmp:
        for topic in chosen:
            folder = write_scan_folder(Path(tmp) / f"topic-{topic}", corpus.docs_of([topic]))
            report = scan(folder)
            articles += len(report.sources)
            findings.extend((report, c) for c in contradictions(report))
    total = len(findings)
    rng = random.Random(seed)
    picked = rng.sample(findings, min(n, total))
    return picked, total, articles


def _pair(report: Report, conflict: Conflict) -> tuple[Claim, Claim]:
    """The two claims to show: from two outlets when the conflict has such a pair."""
    outlet = outlets(report)
    pairs = list(cross_side_pairs(conflict))
    across = [(a, b) for a, b in pairs if outlet[a.source_id] != outlet[b.source_id]]
    if across or pairs:
        return (across or pairs)[0]
    first = conflict.sides[0].claims[0]
    return first, conflict.sides[1].claims[0]


def render(picked: Sequence[tuple[Report, Conflict]], total: int, articles: int, seed: int) -> str:
    lines = [
        "# Hand-checked sample of contradictions on the clean ECB+ corpus",
        "",
        f"Drawn at random (seed {seed}) from the {total} contradictions claimcheck reported on "
        f"{articles} ECB+ articles, scanned one topic at a time (both events of a topic together). "
        f"Measured {measured_at()}. Regenerate with "
        f"`.venv/bin/python -m bench.review dump --n {len(picked)} --seed {seed}`; "
        "score with `.venv/bin/python -m bench.review score <file>`.",
        "",
        "A finding is **right** only when the two sentences cannot both be true about the "
        "same fact; everything else (two different events, compatible values, a misread "
        "sentence) is **wrong**.",
        "",
    ]
    for number, (report, conflict) in enumerate(picked, start=1):
        texts = {s.id: s.text for s in report.sources}
        outlet = outlets(report)
        a, b = _pair(report, conflict)
        sides = " vs ".join(f"`{side.display}`" for side in conflict.sides)
        lines += [f"### {number}. {conflict.kind.value} — {conflict.rule}", ""]
        lines.append(f"Values: {sides}. Rule: {conflict.explanation}. `{conflict.fingerprint}`")
        lines.append("")
        for label, claim in (("A", a), ("B", b)):
            sentence = texts[claim.source_id][claim.sentence.start : claim.sentence.end]
            line = texts[claim.source_id].count("\n", 0, claim.sentence.start)
            where = f"{outlet[claim.source_id]}, `{claim.source_id}` line {line}"
            lines.append(f"- **{label}** ({where}): {sentence}")
        lines += ["- **Verdict:** ", "- **Reason:** ", ""]
    return "\n".join(lines)


def score(path: Path) -> str:
    """Precision of a marked sample, overall and per kind, as Markdown."""
    text = path.read_text(encoding="utf-8")
    entries = re.split(r"(?=^### \d+\. )", text, flags=re.MULTILINE)[1:]
    marked: Counter = Counter()
    right: Counter = Counter()
    unmarked = 0
    for entry in entries:
        kind = KIND.match(entry)
        verdict = VERDICT.search(entry)
        if kind is None:
            continue
        if verdict is None:
            unmarked += 1
            continue
        marked[kind["kind"]] += 1
        right[kind["kind"]] += verdict["verdict"].lower() == "right"
    rows = ["| kind | marked | right | precision |", "|---|---:|---:|---:|"]
    rows += [
        f"| {kind} | {marked[kind]} | {right[kind]} | {right[kind] / marked[kind]:.2f} |"
        for kind in sorted(marked)
    ]
    total, hits = sum(marked.values()), sum(right.values())
    lo, hi = wilson(hits, total)
    if total:
        rows.append(
            f"| **all** | {total} | {hits} | {hits / total:.2f} (95% CI {lo:.2f}–{hi:.2f}) |"
        )
    if unmarked:
        rows.append(f"\n{unmarked} findings have no verdict yet.")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dump = commands.add_parser("dump", help="write a sample of findings as Markdown")
    dump.add_argument("--n", type=int, default=40)
    dump.add_argument("--seed", type=int, default=7)
    dump.add_argument("--topics", default="", help="comma-separated topic numbers (all)")
    marked = commands.add_parser("score", help="precision of a marked sample")
    marked.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        topics = args.topics.split(",") if args.topics else None
        picked, total, articles = sample_findings(topics, args.n, args.seed)
        print(render(picked, total, articles, args.seed))
    else:
        print(score(args.path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
