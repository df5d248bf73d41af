"""Folder + config -> Report: load, segment and extract, match, compare; one function."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.compare import find_conflicts
from claimcheck.config import Config
from claimcheck.extract import extract_claims
from claimcheck.match import cluster_claims, entity_aliases
from claimcheck.model import Claim, Report, Source, Stats
from claimcheck.sources import load_sources


@dataclass(frozen=True)
class ScanOptions:
    """How to scan, as chosen on the command line."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


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


def run(scan_path: Path, config: Config, options: ScanOptions | None = None) -> Report:
    """Scan ``scan_path`` (a folder or one file) and return everything found."""
    options = options or ScanOptions()
    timings: list[tuple[str, float]] = []
    began = clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings.append((stage, now - clock))
        clock = now

    loaded = load_sources(
        scan_path,
        project_root=project_root_for(scan_path, config),
        config=config,
        include=options.include,
        exclude=options.exclude,
    )
    lap("load")
    claims = extract_all(loaded.sources)
    lap("extract")
    matched = cluster_claims(claims, config.matching)
    lap("match")
    conflicts = find_conflicts(matched.clusters, loaded.sources, entity_aliases(claims))
    lap("compare")
    stats = Stats(
        sources=len(loaded.sources),
        claims=len(claims),
        clusters=len(matched.clusters),
        seconds=time.perf_counter() - began,
        skipped=len(loaded.skipped),
        stage_seconds=tuple(timings),
    )
    return Report(
        sources=loaded.sources,
        conflicts=conflicts,
        stats=stats,
        skipped=loaded.skipped,
        clusters=matched.clusters,
    )


def extract_all(sources: Sequence[Source]) -> list[Claim]:
    """Claims of every source, in source order."""
    return [claim for source in sources for claim in extract_claims(source)]
