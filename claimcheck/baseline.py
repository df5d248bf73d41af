"""Report + claims.yaml baseline -> conflict statuses, the CI gate's verdict, and baseline updates.

The baseline is the ``baseline:`` list of claims.yaml: each entry acknowledges
``count`` conflicts (default 1) that share its fingerprint. Updates edit the
file's text in place, entry by entry, so every other byte the user wrote —
comments, notes, key order, quoting, indentation — stays exactly as it was.
(A YAML round-trip library re-indents the whole file to one style and moves
comments that trail the last entry, so it is not used here.)
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from claimcheck.config import BaselineEntry, Config, parse_config
from claimcheck.errors import ClaimcheckError, ExitCode
from claimcheck.model import Conflict, Report, Severity, StrEnum

NEW = "new"
BASELINED = "baselined"

# Severities the gate fails on and `claimcheck baseline` records. A dispute (two
# parties inside one source disagree) is a finding the team must look at, like a
# contradiction; a variation is compatible and only fails with --fail-on variation.
GATED = frozenset({Severity.CONTRADICTION, Severity.DISPUTE})

NEW_FILE_HEADER = (
    "# claimcheck: sources' metadata, matching settings and acknowledged conflicts.\n"
    "# Each baseline entry acknowledges `count` conflicts with its fingerprint;\n"
    "# say in `note` why they are accepted. `claimcheck baseline` keeps what you write here.\n"
)


class FailOn(StrEnum):
    """The least severe finding that fails the gate."""

    CONTRADICTION = "contradiction"  # new contradictions and disputes fail
    VARIATION = "variation"  # new variations fail as well


# --------------------------------------------------------------------------- statuses


def apply_baseline(report: Report, config: Config) -> Report:
    """Mark each conflict "baselined" or "new" and list the stale baseline fingerprints.

    An entry with ``count: N`` acknowledges N conflicts with its fingerprint (entries
    repeating a fingerprint add up); copies beyond that, in report order, are new.
    A fingerprint is stale when no conflict of this run has it.
    """
    statuses = _statuses(report.conflicts, config.baseline)
    conflicts = tuple(
        replace(conflict, status=status)
        for conflict, status in zip(report.conflicts, statuses, strict=True)
    )
    found = {conflict.fingerprint for conflict in report.conflicts}
    stale = tuple(sorted({entry.fingerprint for entry in config.baseline} - found))
    return replace(report, conflicts=conflicts, stale=stale, checked=True)


def _statuses(conflicts: Sequence[Conflict], entries: Iterable[BaselineEntry]) -> list[str]:
    remaining = _acknowledged(entries)
    statuses = []
    for conflict in conflicts:
        if remaining[conflict.fingerprint] > 0:
            remaining[conflict.fingerprint] -= 1
            statuses.append(BASELINED)
        else:
            statuses.append(NEW)
    return statuses


def _acknowledged(entries: Iterable[BaselineEntry]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for entry in entries:
        counts[entry.fingerprint] += entry.count
    return counts


def new_first(report: Report) -> Report:
    """The same report with new conflicts listed before acknowledged ones."""
    ordered = sorted(report.conflicts, key=lambda c: c.status != NEW)
    return replace(report, conflicts=tuple(ordered))


# --------------------------------------------------------------------------- the gate


@dataclass(frozen=True)
class GateResult:
    """What `claimcheck check` decides from a report whose statuses are applied.

    ``new``: new contradictions and disputes. ``known``: baselined conflicts of any
    severity. ``stale``: baselined fingerprints no longer found. ``variations``:
    new variations.
    """

    new: tuple[Conflict, ...]
    known: tuple[Conflict, ...]
    stale: tuple[str, ...]
    variations: tuple[Conflict, ...]
    strict: bool = False  # stale baseline entries fail the gate
    fail_on: FailOn = FailOn.CONTRADICTION

    @classmethod
    def from_report(
        cls, report: Report, *, strict: bool = False, fail_on: FailOn = FailOn.CONTRADICTION
    ) -> GateResult:
        """Sort the report's conflicts by status and severity."""
        new = tuple(c for c in report.conflicts if c.status == NEW and c.severity in GATED)
        known = tuple(c for c in report.conflicts if c.status != NEW)
        variations = tuple(
            c for c in report.conflicts if c.status == NEW and c.severity not in GATED
        )
        return cls(new, known, report.stale, variations, strict=strict, fail_on=fail_on)

    @property
    def exit_code(self) -> ExitCode:
        """Exit 1 for new contradictions or disputes, else 0.

        Stale entries also fail with ``strict``, new variations with ``fail_on``
        variation. This is the whole exit rule of `claimcheck check`.
        """
        failed = (
            bool(self.new)
            or (self.strict and bool(self.stale))
            or (self.fail_on is FailOn.VARIATION and bool(self.variations))
        )
        return ExitCode.NEW_CONTRADICTIONS if failed else ExitCode.OK

    @property
    def summary(self) -> str:
        """One line of counts for stderr, e.g. ``2 new contradictions, 5 known, 1 stale``."""
        parts = [
            _plural(len(self.new), "new contradiction"),
            f"{len(self.known)} known",
            f"{len(self.stale)} stale",
        ]
        if self.variations:
            parts.append(_plural(len(self.variations), "new variation"))
        return ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# --------------------------------------------------------------------------- updates


@dataclass(frozen=True)
class BaselineChange:
    """What `update_baseline` did to claims.yaml.

    ``added``: the conflicts now acknowledged (one per conflict, in report order).
    ``kept``: entries left in place. ``pruned``: stale entries removed.
    """

    added: tuple[Conflict, ...]
    kept: tuple[BaselineEntry, ...]
    pruned: tuple[BaselineEntry, ...]
    created: bool = False  # claims.yaml did not exist before

    @property
    def changed(self) -> bool:
        """True when the file was written."""
        return bool(self.added or self.pruned or self.created)


def update_baseline(
    config_path: Path, report: Report, *, prune: bool, include_variations: bool = False
) -> BaselineChange:
    """Acknowledge every new contradiction and dispute of ``report`` in claims.yaml.

    New fingerprints get an entry (fingerprint, kind, summary, values, note, count);
    a fingerprint already listed gets its ``count`` raised. Existing entries, their
    notes and every comment stay untouched; stale entries are removed only with
    ``prune``. The file is created when missing and written atomically, and only
    when something changes, so a second run leaves it byte-identical.
    """
    path = config_path
    created = not path.exists()
    original = "" if created else _read(path)
    bom = original.startswith("\ufeff")
    text = original[1:] if bom else original
    config = parse_config(text, path=path)

    severities = GATED | {Severity.VARIATION} if include_variations else GATED
    statuses = _statuses(report.conflicts, config.baseline)
    added = tuple(
        conflict
        for conflict, status in zip(report.conflicts, statuses, strict=True)
        if status == NEW and conflict.severity in severities
    )
    found = {conflict.fingerprint for conflict in report.conflicts}
    pruned = tuple(e for e in config.baseline if prune and e.fingerprint not in found)
    kept = tuple(e for e in config.baseline if not (prune and e.fingerprint not in found))
    change = BaselineChange(added=added, kept=kept, pruned=pruned, created=created)
    if not change.changed:
        return change

    newline = "\r\n" if "\r\n" in text else "\n"
    updated = _BaselineEditor(text, path=path, newline=newline).update(added, pruned, created)
    _check_update(updated, path, config, added, pruned)
    _write_atomic(path, ("\ufeff" if bom else "") + updated)
    return change


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(
            "E001", f"cannot read config: {exc}", path=str(path), fix="check the path and encoding"
        ) from None


def _check_update(
    text: str,
    path: Path,
    before: Config,
    added: Sequence[Conflict],
    pruned: Sequence[BaselineEntry],
) -> None:
    """Refuse to write unless the new text parses and acknowledges exactly what it should."""
    after = parse_config(text, path=path)
    expected = _acknowledged(before.baseline) - _acknowledged(pruned)
    expected.update(conflict.fingerprint for conflict in added)
    if _acknowledged(after.baseline) != +expected:  # pragma: no cover - an editor bug
        raise AssertionError(f"baseline update of {path} would not round-trip; file left as is")


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    order: int  # among edits at one position, lower order ends up first in the file


@dataclass
class _BaselineEditor:
    """Splices entries into (and stale entries out of) claims.yaml text, nothing else."""

    text: str
    path: Path
    newline: str
    edits: list[_Edit] = field(default_factory=list)

    def update(
        self, added: Sequence[Conflict], pruned: Sequence[BaselineEntry], created: bool
    ) -> str:
        if created:
            entries = self._entries(_group(added), dash_col=2, key_col=4)
            body = f"baseline:{self.newline}{entries}" if entries else f"baseline: []{self.newline}"
            return NEW_FILE_HEADER.replace("\n", self.newline) + body
        top = yaml.compose(self.text, Loader=yaml.SafeLoader)
        if top is None:
            return self._append_key(_group(added))
        assert isinstance(top, yaml.MappingNode)  # parse_config checked it
        if top.flow_style:
            raise self._flow_error(top)
        baseline = next(((k, v) for k, v in top.value if k.value == "baseline"), None)
        if baseline is None:
            return self._append_key(_group(added))
        key, value = baseline
        if isinstance(value, yaml.SequenceNode) and value.value:
            if value.flow_style:
                raise self._flow_error(value)
            return self._edit_list(key, value, added, {e.fingerprint for e in pruned})
        # `baseline:` with nothing, `~` or `[]`: drop the value, start a list under the key
        colon = self.text.index(":", key.end_mark.index)
        if value.start_mark.line == key.start_mark.line:
            self._edit(colon + 1, value.end_mark.index, "")
        entries = self._entries(_group(added), dash_col=2, key_col=4)
        self._edit(self._line_end(max(colon + 1, value.end_mark.index)), None, entries)
        return self._apply()

    def _append_key(self, groups: dict[str, list[Conflict]]) -> str:
        entries = self._entries(groups, dash_col=2, key_col=4)
        head = self.text
        if head and not head.endswith("\n"):
            head += self.newline
        gap = self.newline if head.strip() else ""
        return f"{head}{gap}baseline:{self.newline}{entries}"

    def _edit_list(
        self, key: yaml.Node, seq: yaml.SequenceNode, added: Sequence[Conflict], stale: set[str]
    ) -> str:
        items = [item for item in seq.value if isinstance(item, yaml.MappingNode)]
        dash_col = seq.start_mark.column
        first = items[0]
        first_dash = self._dash(first)
        same_line = self.text.count("\n", first_dash, first.start_mark.index) == 0
        key_col = first.start_mark.column if same_line else dash_col + 2

        groups = _group(added)
        bumped: dict[str, int] = {}  # fingerprint -> extra count, raised in place
        by_fingerprint = {_scalar(item, "fingerprint"): item for item in items}  # last wins
        for fingerprint, conflicts in groups.items():
            item = by_fingerprint.get(fingerprint)
            if item is None or item.flow_style:
                continue  # a new entry; for a one-line {...} entry, a second entry adds up
            bumped[fingerprint] = len(conflicts)
            self._raise_count(item, len(conflicts))
        fresh = {fp: cs for fp, cs in groups.items() if fp not in bumped}

        for item in items:
            if _scalar(item, "fingerprint") in stale:
                start = self._line_start(self._dash(item))
                self._edit(start, self._entry_end(item, key_col), "", order=1)
        entries = self._entries(fresh, dash_col=dash_col, key_col=key_col)
        if entries:
            self._edit(self._entry_end(items[-1], key_col), None, entries, order=2)
        elif all(_scalar(item, "fingerprint") in stale for item in items):
            colon = self.text.index(":", key.end_mark.index)
            self._edit(colon + 1, None, " []")  # an empty `baseline:` would read as null
        return self._apply()

    def _raise_count(self, item: yaml.MappingNode, extra: int) -> None:
        for key, value in item.value:
            if key.value == "count":
                current = int(yaml.safe_load(yaml.serialize(value)))
                self._edit(value.start_mark.index, value.end_mark.index, str(current + extra))
                return
        indent = " " * item.start_mark.column
        self._edit(self._content_end(item), None, f"{indent}count: {1 + extra}{self.newline}")

    def _entries(self, groups: dict[str, list[Conflict]], *, dash_col: int, key_col: int) -> str:
        out = []
        for fingerprint, conflicts in groups.items():
            first = conflicts[0]
            fields = {
                "fingerprint": fingerprint,
                "kind": str(first.kind),
                "summary": " ".join(first.summary.split()),
                "values": sorted({" ".join(side.value.split()) for side in first.sides}),
                "note": "",
                "count": len(conflicts),
            }
            body = yaml.safe_dump(
                fields,
                sort_keys=False,
                default_flow_style=None,
                allow_unicode=True,
                width=1_000_000,
            ).splitlines()
            lead = " " * dash_col + "-" + " " * max(1, key_col - dash_col - 1)
            out.append(lead + body[0])
            out.extend(" " * key_col + line if line else line for line in body[1:])
        return "".join(line + self.newline for line in out)

    # ------------------------------------------------------------------ positions

    def _dash(self, item: yaml.Node) -> int:
        """Find the ``-`` that opens a block sequence item."""
        pos = item.start_mark.index - 1
        while pos >= 0 and self.text[pos] in " \t\r\n":
            pos -= 1
        return pos

    def _line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def _line_end(self, pos: int) -> int:
        """Return the index just past the line break of the line holding ``pos``."""
        if pos > 0 and self.text[pos - 1] == "\n":
            return pos
        brk = self.text.find("\n", pos)
        return len(self.text) if brk < 0 else brk + 1

    def _content_end(self, node: yaml.Node) -> int:
        """Just past the line holding the node's last character (and its trailing comment)."""
        return self._line_end(_last_index(node))

    def _entry_end(self, item: yaml.Node, key_col: int) -> int:
        """Like ``_content_end``, plus comment lines indented into the entry below it."""
        pos = self._content_end(item)
        for line in re.finditer(r"[^\n]*\n?", self.text[pos:]):
            stripped = line.group().lstrip(" ")
            indent = len(line.group()) - len(stripped)
            if not stripped.startswith("#") or indent < key_col:
                break
            pos += len(line.group())
        return pos

    # ------------------------------------------------------------------ edits

    def _edit(self, start: int, end: int | None, text: str, order: int = 0) -> None:
        self.edits.append(_Edit(start, start if end is None else end, text, order))

    def _apply(self) -> str:
        text = self.text
        if text and not text.endswith("\n") and any(e.start == len(text) for e in self.edits):
            text += self.newline
            self.edits = [
                replace(e, start=e.start + len(self.newline), end=e.end + len(self.newline))
                if e.start == len(self.text)
                else e
                for e in self.edits
            ]
        for edit in sorted(self.edits, key=lambda e: (e.start, e.order), reverse=True):
            text = text[: edit.start] + edit.text + text[edit.end :]
        return text

    def _flow_error(self, node: yaml.Node) -> ClaimcheckError:
        return ClaimcheckError(
            "E031",
            "claimcheck can only update a baseline written as a block list",
            path=str(self.path),
            line=node.start_mark.line + 1,
            fix="write each entry as '- fingerprint: ...' on its own lines",
        )


def _group(conflicts: Iterable[Conflict]) -> dict[str, list[Conflict]]:
    groups: dict[str, list[Conflict]] = {}
    for conflict in conflicts:
        groups.setdefault(conflict.fingerprint, []).append(conflict)
    return groups


def _scalar(item: yaml.MappingNode, key: str) -> str | None:
    for key_node, value_node in item.value:
        if key_node.value == key and isinstance(value_node, yaml.ScalarNode):
            return str(value_node.value)
    return None


def _last_index(node: yaml.Node) -> int:
    """Return the index just past the node's last character (for a block scalar, a line start)."""
    if isinstance(node, yaml.MappingNode):
        return max(_last_index(child) for pair in node.value for child in pair)
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return max(_last_index(child) for child in node.value)
    return int(node.end_mark.index)


# --------------------------------------------------------------------------- writing


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` so that ``path`` holds either the old or the new bytes, never a mix."""
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Persist the rename itself; not every platform can open a folder, which is fine."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(path: Path, exc: OSError) -> ClaimcheckError:
    return ClaimcheckError(
        "E030",
        f"cannot write the baseline: {exc.strerror or exc}",
        path=str(path),
        fix="check that the folder is writable; the file was left as it was",
    )
