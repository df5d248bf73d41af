"""Calendar words and leads -> the regex of one date phrase, with named fields."""

from __future__ import annotations

from claimcheck.normalize.patterns import ci, words

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MONTHS = {m[:3].lower(): i for i, m in enumerate(MONTH_FULL.split("|"), 1)}
FULL_MONTHS = frozenset(MONTH_FULL.split("|"))
WEEKDAYS = tuple(WD.lower().split("|"))
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
           "winter": (12, 2)}  # fmt: skip
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4, "last": 4, "latter": 2, "h1": 1, "h2": 2}  # fmt: skip
SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}  # fmt: skip

OPEN_LEADS = words("since before after until till through by") | {"prior to"}
REL_LEADS = words("last next this") | {"this past"}
# Leads that put a month or weekday ahead of publication: "sentencing is set for October".
FUTURE_LEADS = frozenset(
    "set for|scheduled for|slated for|planned for|due in|due on|expected in|expected on"
    "|will be held in|will be held on|this coming|coming".split("|")
)
LEADS = (
    "since|before|after|until|till|through|by|prior to|in|during|on|of|from|at|for|throughout"
    "|this past|this coming|last|next|this|" + "|".join(sorted(FUTURE_LEADS, key=len, reverse=True))
)
UNITS = "day|week|month|year|night|decade|hour"
YEAR = r"(?:1[5-9]|20)[0-9][0-9](?![0-9]|[.,][0-9])"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
MOD = r"[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s+of"
COUNT = (
    rf"(?:[0-9]{{1,3}}|{ci('|'.join(w for w in SMALL if len(w) > 2))}"
    r"|[Aa]n?|[Aa]\s+few|[Ss]everal|[Aa]\s+couple\s+of)"
)


def simple_pattern(p: str) -> str:
    """One date phrase; groups are named ``{p}field`` plus a digit where a field repeats."""
    mon = r"(?P<{p}mon{i}>(?:" + MONTH_FULL + r")\b|(?:" + MONTH_ABBR + r")(?:\.|\b))"
    mon1, mon2, mon3 = (mon.format(p=p, i=i) for i in (1, 2, 3))
    return rf"""(?:
      (?:(?P<{p}wdp>{WD}),?\s+)?
      (?: {mon1}\s+(?P<{p}day1>{DAY})(?:\s*[-–]\s*(?P<{p}dayto1>{DAY}))?
            (?:,?\s+(?P<{p}year1>{YEAR}))?
        | (?:[Tt]he\s+)?(?P<{p}day2>{DAY})(?:\s*[-–]\s*(?P<{p}dayto2>{DAY}))?\s+(?:of\s+)?{mon2}
            (?:,?\s+(?P<{p}year2>{YEAR}))? )
    | (?P<{p}iy>[0-9]{{4}})-(?P<{p}im>[01][0-9])-(?P<{p}id>[0-3][0-9])(?![0-9])
    | (?P<{p}um>[01]?[0-9])/(?P<{p}ud>[0-3]?[0-9])/(?P<{p}uy>[0-9]{{4}}|[0-9]{{2}})(?![0-9/])
    | (?:(?P<{p}mod>{MOD})[-\s]+)?
      (?: {mon3}(?:,?\s+(?:of\s+)?(?P<{p}year3>{YEAR}))?
        | (?P<{p}season>{ci("|".join(SEASONS))})\s+(?:of\s+)?(?P<{p}year4>{YEAR})
        | (?P<{p}decade>(?:1[5-9]|20)[0-9]0['’]?s|['’][0-9]0s)\b
        | (?P<{p}year5>{YEAR})(?:[-–/](?P<{p}yy>[0-9]{{2}})(?![0-9]|[-/][0-9]))? )
    | (?:(?P<{p}wmod>[Ee]arly|[Ll]ate)\s+(?:on\s+)?)?(?P<{p}wd>{WD})\b
      (?:\s+(?P<{p}part>morning|afternoon|evening|night))?
    )"""
