"""The SARIF writer: valid against the official 2.1.0 schema, with exact 1-based regions."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import claimcheck
from claimcheck.model import ConflictKind, Severity
from claimcheck.report import Format, render, sarif
from claimcheck.report import github as github_report
from claimcheck.report import markdown as markdown_report
from claimcheck.report.sarif import TextRegion, text_region

from .factories import (
    AP_TEXT,
    DATE_FP,
    VOTE_FP,
    city_council_report,
    claim,
    conflict,
    report,
    side,
    source,
)

SCHEMA_PATH = Path(__file__).parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
ALL_RULE_CODES = {"DATE", "NUMBER", "AGE", "NEGATION", "ANTONYM", "ATTRIBUTION", "QUOTE"}


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _log(rep: Any) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(sarif.render(rep))
    return parsed


def _errors(validator: Draft202012Validator, log: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(log)
    ]


def test_the_schema_file_is_the_sarif_2_1_0_schema(validator: Draft202012Validator) -> None:
    assert validator.schema["title"] == (
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    )
    # the validator really checks: a log without runs is rejected
    assert _errors(validator, {"version": "2.1.0"})


def test_a_full_report_validates(validator: Draft202012Validator) -> None:
    log = _log(city_council_report())
    assert _errors(validator, log) == []
    assert log["version"] == "2.1.0"


def test_an_empty_report_validates_with_no_results(validator: Draft202012Validator) -> None:
    log = _log(report((), ()))
    assert _errors(validator, log) == []
    assert log["runs"][0]["results"] == []


def test_the_driver_names_the_tool_and_its_version() -> None:
    driver = _log(city_council_report())["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claimcheck"
    assert driver["version"] == claimcheck.__version__


def test_one_rule_per_conflict_rule_with_its_descriptions() -> None:
    rules = _log(city_council_report())["runs"][0]["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} == ALL_RULE_CODES
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert "claimcheck baseline" in rule["help"]["text"]


def test_every_result_points_at_its_rule() -> None:
    run = _log(city_council_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_an_unknown_rule_code_still_gets_a_rule(validator: Draft202012Validator) -> None:
    ap = source("a.txt", "It rained on Monday.\n")
    odd = conflict(
        ConflictKind.DATE,
        side("x", "Monday", claim(ap, "It rained on Monday.")),
        fingerprint="abcdefabcdefabcd",
        summary="Odd.",
    )
    odd = replace(odd, rule="WEATHER")
    log = _log(report((ap,), (odd,)))
    assert _errors(validator, log) == []
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[log["runs"][0]["results"][0]["ruleIndex"]]["id"] == "WEATHER"


def test_one_result_per_stated_side_with_the_fingerprint() -> None:
    rep = city_council_report()
    results = _log(rep)["runs"][0]["results"]
    stated = sum(len(s.claims) for c in rep.conflicts for s in c.sides)
    assert len(results) == stated == 10
    date_results = [r for r in results if r["partialFingerprints"]["claimcheck/v1"] == DATE_FP]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in date_results]
    assert uris == ["wire/ap.txt", "wire/reuters.txt"]
    side_keys = {r["partialFingerprints"]["claimcheck/side/v1"] for r in results}
    assert len(side_keys) == len(results)


def test_a_claim_on_line_3_gets_1_based_lines_and_columns() -> None:
    results = _log(city_council_report())["runs"][0]["results"]
    first = results[0]  # AP: "The city council met on Tuesday, Nov. 14, to settle the budget."
    region = first["locations"][0]["physicalLocation"]["region"]
    # AP_TEXT line 1 is the headline, line 2 the dateline; the sentence fills line 3,
    # 63 characters, so the column after its last character is 64.
    assert (region["startLine"], region["startColumn"]) == (3, 1)
    assert (region["endLine"], region["endColumn"]) == (3, 64)
    assert region["charOffset"] == AP_TEXT.index("The city council")
    assert region["snippet"]["text"].startswith("The city council met on Tuesday")


def test_a_claim_that_starts_mid_line_and_wraps_spans_two_lines() -> None:
    results = _log(city_council_report())["runs"][0]["results"]
    vote = [r for r in results if r["partialFingerprints"]["claimcheck/v1"] == VOTE_FP]
    region = vote[1]["locations"][0]["physicalLocation"]["region"]
    # Reuters line 3: a 65-character sentence and a space, then "Council members";
    # the claim ends on line 4 after "voted 6-3 to approve the plan." (30 characters).
    assert region["startLine"] == 3
    assert region["startColumn"] == 67
    assert region["endLine"] == 4
    assert region["endColumn"] == 31


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("ab\ncd\nxyz", "yz", TextRegion(3, 2, 3, 4)),
        ("first\r\nsecond", "second", TextRegion(2, 1, 2, 7)),  # \r\n is one line break
        ("one line", "one", TextRegion(1, 1, 1, 4)),
        ("ends here\n", "here\n", TextRegion(1, 6, 1, 11)),  # last character is the \n
    ],
)
def test_text_region(text: str, part: str, expected: TextRegion) -> None:
    start = text.index(part)
    assert text_region(text, start, start + len(part)) == expected


def test_levels_follow_severity() -> None:
    rep = city_council_report()
    results = _log(rep)["runs"][0]["results"]
    by_fingerprint = {c.fingerprint: c for c in rep.conflicts}
    for result in results:
        severity = by_fingerprint[result["partialFingerprints"]["claimcheck/v1"]].severity
        expected = "note" if severity is Severity.VARIATION else "error"
        assert result["level"] == expected, severity


def test_baseline_state_and_suppression_follow_status() -> None:
    results = _log(city_council_report())["runs"][0]["results"]
    for result in results:
        known = result["partialFingerprints"]["claimcheck/v1"] == VOTE_FP
        assert result["baselineState"] == ("unchanged" if known else "new")
        assert ("suppressions" in result) is known


def test_the_message_names_both_values_and_the_other_article() -> None:
    results = _log(city_council_report())["runs"][0]["results"]
    message = results[0]["message"]["text"]
    assert '"Tuesday, Nov. 14" here' in message
    assert '"Wednesday, Nov. 15" in wire/reuters.txt (Reuters)' in message
    related = results[0]["relatedLocations"]
    assert related[0]["message"]["text"] == 'Reuters says "Wednesday, Nov. 15"'


def test_paths_are_uri_references(validator: Draft202012Validator) -> None:
    odd = source("news desk/50% off.txt", "Prices fell 50%.\n", outlet="Desk")
    other = source("b.txt", "Prices fell 40%.\n")
    found = conflict(
        ConflictKind.NUMBER,
        side("50 percent", "50%", claim(odd, "Prices fell 50%.")),
        side("40 percent", "40%", claim(other, "Prices fell 40%.")),
        fingerprint="0123012301230123",
        summary="The discount differs.",
    )
    log = _log(report((odd, other), (found,)))
    assert _errors(validator, log) == []
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "news%20desk/50%25%20off.txt"


@pytest.mark.parametrize(
    ("fmt", "writer"),
    [
        (Format.SARIF, sarif.render),
        (Format.GITHUB, github_report.render),
        (Format.MARKDOWN, markdown_report.render),
    ],
)
def test_the_format_registry_maps_the_ci_formats(fmt: Format, writer: Any) -> None:
    rep = city_council_report()
    assert render(rep, fmt) == writer(rep)
