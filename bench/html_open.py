"""How big the HTML report gets and how long it takes to open, for a large synthetic corpus.

    .venv/bin/python bench/html_open.py [--articles 1000] [--conflicts 200] [--runs 5]

Builds a Report by hand (about 600 words per article, conflicts spread over the
corpus), renders it with claimcheck.report.html, then opens the file in headless
Chromium (/usr/bin/chromium, driven by Playwright) once per run and reads the
Navigation Timing entry: navigation start to the end of the load event.
Prints one small table; nothing here is a test.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from calendar import monthrange
from datetime import date, timedelta
from pathlib import Path

from claimcheck.model import (
    AmountValue,
    Claim,
    Conflict,
    ConflictKind,
    DateValue,
    Interval,
    Mention,
    MentionKind,
    Polarity,
    Report,
    Severity,
    Side,
    Source,
    Span,
    Stats,
    Value,
)
from claimcheck.report import html as html_report

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
OUTLETS = ["Harbor Gazette", "Daily Ledger", "Metro Wire", "Valley Times", "Civic Post", "Dispatch"]
VOCABULARY = (
    "council mayor union budget transit housing school contract vote hearing official "
    "residents plan report week spokesperson district court agency funding proposal "
    "members leaders talks meeting statement review county state federal election "
    "said told according that which after before while during the a of to in on for "
    "with and but was were has had will would could new last first second public"
)
WORDS = VOCABULARY.split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, words: int, facts: list[str]) -> str:
    """About ``words`` words in paragraphs of three to five sentences, ``facts`` among them."""
    sentences = [sentence(rng, rng.randint(12, 24)) for _ in range(words // 18)]
    for fact in facts:
        sentences.insert(rng.randrange(len(sentences) + 1), fact)
    paragraphs, at = [], 0
    while at < len(sentences):
        size = rng.randint(3, 5)
        paragraphs.append(" ".join(sentences[at : at + size]))
        at += size
    return (
        "Headline about "
        + " ".join(rng.choice(WORDS) for _ in range(6))
        + "\n\n"
        + ("\n\n".join(paragraphs) + "\n")
    )


def synthetic_report(articles: int, conflicts: int, words: int, seed: int = 7) -> Report:
    rng = random.Random(seed)
    # Each conflict: one fact stated two ways, by two or three different articles.
    plans: list[tuple[int, list[tuple[int, str, str, MentionKind, Value, str]]]] = []
    facts: dict[int, list[str]] = {number: [] for number in range(articles)}
    for index in range(conflicts):
        readers = rng.sample(range(articles), rng.choice((2, 2, 3)))
        entries = []
        if index % 2 == 0:
            months = rng.sample(range(12), 2)
            for position, number in enumerate(readers):
                month = months[min(position, 1)]
                text = (
                    f"The panel {index} first met the leaders in {MONTHS[month]}, officials said."
                )
                month_start = date(2023, month + 1, 1)
                month_end = month_start.replace(day=monthrange(2023, month + 1)[1])
                value: Value = DateValue(month_start, month_end, "month")
                entries.append(
                    (number, text, MONTHS[month], MentionKind.DATE, value, f"2023-{month + 1:02d}")
                )
        else:
            counts = rng.sample(range(20, 90), 2)
            for position, number in enumerate(readers):
                count = counts[min(position, 1)]
                text = f"Exactly {count} members of group {index} voted for the measure."
                value = AmountValue(Interval.point(count), counted="member")
                entries.append(
                    (number, text, str(count), MentionKind.NUMBER, value, f"{count} member")
                )
        for number, text, *_ in entries:
            facts[number].append(text)
        plans.append((index, entries))

    sources = []
    day_one = date(2024, 1, 1)
    for number in range(articles):
        text = article(rng, words, facts[number])
        digest = hashlib.sha256(text.encode()).hexdigest()
        outlet = OUTLETS[number % len(OUTLETS)]
        published = day_one + timedelta(days=number % 60)
        sources.append(Source(f"corpus/{number:05d}.txt", text, digest, outlet, published))

    found = []
    for index, entries in plans:
        by_value: dict[str, list[tuple[Claim, Mention]]] = {}
        displays: dict[str, str] = {}
        for number, text, surface, kind, value, key in entries:
            source = sources[number]
            first = source.text.index(text)
            at = source.text.index(surface, first)
            span = Span(source.id, first, first + len(text))
            mention = Mention(kind, Span(source.id, at, at + len(surface)), surface, value)
            claim = Claim(
                f"{source.id}:{first}", span, span, text, (mention,), Polarity.AFFIRMED, "",
                False, text.replace(surface, f"<{kind}>"),
            )  # fmt: skip
            by_value.setdefault(key, []).append((claim, mention))
            displays[key] = surface
        sides = tuple(
            Side(key, displays[key], tuple(c for c, _ in pairs), tuple(m for _, m in pairs))
            for key, pairs in by_value.items()
        )
        is_date = index % 2 == 0
        found.append(
            Conflict(
                kind=ConflictKind.DATE if is_date else ConflictKind.NUMBER,
                severity=Severity.CONTRADICTION if index % 5 else Severity.VARIATION,
                sides=sides,
                rule="DATE" if is_date else "NUMBER",
                explanation="The values cannot overlap.",
                summary=f"Synthetic conflict {index}",
                fingerprint=hashlib.sha256(str(index).encode()).hexdigest()[:12],
                cluster_id=f"k{index}",
            )
        )
    claims = sum(len(side.claims) for conflict in found for side in conflict.sides)
    return Report(tuple(sources), tuple(found), Stats(articles, claims, conflicts, 0.0))


def open_times(path: Path, runs: int) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(path.as_uri(), wait_until="load")
            timings.append(
                page.evaluate(
                    """() => {
                      const nav = performance.getEntriesByType("navigation")[0];
                      return {dom: nav.domContentLoadedEventEnd - nav.startTime,
                              load: nav.loadEventEnd - nav.startTime};
                    }"""
                )
            )
            context.close()
        browser.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--conflicts", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the page here instead of a temp dir")
    options = parser.parse_args()

    began = time.perf_counter()
    report = synthetic_report(options.articles, options.conflicts, options.words)
    built = time.perf_counter() - began
    began = time.perf_counter()
    page = html_report.render(report)
    rendered = time.perf_counter() - began
    words = sum(len(source.text.split()) for source in report.sources) / len(report.sources)
    text_bytes = sum(len(source.text.encode()) for source in report.sources)

    with tempfile.TemporaryDirectory() as scratch:
        path = options.keep or Path(scratch) / "report.html"
        path.write_text(page, encoding="utf-8")
        size = path.stat().st_size
        timings = open_times(path, options.runs) if Path(CHROMIUM).exists() else []

    rows = [
        ("articles", f"{len(report.sources)} (~{words:.0f} words each)"),
        ("conflicts", str(len(report.conflicts))),
        ("article text", f"{text_bytes / 1e6:.2f} MB"),
        ("report file", f"{size / 1e6:.2f} MB"),
        ("build Report", f"{built * 1000:.0f} ms"),
        ("render HTML", f"{rendered * 1000:.0f} ms"),
    ]
    if timings:
        for key, label in (("dom", "DOMContentLoaded"), ("load", "load event")):
            values = [timing[key] for timing in timings]
            rows.append(
                (
                    f"{label}, median of {len(values)}",
                    f"{statistics.median(values):.0f} ms "
                    f"(min {min(values):.0f}, max {max(values):.0f})",
                )
            )
    else:
        rows.append(("open in Chromium", f"skipped: {CHROMIUM} is missing"))
    width = max(len(label) for label, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
