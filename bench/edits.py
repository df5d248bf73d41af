"""One sentence + a position -> the same sentence with one planted change, or None.

The word lists here are written for the injector and kept apart from claimcheck's
own lexicons on purpose: an evaluation that plants only what the tool already
knows measures nothing. Every edit keeps the sentence grammatical or declines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --------------------------------------------------------------------------- shared


@dataclass(frozen=True)
class Edit:
    """Replace ``line[start:end]`` with ``new``; ``old`` is what was there."""

    start: int
    end: int
    old: str
    new: str

    def apply(self, line: str) -> str:
        return line[: self.start] + self.new + line[self.end :]


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
QUOTED = re.compile(r"\"([^\"]{3,}?)\"|“([^”]{3,}?)”")


def quote_spans(line: str) -> list[tuple[int, int]]:
    """Character ranges of quotations, marks included."""
    return [m.span() for m in QUOTED.finditer(line)]


def inside_quote(line: str, start: int) -> bool:
    """True when ``start`` falls in a quotation, or in an unclosed one (a quote at line start)."""
    if any(s <= start < e for s, e in quote_spans(line)):
        return True
    return line[:start].count('"') % 2 == 1


def is_headline(line: str) -> bool:
    """A headline ("Teen Killed By Police", "Lineman arrested on suspicion of DUI").

    Headlines are telegraphic: a past participle there is often a passive with its
    auxiliary dropped, so a verb cannot be negated safely. They end without a stop.
    """
    return not re.search(r"[.!?][\"”’')]*\s*\Z", line)


def with_article(line: str, edit: Edit) -> Edit:
    """Extend ``edit`` over a preceding "a"/"an" that the new word needs the other way."""
    article = re.search(r"\b(an?)\s+\Z", line[: edit.start], re.IGNORECASE)
    if article is None or not edit.new:
        return edit
    wanted = "an" if edit.new[0].lower() in "aeiou" else "a"
    if article.group(1).lower() == wanted:
        return edit
    start = article.start(1)
    return Edit(
        start,
        edit.end,
        line[start : edit.end],
        keep_case(article.group(1), wanted) + line[article.end(1) : edit.start] + edit.new,
    )


def keep_case(template: str, word: str) -> str:
    """``word`` capitalised like ``template``."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --------------------------------------------------------------------------- dates

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)
_DAY_RE = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"""\b(?:
        (?P<md>(?P<m1>{_MONTH})\.?\s+(?P<d1>{_DAY_RE})(?P<y1>,?\s+(?:19|20)\d\d)?)
      | (?P<dm>(?P<d2>{_DAY_RE})\s+(?P<m2>{_MONTH})(?P<y2>,?\s+(?:19|20)\d\d)?)
      | (?P<my>(?P<m3>{_MONTH})(?:,?\s+(?P<y3>(?:19|20)\d\d)))
      | (?P<mo>(?P<m4>(?!May\b){_MONTH}))
      | (?P<wd>{"|".join(WEEKDAYS)})
      | (?P<yr>(?<![\d,.$])(?:19|20)\d\d(?![\d,]|-\d|\s*(?:-|to)\s*\d))
    )\b""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class DateExpr:
    """A date as written, and what it names (for comparing two outlets' dates)."""

    start: int
    end: int
    surface: str
    form: str  # md, dm, my, mo, wd, yr
    key: str  # "may 3", "friday", "2013", "may"


def find_dates(line: str) -> list[DateExpr]:
    found = []
    for match in DATE_RE.finditer(line):
        form = next(f for f in ("md", "dm", "my", "mo", "wd", "yr") if match.group(f))
        if form in ("md", "dm"):
            month, day = (match["m1"], match["d1"]) if form == "md" else (match["m2"], match["d2"])
            key = f"{month.lower()} {int(day.rstrip('stndrh'))}"
        elif form == "my":
            key = f"{match['m3'].lower()} {match['y3']}"
        else:
            key = match.group(form).lower()
        found.append(DateExpr(match.start(), match.end(), match.group(0), form, key))
    return found


def shift_date(line: str, expr: DateExpr) -> Edit | None:
    """Move a date far enough that no reading of the two can overlap."""
    text = expr.surface
    if expr.form == "wd":
        new = WEEKDAYS[(WEEKDAYS.index(text) + 3) % 7]
    elif expr.form in ("md", "dm"):
        day = re.search(r"\d+", text)
        assert day is not None
        value = int(day.group(0))
        shifted = value + 9 if value <= 19 else value - 9
        new = text[: day.start()] + str(shifted) + text[day.end() :]
        new = re.sub(r"(?<=\d)(st|nd|rd|th)\b", _ordinal_suffix(shifted), new)
    elif expr.form in ("my", "mo"):
        name = next(m for m in MONTHS if text.startswith(m))
        new = MONTHS[(MONTHS.index(name) + 4) % 12] + text[len(name) :]
    elif expr.form == "yr":
        new = str(int(text) - 2)
    else:
        return None
    return Edit(expr.start, expr.end, text, new)


def _ordinal_suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# --------------------------------------------------------------------------- numbers

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
}
_WORD_OF = {value: word for word, value in NUMBER_WORDS.items() if word not in ("hundred", "dozen")}
NUMBER_RE = re.compile(
    r"(?<![\w.,:/$-])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w:/]|[.,]\d|-\d)"
    r"|\b(?P<word>" + "|".join(w for w in NUMBER_WORDS if w in _WORD_OF.values()) + r")\b",
    re.IGNORECASE,
)


_VAGUE_BEFORE = re.compile(
    r"\b(?:up to|at least|at most|more than|less than|fewer than|over|under|about|around|"
    r"nearly|almost|some|approximately|roughly|as many as|as few as|upwards of|only)\s+\$?\Z",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberExpr:
    start: int
    end: int
    surface: str
    value: float


def find_numbers(line: str) -> list[NumberExpr]:
    """Counts and amounts as written; years, dates, clock times and scores are left out."""
    dates = find_dates(line)
    found = []
    for match in NUMBER_RE.finditer(line):
        if any(d.start <= match.start() < d.end for d in dates):
            continue
        if re.match(r"\s*(?:a\.?m\b|p\.?m\b|o'clock)", line[match.end() :], re.IGNORECASE):
            continue  # a clock time is a time, not a count
        if _VAGUE_BEFORE.search(line[: match.start()]):
            continue  # "up to two nights" also holds five: changing it contradicts nothing
        if match["digits"]:
            text = match["digits"]
            value = float(text.replace(",", ""))
            if "." not in text and 1900 <= value <= 2099:
                continue  # a year
        else:
            text = match["word"]
            value = float(NUMBER_WORDS[text.lower()])
        found.append(NumberExpr(match.start(), match.end(), text, value))
    return found


# What a figure counts: the words right after it, to the next punctuation ("70 percent",
# "nine rebounds", "two male gang members", "26-year-old"), less the words that only join.
_COUNTED = re.compile(r"(?:[\s-]*(?:%|[A-Za-z]+)){1,3}")
_NOT_COUNTED = frozenset(
    "a an and or of the to in on at for by from as with than other more people who that".split()
)


def counted_words(line: str, expr: NumberExpr) -> frozenset[str]:
    """The first four letters of the words the figure counts ("perc" for "%").

    Up to three words after it, stopping at punctuation or a word that only joins.
    """
    match = _COUNTED.match(line, expr.end)
    found: list[str] = []
    for word in re.findall(r"%|[A-Za-z]+", match.group(0) if match else ""):
        if word.lower() in _NOT_COUNTED:
            break
        found.append("perc" if word == "%" else word.lower()[:4])
    return frozenset(found)


_NAMING = re.compile(r"([A-Za-z]+)\s+\Z")


def counts_alike(line: str, expr: NumberExpr, other_line: str, other: NumberExpr) -> bool:
    """Two equal figures that can state one fact.

    Both name one thing ("State Route 94" / "state route 94", "Curve 8900"), or they
    count a word in common, or one counts nothing named after it. "wounding 70" and
    "70 percent of the buildings" do not; "nine rebounds" and "nine points" do not; "two
    male gang members" and "two possible gang members" do, and so may "killed 10 and"
    and "10 people".
    """
    if expr.value != other.value:
        return False
    before = _NAMING.search(line[: expr.start])
    other_before = _NAMING.search(other_line[: other.start])
    if (
        before
        and other_before
        and before.group(1)[0].isupper()
        and before.group(1).lower() == other_before.group(1).lower()
    ):
        return True
    first, second = counted_words(line, expr), counted_words(other_line, other)
    if first and second:
        return bool(first & second)
    return "perc" not in first | second


# A figure that tells an age: "32-year-old", "aged 77", "dies at 77", "Williams, 32, was".
_AGE_AFTER = re.compile(r"[\s-]*years?[\s-]+old\b|-year\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:age|aged|at)\s+\Z|[A-Z][\w'’.-]+,\s+\Z", re.IGNORECASE)


def _an_age(line: str, expr: NumberExpr) -> bool:
    if _AGE_AFTER.match(line, expr.end):
        return True
    return bool(_AGE_BEFORE.search(line[: expr.start])) and line[expr.end : expr.end + 1] in ",)"


def change_number(expr: NumberExpr, line: str = "") -> Edit:
    """A figure no rounding or vagueness could reconcile with the original.

    An age moves by nine years, so that it stays one a person can have ("dies at 77" is
    not made "dies at 116", which no reader would take for an age).
    """
    text = expr.surface
    value = expr.value
    if line and text.isdigit() and 10 <= value < 120 and _an_age(line, expr):
        return Edit(expr.start, expr.end, text, str(int(value) + (9 if value < 90 else -9)))
    if not text[0].isdigit():
        new_value = int(value) + 3 if value < 10 else int(value) * 2
        word = _WORD_OF.get(new_value)
        new = keep_case(text, word) if word else str(new_value)
    elif "." in text:
        decimals = len(text.split(".")[1])
        new = f"{value + 1.5:.{decimals}f}"
    else:
        number = int(value)
        new_number = number + 3 if number < 10 else round(number * 1.5)
        new = f"{new_number:,}" if "," in text else str(new_number)
    return Edit(expr.start, expr.end, text, new)


# --------------------------------------------------------------------------- negation

MODALS = ("will", "would", "can", "could", "should", "may", "might", "must", "shall")
HAVE = ("has", "have", "had")
BE = ("is", "are", "was", "were")
DO = ("did", "does", "do")
_AUX_BEFORE = re.compile(
    r"\b(?P<aux>" + "|".join(MODALS + HAVE + BE + DO) + r")"
    r"(?P<rest>(?:\s+\w+ly)?(?:\s+(?:been|be|being))?)\s+\Z",
    re.IGNORECASE,
)
IRREGULAR_PAST = {
    "won": "win",
    "lost": "lose",
    "hit": "hit",
    "shot": "shoot",
    "struck": "strike",
    "left": "leave",
    "took": "take",
    "made": "make",
    "gave": "give",
    "fell": "fall",
    "rose": "rise",
    "sank": "sink",
    "broke": "break",
    "began": "begin",
    "bought": "buy",
    "sold": "sell",
    "caught": "catch",
    "fought": "fight",
    "held": "hold",
    "led": "lead",
    "met": "meet",
    "ran": "run",
    "sent": "send",
    "spent": "spend",
    "stole": "steal",
    "threw": "throw",
    "wrote": "write",
    "found": "find",
    "beat": "beat",
    "brought": "bring",
    "built": "build",
    "came": "come",
    "chose": "choose",
    "drove": "drive",
    "flew": "fly",
    "got": "get",
    "grew": "grow",
    "hung": "hang",
    "kept": "keep",
    "knew": "know",
    "paid": "pay",
    "put": "put",
    "quit": "quit",
    "rode": "ride",
    "saw": "see",
    "set": "set",
    "shook": "shake",
    "shut": "shut",
    "spoke": "speak",
    "stood": "stand",
    "swept": "sweep",
    "tore": "tear",
    "went": "go",
    "withdrew": "withdraw",
    "upheld": "uphold",
    "overtook": "overtake",
    "killed": "kill",
    "forced": "force",
    "sought": "seek",
    "told": "tell",
    "said": "say",
    "slew": "slay",
    "dealt": "deal",
    "bid": "bid",
    "cast": "cast",
    "let": "let",
    "cut": "cut",
    "hurt": "hurt",
    "split": "split",
    "spread": "spread",
}
IRREGULAR_PARTICIPLES = frozenset(
    "won lost hit shot struck left taken made given fallen risen sunk broken begun bought "
    "sold caught fought held led met run sent spent stolen thrown written found beaten "
    "brought built come chosen driven flown gotten got grown hung kept known paid put quit "
    "ridden seen set shaken shut spoken stood swept torn gone withdrawn upheld slain "
    "dealt bid cast let cut hurt split spread told said sought".split()
)
_DETERMINERS = frozenset("a an the this that two three four five several".split())
_PARTICIPLE_AUX = frozenset("being been having".split())
_ALL_AUX = frozenset(w.lower() for w in (*MODALS, *HAVE, *BE, *DO)) | _PARTICIPLE_AUX | {"'s"}
_NOT_BEFORE_VERB = frozenset(
    "the a an his her its their our my your this that these those of to for in on at "
    "with from by as not no never and or".split()
)


def negate(
    line: str,
    start: int,
    end: int,
    vocabulary: frozenset[str],
    common: frozenset[str] = frozenset(),
) -> Edit | None:
    """Deny the verb at ``line[start:end]``: "has checked" -> "has not checked",
    "checked" -> "did not check", "checks" -> "does not check"; None when unsure.

    ``vocabulary``: the words in use, lower-cased; ``common``: those written in lower
    case somewhere, which a capital at the start of a sentence does not make a name.
    """
    verb = line[start:end]
    if " " in verb or not verb.isalpha():
        return None
    lower = verb.lower()
    before = line[:start]
    if re.search(r"\b(?:not|never|n't|no)\W+(?:\w+\W+)?\Z", before, re.IGNORECASE):
        return None
    aux = _AUX_BEFORE.search(before)
    if aux is not None:
        if re.match(r"\s+\w+ly\b", aux["rest"]):
            return None  # "was not surprisingly lost": "not surprisingly" denies nothing
        word = aux["aux"].lower()
        participle = lower.endswith(("ed", "en")) or lower in IRREGULAR_PARTICIPLES
        if word in HAVE and not participle:
            return None
        if word in BE and not (participle or lower.endswith("ing")):
            return None
        if word in DO and not lower.isalpha():
            return None
        where = aux.end("aux")
        return Edit(where, where, "", " not")
    if verb[0].isupper():
        return None  # a title-case headline's word: "Peter Capaldi Cast as the 12th Time Lord"
    previous = WORD.findall(before[-40:])
    if previous and previous[-1].lower() in _NOT_BEFORE_VERB | _PARTICIPLE_AUX:
        return None  # "being severed" is no finite verb
    if any(w.lower() in _ALL_AUX for w in previous[-3:]):
        return None  # an auxiliary the words between hide: "has almost totally destroyed"
    if (
        previous
        and previous[-1].lower().endswith("ly")
        and before.rstrip().endswith((f", {previous[-1]}", f",{previous[-1]}"))
    ):
        return None  # "Sukanya, presently deployed on patrols,": it describes the name
    if before.endswith("- "):
        return None  # "just- fired": a compound adjective that lost a space
    if (
        previous
        and previous[-1][0].isupper()
        and not before[: before.rfind(previous[-1])].strip()
        and previous[-1].lower() in common
    ):
        return None  # "More telecoms disruption": a sentence's first word, not a name
    if "-" in (line[start - 1 : start], line[end : end + 1]):
        return None  # "just-fired", "hit-and-run"
    if re.match(r"\s+by\b", line[end:], re.IGNORECASE):
        return None  # "a man arrested by police" is not a finite verb
    if re.match(r"\s+and\s+\w+ed\b", line[end:]):
        return None  # "shot and killed": denying one of two joined verbs is ungrammatical
    if (
        len(previous) >= 2
        and (
            previous[-2].lower() in _DETERMINERS
            or (len(previous) >= 3 and previous[-3].lower() in _DETERMINERS)
        )
        and previous[-1].islower()
        and re.match(r"\s+(?:of|with|in|at|for|from|after|during|on|over)\b", line[end:])
    ):
        return None  # "a (Spiro) man suspected of shooting": a reduced relative, no main verb
    base = _base_form(lower, vocabulary)
    if base is None:
        return None
    if lower in IRREGULAR_PAST or lower.endswith("ed"):
        aux_word = "did"
    elif (
        lower.endswith("s")
        and previous
        and (previous[-1][0].isupper() or previous[-1] in ("he", "she", "it"))
        and not re.match(r"\s*(?:of\b|and\b|[,.;:]|\Z)", line[end:])
    ):
        aux_word = "does"  # "Lohan checks into rehab"; not "Technicolour musicals of the 1940s"
    else:
        return None
    return Edit(start, end, verb, f"{keep_case(verb, aux_word)} not {base}")


def _base_form(word: str, vocabulary: frozenset[str]) -> str | None:
    """The bare infinitive of a past or third-person form, checked against words in use."""
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    if word.endswith("ied"):
        candidates = [word[:-3] + "y", word[:-1]]
    elif word.endswith("ed") and len(word) > 4 and word[-3] == word[-4] and word[-3] not in "ls":
        candidates = [word[:-3], word[:-2]]
    elif word.endswith("ed"):
        candidates = [word[:-1], word[:-2]]
    elif word.endswith("ies"):
        candidates = [word[:-3] + "y"]
    elif word.endswith("es"):
        candidates = [word[:-1], word[:-2]]
    elif word.endswith("s"):
        candidates = [word[:-1]]
    else:
        return None
    return next((c for c in candidates if c in vocabulary and len(c) > 2), None)


def add_or_drop_negation(text: str, offset: int = 0) -> Edit | None:
    """Inside a quotation: drop the first "not"/"n't", or add "not" after the first auxiliary."""
    contraction = re.search(
        r"\b(won't|can't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|"
        r"hadn't|couldn't|wouldn't|shouldn't)\b",
        text,
        re.IGNORECASE,
    )
    if contraction is not None:
        word = contraction.group(1)
        plain = {"won't": "will", "can't": "can"}.get(word.lower(), word[:-3])
        return Edit(
            offset + contraction.start(), offset + contraction.end(), word, keep_case(word, plain)
        )
    negator = re.search(r"\s(not|never)\b", text, re.IGNORECASE)
    if negator is not None:
        return Edit(offset + negator.start(), offset + negator.end(), negator.group(0), "")
    aux = re.search(
        r"\b(" + "|".join(MODALS + BE + HAVE) + r")\b(?=\s+[a-z]{3,})", text, re.IGNORECASE
    )
    if aux is not None:
        return Edit(offset + aux.end(), offset + aux.end(), "", " not")
    return None


# --------------------------------------------------------------------------- antonyms

# Pairs of forms that cannot describe one event, written for this benchmark. Each form
# maps to the form of the other word in the same inflection; phrases are matched whole.
_ANTONYM_PAIRS = """
won lost | winning losing | winner loser | victory defeat
rose fell | rises falls | rising falling | risen fallen
increased decreased | increases decreases | increase decrease
accepted rejected | accepts rejects | accept reject
approved vetoed | approves vetoes
confirmed denied | confirms denies | confirm deny
admitted denied | admits denies
convicted acquitted | convicts acquits
opened closed | opens closes
entered left | enters leaves
joined left | joins leaves
agreed refused | agrees refuses
gained lost | gains loses
began ended | begins ends
promoted demoted
married divorced
upheld overturned | upholds overturns
granted denied | grants denies
lifted imposed | lifts imposes
guilty innocent
alive dead
strong weak | stronger weaker | strongest weakest
major minor | large small | larger smaller | largest smallest
higher lower | highest lowest
successful unsuccessful
legal illegal | lawful unlawful
accidental deliberate | accidentally deliberately | intentionally accidentally
injured unharmed | wounded unharmed
voluntarily involuntarily
checked into->checked out of | checks into->checks out of | check into->check out of
checked out of->checked into | checks out of->checks into
beat->lost to | defeated->lost to | lost to->beat
"""


def antonym_table() -> dict[str, str]:
    """Lower-cased form -> its opposite in the same inflection."""
    table: dict[str, str] = {}
    for item in _ANTONYM_PAIRS.replace("\n", " | ").split("|"):
        item = item.strip()
        if not item:
            continue
        if "->" in item:
            left, right = (part.strip() for part in item.split("->"))
            table[left] = right
            continue
        left, right = item.split()
        table.setdefault(left, right)
        table.setdefault(right, left)
    return table


ANTONYMS = antonym_table()
# Describing words: swapped when they sit next to the event word, not only on it.
MODIFIERS = frozenset(
    """guilty innocent alive dead strong weak stronger weaker strongest weakest major minor
    large small larger smaller largest smallest higher lower highest lowest successful
    unsuccessful legal illegal lawful unlawful accidental deliberate accidentally
    deliberately intentionally voluntarily involuntarily unharmed""".split()
)
# Uses of a word where the swap would be ungrammatical or not its opposite.
_POSSESSIVES = {"his", "her", "their", "its", "my", "our", "your"}
_BLOCK_NEXT = {
    "injured": {"reserve", "list"},
    "opened": {"fire", "up"},
    "opens": {"fire", "up"},
    "entered": {"a", "an", "his", "her", "their", "not", "plea", "pleas"},
    "began": {"to"},
    "begins": {"to"},
    "joined": {"by", "forces", "in"},
    "confirmed": {"dead", "as", "by"},
    "admitted": {"to", "into", "that", "he", "she", "they"},
    "defeated": {"by"},
    "beat": {"by", "up"},
}
_OBJECT_START = {"the", "a", "an", "to", "by", "in", "on", "over", "against", "their", "its"}
_REQUIRE_NEXT = {
    "agreed": {"to"},
    "agrees": {"to"},
    "refused": {"to"},
    "refuses": {"to"},
    # "lost the final", not "lost his life" or "regain lost market share"
    "lost": _OBJECT_START,
    "won": _OBJECT_START,
    "gained": _OBJECT_START,
}
_BE = {"is", "are", "was", "were", "be", "been", "being"}
_BLOCK_PREVIOUS = {"admitted": _BE, "defeated": _BE, "beat": _BE, "confirmed": _BE}
_ANTONYM_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, ANTONYMS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def find_antonyms(line: str) -> list[Edit]:
    """Every word or phrase of the table in ``line``, as the swap that would reverse it."""
    edits = []
    for match in _ANTONYM_RE.finditer(line):
        old = match.group(1)
        lower = old.lower()
        if "-" in (line[match.end() : match.end() + 1], line[match.start() - 1 : match.start()]):
            continue  # "closed-door", "well-known"
        if old[0].isupper() and line[: match.start()].strip():
            continue  # a capital in mid-sentence: part of a name ("Major League")
        after = WORD.findall(line[match.end() :])
        before = WORD.findall(line[: match.start()])
        following = after[0].lower() if after else ""
        previous = before[-1].lower() if before else ""
        first = lower.split()[0]
        if following in _BLOCK_NEXT.get(first, ()) or previous in _BLOCK_PREVIOUS.get(first, ()):
            continue
        if previous in ("not", "never", "no"):
            continue  # "pleaded not guilty": swapping inside a denial muddles it
        if first not in MODIFIERS and previous in ("a", "an", "the", "their", "its", "his", "her"):
            continue  # "an approved facility": the participle used as a describing word
        if first in _REQUIRE_NEXT and following not in _REQUIRE_NEXT[first]:
            continue
        if first in ("began", "begins") and following.endswith("ing"):
            continue
        swap = Edit(match.start(), match.end(), old, keep_case(old, ANTONYMS[lower]))
        edits.append(with_article(line, swap))
    return edits
