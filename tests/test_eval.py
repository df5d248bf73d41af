"""A small version of bench/evaluate.py on four ECB+ topics, as a regression tripwire.

Four topics (103 articles), every fact there changed once (96 planted changes), seed
13: about fifteen seconds. The bounds are not the project's targets (bench/EVALUATION.md
has those and today's full-corpus numbers); they sit a few findings below today's recall
and about ten findings above today's false alarms on this slice, so that a change to
extraction or matching that loses planted contradictions, or floods clean text with
new ones, fails here. Tighten them when the numbers improve.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bench import coref
from bench.ecb import Corpus, load_corpus, write_scan_folder
from bench.evaluate import (
    CleanScore,
    ClusterScore,
    InjectionScore,
    Labels,
    evaluate_injection,
    label_claims,
    scan,
    score_clean,
    score_clusters,
)
from bench.inject import TRANSFORMS, build
from claimcheck.model import Report

pytestmark = pytest.mark.eval

TOPICS = ("1", "3", "8", "31")
PER_KIND = 0  # every fact of the four topics that the injector can change, once (94)
SEED = 13

# Set at commit a234786 (2026-11-22) on 8 sampled changes per transform and tightened as
# the slice improved; since every fact is planted (96 changes, 2026-11-23; 94 once two
# ungrammatical denials were no longer planted, 3cf6b6c) they stand a few findings below
# the counts of commit dc0464e.
MIN_RECALL_ALL = 0.33  # today 37/94 = 0.39 (35/94 at b9ff257)
MIN_RECALL_VALUES = 0.33  # date, number and negation together; today 22/55 = 0.40
MIN_RECALL_NEGATION = 0.50  # today 12/19 = 0.63
MIN_PRECISION_NEW = 0.60  # new contradictions on the injected copies citing a plant; today 45/45
MAX_CONTRADICTIONS_PER_100 = 12.0  # clean articles; today 0 (20 on 103 articles at a234786)
MAX_CROSS_EVENT_PER_100 = 5.0  # between the two events of a topic, false by construction; today 0
MIN_B_CUBED_F1 = 0.55  # claims against gold event clusters; today 0.605


@dataclass(frozen=True)
class Run:
    corpus: Corpus
    clean: CleanScore
    clusters: ClusterScore
    injection: InjectionScore


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    corpus = load_corpus()
    workdir = tmp_path_factory.mktemp("eval")
    reports: dict[str, Report] = {}
    labels = Labels()
    for topic in TOPICS:
        folder = write_scan_folder(workdir / "clean" / topic, corpus.docs_of([topic]))
        reports[topic] = scan(folder)
        label_claims(corpus, reports[topic], topic, labels)
    injection = evaluate_injection(
        corpus, TOPICS, per_kind=PER_KIND, seed=SEED, workdir=workdir / "planted", clean=reports
    )
    return Run(
        corpus,
        score_clean("per topic", list(reports.values())),
        score_clusters("per topic", labels),
        injection,
    )


def _recall(score: InjectionScore, kinds: set[str]) -> float:
    results = [r for r in score.results if r.planted.kind in kinds]
    assert results, kinds
    return sum(r.found for r in results) / len(results)


def test_every_transform_plants_on_this_slice(run: Run) -> None:
    planted = {r.planted.transform for r in run.injection.results}
    assert planted >= set(TRANSFORMS) - {"speaker_swap"}


def test_recall_on_planted_contradictions(run: Run) -> None:
    kinds = {r.planted.kind for r in run.injection.results}
    assert _recall(run.injection, kinds) >= MIN_RECALL_ALL
    assert _recall(run.injection, {"date", "number", "negation"}) >= MIN_RECALL_VALUES
    assert _recall(run.injection, {"negation"}) >= MIN_RECALL_NEGATION


def test_new_findings_on_injected_copies_cite_the_plants(run: Run) -> None:
    new = sum(run.injection.new_findings.values())
    correct = sum(run.injection.new_correct.values())
    assert new and correct / new >= MIN_PRECISION_NEW


def test_false_alarms_on_clean_articles(run: Run) -> None:
    assert run.clean.articles == 103
    assert run.clean.per_100(run.clean.total) <= MAX_CONTRADICTIONS_PER_100
    cross = sum(run.clean.cross_event.values())
    assert run.clean.per_100(cross) <= MAX_CROSS_EVENT_PER_100


def test_clusters_agree_with_gold_events(run: Run) -> None:
    assert run.clusters.items > 150
    assert run.clusters.system["b_cubed"].f1 >= MIN_B_CUBED_F1


# --------------------------------------------------------------------------- the harness itself


def test_injection_is_reproducible_and_changes_only_the_planted_span() -> None:
    corpus = load_corpus()
    first, texts = build(corpus, ["1"], per_kind=4, seed=SEED)
    second, _ = build(corpus, ["1"], per_kind=4, seed=SEED)
    assert first == second
    for plant in first:
        text = texts[plant.round - 1][plant.doc]
        original = corpus.docs[plant.doc].text
        start, end = plant.span
        assert text[plant.sentence[0] : plant.sentence[1]] == plant.after
        assert text[start:end] == plant.new
        assert text[:start] == original[:start]
        assert original[start : start + len(plant.old)] == plant.old
        assert text[end:] == original[start + len(plant.old) :]
        assert plant.before != plant.after
        assert all(p.outlet != plant.outlet for p in plant.partners)


def test_one_round_never_touches_an_article_twice() -> None:
    planted, _ = build(load_corpus(), ["1", "3"], per_kind=10, seed=SEED)
    seen = {(p.round, p.doc) for p in planted}
    assert len(seen) == len(planted)


def test_cluster_scores_on_a_known_example() -> None:
    # Gold {1..5} {6,7} {8..12}; system {1..5} {6..12}: the worked example of Bagga and Baldwin.
    gold = {i: 0 if i <= 5 else 1 if i <= 7 else 2 for i in range(1, 13)}
    system = {i: 0 if i <= 5 else 1 for i in range(1, 13)}
    assert coref.b_cubed(gold, system).precision == pytest.approx(16 / 21)
    assert coref.b_cubed(gold, system).recall == 1.0
    assert coref.muc(gold, system).precision == pytest.approx(0.9)
    assert coref.ceaf_e(gold, system).recall == pytest.approx((1 + 10 / 12) / 3)
    assert coref.conll(gold, gold) == 1.0
    assert coref.b_cubed(gold, {}).recall == pytest.approx(1 / 4)


def test_line_offsets_match_the_gold_mentions() -> None:
    corpus = load_corpus()
    doc = corpus.docs["1_10ecbplus"]
    mentions = [m for c in corpus.events for m in c.mentions if m.doc == doc.name]
    assert mentions
    for m in mentions:
        start = doc.line_starts[m.line] + m.start
        assert doc.text[start : start + len(m.text)] == m.text


def test_scan_folder_gives_outlets_and_url_dates(tmp_path: Path) -> None:
    corpus = load_corpus()
    docs = [corpus.docs["1_10ecbplus"], corpus.docs["1_10ecb"]]
    report = scan(write_scan_folder(tmp_path, docs))
    by_id = {s.id: s for s in report.sources}
    plus = by_id["1_ecbplus/1_10ecbplus.txt"]
    assert plus.outlet == "articles.latimes.com"
    assert plus.published is not None and plus.published.isoformat() == "2013-05-03"
    assert by_id["1_ecb/1_10ecb.txt"].outlet == "ecb-1_10ecb"
