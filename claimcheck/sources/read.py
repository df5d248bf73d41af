"""One file on disk -> its Sources (several for a .jsonl), or the one-line reason it was skipped."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from claimcheck.config import Config
from claimcheck.model import Skipped, Source
from claimcheck.sources.decode import Binary, clean_text, decode
from claimcheck.sources.formats import PARSERS, Article
from claimcheck.sources.metadata import Meta, config_meta, resolve

SUPPORTED_EXTENSIONS = tuple(sorted(PARSERS))


def source_id(path: Path, project_root: Path) -> str:
    """Name ``path`` by its POSIX path relative to ``project_root`` (``../`` when outside)."""
    absolute = os.path.abspath(path)
    root = os.path.abspath(project_root)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # on another drive (Windows): nothing relative exists
        return Path(absolute).as_posix()
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        # The same folder reached two ways (/tmp and /private/tmp): compare resolved folders.
        real_parent = os.path.realpath(os.path.dirname(absolute))
        resolved = os.path.relpath(
            os.path.join(real_parent, os.path.basename(absolute)), os.path.realpath(root)
        )
        if not (resolved == os.pardir or resolved.startswith(os.pardir + os.sep)):
            relative = resolved
    return Path(relative).as_posix()


def unsupported_reason(path: Path) -> str | None:
    """Why a file's extension rules it out, or None when it is one we read."""
    suffix = path.suffix.lower()
    if suffix in PARSERS:
        return None
    return f"unsupported extension {suffix}" if suffix else "no file extension"


def human_size(size: int) -> str:
    """``5 MB``, ``512 KB``, ``1.5 MB``, ``100 bytes``."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def read_source(
    path: Path, *, project_root: Path, config: Config
) -> tuple[list[Source], list[Skipped], list[str]]:
    """Read one article file; problems come back as Skipped entries and warnings, never raised.

    A top-level function so that it can run in a process pool.
    """
    file_id = source_id(path, project_root)
    try:
        return _read(Path(path), file_id, config)
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a run
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())
        reason = f"internal error while reading ({detail}); please report it"
        return [], [Skipped(file_id, reason)], []


Read = tuple[list[Source], list[Skipped], list[str]]


def _read(path: Path, file_id: str, config: Config) -> Read:
    def skip(reason: str) -> Read:
        return [], [Skipped(file_id, reason)], []

    unsupported = unsupported_reason(path)
    if unsupported is not None:
        return skip(unsupported)
    raw_or_reason = _read_bytes(path, config.max_file_bytes)
    if isinstance(raw_or_reason, str):
        return skip(raw_or_reason)
    decoded = decode(raw_or_reason, html=path.suffix.lower() in (".html", ".htm"))
    if isinstance(decoded, Binary):
        return skip(decoded.reason)
    text = clean_text(decoded.text)
    if not text.strip():
        return skip("empty file")
    warnings = [f"{file_id}: {decoded.warning}"] if decoded.warning else []
    parsed = PARSERS[path.suffix.lower()](text)
    warnings.extend(f"{file_id}{suffix}: {message}" for suffix, message in parsed.warnings)
    skipped = [Skipped(file_id + suffix, reason) for suffix, reason in parsed.skipped]
    config_name = _config_name(path, file_id, config)
    sources = [_source(file_id, config_name, article, config) for article in parsed.articles]
    if not sources and not skipped:
        skipped.append(Skipped(file_id, "no articles in the file"))
    return sources, skipped, warnings


def _read_bytes(path: Path, limit: int) -> bytes | str:
    """Return the file's bytes, or the skip reason."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "broken symlink" if os.path.islink(path) else "file not found"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        return os_reason(exc)
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    too_big = f"larger than {human_size(limit)} (max_file_size)"
    if info.st_size > limit:
        return too_big
    if info.st_size == 0:
        return "empty file"
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        return os_reason(exc)
    if len(raw) > limit:
        return too_big
    return raw


def os_reason(exc: OSError) -> str:
    """Return the skip reason for a failed stat or open."""
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read ({exc.strerror or type(exc).__name__})"


def _config_name(path: Path, file_id: str, config: Config) -> str:
    """Name the file as ``sources:`` keys do: relative to the folder holding claims.yaml."""
    if config.root is None:
        return file_id
    relative = source_id(path, config.root)
    return file_id if relative.startswith("../") else relative


def _source(file_id: str, config_name: str, article: Article, config: Config) -> Source:
    names = [config_name]
    names.extend(config_name + name for name in (article.suffix, *article.keys) if name)
    configured = config_meta(config.sources, names)
    meta: Meta = resolve(configured, article.meta, article.text)
    return Source(
        id=file_id + article.suffix,
        text=article.text,
        sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        outlet=meta.outlet,
        published=meta.published,
        title=meta.title,
        url=meta.url,
    )
