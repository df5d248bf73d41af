"""Fingerprints name what a conflict is, so edits that change nothing of it keep them."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

from claimcheck.config import Config, MatchSettings, SourceMeta
from claimcheck.pipeline import run

WIRE = (
    "The Harlow council met with the developers in November to review the tower plan. "
    "Mayor Lena Okafor said the plan would create 300 jobs.\n\n"
    "The tower would rise 40 storeys over the old rail yard.\n"
)
HERALD = (
    "Residents packed the hall on Tuesday.\n\n"
    "The Harlow council met with the developers in December to review the tower plan. "
    "The project has been debated for two years.\n"
)
PUBLISHED = date(2021, 3, 10)
POST = "Critics said the tower plan ignored the flood risk of the old rail yard.\n"


def _config(root: Path, names: list[str]) -> Config:
    return Config(
        path=root / "claims.yaml",
        sources=tuple(SourceMeta(pattern=name, published=PUBLISHED) for name in names),
        matching=MatchSettings(),
    )


def _fingerprints(folder: Path) -> list[str]:
    names = sorted(p.name for p in folder.iterdir())
    report = run(folder, _config(folder, names))
    return sorted(c.fingerprint for c in report.conflicts if c.severity.value == "contradiction")


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _baseline(tmp_path: Path) -> list[str]:
    found = _fingerprints(_write(tmp_path / "base", {"wire.txt": WIRE, "herald.txt": HERALD}))
    assert len(found) == 1, "the November/December meeting must be found to test its fingerprint"
    return found


def test_renaming_files_keeps_the_fingerprint(tmp_path: Path) -> None:
    base = _baseline(tmp_path)
    moved = _write(tmp_path / "moved", {"a-wire-copy.txt": WIRE, "z-herald.txt": HERALD})
    assert _fingerprints(moved) == base


def test_file_order_does_not_matter(tmp_path: Path) -> None:
    base = _baseline(tmp_path)
    names = ["b.txt", "a.txt", "c.txt"]
    texts = [WIRE, HERALD, POST]
    for seed in range(3):
        random.Random(seed).shuffle(names)
        folder = _write(tmp_path / f"order{seed}", dict(zip(names, texts, strict=True)))
        assert _fingerprints(folder) == base


def test_editing_an_unrelated_paragraph_keeps_the_fingerprint(tmp_path: Path) -> None:
    base = _baseline(tmp_path)
    edited = WIRE.replace("40 storeys", "42 storeys").replace("300 jobs", "about 350 jobs")
    assert (
        _fingerprints(_write(tmp_path / "edit", {"wire.txt": edited, "herald.txt": HERALD})) == base
    )


def test_whitespace_changes_keep_the_fingerprint(tmp_path: Path) -> None:
    base = _baseline(tmp_path)
    spaced = WIRE.replace(". ", ".  ").replace("\n\n", "\n\n\n") + "\n\n"
    crlf = HERALD.replace("\n", "\r\n")
    assert _fingerprints(_write(tmp_path / "ws", {"wire.txt": spaced, "herald.txt": crlf})) == base


def test_a_fourth_outlet_repeating_a_side_keeps_the_fingerprint(tmp_path: Path) -> None:
    base = _baseline(tmp_path)
    echo = "The Harlow council met with the developers in December to review the tower plan.\n"
    folder = _write(
        tmp_path / "four",
        {"wire.txt": WIRE, "herald.txt": HERALD, "post.txt": POST, "echo.txt": echo},
    )
    assert _fingerprints(folder) == base


def test_a_different_value_is_a_different_fingerprint(tmp_path: Path) -> None:
    base = _baseline(tmp_path)
    october = HERALD.replace("December", "October")
    found = _fingerprints(_write(tmp_path / "oct", {"wire.txt": WIRE, "herald.txt": october}))
    assert found and found != base


def test_moving_the_folder_keeps_the_fingerprint(tmp_path: Path) -> None:
    base = _baseline(tmp_path)
    shutil.copytree(tmp_path / "base", tmp_path / "deep" / "er" / "folder")
    assert _fingerprints(tmp_path / "deep" / "er" / "folder") == base
