"""A folder of article files -> Sources with metadata, plus what was skipped and why.

Formats
    ``.txt``; ``.md``/``.markdown`` with optional YAML front matter; ``.html``/``.htm``
    (main text by trafilatura: navigation, footers, scripts and readers' comments
    dropped); ``.json`` (one object) and ``.jsonl`` (one object per line), each
    object with ``text`` and optional ``outlet``, ``published``, ``title``, ``url``
    and ``id``.

Source ids and text
    ``Source.id`` is the file's POSIX path relative to the project root; an article
    of a .jsonl is ``path#<line number>``. ``Source.text`` is what the file says
    with CRLF and CR line endings turned into LF and NUL characters dropped; for
    Markdown it is the text *after* the front matter, for HTML the extracted main
    text, for JSON the ``text`` field. Offsets in reports count in that text; the
    report names the file. ``Source.sha256`` hashes ``Source.text`` as UTF-8.

Metadata precedence, field by field (outlet, published, title, url)
    1. claims.yaml ``sources:`` entries whose glob matches the file's path relative
       to the folder holding claims.yaml (``*``, ``?``, ``[..]`` within a folder,
       ``**`` across folders; a folder name covers its files; ``file.jsonl#3`` or
       ``file.jsonl#<id>`` names one line's article). When several match, the
       later entry wins.
    2. What the file says about itself: Markdown front matter, HTML meta tags
       (site name, publication date, title, canonical URL), JSON fields.
    3. The text's own header: a leading ``date 2017-03-11``; a wire dateline
       ``NEW YORK (AP) —`` or ``(Reuters) -`` for the outlet; a short line among
       the first five holding "March 11, 2017" or "Friday, June 7, 2013".
    A ``published`` value that is not a date is a warning, and the next layer
    is used instead.

Encodings
    UTF-8, UTF-8/UTF-16/UTF-32 with a byte-order mark, an HTML ``<meta charset>``;
    anything else is read as Windows-1252 with a warning. A file with a NUL byte
    in its first 8 KB and no byte-order mark, with a known binary signature, or
    mostly control bytes is binary and skipped.

What is left out
    Silently: hidden files and folders, .gitignored paths (every .gitignore from
    the top of the git work tree down, with git's rules), paths outside the
    include globs or inside the exclude globs (gitignore-style, matched against
    the path relative to the project root), claims.yaml and ``.claimcheck-cache/``.
    Listed as Skipped with a one-line reason: see ``SKIP_REASONS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.config import Config
from claimcheck.model import Skipped, Source
from claimcheck.sources.read import SUPPORTED_EXTENSIONS, read_source
from claimcheck.sources.walk import discover

__all__ = [
    "SKIP_REASONS",
    "SUPPORTED_EXTENSIONS",
    "LoadResult",
    "discover",
    "load_sources",
    "read_source",
]

# Every skip reason, as the start of ``Skipped.reason`` (some add detail after it).
SKIP_REASONS = (
    "binary file",
    "empty file",
    "larger than",  # "larger than 5 MB (max_file_size)"
    "unsupported extension",  # "unsupported extension .pdf"
    "no file extension",
    "permission denied",
    "broken symlink",
    "symlink loop",
    "same file as",  # a second path (symlink, hard link) to a file already read
    "same folder as",  # a second path to a folder already scanned
    "not a regular file",  # a FIFO, socket or device
    "file not found",  # gone between listing and reading
    "cannot read",  # any other operating-system error, with its message
    "no text after the front matter",
    "no article text found in the HTML",
    "could not parse the HTML",
    "not valid JSON",
    'expected an object with a "text" field',
    'no "text" field',
    '"text" must be a string',
    '"text" is empty',
    "no articles in the file",
    "internal error while reading",  # a bug: please report it
)


@dataclass(frozen=True)
class LoadResult:
    """Everything read from one scan."""

    sources: tuple[Source, ...]  # sorted by Source.id
    skipped: tuple[Skipped, ...]  # sorted by path
    warnings: tuple[str, ...]  # "<id>: <what was odd>", sorted

    @classmethod
    def collect(
        cls,
        results: Iterable[tuple[list[Source], list[Skipped], list[str]]],
        skipped: Sequence[Skipped] = (),
    ) -> LoadResult:
        """Pool what ``read_source`` returned for every file, in a fixed order."""
        sources: list[Source] = []
        not_read: list[Skipped] = list(skipped)
        warnings: list[str] = []
        for found, not_read_here, notes in results:
            sources.extend(found)
            not_read.extend(not_read_here)
            warnings.extend(notes)
        return cls(
            sources=tuple(sorted(sources, key=lambda source: source.id)),
            skipped=tuple(sorted(not_read, key=lambda entry: (entry.path, entry.reason))),
            warnings=tuple(sorted(warnings)),
        )


def load_sources(
    scan_dir: Path,
    *,
    project_root: Path,
    config: Config,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> LoadResult:
    """Discover and read every article under ``scan_dir`` (a folder or one file)."""
    paths, skipped = discover(
        scan_dir, project_root=project_root, config=config, include=include, exclude=exclude
    )
    return LoadResult.collect(
        (read_source(path, project_root=project_root, config=config) for path in paths), skipped
    )
