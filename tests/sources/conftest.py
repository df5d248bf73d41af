"""Fixture folders for the sources tests: the committed corpus plus cases made on the fly."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sources.support import CORPUS, Corpus, png_bytes, symlink


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    """The committed fixture files plus a binary, empty, unreadable, looping and broken file."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root, symlinks=True)
    (root / "png-renamed.txt").write_bytes(png_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\t\r\n  ")
    locked = root / "locked.txt"
    locked.write_text("A story nobody may read.\n", encoding="utf-8")
    locked.chmod(0)
    symlink(root / "loop-a.txt", "loop-b.txt")
    symlink(root / "loop-b.txt", "loop-a.txt")
    symlink(root / "gone.txt", "missing-target.txt")
    nested = root / "nested"
    nested.mkdir()
    (nested / "story.txt").write_text(
        "WASHINGTON (Reuters) - The bridge agency asked for more money on Friday.\n",
        encoding="utf-8",
    )
    symlink(nested / "cycle", "..", directory=True)
    (root / "claims.yaml").write_text("sources: {}\n", encoding="utf-8")
    cache = root / ".claimcheck-cache"
    cache.mkdir()
    (cache / "cached.txt").write_text("Cached text, never an article.\n", encoding="utf-8")
    return Corpus(root, locked_is_unreadable=not os.access(locked, os.R_OK))


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write a file under tmp_path and return its path."""

    def make(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        else:
            path.write_bytes(content)
        return path

    return make
