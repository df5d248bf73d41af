"""One folder with a file of every kind: exactly which are read, which skipped and why."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from datetime import date
from pathlib import Path

import pytest

from claimcheck.config import Config
from claimcheck.model import Source
from claimcheck.sources import LoadResult, discover, load_sources, walk
from tests.sources.support import Corpus

READ = [
    "article.json",
    "bom-utf8.txt",
    "council-vote.md",
    "cp1252-quotes.txt",
    "dateline-crlf.txt",
    "ledger-bridge.html",
    "nested/story.txt",
    "utf16-bom.txt",
    "wire.jsonl#1",
    "wire.jsonl#3",
]
SKIPPED = [
    ("blank.txt", "empty file"),
    ("brochure.pdf", "unsupported extension .pdf"),
    ("empty.txt", "empty file"),
    ("gone.txt", "broken symlink"),
    ("locked.txt", "permission denied"),
    ("loop-a.txt", "symlink loop"),
    ("loop-b.txt", "symlink loop"),
    ("nested/cycle", "symlink loop"),
    ("png-renamed.txt", "binary file (PNG image)"),
]


def load(root: Path, config: Config | None = None) -> LoadResult:
    return load_sources(root, project_root=root, config=config or Config())


def by_id(result: LoadResult) -> dict[str, Source]:
    return {source.id: source for source in result.sources}


def test_exactly_these_files_are_read_and_skipped(corpus: Corpus) -> None:
    result = load(corpus.root)
    read, skipped = list(READ), list(SKIPPED)
    if not corpus.locked_is_unreadable:  # root reads a 0-permission file anyway
        read = sorted([*read, "locked.txt"])
        skipped.remove(("locked.txt", "permission denied"))
    assert [source.id for source in result.sources] == read
    assert [(entry.path, entry.reason) for entry in result.skipped] == skipped
    assert result.warnings == ("cp1252-quotes.txt: not UTF-8, read as Windows-1252",)


def test_hidden_gitignored_config_and_cache_are_left_out_silently(corpus: Corpus) -> None:
    result = load(corpus.root)
    mentioned = {source.id for source in result.sources} | {s.path for s in result.skipped}
    for name in (
        ".hidden-note.txt",
        "draft-bridge.txt",
        "claims.yaml",
        ".claimcheck-cache/cached.txt",
        ".gitignore",
    ):
        assert (corpus.root / name).exists()
        assert name not in mentioned


def test_html_keeps_the_article_and_drops_page_furniture(corpus: Corpus) -> None:
    page = by_id(load(corpus.root))["ledger-bridge.html"]
    assert "corrosion in two of its support beams" in page.text
    assert '"We did not expect the damage to be this extensive," Ruiz said.' in page.text
    assert "Ferry service between the east and west docks" in page.text
    for furniture in (
        "NAV_",
        "COOKIE_BANNER",
        "cookie policy",
        "TRACKING_SCRIPT_RAN",
        "trackPageView",
        "FOOTER_COPYRIGHT",
        "RELATED",
        "READER_COMMENT",
        "display: flex",
    ):
        assert furniture not in page.text
    assert page.outlet == "The Lakeside Ledger"
    assert page.published == date(2021, 4, 9)
    assert page.title == "Harbor Street bridge to close for eleven days"
    assert page.url == "https://ledger.example/news/2021/04/harbor-street-bridge"


def test_encodings_are_decoded(corpus: Corpus) -> None:
    sources = by_id(load(corpus.root))
    assert "every \u201ctwenty minutes\u201d during the closure \u2014 twice" in (
        sources["cp1252-quotes.txt"].text
    )
    assert sources["utf16-bom.txt"].text == (
        "Council member Ada Fenn said the inspection was postponed three times \u2014 not twice.\n"
        "She called the delay \u201cavoidable\u201d.\n"
    )
    bom = sources["bom-utf8.txt"]
    assert bom.text.startswith("April 9, 2021\nDrivers")
    assert bom.published == date(2021, 4, 9)


def test_line_endings_become_lf_and_datelines_give_metadata(corpus: Corpus) -> None:
    story = by_id(load(corpus.root))["dateline-crlf.txt"]
    assert story.text == (
        "date 2021-04-08 LAKESIDE (AP) \u2014 Inspectors found corrosion in two beams of the"
        " Harbor Street bridge, officials said Thursday.\n\nThe bridge carries about 14,000"
        " cars a day.\nIts last full inspection was in 2016.\n"
    )
    assert (story.outlet, story.published) == ("AP", date(2021, 4, 8))
    nested = by_id(load(corpus.root))["nested/story.txt"]
    assert nested.outlet == "Reuters"


def test_markdown_text_starts_after_the_front_matter(corpus: Corpus) -> None:
    note = by_id(load(corpus.root))["council-vote.md"]
    assert note.text.startswith("The city council voted 6 to 1 on Friday")
    assert "outlet:" not in note.text
    assert (note.outlet, note.published, note.title, note.url) == (
        "Valley Courier",
        date(2021, 4, 10),
        "Council approves bridge repair funds",
        "https://courier.example/council-bridge",
    )


def test_json_and_jsonl_articles(corpus: Corpus) -> None:
    sources = by_id(load(corpus.root))
    single = sources["article.json"]
    assert single.text.startswith("Repairs to the Harbor Street bridge begin Monday")
    assert (single.outlet, single.published, single.title, single.url) == (
        "Harbor Post",
        date(2021, 4, 9),
        "Bridge repairs begin Monday",
        "https://harborpost.example/7731",
    )
    first, second = sources["wire.jsonl#1"], sources["wire.jsonl#3"]
    assert first.text == "The Harbor Street bridge closes Monday for eleven days of repairs."
    assert (first.outlet, first.published, first.title) == (
        "Metro Wire",
        date(2021, 4, 9),
        "Bridge to close",
    )
    assert (second.outlet, second.published) == (None, date(2021, 4, 10))


def test_sha256_is_of_the_extracted_text(corpus: Corpus) -> None:
    for source in load(corpus.root).sources:
        assert source.sha256 == hashlib.sha256(source.text.encode("utf-8")).hexdigest()


def test_same_result_whatever_the_listing_order(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = load(corpus.root)
    real_scandir = os.scandir

    class Shuffled:
        def __init__(self, path: Path) -> None:
            self.listing = real_scandir(path)
            self.entries = list(self.listing)
            random.Random(str(path)).shuffle(self.entries)
            self.entries.reverse()

        def __enter__(self) -> list[os.DirEntry[str]]:
            return self.entries

        def __exit__(self, *exc: object) -> None:
            self.listing.close()

    monkeypatch.setattr(walk.os, "scandir", Shuffled)
    assert load(corpus.root) == expected


def test_ids_do_not_depend_on_where_the_folder_is(corpus: Corpus, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(corpus.root, moved, symlinks=True)
    first, second = load(corpus.root), load(moved)
    assert [s.id for s in first.sources] == [s.id for s in second.sources]
    assert all("\\" not in source.id for source in first.sources)


def test_discover_lists_files_to_read_and_what_it_cannot_walk(corpus: Corpus) -> None:
    paths, skipped = discover(corpus.root, project_root=corpus.root, config=Config())
    names = [path.relative_to(corpus.root).as_posix() for path in paths]
    assert names == [
        "article.json",
        "blank.txt",
        "bom-utf8.txt",
        "council-vote.md",
        "cp1252-quotes.txt",
        "dateline-crlf.txt",
        "empty.txt",
        "ledger-bridge.html",
        "locked.txt",
        "nested/story.txt",
        "png-renamed.txt",
        "utf16-bom.txt",
        "wire.jsonl",
    ]
    assert [(entry.path, entry.reason) for entry in skipped] == [
        ("brochure.pdf", "unsupported extension .pdf"),
        ("gone.txt", "broken symlink"),
        ("loop-a.txt", "symlink loop"),
        ("loop-b.txt", "symlink loop"),
        ("nested/cycle", "symlink loop"),
    ]
