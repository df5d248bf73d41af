"""Sources -> their claims, and a whole run's findings, from earlier runs in a local SQLite file.

Claims are stored per file. An entry is keyed by the SHA-256 of everything
extraction reads: the source's id, its metadata (the publication date resolves
relative dates; the rest is included to be safe) and its text, together with
``EXTRACTOR_VERSION`` and a digest of claimcheck's own code and data, so that an
edited rule or lexicon never serves claims that the new code would not extract.
Each file keeps one entry: a changed file replaces its old entry.

Matching and comparing read every claim of the run, so one changed file can change
any cluster; their findings are therefore stored per run, keyed by the code, the
matching settings and every source's entry key in order. A warm re-run of an
unchanged folder then reads one entry instead of decoding every file's claims and
matching them again. Only the ``KEEP_RESULTS`` most recently used runs are kept:
each holds the conflicts and the clusters they came from (every cluster, for a run
that asks for all), and older ones are rarely asked for again.

The file lives in ``.claimcheck-cache/claims.sqlite3`` under the project root
(which the source walker never reads). It is a convenience, never trusted: a file
that is not an SQLite database, was written by another program or another cache
format, or holds an entry that does not decode to this source's claims is deleted
with a warning and the run goes on without it; a run's entry that does not decode
to findings about this run's sources is dropped with a warning and computed again.
Entries are pickles, read with an unpickler that only builds claimcheck's model
classes, so a planted cache file cannot run code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import hashlib
import io
import json
import pickle
import sqlite3
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import claimcheck
from claimcheck import model
from claimcheck.config import MatchSettings
from claimcheck.extract import EXTRACTOR_VERSION
from claimcheck.model import Claim, Cluster, Conflict, Side, Source

CACHE_DIR = ".claimcheck-cache"
CACHE_FILE = "claims.sqlite3"
# The table of whole runs came later without a new format: readers of either kind ignore
# a table they do not know, so a file written before it needs no warning and no rebuild.
FORMAT = "claimcheck/claims-cache@1"
# Big enough that a folder of 10,000 files needs few statements, well under SQLite's limit.
_BATCH = 500
# Two, so that switching between two settings or two branches still hits on both.
KEEP_RESULTS = 2


class CacheError(Exception):
    """An entry or the file itself cannot be trusted."""


def encode_claims(claims: Sequence[Claim]) -> bytes:
    """One source's claims as a compressed pickle (also how workers send claims back)."""
    return zlib.compress(pickle.dumps(tuple(claims), protocol=pickle.HIGHEST_PROTOCOL), 1)


def decode_claims(blob: bytes, source_id: str) -> tuple[Claim, ...]:
    """The claims in ``blob``; CacheError unless they are claims of ``source_id``."""
    claims = _unpickle(blob)
    if not isinstance(claims, tuple) or not all(
        isinstance(claim, Claim) and claim.span.source_id == source_id for claim in claims
    ):
        raise CacheError(f"an entry for {source_id} holds something else")
    return claims


@dataclass(frozen=True)
class Findings:
    """What matching and comparing made of a run's claims: all a report needs besides sources."""

    conflicts: tuple[Conflict, ...]
    clusters: tuple[Cluster, ...]
    claims: int  # how many claims were extracted (Stats.claims)
    fact_clusters: int  # how many of ``clusters`` are fact clusters (Stats.clusters)


def encode_findings(findings: Findings) -> bytes:
    """A run's findings as a compressed pickle of plain tuples of model objects.

    A tuple rather than ``Findings`` itself keeps the unpickler's allowlist to the model.
    Claims shared by clusters and conflicts are stored once: pickle keeps their identity.
    """
    fields = (findings.conflicts, findings.clusters, findings.claims, findings.fact_clusters)
    sink = _Deflating()
    pickle.Pickler(sink, protocol=pickle.HIGHEST_PROTOCOL).dump(fields)
    return sink.getvalue()


class _Deflating:
    """A file that compresses what pickle writes to it as it goes.

    The pickle of a run of 10,000 articles is over 100 MB; it is never whole in memory.
    """

    def __init__(self) -> None:
        self._zip = zlib.compressobj(1)
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(self._zip.compress(data))
        return len(data)

    def getvalue(self) -> bytes:
        return b"".join(self._parts) + self._zip.flush()


def decode_findings(blob: bytes, source_ids: Collection[str]) -> Findings:
    """The findings in ``blob``; CacheError unless they are about claims of ``source_ids``."""
    fields = _unpickle(blob)
    try:
        findings = _as_findings(fields, source_ids)
    except (AttributeError, TypeError):  # model objects unpickled without (hashable) fields
        findings = None
    if findings is None:
        raise CacheError("a stored run holds something else")
    return findings


def _as_findings(fields: object, source_ids: Collection[str]) -> Findings | None:
    if not (isinstance(fields, tuple) and len(fields) == 4):
        return None
    conflicts, clusters, claims, fact_clusters = fields
    if not (
        _tuple_of(conflicts, Conflict)
        and _tuple_of(clusters, Cluster)
        and all(_tuple_of(conflict.sides, Side) for conflict in conflicts)
        and all(
            _claims_of(side.claims, source_ids) for conflict in conflicts for side in conflict.sides
        )
        and all(_claims_of(cluster.claims, source_ids) for cluster in clusters)
        and all(type(count) is int and count >= 0 for count in (claims, fact_clusters))
    ):
        return None
    return Findings(conflicts, clusters, claims, fact_clusters)


def _tuple_of(value: object, kind: type) -> bool:
    return isinstance(value, tuple) and all(isinstance(item, kind) for item in value)


def _claims_of(claims: object, source_ids: Collection[str]) -> bool:
    return isinstance(claims, tuple) and all(
        isinstance(claim, Claim) and claim.span.source_id in source_ids for claim in claims
    )


def _unpickle(blob: bytes) -> object:
    """What ``blob`` holds, built by the restricted unpickler; CacheError on any damage."""
    try:
        return _ModelUnpickler(io.BytesIO(zlib.decompress(blob))).load()
    except CacheError:
        raise
    except Exception as exc:  # a damaged entry can fail in any way pickle or zlib can
        raise CacheError(f"unreadable entry ({type(exc).__name__})") from None


class _ModelUnpickler(pickle.Unpickler):
    """Builds only claimcheck's model classes and the few builtins they hold."""

    def find_class(self, module: str, name: str) -> type:
        if module == model.__name__:
            found = getattr(model, name, None)
            if isinstance(found, type):
                return found
        if (module, name) == ("datetime", "date"):
            return datetime.date
        raise CacheError(f"an entry names {module}.{name}, which claims never hold")


def entry_key(source: Source) -> str:
    """What extraction depends on, hashed: code, metadata and text of one source."""
    digest = hashlib.sha256()
    published = source.published.isoformat() if source.published else ""
    header = (code_digest(), source.id, published, source.outlet, source.title, source.url)
    digest.update(repr(header).encode("utf-8"))
    digest.update(b"\0")
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def result_key(
    sources: Sequence[Source], settings: MatchSettings, all_clusters: bool = False
) -> str:
    """What matching and comparing depend on, hashed: code, settings and every source in order.

    The rules read sources' metadata (outlet, publication date) as well as their
    claims; ``entry_key`` covers both. The order is part of the key because it is
    the order of the claims, which cluster ids and ties follow. A run that keeps
    every cluster stores other findings than one that keeps its conflicts' only.
    """
    digest = hashlib.sha256()
    settings_text = json.dumps(dataclasses.asdict(settings), sort_keys=True)
    kept = "all" if all_clusters else "conflicts"
    digest.update(f"{code_digest()}\0{settings_text}\0{kept}\0{len(sources)}\0".encode())
    for source in sources:
        digest.update(entry_key(source).encode("ascii"))
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """``EXTRACTOR_VERSION`` plus a hash of every module and data file of claimcheck.

    A cache outlives edits to the code; hashing all of it (not only extract.py)
    means an edit anywhere re-extracts once rather than ever serving stale claims.
    """
    digest = hashlib.sha256(f"{FORMAT}\0{EXTRACTOR_VERSION}\0".encode())
    package = Path(claimcheck.__file__).parent
    for path in sorted(package.rglob("*")):
        if (
            path.is_file()
            and path.suffix not in (".pyc", ".pyo")
            and "__pycache__" not in path.parts
        ):
            digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}:{digest.hexdigest()[:16]}"


Warn = Callable[[str], None]


class ClaimCache:
    """Claims per source and findings per run from earlier runs; problems are only warnings."""

    def __init__(self, folder: Path, warn: Warn) -> None:
        self.path = folder / CACHE_FILE
        self._folder = folder
        self._warn = warn
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0
        try:
            self._db = self._open()
        except (OSError, sqlite3.OperationalError) as exc:
            # Cannot create, locked too long, no permission: the file itself may be fine.
            warn(f"{self.path}: running without the cache ({_reason(exc)})")
        except (sqlite3.Error, CacheError) as exc:
            self._discard(f"cannot be used ({_reason(exc)})")

    @classmethod
    @contextlib.contextmanager
    def maybe(cls, folder: Path, wanted: bool, warn: Warn) -> Iterator[ClaimCache | None]:
        """The cache in ``folder`` while the block runs, or None when not ``wanted``."""
        if not wanted:
            yield None
            return
        with cls(folder, warn) as cache:
            yield cache

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def get_many(self, sources: Sequence[Source]) -> list[tuple[Claim, ...] | None]:
        """The stored claims of each source, or None where there are none."""
        found: list[tuple[Claim, ...] | None] = [None] * len(sources)
        if self._db is None:
            self.misses += len(sources)
            return found
        keys = [entry_key(source) for source in sources]
        try:
            blobs = self._select(keys)
            for n, (source, key) in enumerate(zip(sources, keys, strict=True)):
                blob = blobs.get(key)
                if blob is not None:
                    found[n] = decode_claims(blob, source.id)
        except sqlite3.OperationalError as exc:
            self._warn(f"{self.path}: not read ({_reason(exc)})")
            found = [None] * len(sources)
        except (sqlite3.Error, CacheError) as exc:
            self._discard(f"is damaged ({_reason(exc)})")
            found = [None] * len(sources)
        self.hits += sum(claims is not None for claims in found)
        self.misses += sum(claims is None for claims in found)
        return found

    def put_many(self, entries: Iterable[tuple[Source, bytes]]) -> None:
        """Store encoded claims (``encode_claims``) per source, replacing older entries."""
        if self._db is None:
            return
        rows = [(entry_key(source), source.id, blob) for source, blob in entries]
        try:
            with self._db:
                self._db.executemany(
                    "DELETE FROM claims WHERE source_id = ?", [r[1:2] for r in rows]
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO claims (key, source_id, blob) VALUES (?, ?, ?)", rows
                )
        except sqlite3.Error as exc:
            self._warn(f"{self.path}: not updated ({_reason(exc)})")

    def get_result(self, key: str, sources: Sequence[Source]) -> Findings | None:
        """The findings stored under ``key`` (``result_key``) for ``sources``, or None.

        A hit becomes the most recently used run, so that it outlives older ones.
        """
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT blob FROM results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            if not isinstance(row[0], bytes):
                raise CacheError("an entry of the wrong type")
            found = decode_findings(row[0], {source.id for source in sources})
        except sqlite3.OperationalError as exc:
            self._warn(f"{self.path}: not read ({_reason(exc)})")
            return None
        except sqlite3.Error as exc:
            self._discard(f"is damaged ({_reason(exc)})")
            return None
        except CacheError as exc:
            # Per-file claims are checked one by one when read, so they can stay.
            self._warn(f"{self.path}: a stored run is damaged ({_reason(exc)}); computing it again")
            self._drop_result(key)
            return None
        try:
            with self._db:
                self._db.execute(
                    "UPDATE results SET used = (SELECT max(used) + 1 FROM results) WHERE key = ?",
                    (key,),
                )
        except sqlite3.Error as exc:
            self._warn(f"{self.path}: not updated ({_reason(exc)})")
        return found

    def put_result(self, key: str, findings: Findings) -> None:
        """Store a run's findings under ``key``, keeping only the ``KEEP_RESULTS`` latest runs."""
        if self._db is None:
            return
        blob = encode_findings(findings)
        try:
            with self._db:
                self._db.execute(
                    "INSERT OR REPLACE INTO results (key, used, blob) "
                    "VALUES (?, (SELECT coalesce(max(used), 0) + 1 FROM results), ?)",
                    (key, blob),
                )
                self._db.execute(
                    "DELETE FROM results WHERE key NOT IN "
                    "(SELECT key FROM results ORDER BY used DESC LIMIT ?)",
                    (KEEP_RESULTS,),
                )
        except sqlite3.Error as exc:
            self._warn(f"{self.path}: not updated ({_reason(exc)})")

    def _drop_result(self, key: str) -> None:
        assert self._db is not None
        try:
            with self._db:
                self._db.execute("DELETE FROM results WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            self._warn(f"{self.path}: not updated ({_reason(exc)})")

    def _open(self) -> sqlite3.Connection:
        self._folder.mkdir(parents=True, exist_ok=True)
        _mark_as_cache(self._folder)
        db = sqlite3.connect(self.path, timeout=10)
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
            tables = {
                name
                for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if row is None and tables - {"meta"}:
                raise CacheError("not a claimcheck cache")
            if row is not None and row[0] != FORMAT:
                raise CacheError(f"format {row[0]!r}, expected {FORMAT!r}")
            with db:
                db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
                db.execute(
                    "CREATE TABLE IF NOT EXISTS claims "
                    "(key TEXT PRIMARY KEY, source_id TEXT NOT NULL, blob BLOB NOT NULL)"
                )
                db.execute("CREATE INDEX IF NOT EXISTS claims_source ON claims (source_id)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS results "
                    "(key TEXT PRIMARY KEY, used INTEGER NOT NULL, blob BLOB NOT NULL)"
                )
                # Entries of other code can never be hit again.
                db.execute("DELETE FROM meta WHERE name = 'code' AND value != ?", (code_digest(),))
                if db.execute("SELECT 1 FROM meta WHERE name = 'code'").fetchone() is None:
                    db.execute("DELETE FROM claims")
                    db.execute("DELETE FROM results")
                    db.execute("INSERT INTO meta VALUES ('code', ?)", (code_digest(),))
        except BaseException:
            db.close()
            raise
        return db

    def _select(self, keys: Sequence[str]) -> dict[str, bytes]:
        assert self._db is not None
        blobs: dict[str, bytes] = {}
        for start in range(0, len(keys), _BATCH):
            chunk = keys[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, blob FROM claims WHERE key IN ({marks})"
            for key, blob in self._db.execute(query, chunk):
                if not isinstance(key, str) or not isinstance(blob, bytes):
                    raise CacheError("an entry of the wrong type")
                blobs[key] = blob
        return blobs

    def _discard(self, why: str) -> None:
        """Warn, close and delete the file, and start an empty one if possible."""
        self._warn(f"{self.path} {why}; it was deleted and will be rebuilt")
        self.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()
        try:
            self._db = self._open()
        except (OSError, sqlite3.Error, CacheError) as exc:
            self._warn(f"{self.path}: running without the cache ({_reason(exc)})")


def _mark_as_cache(folder: Path) -> None:
    """Keep the folder out of git and out of backups, as pytest does for its cache."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by claimcheck.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by claimcheck.\n",
            encoding="utf-8",
        )


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
