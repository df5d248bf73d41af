"""The HTML report in headless Chromium: loads clean, filters, navigates, runs nothing it quotes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.sample_reports import (
    ATTRIBUTE_PAYLOAD,
    SCRIPT_PAYLOAD,
    hostile_report,
    meeting_report,
)

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

Open = Callable[..., Any]  # the open_report fixture: Report -> Visit


def test_page_loads_without_errors_or_requests(open_report: Open) -> None:
    visit = open_report(meeting_report())
    assert visit.errors == []
    assert visit.requests == [visit.page.url]  # the file itself, nothing else
    assert visit.page.title() == "claimcheck: 2 conflicts across 3 sources"


def test_card_shows_both_sides_with_values_highlighted(open_report: Open) -> None:
    page = open_report(meeting_report()).page
    card = page.locator("#c1")
    expect(card).to_be_visible()
    marks = card.locator("mark")
    expect(marks).to_have_text(["November", "November", "December"])
    for index in range(3):
        expect(marks.nth(index)).to_be_visible()
    background = marks.first.evaluate("mark => getComputedStyle(mark).backgroundColor")
    assert background == "rgb(255, 216, 77)"  # PALETTE["mark"]


def test_filters_hide_and_show_cards(open_report: Open) -> None:
    page = open_report(meeting_report()).page
    date_box = page.get_by_role("checkbox", name="date (1)")
    variation_box = page.get_by_label("variation (1)")
    status = page.locator("#filter-status")
    expect(status).to_have_text("Showing 2 of 2 conflicts")

    date_box.uncheck()
    expect(page.locator("#c1")).to_be_hidden()
    expect(page.locator("#c2")).to_be_visible()
    expect(status).to_have_text("Showing 1 of 2 conflicts")

    variation_box.uncheck()
    expect(page.locator("#c2")).to_be_hidden()
    expect(status).to_have_text("Showing 0 of 2 conflicts")

    date_box.check()
    expect(page.locator("#c1")).to_be_visible()
    page.get_by_role("button", name="Show all").click()
    expect(page.locator("#c2")).to_be_visible()
    expect(status).to_have_text("Showing 2 of 2 conflicts")


def test_j_and_k_move_between_visible_cards(open_report: Open) -> None:
    page = open_report(meeting_report()).page
    page.keyboard.press("j")
    expect(page.locator("#c1")).to_be_focused()
    page.keyboard.press("j")
    expect(page.locator("#c2")).to_be_focused()
    expect(page.locator("#c2")).to_be_in_viewport()
    page.keyboard.press("k")
    expect(page.locator("#c1")).to_be_focused()
    page.get_by_role("checkbox", name="number (1)").uncheck()
    page.locator("#c1").focus()
    page.keyboard.press("j")  # the hidden card is skipped
    expect(page.locator("#c1")).to_be_focused()


def test_sentence_link_scrolls_its_source_into_view(open_report: Open) -> None:
    page = open_report(meeting_report()).page
    link = page.locator("#c1").get_by_role("link", name="Show in full text").last
    anchor = str(link.get_attribute("href"))
    passage = page.locator(anchor)
    expect(passage).not_to_be_in_viewport()
    link.click()
    expect(passage).to_be_in_viewport()
    expect(passage).to_contain_text("first met her at City Hall in December.")
    assert page.evaluate("document.querySelector(':target').id") == anchor[1:]
    highlight = passage.evaluate("span => getComputedStyle(span).backgroundColor")
    assert highlight == "rgb(255, 241, 179)"  # PALETTE["target"]


def test_article_markup_runs_nothing_and_reads_as_text(open_report: Open) -> None:
    visit = open_report(hostile_report())
    page = visit.page
    assert visit.dialogs == []
    assert visit.errors == []
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__escaped") is None
    assert page.locator("script").count() == 1  # the page's own
    text = page.locator("#s1-text")
    expect(text).to_contain_text(SCRIPT_PAYLOAD)
    expect(text).to_contain_text(ATTRIBUTE_PAYLOAD)
    expect(page.locator("#s1-h")).to_contain_text(SCRIPT_PAYLOAD)
    expect(page.locator("#c1 mark").first).to_have_text(f"{ATTRIBUTE_PAYLOAD} Tuesday")


def test_page_reads_without_javascript(open_report: Open) -> None:
    visit = open_report(meeting_report(), javascript=False)
    page = visit.page
    assert visit.errors == []
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator("#c1")).to_be_visible()
    expect(page.locator("#c2")).to_be_visible()
    link = page.locator("#c2").get_by_role("link", name="Show in full text").first
    anchor = str(link.get_attribute("href"))
    link.click()
    expect(page.locator(anchor)).to_be_in_viewport()
