"""Time claimcheck per stage and end to end on corpora of 1,000 to 10,000 articles.

    .venv/bin/python bench/run.py [--sizes 1000 2000 5000 10000] [--repeats 3]
        [--work /tmp/claimcheck-bench] [--spacy-python /tmp/bench-venv/bin/python]
        [--output bench/results.md]

For each size N it builds the corpus with bench/make_corpus.py (seed 1, 300 planted
contradictions) under --work, then runs, each in a fresh process:

cold  ``claimcheck scan`` as the command line does it (all cores, cache on), after
      deleting the cache: reads, extracts, writes the cache, matches, compares and
      writes the JSON report. Repeated --repeats times; medians are reported.
warm  the same again with the cache left by the run before: the unchanged folder's
      findings come from the cache, with no extracting, matching or comparing.
      Repeated --repeats times.
alone the planted contradictions one at a time, each with only its two articles:
      what claimcheck finds without the rest of the corpus around it.
segment  sentence splitting of every text in one process, timed on its own (it is
      part of extract).
spaCy (with --spacy-python, an interpreter that has spaCy; never claimcheck's own
      environment) ``spacy.blank("en")`` plus the rule-based sentencizer over the same
      texts, in one process and in one per core: tokenizing and sentence splitting only.

End to end is the wall time of the whole process, interpreter start-up and imports
included. Peak memory is the largest sum of resident memory over the process and its
worker processes, sampled every 0.1 s (pages the workers share with the parent after
fork are counted twice, so this overstates). Prints a Markdown table and writes it,
with the raw numbers as JSON next to it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


# --------------------------------------------------------------------------- child: one run


def measure(corpus: Path, jobs: int | None) -> dict[str, object]:
    """One scan as the CLI does it, with stage times, counts and planted contradictions found.

    The cache is on, as it is by default: the parent deletes it for a cold run.
    """
    began = time.perf_counter()
    from claimcheck import pipeline
    from claimcheck.config import load_config
    from claimcheck.report import Format, render

    imported = time.perf_counter() - began
    scored: list[int] = []
    cluster_claims = pipeline.cluster_claims

    def counting(*args: object, **kwargs: object) -> object:
        result = cluster_claims(*args, **kwargs)  # type: ignore[arg-type]
        scored.append(result.pairs_scored)
        return result

    pipeline.cluster_claims = counting  # type: ignore[assignment]
    config = load_config(corpus / "claims.yaml")
    options = pipeline.ScanOptions(jobs=jobs, cache=True)
    warnings: list[str] = []
    report = pipeline.run(corpus / "articles", config, options, warn=warnings.append)
    clock = time.perf_counter()
    text = render(report, Format.JSON)
    (Path(tempfile.gettempdir()) / "claimcheck-bench-report.json").write_text(text, "utf-8")
    stages = dict(report.stats.stage_seconds)
    stages["report"] = time.perf_counter() - clock
    stages["imports"] = imported
    found = planted_found(report, corpus)
    return {
        "stages": stages,
        "sources": report.stats.sources,
        "claims": report.stats.claims,
        "pairs": scored[0] if scored else 0,  # a warm run's findings come from the cache
        "conflicts": len(report.conflicts),
        "planted_found": sum(found.values()),
        "planted_missed": sorted(k for k, hit in found.items() if not hit),
        "warnings": warnings,
    }


def planted_found(report: object, corpus: Path) -> dict[str, bool]:
    """For each planted contradiction: is it reported, one sentence on each side?"""
    from claimcheck.model import Report, Severity

    assert isinstance(report, Report)
    planted = [json.loads(line) for line in (corpus / "planted.jsonl").open(encoding="utf-8")]
    by_source: dict[str, list[tuple[int, int]]] = {}
    for n, conflict in enumerate(report.conflicts):
        if conflict.severity is not Severity.CONTRADICTION:
            continue
        for side_number, side in enumerate(conflict.sides):
            for claim in side.claims:
                by_source.setdefault(claim.source_id, []).append((n, side_number))
    claims_text: dict[tuple[int, int, str], list[str]] = {}
    for n, conflict in enumerate(report.conflicts):
        for side_number, side in enumerate(conflict.sides):
            for claim in side.claims:
                claims_text.setdefault((n, side_number, claim.source_id), []).append(claim.text)

    def sides_holding(file: str, sentence: str, kind: str) -> set[tuple[int, int]]:
        source_id = f"articles/{file}"
        return {
            (n, side)
            for n, side in by_source.get(source_id, [])
            if report.conflicts[n].kind.value == kind
            and any(text in sentence for text in claims_text[(n, side, source_id)])
        }

    found: dict[str, bool] = {}
    for entry in planted:
        one = sides_holding(entry["files"][0], entry["sentences"][0], entry["kind"])
        two = sides_holding(entry["files"][1], entry["sentences"][1], entry["kind"])
        found[entry["id"]] = any(n == m and a != b for n, a in one for m, b in two)
    return found


def alone(corpus: Path) -> dict[str, object]:
    """Each planted contradiction with only its two articles, in one process, no cache."""
    from claimcheck import pipeline
    from claimcheck.config import load_config

    planted = [json.loads(line) for line in (corpus / "planted.jsonl").open(encoding="utf-8")]
    missed = []
    with tempfile.TemporaryDirectory() as temp:
        for entry in planted:
            folder = Path(temp) / entry["id"]
            for file in entry["files"]:
                target = folder / "articles" / file
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(corpus / "articles" / file, target)
            (folder / "planted.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
            (folder / "claims.yaml").write_text("# one planted pair\n", encoding="utf-8")
            config = load_config(folder / "claims.yaml")
            report = pipeline.run(folder / "articles", config, pipeline.ScanOptions(jobs=1))
            if not planted_found(report, folder)[entry["id"]]:
                missed.append(entry["id"])
    return {"planted": len(planted), "found": len(planted) - len(missed), "missed": missed}


def texts_of(corpus: Path) -> list[str]:
    files = sorted((corpus / "articles").rglob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in files]


def segment(corpus: Path) -> dict[str, object]:
    from claimcheck.segment import split_sentences

    texts = texts_of(corpus)
    began = time.perf_counter()
    sentences = sum(len(split_sentences(text)) for text in texts)
    return {"seconds": time.perf_counter() - began, "sentences": sentences}


def spacy_tokenize(corpus: Path) -> dict[str, object]:
    """Runs under the bench interpreter that has spaCy; imports nothing of claimcheck."""
    import spacy

    texts = texts_of(corpus)
    result: dict[str, object] = {"spacy": spacy.__version__}
    for name, processes in (("one", 1), ("all", os.cpu_count() or 1)):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        began = time.perf_counter()
        tokens = sentences = 0
        for doc in nlp.pipe(texts, batch_size=64, n_process=processes):
            tokens += len(doc)
            sentences += sum(1 for _ in doc.sents)
        result[f"seconds_{name}"] = time.perf_counter() - began
        result["tokens"] = tokens
        result["sentences"] = sentences
    return result


# --------------------------------------------------------------------------- parent


def _rss_of_tree(root: int) -> int:
    """Resident bytes of ``root`` and every process below it."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree = {root}
    grew = True
    while grew:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grew = bool(below)
    return sum(rss.get(pid, 0) for pid in tree)


def child(python: str, *args: str) -> tuple[dict[str, object], float, int]:
    """Run this script in a fresh process: (its JSON answer, wall seconds, peak tree RSS)."""
    command = [python, str(Path(__file__).resolve()), *args]
    peak = 0
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.1):
            peak = max(peak, _rss_of_tree(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - began
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return json.loads(out), wall, peak


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def bench_size(
    size: int, work: Path, repeats: int, spacy_python: str | None, jobs: int | None
) -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    import make_corpus

    corpus = work / str(size)
    if not (corpus / "corpus.json").is_file():
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus.build(size, corpus, seed=1, planted=300)
    info = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    python = sys.executable
    job_args = [] if jobs is None else ["--jobs", str(jobs)]
    runs: dict[str, list[tuple[dict[str, object], float, int]]] = {"cold": [], "warm": []}
    for _ in range(repeats):
        shutil.rmtree(corpus / ".claimcheck-cache", ignore_errors=True)
        runs["cold"].append(child(python, "--measure", str(corpus), *job_args))
        print(f"  {size} cold {runs['cold'][-1][1]:.1f}s", file=sys.stderr)
    for _ in range(repeats):
        runs["warm"].append(child(python, "--measure", str(corpus), *job_args))
        print(f"  {size} warm {runs['warm'][-1][1]:.1f}s", file=sys.stderr)
    result: dict[str, object] = {"size": size, "corpus": info}
    for mode, measured in runs.items():
        stages: dict[str, float] = {}
        for stage in measured[0][0]["stages"]:  # type: ignore[union-attr]
            stages[stage] = median([m["stages"][stage] for m, _, _ in measured])  # type: ignore[index]
        first = measured[0][0]
        result[mode] = {
            "wall": median([wall for _, wall, _ in measured]),
            "walls": [wall for _, wall, _ in measured],
            "peak_bytes": max(peak for _, _, peak in measured),
            "stages": stages,
            **{k: first[k] for k in ("claims", "pairs", "conflicts", "planted_found", "sources")},
            "planted_missed": first["planted_missed"],
            "warnings": first["warnings"],
        }
    result["alone"] = child(python, "--alone", str(corpus))[0]
    result["segment"] = child(python, "--segment", str(corpus))[0]
    if spacy_python:
        result["spacy"] = child(spacy_python, "--spacy", str(corpus))[0]
    return result


def table(results: list[dict[str, object]]) -> str:
    def get(result: dict[str, object], *path: str) -> float:
        value: object = result
        for key in path:
            value = value[key]  # type: ignore[index]
        return float(value)  # type: ignore[arg-type]

    by_size = {int(get(r, "size")): r for r in results}
    lines = [
        "| articles | words | claims | pairs scored | load | segment¹ | extract | match | "
        "compare | report | end to end, cold | words/s | warm | peak memory | "
        "planted found (alone) | spaCy 1 proc / all cores² | claimcheck ÷ spaCy³ |",
        "|" + "---:|" * 17,
    ]
    for size, r in sorted(by_size.items()):
        words = get(r, "corpus", "words")
        cold = get(r, "cold", "wall")
        stage = r["cold"]["stages"]  # type: ignore[index]
        spacy = r.get("spacy")
        spacy_cells = ["–", "–"]
        if isinstance(spacy, dict):
            one, every = float(spacy["seconds_one"]), float(spacy["seconds_all"])
            spacy_cells = [f"{one:.1f} s / {every:.1f} s", f"{cold / min(one, every):.2f}"]
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{size:,}",
                    f"{int(words):,}",
                    f"{int(get(r, 'cold', 'claims')):,}",
                    f"{int(get(r, 'cold', 'pairs')):,}",
                    *(f"{stage[s]:.1f} s" for s in ("load",)),
                    f"{get(r, 'segment', 'seconds'):.1f} s",
                    *(f"{stage[s]:.1f} s" for s in ("extract", "match", "compare", "report")),
                    f"**{cold:.1f} s**",
                    f"{words / cold:,.0f}",
                    f"**{get(r, 'warm', 'wall'):.1f} s**",
                    f"{get(r, 'cold', 'peak_bytes') / 2**20:,.0f} MiB",
                    f"{int(get(r, 'cold', 'planted_found'))}/300 "
                    f"({int(get(r, 'alone', 'found'))}/300)",
                    *spacy_cells,
                ]
            )
            + " |"
        )
    ratios = []
    for small, large in ((1000, 2000), (2000, 5000), (5000, 10000)):
        if small in by_size and large in by_size:
            cold_ratio = get(by_size[large], "cold", "wall") / get(by_size[small], "cold", "wall")
            warm_ratio = get(by_size[large], "warm", "wall") / get(by_size[small], "warm", "wall")
            big, little = by_size[large], by_size[small]
            stage_ratios = ", ".join(
                f"{s} {get(big, 'cold', 'stages', s) / get(little, 'cold', 'stages', s):.2f}"
                for s in ("load", "extract", "match", "compare", "report")
            )
            pairs = get(big, "cold", "pairs") / get(little, "cold", "pairs")
            lines.append(
                f"\ntime({large:,}) / time({small:,}) = {cold_ratio:.2f} cold, "
                f"{warm_ratio:.2f} warm (×{large / small:g} articles; pairs ×{pairs:.2f}; "
                f"per stage, cold: {stage_ratios})"
            )
            ratios.append(cold_ratio)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-bench"
    )
    parser.add_argument("--spacy-python", help="an interpreter with spaCy installed")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--output", type=Path, default=HERE / "results.md")
    # Internal: one measurement in this process, answered as JSON on stdout.
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--alone", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--segment", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--spacy", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.jobs)))
        return
    if args.alone:
        print(json.dumps(alone(args.alone)))
        return
    if args.segment:
        print(json.dumps(segment(args.segment)))
        return
    if args.spacy:
        print(json.dumps(spacy_tokenize(args.spacy)))
        return
    results = []
    for size in args.sizes:
        print(f"N = {size:,}", file=sys.stderr)
        results.append(bench_size(size, args.work, args.repeats, args.spacy_python, args.jobs))
    text = table(results)
    print(text)
    args.output.write_text(text, encoding="utf-8")
    args.output.with_suffix(".json").write_text(json.dumps(results, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
