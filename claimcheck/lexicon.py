"""Words -> comparable keys: tokenizing, light stemming, stop words and synonym classes.

Shared by extraction (which records a claim's content keys) and matching (which
compares them). Every list here is general English news vocabulary, not tuned to
any one article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves yet still even ever also already however although though
    whether either neither may might must shall upon among amid via per within without
    one two three four five six seven eight nine ten dozen hundred thousand million billion
    first second third last next new early late earlier later recent recently ago
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april june july august september october november december
    morning afternoon evening night week month year day time times
    mr mrs ms dr st jr sr u s says said say saying told tell tells according reported
    report reports reporting added adding stated statement asked noted
    like well many much several another any every each lot lots way ways thing things
    get got gets make made makes take took takes go went goes going come came comes
    """.split()
)

# Words of one meaning class share a key, so "remain" and "stay on" can meet.
_SYNONYM_CLASSES = (
    "stay remain keep retain",
    "ask request urge",
    "fire dismiss oust sack remove ouster dismissal firing removal",
    "resign quit resignation",
    "meet meeting met",
    "kill slay killing killed dead death die died deaths",
    "injure wound hurt injury injured wounded",
    "arrest detain apprehend custody nab",
    "charge indict indictment",
    "convict conviction",
    "acquit acquittal",
    "steal stole stolen divert embezzle siphon misappropriate theft embezzlement",
    "approve approval pass",
    "reject rejection",
    "announce unveil",
    "buy acquire purchase acquisition",
    "sell sale",
    "win victory",
    "lose loss",
    "earthquake quake tremor",
    "fire blaze",
    "storm hurricane cyclone typhoon",
    "flood flooding",
    "vote ballot",
    "bill measure legislation",
    "lawmaker legislator politician",
    "prosecutor attorney",
    "police officer cop",
    "president president-elect",
    "hospital clinic",
    "rehab rehabilitation",
    "shoot shooting shot gunman",
    "crash collision",
    "open opening",
    "close closing closure",
    "tweet twitter",
    "mother mom",
)
# Verbs that tell one act in news copy ("did not jolt" / "a quake hit"), read only where a
# denied verb is weighed against an asserted one: as matching keys they would join too
# much ("hit" by a car, "a strike" by actors).
_ACT_CLASSES = (
    "hit strike jolt rattle shake",
    "destroy devastate raze gut",
    "spark trigger ignite",
    "reduce loosen weaken",
)
# Irregular simple past forms, which say a verb was done: "threw", "stole", "fought".
IRREGULAR_PAST: frozenset[str] = frozenset(
    """
    met said told took came went gave saw ran spoke began broke drew flew grew knew threw wore
    wrote drove rode sank shook stole chose froze fell rose ate forgot swore struck became
    withdrew held made found sent paid sold brought bought built led left lost won shot fought
    caught taught thought heard kept spent sought fled hung hid laid meant sat stood understood
    overthrew blew woke forgave arose bit mistook undertook tore rang sang drank swam sprang
    misled fed bled sped withstood withheld rebuilt bent dealt felt slept swept wept overheard
    oversaw foresaw dug stuck swung spun slid clung stung strove shone got overcame upheld
    shrank forbade lent
    """.split()
)
# A verb in the past as a pattern: a regular form ("destroyed", not "hundred" or "red")
# or an irregular one.
PAST_VERB = r"(?:(?!hundred\b)[a-z]{2,}ed|" + "|".join(sorted(IRREGULAR_PAST)) + r")"
_IRREGULAR = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "met": "meet",
    "told": "tell",
    "said": "say",
    "went": "go",
    "gone": "go",
    "took": "take",
    "taken": "take",
    "won": "win",
    "lost": "lose",
    "sold": "sell",
    "bought": "buy",
    "began": "begin",
    "begun": "begin",
    "left": "leave",
    "held": "hold",
    "brought": "bring",
    "thought": "think",
    "gave": "give",
    "given": "give",
    "found": "find",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "shot": "shoot",
    "struck": "strike",
    "dead": "die",
    "died": "die",
    "killed": "kill",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "did": "do",
    "done": "do",
    "made": "make",
    "paid": "pay",
    "spent": "spend",
    "sent": "send",
    "kept": "keep",
    "ran": "run",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "chose": "choose",
    "chosen": "choose",
    "broke": "break",
    "broken": "break",
    "drove": "drive",
    "driven": "drive",
    "flew": "fly",
    "flown": "fly",
    "grew": "grow",
    "grown": "grow",
    "shrank": "shrink",
    "shrunk": "shrink",
    "upheld": "uphold",
    "forbade": "forbid",
    "forbidden": "forbid",
    "lent": "lend",
    # British spelling doubles a final "l" that the base does not have.
    "cancelled": "cancel",
    "cancelling": "cancel",
    "controlled": "control",
    "controlling": "control",
    "travelled": "travel",
    "travelling": "travel",
    "labelled": "label",
    "signalled": "signal",
    "fuelled": "fuel",
    "levelled": "level",
    "modelled": "model",
    "totalled": "total",
    "patrolled": "patrol",
    "compelled": "compel",
    "expelled": "expel",
}
# Irregular verb forms whose base other words share as nouns ("heard" / "hearing", "led" /
# "the lead", "dealt" / "a deal"): one verb when a negation meets its affirmation ("did
# not throw" / "threw"), but left apart in the stems that match claims.
_IRREGULAR_VERBS = {
    "threw": "throw",
    "thrown": "throw",
    "overthrew": "overthrow",
    "overthrown": "overthrow",
    "drew": "draw",
    "drawn": "draw",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "blew": "blow",
    "blown": "blow",
    "stole": "steal",
    "stolen": "steal",
    "froze": "freeze",
    "frozen": "freeze",
    "woke": "wake",
    "woken": "wake",
    "forgave": "forgive",
    "forgiven": "forgive",
    "forgot": "forget",
    "forgotten": "forget",
    "got": "get",
    "gotten": "get",
    "came": "come",
    "became": "become",
    "overcame": "overcome",
    "ate": "eat",
    "eaten": "eat",
    "arose": "arise",
    "arisen": "arise",
    "rode": "ride",
    "ridden": "ride",
    "hid": "hide",
    "hidden": "hide",
    "bit": "bite",
    "bitten": "bite",
    "beaten": "beat",
    "shook": "shake",
    "shaken": "shake",
    "mistook": "mistake",
    "undertook": "undertake",
    "tore": "tear",
    "torn": "tear",
    "wore": "wear",
    "worn": "wear",
    "swore": "swear",
    "sworn": "swear",
    "sang": "sing",
    "sung": "sing",
    "rang": "ring",
    "rung": "ring",
    "sank": "sink",
    "sunk": "sink",
    "drank": "drink",
    "drunk": "drink",
    "swam": "swim",
    "sprang": "spring",
    "sprung": "spring",
    "fought": "fight",
    "caught": "catch",
    "taught": "teach",
    "sought": "seek",
    "led": "lead",
    "misled": "mislead",
    "fled": "flee",
    "fed": "feed",
    "bled": "bleed",
    "sped": "speed",
    "stood": "stand",
    "understood": "understand",
    "withstood": "withstand",
    "withheld": "withhold",
    "built": "build",
    "rebuilt": "rebuild",
    "bent": "bend",
    "meant": "mean",
    "dealt": "deal",
    "felt": "feel",
    "slept": "sleep",
    "swept": "sweep",
    "wept": "weep",
    "heard": "hear",
    "overheard": "overhear",
    "laid": "lay",
    "oversaw": "oversee",
    "overseen": "oversee",
    "foresaw": "foresee",
    "sat": "sit",
    "hung": "hang",
    "dug": "dig",
    "stuck": "stick",
    "swung": "swing",
    "spun": "spin",
    "slid": "slide",
    "clung": "cling",
    "stung": "sting",
    "strove": "strive",
    "striven": "strive",
    "shone": "shine",
    "slain": "slay",
}


@lru_cache(maxsize=65536)
def verb_stem(word: str) -> str:
    """``stem`` of the verb a word is a form of: "threw" and "throw" -> "throw"."""
    lowered = word.lower()
    return stem(_IRREGULAR_VERBS.get(lowered, lowered))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic stem: "meetings" -> "meet", "approved" -> "approv".

    Every inflection of a word must reach the same stem, so a final "e" is
    dropped after suffixes are ("close", "closed", "closing" -> "clos"), and a
    longer word's final "eed" loses its "d" whatever came off it ("succeed",
    "succeeded", "succeeds" -> "succee", as "agree", "agreed" -> "agree"); "need"
    and "seed" keep theirs, apart from "nee" and "see".
    """
    found = _stem(word)
    return found[:-1] if len(found) >= 5 and found.endswith("eed") else found


def _stem(word: str) -> str:
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    lowered = lowered.strip("'")
    if lowered in _IRREGULAR:
        return _drop_e(_IRREGULAR[lowered])
    if len(lowered) <= 3:
        return lowered
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ings", ""),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 3:
            if suffix == "s" and lowered.endswith(("ss", "us", "is")):
                return lowered
            base = lowered[: -len(suffix)] + replacement
            if suffix == "ed" and lowered.endswith("eed"):
                base = lowered[:-1]  # "agreed" -> "agree"
            # "stopped" -> "stop", "planned" -> "plan"
            doubled = len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lszaeiou"
            if suffix in ("ing", "ed") and doubled:
                base = base[:-1]
            return _drop_e(base)
    return _drop_e(lowered)


def _drop_e(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("e") and not word.endswith("ee") else word


def _synonyms(classes: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in classes:
        stems = [stem(word) for word in line.split()]
        for item in stems:
            table.setdefault(item, stems[0])
    return table


SYNONYMS = _synonyms(_SYNONYM_CLASSES)
# Stem -> the act it tells, for the verbs of ``_ACT_CLASSES`` and the synonyms above.
ACTS = {**_synonyms(_ACT_CLASSES), **SYNONYMS}


@lru_cache(maxsize=65536)
def content_key(word: str) -> str | None:
    """The comparable key of a content word, or None for stop words and noise."""
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    if lowered in STOP_WORDS or len(lowered) < 2:
        return None
    stemmed = stem(lowered)
    return SYNONYMS.get(stemmed, stemmed)


# Phrasal verbs read as the single verb they mean, so "stepped down" meets "resigned".
# Words a dateline holds besides its date and time: "21 July 2013 Last updated at 11:11 GMT".
DATELINE_WORDS = frozenset(
    """
    posted published updated last modified first on at by and am pm a m p gmt bst utc
    edt est cdt cst mdt mst pdt pst cet cest ist et
    """.split()
)

_PHRASES = {
    r"step(?:s|ped|ping)? down": "resign",
    r"(?:went|go|goes|gone|going) off": "activated",
    r"turn(?:s|ed|ing)? down": "rejected",
    r"call(?:s|ed|ing)? off": "cancelled",
    r"pass(?:es|ed|ing)? away": "died",
    r"shut(?:s|ting)? down": "closed",
    r"sign(?:s|ed|ing)? off on": "approved",
    r"gave up|give(?:s|n)? up|giving up": "quit",
    r"set(?:s|ting)? up": "founded",
    r"(?:was|were|is|are|been) shown the door": "fired",
    r"open(?:s|ed|ing)? fire": "shot",
    r"gun(?:s|ned|ning)? down": "shot",
    r"(?:placed\s+)?under arrest": "arrested",
    r"in (?:talks|negotiations)": "negotiating",
    r"let go": "fired",
}
_PHRASE_RE = re.compile(r"\b(?:" + "|".join(f"({p})" for p in _PHRASES) + r")\b", re.IGNORECASE)
_PHRASE_WORDS = list(_PHRASES.values())
# A word every phrase above holds: a text without one holds no phrase (nine in ten claims),
# and this test is cheaper than the phrases themselves.
_PHRASE_HINT = re.compile(
    r"\b(?:down|off|away|up|door|go|fire|arrest|talks|negotiations)\b", re.IGNORECASE
)
# Entering and leaving a place, for the rules that weigh what two claims say against each
# other ("checked herself into rehab" / "checked out of rehab"); matching keeps the words
# as written, which two reports of one check-in share.
_MOVES = re.compile(
    r"\bcheck(?:s|ed|ing)?(?: (?:herself|himself|themselves))? (?:(in ?to)|(out of))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 18)  # one entry per claim text: room for 10,000 articles
def normalize_phrases(text: str, *, moves: bool = False) -> str:
    """Replace phrasal verbs with the verb they mean ("stepped down" -> "resign").

    ``moves``: also "checked into" -> "entered", "checked out of" -> "left".
    """
    if moves and "heck" in text:
        text = _MOVES.sub(lambda m: "entered" if m.group(1) else "left", text)
    if _PHRASE_HINT.search(text) is None:
        return text
    return _PHRASE_RE.sub(lambda m: _PHRASE_WORDS[(m.lastindex or 1) - 1], text)


def words(text: str) -> list[str]:
    """The alphabetic words of ``text`` in order."""
    return WORD_RE.findall(text)


def content_keys(text: str) -> set[str]:
    """The keys of the content words of ``text``."""
    return {key for word in words(text) if (key := content_key(word))}


@lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Word key -> the keys it contradicts, read once from ``data/antonyms.yaml``.

    Keys are content keys (or stems for stop words), so "dismissed" and "fired"
    or "resignation" and "resigned" reach one entry.
    """
    text = resources.files("claimcheck").joinpath("data/antonyms.yaml").read_text("utf-8")
    table: dict[str, set[str]] = {}
    for entry in yaml.safe_load(text):
        first, second = (content_key(str(word)) or stem(str(word)) for word in entry["pair"])
        table.setdefault(first, set()).add(second)
        table.setdefault(second, set()).add(first)
    return {key: frozenset(value) for key, value in table.items()}


@lru_cache(maxsize=1)
def sequences() -> frozenset[frozenset[str]]:
    """Antonym pairs (as word keys) that name acts following one another: hire, then fire."""
    text = resources.files("claimcheck").joinpath("data/antonyms.yaml").read_text("utf-8")
    return frozenset(
        frozenset(content_key(str(word)) or stem(str(word)) for word in entry["pair"])
        for entry in yaml.safe_load(text)
        if entry.get("sequence")
    )


def says_opposite(keys_a: frozenset[str], keys_b: frozenset[str]) -> bool:
    """One side holds a word whose antonym only the other side holds ("approve" / "reject")."""
    table = antonyms()
    only_b = keys_b - keys_a
    return any(table.get(x, frozenset()) & only_b for x in keys_a - keys_b)


# What a verb or adjective is about: the words after it, up to the clause's end.
OBJECT_WORDS = 12
_CLAUSE_END = re.compile(r"[,;:.!?]")


def _object_keys(text: str, word: str) -> tuple[frozenset[str], frozenset[str], str]:
    """What follows ``word`` in its clause: keys of the lower-case words and of the names.

    Also the name right after "of" when "of" comes first ("east of Cobb"), else "".
    """
    at = text.find(word)
    if at < 0:
        return frozenset(), frozenset(), ""
    rest = text[at + len(word) :]
    end = _CLAUSE_END.search(rest)
    after = words(rest[: end.start()] if end else rest)[:OBJECT_WORDS]
    common = frozenset(key for w in after if w.islower() and (key := content_key(w)))
    names = frozenset(key for w in after if not w.islower() and (key := content_key(w)))
    place = _OF_NAME.match(rest)
    return common, names, place.group(1).lower() if place else ""


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+|The\s+)?([A-Z][\w'’-]*)")


def other_references(text_a: str, word_a: str, text_b: str, word_b: str) -> bool:
    """Each word is followed by "of" and a name, and the names differ.

    "two miles east of Tarnby" / "six miles west of Cobbet": sides of two places,
    which can both be true.
    """
    of_a = _object_keys(text_a, word_a)[2]
    of_b = _object_keys(text_b, word_b)[2]
    return bool(of_a and of_b and of_a != of_b)


def same_object(text_a: str, word_a: str, text_b: str, word_b: str) -> bool:
    """The words after ``word_a`` and after ``word_b`` share two content keys, one a common word.

    "guilty on five counts of embezzlement and two counts of money laundering" /
    "acquitted Vance on both money laundering counts": both are about money
    laundering counts; "refused to buy ... EYP Mission Critical Facilities" / "agreed
    to buy EYP Mission Critical Facilities": both about buying EYP. Not when the
    words are about two named places (``other_references``).
    """
    if other_references(text_a, word_a, text_b, word_b):
        return False
    common_a, names_a, _ = _object_keys(text_a, word_a)
    common_b, names_b, _ = _object_keys(text_b, word_b)
    common = common_a & common_b
    return bool(common) and len(common) + len(names_a & names_b) >= 2


def opposite_objects(text_a: str, text_b: str) -> bool:
    """A word of ``text_a`` and its antonym in ``text_b`` say opposite things of one object."""
    table = antonyms()
    written_a = {content_key(w): w for w in reversed(words(text_a)) if w.islower()}
    written_b = {content_key(w): w for w in reversed(words(text_b)) if w.islower()}
    for x, word_a in written_a.items():
        for y in table.get(x or "", frozenset()):
            word_b = written_b.get(y)
            if (
                word_b
                and y not in written_a
                and x not in written_b
                and same_object(text_a, word_a, text_b, word_b)
            ):
                return True
    return False


# A headline in title case ("Michigan Office Shooting Follow-Up - 1 Dead, 2 Injured")
# capitalises its common words too: most of its longer words start with a capital.
_LONGER_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
TITLE_CASE_SHARE = 0.8
TITLE_CASE_WORDS = 4


def title_case(sentence: str) -> bool:
    """Most longer words capitalised, and none in lower case but a function word.

    "Kessel Systems agreed to buy Sea Micro on Monday" is a sentence of names: a
    title would write "Agreed".
    """
    longer = _LONGER_WORD.findall(sentence)
    capitalised = sum(word[0].isupper() for word in longer)
    if len(longer) < TITLE_CASE_WORDS or capitalised < TITLE_CASE_SHARE * len(longer):
        return False
    return all(word[0].isupper() or word.lower() in _TITLE_LOWER for word in longer)


# Longer words a title leaves in lower case: prepositions and conjunctions.
_TITLE_LOWER = frozenset(
    "with from into onto over than that upon after about under amid near past when"
    " while versus".split()
)
