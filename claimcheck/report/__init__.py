"""Report writers: each turns a ``Report`` into text in one format."""

from __future__ import annotations

import sys
from enum import Enum

from claimcheck.model import Report
from claimcheck.parallel import fewer_collections

if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # pragma: no cover - Python 3.10
    from typing_extensions import assert_never


class Format(str, Enum):
    """Every output format; each maps to exactly one writer in ``render``."""

    TEXT = "text"
    JSON = "json"
    HTML = "html"
    SARIF = "sarif"
    GITHUB = "github"
    MARKDOWN = "markdown"


def render(report: Report, fmt: Format, *, color: bool = False, width: int = 100) -> str:
    """Render ``report`` in ``fmt``; the writers import lazily to keep start-up fast.

    The collector is held back meanwhile: a large report's many small dicts would
    otherwise make it rescan every claim of the run (a third of rendering at 5,000
    articles).
    """
    with fewer_collections():
        return _render(report, fmt, color=color, width=width)


def _render(report: Report, fmt: Format, *, color: bool, width: int) -> str:
    if fmt is Format.TEXT:
        from claimcheck.report import text

        return text.render(report, color=color, width=width)
    if fmt is Format.JSON:
        from claimcheck.report import json as json_report

        return json_report.render(report)
    if fmt is Format.HTML:
        from claimcheck.report import html as html_report

        return html_report.render(report)
    if fmt is Format.SARIF:
        from claimcheck.report import sarif

        return sarif.render(report)
    if fmt is Format.GITHUB:
        from claimcheck.report import github

        return github.render(report)
    if fmt is Format.MARKDOWN:
        from claimcheck.report import markdown

        return markdown.render(report)
    assert_never(fmt)
