"""Every kind of input through `claimcheck scan`: exit 0, the right files read, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import parse_config
from claimcheck.errors import ClaimcheckError, ExitCode
from tests.sources.support import Corpus
from tests.sources.test_sources_corpus import READ, SKIPPED

runner = CliRunner()


def test_the_fixture_folder_scans_with_exit_0_and_lists_what_it_skipped(corpus: Corpus) -> None:
    result = runner.invoke(app, ["scan", str(corpus.root), "--format", "json", "--no-cache"])
    assert result.exit_code == ExitCode.OK, result.output
    report = json.loads(result.stdout)
    expected = sorted(READ + ([] if corpus.locked_is_unreadable else ["locked.txt"]))
    assert sorted(source["id"] for source in report["sources"]) == expected
    skipped = {item["path"]: item["reason"] for item in report["skipped"]}
    for path, reason in SKIPPED:
        if path == "locked.txt" and path not in skipped:
            continue  # root can read a 0-permission file
        assert skipped[path].startswith(reason), (path, skipped[path])
    for path in skipped:
        assert path in result.stderr  # one warning line per skipped file
    assert "Traceback" not in result.output


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".json", ".jsonl", ".html"]))
def test_any_bytes_in_any_article_scan_cleanly(tmp_path: Path, content: bytes, ext: str) -> None:
    folder = tmp_path / f"bytes{abs(hash((content, ext)))}"
    folder.mkdir()
    (folder / f"article{ext}").write_bytes(content)
    (folder / "other.txt").write_text("The council met on Monday to approve the plan.\n")
    result = runner.invoke(
        app, ["scan", str(folder), "--format", "json", "--no-cache", "--jobs", "1"]
    )
    assert result.exit_code == ExitCode.OK, result.output
    assert json.loads(result.stdout)["schema"] == "claimcheck/report@1"


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_any_claims_yaml_loads_or_fails_with_a_claimcheck_error(text: str) -> None:
    try:
        parse_config(text, path=Path("claims.yaml"))
    except ClaimcheckError as error:
        assert error.one_line().startswith("[E")
        assert "\n" not in error.one_line()


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "sources:\n",
                "  a.txt: {outlet: X, published: 2020-01-01}\n",
                "  b.txt:\n    published: nope\n",
                "matching:\n  threshold: 0.5\n",
                "matching: [1, 2]\n",
                "baseline:\n",
                "  - fingerprint: 0123456789abcdef\n",
                "    note: fine\n",
                "    count: -1\n",
                "include: '*.txt'\n",
                "max_file_size: 5MB\n",
                "exclude: {a: 1}\n",
                "  - 12\n",
                "- x\n",
                "&anchor a: *anchor\n",
                "!!python/object:os.system ls\n",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_claims_yaml_shaped_text_loads_or_fails_cleanly(text: str) -> None:
    try:
        parse_config(text, path=Path("claims.yaml"))
    except ClaimcheckError as error:
        assert error.code.startswith("E")
