"""Metadata: dates as written, datelines, claims.yaml globs, and which layer wins."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from claimcheck.config import Config, parse_config
from claimcheck.model import Source
from claimcheck.sources import load_sources, read_source
from claimcheck.sources.metadata import NotADate, glob_matches, parse_published, text_meta

Write = Callable[[str, "bytes | str"], Path]


# --------------------------------------------------------------------------- parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-11", date(2017, 3, 11)),
        ("2017-03-11T22:15:00Z", date(2017, 3, 11)),  # date as written, no time-zone shift
        ("2017-03-11 08:00:00+01:00", date(2017, 3, 11)),
        ("March 11, 2017", date(2017, 3, 11)),
        ("Friday, June 7, 2013", date(2013, 6, 7)),
        ("Sept. 3, 2019", date(2019, 9, 3)),
        ("11 March 2017", date(2017, 3, 11)),
        ("  2017-03-11  ", date(2017, 3, 11)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        (datetime(2020, 1, 2, 23, 59), date(2020, 1, 2)),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    ["last week", "2017-02-30", "2017-13-01", "March 32, 2017", "2017", 20170311, True, ["x"]],
)
def test_parse_published_rejects(value: object) -> None:
    with pytest.raises(NotADate):
        parse_published(value)


# --------------------------------------------------------------------------- text headers


@pytest.mark.parametrize(
    ("text", "outlet", "published"),
    [
        # the seeds' form: a date header and a wire dateline on the first line
        (
            " date 2017-03-11 NEW YORK (AP) \u2014 A prosecutor said he was fired.",
            "AP",
            date(2017, 3, 11),
        ),
        ("WASHINGTON (Reuters) - Lawmakers voted on Friday.", "Reuters", None),
        ("LONDON, March 11 (Reuters) - Prices rose.", "Reuters", None),
        ("WASHINGTON, D.C. (AP) \u2014 The agency said.", "AP", None),
        ("(CNN)The senator said on Monday.", "CNN", None),
        ("ST. LOUIS (AP) — The river rose.", "AP", None),
        ("St. Louis (UPI) -- The river rose.", "UPI", None),
        ("SPRINGFIELD (Valley Wire) \u2014 Officials met.", "Valley Wire", None),
        ("Date: 2019-05-06\nThe board met.", None, date(2019, 5, 6)),
        ("Friday, June 7, 2013\n\nThe board met.", None, date(2013, 6, 7)),
        ("Council votes\nBy Ann Lee\nMarch 11, 2017\nThe board met.", None, date(2017, 3, 11)),
        ("Published: 2019-05-06 10:00\nThe board met.", None, date(2019, 5, 6)),
        ("Updated June 8, 2013\nJune 7, 2013\nText.", None, date(2013, 6, 7)),  # not "updated"
        ("Updated June 8, 2013\nText.", None, date(2013, 6, 8)),  # only "updated": better than none
        # numeric header dates, when the day cannot be taken for the month
        ("Iran quake\nPosted 11/27/2005 7:21 AM\nText.", None, date(2005, 11, 27)),
        ("Posted: 27/11/2005 09:00\nText.", None, date(2005, 11, 27)),
        ("POSTED: 04/02/2007, 9:00 PM PDT |\nText.", None, None),  # April 2 or 4 February
        ("Call 11/27/2005 for details\nText.", None, None),  # no label: not a date line
        # no dateline: parentheses without a dash, a date inside a long sentence, too far down
        ("(Updated) The board met.", None, None),
        ("The board met. Later (Reuters) reported it.", None, None),
        (
            "The board, which first met on March 11, 2017 in the old library, voted again today"
            " to keep its meetings open to the public.",
            None,
            None,
        ),
        ("a\nb\nc\nd\ne\nMarch 11, 2017\n", None, None),
        # a short sentence of the story is no date line: a birth date would date the page
        ("Page dies at 85\nPage was born on April 22, 1923, in Nashville.\nText.", None, None),
        ("On Tuesday, Oct. 10, 1972, the city awoke to this news:\nText.", None, None),
        ("Page was born on April 22, 1923.\nApril 9, 2008\nText.", None, date(2008, 4, 9)),
        # labels and times are a header's own words
        ("Posted on: 3:35 pm, December 23, 2012\nText.", None, date(2012, 12, 23)),
        ("Last updated at 11:24, Tuesday, 18 June 2013\nText.", None, date(2013, 6, 18)),
        ("End of Watch: Friday, June 24, 2005\nText.", None, date(2005, 6, 24)),
        ("12:52 p.m. EDT May 2, 2013\nText.", None, date(2013, 5, 2)),
        ("", None, None),
    ],
)
def test_text_meta(text: str, outlet: str | None, published: date | None) -> None:
    found = text_meta(text)
    assert (found.outlet, found.published) == (outlet, published)


# --------------------------------------------------------------------------- globs


@pytest.mark.parametrize(
    ("pattern", "name", "matches"),
    [
        ("a.txt", "a.txt", True),
        ("a.txt", "sub/a.txt", False),  # relative to the folder holding claims.yaml
        ("*.txt", "a.txt", True),
        ("*.txt", "sub/a.txt", False),  # "*" stays in one folder
        ("**/*.txt", "a.txt", True),  # "**" may be no folder at all
        ("**/*.txt", "x/y/a.txt", True),
        ("sub/**", "sub/x/a.txt", True),
        ("sub", "sub/x/a.txt", True),  # a folder covers what is in it
        ("sub", "subway/a.txt", False),
        ("a?.txt", "ab.txt", True),
        ("a?.txt", "a/.txt", False),
        ("[ab].txt", "b.txt", True),
        ("[!ab].txt", "b.txt", False),
        ("[!ab].txt", "c.txt", True),
        ("[z-a].txt", "[z-a].txt", True),  # an invalid class is matched literally
        ("wire.jsonl#3", "wire.jsonl#3", True),
        ("wire.jsonl#3", "wire.jsonl#30", False),
    ],
)
def test_glob_matches(pattern: str, name: str, matches: bool) -> None:
    assert glob_matches(pattern, [name]) is matches


# --------------------------------------------------------------------------- precedence


ARTICLE_MD = """---
outlet: Front Matter Times
published: 2020-02-03
title: Front matter title
---
date 2019-01-01 RIVERTON (AP) \u2014 The dam was inspected on Monday.
"""


def config(root: Path, text: str) -> Config:
    return parse_config(text, path=root / "claims.yaml")


def read_one(path: Path, cfg: Config, project_root: Path | None = None) -> Source:
    sources, skipped, warnings = read_source(
        path, project_root=project_root or path.parent, config=cfg
    )
    assert skipped == [] and warnings == []
    return sources[0]


def test_front_matter_beats_datelines(write: Write, tmp_path: Path) -> None:
    source = read_one(write("story.md", ARTICLE_MD), Config())
    assert (source.outlet, source.published, source.title) == (
        "Front Matter Times",
        date(2020, 2, 3),
        "Front matter title",
    )


def test_datelines_fill_what_the_file_does_not_say(write: Write) -> None:
    text = ARTICLE_MD.replace("outlet: Front Matter Times\n", "").replace(
        "published: 2020-02-03\n", ""
    )
    source = read_one(write("story.md", text), Config())
    assert (source.outlet, source.published, source.title) == (
        "AP",
        date(2019, 1, 1),
        "Front matter title",
    )


def test_claims_yaml_beats_front_matter_field_by_field(write: Write, tmp_path: Path) -> None:
    path = write("story.md", ARTICLE_MD)
    cfg = config(tmp_path, "sources:\n  story.md:\n    outlet: Configured Outlet\n")
    source = read_one(path, cfg)
    assert (source.outlet, source.published, source.title) == (
        "Configured Outlet",  # from claims.yaml
        date(2020, 2, 3),  # from the front matter: claims.yaml does not say
        "Front matter title",
    )


def test_claims_yaml_beats_html_meta_tags(write: Write, tmp_path: Path) -> None:
    page = (
        "<html><head><meta property='og:site_name' content='Meta Site'>"
        "<meta property='article:published_time' content='2021-06-01'></head><body><article>"
        "<p>The regional airport will add two daily flights to the capital from September,"
        " the operator said.</p></article></body></html>"
    )
    path = write("news/page.html", page)
    plain = read_one(path, Config(), tmp_path)
    assert (plain.outlet, plain.published) == ("Meta Site", date(2021, 6, 1))
    cfg = config(tmp_path, "sources:\n  news/*.html:\n    published: 2021-06-02\n")
    configured = read_one(path, cfg, tmp_path)
    assert (configured.outlet, configured.published) == ("Meta Site", date(2021, 6, 2))


def test_the_later_matching_entry_wins(write: Write, tmp_path: Path) -> None:
    path = write("desk/story.md", ARTICLE_MD)
    general_first = (
        "sources:\n  '**/*.md': {outlet: General}\n  desk/story.md: {outlet: Specific}\n"
    )
    specific_first = (
        "sources:\n  desk/story.md: {outlet: Specific}\n  '**/*.md': {outlet: General}\n"
    )
    assert read_one(path, config(tmp_path, general_first), tmp_path).outlet == "Specific"
    assert read_one(path, config(tmp_path, specific_first), tmp_path).outlet == "General"


def test_patterns_are_relative_to_claims_yaml_not_the_scanned_folder(
    write: Write, tmp_path: Path
) -> None:
    path = write("articles/2020/story.txt", "The mill closed.")
    cfg = config(tmp_path, "sources:\n  articles/2020/story.txt: {outlet: Mill News}\n")
    # the pipeline may pass a project root other than the folder holding claims.yaml
    source = read_one(path, cfg, project_root=tmp_path / "articles")
    assert (source.id, source.outlet) == ("2020/story.txt", "Mill News")


def test_jsonl_lines_can_be_named_by_line_or_by_id(write: Write, tmp_path: Path) -> None:
    write(
        "feed.jsonl",
        '{"id": "a-1", "text": "First."}\n{"id": "b-2", "text": "Second."}\n{"text": "Third."}\n',
    )
    cfg = config(
        tmp_path,
        "sources:\n"
        "  feed.jsonl: {outlet: Feed}\n"
        "  'feed.jsonl#2': {outlet: Line Two}\n"
        "  'feed.jsonl#a-1': {published: 2020-05-05}\n",
    )
    result = load_sources(tmp_path, project_root=tmp_path, config=cfg)
    assert [(s.id, s.outlet, s.published) for s in result.sources] == [
        ("feed.jsonl#1", "Feed", date(2020, 5, 5)),
        ("feed.jsonl#2", "Line Two", None),
        ("feed.jsonl#3", "Feed", None),
    ]


def test_bad_published_in_json_warns_and_the_dateline_is_used(write: Write) -> None:
    path = write("a.json", '{"text": "date 2018-08-08 The pier reopened.", "published": "soon"}')
    sources, skipped, warnings = read_source(path, project_root=path.parent, config=Config())
    assert skipped == []
    assert sources[0].published == date(2018, 8, 8)
    assert warnings == ["a.json: published 'soon' is not a date, ignored (write YYYY-MM-DD)"]


def test_bad_published_in_html_meta_warns(write: Write) -> None:
    page = (
        "<html><head><meta property='og:site_name' content='Site'></head><body><article>"
        "<p>The regional airport will add two daily flights to the capital from September,"
        " the operator said.</p></article></body></html>"
    )
    source = read_one(write("a.html", page), Config())
    assert (source.outlet, source.published) == ("Site", None)
