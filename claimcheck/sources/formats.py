"""Decoded file text -> articles, one parser per format, each with the metadata the file carries."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from claimcheck.sources.decode import clean_text
from claimcheck.sources.metadata import Meta, NotADate, parse_published

# htmldate options: read dates from meta tags and markup only, never guess from the prose.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
# Fewer words than this is what the extractor falls back to on a page with no article:
# a menu ("Home Sports"), never a story.
MIN_HTML_WORDS = 5
_FRONT_OPEN = re.compile(r"\A---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Article:
    """One article found in a file.

    ``suffix`` is appended to the file's id ("" for a whole file, "#3" for line 3
    of a .jsonl); ``keys`` are further names a claims.yaml pattern may use
    ("#wire-0042" for a JSON ``id`` field).
    """

    suffix: str
    text: str
    meta: Meta
    keys: tuple[str, ...] = ()


@dataclass
class Parsed:
    """What one file gave: articles, parts skipped and warnings, each keyed by suffix."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: a bad date is one warning, not a lost header."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_text(text: str) -> Parsed:
    """Read a .txt file as one article; its metadata comes from claims.yaml and its dateline."""
    return Parsed(articles=[Article("", text, Meta())])


def parse_markdown(text: str) -> Parsed:
    """Read a .md file: optional YAML front matter between ``---`` lines, then the article.

    ``Source.text`` is what follows the front matter, so offsets count from there.
    """
    parsed = Parsed()
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        parsed.articles.append(Article("", text, Meta()))
        return parsed
    closing = _FRONT_CLOSE.search(text, opening.end())
    if closing is None:
        parsed.warnings.append(("", "front matter opened with --- is never closed, read as text"))
        parsed.articles.append(Article("", text, Meta()))
        return parsed
    header = text[opening.end() : closing.start()]
    body = text[closing.end() + 1 :]
    meta = Meta()
    try:
        loaded = yaml.load(header, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        parsed.warnings.append(("", f"front matter is not valid YAML{where}, ignored"))
        loaded = None
    if isinstance(loaded, Mapping):
        meta, notes = meta_from_fields(loaded)
        parsed.warnings.extend(("", note) for note in notes)
    elif loaded is not None:
        parsed.warnings.append(("", "front matter is not a mapping of key: value, ignored"))
    if not body.strip():
        parsed.skipped.append(("", "no text after the front matter"))
    else:
        parsed.articles.append(Article("", body, meta))
    return parsed


def parse_html(text: str) -> Parsed:
    """Extract a saved web page's main text (no navigation, scripts, comments) and meta tags."""
    import trafilatura  # imported here: it takes a noticeable time to load
    from trafilatura.settings import Document

    try:
        document = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,  # readers' comments are not the outlet's claims
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 - its failure modes are undocumented; skip the page
        return Parsed(skipped=[("", f"could not parse the HTML ({type(exc).__name__})")])
    if not isinstance(document, Document):
        return Parsed(skipped=[("", "no article text found in the HTML")])
    body = clean_text(document.text or "")
    if len(body.split()) < MIN_HTML_WORDS:
        return Parsed(skipped=[("", "no article text found in the HTML")])
    page = {
        "outlet": document.sitename,
        "published": document.date,
        "title": document.title,
        "url": document.url,
    }
    meta, notes = meta_from_fields(page)
    return Parsed(articles=[Article("", body, meta)], warnings=[("", note) for note in notes])


def parse_json(text: str) -> Parsed:
    """Read a .json file: one article object with ``text`` and optional metadata fields."""
    parsed = Parsed()
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        parsed.skipped.append(("", f"not valid JSON: {_json_problem(exc)}"))
        return parsed
    _add_object(parsed, "", value, several="use .jsonl for one article per line")
    return parsed


def parse_jsonl(text: str) -> Parsed:
    """Read a .jsonl file: one article object per line; blank lines are ignored."""
    parsed = Parsed()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        suffix = f"#{number}"
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            parsed.skipped.append((suffix, f"not valid JSON: {_json_problem(exc)}"))
            continue
        _add_object(parsed, suffix, value, several="write one article object per line")
    return parsed


def _json_problem(exc: BaseException) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split("\n")[0]


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "null"


def _add_object(parsed: Parsed, suffix: str, value: Any, *, several: str) -> None:
    if not isinstance(value, dict):
        expected = 'expected an object with a "text" field'
        if isinstance(value, list):
            parsed.skipped.append((suffix, f"{expected}, got a list ({several})"))
        else:
            parsed.skipped.append((suffix, f"{expected}, got {_json_kind(value)}"))
        return
    text = value.get("text")
    if text is None:
        parsed.skipped.append((suffix, 'no "text" field'))
        return
    if not isinstance(text, str):
        parsed.skipped.append((suffix, f'"text" must be a string, got {type(text).__name__}'))
        return
    text = clean_text(text)
    if not text.strip():
        parsed.skipped.append((suffix, '"text" is empty'))
        return
    meta, notes = meta_from_fields(value)
    parsed.warnings.extend((suffix, note) for note in notes)
    ident = value.get("id")
    keys = (f"#{ident}",) if isinstance(ident, (str, int)) and not isinstance(ident, bool) else ()
    parsed.articles.append(Article(suffix, text, meta, keys))


def meta_from_fields(values: Mapping[Any, Any]) -> tuple[Meta, list[str]]:
    """``outlet``, ``published``, ``title`` and ``url`` from a mapping, with notes on bad ones."""
    notes: list[str] = []

    def text_field(name: str) -> str | None:
        value = values.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            notes.append(f"{name} must be text, got {type(value).__name__}; ignored")
            return None
        return " ".join(clean_text(str(value)).split()) or None

    published = None
    try:
        published = parse_published(values.get("published"))
    except NotADate as exc:
        notes.append(f"published {_short(str(exc))}, ignored (write YYYY-MM-DD)")
    meta = Meta(text_field("outlet"), published, text_field("title"), text_field("url"))
    return meta, notes


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


PARSERS: dict[str, Callable[[str], Parsed]] = {
    ".txt": parse_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".json": parse_json,
    ".jsonl": parse_jsonl,
}
