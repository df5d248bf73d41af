"""The ECB+ corpus in corpora/ecbplus -> documents, gold clusters and claimcheck scan folders.

Shared by bench/inject.py, bench/evaluate.py and bench/review.py. Every article is
one sentence per line; gold mentions give a document, a 0-based line and character
offsets inside that line. A scan folder holds copies of the chosen articles, laid
out as in the corpus, and a claims.yaml whose ``sources:`` give each article its
outlet (the web domain, or a per-article pseudo-outlet for the older ``ecb`` half,
which has no URLs) and, when the URL carries one, its publication date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "ecbplus"

_MONTHS = {
    name: number
    for number, name in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1
    )
}
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d?|[a-z]{3,9})/(\d\d?)(?:/|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Doc:
    """One article: where it lives in the corpus and who published it."""

    name: str  # "1_10ecbplus"
    topic: str  # "1"
    subtopic: str  # "ecb" or "ecbplus"
    path: str  # "1_ecbplus/1_10ecbplus.txt", relative to the corpus and to a scan folder
    url: str | None
    domain: str | None
    gold_lines: tuple[int, ...]  # lines whose annotation is exhaustive
    text: str

    @property
    def outlet(self) -> str:
        """The web domain, or a pseudo-outlet of its own for an article without one."""
        return self.domain or f"ecb-{self.name}"

    @property
    def folder(self) -> str:
        """The topic-and-subtopic folder: one real-world event."""
        return f"{self.topic}_{self.subtopic}"

    @property
    def published(self) -> date | None:
        """The date in the URL (``/2013/05/03/`` or ``/2013/may/03/``), if any."""
        match = _URL_DATE.search(self.url or "")
        if match is None:
            return None
        year, month, day = match.groups()
        number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
        if number is None:
            return None
        try:
            return date(int(year), number, int(day))
        except ValueError:
            return None

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.text)


@dataclass(frozen=True)
class Mention:
    """One gold mention: a document, a 0-based line and character offsets inside it."""

    cluster: str
    doc: str
    line: int
    start: int
    end: int
    text: str
    tag: str
    gold_sent: bool


@dataclass(frozen=True)
class GoldCluster:
    """A gold cross-document cluster of event (or entity) mentions."""

    id: str
    topic: str
    type: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Corpus:
    """Everything read from corpora/ecbplus."""

    docs: dict[str, Doc]
    events: tuple[GoldCluster, ...]
    entities: tuple[GoldCluster, ...]

    @property
    def topics(self) -> list[str]:
        return sorted({d.topic for d in self.docs.values()}, key=int)

    def docs_of(self, topics: Iterable[str]) -> list[Doc]:
        wanted = set(topics)
        return [d for d in self.docs.values() if d.topic in wanted]


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line."""
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    return starts


def load_corpus(root: Path = CORPUS) -> Corpus:
    """Read docs.jsonl, the article texts and both gold cluster files."""
    docs: dict[str, Doc] = {}
    for row in _jsonl(root / "docs.jsonl"):
        text = (root / row["path"]).read_text(encoding="utf-8")
        docs[row["doc"]] = Doc(
            name=row["doc"],
            topic=str(row["topic"]),
            subtopic=row["subtopic"],
            path=row["path"],
            url=row.get("url"),
            domain=row.get("domain"),
            gold_lines=tuple(row.get("gold_sentences") or ()),
            text=text,
        )
    return Corpus(
        docs=docs,
        events=_clusters(root / "gold_events.jsonl"),
        entities=_clusters(root / "gold_entities.jsonl"),
    )


def _jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _clusters(path: Path) -> tuple[GoldCluster, ...]:
    clusters = []
    for row in _jsonl(path):
        mentions = tuple(
            Mention(
                cluster=row["cluster_id"],
                doc=m["doc"],
                line=m["sent"],
                start=m["chars"][0],
                end=m["chars"][1],
                text=m["text"],
                tag=m["tag"],
                gold_sent=bool(m["gold_sent"]),
            )
            for m in row["mentions"]
        )
        clusters.append(GoldCluster(row["cluster_id"], str(row["topic"]), row["type"], mentions))
    return tuple(clusters)


def write_scan_folder(
    dest: Path, docs: Sequence[Doc], texts: Mapping[str, str] | None = None
) -> Path:
    """Copy ``docs`` (with ``texts`` replacing some by name) under ``dest`` with a claims.yaml."""
    texts = texts or {}
    dest.mkdir(parents=True, exist_ok=True)
    sources: dict[str, dict[str, object]] = {}
    for doc in sorted(docs, key=lambda d: d.path):
        target = dest / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(texts.get(doc.name, doc.text), encoding="utf-8")
        meta: dict[str, object] = {"outlet": doc.outlet}
        if doc.published is not None:
            meta["published"] = doc.published.isoformat()
        if doc.url:
            meta["url"] = doc.url
        sources[doc.path] = meta
    header = "# ECB+ articles for evaluation (CC BY 3.0, see corpora/README.md); generated.\n"
    body = yaml.safe_dump({"sources": sources}, sort_keys=True, allow_unicode=True)
    (dest / "claims.yaml").write_text(header + body, encoding="utf-8")
    return dest


def doc_name(source_id: str) -> str:
    """The corpus name of a scanned file: ``1_ecbplus/1_10ecbplus.txt`` -> ``1_10ecbplus``."""
    return Path(source_id.split("#")[0]).stem
