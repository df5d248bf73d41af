"""The HTML report: one self-contained, escaped page with a card per conflict.

The reports are built by hand in tests/browser/sample_reports.py; the browser
tests open the same ones in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.model import (
    Claim,
    ConflictKind,
    MentionKind,
    Polarity,
    Report,
    Side,
    Span,
)
from claimcheck.report import Format
from claimcheck.report import html as html_report
from claimcheck.report import render as render_format
from claimcheck.report.html_assets import CONTRAST_PAIRS, CSS, PALETTE
from tests.browser.sample_reports import (
    DECEMBER,
    GAZETTE,
    NOVEMBER,
    hostile_report,
    meeting_report,
    valued,
    valued_side,
)
from tests.report import factories

# --------------------------------------------------------------------------- reading the page


VOID = {"meta", "input", "br", "img", "link", "hr", "wbr", "source", "area", "base", "col"}


class Page(HTMLParser):
    """The parsed page: tags with attributes, nesting checked, ids, text by element id."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self.inline: dict[str, list[str]] = {"style": [], "script": []}
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed: {[tag for tag, _ in self.stack]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] in self.inline:
            self.inline[self.stack[-1][0]].append(data)
        if any(attrs.get("class") == "back" for _, attrs in self.stack):
            return  # the "back to conflict" links are not part of the article's text
        for _, attrs in self.stack:
            if attrs.get("id"):
                self.texts.setdefault(str(attrs["id"]), []).append(data)

    def text(self, element_id: str) -> str:
        return "".join(self.texts.get(element_id, []))

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(key) == value for key, value in wanted.items())
        ]


def source_text_of(page: Page, number: int) -> str:
    """The article text as shown in the full-text block of source ``number``."""
    return page.text(f"s{number}-text")


def card_markup(markup: str, number: int) -> str:
    match = re.search(rf'<article class="conflict" id="c{number}".*?</article>', markup, re.S)
    assert match
    return match.group()


# --------------------------------------------------------------------------- tests


def test_html_is_a_format_rendered_by_this_writer() -> None:
    report = meeting_report()
    assert Format("html") is Format.HTML
    assert render_format(report, Format.HTML) == html_report.render(report)


def test_same_report_renders_the_same_bytes() -> None:
    assert html_report.render(meeting_report()) == html_report.render(meeting_report())


def test_page_is_well_formed_with_unique_ids_and_resolving_links() -> None:
    markup = html_report.render(meeting_report())
    page = Page(markup)
    assert len(page.ids) == len(set(page.ids))
    fragments = [str(a["href"])[1:] for a in page.find("a") if str(a["href"]).startswith("#")]
    assert fragments
    assert set(fragments) <= set(page.ids)
    for _, attrs in page.tags:
        for reference in ("aria-labelledby", "for"):
            if attrs.get(reference):
                assert attrs[reference] in page.ids


def test_page_has_landmarks_headings_and_labelled_filters() -> None:
    page = Page(html_report.render(meeting_report()))
    names = [tag for tag, _ in page.tags]
    for landmark in ("header", "nav", "main", "footer", "h1", "h2", "h3"):
        assert landmark in names
    assert page.find("html", lang="en")
    boxes = page.find("input", type="checkbox")
    assert {(box["name"], box["value"]) for box in boxes} == {
        ("kind", "date"),
        ("kind", "number"),
        ("severity", "contradiction"),
        ("severity", "variation"),
    }
    # Every checkbox sits inside its <label>: the parser saw label open before each input.
    markup = html_report.render(meeting_report())
    assert markup.count("<label><input") == len(boxes)


def test_nothing_is_fetched_from_elsewhere() -> None:
    markup = html_report.render(meeting_report())
    page = Page(markup)
    assert not [tag for tag, attrs in page.tags if "src" in attrs]
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert "url(" not in CSS and "@import" not in CSS
    hrefs = {str(a["href"]) for a in page.find("a")}
    assert {h for h in hrefs if not h.startswith("#")} == {str(GAZETTE.url)}
    (policy,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert str(policy["content"]).startswith("default-src 'none'")


def test_content_security_policy_pins_the_inline_style_and_script() -> None:
    page = Page(html_report.render(meeting_report()))
    (policy,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    for kind, directive in (("style", "style-src"), ("script", "script-src")):
        (body,) = page.inline[kind]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in str(policy["content"])


def test_each_article_is_written_once_and_whole() -> None:
    report = meeting_report()
    markup = html_report.render(report)
    page = Page(markup)
    for number, source in enumerate(report.sources, 1):
        assert source_text_of(page, number) == source.text
    assert markup.count("Neither side has scheduled further talks.") == 1
    assert markup.count("The union represents about 5,000 drivers and mechanics.") == 1


def test_card_shows_each_sentence_with_its_value_marked() -> None:
    markup = html_report.render(meeting_report())
    card = card_markup(markup, 1)
    assert card.count("<mark>November</mark>") == 2
    assert card.count("<mark>December</mark>") == 1
    # The claim is a clause; the card quotes its whole sentence.
    assert "promised a new contract by spring.</p>" in card
    assert "Harbor Gazette, Daily Ledger" in card and "Metro Wire" in card
    assert "DATE</span>November 2023 and December 2023 do not overlap" in card
    assert 'data-kind="date" data-severity="contradiction"' in card
    variation = card_markup(markup, 2)
    assert "<mark>About 40</mark>" in variation and "<mark>Forty-two</mark>" in variation


def test_sentence_links_open_the_passage_that_holds_the_sentence() -> None:
    report = meeting_report()
    markup = html_report.render(report)
    page = Page(markup)
    links = re.findall(r'href="#(s(\d+)-(\d+)-(\d+))"', card_markup(markup, 1))
    assert len(links) == 3
    for anchor, number, start, end in links:
        source = report.sources[int(number) - 1]
        passage = source.text[int(start) : int(end)]
        assert page.text(anchor) == passage
        assert "November" in passage or "December" in passage
        assert '<a class="back" href="#c1"' in markup
    # The full texts mark the conflicting values too.
    assert page.text("s3").count("December") == 1
    assert '<span class="ref" id="s3-' in markup and "in <mark>December</mark>" in markup


def test_summary_counts_conflicts_by_kind_and_severity_and_lists_sources() -> None:
    markup = html_report.render(meeting_report())
    summary = markup[
        markup.index('<section id="summary"') : markup.index('<section id="conflicts"')
    ]
    assert (
        '<tr><th scope="row">date</th><td class="n">1</td><td class="n">0</td>'
        '<td class="n">0</td><td class="n">1</td></tr>'
    ) in summary
    assert (
        '<tr><th scope="row">number</th><td class="n">0</td><td class="n">1</td>'
        '<td class="n">0</td><td class="n">1</td></tr>'
    ) in summary
    for outlet, published in (
        ("Harbor Gazette", "2024-01-15"),
        ("Daily Ledger", "2024-01-16"),
        ("Metro Wire", "2024-01-16"),
    ):
        assert f"<tr><td>{outlet}</td><td>{published}</td>" in summary
    assert "3 sources · 1 contradiction · 1 variation · 0 disputes" in markup
    assert "Against the baseline" not in markup


def test_a_check_run_says_which_conflicts_are_new() -> None:
    markup = html_report.render(meeting_report(statuses=("new", "baselined"), stale=("f00d",)))
    assert "Against the baseline: 1 new, 1 baselined." in markup
    assert '<summary>New (1)</summary><ul><li><a href="#c1">#1 When Ruiz' in markup
    assert '<a href="#c2">#2' not in markup
    assert "1 acknowledged conflict no longer found" in markup and "<code>f00d</code>" in markup
    assert '<span class="badge status-new">new</span>' in card_markup(markup, 1)
    assert 'name="status" value="baselined"' in markup


def test_untrusted_strings_render_as_text() -> None:
    markup = html_report.render(hostile_report())
    page = Page(markup)
    assert markup.count("<script") == 1  # the page's own
    assert not page.find("img")
    assert not [attrs for _, attrs in page.tags if any(name.startswith("on") for name in attrs)]
    assert "javascript:" not in "".join(str(a.get("href")) for a in page.find("a"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in markup
    assert source_text_of(page, 1) == hostile_report().sources[0].text


def test_a_claim_outside_every_source_is_quoted_without_a_link() -> None:
    lost = Claim(
        "lost",
        Span("missing.txt", 0, 5),
        Span("missing.txt", 0, 5),
        "Lost <b>claim</b>",
        (),
        Polarity.AFFIRMED,
        "",
        False,
        "",
    )
    orphan = factories.conflict(
        ConflictKind.QUOTE,
        factories.side("x", "x", lost),
        factories.side("y", "y", lost),
        fingerprint="0rphan",
        summary="orphan",
    )
    markup = html_report.render(factories.report(meeting_report().sources, (orphan,)))
    Page(markup)
    assert "Lost &lt;b&gt;claim&lt;/b&gt;" in card_markup(markup, 1)
    assert 'href="#"' not in markup


def test_a_report_without_conflicts_says_so_and_offers_no_filters() -> None:
    markup = html_report.render(factories.report((GAZETTE,), ()))
    assert "No conflicts found." in markup
    assert 'id="filters"' not in markup
    Page(markup)


def test_sides_without_mentions_mark_the_value_as_written() -> None:
    report = factories.city_council_report()
    markup = html_report.render(report)
    page = Page(markup)
    assert len(page.ids) == len(set(page.ids))
    fragments = {str(a["href"])[1:] for a in page.find("a") if str(a["href"]).startswith("#")}
    assert fragments <= set(page.ids)
    assert "<mark>Tuesday, Nov. 14</mark>" in card_markup(markup, 1)
    assert "<mark>did not resign</mark>" in card_markup(markup, 3)
    assert "<mark>resigned</mark>" in card_markup(markup, 3)
    assert 'data-severity="dispute"' in card_markup(markup, 5)
    # The dispute's two sentences sit in one source, each with its own passage.
    assert len(set(re.findall(r'href="#(s3-[0-9-]+)"', card_markup(markup, 5)))) == 2
    assert "Against the baseline: 4 new, 1 baselined." in markup
    assert f"<code>{factories.STALE_FP}</code>" in markup
    assert "<tr><td>local/gazette.md</td><td>undated</td>" in markup
    for number, source in enumerate(report.sources, 1):
        assert source_text_of(page, number) == source.text


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=200), outlet=st.text(max_size=40))
def test_no_input_text_makes_markup(text: str, outlet: str) -> None:
    source = factories.source("any.txt", text, outlet=outlet or None)
    claim = Claim(
        "c",
        Span("any.txt", 0, len(text)),
        Span("any.txt", 0, len(text)),
        text,
        (),
        Polarity.AFFIRMED,
        "",
        False,
        "",
    )
    side = Side(text, text, (claim,))
    conflict = replace(
        factories.conflict(
            ConflictKind.QUOTE, side, side, fingerprint=text, summary=text, explanation=text
        ),
        rule=text,
        status=text,
    )
    markup = html_report.render(factories.report((source,), (conflict,)))
    page = Page(markup)
    allowed = {"html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3"}
    allowed |= {"h4", "p", "nav", "ul", "li", "form", "fieldset", "legend", "label", "input"}
    allowed |= {"button", "kbd", "main", "section", "table", "caption", "thead", "tbody"}
    allowed |= {"tfoot", "tr", "th", "td", "details", "summary", "article", "span", "div"}
    allowed |= {"blockquote", "mark", "code", "footer", "script"}
    assert {tag for tag, _ in page.tags} <= allowed
    assert len(page.find("script")) == 1
    assert source_text_of(page, 1) == text


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_colour_pairs_meet_wcag_aa_contrast() -> None:
    for foreground, background, minimum in CONTRAST_PAIRS:
        light, dark = sorted(
            (_luminance(PALETTE[foreground]), _luminance(PALETTE[background])), reverse=True
        )
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= minimum, (foreground, background, round(ratio, 2))
    assert all(f"--{name}:" in CSS for name in PALETTE)


def synthetic_report(articles: int, conflicts: int, words: int = 600) -> Report:
    """Many long articles; conflicting pairs disagree on a month in their second paragraph."""
    filler = ("officials council budget transit housing school report week city plan " * 60).split()
    sources = []
    for number in range(articles):
        body = " ".join(filler[(number + i) % len(filler)] for i in range(words - 30))
        month = "November" if number % 2 == 0 else "December"
        text = (
            f"Article {number} headline\n\nThe council met in {month} to vote.\n\n"
            f"{body}.\n\nUncited closing paragraph {number:05d}.\n"
        )
        sources.append(factories.source(f"a/{number:05d}.txt", text, outlet=f"Outlet {number % 7}"))
    found = []
    for index in range(conflicts):
        sides = [
            valued_side(
                month,
                month,
                valued(
                    factories.claim(
                        sources[position % articles], f"The council met in {month} to vote."
                    ),
                    month,
                    MentionKind.DATE,
                    value,
                ),
            )
            for position, month, value in (
                (2 * index, "November", NOVEMBER),
                (2 * index + 1, "December", DECEMBER),
            )
        ]
        found.append(
            factories.conflict(
                ConflictKind.DATE, *sides, fingerprint=f"{index:016x}", summary=f"m{index}"
            )
        )
    return factories.report(tuple(sources), tuple(found))


def test_a_thousand_articles_stay_under_ten_megabytes() -> None:
    markup = html_report.render(synthetic_report(1000, 200))
    assert len(markup.encode()) < 10_000_000
    assert markup.count("Uncited closing paragraph 00999.") == 1
    assert markup.count('<article class="conflict"') == 200
