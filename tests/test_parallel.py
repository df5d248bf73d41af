"""The worker pool: one report for any --jobs, cache state or order of files."""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck import parallel
from claimcheck.config import Config, load_config
from claimcheck.extract import extract_claims
from claimcheck.parallel import Workers, load_all
from claimcheck.pipeline import ScanOptions, extract_all, run
from claimcheck.report import Format, render
from claimcheck.sources import load_sources

DATA = Path(__file__).parent / "data"
SETS = DATA / "sets"


@pytest.fixture
def always_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test inputs are small; use the pool for them anyway."""
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 0)


def _square(number: int) -> int:
    return number * number


def test_map_keeps_the_input_order_and_counts_what_is_done(always_a_pool: None) -> None:
    counted: list[int] = []
    with Workers(2) as workers:
        assert workers.map(_square, list(range(300)), counted.append) == [n * n for n in range(300)]
    assert counted == list(range(1, 301))


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_then_sees_each_item_with_its_result_in_order(always_a_pool: None, jobs: int) -> None:
    seen: list[tuple[int, int, int]] = []

    def then(item: int, result: int) -> int:
        seen.append((os.getpid(), item, result))
        return item + result

    with Workers(jobs) as workers:
        assert workers.map_then(_square, then, list(range(100))) == [n + n * n for n in range(100)]
    assert [(item, result) for _pid, item, result in seen] == [(n, n * n) for n in range(100)]
    assert {pid for pid, _item, _result in seen} == {os.getpid()}  # ``then`` runs here


def test_small_inputs_and_one_job_stay_in_this_process() -> None:
    assert Workers(4).in_process(parallel.SERIAL_BELOW - 1)
    assert not Workers(4).in_process(parallel.SERIAL_BELOW)
    assert Workers(1).in_process(10_000)
    assert Workers(None).jobs == parallel.available_cores()


@pytest.mark.parametrize("folder", [SETS, DATA / "sources"], ids=["sets", "sources"])
def test_loading_in_workers_equals_load_sources(always_a_pool: None, folder: Path) -> None:
    config = Config()
    expected = load_sources(folder, project_root=folder, config=config)
    with Workers(2) as workers:
        found = load_all(folder, project_root=folder, config=config, workers=workers)
    assert found == expected
    assert found.sources


def test_claims_from_workers_equal_claims_extracted_here(always_a_pool: None) -> None:
    sources = load_sources(SETS, project_root=SETS, config=Config()).sources
    with Workers(2) as workers:
        claims = extract_all(sources, workers=workers)
    assert claims == [claim for source in sources for claim in extract_claims(source)]


def _report(folder: Path, config: Config, options: ScanOptions) -> dict[str, object]:
    data: dict[str, object] = json.loads(render(run(folder, config, options), Format.JSON))
    stats = data["stats"]
    assert isinstance(stats, dict)
    stats.pop("seconds")
    return data


def _shuffled_copy(source: Path, target: Path, seed: int) -> Path:
    """The same files written in another order (so listed in another order by the OS)."""
    files = sorted(p for p in source.rglob("*") if p.is_file())
    random.Random(seed).shuffle(files)
    for path in files:
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    return target


@pytest.mark.parametrize(
    "folder", [SETS, *sorted(p for p in SETS.iterdir() if p.is_dir())], ids=lambda p: p.name
)
def test_the_report_is_the_same_for_any_jobs_cache_state_and_file_order(
    always_a_pool: None, tmp_path: Path, folder: Path
) -> None:
    config_file = folder / "claims.yaml"
    config = load_config(config_file) if config_file.is_file() else Config()
    expected = _report(folder, config, ScanOptions(jobs=1))
    copy = _shuffled_copy(folder, tmp_path / folder.name, seed=len(folder.name))
    if config_file.is_file():
        config = load_config(copy / "claims.yaml")
    for jobs in (1, 2):
        for _pass in ("cold", "warm"):
            assert _report(copy, config, ScanOptions(jobs=jobs, cache=True)) == expected
        shutil.rmtree(copy / ".claimcheck-cache")
    assert _report(copy, config, ScanOptions(jobs=2)) == expected


def test_gc_thresholds_are_restored() -> None:
    import gc

    before = gc.get_threshold()
    with parallel.fewer_collections():
        assert gc.get_threshold() != before
    assert gc.get_threshold() == before


def test_progress_names_every_stage_and_counts_every_article(always_a_pool: None) -> None:
    told: list[tuple[str, int, int]] = []
    folder = SETS / "kessel_river_flood"
    run(folder, load_config(folder / "claims.yaml"), ScanOptions(jobs=2), progress=_tell(told))
    stages = [stage for stage, _done, _total in told]
    assert sorted(set(stages), key=stages.index) == ["load", "extract", "match", "compare"]
    assert ("extract", 3, 3) in told and ("load", 3, 3) in told


def _tell(told: list[tuple[str, int, int]]) -> Callable[[str, int, int], None]:
    return lambda stage, done, total: told.append((stage, done, total))


def test_no_progress_bar_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.cli import progress_bar

    with progress_bar(enabled=True) as show:  # captured stderr is not a terminal
        show("extract", 1, 2)
    assert capsys.readouterr().err == ""
