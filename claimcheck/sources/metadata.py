"""Article metadata: dates as written, datelines in the text, claims.yaml globs, precedence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from claimcheck.config import SourceMeta
from claimcheck.lexicon import DATELINE_WORDS

HEADER_LINES = 5  # how many non-empty lines at the top may hold a date line
HEADER_LINE_CHARS = 100  # a date line is short: a header, not a sentence of the story


@dataclass(frozen=True)
class Meta:
    """Outlet, publication date, title and URL as far as one layer of evidence knows them."""

    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None

    def over(self, lower: Meta) -> Meta:
        """Keep these values; take from ``lower`` the ones this layer does not know."""
        return Meta(
            outlet=self.outlet if self.outlet is not None else lower.outlet,
            published=self.published if self.published is not None else lower.published,
            title=self.title if self.title is not None else lower.title,
            url=self.url if self.url is not None else lower.url,
        )


# --------------------------------------------------------------------------- dates as written

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])")
# "Posted 11/27/2005 7:21 AM": numbers and slashes, day and month in either order.
_NUMERIC = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])")
_MONTH_FIRST = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)


class NotADate(ValueError):
    """A ``published`` value that names no calendar day."""


def parse_published(value: object) -> date | None:
    """Read a front-matter, JSON or meta-tag date; None for an empty value.

    Accepts ``2017-03-11``, ISO date-times (the date part is taken as written,
    without converting time zones), "March 11, 2017", "Friday, June 7, 2013"
    and "11 March 2017". Raises NotADate for anything else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise NotADate(f"{value!r} is not a date")
    text = value.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?", text)
    if iso is not None:
        return _day(iso.group(1), iso.group(2), iso.group(3), text)
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        match = pattern.fullmatch(text)
        if match is not None:
            return _named_day(match, text)
    raise NotADate(f"{text!r} is not a date")


def _day(year: str, month: str, day: str, text: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise NotADate(f"{text!r} is not a calendar day") from None


def _named_day(match: re.Match[str], text: str) -> date:
    month = _MONTHS[match.group("month").lower()]
    return _day(match.group("year"), str(month), match.group("day"), text)


# --------------------------------------------------------------------------- datelines

_LEADING_DATE = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?!\d)", re.IGNORECASE)
# Wire services whose bylines are known; other names need a dash after the parenthesis.
_WIRES = {
    "ap": "AP",
    "afp": "AFP",
    "upi": "UPI",
    "cnn": "CNN",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "aap": "AAP",
    "xinhua": "Xinhua",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "pti": "PTI",
    "ians": "IANS",
}
_WIRE_DATELINE = re.compile(
    r"""\A\s*
    (?:date:?[ \t]+\d{4}-\d{2}-\d{2}[ \t]+)?     # "date 2017-03-11 " header
    (?:(?:[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]*)*    # place in capitals: "NEW YORK", "ST. LOUIS"
       |[A-Z][a-z]*\.?(?:[ ][A-Z][a-z]*\.?){0,2})    # or in title case: "Washington"
       (?:,[^()\n]{1,40}?)?                          # ", D.C.", ", March 11"
       [ \t]*)?
    \((?P<outlet>[A-Z][A-Za-z&.'\- ]{0,40}?)\)   # "(AP)", "(Reuters)"
    [ \t]*(?P<dash>[—–-]{1,2}|:)?                # the dash that ends a dateline
    """,
    re.VERBOSE,
)
_LABEL = re.compile(r"\A\s*(?P<label>published|posted|updated|date)?\b", re.IGNORECASE)


def text_meta(text: str) -> Meta:
    """Read the text's own header: a ``date`` line, a wire dateline, a date line."""
    published: date | None = None
    match = _LEADING_DATE.match(text)
    if match is not None:
        try:
            published = parse_published(match.group(1))
        except NotADate:
            published = None
    if published is None:
        published = _header_date(text)
    return Meta(outlet=_wire_outlet(text), published=published)


def _wire_outlet(text: str) -> str | None:
    match = _WIRE_DATELINE.match(text[:200])
    if match is None:
        return None
    outlet = match.group("outlet").strip()
    known = _WIRES.get(outlet.lower())
    if known is not None:
        return known
    if match.group("dash") and len(outlet.split()) <= 4:
        return outlet
    return None


def _header_date(text: str) -> date | None:
    """Find the first month-name or labelled date on a short line among the first lines."""
    lines = [line for line in text[:2000].split("\n") if line.strip()][:HEADER_LINES]
    updated: date | None = None
    for line in lines:
        if len(line.strip()) > HEADER_LINE_CHARS or _prose(line):
            continue
        found = _date_in_line(line)
        if found is None:
            continue
        label = _LABEL.match(line)
        if label is not None and (label.group("label") or "").lower() == "updated":
            updated = updated or found
            continue
        return found
    return updated


# Lower-case words a date line holds besides its date: a dateline's labels and time zones,
# and a page header's ("Story Created:", "FOR IMMEDIATE RELEASE", "7:15 a.m.").
_HEADER_WORDS = DATELINE_WORDS | frozenset(
    "created date time of from the for immediate release a.m p.m hrs".split()
)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z.'’-]*")


def _prose(line: str) -> bool:
    """A sentence of the story, not a header: "Page was born on April 22, 1923, in Nashville".

    A header's lower-case words are labels and times ("Posted on", "Last updated at
    11:24", "7:15 a.m."); a sentence has words of its own ("was born", "awoke to").
    """
    words = [w.rstrip(".") for w in _LOWER_WORD.findall(line)]
    return sum(1 for w in words if w not in _HEADER_WORDS) >= PROSE_WORDS


PROSE_WORDS = 2  # lower-case words that are neither labels nor times: a sentence


def _date_in_line(line: str) -> date | None:
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        match = pattern.search(line)
        if match is not None:
            try:
                return _named_day(match, match.group(0))
            except NotADate:
                continue
    label = _LABEL.match(line)
    if label is None or not label.group("label"):
        return None
    iso = _ISO.search(line)
    if iso is not None:
        try:
            return _day(iso.group("year"), iso.group("month"), iso.group("day"), iso.group(0))
        except NotADate:
            return None
    numeric = _NUMERIC.search(line)
    if numeric is not None:
        return _numeric_day(numeric)
    return None


def _numeric_day(match: re.Match[str]) -> date | None:
    """11/27/2005 or 27/11/2005; None when both orders name a day ("04/02/07" style)."""
    first, second, year = match.group("a"), match.group("b"), match.group("year")
    if int(first) > 12 >= int(second):
        day, month = first, second
    elif int(second) > 12 >= int(first):
        day, month = second, first
    else:
        return None  # 4/2/2007: April 2 or 4 February, the page does not say
    try:
        return _day(year, month, day, match.group(0))
    except NotADate:
        return None


# --------------------------------------------------------------------------- claims.yaml globs


@lru_cache(maxsize=1024)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a claims.yaml ``sources:`` key into a regex over POSIX paths.

    ``*`` and ``?`` stay inside one folder, ``**`` spans any number of folders,
    ``[abc]`` is a character class; a pattern naming a folder covers what is in it.
    """
    parts = pattern.strip("/").split("/")
    out: list[str] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]*/)*")
            continue
        out.append(_segment_regex(part))
        if not last:
            out.append("/")
    try:
        return re.compile("".join(out) + "(?:/.*)?")
    except re.error:  # a class such as "[z-a]": match the pattern literally instead
        return re.compile(re.escape(pattern))


def _segment_regex(part: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = part.find("]", i + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = part[i + 1 : end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                escaped = body.replace("\\", "\\\\").replace("^", "\\^")
                out.append(f"[{'^' if negate else ''}{escaped}]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def glob_matches(pattern: str, candidates: Iterable[str]) -> bool:
    """Tell whether a claims.yaml pattern matches one of an article's candidate names."""
    regex = _glob_regex(pattern)
    return any(regex.fullmatch(candidate) for candidate in candidates)


def config_meta(entries: Sequence[SourceMeta], candidates: Sequence[str]) -> Meta:
    """Merge the claims.yaml entries that match; a later entry overrides an earlier one."""
    result = Meta()
    for entry in entries:
        if glob_matches(entry.pattern, candidates):
            given = Meta(entry.outlet, entry.published, entry.title, entry.url)
            result = given.over(result)
    return result


def resolve(configured: Meta, embedded: Meta, text: str) -> Meta:
    """claims.yaml over front matter / meta tags / JSON fields over datelines, field by field."""
    merged = configured.over(embedded)
    if merged.outlet is None or merged.published is None:
        merged = merged.over(text_meta(text))
    return merged
