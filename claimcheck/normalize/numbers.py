"""Counts, money, percentages, ages and measures in text -> intervals with a unit and a noun.

A count is the interval it allows: "46" is [46,46], "nearly four dozen" [40,48), "over
a dozen" (12,inf). A decimal implies rounding ("$3.4 billion" is [3.35e9,3.45e9)); an
integer is exact. Words that change the value are part of the surface; the counted
noun ("46 U.S. attorneys" counts ``attorney``) is read from the words after it and is
not. Numbers inside names, codes, dates and clock times ("F-16", "Flight 370",
"March 11", "2:29") are skipped, and so is a bare year unless a plural noun follows
("2009 people"). Context is waived when the number is the whole text.

Vague words and approximators are read as the tables in ``number_words`` say; the
counted noun is read by ``counted``.
"""

from __future__ import annotations

import dataclasses
import re

from claimcheck.model import AmountValue, Interval, MentionKind
from claimcheck.normalize import Found
from claimcheck.normalize.counted import STOP, SUBSET, counted_noun, glued_word_ok, lower_after
from claimcheck.normalize.number_words import (
    APPROX_OP,
    ONES,
    ORDINAL_WORDS,
    SCALES,
    SUFFIX_OP,
    TENS,
    VAGUE,
    approx_interval,
    number_value,
    parse_words,
    vague_interval,
)
from claimcheck.normalize.patterns import MER, in_url, word_trie, words


def _alts(phrases: list[str] | tuple[str, ...]) -> str:
    """Words -> a regex alternation, longest first, either case for the first letter."""
    parts = []
    for word in sorted(phrases, key=len, reverse=True):
        body = re.escape(word[1:]).replace(r"\ ", r"\s+")
        parts.append(
            f"[{word[0].upper()}{word[0]}]{body}" if word[0].isalpha() else re.escape(word)
        )
    return "(?:" + "|".join(parts) + ")"


_UNITS = {
    "km": "kilometers kilometres kilometer kilometre km kms", "mi": "miles mile",
    "m": "meters metres meter metre", "ft": "feet foot ft", "in": "inches inch",
    "cm": "centimeters centimetres cm", "mm": "millimeters millimetres mm", "yd": "yards yard",
    "kg": "kilograms kilogram kilos kilo kg", "lb": "pounds pound lbs lb",
    "t": "tonnes tonne tons ton", "deg": "degrees degree", "magnitude": "magnitude",
    "mph": "mph", "kmh": "km/h kph", "acre": "acres acre", "ha": "hectares hectare",
    "gal": "gallons gallon", "l": "liters litres liter litre", "bbl": "barrels barrel",
    "second": "seconds second", "minute": "minutes minute", "hour": "hours hour",
    "day": "days day", "week": "weeks week", "month": "months month", "year": "years year",
    "decade": "decades decade",
}  # fmt: skip
_UNIT_OF = {w: unit for unit, ws in _UNITS.items() for w in ws.split()}
_CURRENCY = {"$": "usd", "us$": "usd", "usd": "usd", "dollars": "usd", "£": "gbp", "gbp": "gbp",
             "pounds": "gbp", "€": "eur", "eur": "eur", "euros": "eur", "¥": "jpy", "yen": "jpy",
             "a$": "aud", "c$": "cad", "$us": "usd", "$a": "aud", "rs": "inr",
             "rupees": "inr"}  # fmt: skip
CURRENCIES = frozenset(_CURRENCY.values())
# "ranging from 10 to 12" is one interval; any other "from 10 to 12" is a change of value.
_RANGE_VERBS = words("ranging ranged range ranges varying varied vary varies anywhere")
_NOT_CODE_BEFORE = STOP | words("some nearly almost around roughly another those these all")
_CODE_WORDS = (
    "Flight|Route|Highway|Interstate|Boeing|Airbus|Apollo|Windows|Chapter|Article|Section|Room"
    "|Gate|Channel|Pier|Terminal|Precinct|Ward|Bus|Studio|Model|Version|Vol\\.|Volume|Episode"
    "|Game|Proposition|Prop\\.|Amendment|Page|Paragraph|Rule|Resolution|Unit|Suite|Apartment"
    "|Apt\\.|Box|Lot|Level|Stage|Phase|Title|Number|Category|Class|Type|Mark|Formula|Psalm"
    "|Local|District|Precinct|Super Bowl|Air Force|Galaxy|iPhone|Xbox|PlayStation"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DIG = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_WN = rf"(?:{_alts(TENS)}(?:[-\s](?:{'|'.join(ONES[1:10])})\b)?|{_alts(ONES)})\b"
_NUMWORDS = (
    rf"{_WN}(?:[\s-]+(?:hundred|thousand|million|billion|trillion)\b(?:[\s-]+(?:and\s+)?{_WN})?)*"
)
_CUR = r"(?:US\$|A\$|C\$|\$US|\$A|\$|£|€|¥|(?:USD|EUR|GBP|Rs\.?)\s?)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|tn)\b|(?(cur)[mkbMKB]\b|(?!))"
_VAGUE_RE = (
    r"[Tt]ens\s+of\s+(?:thousands|millions|billions)|[Hh]undreds\s+of\s+(?:thousands|millions|billions)"
    r"|[Dd]ozens|[Ss]cores(?=\s+of\b|\s*\Z)|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions"
    r"|[Aa]\s+(?:couple|handful)(?=\s+of\b|\s*\Z|[\s-]+(?:dozen|hundred|thousand|million)\b)"
    r"|[Aa]\s+few|[Ss]everal"
)
_UNIT_WORDS = _alts([w for w in _UNIT_OF if w != "in"])
_DAYS = r"[0-9]{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-9]{1,2})?"
_A_SCALE = (
    r"(?:[Aa]n?|[Hh]alf\s+a|[Aa]\s+half)(?=[\s-]+(?:dozen|hundred|thousand|million|billion)\b)"
)

# The whole grammar; ``_AMOUNT_RE`` runs it only where ``_FIRST`` allows a match to begin.
_AMOUNT_PATTERN = rf"""(?:
  (?:No|no)\.\s*(?P<rank>[0-9]{{1,3}})(?=\s+[a-z]|\s*\Z)
| (?P<skip>(?:\+?\(?[0-9]{{3}}\)?[-.\s])?[0-9]{{3}}[-.][0-9]{{4}}(?![0-9])
    | [0-9]{{1,4}}[/.-][0-9]{{1,2}}[/.-][0-9]{{2,4}}(?![0-9]) | [0-9]{{1,2}}/[0-9]{{1,2}}(?![0-9/])
    | [0-9]{{1,2}}(?::[0-9]{{2}}){{1,2}}(?:\s*{MER})? | [0-9]{{1,2}}\s*{MER}
    | (?:No|Nos|no)\.\s*[0-9]+ | No\s+[0-9]+ | [0-2][0-9][0-5][0-9]\s*(?:hours|hrs|GMT|UTC)\b
    | {_MONTH}\s+{_DAYS}(?![0-9])(?:,?\s+[0-9]{{4}})?
    | {_DAYS}\s+(?:of\s+)?{_MONTH}(?:,?\s+[0-9]{{4}})?
    | {_MONTH},?\s+(?:of\s+)?[0-9]{{4}}
    | (?:{_CODE_WORDS})\s+[0-9][0-9A-Za-z]*(?:-[0-9A-Za-z]+)?
    | (?:911|999)(?=\s+(?:call|calls|caller|callers|dispatcher|dispatchers|operator|operators
                        |center|centre|centers|system|line|lines|recording|recordings)\b)
    | (?<=to\s)(?:911|999)\b | (?<=called\s)(?:911|999)\b | (?<=dialed\s)(?:911|999)\b)
| (?P<vote>(?P<v_a>[0-9]{{1,3}})\s*(?:-|–|to)\s*(?P<v_b>[0-9]{{1,3}})
      (?=\s+(?:vote|decision|ruling|verdict|margin|majority|split|tally)\b)
    | (?:[Vv]oted|[Vv]ote\s+of|[Vv]otes?\s+(?:was|were))\s+(?P<v_a2>[0-9]{{1,3}}|{_WN})
      \s*(?:-|–|to)\s*(?P<v_b2>[0-9]{{1,3}}|{_WN}))
| (?P<appos>(?P<appos_name>[A-Z][\w’'.-]*),\s+(?P<appos_n>[0-9]{{1,3}}))(?![0-9])(?=\s*[,;)]|\s*\Z)
| (?P<dage>(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:(?P<dage_mod>early|mid|late)[-\s]+)?
      (?P<dage_n>[1-9]0)s)\b
| (?P<ordd>[0-9]{{1,4}}(?:st|nd|rd|th))\b
| (?:the|a|his|her|its|their)\s+(?P<ordw>{_alts(list(ORDINAL_WORDS))})(?=[\s-]+[a-z])
| (?P<ordw_alone>{_alts(list(ORDINAL_WORDS))})(?=\s*\Z)
| (?:(?P<between>[Bb]etween)\s+|(?P<from>[Ff]rom)\s+|(?P<approx>{_alts(list(APPROX_OP))})\s+
    | (?P<aged>[Aa]ged|[Aa]ges?|(?:[Aa]t\s+)?(?:the\s+)?age\s+of|[Aa]t\s+age)\s+
    | (?P<magpre>[Mm]agnitude)[-\s]+(?:of\s+)?)?
  (?P<cur>{_CUR})?
  (?: (?P<vague>{_VAGUE_RE})\b(?:[\s-]+(?P<vmult>dozen|hundred|thousand|million|billion)\b)?
    | (?P<num>{_DIG}|{_NUMWORDS}|{_A_SCALE})
      (?:[\s-]+(?P<dozen>dozen)\b)?(?:(?:\s*|-)(?P<scale>{_SCALE}))?
      (?:\s*(?P<conn>(?(between)(?:and|to)|(?:to|or|-|–)))\s*(?P<cur2>{_CUR})?
        (?P<num2>{_DIG}|{_NUMWORDS})(?:[\s-]+(?P<dozen2>dozen)\b)?(?:(?:\s*|-)(?P<scale2>{_SCALE}))?)?)
  (?: (?P<pct>\s*%|\s*(?:percent|per\s+cent|pct)\b|\s+percentage\s+points?\b)
    | (?P<age>[-\s]years?[-\s]old\b|\s+years?\s+of\s+age\b)
    | \s+(?:of\s+)?(?:US\s+)?(?P<cursuf>dollars|euros|pounds(?:\s+sterling)?|yen|rupees)\b
    | [-\s]?(?P<unit>{_UNIT_WORDS})\b(?:\s+(?P<temp>Fahrenheit|Celsius|F|C)\b)?
    | (?P<richter>\s+on\s+the\s+Richter\s+scale))?
  (?P<suffix>\s+or\s+(?:more|greater|higher|above|over|fewer|less|so|thereabouts)\b|\+|-plus\b)?
)"""
_FIRST_WORDS = {
    phrase.split()[0]
    for phrases in (_CODE_WORDS, _MONTH)
    for phrase in re.sub(r"[^A-Za-z| ]", "", phrases).split("|")
} | {phrase.split()[0] for phrase in [*APPROX_OP, *ONES, *TENS, *ORDINAL_WORDS, *VAGUE]}
_FIRST_WORDS |= words(
    "between from aged age ages at the magnitude half his her their its tens voted vote votes no "
    "nos usd eur gbp rs"
)
_FIRST_WORDS |= {w.title() for w in _FIRST_WORDS} | {w.upper() for w in _FIRST_WORDS}
# Where a match may begin: testing this first makes a miss cheap (about 3x faster overall).
_FIRST = rf"(?=[0-9$£€¥+(]|(?:US|A|C)\$|[A-Z][\w’'.-]*,\s+[0-9]|{word_trie(_FIRST_WORDS)}\b)"
_AMOUNT_RE = re.compile(rf"(?<![\w,:'’$£€#])(?!(?<=\.)[0-9]){_FIRST}{_AMOUNT_PATTERN}", re.VERBOSE)
_TIME_AFTER = re.compile(r":[0-9]|\s*[aApP]\.?\s?[mM]\b")
_BEFORE = re.compile(r"([A-Za-z][\w.’'-]*)[-\s]\Z")
_GLUED_CODE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*-\Z")
_MONTH_OR_DAY = re.compile(rf"{_MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


def find_amounts(text: str) -> list[Found]:
    """Every count, amount, percentage, age and measure in ``text``, sorted, non-overlapping."""
    found: list[Found] = []
    pos = 0
    while (m := _AMOUNT_RE.search(text, pos)) is not None:
        try:
            hits = _resolve(m, text)
        except (ValueError, OverflowError, ArithmeticError):
            hits = []
        found.extend(hits)
        pos = max([m.end(), *(h.end for h in hits)])
    return _mark_conversions(text, found)


# "$US1 million ($1.52 million)", "58km (36 miles)": the figure in brackets restates
# the one before it in other units; it is not a second figure to compare.
_OPEN_BRACKET = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly)?\s*\Z")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _mark_conversions(text: str, found: list[Found]) -> list[Found]:
    marked = list(found)
    for i in range(1, len(found)):
        first, second = found[i - 1], found[i]
        if first.kind is not second.kind or second.role:
            continue
        if _OPEN_BRACKET.fullmatch(text, first.end, second.start) and _CLOSE_BRACKET.match(
            text, second.end
        ):
            marked[i] = dataclasses.replace(second, role="conversion")
    return marked


def _resolve(m: re.Match[str], text: str) -> list[Found]:
    if m.group("skip") is not None:
        return []
    if m.group("vote") is not None:
        return _votes(m)
    whole = m.start() == len(text) - len(text.lstrip()) and m.end() == len(text.rstrip())
    if m.group("appos") is not None:
        name = m.group("appos_name")
        if name.lower() in STOP or _MONTH_OR_DAY.fullmatch(name):
            return []
        age = Interval.point(float(m.group("appos_n")))
        return [_found(MentionKind.AGE, m.start(), m.end(), age, "years")]
    if m.group("dage") is not None:  # "in his late 40s"
        tens = int(m.group("dage_n"))
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(m.group("dage_mod"), (0, 9))
        return [
            _found(MentionKind.AGE, m.start(), m.end(), Interval(tens + lo, tens + hi), "years")
        ]
    if m.group("rank") is not None:  # "the No. 5 seed": a rank, like "the fifth seed"
        if _word_before(text, m.start())[:1].isupper():
            return []  # "Proposition No. 5": a name
        rank = Interval.point(float(m.group("rank")))
        counted = counted_noun(text, m.end())[0]
        return [_found(MentionKind.NUMBER, m.start(), m.end(), rank, "ordinal", counted)]
    if m.group("ordd") is not None:
        number = int(m.group("ordd")[:-2])
        if _ordinal_suffix(number) != m.group("ordd")[-2:].lower() or _glued_code(text, m.start()):
            return []
        value = Interval.point(float(number))
        return [
            _found(
                MentionKind.NUMBER,
                m.start(),
                m.end(),
                value,
                "ordinal",
                counted_noun(text, m.end())[0],
            )
        ]
    group = "ordw" if m.group("ordw") is not None else "ordw_alone"
    if m.group(group) is not None:
        counted = counted_noun(text, m.end())[0]
        if not (counted or whole):
            return []  # "a second later" is a moment, not the second of anything
        value = Interval.point(float(ORDINAL_WORDS[m.group(group).lower()]))
        return [_found(MentionKind.NUMBER, m.start(group), m.end(), value, "ordinal", counted)]
    return _amount(m, text, whole)


def _amount(m: re.Match[str], text: str, whole: bool) -> list[Found]:
    core = min(m.start(g) for g in ("cur", "vague", "num") if m.start(g) >= 0)
    end = m.end()
    glued = text[end : end + 2]
    if not m.group("cur") and _glued_code(text, core):
        return []  # "F-16", "COVID-19"
    if glued[:1].isupper() or glued[:1].islower() and not glued_word_ok(text, end):
        return []  # "5G", "1990s", "76ers"; but "10of them" is a lost space
    if _TIME_AFTER.match(text, end) or in_url(text, core):
        return []  # "around 4:30 a.m.", "/news/2013/..."
    number = m.group("num") or ""
    if number[:1] == "0" and number[1:2].isdigit():
        return []  # "007", the "000" of a split "$500, 000"
    kind, unit = _kind_unit(m)
    op = APPROX_OP.get(" ".join((m.group("approx") or "").lower().split()), "")
    suffix = (m.group("suffix") or "").split()
    op = op or SUFFIX_OP.get(suffix[-1].lower() if suffix else "", "")
    if m.group("vague") is not None:  # "several dozen" is several times twelve
        lo, hi = vague_interval(m.group("vague"))
        times = 12.0 if m.group("vmult") == "dozen" else SCALES.get(m.group("vmult") or "", 1.0)
        first, last, half = lo * times, hi * times, 0.0
    else:
        first, half = number_value(m.group("num"), m.group("dozen"), m.group("scale"))
        last = first
        if m.group("num2") is not None:
            last, _ = number_value(m.group("num2"), m.group("dozen2"), m.group("scale2"))
            if m.group("scale2") and not m.group("scale") and not m.group("dozen"):
                first *= SCALES[m.group("scale2").lower()]  # "10 to 12 million"
            if first >= last:
                return []  # a score ("24-10") or a tie, not a range
    ranged = m.group("num2") is not None
    if m.group("from") and ranged and _word_before(text, m.start()).lower() not in _RANGE_VERBS:
        return _change(m, kind, unit, first, last)  # "rose from 10 to 12": two values
    interval = approx_interval(op, first, last, half, ranged or m.group("vague") is not None)
    subset = SUBSET.match(text, end)
    counted, plural = counted_noun(
        text,
        subset.end() if subset else end,
        bool(m.group("vague") or m.group("dozen") or m.group("scale")),
    )
    hyphenated = m.start("unit") > 0 and text[m.start("unit") - 1] == "-"
    if kind is MentionKind.QUANTITY and not (m.group("magpre") or hyphenated):
        counted = ""  # "12 km deep" measures nothing by name; "a 12-km tunnel" does
    if kind is MentionKind.NUMBER and not (
        whole or op or ranged or m.group("scale") or m.group("dozen") or m.group("vague")
    ):
        year_like = number.isdigit() and 1500 <= int(number) <= 2099
        if year_like and not (plural and lower_after(text, end)):
            return []  # a year, "the 2007 Oscars": the date finder reads it
        if number.lower() == "one" and not counted and not subset:
            return []  # "one of the most", "the one who"
        before = _word_before(text, core)
        if (
            number.isdigit()
            and before[:1].isupper()
            and before.lower() not in _NOT_CODE_BEFORE
            and not glued.strip()[:1].isalpha()
        ):
            return []  # "Jets 24, Giants 10", "Apollo 11."
    lead = m.group("approx") or m.group("aged") or m.group("magpre")
    lead = lead or ranged and (m.group("between") or m.group("from"))
    start = m.start() if lead else core
    if (
        kind is MentionKind.NUMBER
        and not counted
        and number.isdigit()
        and text[max(0, core - 3) : core].rstrip().endswith("at")
        and _AGE_ENDS.match(text, end)
        and (died_at := _DIED_AT.search(text, max(0, core - 80), core))
    ):
        # "dies in prison at 77": an age at death told after where it happened
        kind, unit, start = MentionKind.AGE, "years", died_at.start("at")
    return [_found(kind, start, end, interval, unit, counted, "subset" if subset else "")]


# What may follow an age at death: the clause's end, or "in", "on", "after" ...
_AGE_ENDS = re.compile(r"\s*(?:[,.;:)\]]|\Z|(?:in|on|after|following|of|from)\b)")
# Words that tell a death, for an age at death ("dies in prison at 77").
DEATH_WORDS = r"\b(?:died|dies|dead|passed\s+away)\b"
# A full stop after a capital is an abbreviation's, not the clause's end: "in U.S. prison".
ABBREVIATION_STOP = r"(?<=[A-Z])\."
# A death, a few words on the same clause, then "at" right before the number.
_DIED_AT = re.compile(
    rf"{DEATH_WORDS}(?:[^,.;:0-9]|{ABBREVIATION_STOP}){{0,40}}?\s(?P<at>at)\s+\Z",
    re.IGNORECASE,
)


def _found(
    kind: MentionKind,
    start: int,
    end: int,
    interval: Interval,
    unit: str = "",
    counted: str = "",
    role: str = "",
) -> Found:
    return Found(kind, start, end, AmountValue(interval, unit, counted), role)


def _kind_unit(m: re.Match[str]) -> tuple[MentionKind, str]:
    if m.group("aged") or m.group("age"):
        return MentionKind.AGE, "years"
    currency = (m.group("cur") or m.group("cur2") or "").strip().lower().rstrip(".")
    suffix = " ".join((m.group("cursuf") or "").lower().split())
    if suffix == "pounds" and not (currency or m.group("scale") or m.group("scale2")):
        return MentionKind.QUANTITY, "lb"  # "50 pounds" is a weight; "£50" and "50m pounds" money
    if currency or suffix:
        return MentionKind.MONEY, _CURRENCY[currency or suffix.split()[0]]
    if m.group("pct"):
        return MentionKind.PERCENT, "percentage point" if "point" in m.group("pct") else "percent"
    if m.group("magpre") or m.group("richter"):
        return MentionKind.QUANTITY, "magnitude"
    if m.group("unit"):
        unit = _UNIT_OF[m.group("unit").lower()]
        temp = m.group("temp")
        return MentionKind.QUANTITY, "deg" + temp[0] if unit == "deg" and temp else unit
    return MentionKind.NUMBER, ""


def _change(
    m: re.Match[str], kind: MentionKind, unit: str, first: float, last: float
) -> list[Found]:
    """Split "rose from 10 to 12 percent" into the value before and the value after."""
    first_end = max(m.end(g) for g in ("num", "dozen", "scale") if m.start(g) >= 0)
    first_start = m.start("cur") if m.start("cur") >= 0 else m.start("num")  # "$10"
    before = _found(kind, first_start, first_end, Interval.point(first), unit)
    last_start = m.start("cur2") if m.start("cur2") >= 0 else m.start("num2")
    after = _found(kind, last_start, m.end(), Interval.point(last), unit)
    return [before, after]


def _votes(m: re.Match[str]) -> list[Found]:
    """Split "a 5-4 vote" into two counts, the votes for and the votes against."""
    found = []
    for names, counted in ((("v_a", "v_a2"), "votes for"), (("v_b", "v_b2"), "votes against")):
        name = names[0] if m.group(names[0]) is not None else names[1]
        words = m.group(name).lower()
        value = float(words) if words.isdigit() else parse_words(words)
        found.append(
            _found(
                MentionKind.NUMBER, m.start(name), m.end(name), Interval.point(value), "", counted
            )
        )
    return found


def _word_before(text: str, pos: int) -> str:
    before = _BEFORE.search(text, max(0, pos - 40), pos)
    return before.group(1).rstrip(".") if before else ""


def _glued_code(text: str, pos: int) -> bool:
    """A number hyphenated onto a capitalized word: "F-16", "COVID-19", "I-95"."""
    return _GLUED_CODE.search(text, max(0, pos - 30), pos) is not None


def _ordinal_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
