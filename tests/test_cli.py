"""The command line through typer's CliRunner: output, exit codes, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import __version__
from claimcheck.cli import app
from claimcheck.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
runner = CliRunner()

MEETING_SETS = {
    "wire.txt": (
        "date 2021-03-10 HARLOW (AP) — The council met with the developers in November "
        "to review the tower plan. The plan was approved.\n"
    ),
    "herald.txt": "The council met with the developers in November to review the tower plan.\n",
}


def _project(tmp_path: Path, articles: dict[str, str], config: str = "") -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        config or "sources:\n  articles/*.txt: {published: 2021-03-10}\n", encoding="utf-8"
    )
    return folder


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimcheck {__version__}"


@pytest.mark.parametrize("command", ["scan", "check", "baseline", "claims", "explain"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    registered = {c.callback.__name__: c.callback for c in app.registered_commands if c.callback}
    summary = (registered[command].__doc__ or "").strip().splitlines()[0]
    assert summary, f"{command} has no help text"
    assert summary.split(":")[0][:30] in " ".join(result.stdout.split())


def test_scan_seeds_reports_the_meeting_contradiction() -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "claimcheck/report@1"
    dates = [c for c in report["conflicts"] if c["kind"] == "date"]
    assert len(dates) == 1
    sides = {side["display"]: side for side in dates[0]["sides"]}
    assert set(sides) == {"November", "December"}
    november_sources = {Path(c["source"]).name[:3] for c in sides["November"]["claims"]}
    december_sources = {Path(c["source"]).name[:3] for c in sides["December"]["claims"]}
    assert november_sources == {"000", "002"}
    assert december_sources == {"001"}


def test_scan_seeds_offsets_slice_the_quoted_sentences() -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "--format", "json"])
    report = json.loads(result.stdout)
    for conflict in report["conflicts"]:
        for side in conflict["sides"]:
            for claim in side["claims"]:
                text = (ROOT / claim["source"]).read_text(encoding="utf-8")
                assert text[claim["start"] : claim["end"]] == claim["text"]


def test_scan_text_names_both_sides_and_the_summary_goes_to_stderr() -> None:
    result = runner.invoke(app, ["scan", str(SEEDS)])
    assert result.exit_code == 0
    assert "DATE contradiction" in result.stdout
    assert "November" in result.stdout and "December" in result.stdout
    assert "3 sources" in result.stderr
    assert "3 sources" not in result.stdout


def test_check_passes_on_seeds_because_the_conflict_is_acknowledged() -> None:
    result = runner.invoke(app, ["check", str(SEEDS)])
    assert result.exit_code == ExitCode.OK, result.output
    assert "0 new contradictions, 2 known" in result.stderr


def test_check_fails_when_an_article_dates_the_meeting_to_october(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SEEDS, project / "seeds")
    shutil.copy(ROOT / "claims.yaml", project / "claims.yaml")
    (project / "seeds" / "003_october.txt").write_text(
        "Preet Bharara, the U.S. attorney in Manhattan, said he was fired on Saturday after "
        "refusing to resign.\n\n"
        "Attorney General Jeff Sessions had asked the 46 remaining prosecutors appointed by "
        "President Barack Obama for their resignations on Friday.\n\n"
        "President Donald Trump had asked Bharara to stay on as U.S. attorney during an October "
        "meeting at Trump Tower.\n",
        encoding="utf-8",
    )
    with (project / "claims.yaml").open("a", encoding="utf-8") as config:
        config.write("")
    text = (project / "claims.yaml").read_text(encoding="utf-8")
    (project / "claims.yaml").write_text(
        text.replace(
            "sources:\n",
            "sources:\n  seeds/003_october.txt:\n    outlet: Example Daily\n"
            "    published: 2017-03-11\n",
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(project / "seeds")])
    assert result.exit_code == ExitCode.NEW_CONTRADICTIONS, result.output
    assert "October" in result.stdout
    assert "1 new contradiction" in result.stderr


def test_baseline_then_check_passes_and_baseline_is_idempotent(tmp_path: Path) -> None:
    folder = _project(
        tmp_path,
        {
            "a.txt": "The council met with the developers in November to review the tower plan.\n",
            "b.txt": "The council met with the developers in December to review the tower plan.\n",
        },
    )
    assert runner.invoke(app, ["check", str(folder)]).exit_code == ExitCode.NEW_CONTRADICTIONS
    assert runner.invoke(app, ["baseline", str(folder)]).exit_code == 0
    written = (tmp_path / "claims.yaml").read_text(encoding="utf-8")
    assert "fingerprint:" in written
    assert runner.invoke(app, ["check", str(folder)]).exit_code == ExitCode.OK
    assert runner.invoke(app, ["baseline", str(folder)]).exit_code == 0
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8") == written


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("sources: [unclosed\n", "invalid YAML"),
        ("matching:\n  threshold: high\n", "'threshold' must be a number"),
        ("colour: blue\n", "unknown key 'colour'"),
        ("baseline:\n  - fingerprint: nothex\n", "is not a fingerprint"),
        ("sources:\n  ../../etc/passwd: {outlet: x}\n", "outside the project"),
    ],
)
def test_bad_config_is_one_line_and_exit_2(tmp_path: Path, config: str, needle: str) -> None:
    folder = _project(tmp_path, {"a.txt": "The council met on Monday.\n"}, config)
    before = (tmp_path / "claims.yaml").read_text(encoding="utf-8")
    for command in ("scan", "check", "baseline"):
        result = runner.invoke(app, [command, str(folder)])
        assert result.exit_code == ExitCode.USAGE
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert needle in lines[0] and "claims.yaml line" in lines[0]
        assert "Traceback" not in result.output
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8") == before


def test_missing_folder_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "nope")])
    assert result.exit_code == ExitCode.USAGE
    assert "nope" in result.stderr


def test_binary_and_empty_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = _project(tmp_path, MEETING_SETS)
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(folder), "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["stats"]["sources"] == 2
    assert report["stats"]["skipped"] == 2
    assert "image.txt" in result.stderr and "empty.txt" in result.stderr


def test_claims_lists_the_november_meeting_and_the_unmarked_quote() -> None:
    path = SEEDS / "002_b113faa5ca6cd9a2.txt"
    result = runner.invoke(app, ["claims", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "claimcheck/claims@1"
    dated = [
        c
        for c in data["claims"]
        if any(m["kind"] == "date" and m["value"] == "2016-11" for m in c["mentions"])
        and "Trump Tower" in c["text"]
    ]
    assert dated, "the November meeting claim is missing"
    quotes = [
        m
        for c in data["claims"]
        for m in c["mentions"]
        if m["kind"] == "quote" and m["surface"].startswith("I did not resign")
    ]
    assert quotes
    resign = [c for c in data["claims"] if c["text"].startswith("I did not resign")]
    assert resign and "bharara" in resign[0]["attribution"]


def test_explain_shows_every_side_and_the_rule() -> None:
    scan = json.loads(runner.invoke(app, ["scan", str(SEEDS), "--format", "json"]).stdout)
    fingerprint = scan["conflicts"][0]["fingerprint"]
    result = runner.invoke(app, ["explain", fingerprint, str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "rule DATE" in result.stdout
    assert "November" in result.stdout and "December" in result.stdout
    assert "cluster" in result.stdout


def test_explain_unknown_fingerprint_is_exit_2() -> None:
    result = runner.invoke(app, ["explain", "0000000000000000", str(SEEDS)])
    assert result.exit_code == ExitCode.USAGE
    assert "no conflict" in result.stderr


def test_output_writes_the_report_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = runner.invoke(app, ["scan", str(SEEDS), "--format", "json", "--output", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "claimcheck/report@1"


def test_seeds_have_one_contradiction_and_the_fired_or_resigned_dispute() -> None:
    report = json.loads(runner.invoke(app, ["scan", str(SEEDS), "--format", "json"]).stdout)
    contradictions = [c for c in report["conflicts"] if c["severity"] == "contradiction"]
    assert [c["kind"] for c in contradictions] == ["date"]
    disputes = [c for c in report["conflicts"] if c["severity"] == "dispute"]
    assert len(disputes) == 1
    cited = {claim["source"] for side in disputes[0]["sides"] for claim in side["claims"]}
    assert cited == {"seeds/002_b113faa5ca6cd9a2.txt"}
    words = {side["display"] for side in disputes[0]["sides"]}
    assert any("resign" in w for w in words) and any(w in ("fired", "dismissal") for w in words)
