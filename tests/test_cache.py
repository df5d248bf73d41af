"""The cache: hits for unchanged files and runs, misses for any change, no trust in a bad file."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import sqlite3
import zlib
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import cache as cache_module
from claimcheck import pipeline
from claimcheck.cache import (
    CACHE_DIR,
    CACHE_FILE,
    KEEP_RESULTS,
    CacheError,
    ClaimCache,
    Findings,
    decode_claims,
    decode_findings,
    encode_claims,
    encode_findings,
    entry_key,
    result_key,
)
from claimcheck.cli import app
from claimcheck.config import MatchSettings, load_config
from claimcheck.extract import extract_claims
from claimcheck.model import Cluster, Report, Source
from claimcheck.pipeline import ScanOptions, run
from claimcheck.report import Format, render

SET = Path(__file__).parent / "data" / "sets" / "kessel_river_flood"
TEXT = (
    "The council met on Tuesday. Mayor Ana Ruiz said 46 homes were flooded, "
    "and the bridge did not reopen.\n"
)


def _source(text: str = TEXT, **fields: object) -> Source:
    values: dict[str, object] = {
        "id": "a.txt",
        "text": text,
        "sha256": "not checked",
        "published": date(2021, 3, 10),
    }
    values.update(fields)
    return Source(**values)  # type: ignore[arg-type]


class Warnings(list[str]):
    def __call__(self, message: str) -> None:
        self.append(message)


def _cache(tmp_path: Path) -> tuple[ClaimCache, Warnings]:
    warnings = Warnings()
    return ClaimCache(tmp_path / CACHE_DIR, warnings), warnings


def _store(tmp_path: Path, *sources: Source) -> None:
    store, warnings = _cache(tmp_path)
    with store:
        store.put_many((s, encode_claims(extract_claims(s))) for s in sources)
    assert not warnings


def test_a_stored_source_comes_back_equal(tmp_path: Path) -> None:
    source = _source()
    _store(tmp_path, source)
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_many([source, _source(id="b.txt")]) == [extract_claims(source), None]
    assert (store.hits, store.misses, warnings) == (1, 1, [])


@pytest.mark.parametrize(
    "change",
    [
        {"text": TEXT.replace("46", "47")},
        {"published": date(2021, 3, 11)},  # "Tuesday" resolves to another day
        {"published": None},
        {"id": "renamed.txt"},  # claims carry their source's id
        {"outlet": "AP"},
    ],
    ids=["text", "published", "no-date", "id", "outlet"],
)
def test_anything_extraction_reads_changes_the_key(
    tmp_path: Path, change: dict[str, object]
) -> None:
    changed = dataclasses.replace(_source(), **change)  # type: ignore[arg-type]
    assert entry_key(changed) != entry_key(_source())
    _store(tmp_path, _source())
    store, _ = _cache(tmp_path)
    with store:
        assert store.get_many([changed]) == [None]


def test_the_key_ignores_the_loaders_hash_field_and_hashes_the_text_itself() -> None:
    assert entry_key(_source(sha256="x")) == entry_key(_source(sha256="y"))


def test_a_changed_file_replaces_its_entry(tmp_path: Path) -> None:
    _store(tmp_path, _source())
    _store(tmp_path, _source(TEXT.replace("46", "47")))
    with sqlite3.connect(tmp_path / CACHE_DIR / CACHE_FILE) as db:
        assert db.execute("SELECT count(*) FROM claims").fetchone() == (1,)


def test_other_code_empties_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _store(tmp_path, _source())
    monkeypatch.setattr(cache_module, "code_digest", lambda: "2:0000")
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_many([_source()]) == [None]
    assert not warnings


def test_the_folder_is_kept_out_of_git(tmp_path: Path) -> None:
    _store(tmp_path, _source())
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


# --------------------------------------------------------------------------- untrusted files


def _bad_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / CACHE_DIR / CACHE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "garbage":
        path.write_bytes(os.urandom(4096))
    elif kind == "truncated":
        _store(tmp_path, _source())
        path.write_bytes(path.read_bytes()[:1000])
    elif kind == "foreign":
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (body TEXT)")
            db.execute("INSERT INTO notes VALUES ('someone else''s database')")
    elif kind == "other-format":
        _store(tmp_path, _source())
        with sqlite3.connect(path) as db:
            db.execute("UPDATE meta SET value = 'claimcheck/claims-cache@0' WHERE name = 'format'")


@pytest.mark.parametrize("kind", ["garbage", "truncated", "foreign", "other-format"])
def test_a_file_that_is_not_our_cache_is_deleted_with_a_warning(tmp_path: Path, kind: str) -> None:
    _bad_file(tmp_path, kind)
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_many([_source()]) == [None]
        store.put_many([(_source(), encode_claims(extract_claims(_source())))])
    assert len(warnings) == 1 and "deleted and will be rebuilt" in warnings[0], warnings
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_many([_source()]) == [extract_claims(_source())]
    assert not warnings


class _Planted:
    """What a hostile cache entry could ask pickle to call."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _plant(tmp_path: Path, blob: bytes, source: Source) -> None:
    _store(tmp_path, source)
    with sqlite3.connect(tmp_path / CACHE_DIR / CACHE_FILE) as db:
        db.execute("UPDATE claims SET blob = ?", (blob,))


@pytest.mark.parametrize(
    "payload",
    ["code", "not-claims", "other-source", "damaged"],
)
def test_an_entry_that_is_not_this_sources_claims_is_never_used(
    tmp_path: Path, payload: str
) -> None:
    source = _source()
    marker = tmp_path / "ran"
    blobs = {
        "code": zlib.compress(pickle.dumps(_Planted(marker))),
        "not-claims": zlib.compress(pickle.dumps(("a", 1))),
        "other-source": encode_claims(extract_claims(_source(id="b.txt"))),
        "damaged": encode_claims(extract_claims(source))[:-8],
    }
    _plant(tmp_path, blobs[payload], source)
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_many([source]) == [None]
    assert not marker.exists()
    assert len(warnings) == 1 and "damaged" in warnings[0], warnings


def test_decode_names_what_it_refused() -> None:
    with pytest.raises(CacheError, match=r"posix\.system|os\.system"):
        decode_claims(zlib.compress(pickle.dumps(_Planted(Path("x")))), "a.txt")


def test_a_folder_that_cannot_be_created_means_no_cache_and_one_warning(tmp_path: Path) -> None:
    (tmp_path / CACHE_DIR).write_text("a file where the folder should be", encoding="utf-8")
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_many([_source()]) == [None]
        store.put_many([(_source(), b"")])
    assert len(warnings) == 1 and "running without the cache" in warnings[0]


# --------------------------------------------------------------------------- through the pipeline


def _json(folder: Path, **options: object) -> dict[str, object]:
    config = load_config(folder / "claims.yaml")
    report = run(folder, config, ScanOptions(**options))  # type: ignore[arg-type]
    return _without_seconds(render(report, Format.JSON))


def test_a_warm_run_reports_exactly_what_a_cold_one_did(tmp_path: Path) -> None:
    folder = tmp_path / SET.name
    shutil.copytree(SET, folder)
    cold = _json(folder, cache=True)
    assert (folder / CACHE_DIR / CACHE_FILE).is_file()
    assert _json(folder, cache=True) == cold == _json(folder, cache=False)


def test_a_new_publication_date_in_claims_yaml_is_not_served_from_the_cache(
    tmp_path: Path,
) -> None:
    folder = tmp_path / SET.name
    shutil.copytree(SET, folder)
    before = _json(folder, cache=True)
    config = folder / "claims.yaml"
    text = config.read_text(encoding="utf-8")
    moved = text.replace("2024-", "2019-")
    assert moved != text
    config.write_text(moved, encoding="utf-8")
    after = _json(folder, cache=True)
    assert after == _json(folder, cache=False)
    assert after["conflicts"] != before["conflicts"], "the set should have relative dates"


runner = CliRunner()


def test_no_cache_leaves_no_cache_folder(tmp_path: Path) -> None:
    folder = tmp_path / SET.name
    shutil.copytree(SET, folder)
    result = runner.invoke(app, ["scan", str(folder), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not (folder / CACHE_DIR).exists()
    assert runner.invoke(app, ["scan", str(folder), "--format", "json"]).exit_code == 0
    assert (folder / CACHE_DIR / CACHE_FILE).is_file()


def test_the_cli_warns_about_a_corrupted_cache_and_reports_as_usual(tmp_path: Path) -> None:
    folder = tmp_path / SET.name
    shutil.copytree(SET, folder)
    clean = runner.invoke(app, ["scan", str(folder), "--format", "json", "--no-cache"])
    (folder / CACHE_DIR).mkdir()
    (folder / CACHE_DIR / CACHE_FILE).write_bytes(b"not a database" * 100)
    result = runner.invoke(app, ["scan", str(folder), "--format", "json"])
    assert result.exit_code == 0
    assert "warning: " in result.stderr and CACHE_FILE in result.stderr
    assert _without_seconds(result.stdout) == _without_seconds(clean.stdout)


def _without_seconds(text: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(text)
    stats = data["stats"]
    assert isinstance(stats, dict)
    stats.pop("seconds")
    return data


# --------------------------------------------------------------------------- whole runs


def _copy_set(tmp_path: Path) -> Path:
    folder = tmp_path / SET.name
    shutil.copytree(SET, folder)
    return folder


def _run(folder: Path, warnings: Warnings | None = None, **options: object) -> Report:
    config = load_config(folder / "claims.yaml")
    warn = None if warnings is None else warnings.append
    return run(folder, config, ScanOptions(**options), warn=warn)  # type: ignore[arg-type]


def _as_json(report: Report) -> dict[str, object]:
    return _without_seconds(render(report, Format.JSON))


def _stages(report: Report) -> list[str]:
    return [stage for stage, _seconds in report.stats.stage_seconds]


def _stored_runs(folder: Path) -> list[bytes]:
    with sqlite3.connect(folder / CACHE_DIR / CACHE_FILE) as db:
        return [blob for (blob,) in db.execute("SELECT blob FROM results ORDER BY used")]


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("a stored run should have been used")


def _count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Count calls of ``owner.name`` (one entry per call), still calling it."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_an_unchanged_folder_neither_decodes_claims_nor_matches_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_set(tmp_path)
    cold = _run(folder, cache=True)
    assert cold.conflicts, "the set should hold a contradiction"
    assert _stages(cold) == ["load", "cache", "extract", "match", "compare", "store"]
    monkeypatch.setattr(cache_module, "decode_claims", _refuse)
    monkeypatch.setattr(pipeline, "decode_claims", _refuse)
    for name in ("extract_all", "cluster_claims", "find_conflicts", "story_profiles"):
        monkeypatch.setattr(pipeline, name, _refuse)
    warm = _run(folder, cache=True)
    assert _stages(warm) == ["load", "cache"]
    assert _as_json(warm) == _as_json(cold)
    assert (warm.clusters, warm.stats.claims, warm.stats.clusters) == (
        cold.clusters,
        cold.stats.claims,
        cold.stats.clusters,
    )
    assert dataclasses.replace(warm, stats=cold.stats) == cold


def test_no_cache_neither_reads_nor_writes_a_stored_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_set(tmp_path)
    _run(folder, cache=True)
    stored = _stored_runs(folder)
    matched = _count_calls(monkeypatch, pipeline, "cluster_claims")
    report = _run(folder, cache=False)
    assert len(matched) == 1
    assert _stages(report) == ["load", "extract", "match", "compare"]
    assert _stored_runs(folder) == stored


def test_an_edited_file_is_found_again_with_the_others_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_set(tmp_path)
    before = _as_json(_run(folder, cache=True))
    radio = folder / "radio.txt"
    text = radio.read_text(encoding="utf-8")
    assert "emergency on Tuesday night" in text
    edited = text.replace("emergency on Tuesday night", "emergency on Monday night")
    radio.write_text(edited, encoding="utf-8")
    decoded = _count_calls(monkeypatch, cache_module, "decode_claims")
    after = _as_json(_run(folder, cache=True))
    assert len(decoded) == 2, "the two unchanged files' claims come from the cache"
    assert after == _as_json(_run(folder, cache=False))
    assert "2024-06-10" in json.dumps(after) and "2024-06-10" not in json.dumps(before)
    assert len(_stored_runs(folder)) == 2


def test_other_matching_settings_miss_the_stored_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_set(tmp_path)
    _run(folder, cache=True)
    config = folder / "claims.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "matching:\n  threshold: 0.9\n", encoding="utf-8"
    )
    assert load_config(config).matching.threshold == 0.9
    matched = _count_calls(monkeypatch, pipeline, "cluster_claims")
    strict = _run(folder, cache=True)
    assert len(matched) == 1
    _run(folder, cache=True)
    assert len(matched) == 1, "the run with the new threshold is stored in turn"
    assert _as_json(strict) == _as_json(_run(folder, cache=False))


def test_the_key_covers_code_settings_sources_and_their_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = _source(), _source(id="b.txt")
    key = result_key([first, second], MatchSettings())
    assert key == result_key([_source(), _source(id="b.txt")], MatchSettings())
    others = [
        result_key([second, first], MatchSettings()),
        result_key([first], MatchSettings()),
        result_key([first, _source(TEXT.replace("46", "47"), id="b.txt")], MatchSettings()),
        result_key([first, _source(id="b.txt", outlet="AP")], MatchSettings()),
        result_key([first, second], MatchSettings(threshold=0.5)),
        result_key([first, second], MatchSettings(max_block=65)),
    ]
    monkeypatch.setattr(cache_module, "code_digest", lambda: "2:0000")
    others.append(result_key([first, second], MatchSettings()))
    assert len({key, *others}) == len(others) + 1


def test_only_the_most_recently_used_runs_are_kept(tmp_path: Path) -> None:
    assert KEEP_RESULTS == 2
    empty = Findings((), (), 0, 0)
    store, warnings = _cache(tmp_path)
    with store:
        for key in ("a", "b"):
            store.put_result(key, dataclasses.replace(empty, claims=ord(key)))
        assert store.get_result("a", []) == dataclasses.replace(empty, claims=ord("a"))
        store.put_result("c", empty)  # "b" is now the least recently used
        assert store.get_result("b", []) is None
        assert store.get_result("a", []) is not None and store.get_result("c", []) is not None
    assert not warnings
    assert len(_stored_runs(tmp_path)) == 2


def test_a_file_from_before_stored_runs_is_used_as_it_is(tmp_path: Path) -> None:
    _store(tmp_path, _source())
    with sqlite3.connect(tmp_path / CACHE_DIR / CACHE_FILE) as db:
        db.execute("DROP TABLE results")
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_many([_source()]) == [extract_claims(_source())]
        assert store.get_result("a", []) is None
        store.put_result("a", Findings((), (), 0, 0))
        assert store.get_result("a", []) == Findings((), (), 0, 0)
    assert not warnings


def test_other_code_drops_the_stored_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = _cache(tmp_path)
    with store:
        store.put_result("a", Findings((), (), 0, 0))
    monkeypatch.setattr(cache_module, "code_digest", lambda: "2:0000")
    store, warnings = _cache(tmp_path)
    with store:
        assert store.get_result("a", []) is None
    assert not warnings and _stored_runs(tmp_path) == []


@pytest.mark.parametrize("payload", ["damaged", "code", "not-findings", "other-sources"])
def test_a_damaged_stored_run_is_replaced_with_one_warning(tmp_path: Path, payload: str) -> None:
    folder = _copy_set(tmp_path)
    cold = _as_json(_run(folder, cache=True))
    (good,) = _stored_runs(folder)
    marker = tmp_path / "ran"
    elsewhere = extract_claims(_source(id="elsewhere.txt"))
    assert elsewhere
    blobs = {
        "damaged": good[:-8],
        "code": zlib.compress(pickle.dumps(_Planted(marker))),
        "not-findings": zlib.compress(pickle.dumps(((), (), 1))),
        "other-sources": encode_findings(
            Findings((), (Cluster("c1", elsewhere, ()),), len(elsewhere), 1)
        ),
    }
    with sqlite3.connect(folder / CACHE_DIR / CACHE_FILE) as db:
        db.execute("UPDATE results SET blob = ?", (blobs[payload],))
    warnings = Warnings()
    warm = _run(folder, warnings, cache=True)
    assert len(warnings) == 1 and "damaged" in warnings[0], warnings
    assert not marker.exists()
    assert _as_json(warm) == cold
    assert "extract" in _stages(warm), "found again, not served from the damaged entry"
    (replaced,) = _stored_runs(folder)
    sources = {source["id"] for source in cold["sources"]}  # type: ignore[attr-defined]
    assert decode_findings(replaced, sources).conflicts == warm.conflicts
    warnings.clear()
    assert _as_json(_run(folder, warnings, cache=True)) == cold and not warnings


def test_decoding_a_stored_run_refuses_other_objects() -> None:
    claims = extract_claims(_source())
    blob = encode_findings(Findings((), (Cluster("c1", claims, ()),), 5, 1))
    assert decode_findings(blob, {"a.txt"}).claims == 5
    with pytest.raises(CacheError, match="something else"):
        decode_findings(blob, {"b.txt"})
    with pytest.raises(CacheError, match=r"posix\.system|os\.system"):
        decode_findings(zlib.compress(pickle.dumps(_Planted(Path("x")))), {"a.txt"})


def test_a_report_keeps_the_clusters_of_its_conflicts_and_a_run_asked_for_all_keeps_all(
    tmp_path: Path,
) -> None:
    folder = _copy_set(tmp_path)
    slim = _run(folder, cache=True)
    assert slim.conflicts
    assert {c.id for c in slim.clusters} == {c.cluster_id for c in slim.conflicts}
    full = _run(folder, cache=True, all_clusters=True)  # not served the slim stored run
    assert {c.id for c in slim.clusters} < {c.id for c in full.clusters}
    assert len(full.clusters) >= full.stats.clusters
    assert _as_json(full) == _as_json(slim)
    again = _run(folder, cache=True)  # each kind of run hits its own stored findings
    assert _stages(again) == ["load", "cache"]
    assert again.clusters == slim.clusters
