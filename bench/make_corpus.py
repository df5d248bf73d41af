"""Build a reproducible benchmark corpus of N articles from the ECB+ news in corpora/ecbplus.

    .venv/bin/python bench/make_corpus.py N OUT [--seed 1] [--planted 300]

OUT/articles/cKK/<topic>_<subtopic>/<doc>.txt
    Copy 0 is the 982 real articles as shipped. Copy K >= 1 of an event group (one
    ECB+ sub-topic: 3-22 outlets reporting one real event) is the same articles with
    every name-like word replaced by an invented one, years shifted, and counts
    scaled, all consistently inside the group: the articles of one copy still agree
    and disagree with each other exactly where the originals did, but each copy is a
    distinct event with its own people, places, numbers and dates, so copies do not
    collapse into one cluster. Groups are taken whole, in a seeded order, until N
    articles are written (the last group may be cut short).
OUT/planted.jsonl
    PLANTED contradictions (default 300, at every N): each is a pair of sentences
    about invented people and places, one inserted into each of two articles of
    one event group, that state one fact with values that cannot both be true
    (a count, amount or length, a date, or a negated action; never a running total
    such as arrests, which a later report may rightly raise). One line per contradiction: kind,
    the two files, the two sentences.
OUT/claims.yaml
    An empty configuration, so claimcheck does not pick up a claims.yaml from a
    folder above OUT; the cache goes to OUT/.claimcheck-cache/.
OUT/corpus.json
    N, seed, words and characters of the articles.

Everything is a function of (N, seed, planted): the same arguments give the same bytes.
Only the standard library is used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ECB = Path(__file__).resolve().parent.parent / "corpora" / "ecbplus"

MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTH_WORDS = set(MONTHS) | {m[:3] for m in MONTHS} | {"Sept"}
# Capitalised words that are never lower-cased in the corpus but are not names: keep them,
# the extractor reads titles, dates and abbreviations from them.
KEEP = MONTH_WORDS | {
    *"Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
    *"Mr Mrs Ms Dr Jr Sr St Gov Sen Rep Lt Sgt Col Gen Capt Prof Inc Co Corp Ltd No".split(),
    *"I Ok OK Posted Updated".split(),
}
NAME_WORD = re.compile(r"\b[A-Z][a-z]*(?:'[A-Z])?[a-zA-Z]*[a-z]\b")
# Acronyms of bodies and leagues ("NFL", "FBI"); not clock or unit abbreviations.
ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
KEEP_ACRONYMS = frozenset("AM PM OK TV CEO GDP MPH DNA".split())
# A capitalised word inside a sentence (after a lower-case word or a comma): a name's use.
MID_SENTENCE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]*(?:'[A-Z])?[a-zA-Z]*[a-z]\b")
LOWER_WORD = re.compile(r"\b[a-z][a-z']*\b")
YEAR = re.compile(r"\b(?:19[5-9][0-9]|20[0-3][0-9])\b")
URL = re.compile(r"\S*(?:https?://|www\.|\.com|\.org)\S*")
MONTH_ALT = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
NUMBERS = re.compile(
    rf"""
    (?P<iso>\b(?P<iso_year>(?:19|20)\d\d)(?P<iso_rest>-\d\d-\d\d)\b)
  | (?P<monthday>\b(?:{MONTH_ALT})\.?\s+\d{{1,2}}\b)
  | (?P<clock>\b\d{{1,2}}:\d\d\b)
  | (?P<year>\b(?:19[0-9][0-9]|20[0-4][0-9])\b(?![.,]\d))
  | (?P<count>(?<![\d.,/:-])\b\d{{1,3}}(?:,\d{{3}})+\b(?![.,/:]?\d)
             |(?<![\d.,/:-])\b\d+\b(?![.,/:]\d))
    """,
    re.VERBOSE,
)

ONSETS = "b br c ch d dr f g gr h j k kl l m n p pr r s st t tr v w z".split()
VOWELS = "a e i o u ai ea io ou".split()
CODAS = ["", "", "n", "r", "l", "s", "th", "m", "rd", "ck", "ll", "nd"]


def invented(seed: str, syllables: int) -> str:
    """A pronounceable, capitalised word derived only from ``seed``."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    parts = []
    for n in range(syllables):
        parts.append(ONSETS[digest[3 * n] % len(ONSETS)])
        parts.append(VOWELS[digest[3 * n + 1] % len(VOWELS)])
        if n == syllables - 1 or digest[3 * n + 2] % 3 == 0:
            parts.append(CODAS[digest[3 * n + 2] % len(CODAS)])
    return "".join(parts).capitalize()


@dataclass(frozen=True)
class Article:
    doc: str
    group: str  # "<topic>_<subtopic>"
    text: str


@dataclass(frozen=True)
class Variation:
    """How copy K of one event group differs from the real event."""

    key: str  # "K/group": seeds the invented names
    years: int
    scale: float

    def apply(self, text: str, names: frozenset[str]) -> str:
        lines = text.split("\n")
        if lines and lines[0].startswith("http"):
            lines[0] = (
                f"https://example.org/{self.key}/{hashlib.sha1(lines[0].encode()).hexdigest()[:10]}"
            )
        body = "\n".join(lines)
        body = NAME_WORD.sub(lambda m: self._name(m.group(0), names), body)
        body = ACRONYM.sub(self._acronym, body)
        return NUMBERS.sub(self._number, body)

    def _acronym(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if word in KEEP_ACRONYMS or word in KEEP:
            return word
        return invented(f"{self.key}/{word}", 3)[: len(word)].upper()

    def _name(self, word: str, names: frozenset[str]) -> str:
        if word not in names:
            return word
        return invented(f"{self.key}/{word}", 2 if len(word) < 7 else 3)

    def _number(self, match: re.Match[str]) -> str:
        if match.group("iso"):
            return f"{int(match.group('iso_year')) + self.years}{match.group('iso_rest')}"
        if match.group("monthday") or match.group("clock"):
            return match.group(0)
        if match.group("year"):
            return str(int(match.group(0)) + self.years)
        raw = match.group(0)
        value = int(raw.replace(",", ""))
        if value < 10:
            return raw
        scaled = round(value * self.scale)  # strictly increasing: equal stays equal, 45 < 46 stays
        return f"{scaled:,}" if "," in raw else str(scaled)


def load_articles() -> dict[str, list[Article]]:
    groups: dict[str, list[Article]] = defaultdict(list)
    with (ECB / "docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            group = f"{doc['topic']}_{doc['subtopic']}"
            text = (ECB / doc["path"]).read_text(encoding="utf-8")
            groups[group].append(Article(doc["doc"], group, text))
    for articles in groups.values():
        articles.sort(key=lambda a: a.doc)
    return dict(sorted(groups.items(), key=lambda g: (int(g[0].split("_")[0]), g[0])))


def name_words(groups: dict[str, list[Article]]) -> frozenset[str]:
    """Capitalised words the corpus uses as names: people, places, bodies, teams.

    A word never written in lower case, or written capitalised inside sentences at
    least as often as in lower case ("the Chiefs" beside "police chiefs"), so that a
    copy keeps no team, league or party of its original.
    """
    capitalised: set[str] = set()
    inside: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for articles in groups.values():
        for article in articles:
            text = URL.sub(" ", article.text)  # web addresses write names in lower case
            capitalised.update(NAME_WORD.findall(text))
            inside.update(MID_SENTENCE.findall(text))
            lower.update(LOWER_WORD.findall(text))
    return frozenset(w for w in capitalised if w not in KEEP and inside[w] >= lower[w.lower()])


# --------------------------------------------------------------------------- planted


FIRST = (
    "Maren Ilsa Karsten Dalia Tomas Greta Anouk Bram Lenna Oskar Petra Ruben Sanne Viggo".split()
)
# Each planted sentence draws its wording from these slots, so that no two plantings read
# alike (two look-alike sentences about different people are a matching trap of their own).
SLOTS: dict[str, tuple[str, ...]] = {
    "things": tuple(
        "homes cars shops schools farms boats offices warehouses churches buses barns".split()
    ),
    "were": tuple("damaged destroyed inspected sold repaired flooded closed insured".split()),
    "during": (
        "during the storm",
        "in the survey",
        "before the vote",
        "after the audit",
        "under the new plan",
        "in the census",
    ),
    "site": tuple("museum library zoo archive depot garage gallery stable".split()),
    "holds": tuple("paintings books animals files lorries pupils horses maps".split()),
    "structure": tuple("bridge tunnel canal pier runway dam wall railway".split()),
    "unit": ("metres", "feet", "kilometres", "miles"),
    "body": tuple("council board assembly senate committee tribunal".split()),
    "item": tuple("plan budget proposal contract nomination appeal".split()),
    "became": (
        "sworn in as mayor of",
        "named police chief in",
        "elected governor of",
        "appointed harbour master in",
        "chosen as coach in",
    ),
    "event": tuple("trial wedding funeral hearing inquiry".split()),
    "began": ("opened", "began", "was held", "took place", "started"),
    "deal": tuple(
        "water contract|harbour deal|rail plan|school budget|farm sale|bank merger".split("|")
    ),
    "left": tuple(
        "harbour board|school board|bank board|city council|police commission".split("|")
    ),
    "staff": tuple("workers miners nurses drivers welders clerks".split()),
    "works": tuple("plant mine shipyard depot factory mill".split()),
    "crime": ("fraud", "bribery", "theft", "perjury", "arson", "tax evasion"),
}
ACTS = (  # past tense, and the infinitive after "did not"
    ("signed", "sign"),
    ("approved", "approve"),
    ("sold", "sell"),
    ("closed", "close"),
    ("visited", "visit"),
    ("bought", "buy"),
)
NUMBER_TEMPLATES = (
    "{person} said {value} {things} were {were} in {place} {during}.",
    "The {place} {site} run by {person} has {value} {holds}.",
    "The {place} {structure} designed by {person} is {value} {unit} long.",
    "{person} told reporters that {value} {staff} at the {place} {works} had lost their jobs.",
)
DATE_TEMPLATES = (
    "The {place} {body} will vote on the {person} {item} on {value}.",
    "{person} was {became} {place} on {value}.",
    "The {event} of {person} in {place} {began} on {value}.",
)
NEGATION_TEMPLATES = (
    ("{person} {act_past} the {place} {deal}.", "{person} did not {act} the {place} {deal}."),
    (
        "{person} resigned from the {place} {left}.",
        "{person} did not resign from the {place} {left}, an aide said.",
    ),
    (
        "The {place} court convicted {person} of {crime}.",
        "The {place} court did not convict {person} of {crime}.",
    ),
)


def plant(rng: random.Random, number: int, year_hint: int | None) -> tuple[str, str, str]:
    """(kind, sentence one, sentence two) about people and places invented for ``number``."""
    words = {name: rng.choice(choices) for name, choices in SLOTS.items()}
    words["act_past"], words["act"] = rng.choice(ACTS)
    words["person"] = f"{FIRST[number % len(FIRST)]} {invented(f'planted/{number}/person', 3)}"
    words["place"] = invented(f"planted/{number}/place", 3)
    kind = ("number", "date", "negation")[number % 3]
    if kind == "number":
        template = rng.choice(NUMBER_TEMPLATES)
        first = rng.randrange(12, 400)
        # Far apart (40-100% more), so no rounding or "about" could reconcile them.
        second = first + max(5, round(first * rng.uniform(0.4, 1.0)))
        return kind, template.format(value=first, **words), template.format(value=second, **words)
    if kind == "date":
        template = rng.choice(DATE_TEMPLATES)
        month = MONTHS[rng.randrange(12)]
        # The hosts' own latest year: a date years before an article was published is
        # background to it (claimcheck rightly does not compare background with news).
        year = year_hint or rng.randrange(2004, 2016)
        day = rng.randrange(1, 20)
        later = day + rng.randrange(2, 9)
        return (
            kind,
            template.format(value=f"{month} {day}, {year}", **words),
            template.format(value=f"{month} {later}, {year}", **words),
        )
    said, denied = rng.choice(NEGATION_TEMPLATES)
    return kind, said.format(**words), denied.format(**words)


def latest_year(*texts: str) -> int | None:
    """The latest plausible year the texts mention, outside web addresses."""
    years = [int(y) for text in texts for y in YEAR.findall(URL.sub(" ", text))]
    return max(years) if years else None


def insert(text: str, sentence: str, rng: random.Random) -> str:
    """Put ``sentence`` on its own line after the header lines (URL, title, date).

    Only after a line that ends a sentence: after "... can not be measured, or" the
    planted sentence would read as the end of that one (a list item) and inherit
    its negation.
    """
    lines = text.rstrip("\n").split("\n")
    first = min(4, len(lines))
    ends = [
        n for n in range(first, len(lines) + 1) if n == 0 or _ENDS_SENTENCE.search(lines[n - 1])
    ]
    at = rng.choice(ends) if ends else len(lines)
    return "\n".join([*lines[:at], sentence, *lines[at:]]) + "\n"


_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s*$")


# --------------------------------------------------------------------------- corpus


def build(count: int, out: Path, seed: int, planted: int) -> dict[str, object]:
    groups = load_articles()
    names = name_words(groups)
    rng = random.Random(seed)
    chosen: list[tuple[int, str, list[Article]]] = []  # (copy, group, articles)
    total = 0
    copy = 0
    while total < count:
        order = list(groups) if copy == 0 else rng.sample(list(groups), len(groups))
        for group in order:
            if total >= count:
                break
            articles = groups[group][: count - total]
            chosen.append((copy, group, articles))
            total += len(articles)
        copy += 1

    texts: dict[str, str] = {}
    members: list[list[str]] = []
    for copy, group, articles in chosen:
        variation = Variation(
            key=f"{seed}/{copy}/{group}",
            years=rng.choice([-9, -7, -5, -3, 3, 5, 7, 9]),
            scale=rng.uniform(1.15, 1.85),
        )
        paths = []
        for article in articles:
            path = f"c{copy:02d}/{group}/{article.doc}.txt"
            texts[path] = article.text if copy == 0 else variation.apply(article.text, names)
            paths.append(path)
        members.append(paths)

    hosts = [paths for paths in members if len(paths) >= 2]
    rng.shuffle(hosts)
    manifest = []
    for number in range(planted):
        first, second = rng.sample(hosts[number % len(hosts)], 2)
        kind, one, two = plant(rng, number, latest_year(texts[first], texts[second]))
        texts[first] = insert(texts[first], one, rng)
        texts[second] = insert(texts[second], two, rng)
        manifest.append(
            {
                "id": f"P{number:04d}",
                "kind": kind,
                "files": [first, second],
                "sentences": [one, two],
            }
        )

    articles_dir = out / "articles"
    articles_dir.mkdir(parents=True, exist_ok=False)
    for path, text in texts.items():
        target = articles_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (out / "planted.jsonl").write_text(
        "".join(json.dumps(entry) + "\n" for entry in manifest), encoding="utf-8"
    )
    (out / "claims.yaml").write_text(
        "# Benchmark corpus made by bench/make_corpus.py: default settings.\n", encoding="utf-8"
    )
    summary = {
        "articles": len(texts),
        "seed": seed,
        "planted": planted,
        "copies": copy,
        "words": sum(len(t.split()) for t in texts.values()),
        "characters": sum(len(t) for t in texts.values()),
    }
    (out / "corpus.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="how many articles")
    parser.add_argument("out", type=Path, help="new folder to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--planted", type=int, default=300, help="planted contradictions")
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} exists and is not empty")
    print(json.dumps(build(args.count, args.out, args.seed, args.planted)))


if __name__ == "__main__":
    main()
