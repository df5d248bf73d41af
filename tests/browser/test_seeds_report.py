"""The real seeds report in headless Chromium: the November/December card, both sides marked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimcheck.config import load_config
from claimcheck.pipeline import run

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

ROOT = Path(__file__).resolve().parents[2]


def test_seeds_report_shows_the_meeting_contradiction(open_report: Callable[..., Any]) -> None:
    report = run(ROOT / "seeds", load_config(ROOT / "claims.yaml"))
    visit = open_report(report)
    page = visit.page
    assert visit.errors == []
    card = page.locator("article", has_text="November").filter(has_text="December").first
    expect(card).to_be_visible()
    marks = card.locator("mark")
    texts = [marks.nth(i).inner_text() for i in range(marks.count())]
    assert texts.count("November") == 2 and texts.count("December") == 1
    # Following a sentence link brings that passage of the source into view.
    link = card.get_by_role("link", name="Show in full text").first
    link.click()
    target = page.locator(link.get_attribute("href") or "")
    expect(target).to_be_in_viewport()
