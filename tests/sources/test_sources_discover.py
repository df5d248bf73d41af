"""discover: which files a folder yields, with .gitignore, globs, symlinks and bad folders."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from claimcheck.config import Config, parse_config
from claimcheck.errors import ClaimcheckError
from claimcheck.sources import discover, load_sources, walk
from tests.sources.support import symlink

Write = Callable[[str, "bytes | str"], Path]
STORY = "The harbour reopened on Tuesday.\n"


def found(
    scan_dir: Path,
    *,
    project_root: Path | None = None,
    config: Config | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[list[str], list[tuple[str, str]]]:
    root = project_root or scan_dir
    paths, skipped = discover(
        scan_dir,
        project_root=root,
        config=config or Config(),
        include=include,
        exclude=exclude,
    )
    names = [Path(os.path.relpath(path, root)).as_posix() for path in paths]
    return names, [(entry.path, entry.reason) for entry in skipped]


# --------------------------------------------------------------------------- .gitignore


def test_nested_gitignores_with_negation_and_folders(write: Write, tmp_path: Path) -> None:
    write(".gitignore", "draft-*.txt\nbuild/\n")
    write("draft-1.txt", STORY)
    write("keep.txt", STORY)
    write("build/out.txt", STORY)
    write("desk/.gitignore", "!draft-keep.txt\n*.md\n")
    write("desk/draft-keep.txt", STORY)  # re-included by the deeper .gitignore
    write("desk/draft-drop.txt", STORY)
    write("desk/note.md", STORY)
    write("other/note.md", STORY)  # desk/.gitignore does not reach here
    names, skipped = found(tmp_path)
    assert names == ["desk/draft-keep.txt", "keep.txt", "other/note.md"]
    assert skipped == []


def test_gitignore_above_the_scanned_folder_counts(write: Write, tmp_path: Path) -> None:
    write(".gitignore", "articles/old/\n*.htm\n")
    write("articles/new.txt", STORY)
    write("articles/page.htm", "<html></html>")
    write("articles/old/a.txt", STORY)
    names, _ = found(tmp_path / "articles", project_root=tmp_path)
    assert names == ["articles/new.txt"]


def test_gitignore_from_the_git_work_tree_top(write: Write, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(".gitignore", "*.json\n")
    write("project/a.txt", STORY)
    write("project/b.json", '{"text": "x"}')
    names, _ = found(tmp_path / "project")
    assert names == ["a.txt"]


def test_unparsable_gitignore_lines_are_dropped(write: Write, tmp_path: Path) -> None:
    write(".gitignore", "!\nsecret.txt\n")
    write("secret.txt", STORY)
    write("public.txt", STORY)
    assert found(tmp_path)[0] == ["public.txt"]


def test_hidden_files_and_folders(write: Write, tmp_path: Path) -> None:
    write(".hidden.txt", STORY)
    write(".secret/a.txt", STORY)
    write(".git/HEAD.txt", STORY)
    write("seen/.also-hidden.md", STORY)
    write("seen/a.txt", STORY)
    assert found(tmp_path) == (["seen/a.txt"], [])


def test_claims_yaml_and_the_cache_are_never_articles(write: Write, tmp_path: Path) -> None:
    write("claims.yaml", "sources: {}\n")
    write("sub/claims.yaml", "sources: {}\n")
    write(".claimcheck-cache/a.txt", STORY)
    write("a.txt", STORY)
    assert found(tmp_path) == (["a.txt"], [])


# --------------------------------------------------------------------------- include / exclude


def test_include_and_exclude_from_config_and_arguments(write: Write, tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "drafts/c.txt", "wire/d.txt", "wire/e.json"):
        write(name, STORY)
    config = parse_config("include: ['*.txt', '*.json']\nexclude: [drafts/]\n", path=tmp_path)
    assert found(tmp_path, config=config)[0] == ["a.txt", "wire/d.txt", "wire/e.json"]
    assert found(tmp_path, config=config, exclude=["wire/*.json"])[0] == ["a.txt", "wire/d.txt"]
    assert found(tmp_path, config=config, include=["wire/**"])[0] == ["wire/d.txt", "wire/e.json"]
    assert found(tmp_path, exclude=["*.txt"])[0] == ["b.md", "wire/e.json"]


def test_globs_see_the_path_relative_to_the_project_root(write: Write, tmp_path: Path) -> None:
    write("articles/keep/a.txt", STORY)
    write("articles/drop/b.txt", STORY)
    names, _ = found(tmp_path / "articles", project_root=tmp_path, exclude=["/articles/drop/"])
    assert names == ["articles/keep/a.txt"]


def test_excluded_files_are_not_listed_as_skipped(write: Write, tmp_path: Path) -> None:
    write("a.pdf", "x")
    write("b.txt", STORY)
    assert found(tmp_path, exclude=["*.pdf"]) == (["b.txt"], [])
    assert found(tmp_path) == (["b.txt"], [("a.pdf", "unsupported extension .pdf")])


def test_an_invalid_glob_is_an_error(write: Write, tmp_path: Path) -> None:
    write("a.txt", STORY)
    with pytest.raises(ClaimcheckError) as caught:
        found(tmp_path, include=["!"])
    assert caught.value.code == "E023"
    assert "'!'" in str(caught.value) and "--include" in str(caught.value)


# --------------------------------------------------------------------------- symlinks


def test_folder_symlink_cycles_end(write: Write, tmp_path: Path) -> None:
    write("a/b/story.txt", STORY)
    symlink(tmp_path / "a" / "b" / "up", "../..", directory=True)
    symlink(tmp_path / "a" / "self", ".", directory=True)
    names, skipped = found(tmp_path)
    assert names == ["a/b/story.txt"]
    assert skipped == [("a/b/up", "symlink loop"), ("a/self", "symlink loop")]


def test_real_paths_win_over_symlinks(write: Write, tmp_path: Path) -> None:
    write("z-real/story.txt", STORY)
    symlink(tmp_path / "a-link", "z-real", directory=True)
    symlink(tmp_path / "alias.txt", "z-real/story.txt")
    os.link(tmp_path / "z-real" / "story.txt", tmp_path / "hard.txt")
    names, skipped = found(tmp_path)
    assert names == ["hard.txt"]
    assert skipped == [
        ("a-link", "same folder as z-real, already scanned"),
        ("alias.txt", "same file as hard.txt, already read"),
        ("z-real/story.txt", "same file as hard.txt, already read"),
    ]


def test_symlinked_folder_outside_is_walked_under_its_link_name(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "story.txt").write_text(STORY, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    symlink(project / "linked", str(outside), directory=True)
    result = load_sources(project, project_root=project, config=Config())
    assert [source.id for source in result.sources] == ["linked/story.txt"]


def test_a_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "pipe.txt")
    assert found(tmp_path) == ([], [("pipe.txt", "not a regular file")])


def test_an_unreadable_subfolder_is_skipped(write: Write, tmp_path: Path) -> None:
    write("open/a.txt", STORY)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "b.txt").write_text(STORY, encoding="utf-8")
    closed.chmod(0)
    try:
        if os.access(closed, os.R_OK):
            pytest.skip("running as a user (root) who can read a 0-permission folder")
        assert found(tmp_path) == (["open/a.txt"], [("closed", "permission denied")])
    finally:
        closed.chmod(0o755)


def test_an_unlistable_subfolder_is_skipped(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("open/a.txt", STORY)
    write("closed/b.txt", STORY)
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    assert found(tmp_path) == (["open/a.txt"], [("closed", "permission denied")])


# --------------------------------------------------------------------------- the scanned path


def test_a_single_file(write: Write, tmp_path: Path) -> None:
    path = write(".hidden/story.txt", STORY)  # named explicitly: read although hidden
    assert found(path, project_root=tmp_path) == ([".hidden/story.txt"], [])
    pdf = write("flyer.pdf", "x")
    assert found(pdf, project_root=tmp_path) == ([], [("flyer.pdf", "unsupported extension .pdf")])


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ClaimcheckError) as caught:
        found(tmp_path / "nope")
    assert caught.value.code == "E020"
    assert str(tmp_path / "nope") in str(caught.value)
    assert "does not exist" in str(caught.value)


def test_a_broken_symlink_as_folder_is_an_error(tmp_path: Path) -> None:
    symlink(tmp_path / "link", "nowhere", directory=True)
    with pytest.raises(ClaimcheckError) as caught:
        found(tmp_path / "link")
    assert (caught.value.code, caught.value.message) == ("E020", "is a broken symlink")


def test_an_unreadable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(walk.os, "scandir", refuse)
    with pytest.raises(ClaimcheckError) as caught:
        found(tmp_path)
    assert caught.value.code == "E021"
    assert caught.value.one_line().startswith(f"[E021] {tmp_path}: cannot be read")


def test_a_fifo_as_folder_is_an_error(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ClaimcheckError) as caught:
        found(tmp_path / "pipe")
    assert caught.value.code == "E022"


def test_results_are_sorted(write: Write, tmp_path: Path) -> None:
    for name in ("b/z.txt", "a.txt", "b/a.txt", "B.txt", "c.pdf", "a.pdf"):
        write(name, STORY)
    names, skipped = found(tmp_path)
    assert names == ["B.txt", "a.txt", "b/a.txt", "b/z.txt"]
    assert [path for path, _ in skipped] == ["a.pdf", "c.pdf"]
