"""Clean ECB+ articles -> copies with planted contradictions, and a manifest of each change.

    .venv/bin/python -m bench.inject --out /tmp/planted [--seed 13] [--per-kind 0] [--topics 1,3]

A planted change edits one outlet's sentence about a fact that another outlet
also reports: the sentence holds a gold event mention whose gold cluster has a
mention in an article of another outlet (quotations: the same quotation printed
by another outlet). The edits follow how consistency research builds its test
data (entity swap, number change, date shift, negation insertion, antonym swap,
quote word change, speaker swap), each made only where it keeps the sentence
grammatical and where the other outlet states the value that is changed (the
same number, the same date, the same doer or speaker).

Changes are spread over rounds so that one copy of the corpus never holds two
changes to one article, to one fact, or to a sentence another change is judged
against. ``--out`` gets ``round-N/`` scan folders (articles + claims.yaml) and
``planted.jsonl``: one line per change with its kind, file, line and span.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from bench import edits
from bench.ecb import Corpus, Doc, Mention, load_corpus, write_scan_folder

# Transform -> the conflict kind it plants, and the kinds a report may file it under.
TRANSFORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "date_shift": ("date", ("date",)),
    # a count of days before or after an event ("eight days before the game") dates it
    "number_change": ("number", ("number", "date")),
    "negation": ("negation", ("negation",)),
    "antonym": ("antonym", ("antonym",)),
    "entity_swap": ("attribution", ("attribution",)),
    "speaker_swap": ("attribution", ("attribution", "quote")),
    # a quote's "not", figure or word reversed, reported by the rule for what changed
    "quote_change": ("quote", ("quote", "negation", "number", "antonym")),
}
KINDS = ("date", "number", "negation", "antonym", "attribution", "quote")

_PEOPLE_TAGS = ("HUMAN_PART_PER", "HUMAN_PART_ORG")
_PRONOUNS = frozenset("he she it they him her them his its their i we you who".split())
_SMALL = frozenset("of the and de la for".split())
_MIN_WORDS = 5


@dataclass(frozen=True)
class Partner:
    """A sentence of another outlet that states the fact the change contradicts."""

    doc: str
    file: str
    line: int
    outlet: str
    text: str


@dataclass(frozen=True)
class Site:
    """Where one change could be planted, before rounds are assigned."""

    transform: str
    doc: str
    line: int
    fact: str  # the gold event cluster (or shared quotation) the sentence reports
    edit: edits.Edit
    partners: tuple[Partner, ...]


@dataclass(frozen=True)
class Planted:
    """One change as made: enough to find it in a report and to show it to a person."""

    id: str
    transform: str
    kind: str
    accepts: tuple[str, ...]
    round: int
    topic: str
    doc: str
    file: str
    outlet: str
    line: int
    sentence: tuple[int, int]  # the planted line, as offsets into the injected article
    span: tuple[int, int]  # the changed characters, as offsets into the injected article
    old: str
    new: str
    before: str
    after: str
    fact: str
    partners: tuple[Partner, ...] = field(default=())

    @classmethod
    def from_json(cls, row: dict) -> Planted:
        row = dict(row)
        row["accepts"] = tuple(row["accepts"])
        row["sentence"] = tuple(row["sentence"])
        row["span"] = tuple(row["span"])
        row["partners"] = tuple(Partner(**p) for p in row["partners"])
        return cls(**row)


# --------------------------------------------------------------------------- indexes


class _Index:
    """Gold mentions by sentence, and what each sentence's gold events are shared with."""

    def __init__(self, corpus: Corpus, topics: set[str]) -> None:
        self.corpus = corpus
        self.docs = {n: d for n, d in corpus.docs.items() if d.topic in topics}
        self.events: dict[tuple[str, int], list[Mention]] = defaultdict(list)
        self.entities: dict[tuple[str, int], list[Mention]] = defaultdict(list)
        self.event_members: dict[str, list[Mention]] = {}
        self.entity_lines: dict[str, set[tuple[str, int]]] = defaultdict(set)
        self.named_lines: dict[str, set[tuple[str, int]]] = defaultdict(set)
        self.capitalised = _capitalised_words(corpus.docs.values())
        self.lower_case = frozenset(
            word for d in corpus.docs.values() for word in re.findall(r"\b[a-z][a-z'-]+", d.text)
        )
        for cluster in corpus.events:
            members = [m for m in cluster.mentions if m.doc in self.docs]
            self.event_members[cluster.id] = members
            for m in members:
                self.events[(m.doc, m.line)].append(m)
        for cluster in corpus.entities:
            for m in cluster.mentions:
                if m.doc in self.docs:
                    self.entities[(m.doc, m.line)].append(m)
                    self.entity_lines[m.cluster].add((m.doc, m.line))
                    if self.is_name(m.text):
                        self.named_lines[m.cluster].add((m.doc, m.line))
        self.vocabulary = frozenset(
            word.lower() for d in corpus.docs.values() for word in edits.WORD.findall(d.text)
        )
        self.common = frozenset(
            word
            for d in corpus.docs.values()
            for word in edits.WORD.findall(d.text)
            if word.islower()
        )

    def partners(self, mention: Mention) -> tuple[Partner, ...]:
        """Sentences of other outlets holding a mention of the same gold event."""
        outlet = self.docs[mention.doc].outlet
        seen: dict[tuple[str, int], Partner] = {}
        for other in self.event_members[mention.cluster]:
            doc = self.docs[other.doc]
            if doc.outlet == outlet or (other.doc, other.line) in seen:
                continue
            seen[(other.doc, other.line)] = Partner(
                doc.name, doc.path, other.line, doc.outlet, doc.lines[other.line]
            )
        return tuple(seen[key] for key in sorted(seen))

    def is_name(self, text: str) -> bool:
        """A proper name: capitalised words the corpus capitalises mid-sentence and never
        writes in lower case ("Lohan", "Red Sox"; not "Man", "Three" or "the Angels").
        """
        tokens = text.split()
        if not tokens or not tokens[0][0].isupper() or text.lower() in _PRONOUNS:
            return False
        return all(
            t.lower() in _SMALL
            or (
                t[0].isupper()
                and t.strip(".,'") in self.capitalised
                and t.lower() not in self.lower_case
                and not re.fullmatch(r"[A-Z]{2,}s", t)  # "ISPs": a plural, not a name
            )
            for t in tokens
        )


def _capitalised_words(docs: Iterable[Doc]) -> frozenset[str]:
    found = set()
    for doc in docs:
        for line in doc.lines:
            if edits.is_headline(line):
                continue
            found.update(re.findall(r"(?<=[a-z0-9,;] )[A-Z][A-Za-z.'-]+", line))
    return frozenset(found)


# --------------------------------------------------------------------------- sites


def find_sites(corpus: Corpus, topics: Sequence[str]) -> list[Site]:
    """Every place each transform could plant a contradiction, in a stable order."""
    index = _Index(corpus, set(topics))
    sites: list[Site] = []
    for (doc_name, line_no), mentions in sorted(index.events.items()):
        doc = index.docs[doc_name]
        line = doc.lines[line_no]
        if line_no not in doc.gold_lines or len(line.split()) < _MIN_WORDS:
            continue
        for mention in sorted(mentions, key=lambda m: m.start):
            partners = index.partners(mention)
            if not partners or edits.inside_quote(line, mention.start):
                continue
            sites.extend(_sites_at(index, doc, line_no, mention, partners))
    sites.extend(_quote_sites(index))
    unique: dict[tuple[str, str, int, int], Site] = {}
    for site in sites:
        unique.setdefault((site.transform, site.doc, site.line, site.edit.start), site)
    return list(unique.values())


def _sites_at(
    index: _Index, doc: Doc, line_no: int, mention: Mention, partners: tuple[Partner, ...]
) -> Iterable[Site]:
    line = doc.lines[line_no]

    def site(transform: str, edit: edits.Edit | None, shared: Sequence[Partner]) -> Site | None:
        if edit is None or not shared or edits.inside_quote(line, edit.start):
            return None
        return Site(transform, doc.name, line_no, mention.cluster, edit, tuple(shared))

    found: list[Site | None] = []
    negated = re.search(r"\b(?:not|never|no)\b|n't\b", line, re.IGNORECASE)
    if not mention.tag.startswith("NEG_") and mention.tag != "ACTION_REPORTING" and not negated:
        if not edits.is_headline(line):
            edit = edits.negate(line, mention.start, mention.end, index.vocabulary, index.common)
            found.append(site("negation", edit, partners))
        for edit in edits.find_antonyms(line):
            if not _near(line, edit, mention):
                continue
            shared = partners
            if edit.old.split()[-1].lower() in edits.MODIFIERS:
                # "major fire" against "fire" contradicts nothing: the other outlet must say it too
                shared = tuple(p for p in partners if _says(p.text, edit.old.split()[-1]))
            found.append(site("antonym", edit, shared))
    dates = edits.find_dates(line)
    if len(dates) == 1:
        date = dates[0]
        gold = _gold_entity_at(index, doc.name, line_no, date.start, date.end, ("TIME_DATE",))
        shared = [
            p
            for p in partners
            if any(d.key == date.key for d in edits.find_dates(p.text))
            or (gold is not None and (p.doc, p.line) in index.entity_lines[gold.cluster])
        ]
        found.append(site("date_shift", edits.shift_date(line, date), shared))
    for number in edits.find_numbers(line):
        if line[max(0, number.start - 1) : number.start] in ("#",):
            continue
        shared = [
            p
            for p in partners
            if any(edits.counts_alike(line, number, p.text, n) for n in edits.find_numbers(p.text))
        ]
        found.append(site("number_change", edits.change_number(number, line), shared))
    found.extend(
        _swap_site(index, doc, line_no, mention, entity, partners)
        for entity in index.entities[(doc.name, line_no)]
    )
    return [s for s in found if s is not None]


def _says(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) is not None


def _near(line: str, edit: edits.Edit, mention: Mention) -> bool:
    """The swapped word is the event word, or a describing word within three words of it."""
    if edit.start < mention.end and mention.start < edit.end:
        return True
    if edit.old.split()[-1].lower() not in edits.MODIFIERS:
        return False
    if edit.end <= mention.start:
        gap = line[edit.end : mention.start]
    else:
        gap = line[mention.end : edit.start]
    return len(edits.WORD.findall(gap)) <= 3


def _gold_entity_at(
    index: _Index, doc: str, line: int, start: int, end: int, tags: Sequence[str]
) -> Mention | None:
    for entity in index.entities[(doc, line)]:
        if entity.tag in tags and entity.start < end and start < entity.end:
            return entity
    return None


def _swap_site(
    index: _Index,
    doc: Doc,
    line_no: int,
    mention: Mention,
    entity: Mention,
    partners: tuple[Partner, ...],
) -> Site | None:
    """The doer (entity swap) or the speaker (speaker swap) replaced by another named party."""
    line = doc.lines[line_no]
    if entity.tag not in _PEOPLE_TAGS or not index.is_name(entity.text):
        return None
    if re.search(r"[A-Z][\w.'-]*\s+\Z", line[: entity.start]) or re.match(
        r"(?:'s|’s)?\s+[A-Z]", line[entity.end :]
    ):
        return None  # part of a longer name ("Boston Red Sox"), which a swap would garble
    between = line[entity.end : mention.start] if entity.end <= mention.start else None
    after = line[mention.end : entity.start] if mention.end <= entity.start else None
    if mention.tag == "ACTION_REPORTING":
        transform = "speaker_swap"
        adjacent = (between is not None and re.fullmatch(r"\s*(?:has\s+|had\s+)?", between)) or (
            after is not None and re.fullmatch(r"\s*", after)
        )
        if not adjacent:
            return None
    else:
        transform = "entity_swap"
        if between is None or len(between) > 40 or re.search(r"[;:]", between):
            return None
        if any(
            e.tag in _PEOPLE_TAGS and entity.end <= e.start and e.end <= mention.start
            for e in index.entities[(doc.name, line_no)]
        ):
            return None  # another party stands closer to the event word
    # The other outlet names the same party by name, not as "her rep" or "he".
    shared = [p for p in partners if (p.doc, p.line) in index.named_lines[entity.cluster]]
    if not shared:
        return None
    replacement = _replacement(index, doc, entity)
    if replacement is None or edits.inside_quote(line, entity.start):
        return None
    possessive = re.search(r"['’]s?\Z", entity.text)
    if possessive:  # "Buckley's death" -> "Rait's death"
        replacement += possessive.group(0)
    edit = edits.Edit(entity.start, entity.end, entity.text, replacement)
    return Site(transform, doc.name, line_no, mention.cluster, edit, tuple(shared))


def _replacement(index: _Index, doc: Doc, entity: Mention) -> str | None:
    """A name of another party of the same type in the topic that this article never uses.

    A surname stands in for a surname: a one-word person is replaced by the last
    word of another person's full name.
    """
    size = len(entity.text.split())
    used = set(edits.WORD.findall(doc.text))
    options: dict[str, None] = {}
    for cluster in index.corpus.entities:
        if cluster.topic != doc.topic or cluster.id == entity.cluster:
            continue
        for m in cluster.mentions:
            if m.tag != entity.tag or not index.is_name(m.text) or re.search(r"['’]s?\Z", m.text):
                continue
            tokens = m.text.split()
            if entity.tag == "HUMAN_PART_PER" and size == 1:
                if len(tokens) < 2:
                    continue
                name = tokens[-1]
            elif len(tokens) == size:
                name = m.text
            else:
                continue
            if "." in name:
                continue  # titles ("Ms. Mendes") carry a sex and a rank the swap would garble
            if name[-1].isalpha() and not set(edits.WORD.findall(name)) & used:
                options[name] = None
    if not options:
        return None
    # The same name for the same party on every run: pick by a stable hash, not by order.
    return min(options, key=lambda name: (_stable(f"{entity.cluster}:{name}"), name))


def _stable(text: str) -> int:
    return sum((i + 1) * ord(c) for i, c in enumerate(text)) % 9973


def _quote_sites(index: _Index) -> list[Site]:
    """Quotations printed by two outlets: one outlet's copy gets one word changed."""
    quotes: dict[str, list[tuple[Doc, int, int, int, str]]] = defaultdict(list)
    for doc in index.docs.values():
        for line_no, line in enumerate(doc.lines):
            for match in edits.QUOTED.finditer(line):
                words = " ".join(edits.WORD.findall(match.group(0).lower()))
                if len(words.split()) >= 4:
                    inner = match.start() + 1, match.end() - 1
                    quotes[doc.topic].append((doc, line_no, *inner, words))
    sites = []
    for entries in quotes.values():
        for doc, line_no, start, end, words in entries:
            partners = {
                (other.name, other_line): Partner(
                    other.name, other.path, other_line, other.outlet, other.lines[other_line]
                )
                for other, other_line, _s, _e, other_words in entries
                if other.outlet != doc.outlet and fuzz.ratio(words, other_words) >= 90
            }
            if not partners:
                continue
            text = doc.lines[line_no][start:end]
            edit = _quote_edit(text, start)
            if edit is None:
                continue
            fact = "quote:" + words[:60]
            shared = tuple(partners[k] for k in sorted(partners))
            sites.append(Site("quote_change", doc.name, line_no, fact, edit, shared))
    return sites


def _quote_edit(text: str, offset: int) -> edits.Edit | None:
    """A negation added or dropped, else a number changed, else a word reversed."""
    edit = edits.add_or_drop_negation(text, offset)
    if edit is not None:
        return edit
    numbers = edits.find_numbers(text)
    if numbers:
        changed = edits.change_number(numbers[0])
        return edits.Edit(offset + changed.start, offset + changed.end, changed.old, changed.new)
    swaps = edits.find_antonyms(text)
    if swaps:
        swap = swaps[0]
        return edits.Edit(offset + swap.start, offset + swap.end, swap.old, swap.new)
    return None


# --------------------------------------------------------------------------- selection


def choose(sites: Sequence[Site], per_kind: int, seed: int) -> list[Site]:
    """Up to ``per_kind`` sites per transform (0: one per fact, all of them), spread over
    topics, one change per sentence and per fact.

    Transforms with the fewest facts to plant in choose first, so that a common one
    (negation can go almost anywhere) does not take the sentences a rare one needs.
    Each draws from its own stream of the seed: a change to where one transform can
    plant leaves the other transforms' choices as they were.
    """
    facts_of: dict[str, set[str]] = defaultdict(set)
    for site in sites:
        facts_of[site.transform].add(site.fact)
    limit = per_kind or len(sites)
    chosen: list[Site] = []
    taken: set[tuple[str, int]] = set()
    for transform in sorted(TRANSFORMS, key=lambda t: (len(facts_of[t]), t)):
        rng = random.Random(f"{seed}:{transform}")
        by_topic: dict[str, list[Site]] = defaultdict(list)
        for site in sites:
            if site.transform == transform:
                by_topic[site.doc.split("_")[0]].append(site)
        for group in by_topic.values():
            rng.shuffle(group)
        order = sorted(by_topic, key=lambda t: rng.random())
        facts: set[str] = set()
        picked = 0
        while picked < limit and any(by_topic.values()):
            for topic in order:
                group = by_topic[topic]
                while group:
                    site = group.pop()
                    if (site.doc, site.line) in taken or site.fact in facts:
                        continue
                    chosen.append(site)
                    taken.add((site.doc, site.line))
                    facts.add(site.fact)
                    picked += 1
                    break
                if picked >= limit:
                    break
    return chosen


def assign_rounds(sites: Sequence[Site]) -> list[list[Site]]:
    """First fit: no article, fact or partner sentence is touched twice in one round."""
    rounds: list[tuple[list[Site], set[str], set[str], set[tuple[str, int]]]] = []
    for site in sites:
        for members, docs, facts, lines in rounds:
            partner_docs = {(p.doc, p.line) for p in site.partners}
            if (
                site.doc not in docs
                and site.fact not in facts
                and (site.doc, site.line) not in lines
                and not partner_docs & {(s.doc, s.line) for s in members}
            ):
                break
        else:
            rounds.append(([], set(), set(), set()))
            members, docs, facts, lines = rounds[-1]
        members.append(site)
        docs.add(site.doc)
        facts.add(site.fact)
        lines.update((p.doc, p.line) for p in site.partners)
    return [members for members, *_ in rounds]


Texts = list[dict[str, str]]  # per round: document name -> the article with its change


def plant(corpus: Corpus, rounds: Sequence[Sequence[Site]]) -> tuple[list[Planted], Texts]:
    """The planted records and, per round, the changed article texts by document name."""
    planted: list[Planted] = []
    texts: Texts = []
    for number, members in enumerate(rounds, start=1):
        changed: dict[str, str] = {}
        for site in sorted(members, key=lambda s: (s.doc, s.line)):
            doc = corpus.docs[site.doc]
            lines = list(doc.lines)
            before = lines[site.line]
            after = site.edit.apply(before)
            lines[site.line] = after
            changed[site.doc] = "\n".join(lines)
            line_start = sum(len(text) + 1 for text in lines[: site.line])
            kind, accepts = TRANSFORMS[site.transform]
            planted.append(
                Planted(
                    id=f"r{number}-{site.doc}-{site.line}",
                    transform=site.transform,
                    kind=kind,
                    accepts=accepts,
                    round=number,
                    topic=doc.topic,
                    doc=doc.name,
                    file=doc.path,
                    outlet=doc.outlet,
                    line=site.line,
                    sentence=(line_start, line_start + len(after)),
                    span=(
                        line_start + site.edit.start,
                        line_start + site.edit.start + len(site.edit.new),
                    ),
                    old=site.edit.old,
                    new=site.edit.new,
                    before=before,
                    after=after,
                    fact=site.fact,
                    partners=site.partners,
                )
            )
        texts.append(changed)
    return planted, texts


def build(
    corpus: Corpus, topics: Sequence[str], *, per_kind: int, seed: int
) -> tuple[list[Planted], Texts]:
    """Find, choose, assign to rounds and plant: the whole injector as one call."""
    sites = find_sites(corpus, topics)
    return plant(corpus, assign_rounds(choose(sites, per_kind, seed)))


def write(
    out: Path, corpus: Corpus, topics: Sequence[str], planted: Sequence[Planted], texts: Texts
) -> None:
    """``round-N/`` scan folders for the chosen topics and ``planted.jsonl``."""
    docs = corpus.docs_of(topics)
    for number, changed in enumerate(texts, start=1):
        write_scan_folder(out / f"round-{number}", docs, changed)
    with (out / "planted.jsonl").open("w", encoding="utf-8") as handle:
        for item in planted:
            handle.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--per-kind", type=int, default=0, help="changes per transform (0: one per fact, all)"
    )
    parser.add_argument("--topics", default="", help="comma-separated topic numbers (all)")
    args = parser.parse_args(argv)
    corpus = load_corpus()
    topics = args.topics.split(",") if args.topics else corpus.topics
    planted, texts = build(corpus, topics, per_kind=args.per_kind, seed=args.seed)
    write(args.out, corpus, topics, planted, texts)
    counts: dict[str, int] = defaultdict(int)
    for item in planted:
        counts[item.transform] += 1
    summary = ", ".join(f"{t} {counts[t]}" for t in TRANSFORMS)
    print(f"{len(planted)} changes in {len(texts)} rounds: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
