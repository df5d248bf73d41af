"""Clock-time phrases ("shortly before 2:30 p.m.", "from 11 to 1 p.m.") -> minute intervals.

The date finder's grammar includes these patterns; a time is the minutes after
midnight it allows:

=========================  ==============================================
2:29 p.m., 14:29 GMT       that minute; a bare "14:29" only with a zone,
                           a leading zero or an hour past 12
shortly/just before T      [T-30min, T)
shortly/just after T       (T, T+30min]
before T / after T         the rest of the day before or after T
by T                       midnight .. T
about/around T             T+-15min, T+-30min for a whole hour
from 11 to 1 p.m.          [11:00, 13:00]
=========================  ==============================================
"""

from __future__ import annotations

import re

from claimcheck.model import Interval, MentionKind, TimeValue
from claimcheck.normalize import Found
from claimcheck.normalize.patterns import MER, ci

TMOD = (
    "shortly before|shortly after|just before|just after|soon after|right after|right before"
    "|not long after|not long before|sometime before|sometime after|about|around|approximately"
    "|roughly|nearly|almost|before|after|by"
)
_H24_CONTEXT = re.compile(r"\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|local|hrs|hours|h\b)")


def clock_pattern(p: str) -> str:
    """One clock time; groups are named ``{p}h``, ``{p}mi``, ``{p}mer``, ``{p}h24``..."""
    return rf"""(?: (?P<{p}h>1[0-2]|0?[1-9])(?::(?P<{p}mi>[0-5][0-9]))?(?::[0-5][0-9])?\s*
                    (?P<{p}mer>{MER})
                  | (?P<{p}h24>[01]?[0-9]|2[0-3]):(?P<{p}mi24>[0-5][0-9])(?::[0-5][0-9])?
                    (?![0-9:])(?!\s*{MER})
                  | (?P<{p}word>[Nn]oon|[Mm]idday|[Mm]idnight)\b )"""


# A first hour without its own meridiem needs "between" or "from": "from 11 to 1 p.m.".
TIME_RANGE_PATTERN = rf"""(?P<trange>(?:(?P<tr_lead>[Bb]etween|[Ff]rom)\s+)?
     (?P<ra_h>1[0-2]|0?[1-9])(?::(?P<ra_mi>[0-5][0-9]))?(?:\s*(?P<ra_mer>{MER}))?
     (?(tr_lead)|(?(ra_mer)|(?!)))\s*(?:and|to|until|till|[-–])\s*
     (?P<rb_h>1[0-2]|0?[1-9])(?::(?P<rb_mi>[0-5][0-9]))?\s*(?P<rb_mer>{MER}))"""
TIME_PATTERN = rf"(?P<time>(?:[Aa]t\s+)?(?:(?P<t_mod>{ci(TMOD)})\s+)?{clock_pattern('t_')})"


def time_found(m: re.Match[str]) -> Found | None:
    """The interval one ``time`` match allows, widened or narrowed by its modifier."""
    hour = _hour(m, "t_")
    if hour is None:
        return None
    mod = " ".join((m.group("t_mod") or "").lower().split())
    start = min(m.start(g) for g in ("t_mod", "t_h", "t_h24", "t_word") if m.start(g) >= 0)
    if mod == "by":
        interval = Interval(0, hour or 1440)
    elif mod.endswith("before") or mod in ("nearly", "almost"):
        hour = hour or 1440  # "shortly before midnight" is late evening
        wide = hour if mod == "before" else 30
        interval = Interval(max(0, hour - wide), hour, hi_open=True)
    elif mod.endswith("after"):
        wide = 1440 if mod == "after" else 30
        interval = Interval(hour, min(1440, hour + wide), lo_open=True)
    elif mod:
        wide = 30 if hour % 60 == 0 else 15
        interval = Interval(max(0, hour - wide), min(1440, hour + wide))
    else:
        interval = Interval.point(hour)
    return Found(MentionKind.TIME, start, m.end(), TimeValue(interval))


def _hour(m: re.Match[str], p: str) -> float | None:
    """Minutes after midnight of one clock phrase, or None when it is not clearly a time."""
    word = m.group(p + "word")
    if word is not None:
        return 0.0 if word.lower() == "midnight" else 720.0
    if m.group(p + "h24") is not None:
        hour, minute = int(m.group(p + "h24")), int(m.group(p + "mi24"))
        whole = m.start() == 0 and m.end() == len(m.string)
        explicit = hour == 0 or hour > 12 or m.group(p + "h24").startswith("0")
        if not (explicit or whole or _H24_CONTEXT.match(m.string, m.end())):
            return None  # "2:29" alone may be a race time or 2:29 p.m.
        return float(hour * 60 + minute)
    return _twelve(int(m.group(p + "h")), m.group(p + "mi"), m.group(p + "mer"))


def _twelve(hour: int, minute: str | None, meridiem: str) -> float:
    pm = meridiem[0] in "pP"
    return float(((hour % 12) + (12 if pm else 0)) * 60 + int(minute or 0))


def time_range_found(m: re.Match[str]) -> Found:
    """The interval one ``trange`` match spans."""
    end_mer = m.group("rb_mer")
    last = _twelve(int(m.group("rb_h")), m.group("rb_mi"), end_mer)
    first = _twelve(int(m.group("ra_h")), m.group("ra_mi"), m.group("ra_mer") or end_mer)
    if first > last:  # "11 to 1 p.m.": the start is in the morning
        first -= 720
    return Found(MentionKind.TIME, m.start(), m.end(), TimeValue(Interval(first, last)))
