"""Date and time phrases in text -> calendar intervals and clock intervals.

Every date is the interval of days it names, resolved against the publication
date: "November" in an article of 2017-03-11 is 2016-11-01..2016-11-30,
"Saturday" the most recent Saturday on or before publication, "Dec. 28" the one
nearest publication, "since 2009" 2009-01-01..publication. With no publication
date, anything relative stays an ``UnresolvedDate`` holding its surface; it is
never guessed.

Tense turns that around: after a future cue in the same clause ("will sign the
contract on Friday", "is set to approve the budget in April", "at its next
meeting on Jan. 16") a month, day or weekday without a year is the first one on
or after publication. Only the words before the date count, the nearest cue
wins, and a past cue ("met", "was held", "resigned") keeps the reading above;
``tense`` lists the cues. "Last", "next", "this" and "since" already say which
way to look and are never overridden.

Words that are only sometimes dates need context: a bare year ("in 2009", "the
2016 election", not "2009 people"), "May" and "March" ("in May", "a May meeting",
not "May said"), a month before a capitalized word ("April Ryan"). Context is
waived when the phrase is the whole text, so a found surface reads the same again,
unless a tense cue before it moved it forward.

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
=========================  ==============================================

The grammar and the word tables live in ``date_grammar``, the calendar arithmetic
in ``periods``, clock times and their modifiers in ``times``.
"""

from __future__ import annotations

import re
from datetime import date

from claimcheck.model import DateValue, MentionKind, UnresolvedDate
from claimcheck.normalize import Found
from claimcheck.normalize.date_grammar import (
    COUNT,
    DAY,
    FULL_MONTHS,
    FUTURE_LEADS,
    LEADS,
    MONTH_ABBR,
    MONTH_FULL,
    OPEN_LEADS,
    REL_LEADS,
    SEASONS,
    SMALL,
    UNITS,
    WD,
    YEAR,
    simple_pattern,
)
from claimcheck.normalize.patterns import ci, in_url, word_trie, words
from claimcheck.normalize.periods import (
    ago_value,
    open_interval,
    quarter_value,
    relative_value,
    simple_value,
)
from claimcheck.normalize.tense import tense_before
from claimcheck.normalize.times import (
    TIME_PATTERN,
    TIME_RANGE_PATTERN,
    TMOD,
    time_found,
    time_range_found,
)

# Nouns after a bare year that make it a date: "the 2016 election", "2009 season".
_DATE_NOUNS = words(
    "election elections campaign season census budget race primary primaries olympics games "
    "cup attack attacks earthquake quake crisis shooting bombing bombings ceremony awards "
    "tournament championship final finals summit vote referendum midterms midterm film movie "
    "album report survey study law act fiscal calendar model edition hurricane storm floods "
    "flood tsunami convention debate deadline war riots protests crash incident trial arrest "
    "festival tour draft class recession meeting conference book novel winter spring summer "
    "fall autumn presidential general world global financial"
)
# Words that may follow a year after a weak lead ("by 2020, ..." but not "by 2020 votes").
_AFTER_YEAR_OK = words(
    "and or to when through until the a an with as but in at after before was were is had has "
    "he she they it we that which while where for by from on of"
)
_FUNCTION_WORDS = _AFTER_YEAR_OK | words("said says who whom")
_WEAK_LEADS = words("by of from at for on")

# The whole grammar; ``_DATE_RE`` runs it only where one of ``_FIRST_WORDS`` begins a word.
_DATE_PATTERN = rf"""(?:
  {TIME_RANGE_PATTERN}
| {TIME_PATTERN}
| (?P<range>(?:(?P<between>[Bb]etween)\s+|(?P<from>[Ff]rom)\s+)?{simple_pattern("a_")}
     \s*(?P<conn>(?(between)(?:and|to)|(?:to|through|thru|until|till|[-–—])))\s*
     (?:{simple_pattern("b_")}|(?P<b_bare>{DAY})(?![-/][0-9])(?:,?\s+(?P<bare_year>{YEAR}))?))
| (?P<single>(?:(?P<lead>{ci(LEADS)})\s+)?(?:(?P<det>[Tt]he|[Aa]n?)\s+)?{simple_pattern("s_")})
| (?P<quarter>(?:[Tt]he\s+)?(?P<q_ord>{ci("first|second|third|fourth|final|last|this|next")}
       |1st|2nd|3rd|4th)\s+(?:fiscal\s+|calendar\s+)?quarter\b
     (?:\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\s+)?(?P<q_y1>{YEAR})
       |,?\s+(?P<q_y2>{YEAR})|\s+of\s+(?P<q_rel>this|last|next)\s+year|\s+of\s+the\s+year)?
   | (?P<q_q>Q[1-4])\b(?:\s*(?P<q_y3>{YEAR})|\s*['’](?P<q_yy>[0-9][0-9])\b)?)
| (?P<half>(?:[Tt]he\s+)?(?P<h_ord>{ci("first|second|latter")}|1st|2nd)\s+half\s+of\s+
     (?:(?P<h_y1>{YEAR})|(?P<h_rel>this|last|next)\s+year|the\s+year)
   | (?P<h_h>H[12])\s+(?P<h_y2>{YEAR}))
| (?P<rel>(?P<r_word>{ci("yesterday|today|tonight|tomorrow")})\b
   | (?P<r_which>{ci("this past|the past|last|next|this|earlier this|later this|over the")})\s+
     (?P<r_unit>week|month|year|weekend|night|morning|afternoon|evening
       |spring|summer|fall|autumn|winter)\b
   | (?P<r_same>{ci("earlier|later")})\s+(?:today|tonight)\b)
| (?P<ago>(?P<ago_n>{COUNT})\s+(?P<ago_u>day|week|month|year|decade)s?\s+ago\b)
| (?P<anchor>(?:{COUNT}\s+|{ci("many|some|just")}\s+)?{ci(UNITS)}s?
     \s+(?:after|before|later|earlier|prior\s+to|into)\b
     (?:\s+(?:the|his|her|their|its|a)\s+[A-Za-z][\w-]*)?
   | [Tt]he\s+(?:next|following|previous|preceding|same)\s+
     (?:day|morning|afternoon|evening|night|week|weekend|month|year)\b
   | [Tt]he\s+(?:day|night|week|month|year)\s+(?:before|after)\b
     (?:\s+(?:the|his|her|their|its|a)\s+[A-Za-z][\w-]*)?
   | {ci("later|earlier")}\s+that\s+(?:day|morning|afternoon|evening|night|week|month|year)\b)
)"""
# Every word a match can begin with: testing these first makes a miss cheap (about 3x faster).
_FIRST_WORDS = (
    {
        phrase.split()[0]
        for phrases in (
            TMOD,
            LEADS,
            "|".join(SMALL),
            "|".join(SEASONS),
            UNITS,
            MONTH_FULL,
            MONTH_ABBR,
            WD,
        )  # fmt: skip
        for phrase in phrases.split("|")
    }
    | words(
        "between from at noon midday midnight the early mid late end beginning start middle first "
        "second third fourth final latter yesterday today tonight tomorrow earlier later over "
        "several many some just"
    )
    | {unit + "s" for unit in UNITS.split("|")}
)
_FIRST = (
    rf"(?=[0-9'’]|Q[1-4]|H[12]|{word_trie(_FIRST_WORDS | {w.title() for w in _FIRST_WORDS})}\b)"
)
_DATE_RE = re.compile(rf"(?<![\w$£€]){_FIRST}{_DATE_PATTERN}", re.VERBOSE)
_SINGLE_RE = re.compile(
    rf"""(?<![\w$£€])(?P<single>(?:(?P<lead>{ci(LEADS)})\s+)?(?:(?P<det>[Tt]he|[Aa]n?)\s+)?
    {simple_pattern("s_")})""",
    re.VERBOSE,
)
_FIELDS: dict[str, tuple[str, str]] = {
    name: (name[:2], name[2:].rstrip("0123456789"))
    for name in _DATE_RE.groupindex
    if name[:2] in ("a_", "b_", "s_")
}
# "was set for Dec. 28", "had originally been set for": a plan made in the past.
_PAST_BEFORE = re.compile(r"\b(?:was|were|had)\s+(?:been\s+)?(?:[a-z]+ly\s+)?(?:been\s+)?\Z")
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


def find_dates(text: str, published: date | None) -> list[Found]:
    """Every date and time phrase in ``text``, sorted, non-overlapping, longest first."""
    found: list[Found] = []
    pos = 0
    while (m := _DATE_RE.search(text, pos)) is not None:
        try:
            hit = _SKIP if in_url(text, m.start()) else _resolve(m, text, published)
        except (ValueError, OverflowError):  # a day that does not exist ("February 30")
            hit = None
        if isinstance(hit, Found):
            found.append(hit)
        pos = hit.end if isinstance(hit, Found) else m.end() if hit is _SKIP else m.start() + 1
    return found


_SKIP = object()  # the words matched are not a date here: do not look inside them again


def _resolve(m: re.Match[str], text: str, published: date | None) -> Found | object | None:
    group = m.lastgroup
    if group == "trange":
        return time_range_found(m)
    if group == "time":
        return time_found(m)
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
        value = quarter_value(m, published)
    elif group == "rel":
        value = relative_value(m, published)
    elif group == "ago":
        value = ago_value(m, published)
    else:
        value = UnresolvedDate("")
    return _date_found(text, m.start(), m.end(), value)


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
    if lead in REL_LEADS:
        if not f.keys() <= {"wd", "part", "wmod", "mon"}:
            return _SKIP
        f["rel"] = "last" if lead == "this past" else lead
    future = lead in FUTURE_LEADS and "year" not in f and ("mon" in f or "wd" in f)
    future = future and not _PAST_BEFORE.search(text, max(0, m.start() - 20), m.start())
    if future or published is not None and _undirected(f, lead) and _after_future_cue(text, m):
        f["rel"] = "future"
    whole = m.start() == 0 and m.end() == len(text.rstrip())
    if not whole and not _context_ok(f, lead, det, text, m.start(), m.end()):
        return _SKIP
    value = simple_value(f, published)
    if lead in OPEN_LEADS:
        value = open_interval(lead, value, published)
    if lead in OPEN_LEADS or lead in REL_LEADS or future:
        start = m.start("lead")
    else:  # "in", "of", "the" do not change the value
        start = min(m.start(n) for n in _FIELDS if n.startswith("s_") and m.start(n) >= 0)
    return _date_found(text, start, m.end(), value)


def _undirected(f: dict[str, str], lead: str) -> bool:
    """A month, day or weekday with no year and no direction ("last Friday", "since May")."""
    return not ("rel" in f or "year" in f or lead == "since") and ("mon" in f or "wd" in f)


def _after_future_cue(text: str, m: re.Match[str]) -> bool:
    """Whether the clause before the match marks the future: "will sign it on Friday"."""
    return tense_before(text, m.start()) == "future"


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
        if f["mon"] not in FULL_MONTHS:
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
    if any(side.keys() == {"mon"} and side["mon"] not in FULL_MONTHS for side in (a, b)):
        return None
    undirected = _undirected(a, "") and _undirected(b, "")
    if published is not None and undirected and _after_future_cue(text, m):
        a["rel"] = b["rel"] = "future"  # "will run from September to November"
    if "year" not in a and "year" in b and ("mon" in a or "season" in a):
        a["hint"] = b["year"]  # "from September to December 2010"
    first, last = simple_value(a, published), simple_value(b, published)
    if first is None or last is None:
        return None
    if isinstance(first, UnresolvedDate) or isinstance(last, UnresolvedDate):
        return _date_found(text, m.start(), m.end(), UnresolvedDate(""))
    if first.first > last.last and "hint" in a:
        a["hint"] = str(int(a["hint"]) - 1)
        first = simple_value(a, published)
    if not isinstance(first, DateValue) or first.first > last.last:
        return None
    return Found(MentionKind.DATE, m.start(), m.end(), DateValue(first.first, last.last, "range"))


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
