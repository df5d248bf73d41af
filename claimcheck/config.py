"""claims.yaml text -> validated ``Config``, with errors that name the file and line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from claimcheck.errors import ClaimcheckError

CONFIG_NAME = "claims.yaml"
FINGERPRINT_RE = re.compile(r"^[0-9a-f]{16}$")
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class SourceMeta:
    """Metadata the user gave for a path or glob under ``sources:``."""

    pattern: str
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class MatchSettings:
    """Tuning of the matcher; defaults were chosen on tests/data and the ECB+ corpus."""

    threshold: float = 0.4  # pair score (0..1) at or above which two claims state one fact
    max_block: int = 64  # blocks larger than this are too common to pair on


@dataclass(frozen=True)
class BaselineEntry:
    """One acknowledged conflict in claims.yaml ``baseline:``."""

    fingerprint: str
    kind: str = ""
    summary: str = ""
    values: tuple[str, ...] = ()
    note: str = ""
    count: int = 1
    line: int | None = None


@dataclass(frozen=True)
class Config:
    """Everything claims.yaml says; ``path`` is None when no file was found."""

    path: Path | None = None
    sources: tuple[SourceMeta, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    matching: MatchSettings = field(default_factory=MatchSettings)
    baseline: tuple[BaselineEntry, ...] = ()

    @property
    def root(self) -> Path | None:
        """The folder that holds claims.yaml; source patterns are relative to it."""
        return self.path.parent if self.path is not None else None


def find_config(start: Path) -> Path | None:
    """The nearest claims.yaml in ``start`` or one of its parents."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate ``path``; raise ClaimcheckError naming the line on any problem."""
    shown = path.name if not path.is_absolute() else str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(
            "E001", f"cannot read config: {exc}", path=shown, fix="check the path and permissions"
        ) from None
    return parse_config(text, path=path)


def parse_config(text: str, *, path: Path) -> Config:
    """Validate claims.yaml ``text``; ``path`` is used for messages and relative globs."""
    shown = str(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ClaimcheckError(
            "E002", f"invalid YAML: {problem}", path=shown, line=line, fix="fix the YAML syntax"
        ) from None
    if node is None:
        return Config(path=path)
    reader = _Reader(shown)
    top = reader.mapping(node, "the top level")
    allowed: dict[str, Callable[[yaml.Node], Any]] = {
        "sources": reader.sources,
        "include": lambda n: reader.str_list(n, "include"),
        "exclude": lambda n: reader.str_list(n, "exclude"),
        "max_file_size": reader.size,
        "matching": reader.matching,
        "baseline": reader.baseline,
    }
    values: dict[str, Any] = {}
    for key, (key_node, value_node) in top.items():
        if key not in allowed:
            raise reader.error(
                "E003",
                key_node,
                f"unknown key {key!r}",
                f"use one of: {', '.join(sorted(allowed))}",
            )
        values[key] = allowed[key](value_node)
    return Config(
        path=path,
        sources=values.get("sources", ()),
        include=values.get("include", ()),
        exclude=values.get("exclude", ()),
        max_file_bytes=values.get("max_file_size", DEFAULT_MAX_FILE_BYTES),
        matching=values.get("matching", MatchSettings()),
        baseline=values.get("baseline", ()),
    )


class _Reader:
    """Turns YAML nodes into typed values, raising ClaimcheckError with the node's line."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def error(self, code: str, node: yaml.Node, message: str, fix: str) -> ClaimcheckError:
        return ClaimcheckError(
            code, message, path=self.shown, line=node.start_mark.line + 1, fix=fix
        )

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error("E004", node, f"{what} must be a mapping", "write key: value pairs")
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error("E004", key_node, f"keys in {what} must be text", "quote the key")
            if key_node.value in result:
                raise self.error(
                    "E005", key_node, f"duplicate key {key_node.value!r}", "keep only one of them"
                )
            result[key_node.value] = (key_node, value_node)
        return result

    def scalar(self, node: yaml.Node, what: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error("E004", node, f"{what} must be a single value", "write a plain value")
        loader = yaml.SafeLoader("")
        try:
            return loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError):
            raise self.error(
                "E004", node, f"{what} has a value that cannot be read", "quote the value"
            ) from None
        finally:
            loader.dispose()

    def text(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node, what)
        if value is None or isinstance(value, (dict, list)):
            raise self.error("E004", node, f"{what} must be text", f"write {what}: some text")
        return str(value)

    def str_list(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode):
            return (self.text(node, what),)
        if not isinstance(node, yaml.SequenceNode):
            raise self.error("E004", node, f"{what} must be a list of globs", "write - 'glob'")
        return tuple(self.text(item, what) for item in node.value)

    def size(self, node: yaml.Node) -> int:
        value = self.scalar(node, "max_file_size")
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", str(value), re.IGNORECASE)
        if isinstance(value, bool) or match is None:
            raise self.error(
                "E006", node, f"max_file_size must be a size, got {value!r}", "write e.g. 5MB"
            )
        scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
        return int(float(match.group(1)) * scale)

    def date_value(self, node: yaml.Node, what: str) -> date | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.error(
                "E007", node, f"{what} must be a date, got {value!r}", "write YYYY-MM-DD"
            ) from None

    def sources(self, node: yaml.Node) -> tuple[SourceMeta, ...]:
        entries = []
        for pattern, (key_node, value_node) in self.mapping(node, "sources").items():
            posix = PurePosixPath(pattern.replace("\\", "/"))
            if posix.is_absolute() or ".." in posix.parts:
                raise self.error(
                    "E008",
                    key_node,
                    f"source path {pattern!r} points outside the project",
                    "use a path relative to the folder that holds claims.yaml",
                )
            fields = self.mapping(value_node, f"sources[{pattern!r}]")
            meta: dict[str, Any] = {}
            for key, (inner_key, inner_value) in fields.items():
                if key == "published":
                    meta[key] = self.date_value(inner_value, "published")
                elif key in ("outlet", "title", "url"):
                    scalar = self.scalar(inner_value, key)
                    meta[key] = None if scalar is None else str(scalar)
                else:
                    raise self.error(
                        "E003",
                        inner_key,
                        f"unknown key {key!r} in sources[{pattern!r}]",
                        "use outlet, published, title or url",
                    )
            entries.append(SourceMeta(pattern=str(posix), **meta))
        return tuple(entries)

    def matching(self, node: yaml.Node) -> MatchSettings:
        result: dict[str, Any] = {}
        for key, (key_node, value_node) in self.mapping(node, "matching").items():
            value = self.scalar(value_node, key)
            if key == "threshold":
                if (
                    isinstance(value, bool)
                    or not isinstance(value, (int, float))
                    or not (0 <= value <= 1)
                ):
                    raise self.error(
                        "E009",
                        value_node,
                        f"'threshold' must be a number between 0 and 1, got {value!r}",
                        "write e.g. threshold: 0.5",
                    )
                result[key] = float(value)
            elif key == "max_block":
                if isinstance(value, bool) or not isinstance(value, int) or value < 2:
                    raise self.error(
                        "E009",
                        value_node,
                        f"'max_block' must be a whole number of at least 2, got {value!r}",
                        "write e.g. max_block: 64",
                    )
                result[key] = value
            else:
                raise self.error(
                    "E003",
                    key_node,
                    f"unknown key {key!r} in matching",
                    "use threshold or max_block",
                )
        return MatchSettings(**result)

    def baseline(self, node: yaml.Node) -> tuple[BaselineEntry, ...]:
        if isinstance(node, yaml.ScalarNode) and self.scalar(node, "baseline") is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            raise self.error("E004", node, "baseline must be a list", "write - fingerprint: ...")
        entries = []
        for item in node.value:
            fields = self.mapping(item, "a baseline entry")
            if "fingerprint" not in fields:
                raise self.error(
                    "E010", item, "baseline entry has no fingerprint", "copy it from the report"
                )
            values: dict[str, Any] = {"line": item.start_mark.line + 1}
            for key, (key_node, value_node) in fields.items():
                if key == "fingerprint":
                    fingerprint = self.text(value_node, key)
                    if (
                        not FINGERPRINT_RE.match(fingerprint)
                        or value_node.tag != "tag:yaml.org,2002:str"
                    ):
                        raise self.error(
                            "E011",
                            value_node,
                            f"{fingerprint!r} is not a fingerprint",
                            "use the 16 hex digits from `claimcheck scan --format json`, quoted",
                        )
                    values[key] = fingerprint
                elif key in ("kind", "summary", "note"):
                    scalar = self.scalar(value_node, key)
                    values[key] = "" if scalar is None else str(scalar)
                elif key == "values":
                    values[key] = self.str_list(value_node, key)
                elif key == "count":
                    count = self.scalar(value_node, key)
                    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
                        raise self.error(
                            "E009",
                            value_node,
                            f"count must be a whole number, got {count!r}",
                            "write e.g. count: 1",
                        )
                    values[key] = count
                else:
                    raise self.error(
                        "E003",
                        key_node,
                        f"unknown key {key!r} in a baseline entry",
                        "use fingerprint, kind, summary, values, note or count",
                    )
            entries.append(BaselineEntry(**values))
        return tuple(entries)
