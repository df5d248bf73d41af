"""read_source on one file at a time: formats, encodings, limits and every skip reason."""

from __future__ import annotations

import codecs
import multiprocessing
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from claimcheck.config import Config
from claimcheck.model import Skipped, Source
from claimcheck.sources import read, read_source
from claimcheck.sources.read import human_size, source_id

Write = Callable[[str, "bytes | str"], Path]
Result = tuple[list[Source], list[Skipped], list[str]]


def run(path: Path, config: Config | None = None) -> Result:
    return read_source(path, project_root=path.parent, config=config or Config())


def only(result: Result) -> Source:
    sources, skipped, _ = result
    assert skipped == []
    assert len(sources) == 1
    return sources[0]


def reasons(result: Result) -> list[tuple[str, str]]:
    return [(entry.path, entry.reason) for entry in result[1]]


# --------------------------------------------------------------------------- plain text


def test_plain_text_is_read_as_is(write: Write) -> None:
    source = only(run(write("a.txt", "The mayor resigned on Tuesday.\n")))
    assert source.id == "a.txt"
    assert source.text == "The mayor resigned on Tuesday.\n"
    assert (source.outlet, source.published, source.title, source.url) == (None,) * 4


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),  # Windows
        (b"one\rtwo\r", "one\ntwo\n"),  # old Mac
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),  # mixed in one file
    ],
)
def test_line_endings_are_normalized_to_lf(write: Write, raw: bytes, text: str) -> None:
    assert only(run(write("a.txt", raw))).text == text


@pytest.mark.parametrize(
    ("raw", "warning"),
    [
        (codecs.BOM_UTF8 + "Caf\u00e9 owners met.".encode(), None),
        (codecs.BOM_UTF16_LE + "Caf\u00e9 owners met.".encode("utf-16-le"), None),
        (codecs.BOM_UTF16_BE + "Caf\u00e9 owners met.".encode("utf-16-be"), None),
        (codecs.BOM_UTF32_LE + "Caf\u00e9 owners met.".encode("utf-32-le"), None),
        ("Caf\u00e9 owners met.".encode("cp1252"), "a.txt: not UTF-8, read as Windows-1252"),
    ],
)
def test_encodings(write: Write, raw: bytes, warning: str | None) -> None:
    sources, skipped, warnings = run(write("a.txt", raw))
    assert skipped == []
    assert sources[0].text == "Caf\u00e9 owners met."
    assert warnings == ([warning] if warning else [])


def test_bytes_windows_1252_leaves_undefined_are_replaced_with_a_warning(write: Write) -> None:
    sources, _, warnings = run(write("a.txt", b"Price: \x80 5 \x81 each"))
    assert sources[0].text == "Price: \u20ac 5 \ufffd each"
    assert warnings == [
        "a.txt: not UTF-8, read as Windows-1252 with undecodable bytes replaced by \ufffd"
    ]


def test_nul_in_the_first_8kb_without_bom_is_binary(write: Write) -> None:
    assert reasons(run(write("a.txt", b"Some text\x00more text"))) == [("a.txt", "binary file")]


def test_nul_after_8kb_is_dropped_not_binary(write: Write) -> None:
    raw = b"word " * 2000 + b"\x00tail"
    source = only(run(write("a.txt", raw)))
    assert "\x00" not in source.text
    assert source.text.endswith("word tail")


def test_mostly_control_bytes_is_binary(write: Write) -> None:
    assert reasons(run(write("a.txt", bytes(range(1, 32)) * 4))) == [("a.txt", "binary file")]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"%PDF-1.7 text-looking start", "binary file (PDF document)"),
        (b"GIF89a looks like text", "binary file (GIF image)"),
        (b"\xff\xd8\xff\xe0 jpeg", "binary file (JPEG image)"),
    ],
)
def test_known_signatures_are_binary(write: Write, raw: bytes, reason: str) -> None:
    assert reasons(run(write("a.txt", raw))) == [("a.txt", reason)]


@pytest.mark.parametrize("raw", [b"", b"   ", b"\n\r\n\t ", codecs.BOM_UTF8 + b"\n"])
def test_empty_and_blank_files(write: Write, raw: bytes) -> None:
    assert reasons(run(write("a.txt", raw))) == [("a.txt", "empty file")]


def test_size_limit(write: Write) -> None:
    config = Config(max_file_bytes=100)
    assert only(run(write("fits.txt", "x" * 100), config)).text == "x" * 100
    assert reasons(run(write("big.txt", "x" * 101), config)) == [
        ("big.txt", "larger than 100 bytes (max_file_size)")
    ]


@pytest.mark.parametrize(
    ("size", "shown"),
    [(5 * 1024 * 1024, "5 MB"), (1536 * 1024, "1.5 MB"), (2048, "2 KB"), (999, "999 bytes")],
)
def test_human_size(size: int, shown: str) -> None:
    assert human_size(size) == shown


@pytest.mark.parametrize(
    ("name", "reason"), [("a.pdf", "unsupported extension .pdf"), ("README", "no file extension")]
)
def test_unsupported_files(write: Write, name: str, reason: str) -> None:
    assert reasons(run(write(name, "Text that would be fine."))) == [(name, reason)]


def test_extensions_are_case_insensitive(write: Write) -> None:
    assert only(run(write("LOUD.TXT", "Shouting headline here."))).id == "LOUD.TXT"


def test_zero_permission_file(write: Write) -> None:
    path = write("locked.txt", "Secret.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user (root) who can read a 0-permission file")
        assert reasons(run(path)) == [("locked.txt", "permission denied")]
    finally:
        path.chmod(0o644)


def test_permission_denied_on_open(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("locked.txt", "Secret.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read, "open", refuse, raising=False)
    assert reasons(run(path)) == [("locked.txt", "permission denied")]


def test_broken_symlink_and_loop(tmp_path: Path) -> None:
    try:
        os.symlink("nowhere.txt", tmp_path / "gone.txt")
        os.symlink("loop.txt", tmp_path / "loop.txt")
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert reasons(run(tmp_path / "gone.txt")) == [("gone.txt", "broken symlink")]
    assert reasons(run(tmp_path / "loop.txt")) == [("loop.txt", "symlink loop")]


def test_a_folder_is_not_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert reasons(run(tmp_path / "folder.txt")) == [("folder.txt", "not a regular file")]


def test_an_unexpected_error_becomes_a_skip_not_a_crash(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(read, "_read", explode)
    assert reasons(run(write("a.txt", "Fine."))) == [
        ("a.txt", "internal error while reading (RuntimeError: boom second line); please report it")
    ]


def test_read_source_runs_in_a_process_pool(write: Write) -> None:
    path = write("a.txt", "date 2020-01-02 A council met.")
    assert pickle.loads(pickle.dumps(read_source)) is read_source
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        remote = pool.submit(read_source, path, project_root=path.parent, config=Config()).result()
    assert remote == run(path)
    assert remote[0][0].published == date(2020, 1, 2)


def test_ids_are_relative_posix_paths(tmp_path: Path) -> None:
    root = tmp_path / "project"
    assert source_id(root / "a" / "b.txt", root) == "a/b.txt"
    assert source_id(tmp_path / "other" / "c.txt", root) == "../other/c.txt"


# --------------------------------------------------------------------------- Markdown


IGNORED = "ignored (write YYYY-MM-DD)"
NO_DAY = "is not a calendar day"
FRONT = "---\noutlet: Daily Fact\npublished: 2020-02-03\ntitle: A title\n---\n"


def test_front_matter_is_metadata_and_not_text(write: Write) -> None:
    source = only(run(write("a.md", FRONT + "Body starts here.\n")))
    assert source.text == "Body starts here.\n"
    assert (source.outlet, source.published, source.title) == (
        "Daily Fact",
        date(2020, 2, 3),
        "A title",
    )


def test_markdown_without_front_matter(write: Write) -> None:
    assert only(run(write("a.markdown", "# Heading\n\nText.\n"))).text == "# Heading\n\nText.\n"


@pytest.mark.parametrize(
    ("header", "warning"),
    [
        ("published: last week\n", f"a.md: published 'last week' is not a date, {IGNORED}"),
        (
            "published: 2020-02-30\n",
            f"a.md: published '2020-02-30' is not a calendar day, {IGNORED}",
        ),
        (
            "published: 2020-13-01\n",
            f"a.md: published '2020-13-01' is not a calendar day, {IGNORED}",
        ),
        ("outlet: [a, b]\n", "a.md: outlet must be text, got list; ignored"),
        ("outlet: 'x\n", "a.md: front matter is not valid YAML (line 3), ignored"),
        ("- a list\n", "a.md: front matter is not a mapping of key: value, ignored"),
    ],
)
def test_bad_front_matter_warns_and_falls_back(write: Write, header: str, warning: str) -> None:
    text = f"---\n{header}---\ndate 2019-05-06 A council met.\n"
    sources, skipped, warnings = run(write("a.md", text))
    assert skipped == []
    assert warnings == [warning]
    assert sources[0].published == date(2019, 5, 6)  # from the dateline instead
    assert sources[0].text == "date 2019-05-06 A council met.\n"


def test_unclosed_front_matter_is_read_as_text(write: Write) -> None:
    sources, _, warnings = run(write("a.md", "---\noutlet: X\nThe council met.\n"))
    assert sources[0].text == "---\noutlet: X\nThe council met.\n"
    assert sources[0].outlet is None
    assert warnings == ["a.md: front matter opened with --- is never closed, read as text"]


def test_front_matter_only(write: Write) -> None:
    assert reasons(run(write("a.md", FRONT))) == [("a.md", "no text after the front matter")]


def test_front_matter_with_crlf(write: Write) -> None:
    source = only(run(write("a.md", FRONT.replace("\n", "\r\n") + "Body.\r\n")))
    assert (source.text, source.outlet) == ("Body.\n", "Daily Fact")


# --------------------------------------------------------------------------- HTML


def test_html_declared_charset_is_honoured(write: Write) -> None:
    page = (
        "<html><head><meta charset='windows-1252'><title>T</title></head><body><article>"
        "<p>The committee said the \u201cfinal\u201d vote would take place in March, "
        "after two public hearings and a review by the city lawyers.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    sources, skipped, warnings = run(write("a.html", page))
    assert skipped == []
    assert warnings == []
    assert "the \u201cfinal\u201d vote" in sources[0].text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
    ],
)
def test_html_without_an_article(write: Write, page: str) -> None:
    assert reasons(run(write("a.htm", page))) == [("a.htm", "no article text found in the HTML")]


def test_html_without_meta_tags_falls_back_to_the_dateline(write: Write) -> None:
    page = (
        "<html><body><article><p>BERLIN (AFP) - The transport minister said on Monday that "
        "the new rail line would open two years late because of tunnel problems.</p>"
        "</article></body></html>"
    )
    source = only(run(write("a.html", page)))
    assert source.outlet == "AFP"
    assert source.text.startswith("BERLIN (AFP) - The transport minister")


# --------------------------------------------------------------------------- JSON


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{", "not valid JSON: Expecting property name enclosed in double quotes at column 2"),
        (
            '[{"text": "a"}]',
            'expected an object with a "text" field, got a list'
            " (use .jsonl for one article per line)",
        ),
        ('"just text"', 'expected an object with a "text" field, got a string'),
        ('{"title": "No body"}', 'no "text" field'),
        ('{"text": 42}', '"text" must be a string, got int'),
        ('{"text": "  \\n "}', '"text" is empty'),
        ("[" * 100_000, "not valid JSON: nested too deeply"),
    ],
)
def test_json_problems(write: Write, content: str, reason: str) -> None:
    assert reasons(run(write("a.json", content))) == [("a.json", reason)]


def test_json_fields_and_warnings(write: Write) -> None:
    content = (
        '{"text": "A ship sank.\\r\\nNo one was hurt. \\ud800", "outlet": 7, '
        '"published": "yesterday", "title": ["x"], "url": "https://x.example/1"}'
    )
    sources, skipped, warnings = run(write("a.json", content))
    assert skipped == []
    assert sources[0].text == "A ship sank.\nNo one was hurt. \ufffd"
    assert (sources[0].outlet, sources[0].published, sources[0].title, sources[0].url) == (
        "7",
        None,
        None,
        "https://x.example/1",
    )
    assert warnings == [
        "a.json: published 'yesterday' is not a date, ignored (write YYYY-MM-DD)",
        "a.json: title must be text, got list; ignored",
    ]


def test_jsonl_gives_one_source_per_line_and_skips_bad_lines(write: Write) -> None:
    lines = [
        '{"text": "First story.", "outlet": "One"}',
        "",
        "not json",
        '{"text": "Fourth story.", "published": "2020-01-05"}',
        '{"title": "no text"}',
    ]
    sources, skipped, warnings = run(write("feed.jsonl", "\n".join(lines) + "\n"))
    assert [(s.id, s.text, s.outlet, s.published) for s in sources] == [
        ("feed.jsonl#1", "First story.", "One", None),
        ("feed.jsonl#4", "Fourth story.", None, date(2020, 1, 5)),
    ]
    assert [(entry.path, entry.reason) for entry in skipped] == [
        ("feed.jsonl#3", "not valid JSON: Expecting value at column 1"),
        ("feed.jsonl#5", 'no "text" field'),
    ]
    assert warnings == []


def test_jsonl_with_only_bad_lines(write: Write) -> None:
    assert reasons(run(write("feed.jsonl", "{}\n"))) == [("feed.jsonl#1", 'no "text" field')]


def test_the_html_extractor_is_imported_only_when_needed() -> None:
    code = "import sys, claimcheck.sources; print('trafilatura' in sys.modules)"
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "False"
