"""Files and sources -> sources and claims, in a pool of worker processes when that pays.

Results always come back in the order of the input, so the output is the same for
any number of workers. Small inputs stay in this process: starting a pool costs
more than reading and extracting a few dozen articles.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from claimcheck.cache import encode_claims
from claimcheck.config import Config
from claimcheck.extract import extract_claims
from claimcheck.model import Source
from claimcheck.sources import LoadResult, discover, read_source

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")


def _result(_item: object, result: R) -> R:
    return result


SERIAL_BELOW = 50  # items; fewer than this are done in this process
CHUNKS_PER_WORKER = 8  # enough chunks to even out slow articles, few enough to keep overhead low
MAX_CHUNK = 64

Done = Callable[[int], None]  # told how many items are finished so far


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Workers:
    """A process pool started on first use and shut down on exit; ``jobs=1`` never starts one."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = available_cores() if jobs is None else max(1, jobs)
        self._pool: Executor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=error is not None)
            self._pool = None

    def in_process(self, count: int) -> bool:
        """True when ``count`` items are done in this process rather than in a pool."""
        return self.jobs == 1 or count < SERIAL_BELOW

    def map(
        self, function: Callable[[T], R], items: Sequence[T], done: Done | None = None
    ) -> list[R]:
        """``[function(item) for item in items]``, in order, possibly in other processes."""
        return self.map_then(function, _result, items, done)

    def map_then(
        self,
        function: Callable[[T], R],
        then: Callable[[T, R], S],
        items: Sequence[T],
        done: Done | None = None,
    ) -> list[S]:
        """``[then(item, function(item)) for item in items]``, in order.

        ``function`` may run in other processes; ``then`` runs here, on each result
        as it arrives, while the pool works on the items after it (decoding one
        file's claims overlaps extracting the next).
        """
        results: list[S] = []
        if self.in_process(len(items)):
            mapped: Iterator[R] = map(function, items)
        else:
            chunk = max(1, min(MAX_CHUNK, len(items) // (self.jobs * CHUNKS_PER_WORKER)))
            mapped = self._executor().map(function, items, chunksize=chunk)
        for item, result in zip(items, mapped, strict=True):
            results.append(then(item, result))
            if done is not None:
                done(len(results))
        return results

    def _executor(self) -> Executor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=_context())
        return self._pool


def _context() -> BaseContext:
    """Fork on Linux: workers start at once with the code already imported.

    Elsewhere the platform's default (spawn) is the safe choice.
    """
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def load_all(
    scan_dir: Path,
    *,
    project_root: Path,
    config: Config,
    workers: Workers,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    done: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """What ``load_sources`` returns, reading the files in ``workers``."""
    paths, skipped = discover(
        scan_dir, project_root=project_root, config=config, include=include, exclude=exclude
    )
    read = functools.partial(read_source, project_root=project_root, config=config)
    results = workers.map(read, paths, None if done is None else lambda n: done(n, len(paths)))
    return LoadResult.collect(results, skipped)


def extract_encoded(source: Source) -> bytes:
    """A source's claims, encoded for the trip back from a worker and for the cache."""
    return encode_claims(extract_claims(source))


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector rarely while a run builds its objects.

    A run allocates hundreds of thousands of small objects that live to its end and
    form no cycles the collector could free; with the default thresholds the
    collector rescans them over and over (a third of the time of unpickling claims).
    """
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()  # what settle() set aside is the collector's again


def settle() -> None:
    """Set every object alive now aside from the collector until the run ends.

    Called once the claims are built: matching and comparing then allocate millions
    of small objects, and each full collection would walk every claim again, which
    no collection can free (they hold no cycles).
    """
    gc.freeze()
