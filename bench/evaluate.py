"""claimcheck on ECB+ -> Markdown tables: recall on planted contradictions, false alarms, clusters.

    .venv/bin/python -m bench.evaluate [--seed 13] [--per-kind 0] [--topics 1,3] [--scope both]
                                       [--json out.json] [--details out.md]

Three measurements, all on real multi-outlet news (corpora/ecbplus):

1. Planted contradictions (bench/inject.py): per kind, the share found. By default
   every fact the injector can change gets one change (``--per-kind N`` samples N per
   transform instead). A planted
   change is found when a reported contradiction of an accepted kind has the
   planted sentence on one side and a sentence of another outlet on another side.
   Precision on the injected copies: of the contradictions that the clean copy
   did not already have, the share that cite a planted sentence.
2. Clean corpus: contradictions per 100 articles, split into those between the two
   sub-topics of a topic (two different real events of the same kind: false by
   construction) and those inside one event (to be judged by hand; bench/review.py).
3. Clustering: claims that hold a gold event mention in a gold-checked sentence,
   labelled with that mention's gold cross-document cluster, against claimcheck's
   clusters (claims in none are singletons): pairwise and B-cubed, plus MUC,
   CEAF-e and CoNLL F1 next to a same-lemma baseline on the same claims.

Scans run per topic (both sub-topics of a topic in one folder: the realistic trap
of two events of one kind) and, with ``--scope both``, over the whole corpus.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from bench import coref
from bench.ecb import Corpus, doc_name, line_starts, load_corpus, write_scan_folder
from bench.inject import KINDS, TRANSFORMS, Planted
from bench.inject import build as build_planted
from claimcheck.config import load_config
from claimcheck.lexicon import stem
from claimcheck.model import Claim, Conflict, Report, Severity
from claimcheck.pipeline import ScanOptions, extract_all, run

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- scanning


def scan(folder: Path) -> Report:
    """claimcheck over one scan folder, configured by its claims.yaml."""
    return run(folder, load_config(folder / "claims.yaml"), ScanOptions(all_clusters=True))


def contradictions(report: Report) -> list[Conflict]:
    return [c for c in report.conflicts if c.severity is Severity.CONTRADICTION]


def outlets(report: Report) -> dict[str, str]:
    return {s.id: s.outlet or s.id for s in report.sources}


def identity(report: Report, conflict: Conflict) -> tuple:
    """What a conflict says, independent of offsets: its kind and each side's sentences."""
    texts = {s.id: s.text for s in report.sources}
    sides = sorted(
        tuple(
            sorted(
                {
                    (c.source_id, texts[c.source_id][c.sentence.start : c.sentence.end])
                    for c in side.claims
                }
            )
        )
        for side in conflict.sides
    )
    return (conflict.kind.value, tuple(sides))


def cross_side_pairs(conflict: Conflict) -> Iterable[tuple[Claim, Claim]]:
    """Pairs of claims from two sides and two sources: what the conflict sets against each other."""
    for i, first in enumerate(conflict.sides):
        for second in conflict.sides[i + 1 :]:
            for a in first.claims:
                for b in second.claims:
                    if a.source_id != b.source_id:
                        yield a, b


def folder_of(source_id: str) -> str:
    return source_id.split("/")[0]


# --------------------------------------------------------------------------- planted


@dataclass
class PlantResult:
    planted: Planted
    found: bool = False
    diagnosis: str = ""  # for a miss: where the chain broke
    found_as: str = ""  # the kind it was reported under when not an accepted one


@dataclass
class InjectionScore:
    results: list[PlantResult] = field(default_factory=list)
    new_findings: Counter = field(default_factory=Counter)  # kind -> new contradictions
    new_correct: Counter = field(default_factory=Counter)  # kind -> of those, citing a plant
    all_findings: Counter = field(default_factory=Counter)
    all_correct: Counter = field(default_factory=Counter)
    rounds: int = 0
    scans: int = 0


def _cites(report: Report, conflict: Conflict, plant: Planted) -> bool:
    """One side holds the planted sentence, another a sentence of another outlet."""
    outlet = outlets(report)
    lo, hi = plant.sentence
    for i, side in enumerate(conflict.sides):
        if not any(
            c.source_id == plant.file and c.sentence.start < hi and lo < c.sentence.end
            for c in side.claims
        ):
            continue
        for j, other in enumerate(conflict.sides):
            if j != i and any(outlet[c.source_id] != plant.outlet for c in other.claims):
                return True
    return False


def _diagnose(report: Report, plant: Planted, claims: Sequence[Claim]) -> str:
    """Why a planted contradiction was missed: no cluster with the other outlet, or no rule."""
    lo, hi = plant.span
    planted_ids = {
        c.id
        for c in claims
        if c.source_id == plant.file and c.span.start < max(hi, lo + 1) and lo < c.span.end
    }
    partner_ids: set[str] = set()
    for partner in plant.partners:
        source = next((s for s in report.sources if s.id == partner.file), None)
        if source is None:
            continue
        start = line_starts(source.text)[partner.line]
        end = start + len(source.text.split("\n")[partner.line])
        partner_ids.update(
            c.id
            for c in claims
            if c.source_id == partner.file and c.span.start < end and start < c.span.end
        )
    linked = clustered = False
    for cluster in report.clusters:
        ids = [c.id for c in cluster.claims]
        if planted_ids & set(ids) and partner_ids & set(ids):
            clustered = True
            for i, j, _score in cluster.links:
                pair = {ids[i], ids[j]}
                if pair & planted_ids and pair & partner_ids:
                    linked = True
    if not planted_ids:
        return "no claim holds the change"
    if linked:
        return "linked to the other outlet; no rule fired"
    if clustered:
        return "clustered with the other outlet but not linked"
    return "not matched with the other outlet's sentence"


def evaluate_injection(
    corpus: Corpus,
    topics: Sequence[str],
    *,
    per_kind: int,
    seed: int,
    workdir: Path,
    clean: dict[str, Report],
) -> InjectionScore:
    """Plant, scan every touched topic once per round, and score each planted change."""
    planted, texts = build_planted(corpus, topics, per_kind=per_kind, seed=seed)
    score = InjectionScore(rounds=len(texts))
    by_round_topic: dict[tuple[int, str], list[Planted]] = defaultdict(list)
    for plant in planted:
        by_round_topic[(plant.round, plant.topic)].append(plant)
    for (number, topic), plants in sorted(by_round_topic.items()):
        folder = write_scan_folder(
            workdir / f"round-{number}" / f"topic-{topic}",
            corpus.docs_of([topic]),
            texts[number - 1],
        )
        report = scan(folder)
        score.scans += 1
        claims = extract_all(report.sources)
        known = {identity(clean[topic], c) for c in contradictions(clean[topic])}
        for conflict in contradictions(report):
            kind = conflict.kind.value
            correct = any(_cites(report, conflict, p) and kind in p.accepts for p in plants)
            score.all_findings[kind] += 1
            score.all_correct[kind] += correct
            if identity(report, conflict) not in known:
                score.new_findings[kind] += 1
                score.new_correct[kind] += correct
        for plant in plants:
            result = PlantResult(plant)
            citing = [c for c in report.conflicts if _cites(report, c, plant)]
            hits = [
                c
                for c in citing
                if c.kind.value in plant.accepts and c.severity is Severity.CONTRADICTION
            ]
            if hits:
                result.found = True
            elif citing:
                other = citing[0]
                result.found_as = f"{other.kind.value} {other.severity.value}"
                result.diagnosis = f"reported as {result.found_as}"
            else:
                result.diagnosis = _diagnose(report, plant, claims)
            score.results.append(result)
    return score


# --------------------------------------------------------------------------- clean corpus


@dataclass
class CleanScore:
    scope: str
    articles: int = 0
    by_kind: Counter = field(default_factory=Counter)  # contradictions per kind
    cross_event: Counter = field(default_factory=Counter)  # between the two sub-topics
    cross_topic: Counter = field(default_factory=Counter)  # between two topics (corpus scope)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    def per_100(self, count: int) -> float:
        return 100 * count / self.articles if self.articles else 0.0


def classify(conflict: Conflict) -> str:
    """``cross-topic``, ``cross-event`` (two sub-topics of one topic) or ``same-event``."""
    pairs = list(cross_side_pairs(conflict))
    topics = {
        (folder_of(a.source_id).split("_")[0], folder_of(b.source_id).split("_")[0])
        for a, b in pairs
    }
    if pairs and all(x != y for x, y in topics):
        return "cross-topic"
    if pairs and all(folder_of(a.source_id) != folder_of(b.source_id) for a, b in pairs):
        return "cross-event"
    return "same-event"


def score_clean(scope: str, reports: Sequence[Report]) -> CleanScore:
    score = CleanScore(scope)
    for report in reports:
        score.articles += len(report.sources)
        score.seconds += report.stats.seconds
        for conflict in contradictions(report):
            kind = conflict.kind.value
            score.by_kind[kind] += 1
            where = classify(conflict)
            if where == "cross-event":
                score.cross_event[kind] += 1
            elif where == "cross-topic":
                score.cross_topic[kind] += 1
    return score


# --------------------------------------------------------------------------- clustering


@dataclass
class Labels:
    """Per evaluated claim: its gold cluster, claimcheck's cluster, and the lemma baseline's."""

    gold: dict = field(default_factory=dict)
    system: dict = field(default_factory=dict)
    lemma: dict = field(default_factory=dict)
    doc: dict = field(default_factory=dict)
    claims: int = 0
    offset_errors: int = 0


def label_claims(corpus: Corpus, report: Report, scope: str, labels: Labels) -> None:
    """Add one scan's claims that hold a gold event mention in a gold-checked sentence."""
    claims = extract_all(report.sources)
    labels.claims += len(claims)
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source_id].append(claim)
    mentions: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for cluster in corpus.events:
        for m in cluster.mentions:
            if m.gold_sent:
                mentions[m.doc].append((m.line, m.start, m.end, m.text))
    cluster_of: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    for cluster in corpus.events:
        for m in cluster.mentions:
            cluster_of[m.doc][(m.line, m.start)] = cluster.id
    first_cluster: dict[str, int] = {}
    for n, cluster in enumerate(report.clusters):
        for claim in cluster.claims:
            first_cluster.setdefault(claim.id, n)
    for source in report.sources:
        name = doc_name(source.id)
        starts = line_starts(source.text)
        located = []
        for line, start, end, text in mentions.get(name, ()):
            absolute = starts[line] + start if line < len(starts) else -1
            if source.text[absolute : absolute + len(text)] != text:
                labels.offset_errors += 1
                continue
            located.append(
                (absolute, absolute + (end - start), text, cluster_of[name][(line, start)])
            )
        for claim in by_source[source.id]:
            inside = sorted(
                m for m in located if claim.span.start <= m[0] and m[1] <= claim.span.end
            )
            if not inside:
                continue
            _start, _end, text, gold = inside[0]
            item = (scope, claim.id)
            labels.gold[item] = gold
            labels.doc[item] = name
            labels.lemma[item] = (name.split("_")[0], stem(text.lower().split()[-1]))
            if claim.id in first_cluster:
                labels.system[item] = (scope, first_cluster[claim.id])


@dataclass
class ClusterScore:
    scope: str
    items: int
    gold_clusters: int
    system: dict
    lemma: dict


def score_clusters(scope: str, labels: Labels) -> ClusterScore:
    def metrics(system: dict) -> dict:
        cross = coref.pairwise(
            labels.gold, system, keep=lambda a, b: labels.doc[a] != labels.doc[b]
        )
        return {
            "pairwise": coref.pairwise(labels.gold, system),
            "pairwise_cross_doc": cross,
            "b_cubed": coref.b_cubed(labels.gold, system),
            "muc": coref.muc(labels.gold, system),
            "ceaf_e": coref.ceaf_e(labels.gold, system),
            "conll": coref.conll(labels.gold, system),
        }

    return ClusterScore(
        scope,
        len(labels.gold),
        len(set(labels.gold.values())),
        metrics(labels.system),
        metrics(labels.lemma),
    )


# --------------------------------------------------------------------------- tables


def wilson(hits: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson interval for a proportion: honest error bars on small samples."""
    if not total:
        return (0.0, 1.0)
    p = hits / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


TARGETS = {
    "date": 0.9,
    "number": 0.9,
    "negation": 0.9,
    "antonym": 0.75,
    "attribution": 0.75,
    "quote": 0.75,
}


def row(*cells: object) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def header(*titles: str, left: int = 1) -> list[str]:
    """A Markdown header: the first ``left`` columns left-aligned, the rest right-aligned."""
    return [row(*titles), "|" + "---|" * left + "---:|" * (len(titles) - left)]


def injection_tables(score: InjectionScore) -> str:
    rows = header(
        "kind",
        "planted",
        "found",
        "recall",
        "95% CI",
        "target",
        "new findings",
        "precision (new)",
        "precision (all)",
    )
    groups = [(kind, [r for r in score.results if r.planted.kind == kind]) for kind in KINDS]
    groups.append(("**all**", score.results))
    for kind, results in groups:
        found = sum(r.found for r in results)
        lo, hi = wilson(found, len(results))
        kinds = KINDS if kind == "**all**" else (kind,)
        new = sum(score.new_findings[k] for k in kinds)
        correct = sum(score.new_correct[k] for k in kinds)
        every = sum(score.all_findings[k] for k in kinds)
        right = sum(score.all_correct[k] for k in kinds)
        target = f"{TARGETS[kind]:.2f}" if kind in TARGETS else ""
        rows.append(
            row(
                kind,
                len(results),
                found,
                _ratio(found, len(results)),
                f"{lo:.2f}–{hi:.2f}",
                target,
                new,
                _ratio(correct, new),
                _ratio(right, every),
            )
        )
    rows += ["", *header("transform", "kind", "planted", "found", "recall", left=2)]
    for transform, (kind, _accepts) in TRANSFORMS.items():
        results = [r for r in score.results if r.planted.transform == transform]
        found = sum(r.found for r in results)
        rows.append(row(transform, kind, len(results), found, _ratio(found, len(results))))
    misses = Counter(r.diagnosis for r in score.results if not r.found)
    rows += ["", *header("why a planted contradiction was missed", "count")]
    rows += [row(why, count) for why, count in misses.most_common()]
    return "\n".join(rows)


def clean_table(scores: Sequence[CleanScore]) -> str:
    rows = header(
        "scope",
        "articles",
        "contradictions",
        "per 100 articles",
        "between the two events of a topic",
        "between topics",
        "within one event",
        "per 100 (within one event)",
    )
    for s in scores:
        cross = sum(s.cross_event.values()) + sum(s.cross_topic.values())
        within = s.total - cross
        rows.append(
            row(
                s.scope,
                s.articles,
                s.total,
                f"{s.per_100(s.total):.1f}",
                sum(s.cross_event.values()),
                sum(s.cross_topic.values()),
                within,
                f"{s.per_100(within):.1f}",
            )
        )
    rows += ["", *header("scope (count, per 100 articles)", *KINDS)]
    for s in scores:
        rows.append(
            row(s.scope, *(f"{s.by_kind[k]} ({s.per_100(s.by_kind[k]):.1f})" for k in KINDS))
        )
    return "\n".join(rows)


def cluster_table(scores: Sequence[ClusterScore]) -> str:
    rows = header(
        "scope",
        "clustering",
        "claims",
        "gold clusters",
        "pairwise P",
        "pairwise R",
        "pairwise F1",
        "cross-doc pairwise F1",
        "B³ P",
        "B³ R",
        "B³ F1",
        "MUC F1",
        "CEAF-e F1",
        "CoNLL F1",
        left=2,
    )
    for s in scores:
        for name, m in (("claimcheck", s.system), ("same-lemma baseline", s.lemma)):
            pw, b3 = m["pairwise"], m["b_cubed"]
            rows.append(
                row(
                    s.scope,
                    name,
                    s.items,
                    s.gold_clusters,
                    *(f"{x:.3f}" for x in (pw.precision, pw.recall, pw.f1)),
                    f"{m['pairwise_cross_doc'].f1:.3f}",
                    *(f"{x:.3f}" for x in (b3.precision, b3.recall, b3.f1)),
                    *(f"{x:.3f}" for x in (m["muc"].f1, m["ceaf_e"].f1, m["conll"])),
                )
            )
    return "\n".join(rows)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "–"


def measured_at() -> str:
    """Date and commit of the code measured, with a note when claimcheck/ has local edits."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    # An exported tree (git archive) has no history: the caller names the commit it came from.
    commit = os.environ.get("CLAIMCHECK_EVAL_COMMIT") or git("rev-parse", "--short", "HEAD")
    commit = commit or "unknown"
    dirty = (
        " + uncommitted changes under claimcheck/"
        if git("status", "--porcelain", "claimcheck")
        else ""
    )
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"{stamp}, commit {commit}{dirty}"


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--per-kind",
        type=int,
        default=0,
        help="planted changes per transform (0: one per fact, every fact that can take one)",
    )
    parser.add_argument("--topics", default="", help="comma-separated topic numbers (all)")
    parser.add_argument(
        "--scope",
        choices=("topic", "both"),
        default="both",
        help="scan per topic only, or also the whole corpus at once",
    )
    parser.add_argument("--json", type=Path, help="also write every number here")
    parser.add_argument("--details", type=Path, help="write every planted change and its fate here")
    args = parser.parse_args(argv)
    corpus = load_corpus()
    topics = args.topics.split(",") if args.topics else corpus.topics
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="claimcheck-eval-") as tmp:
        workdir = Path(tmp)
        clean: dict[str, Report] = {}
        topic_labels = Labels()
        for topic in topics:
            folder = write_scan_folder(
                workdir / "clean" / f"topic-{topic}", corpus.docs_of([topic])
            )
            clean[topic] = scan(folder)
            label_claims(corpus, clean[topic], f"topic-{topic}", topic_labels)
        clean_scores = [score_clean("per topic", list(clean.values()))]
        cluster_scores = [score_clusters("per topic", topic_labels)]
        if args.scope == "both":
            folder = write_scan_folder(workdir / "clean" / "corpus", corpus.docs_of(topics))
            whole = scan(folder)
            corpus_labels = Labels()
            label_claims(corpus, whole, "corpus", corpus_labels)
            clean_scores.append(score_clean("whole corpus", [whole]))
            cluster_scores.append(score_clusters("whole corpus", corpus_labels))
        injection = evaluate_injection(
            corpus,
            topics,
            per_kind=args.per_kind,
            seed=args.seed,
            workdir=workdir / "planted",
            clean=clean,
        )
    seconds = time.perf_counter() - began
    print(f"## claimcheck on ECB+ ({len(topics)} topics, {clean_scores[0].articles} articles)\n")
    planted = (
        f"{args.per_kind} changes per transform" if args.per_kind else "every fact changed once"
    )
    print(
        f"Measured {measured_at()}; seed {args.seed}, {planted}, "
        f"{injection.rounds} rounds, {injection.scans} injected scans; {seconds:.0f} s.\n"
    )
    print("### Planted contradictions\n")
    print(injection_tables(injection) + "\n")
    print("### Clean corpus: contradictions reported\n")
    print(clean_table(clean_scores) + "\n")
    print("### Clustering against gold cross-document event clusters\n")
    print(cluster_table(cluster_scores) + "\n")
    if topic_labels.offset_errors:
        print(f"({topic_labels.offset_errors} gold mentions did not match the scanned text.)\n")
    if args.json:
        args.json.write_text(
            json.dumps(
                _as_json(args, injection, clean_scores, cluster_scores), indent=2, default=str
            )
        )
    if args.details:
        args.details.write_text(details(injection), encoding="utf-8")
    return 0


def details(score: InjectionScore) -> str:
    """Every planted change, found or missed, with the sentence pair: for finding patterns."""
    lines = ["# Planted changes and what claimcheck made of them", ""]
    for r in sorted(
        score.results, key=lambda r: (r.planted.kind, r.found, r.diagnosis, r.planted.id)
    ):
        p = r.planted
        other = p.partners[0]
        verdict = "found" if r.found else f"missed: {r.diagnosis}"
        lines += [
            f"## {p.kind} / {p.transform} — {verdict}",
            f"- planted ({p.outlet}, `{p.file}` line {p.line}): {p.old!r} -> {p.new!r}",
            f"  > {p.after}",
            f"- other outlet ({other.outlet}, `{other.file}` line {other.line}):",
            f"  > {other.text}",
            "",
        ]
    return "\n".join(lines)


def _as_json(args, injection: InjectionScore, clean_scores, cluster_scores) -> dict:
    return {
        "measured_at": measured_at(),
        "seed": args.seed,
        "per_kind": args.per_kind,
        "planted": [
            {
                "id": r.planted.id,
                "kind": r.planted.kind,
                "transform": r.planted.transform,
                "found": r.found,
                "diagnosis": r.diagnosis,
            }
            for r in injection.results
        ],
        "precision_new": {k: [injection.new_correct[k], injection.new_findings[k]] for k in KINDS},
        "precision_all": {k: [injection.all_correct[k], injection.all_findings[k]] for k in KINDS},
        "clean": [
            {
                "scope": s.scope,
                "articles": s.articles,
                "contradictions": dict(s.by_kind),
                "cross_event": dict(s.cross_event),
                "cross_topic": dict(s.cross_topic),
            }
            for s in clean_scores
        ],
        "clusters": [
            {
                "scope": s.scope,
                "items": s.items,
                "claimcheck": {
                    k: (v.f1 if isinstance(v, coref.PRF) else v) for k, v in s.system.items()
                },
                "lemma": {k: (v.f1 if isinstance(v, coref.PRF) else v) for k, v in s.lemma.items()},
            }
            for s in cluster_scores
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
