"""Properties: no file content makes read_source raise, and what it returns is well formed."""

from __future__ import annotations

import codecs
import hashlib
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.config import Config
from claimcheck.model import Skipped, Source
from claimcheck.sources import SUPPORTED_EXTENSIONS, read_source
from claimcheck.sources.metadata import glob_matches, text_meta

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PREFIXES = st.sampled_from(
    [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"---\n", b"{", b"<html>"]
)


def read_bytes(raw: bytes, extension: str) -> tuple[list[Source], list[Skipped], list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{extension}"
        path.write_bytes(raw)
        return read_source(path, project_root=Path(folder), config=Config(max_file_bytes=4096))


def check(result: tuple[list[Source], list[Skipped], list[str]], extension: str) -> None:
    sources, skipped, warnings = result
    for source in sources:
        assert source.id.startswith(f"article{extension}")
        assert source.text.strip()
        assert "\r" not in source.text and "\x00" not in source.text
        assert source.sha256 == hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    for entry in skipped:
        assert entry.path.startswith(f"article{extension}")
        assert "\n" not in entry.reason
        assert not entry.reason.startswith("internal error"), entry.reason
    for warning in warnings:
        assert "\n" not in warning
    assert sources or skipped  # every file is either read or explained


@SETTINGS
@given(
    prefix=PREFIXES,
    body=st.binary(max_size=600),
    extension=st.sampled_from([e for e in SUPPORTED_EXTENSIONS if e not in (".html", ".htm")]),
)
def test_arbitrary_bytes_never_raise(prefix: bytes, body: bytes, extension: str) -> None:
    check(read_bytes(prefix + body, extension), extension)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=PREFIXES, body=st.binary(max_size=600), extension=st.sampled_from([".html", ".htm"]))
def test_arbitrary_bytes_as_html_never_raise(prefix: bytes, body: bytes, extension: str) -> None:
    check(read_bytes(prefix + body, extension), extension)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_as_html_never_raises(text: str) -> None:
    check(read_bytes(f"<html><body><p>{text}</p></body></html>".encode(), ".html"), ".html")


@SETTINGS
@given(st.text(max_size=400), st.sampled_from([".txt", ".md"]))
def test_arbitrary_text_never_raises(text: str, extension: str) -> None:
    check(read_bytes(text.encode("utf-8", "surrogatepass"), extension), extension)


@SETTINGS
@given(st.text(max_size=200), st.text(max_size=100))
def test_arbitrary_front_matter_never_raises(header: str, body: str) -> None:
    raw = f"---\n{header}\n---\n{body}".encode("utf-8", "surrogatepass")
    check(read_bytes(raw, ".md"), ".md")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
ARTICLE_OBJECTS = st.fixed_dictionaries(
    {},
    optional={
        "text": JSON_VALUES,
        "outlet": JSON_VALUES,
        "published": JSON_VALUES | st.dates().map(str) | st.datetimes().map(str),
        "title": JSON_VALUES,
        "url": JSON_VALUES,
        "id": JSON_VALUES,
    },
)


@SETTINGS
@given(st.lists(ARTICLE_OBJECTS | JSON_VALUES, min_size=1, max_size=4))
def test_arbitrary_json_never_raises(values: list[object]) -> None:
    check(read_bytes(json.dumps(values[0]).encode(), ".json"), ".json")
    lines = "\n".join(json.dumps(value) for value in values)
    check(read_bytes(lines.encode(), ".jsonl"), ".jsonl")


@SETTINGS
@given(st.text(max_size=200))
def test_text_meta_never_raises(text: str) -> None:
    text_meta(text)


@SETTINGS
@given(st.text(max_size=30), st.text(max_size=30))
def test_globs_never_raise(pattern: str, name: str) -> None:
    glob_matches(pattern, [name])
