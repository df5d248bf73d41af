"""A folder -> the article files in it, honouring .gitignore, include/exclude globs and symlinks."""

from __future__ import annotations

import errno
import os
import stat
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

from claimcheck.config import CONFIG_NAME, Config
from claimcheck.errors import ClaimcheckError
from claimcheck.model import Skipped
from claimcheck.sources.read import os_reason, source_id, unsupported_reason

CACHE_DIR = ".claimcheck-cache"
GITIGNORE = ".gitignore"

_Key = tuple[int, int]  # (device, inode): one file or folder however it is reached


@dataclass(frozen=True)
class _Ignore:
    """The patterns of one .gitignore; ``base`` is its folder relative to the walk's anchor."""

    base: str  # "" or "a/b/"
    spec: GitIgnoreSpec


@dataclass(frozen=True)
class _Dir:
    path: Path  # as walked, possibly through a symlink
    rel: str  # relative to the scanned folder, POSIX, "" for the folder itself
    ignores: tuple[_Ignore, ...]
    ancestors: frozenset[_Key]  # this folder and those above it, to spot cycles
    via_link: bool


@dataclass(frozen=True)
class _Candidate:
    path: Path
    via_link: bool
    key: _Key


def discover(
    scan_dir: Path,
    *,
    project_root: Path,
    config: Config,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[list[Path], list[Skipped]]:
    """List the article files under ``scan_dir`` (or ``scan_dir`` itself when it is a file).

    Raises ClaimcheckError when ``scan_dir`` is missing or cannot be read. Hidden
    and .gitignored files, claims.yaml and files left out by the include/exclude
    globs are left out silently; everything else that is not read is in the
    Skipped list with its reason. Both lists are sorted.
    """
    shown = str(scan_dir)
    scan_dir = Path(os.path.abspath(scan_dir))
    project_root = Path(os.path.abspath(project_root))
    info = _stat_scan_dir(scan_dir, shown)
    if stat.S_ISREG(info.st_mode):
        # A file named on the command line is read even if hidden, ignored or excluded.
        reason = unsupported_reason(scan_dir)
        if reason is None:
            return [scan_dir], []
        return [], [Skipped(source_id(scan_dir, project_root), reason)]
    if not stat.S_ISDIR(info.st_mode):
        raise ClaimcheckError(
            "E022",
            "is neither a folder nor a regular file",
            path=shown,
            fix="pass the folder that holds the articles",
        )
    walker = _Walker(scan_dir, project_root, config, include, exclude)
    return walker.run(info)


def _stat_scan_dir(scan_dir: Path, shown: str) -> os.stat_result:
    try:
        info = os.stat(scan_dir)
        if stat.S_ISDIR(info.st_mode):
            with os.scandir(scan_dir):
                pass
        return info
    except FileNotFoundError:
        problem = "is a broken symlink" if os.path.islink(scan_dir) else "does not exist"
        raise ClaimcheckError(
            "E020", problem, path=shown, fix="check the path of the folder to scan"
        ) from None
    except PermissionError:
        raise ClaimcheckError(
            "E021",
            "cannot be read: permission denied",
            path=shown,
            fix="give yourself read access, or scan another folder",
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ClaimcheckError(
                "E020", "is a symlink loop", path=shown, fix="point the symlink at a real folder"
            ) from None
        raise ClaimcheckError(
            "E021",
            f"cannot be read: {exc.strerror or type(exc).__name__}",
            path=shown,
            fix="check the path and its permissions",
        ) from None


def _compile(patterns: Iterable[str], origin: str) -> GitIgnoreSpec | None:
    lines = list(patterns)
    if not lines:
        return None
    for line in lines:
        problem = _glob_problem(line)
        if problem is not None:
            raise ClaimcheckError(
                "E023",
                f"invalid glob {line!r} in {origin}: {problem}",
                fix="write a gitignore-style glob such as 'drafts/' or '*.html'",
            )
    return GitIgnoreSpec.from_lines(lines)


def _glob_problem(line: str) -> str | None:
    try:
        GitIgnoreSpec.from_lines([line])
    except ValueError as exc:  # GitWildMatchPatternError is a ValueError
        return str(exc)
    return None


def _read_gitignore(folder: Path, base: str) -> _Ignore | None:
    """Read the .gitignore in ``folder``; lines git would reject are dropped, as git does."""
    try:
        with open(folder / GITIGNORE, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    try:
        spec = GitIgnoreSpec.from_lines(lines)
    except ValueError:
        spec = GitIgnoreSpec.from_lines([line for line in lines if _glob_problem(line) is None])
    return _Ignore(base, spec)


def _key(info: os.stat_result, path: Path) -> _Key:
    if info.st_ino:
        return (info.st_dev, info.st_ino)
    # Some file systems report no inode numbers; the resolved path stands in for one.
    return (-1, hash(os.path.realpath(path)))


class _Walker:
    """One walk of one folder; real folders first, then folders reached through symlinks."""

    def __init__(
        self,
        scan_dir: Path,
        project_root: Path,
        config: Config,
        include: Sequence[str],
        exclude: Sequence[str],
    ) -> None:
        self.scan_dir = scan_dir
        self.project_root = project_root
        shown = str(config.path) if config.path is not None else "the configuration"
        self.include = [
            spec
            for spec in (
                _compile(config.include, f"{shown} include"),
                _compile(include, "--include"),
            )
            if spec is not None
        ]
        self.exclude = [
            spec
            for spec in (
                _compile(config.exclude, f"{shown} exclude"),
                _compile(exclude, "--exclude"),
            )
            if spec is not None
        ]
        self.anchor = _ignore_anchor(scan_dir, project_root)
        prefix = os.path.relpath(scan_dir, self.anchor)
        self.prefix = "" if prefix == os.curdir else Path(prefix).as_posix() + "/"
        self.skipped: list[Skipped] = []
        self.candidates: list[_Candidate] = []
        self.visited: dict[_Key, str] = {}
        self.linked: deque[_Dir] = deque()  # folder symlinks, entered after the real folders

    def run(self, info: os.stat_result) -> tuple[list[Path], list[Skipped]]:
        root_key = _key(info, self.scan_dir)
        self.visited[root_key] = ""
        queue: deque[_Dir] = deque(
            [_Dir(self.scan_dir, "", self._outer_ignores(), frozenset([root_key]), False)]
        )
        while queue or self.linked:
            if not queue:
                linked = self._follow(self.linked.popleft())
                if linked is not None:
                    queue.append(linked)
                continue
            queue.extend(self._visit(queue.popleft()))
        return self._unique()

    def _outer_ignores(self) -> tuple[_Ignore, ...]:
        """Read the .gitignore files from the anchor down to scan_dir, not including it."""
        ignores = []
        folder = self.anchor
        base = ""
        parts = [part for part in self.prefix.split("/") if part]
        for part in parts:
            ignore = _read_gitignore(folder, base)
            if ignore is not None:
                ignores.append(ignore)
            folder = folder / part
            base += part + "/"
        return tuple(ignores)

    def _visit(self, folder: _Dir) -> list[_Dir]:
        try:
            with os.scandir(folder.path) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            reason = "permission denied" if isinstance(exc, PermissionError) else os_reason(exc)
            self._skip(folder.path, reason)
            return []
        ignores = folder.ignores
        if any(entry.name == GITIGNORE for entry in entries):
            base = self.prefix + folder.rel + ("/" if folder.rel else "")
            own = _read_gitignore(folder.path, base)
            if own is not None:
                ignores = (*ignores, own)
        children = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name == CACHE_DIR:
                continue  # hidden files and folders, .git, .gitignore and the cache
            rel = f"{folder.rel}/{name}" if folder.rel else name
            path = folder.path / name
            is_link = False
            try:
                is_link = entry.is_symlink()
                info = os.stat(path)
            except OSError as exc:
                if not self._excluded(rel, ignores, is_dir=False):
                    self._skip(path, _broken_reason(exc, path))
                continue
            if stat.S_ISDIR(info.st_mode):
                if self._excluded(rel, ignores, is_dir=True):
                    continue
                child = _Dir(path, rel, ignores, folder.ancestors, folder.via_link or is_link)
                if is_link:
                    self.linked.append(child)
                    continue
                key = _key(info, path)
                if key in self.visited:  # a bind mount or similar: same folder seen before
                    self._skip(path, self._revisit_reason(key, folder))
                    continue
                self.visited[key] = rel
                children.append(_Dir(path, rel, ignores, folder.ancestors | {key}, folder.via_link))
                continue
            if self._excluded(rel, ignores, is_dir=False) or name == CONFIG_NAME:
                continue
            if not self._included(path):
                continue
            if not stat.S_ISREG(info.st_mode):
                self._skip(path, "not a regular file")
                continue
            unsupported = unsupported_reason(path)
            if unsupported is not None:
                self._skip(path, unsupported)
                continue
            self.candidates.append(_Candidate(path, folder.via_link or is_link, _key(info, path)))
        return children

    def _follow(self, child: _Dir) -> _Dir | None:
        """Enter a folder reached through a symlink unless it was walked already."""
        try:
            info = os.stat(child.path)
        except OSError as exc:
            self._skip(child.path, _broken_reason(exc, child.path))
            return None
        key = _key(info, child.path)
        if key in self.visited:
            self._skip(child.path, self._revisit_reason(key, child))
            return None
        self.visited[key] = child.rel
        return _Dir(child.path, child.rel, child.ignores, child.ancestors | {key}, True)

    def _revisit_reason(self, key: _Key, where: _Dir) -> str:
        if key in where.ancestors:
            return "symlink loop"
        first = self.visited[key] or "."
        return f"same folder as {first}, already scanned"

    def _excluded(self, rel: str, ignores: tuple[_Ignore, ...], *, is_dir: bool) -> bool:
        anchored = self.prefix + rel
        for ignore in reversed(ignores):  # the deepest .gitignore that has a say decides
            if not anchored.startswith(ignore.base):
                continue
            sub = anchored[len(ignore.base) :] + ("/" if is_dir else "")
            verdict = ignore.spec.check_file(sub).include
            if verdict is not None:
                if verdict:
                    return True
                break
        if self.exclude:
            name = self._glob_name(self.scan_dir / rel) + ("/" if is_dir else "")
            return any(spec.match_file(name) for spec in self.exclude)
        return False

    def _included(self, path: Path) -> bool:
        name = self._glob_name(path)
        return all(spec.match_file(name) for spec in self.include)

    def _glob_name(self, path: Path) -> str:
        """Name ``path`` as include/exclude globs see it: relative to the project root."""
        name = source_id(path, self.project_root)
        if name.startswith("../"):
            name = Path(os.path.relpath(path, self.scan_dir)).as_posix()
        return name

    def _skip(self, path: Path, reason: str) -> None:
        self.skipped.append(Skipped(source_id(path, self.project_root), reason))

    def _unique(self) -> tuple[list[Path], list[Skipped]]:
        """One path per file: real paths win over symlinks, then the first in path order."""
        kept: dict[_Key, Path] = {}
        ranked = sorted(
            self.candidates,
            key=lambda c: (c.via_link, source_id(c.path, self.project_root)),
        )
        for candidate in ranked:
            first = kept.get(candidate.key)
            if first is None:
                kept[candidate.key] = candidate.path
            else:
                same = source_id(first, self.project_root)
                self._skip(candidate.path, f"same file as {same}, already read")
        paths = sorted(kept.values(), key=lambda p: source_id(p, self.project_root))
        skipped = sorted(set(self.skipped), key=lambda s: (s.path, s.reason))
        return paths, skipped


def _ignore_anchor(scan_dir: Path, project_root: Path) -> Path:
    """Where .gitignore files start to count: the git work tree, else the project root."""
    for folder in (scan_dir, *scan_dir.parents):
        if (folder / ".git").exists():
            return folder
    if scan_dir == project_root or project_root in scan_dir.parents:
        return project_root
    return scan_dir


def _broken_reason(exc: OSError, path: Path) -> str:
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        return "broken symlink"
    return os_reason(exc)
