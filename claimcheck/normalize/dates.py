"""Date and time phrases in text -> calendar intervals and clock intervals.

Every date is the interval of days it names, resolved against the publication
date: "November" in an article of 2017-03-11 is 2016-11-01..2016-11-30,
"Saturday" the most recent Saturday on or before publication, "Dec. 28" the one
nearest publication, "since 2009" 2009-01-01..publication. With no publication
date, anything relative stays an ``UnresolvedDate`` holding its surface; it is
never guessed.

Words that are only sometimes dates need context: a bare year ("in 2009", "the
2016 election", not "2009 people"), "May" and "March" ("in May", "a May meeting",
not "May said"), a month before a capitalized word ("April Ryan"). Context is
waived when the phrase is the whole text, so a found surface reads the same again.

Modifiers that widen or narrow the interval belong to the surface:

=========================  ==============================================
early / beginning of       first half of the month, year or decade
mid / middle of            middle half
late / end of              second half
since X                    X.first .. publication (open end if unknown)
before X / after X         open interval ending the day before X / after
until, through, by X       open interval ending on X's last day
set for, scheduled for X   the first such month or day on or after publication
"N days ago"               that day; weeks, months, years +-3, 15, 182 days
shortly/just before T      [T-30min, T)
shortly/just after T       (T, T+30min]
about/around T             T+-15min, T+-30min for a whole hour
=========================  ==============================================
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from itertools import groupby

from claimcheck.model import DateValue, Interval, MentionKind, TimeValue, UnresolvedDate
from claimcheck.normalize import Found

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = {m[:3].lower(): i for i, m in enumerate(_MONTH_FULL.split("|"), 1)}
_FULL_MONTHS = frozenset(_MONTH_FULL.split("|"))
_WEEKDAYS = tuple(_WD.lower().split("|"))
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
            "winter": (12, 2)}  # fmt: skip
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4, "latter": 2, "h1": 1, "h2": 2}  # fmt: skip
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns after a bare year that make it a date: "the 2016 election", "2009 season".
_DATE_NOUNS = _words(
    "election elections campaign season census budget race primary primaries olympics games "
    "cup attack attacks earthquake quake crisis shooting bombing bombings ceremony awards "
    "tournament championship final finals summit vote referendum midterms midterm film movie "
    "album report survey study law act fiscal calendar model edition hurricane storm floods "
    "flood tsunami convention debate deadline war riots protests crash incident trial arrest "
    "festival tour draft class recession meeting conference book novel winter spring summer "
    "fall autumn presidential general world global financial"
)
# Words that may follow a year after a weak lead ("by 2020, ..." but not "by 2020 votes").
_AFTER_YEAR_OK = _words(
    "and or to when through until the a an with as but in at after before was were is had has "
    "he she they it we that which while where for by from on of"
)
_FUNCTION_WORDS = _AFTER_YEAR_OK | _words("said says who whom")
_OPEN_LEADS = _words("since before after until till through by") | {"prior to"}
_REL_LEADS = _words("last next this") | {"this past"}
# Leads that put a month or weekday ahead of publication: "sentencing is set for October".
_FUTURE_LEADS = frozenset(
    "set for|scheduled for|slated for|planned for|due in|due on|expected in|expected on"
    "|will be held in|will be held on|this coming|coming".split("|")
)
_WEAK_LEADS = _words("by of from at for on")
_TMOD = (
    "shortly before|shortly after|just before|just after|soon after|right after|right before"
    "|not long after|not long before|sometime before|sometime after|about|around|approximately"
    "|roughly|nearly|almost|before|after|by"
)
_LEADS = (
    "since|before|after|until|till|through|by|prior to|in|during|on|of|from|at|for|throughout"
    "|this past|this coming|last|next|this|"
    + "|".join(sorted(_FUTURE_LEADS, key=len, reverse=True))
)
_UNITS = "day|week|month|year|night|decade|hour"
_YEAR = r"(?:1[5-9]|20)[0-9][0-9](?![0-9]|[.,][0-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_MOD = r"[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s+of"
_MER = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"


def _ci(words: str) -> str:
    """``"since|prior to"`` -> a group matching each phrase with either first-letter case."""
    alts = (f"[{w[0].upper()}{w[0]}]{w[1:]}".replace(" ", r"\s+") for w in words.split("|"))
    return "(?:" + "|".join(alts) + ")"


def word_trie(words: set[str]) -> str:
    """Literal words -> one regex that branches letter by letter, so a miss fails fast.

    Shared with the number finder, whose grammar is filtered the same way.
    """

    def emit(group: list[str]) -> str:
        alts: list[str] = [
            re.escape(char) + emit([w[1:] for w in rest])
            for char, rest in groupby(sorted(w for w in group if w), key=lambda w: w[0])
        ]
        if len(alts) == 1 and "" not in group:
            return alts[0]
        return f"(?:{'|'.join(alts)}){'?' if '' in group else ''}" if alts else ""

    return emit(sorted(words))


_COUNT = (
    rf"(?:[0-9]{{1,3}}|{_ci('|'.join(w for w in _SMALL if len(w) > 2))}"
    r"|[Aa]n?|[Aa]\s+few|[Ss]everal|[Aa]\s+couple\s+of)"
)


def _simple(p: str) -> str:
    """One date phrase; groups are named ``{p}field`` plus a digit where a field repeats."""
    mon = r"(?P<{p}mon{i}>(?:" + _MONTH_FULL + r")\b|(?:" + _MONTH_ABBR + r")(?:\.|\b))"
    mon1, mon2, mon3 = (mon.format(p=p, i=i) for i in (1, 2, 3))
    return rf"""(?:
      (?:(?P<{p}wdp>{_WD}),?\s+)?
      (?: {mon1}\s+(?P<{p}day1>{_DAY})(?:\s*[-–]\s*(?P<{p}dayto1>{_DAY}))?
            (?:,?\s+(?P<{p}year1>{_YEAR}))?
        | (?:[Tt]he\s+)?(?P<{p}day2>{_DAY})(?:\s*[-–]\s*(?P<{p}dayto2>{_DAY}))?\s+(?:of\s+)?{mon2}
            (?:,?\s+(?P<{p}year2>{_YEAR}))? )
    | (?P<{p}iy>[0-9]{{4}})-(?P<{p}im>[01][0-9])-(?P<{p}id>[0-3][0-9])(?![0-9])
    | (?P<{p}um>[01]?[0-9])/(?P<{p}ud>[0-3]?[0-9])/(?P<{p}uy>[0-9]{{4}}|[0-9]{{2}})(?![0-9/])
    | (?:(?P<{p}mod>{_MOD})[-\s]+)?
      (?: {mon3}(?:,?\s+(?:of\s+)?(?P<{p}year3>{_YEAR}))?
        | (?P<{p}season>{_ci("|".join(_SEASONS))})\s+(?:of\s+)?(?P<{p}year4>{_YEAR})
        | (?P<{p}decade>(?:1[5-9]|20)[0-9]0s|['’][0-9]0s)\b
        | (?P<{p}year5>{_YEAR})(?:[-–/](?P<{p}yy>[0-9]{{2}})(?![0-9]|[-/][0-9]))? )
    | (?:(?P<{p}wmod>[Ee]arly|[Ll]ate)\s+(?:on\s+)?)?(?P<{p}wd>{_WD})\b
      (?:\s+(?P<{p}part>morning|afternoon|evening|night))?
    )"""


def _clock(p: str) -> str:
    return rf"""(?: (?P<{p}h>1[0-2]|0?[1-9])(?::(?P<{p}mi>[0-5][0-9]))?(?::[0-5][0-9])?\s*
                    (?P<{p}mer>{_MER})
                  | (?P<{p}h24>[01]?[0-9]|2[0-3]):(?P<{p}mi24>[0-5][0-9])(?::[0-5][0-9])?
                    (?![0-9:])(?!\s*{_MER})
                  | (?P<{p}word>[Nn]oon|[Mm]idday|[Mm]idnight)\b )"""


# The whole grammar; ``_DATE_RE`` runs it only where one of ``_FIRST_WORDS`` begins a word.
_DATE_PATTERN = rf"""(?:
  (?P<trange>(?:(?P<tr_lead>[Bb]etween|[Ff]rom)\s+)?
     (?P<ra_h>1[0-2]|0?[1-9])(?::(?P<ra_mi>[0-5][0-9]))?(?:\s*(?P<ra_mer>{_MER}))?
     (?(tr_lead)|(?(ra_mer)|(?!)))\s*(?:and|to|until|till|[-–])\s*
     (?P<rb_h>1[0-2]|0?[1-9])(?::(?P<rb_mi>[0-5][0-9]))?\s*(?P<rb_mer>{_MER}))
| (?P<time>(?:[Aa]t\s+)?(?:(?P<t_mod>{_ci(_TMOD)})\s+)?{_clock("t_")})
| (?P<range>(?:(?P<between>[Bb]etween)\s+|(?P<from>[Ff]rom)\s+)?{_simple("a_")}
     \s*(?P<conn>(?(between)(?:and|to)|(?:to|through|thru|until|till|[-–—])))\s*
     (?:{_simple("b_")}|(?P<b_bare>{_DAY})(?![-/][0-9])(?:,?\s+(?P<bare_year>{_YEAR}))?))
| (?P<single>(?:(?P<lead>{_ci(_LEADS)})\s+)?(?:(?P<det>[Tt]he|[Aa]n?)\s+)?{_simple("s_")})
| (?P<quarter>(?:[Tt]he\s+)?(?P<q_ord>{_ci("first|second|third|fourth|final|last|this|next")}
       |1st|2nd|3rd|4th)\s+(?:fiscal\s+|calendar\s+)?quarter\b
     (?:\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\s+)?(?P<q_y1>{_YEAR})
       |,?\s+(?P<q_y2>{_YEAR})|\s+of\s+(?P<q_rel>this|last|next)\s+year|\s+of\s+the\s+year)?
   | (?P<q_q>Q[1-4])\b(?:\s*(?P<q_y3>{_YEAR})|\s*['’](?P<q_yy>[0-9][0-9])\b)?)
| (?P<half>(?:[Tt]he\s+)?(?P<h_ord>{_ci("first|second|latter")}|1st|2nd)\s+half\s+of\s+
     (?:(?P<h_y1>{_YEAR})|(?P<h_rel>this|last|next)\s+year|the\s+year)
   | (?P<h_h>H[12])\s+(?P<h_y2>{_YEAR}))
| (?P<rel>(?P<r_word>{_ci("yesterday|today|tonight|tomorrow")})\b
   | (?P<r_which>{_ci("this past|the past|last|next|this|earlier this|later this|over the")})\s+
     (?P<r_unit>week|month|year|weekend|night|morning|afternoon|evening
       |spring|summer|fall|autumn|winter)\b
   | (?P<r_same>{_ci("earlier|later")})\s+(?:today|tonight)\b)
| (?P<ago>(?P<ago_n>{_COUNT})\s+(?P<ago_u>day|week|month|year|decade)s?\s+ago\b)
| (?P<anchor>(?:{_COUNT}\s+|{_ci("many|some|just")}\s+)?{_ci(_UNITS)}s?
     \s+(?:after|before|later|earlier|prior\s+to|into)\b
     (?:\s+(?:the|his|her|their|its|a)\s+[A-Za-z][\w-]*)?
   | [Tt]he\s+(?:next|following|previous|preceding|same)\s+
     (?:day|morning|afternoon|evening|night|week|weekend|month|year)\b
   | [Tt]he\s+(?:day|night|week|month|year)\s+(?:before|after)\b
     (?:\s+(?:the|his|her|their|its|a)\s+[A-Za-z][\w-]*)?
   | {_ci("later|earlier")}\s+that\s+(?:day|morning|afternoon|evening|night|week|month|year)\b)
)"""
# Every word a match can begin with: testing these first makes a miss cheap (about 3x faster).
_FIRST_WORDS = (
    {
        phrase.split()[0]
        for phrases in (
            _TMOD,
            _LEADS,
            "|".join(_SMALL),
            "|".join(_SEASONS),
            _UNITS,
            _MONTH_FULL,
            _MONTH_ABBR,
            _WD,
        )  # fmt: skip
        for phrase in phrases.split("|")
    }
    | _words(
        "between from at noon midday midnight the early mid late end beginning start middle first "
        "second third fourth final latter yesterday today tonight tomorrow earlier later over "
        "several many some just"
    )
    | {unit + "s" for unit in _UNITS.split("|")}
)
_FIRST = (
    rf"(?=[0-9'’]|Q[1-4]|H[12]|{word_trie(_FIRST_WORDS | {w.title() for w in _FIRST_WORDS})}\b)"
)
_DATE_RE = re.compile(rf"(?<![\w$£€]){_FIRST}{_DATE_PATTERN}", re.VERBOSE)
_SINGLE_RE = re.compile(
    rf"""(?<![\w$£€])(?P<single>(?:(?P<lead>{_ci(_LEADS)})\s+)?(?:(?P<det>[Tt]he|[Aa]n?)\s+)?
    {_simple("s_")})""",
    re.VERBOSE,
)
_FIELDS: dict[str, tuple[str, str]] = {
    name: (name[:2], name[2:].rstrip("0123456789"))
    for name in _DATE_RE.groupindex
    if name[:2] in ("a_", "b_", "s_")
}
_PAST_BEFORE = re.compile(r"\b(?:was|were|had)\s+(?:been\s+)?\Z")  # "was set for Dec. 28"
_NAMED_DAY = re.compile(
    r"\b(?:Good|Black|Super|Cyber|Patch|Ash|Bloody|Easter|Palm|Holy|Shrove)\s+\Z"
)
_SPORT = re.compile(
    r"\b(?:yards?|touchdowns?|scor(?:e|ed|es|ing)|(?<!percentage )points|pass(?:es)?|deficit"
    r"|trailing|tie|tied|lead|interceptions?|games?|field goal|punt(?:ed|s)?|victory|defeat"
    r"|fumbled?|drives?|defen[cs]e|defensive|offen[cs]e|offensive|quarterback|half|halftime"
    r"|season|end zone|rall(?:y|ied)|rebounds?|assists?|innings?|goals?|[0-9]+-[0-9]+)\b"
)
_NEXT_WORD = re.compile(r"['’]s\b|\s+([A-Za-z][\w-]*)")
_H24_CONTEXT = re.compile(r"\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|local|hrs|hours|h\b)")


def find_dates(text: str, published: date | None) -> list[Found]:
    """Every date and time phrase in ``text``, sorted, non-overlapping, longest first."""
    found: list[Found] = []
    pos = 0
    while (m := _DATE_RE.search(text, pos)) is not None:
        try:
            hit = _SKIP if _in_url(text, m.start()) else _resolve(m, text, published)
        except (ValueError, OverflowError):  # a day that does not exist ("February 30")
            hit = None
        if isinstance(hit, Found):
            found.append(hit)
        pos = hit.end if isinstance(hit, Found) else m.end() if hit is _SKIP else m.start() + 1
    return found


_SKIP = object()  # the words matched are not a date here: do not look inside them again


def _in_url(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a web address or path ("/2013/may/03/", "www.")."""
    space = max(text.rfind(" ", max(0, pos - 200), pos), text.rfind("\n", max(0, pos - 200), pos))
    chunk = text[space + 1 : pos]
    return "/" in chunk or "www." in chunk


def _resolve(m: re.Match[str], text: str, published: date | None) -> Found | object | None:
    group = m.lastgroup
    if group == "trange":
        return _time_range(m)
    if group == "time":
        return _time(m)
    if group == "range":
        hit = _range(m, text, published)
        single = _SINGLE_RE.match(text, m.start()) if hit is None else None
        return _single(single, text, published) if single else hit
    if group == "single":
        return _single(m, text, published)
    value: DateValue | UnresolvedDate | None
    if group in ("quarter", "half"):
        if _game_quarter(m, text):
            return _SKIP
        value = _quarter(m, published)
    elif group == "rel":
        value = _relative(m, published)
    elif group == "ago":
        value = _ago(m, published)
    else:
        value = UnresolvedDate("")
    return _date_found(text, m.start(), m.end(), value)


# --------------------------------------------------------------------------- times


def _time(m: re.Match[str]) -> Found | None:
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


def _time_range(m: re.Match[str]) -> Found:
    end_mer = m.group("rb_mer")
    last = _twelve(int(m.group("rb_h")), m.group("rb_mi"), end_mer)
    first = _twelve(int(m.group("ra_h")), m.group("ra_mi"), m.group("ra_mer") or end_mer)
    if first > last:  # "11 to 1 p.m.": the start is in the morning
        first -= 720
    return Found(MentionKind.TIME, m.start(), m.end(), TimeValue(Interval(first, last)))


# --------------------------------------------------------------------------- dates


def _fields(m: re.Match[str], prefix: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in m.groupdict().items():
        if value is not None and name in _FIELDS and _FIELDS[name][0] == prefix:
            out[_FIELDS[name][1]] = value
    return out


def _single(m: re.Match[str], text: str, published: date | None) -> Found | object | None:
    f = _fields(m, "s_")
    lead = " ".join((m.group("lead") or "").lower().split())
    det = (m.group("det") or "").lower()
    if lead in _REL_LEADS:
        if not f.keys() <= {"wd", "part", "wmod", "mon"}:
            return _SKIP
        f["rel"] = "last" if lead == "this past" else lead
    future = lead in _FUTURE_LEADS and "year" not in f and ("mon" in f or "wd" in f)
    future = future and not _PAST_BEFORE.search(text, max(0, m.start() - 20), m.start())
    if future:
        f["rel"] = "future"
    whole = m.start() == 0 and m.end() == len(text.rstrip())
    if not whole and not _context_ok(f, lead, det, text, m.start(), m.end()):
        return _SKIP
    value = _simple_value(f, published)
    if lead in _OPEN_LEADS:
        value = _open(lead, value, published)
    if lead in _OPEN_LEADS or lead in _REL_LEADS or future:
        start = m.start("lead")
    else:  # "in", "of", "the" do not change the value
        start = min(m.start(n) for n in _FIELDS if n.startswith("s_") and m.start(n) >= 0)
    return _date_found(text, start, m.end(), value)


def _context_ok(f: dict[str, str], lead: str, det: str, text: str, start: int, end: int) -> bool:
    """Whether a bare year, a month alone or a weekday is a date here."""
    following = _NEXT_WORD.match(text, end)
    word = (following.group(1) or "'s") if following else ""
    if f.keys() == {"year"}:
        if lead and lead not in _WEAK_LEADS:
            return True
        if lead:  # "by 2020, ..." but not "by 2020 votes"
            return not word.islower() or word in _AFTER_YEAR_OK or word in _DATE_NOUNS
        return word.lower() in _DATE_NOUNS or word == "'s"
    if f.keys() == {"mon"}:
        if f["mon"] not in _FULL_MONTHS:
            return False  # "Jan." alone is not a month mention
        if lead:
            return True
        if det and word.islower() and word not in _FUNCTION_WORDS:
            return True  # "a May meeting"
        return f["mon"] not in ("May", "March") and not word[:1].isupper()
    if "wd" in f and (det == "a" or det and word[:1].isupper()):
        return False  # "on a Saturday" is any Saturday; "the Sunday Times" is a name
    return not ("wd" in f and _NAMED_DAY.search(text, max(0, start - 12), start))


def _date_found(
    text: str, start: int, end: int, value: DateValue | UnresolvedDate | None
) -> Found | None:
    if value is None:
        return None
    if isinstance(value, UnresolvedDate):
        value = UnresolvedDate(text[start:end])
    return Found(MentionKind.DATE, start, end, value)


def _range(m: re.Match[str], text: str, published: date | None) -> Found | None:
    a, b = _fields(m, "a_"), _fields(m, "b_")
    bare = m.group("b_bare")
    if bare is not None:
        if "day" in a and "dayto" not in a:  # "March 3 to 5, 2018"
            year = m.group("bare_year") or a.get("year")
            b = {"mon": a["mon"], "day": bare} | ({"year": year} if year else {})
        elif a.keys() == {"year"} and m.group("conn") in "-–—":  # "2009-17"
            b = {"year": a["year"][:2] + bare.zfill(2)}
        else:
            return None
    if any(side.keys() == {"mon"} and side["mon"] not in _FULL_MONTHS for side in (a, b)):
        return None
    if "year" not in a and "year" in b and ("mon" in a or "season" in a):
        a["hint"] = b["year"]  # "from September to December 2010"
    first, last = _simple_value(a, published), _simple_value(b, published)
    if first is None or last is None:
        return None
    if isinstance(first, UnresolvedDate) or isinstance(last, UnresolvedDate):
        return _date_found(text, m.start(), m.end(), UnresolvedDate(""))
    if first.first > last.last and "hint" in a:
        a["hint"] = str(int(a["hint"]) - 1)
        first = _simple_value(a, published)
    if not isinstance(first, DateValue) or first.first > last.last:
        return None
    return Found(MentionKind.DATE, m.start(), m.end(), DateValue(first.first, last.last, "range"))


def _simple_value(f: dict[str, str], published: date | None) -> DateValue | UnresolvedDate | None:
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
        month = _MONTHS[f["mon"][:3].lower()]
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
        value = _months(year, month, month, "month")
    elif "season" in f:
        value = _season(f["season"].lower(), year)
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
        value = _months(year, 1, 12, "year")
    else:
        return None
    return _modify(value, f.get("mod", ""))


def _months(year: int, first: int, last: int, granularity: str) -> DateValue:
    """Whole months ``first``..``last`` of ``year``; a ``last`` before ``first`` is next year."""
    end_year = year + 1 if last < first else year
    end = date(end_year, last, monthrange(end_year, last)[1])
    return DateValue(date(year, first, 1), end, granularity)


def _season(name: str, year: int) -> DateValue:
    return _months(year, *_SEASONS[name], "range")


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
        wrong_day = weekday is not None and _WEEKDAYS[candidate.weekday()] != weekday.lower()
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
    back = (published.weekday() - _WEEKDAYS.index(f["wd"].lower())) % 7
    rel = f.get("rel", "")
    if rel == "next":
        back = -((-back) % 7 or 7)
    elif rel in ("this", "future"):
        back = -((-back) % 7)
    elif rel == "last":
        back = back or 7
    day = published - timedelta(days=back)
    return DateValue(day, day, "day")


def _open(
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


def _quarter(m: re.Match[str], published: date | None) -> DateValue | UnresolvedDate | None:
    half = m.group("half") is not None
    word = m.group("h_ord") or m.group("h_h") if half else m.group("q_ord") or m.group("q_q")
    word, months = word.lower(), 6 if half else 3
    number = int(word[1]) if word[0] == "q" else _ORDINALS.get(word, 0)
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


def _game_quarter(m: re.Match[str], text: str) -> bool:
    """Whether "the third quarter" is a period of a game: no year, and sport in the sentence."""
    if not m.group("q_ord") or m.group("q_y1") or m.group("q_y2") or m.group("q_rel"):
        return False
    start = text.rfind(". ", max(0, m.start() - 200), m.start()) + 1
    end = text.find(". ", m.end(), m.end() + 200)
    return (
        _SPORT.search(text, start or max(0, m.start() - 200), end if end >= 0 else m.end() + 200)
        is not None
    )


def _period(year: int, number: int, months: int) -> DateValue:
    granularity = "quarter" if months == 3 else "range"
    return _months(year, (number - 1) * months + 1, number * months, granularity)


def _relative(m: re.Match[str], published: date | None) -> DateValue | UnresolvedDate | None:
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
    if unit in _SEASONS:
        return _relative_season(unit, p, step)
    if unit == "week":
        first = p - timedelta(days=p.weekday() - 7 * step)
        value = DateValue(first, first + timedelta(days=6), "week")
    elif unit == "month":
        year, month = divmod(p.year * 12 + p.month - 1 + step, 12)
        value = _months(year, month + 1, month + 1, "month")
    else:
        value = _months(p.year + step, 1, 12, "year")
    if which == "earlier this":
        return DateValue(value.first, p, "range")
    if which == "later this":
        return DateValue(p, value.last, "range")
    return value


def _relative_season(name: str, p: date, step: int) -> DateValue:
    year = p.year - 1 if name == "winter" and p.month <= 2 else p.year
    while step < 0 and _season(name, year).last >= p:
        year -= 1
    while step > 0 and _season(name, year).first <= p:
        year += 1
    return _season(name, year)


def _ago(m: re.Match[str], published: date | None) -> DateValue | UnresolvedDate | None:
    count_text = " ".join(m.group("ago_n").lower().split())
    count = int(count_text) if count_text.isdigit() else _SMALL.get(count_text, 0)
    if published is None or not count:  # "a few days ago" is too loose to place
        return UnresolvedDate("")
    unit = m.group("ago_u")
    days, slack = {"day": (1, 0), "week": (7, 3), "month": (30.44, 15), "year": (365.25, 182),
                   "decade": (3652.5, 1826)}[unit]  # fmt: skip
    centre = published - timedelta(days=round(days * count))
    value = DateValue(centre - timedelta(days=slack), centre + timedelta(days=slack), "range")
    return DateValue(centre, centre, "day") if unit == "day" else value
