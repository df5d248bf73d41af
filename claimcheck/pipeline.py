"""Folder + config -> Report: load, segment and extract, match, compare; one function."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.cache import (
    CACHE_DIR,
    ClaimCache,
    Findings,
    decode_claims,
    encode_claims,
    result_key,
)
from claimcheck.compare import find_conflicts
from claimcheck.config import Config
from claimcheck.extract import extract_claims
from claimcheck.match import cluster_claims
from claimcheck.model import Claim, Report, Source, Stats
from claimcheck.parallel import Workers, extract_encoded, fewer_collections, load_all, settle
from claimcheck.stories import story_profiles

# Told (stage, done, total) as a run goes on; total 0 when a stage cannot count its work.
Progress = Callable[[str, int, int], None]
Warn = Callable[[str], None]


@dataclass(frozen=True)
class ScanOptions:
    """How to scan, as chosen on the command line."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jobs: int | None = None  # processes that read and extract; None: one per core
    cache: bool = False  # reuse claims of unchanged files, and findings of an unchanged run
    # keep every cluster in the report, not only those its conflicts came from (`explain`
    # needs no more): for measuring the clustering itself
    all_clusters: bool = False


def project_root_for(scan_path: Path, config: Config) -> Path:
    """Source ids are relative to the folder of claims.yaml when the scan is inside it."""
    scan_dir = scan_path.resolve()
    if scan_dir.is_file():
        scan_dir = scan_dir.parent
    root = config.root
    if root is not None:
        resolved = root.resolve()
        if scan_dir == resolved or resolved in scan_dir.parents:
            return resolved
    return scan_dir


def run(
    scan_path: Path,
    config: Config,
    options: ScanOptions | None = None,
    *,
    progress: Progress | None = None,
    warn: Warn | None = None,
) -> Report:
    """Scan ``scan_path`` (a folder or one file) and return everything found.

    The report is the same for any ``jobs`` and whether claims or findings came from
    the cache. The whole run's findings are looked up first, so that an unchanged
    folder neither decodes its claims nor matches them again.
    """
    options = options or ScanOptions()
    tell = progress or _quiet
    timings: list[tuple[str, float]] = []
    began = clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings.append((stage, now - clock))
        clock = now

    root = project_root_for(scan_path, config)
    with (
        fewer_collections(),
        ClaimCache.maybe(root / CACHE_DIR, options.cache, warn or _quiet) as cache,
    ):
        with Workers(options.jobs) as workers:
            loaded = load_all(
                scan_path,
                project_root=root,
                config=config,
                workers=workers,
                include=options.include,
                exclude=options.exclude,
                done=lambda done, total: tell("load", done, total),
            )
            lap("load")
            key: str | None = None
            found: Findings | None = None
            if cache is not None:
                tell("cache", 0, 0)
                key = result_key(loaded.sources, config.matching, options.all_clusters)
                found = cache.get_result(key, loaded.sources)
                lap("cache")
            if found is None:
                claims = extract_all(loaded.sources, workers=workers, cache=cache, progress=tell)
                settle()
                lap("extract")
        if found is None:
            found = _match_and_compare(claims, loaded.sources, config, progress=tell, lap=lap)
            if not options.all_clusters:
                found = _with_conflict_clusters(found)
            if cache is not None and key is not None:
                tell("store", 0, 0)
                cache.put_result(key, found)
                lap("store")
    stats = Stats(
        sources=len(loaded.sources),
        claims=found.claims,
        clusters=found.fact_clusters,
        seconds=time.perf_counter() - began,
        skipped=len(loaded.skipped),
        stage_seconds=tuple(timings),
    )
    return Report(
        sources=loaded.sources,
        conflicts=found.conflicts,
        stats=stats,
        skipped=loaded.skipped,
        clusters=found.clusters,
    )


def _match_and_compare(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    config: Config,
    *,
    progress: Progress,
    lap: Callable[[str], None],
) -> Findings:
    """Cluster the claims and run every rule over the clusters; ``lap`` after each stage."""
    progress("match", 0, 0)
    matched = cluster_claims(claims, config.matching)
    lap("match")
    progress("compare", 0, 0)
    stories = story_profiles(claims, matched.features)
    conflicts = find_conflicts(matched.clusters, sources, matched.aliases, stories, matched.roles)
    lap("compare")
    return Findings(conflicts, matched.clusters, len(claims), matched.fact_clusters)


def _with_conflict_clusters(found: Findings) -> Findings:
    """``found`` keeping only the clusters its conflicts came from.

    They are all a report shows (``explain`` lists a conflict's cluster); the others
    hold most of the run's claims, and storing them for the next run cost more than
    any other step after comparing.
    """
    used = {conflict.cluster_id for conflict in found.conflicts}
    kept = tuple(cluster for cluster in found.clusters if cluster.id in used)
    return Findings(found.conflicts, kept, found.claims, found.fact_clusters)


def extract_all(
    sources: Sequence[Source],
    *,
    workers: Workers | None = None,
    cache: ClaimCache | None = None,
    progress: Progress | None = None,
) -> list[Claim]:
    """Claims of every source, in source order: from the cache, else extracted in ``workers``."""
    tell = progress or _quiet
    stored = cache.get_many(sources) if cache is not None else [None] * len(sources)
    missing = [source for source, claims in zip(sources, stored, strict=True) if claims is None]
    reused = len(sources) - len(missing)
    tell("extract", reused, len(sources))

    def done(count: int) -> None:
        tell("extract", reused + count, len(sources))

    workers = workers or Workers(1)
    if workers.in_process(len(missing)):
        fresh = workers.map(extract_claims, missing, done)
        blobs = [encode_claims(claims) for claims in fresh] if cache is not None else []
    else:
        encoded = workers.map_then(extract_encoded, _decoded, missing, done)
        blobs = [blob for blob, _claims in encoded]
        fresh = [claims for _blob, claims in encoded]
    if cache is not None:
        cache.put_many(zip(missing, blobs, strict=True))
    extracted = iter(fresh)
    return [
        claim for claims in stored for claim in (claims if claims is not None else next(extracted))
    ]


def _decoded(source: Source, blob: bytes) -> tuple[bytes, tuple[Claim, ...]]:
    """A worker's encoded claims of ``source``, and the claims themselves."""
    return blob, decode_claims(blob, source.id)


def _quiet(*_args: object) -> None:
    """Progress and warnings nobody asked for."""
