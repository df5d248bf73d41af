"""The baseline: statuses by fingerprint and count, the exit rule, and claims.yaml updates."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.baseline import (
    BASELINED,
    NEW,
    BaselineChange,
    FailOn,
    GateResult,
    apply_baseline,
    update_baseline,
)
from claimcheck.config import BaselineEntry, Config, parse_config
from claimcheck.errors import ClaimcheckError, ExitCode
from claimcheck.model import Conflict, ConflictKind, Report, Severity

from .report.factories import conflict, report, side

FP_A = "aaaaaaaaaaaaaaaa"
FP_B = "bbbbbbbbbbbbbbbb"
FP_C = "cccccccccccccccc"
FP_OLD = "0ddba11c0ffee001"


def finding(
    fingerprint: str,
    severity: Severity = Severity.CONTRADICTION,
    *,
    kind: ConflictKind = ConflictKind.DATE,
    values: tuple[str, str] = ("2016-11", "2016-12"),
    summary: str = "The meeting month differs.",
    status: str = NEW,
) -> Conflict:
    return conflict(
        kind,
        side(values[0], values[0]),
        side(values[1], values[1]),
        fingerprint=fingerprint,
        summary=summary,
        severity=severity,
        status=status,
    )


def config_with(*entries: BaselineEntry) -> Config:
    return Config(path=Path("claims.yaml"), baseline=entries)


def statuses(rep: Report) -> list[tuple[str, str]]:
    return [(c.fingerprint, c.status) for c in rep.conflicts]


# --------------------------------------------------------------------------- apply_baseline


def test_listed_fingerprints_are_baselined_others_new() -> None:
    rep = report((), (finding(FP_A), finding(FP_B)))
    applied = apply_baseline(rep, config_with(BaselineEntry(FP_A)))
    assert statuses(applied) == [(FP_A, BASELINED), (FP_B, NEW)]
    assert applied.stale == ()


def test_a_second_copy_beyond_the_count_is_new() -> None:
    rep = report((), (finding(FP_A), finding(FP_A)))
    applied = apply_baseline(rep, config_with(BaselineEntry(FP_A)))
    assert statuses(applied) == [(FP_A, BASELINED), (FP_A, NEW)]


def test_count_acknowledges_that_many_copies() -> None:
    rep = report((), (finding(FP_A),) * 3)
    two = apply_baseline(rep, config_with(BaselineEntry(FP_A, count=2)))
    assert [c.status for c in two.conflicts] == [BASELINED, BASELINED, NEW]
    three = apply_baseline(rep, config_with(BaselineEntry(FP_A, count=3)))
    assert [c.status for c in three.conflicts] == [BASELINED] * 3


def test_entries_repeating_a_fingerprint_add_up() -> None:
    rep = report((), (finding(FP_A),) * 3)
    applied = apply_baseline(rep, config_with(BaselineEntry(FP_A), BaselineEntry(FP_A, count=2)))
    assert [c.status for c in applied.conflicts] == [BASELINED] * 3


def test_statuses_are_recomputed_not_trusted() -> None:
    rep = report((), (finding(FP_A, status=BASELINED),))
    assert statuses(apply_baseline(rep, config_with())) == [(FP_A, NEW)]


def test_stale_lists_baselined_fingerprints_no_longer_found_sorted() -> None:
    rep = report((), (finding(FP_B),))
    config = config_with(BaselineEntry(FP_C), BaselineEntry(FP_B), BaselineEntry(FP_A))
    assert apply_baseline(rep, config).stale == (FP_A, FP_C)


def test_apply_baseline_leaves_the_input_alone() -> None:
    rep = report((), (finding(FP_A),))
    apply_baseline(rep, config_with(BaselineEntry(FP_A), BaselineEntry(FP_B)))
    assert rep.conflicts[0].status == NEW
    assert rep.stale == ()


# --------------------------------------------------------------------------- the gate


def gate(
    *conflicts: Conflict,
    stale: tuple[str, ...] = (),
    strict: bool = False,
    fail_on: FailOn = FailOn.CONTRADICTION,
) -> GateResult:
    return GateResult.from_report(
        report((), conflicts, stale=stale), strict=strict, fail_on=fail_on
    )


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (gate(), ExitCode.OK),
        (gate(finding(FP_A)), ExitCode.NEW_CONTRADICTIONS),
        (gate(finding(FP_A, Severity.DISPUTE)), ExitCode.NEW_CONTRADICTIONS),
        (gate(finding(FP_A, status=BASELINED)), ExitCode.OK),
        (gate(finding(FP_A, Severity.VARIATION)), ExitCode.OK),
        (gate(stale=(FP_OLD,)), ExitCode.OK),
        (gate(stale=(FP_OLD,), strict=True), ExitCode.NEW_CONTRADICTIONS),
        (gate(finding(FP_A, status=BASELINED), strict=True), ExitCode.OK),
        (
            gate(finding(FP_A, Severity.VARIATION), fail_on=FailOn.VARIATION),
            ExitCode.NEW_CONTRADICTIONS,
        ),
        (
            gate(finding(FP_A, Severity.VARIATION, status=BASELINED), fail_on=FailOn.VARIATION),
            ExitCode.OK,
        ),
        (gate(finding(FP_A, status=BASELINED), fail_on=FailOn.VARIATION), ExitCode.OK),
    ],
    ids=[
        "nothing",
        "new contradiction",
        "new dispute",
        "known contradiction",
        "new variation",
        "stale",
        "stale strict",
        "known strict",
        "variation fail-on variation",
        "known variation fail-on variation",
        "known contradiction fail-on variation",
    ],
)
def test_exit_code(result: GateResult, expected: ExitCode) -> None:
    assert result.exit_code is expected


def test_gate_sorts_findings() -> None:
    result = gate(
        finding(FP_A),
        finding(FP_B, Severity.DISPUTE),
        finding(FP_C, Severity.VARIATION),
        finding(FP_OLD, status=BASELINED),
        stale=("0000000000000002",),
    )
    assert [c.fingerprint for c in result.new] == [FP_A, FP_B]
    assert [c.fingerprint for c in result.variations] == [FP_C]
    assert [c.fingerprint for c in result.known] == [FP_OLD]
    assert result.summary == "2 new contradictions, 1 known, 1 stale, 1 new variation"


def test_gate_after_apply_baseline() -> None:
    rep = report((), (finding(FP_A), finding(FP_A)))
    applied = apply_baseline(rep, config_with(BaselineEntry(FP_A)))
    result = GateResult.from_report(applied)
    assert len(result.new) == 1 and len(result.known) == 1
    assert result.exit_code is ExitCode.NEW_CONTRADICTIONS
    assert result.summary == "1 new contradiction, 1 known, 0 stale"


# --------------------------------------------------------------------------- update_baseline

COMMENTED = """\
# claimcheck settings for the newsroom archive
sources:
  wire/*.txt:
    outlet: Wire   # until each file says otherwise
matching:
    threshold: 0.6     # raised after the March review

baseline:
  # acknowledged by the desk on 2024-03-02
  - fingerprint: aaaaaaaaaaaaaaaa
    kind: date
    summary: "Meeting month: November or December"
    values: ['2016-11', '2016-12']
    note: >-
      The AP story was corrected the next day;
      both versions are archived on purpose.
    count: 1   # one copy per outlet pair
  - fingerprint: 0ddba11c0ffee001  # the old election story
    note: 'kept for the audit'
# keep this line last
"""


def write(tmp_path: Path, text: str, name: str = "claims.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_update_keeps_notes_and_comments(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    rep = report((), (finding(FP_A), finding(FP_OLD), finding(FP_B, values=("46", "45"))))
    change = update_baseline(path, rep, prune=False)

    assert [c.fingerprint for c in change.added] == [FP_B]
    assert [e.fingerprint for e in change.kept] == [FP_A, FP_OLD]
    assert change.pruned == ()
    expected = COMMENTED.replace(
        "# keep this line last\n",
        "  - fingerprint: bbbbbbbbbbbbbbbb\n"
        "    kind: date\n"
        "    summary: The meeting month differs.\n"
        "    values: ['45', '46']\n"
        "    note: ''\n"
        "    count: 1\n"
        "# keep this line last\n",
    )
    assert path.read_text(encoding="utf-8") == expected
    entries = parse_config(expected, path=path).baseline
    assert entries[0].note == (
        "The AP story was corrected the next day; both versions are archived on purpose."
    )
    assert entries[2].values == ("45", "46")


def test_update_twice_is_byte_identical(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    rep = report((), (finding(FP_A), finding(FP_B), finding(FP_C, Severity.DISPUTE)))
    first = update_baseline(path, rep, prune=False)
    after_first = path.read_bytes()
    second = update_baseline(path, rep, prune=False)
    assert first.changed and not second.changed
    assert second.added == ()
    assert path.read_bytes() == after_first


def test_update_leaves_the_file_untouched_when_nothing_is_new(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    os.utime(path, (1_000_000, 1_000_000))
    change = update_baseline(path, report((), (finding(FP_A),)), prune=False)
    assert not change.changed
    assert path.stat().st_mtime == 1_000_000
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_update_adds_new_contradictions_and_disputes_but_not_variations(tmp_path: Path) -> None:
    path = write(tmp_path, "baseline: []\n")
    rep = report(
        (),
        (
            finding(FP_A),
            finding(FP_B, Severity.DISPUTE),
            finding(FP_C, Severity.VARIATION),
        ),
    )
    change = update_baseline(path, rep, prune=False)
    assert [c.fingerprint for c in change.added] == [FP_A, FP_B]
    listed = [e.fingerprint for e in parse_config(path.read_text(), path=path).baseline]
    assert listed == [FP_A, FP_B]

    with_variations = update_baseline(path, rep, prune=False, include_variations=True)
    assert [c.fingerprint for c in with_variations.added] == [FP_C]


def test_a_second_copy_raises_the_count_in_place(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    rep = report((), (finding(FP_A), finding(FP_A), finding(FP_OLD), finding(FP_OLD)))
    change = update_baseline(path, rep, prune=False)
    assert [c.fingerprint for c in change.added] == [FP_A, FP_OLD]
    expected = COMMENTED.replace(
        "    count: 1   # one copy per outlet pair\n", "    count: 2   # one copy per outlet pair\n"
    ).replace("    note: 'kept for the audit'\n", "    note: 'kept for the audit'\n    count: 2\n")
    assert path.read_text(encoding="utf-8") == expected
    config = parse_config(expected, path=path)
    assert statuses(apply_baseline(rep, config)) == [
        (FP_A, BASELINED),
        (FP_A, BASELINED),
        (FP_OLD, BASELINED),
        (FP_OLD, BASELINED),
    ]


def test_new_copies_of_one_fingerprint_make_one_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    update_baseline(path, report((), (finding(FP_B),) * 3), prune=False)
    entries = parse_config(path.read_text(), path=path).baseline
    assert [(e.fingerprint, e.count) for e in entries] == [(FP_B, 3)]


def test_stale_entries_stay_without_prune(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    change = update_baseline(path, report((), (finding(FP_A),)), prune=False)
    assert not change.changed
    assert [e.fingerprint for e in change.kept] == [FP_A, FP_OLD]
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_prune_removes_only_the_stale_entry(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    change = update_baseline(path, report((), (finding(FP_A),)), prune=True)
    assert [e.fingerprint for e in change.pruned] == [FP_OLD]
    assert [e.fingerprint for e in change.kept] == [FP_A]
    expected = COMMENTED.replace(
        "  - fingerprint: 0ddba11c0ffee001  # the old election story\n"
        "    note: 'kept for the audit'\n",
        "",
    )
    assert path.read_text(encoding="utf-8") == expected
    assert update_baseline(path, report((), (finding(FP_A),)), prune=True).changed is False


def test_prune_and_add_in_one_run(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    update_baseline(path, report((), (finding(FP_C),)), prune=True)
    entries = parse_config(path.read_text(), path=path).baseline
    assert [e.fingerprint for e in entries] == [FP_C]
    text = path.read_text(encoding="utf-8")
    assert "# acknowledged by the desk on 2024-03-02" in text  # comments outlive entries
    assert text.endswith("    count: 1\n# keep this line last\n")


def test_pruning_every_entry_leaves_a_valid_empty_baseline(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    update_baseline(path, report((), ()), prune=True)
    text = path.read_text(encoding="utf-8")
    assert (
        "baseline: []\n  # acknowledged by the desk on 2024-03-02\n# keep this line last\n" in text
    )
    assert parse_config(text, path=path).baseline == ()
    update_baseline(path, report((), (finding(FP_B),)), prune=True)
    assert [e.fingerprint for e in parse_config(path.read_text(), path=path).baseline] == [FP_B]


def test_claims_yaml_is_created_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    change = update_baseline(path, report((), (finding(FP_A),)), prune=False)
    assert change.created and change.changed
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# claimcheck:")
    assert text.endswith(
        "baseline:\n"
        "  - fingerprint: aaaaaaaaaaaaaaaa\n"
        "    kind: date\n"
        "    summary: The meeting month differs.\n"
        "    values: [2016-11, 2016-12]\n"
        "    note: ''\n"
        "    count: 1\n"
    )
    assert [e.fingerprint for e in parse_config(text, path=path).baseline] == [FP_A]
    again = update_baseline(path, report((), (finding(FP_A),)), prune=False)
    assert not again.changed and not again.created


def test_an_empty_run_still_creates_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    update_baseline(path, report((), ()), prune=False)
    assert parse_config(path.read_text(), path=path).baseline == ()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "matching:\n  threshold: 0.5\n",
        "matching:\n  threshold: 0.5",  # no final newline
        "baseline: ~   # none yet\nmatching:\n  threshold: 0.5\n",
        "baseline: []\n",
        "baseline:\n- fingerprint: cccccccccccccccc\n",  # dash at the key's column
        "baseline:\n    -   fingerprint: cccccccccccccccc\n        note: wide\n",
        "baseline:\n  - {fingerprint: cccccccccccccccc}\n",
        "baseline:\n  - fingerprint: cccccccccccccccc",  # no final newline
        "baseline:\n- fingerprint: cccccccccccccccc\nmatching:\n  threshold: 0.5\n",
        "baseline:\n  -\n    fingerprint: cccccccccccccccc\n    values:\n      - a\n      - b\n",
    ],
)
def test_update_works_on_any_layout(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    rep = report((), (finding(FP_A), finding(FP_C), finding(FP_C)))
    update_baseline(path, rep, prune=False)
    updated = path.read_text(encoding="utf-8")
    config = parse_config(updated, path=path)
    assert all(c.status == BASELINED for c in apply_baseline(rep, config).conflicts)
    for line in text.splitlines():
        kept = line.replace("baseline: ~", "baseline:").replace("baseline: []", "baseline:")
        assert kept in updated  # nothing the user wrote is lost, comments included
    assert not update_baseline(path, rep, prune=False).changed


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED.replace("\n", "\r\n"))
    update_baseline(path, report((), (finding(FP_B),)), prune=False)
    data = path.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"  - fingerprint: bbbbbbbbbbbbbbbb\r\n" in data


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"\xef\xbb\xbfbaseline: []\n")
    update_baseline(path, report((), (finding(FP_A),)), prune=False)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfbaseline:\n  - fingerprint: aaaa")


def test_a_flow_style_baseline_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path, "matching:\n  threshold: 0.5\nbaseline: [{fingerprint: cccccccccccccccc}]\n"
    )
    with pytest.raises(ClaimcheckError) as caught:
        update_baseline(path, report((), (finding(FP_A),)), prune=False)
    assert caught.value.code == "E031"
    assert caught.value.line == 3


def test_an_invalid_claims_yaml_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = write(tmp_path, "baseline:\n  - fingerprint: nothex\n")
    with pytest.raises(ClaimcheckError) as caught:
        update_baseline(path, report((), (finding(FP_A),)), prune=False)
    assert caught.value.code == "E011"
    assert path.read_text() == "baseline:\n  - fingerprint: nothex\n"


# --------------------------------------------------------------------------- atomic writes


def test_a_crash_during_the_rename_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, COMMENTED)

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(ClaimcheckError) as caught:
        update_baseline(path, report((), (finding(FP_B),)), prune=False)
    assert caught.value.code == "E030"
    assert "No space left on device" in caught.value.message
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml"]


def test_an_interrupt_during_the_write_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, COMMENTED)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        update_baseline(path, report((), (finding(FP_B),)), prune=False)
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml"]


def test_the_file_mode_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    path.chmod(0o640)
    update_baseline(path, report((), (finding(FP_B),)), prune=False)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_symlinked_claims_yaml_stays_a_symlink(tmp_path: Path) -> None:
    real = write(tmp_path, COMMENTED, name="real.yaml")
    link = tmp_path / "claims.yaml"
    link.symlink_to(real)
    update_baseline(link, report((), (finding(FP_B),)), prune=False)
    assert link.is_symlink()
    assert FP_B in real.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- properties

summaries = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
)


@settings(max_examples=60, deadline=None)
@given(summary=summaries, value=summaries)
def test_any_summary_and_value_round_trip(
    tmp_path_factory: pytest.TempPathFactory, summary: str, value: str
) -> None:
    path = tmp_path_factory.mktemp("rt") / "claims.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    found = finding(FP_B, summary=summary, values=(value, "other"))
    update_baseline(path, report((), (found,)), prune=False)
    entry = parse_config(path.read_text(encoding="utf-8"), path=path).baseline[-1]
    assert entry.fingerprint == FP_B
    assert entry.summary == " ".join(summary.split())
    assert " ".join(value.split()) in entry.values


def test_baseline_change_reports_what_it_did() -> None:
    change = BaselineChange(added=(), kept=(BaselineEntry(FP_A),), pruned=())
    assert not change.changed
    assert replace(change, pruned=(BaselineEntry(FP_B),)).changed
