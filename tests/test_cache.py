"""The claims cache: hits for unchanged files, misses for any change, and no trust in a bad file."""

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
from claimcheck.cache import (
    CACHE_DIR,
    CACHE_FILE,
    CacheError,
    ClaimCache,
    decode_claims,
    encode_claims,
    entry_key,
)
from claimcheck.cli import app
from claimcheck.config import load_config
from claimcheck.extract import extract_claims
from claimcheck.model import Source
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
    data: dict[str, object] = json.loads(render(report, Format.JSON))
    stats = data["stats"]
    assert isinstance(stats, dict)
    stats.pop("seconds")
    return data


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
