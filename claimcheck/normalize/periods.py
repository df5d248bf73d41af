"""Date fields -> calendar intervals: months, days, weekdays, quarters and relative periods."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from claimcheck.model import DateValue, UnresolvedDate
from claimcheck.normalize.date_grammar import MONTHS, ORDINALS, SEASONS, SMALL, WEEKDAYS


def simple_value(f: dict[str, str], published: date | None) -> DateValue | UnresolvedDate | None:
    """Give the interval one date phrase names; UnresolvedDate when it needs ``published``."""
    if "iy" in f or "uy" in f:
        year = int(f.get("iy") or f["uy"])
        if year < 100:  # "3/11/17"
            year += 2000 if year <= (published.year % 100 + 1 if published else 30) else 1900
        day = date(year, int(f.get("im") or f["um"]), int(f.get("id") or f["ud"]))
        return DateValue(day, day, "day")
    year = int(f.get("year") or f.get("hint") or 0)
    if "wd" in f:
        return _weekday(f, published)
    if "mon" in f:
        month = MONTHS[f["mon"][:3].lower()]
        if not year and published is None:
            return UnresolvedDate("")
        if "day" in f:
            first, last = (int(f.get(k, "0").rstrip("stndrh")) for k in ("day", "dayto"))
            if not year and published is not None:
                year = _nearest_year(month, first, published, f.get("wdp"), f.get("rel", ""))
            start = date(year, month, first)
            if last:
                return DateValue(start, date(year, month, last), "range")
            return DateValue(start, start, "day")
        if not year and published is not None:
            year = _month_year(month, published, f.get("rel", ""))
        value = month_span(year, month, month, "month")
    elif "season" in f:
        value = season_span(f["season"].lower(), year)
    elif "decade" in f:
        digits = f["decade"].strip("'’s")
        start_year = (
            int(digits) if len(digits) == 4 else 1900 + int(digits) + 100 * (int(digits) < 30)
        )
        value = DateValue(date(start_year, 1, 1), date(start_year + 9, 12, 31), "range")
    elif year and "yy" in f:  # "the 2008-09 season"
        last = year // 100 * 100 + int(f["yy"])
        if not year < last <= year + 10:
            return None
        value = DateValue(date(year, 1, 1), date(last, 12, 31), "range")
    elif year:
        value = month_span(year, 1, 12, "year")
    else:
        return None
    return _modify(value, f.get("mod", ""))


def month_span(year: int, first: int, last: int, granularity: str) -> DateValue:
    """Whole months ``first``..``last`` of ``year``; a ``last`` before ``first`` is next year."""
    end_year = year + 1 if last < first else year
    end = date(end_year, last, monthrange(end_year, last)[1])
    return DateValue(date(year, first, 1), end, granularity)


def season_span(name: str, year: int) -> DateValue:
    """The months of one season; winter runs from December of ``year`` into the next."""
    return month_span(year, *SEASONS[name], "range")


def _modify(value: DateValue, mod: str) -> DateValue:
    """Early/mid/late: half of the interval, overlapping so "early" and "mid" agree."""
    mod = mod.lower().split()[-2] if " of" in mod.lower() else mod.lower()
    span = (value.last - value.first).days + 1
    half = timedelta(days=max(1, span // 2) - 1)
    if mod in ("early", "beginning", "start"):
        return DateValue(value.first, value.first + half, "range")
    if mod in ("late", "end"):
        return DateValue(value.last - half, value.last, "range")
    if mod:
        quarter = timedelta(days=span // 4)
        return DateValue(value.first + quarter, value.last - quarter, "range")
    return value


def _nearest_year(month: int, day: int, published: date, weekday: str | None, rel: str) -> int:
    """Pick the year that puts ``month``/``day`` nearest publication (on ``weekday`` if given)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        wrong_day = weekday is not None and WEEKDAYS[candidate.weekday()] != weekday.lower()
        past = rel == "future" and candidate < published  # "set for March 3": not a past one
        candidates.append((past, wrong_day, abs((candidate - published).days), year))
    if not candidates:
        raise ValueError("no such day")
    return min(candidates)[-1]


def _month_year(month: int, p: date, rel: str) -> int:
    """The year of a month named without one: the latest on or before publication."""
    if rel == "next":
        return p.year if month > p.month else p.year + 1
    if rel == "future":
        return p.year if month >= p.month else p.year + 1
    if rel == "last":
        return p.year if month < p.month else p.year - 1
    return p.year if month <= p.month or rel == "this" else p.year - 1


def _weekday(f: dict[str, str], published: date | None) -> DateValue | UnresolvedDate:
    if published is None:
        return UnresolvedDate("")
    back = (published.weekday() - WEEKDAYS.index(f["wd"].lower())) % 7
    rel = f.get("rel", "")
    if rel == "next":
        back = -((-back) % 7 or 7)
    elif rel in ("this", "future"):
        back = -((-back) % 7)
    elif rel == "last":
        back = back or 7
    day = published - timedelta(days=back)
    return DateValue(day, day, "day")


def open_interval(
    lead: str, value: DateValue | UnresolvedDate | None, published: date | None
) -> DateValue | UnresolvedDate | None:
    """Since/before/after/until X: the open interval the lead makes of X."""
    if not isinstance(value, DateValue):
        return value
    if lead == "since":
        if published is not None and published >= value.first:
            return DateValue(value.first, published, "range")
        return DateValue(value.first, date.max, "open")
    if lead in ("before", "prior to"):
        return DateValue(date.min, value.first - timedelta(days=1), "open")
    if lead == "after":
        return DateValue(value.last + timedelta(days=1), date.max, "open")
    return DateValue(date.min, value.last, "open")


# --------------------------------------------------------------------------- relative


def quarter_value(m: re.Match[str], published: date | None) -> DateValue | UnresolvedDate | None:
    """A quarter or half year ("Q4 2016", "the second quarter", "H1 2017")."""
    half = m.group("half") is not None
    word = m.group("h_ord") or m.group("h_h") if half else m.group("q_ord") or m.group("q_q")
    word, months = word.lower(), 6 if half else 3
    number = int(word[1]) if word[0] == "q" else ORDINALS.get(word, 0)
    year_text = m.group("h_y1") or m.group("h_y2") or m.group("q_y1") or m.group("q_y2")
    year_text = year_text or m.group("q_y3") or ("20" + m.group("q_yy") if m.group("q_yy") else "")
    rel = m.group("h_rel") or m.group("q_rel") or ""
    if year_text:
        return _period(int(year_text), number, months) if number else None
    if published is None:
        return UnresolvedDate("")
    if word in ("last", "this", "next") and not rel:  # the quarter before this one
        current = (published.month - 1) // 3 + {"last": -1, "this": 0, "next": 1}[word]
        return _period(published.year + current // 4, current % 4 + 1, months)
    year = published.year + {"this": 0, "last": -1, "next": 1}.get(rel, 0)
    if not number:
        return None
    if not rel and date(year, (number - 1) * months + 1, 1) > published:
        year -= 1  # "the second quarter" is the latest one begun by publication
    return _period(year, number, months)


def _period(year: int, number: int, months: int) -> DateValue:
    granularity = "quarter" if months == 3 else "range"
    return month_span(year, (number - 1) * months + 1, number * months, granularity)


def relative_value(m: re.Match[str], published: date | None) -> DateValue | UnresolvedDate | None:
    """A day or period named from publication ("yesterday", "last week", "later this month")."""
    word = (m.group("r_word") or m.group("r_same") or "").lower()
    which = " ".join((m.group("r_which") or "").lower().split())
    unit = m.group("r_unit") or ""
    if (which == "over the") != (unit == "weekend" and which == "over the") or (
        which in ("earlier this", "later this", "the past")
        and unit not in ("week", "month", "year")
    ):
        return None
    if published is None:
        return UnresolvedDate("")
    p = published
    if word:
        day = p + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        return DateValue(day, day, "day")
    step = {"last": -1, "this past": -1, "next": 1}.get(which, 0)
    if unit in ("night", "morning", "afternoon", "evening"):
        day = p - timedelta(days=1) if which == "last" else p
        return None if step > 0 else DateValue(day, day, "day")
    if which == "the past":
        back = {"week": 6, "month": 29, "year": 364}[unit]
        return DateValue(p - timedelta(days=back), p, "range")
    if unit == "weekend":  # the latest Saturday begun, or the coming one for "this"/"next"
        ahead = (5 - p.weekday()) % 7
        saturday = p - timedelta(days=(p.weekday() - 5) % 7)
        if which == "this" and p.weekday() < 5 or which == "next":
            saturday = p + timedelta(days=ahead or 7)
        elif which == "last" and p.weekday() >= 5:
            saturday -= timedelta(days=7)
        return DateValue(saturday, saturday + timedelta(days=1), "range")
    if unit in SEASONS:
        return _relative_season(unit, p, step)
    if unit == "week":
        first = p - timedelta(days=p.weekday() - 7 * step)
        value = DateValue(first, first + timedelta(days=6), "week")
    elif unit == "month":
        year, month = divmod(p.year * 12 + p.month - 1 + step, 12)
        value = month_span(year, month + 1, month + 1, "month")
    else:
        value = month_span(p.year + step, 1, 12, "year")
    if which == "earlier this":
        return DateValue(value.first, p, "range")
    if which == "later this":
        return DateValue(p, value.last, "range")
    return value


def _relative_season(name: str, p: date, step: int) -> DateValue:
    year = p.year - 1 if name == "winter" and p.month <= 2 else p.year
    while step < 0 and season_span(name, year).last >= p:
        year -= 1
    while step > 0 and season_span(name, year).first <= p:
        year += 1
    return season_span(name, year)


def ago_value(m: re.Match[str], published: date | None) -> DateValue | UnresolvedDate | None:
    """Give the day "N days, weeks or years ago" names, widened for the coarser units."""
    count_text = " ".join(m.group("ago_n").lower().split())
    count = int(count_text) if count_text.isdigit() else SMALL.get(count_text, 0)
    if published is None or not count:  # "a few days ago" is too loose to place
        return UnresolvedDate("")
    unit = m.group("ago_u")
    days, slack = {"day": (1, 0), "week": (7, 3), "month": (30.44, 15), "year": (365.25, 182),
                   "decade": (3652.5, 1826)}[unit]  # fmt: skip
    centre = published - timedelta(days=round(days * count))
    value = DateValue(centre - timedelta(days=slack), centre + timedelta(days=slack), "range")
    return DateValue(centre, centre, "day") if unit == "day" else value
