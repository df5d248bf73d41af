"""Capitalised names -> people, organisations and places with canonical keys.

Simple for now: a name is a run of capitalised words (with initials and linking
words such as "of"); its kind comes from titles before it and keywords inside it;
a person's key is the surname ("Attorney General Jeff Sessions" -> "sessions"), an
organisation's or place's key is its lower-cased words. Coreference ("the U.S.
attorney" -> Bharara) is left to later work.
"""

from __future__ import annotations

import re

from claimcheck.model import MentionKind, NameValue
from claimcheck.normalize import Found

# Words of titles that precede a person's name ("Attorney General Jeff Sessions").
TITLE_WORDS = frozenset(
    """
    president vice president-elect then-president-elect attorney general deputy secretary
    senator sen representative rep congressman congresswoman governor gov mayor judge
    justice chief minister prime chancellor gen lt colonel col sgt sergeant captain capt
    officer detective det sheriff commissioner director inspector superintendent mr mrs ms
    dr prof professor pope king queen prince princess sir lord lady dame rev reverend
    chairman chairwoman ceo former acting interim then-president attorney auditor treasurer
    clerk manager spokesman spokeswoman spokesperson coach striker goalkeeper midfielder
    defender driver guard economist analyst executive founder editor reporter councilman
    councilwoman councillor alderman assemblyman assemblywoman trooper warden ambassador
    envoy magistrate doctor nurse lawyer prosecutor commander marshal chancellor premier
    """.split()
)

_ORG_WORDS = frozenset(
    """
    department agency office inc corp corporation company co ltd llc group council
    committee court university college school party police force army navy administration
    house senate congress parliament ministry bank association union board commission
    institute foundation times post news press journal network service services bureau
    authority hospital center centre church club team fbi cia nasa un nato eu who
    consulting partners holdings capital llp associates media systems technologies labs
    airlines airways motors energy pharmaceuticals united rovers fc wanderers athletic
    """.split()
)
_PLACE_WORDS = frozenset(
    """
    city county state province district street avenue road island islands river lake
    mountain valley bay coast beach park square tower airport station bridge
    """.split()
)
# Capitalised words that start sentences or name times, never names by themselves.
_NOT_NAMES = frozenset(
    """
    a an the this that these those there their they then when while where what which who
    whom whose why how he she it we i you his her its our your my in on at by for from with
    of to after before during since until as but and or if so because although though
    yet also however meanwhile still even just only both all some many most several
    no not never one two three four five six seven eight nine ten monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday earlier later initially moments
    minutes hours days weeks months years being needless spokespeople within along during
    make dangerous former
    eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
    yes yeah oh well please thanks now here somebody someone everyone everybody nobody
    anyone police officials sources age
    """.split()
)
# "I'm", "Don't", "We've": a contraction starting a sentence, never a name ("O'Brien" is).
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:m|re|ve|ll|d|t)$")

_TOKEN = re.compile(r"[A-Z][\w’'.&-]*|[a-z][\w’'-]*|\S")
_LINKERS = frozenset({"of", "the", "for", "de", "van", "von", "al", "bin", "la", "le"})
# A day or month after a linker starts a date, not the rest of a name ("Vincent Jackson
# for Sunday's game", "the council of March 3").
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)


def find_entities(text: str) -> list[Found]:
    """People, organisations and places in ``text`` with canonical keys, by offsets."""
    found = _nicknamed(text)
    taken = [(f.start, f.end) for f in found]
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    if taken:  # rare: most sentences hold no quoted nickname
        tokens = [t for t in tokens if not any(start <= t[0] < end for start, end in taken)]
    # A name starts at a capitalised token; most tokens are not, and are skipped at once.
    i = 0
    for first in [k for k, token in enumerate(tokens) if token[2][0].isupper()]:
        if first < i:
            continue  # inside the name found before
        if tokens[first][0] and text[tokens[first][0] - 1].isdigit():
            continue  # "76ERS", "3D": letters glued to a number begin no name
        i = first
        j = i
        words: list[tuple[int, int, str]] = []
        while j < len(tokens):
            t_start, t_end, word = tokens[j]
            if _is_capitalised(word):
                words.append((t_start, t_end, word))
                j += 1
                continue
            # "Bank of America", "Department of Justice": a linker between capitals.
            if (
                word in _LINKERS
                and words
                and not (word == "of" and _person_before_of(words))
                and not (word == "the" and _asks(words))
                and j + 1 < len(tokens)
                and _is_capitalised(tokens[j + 1][2])
                and _strip_possessive(tokens[j + 1][2]).lower() not in _CALENDAR
                and text[tokens[j - 1][1] : tokens[j + 1][0]].count(" ") == 2
            ):
                words.append((t_start, t_end, word))
                j += 1
                continue
            break
        # Stop at punctuation gaps: names are contiguous words separated by single spaces.
        words = _contiguous(text, words)
        consumed = max(1, len(words))
        entity = _classify(text, words)
        if entity is not None:
            found.append(entity)
        i += consumed
    return sorted(found, key=lambda f: f.start) if taken else found


# A nickname in quotes between a first name and a surname: "Vincent 'The Chin' Gigante".
_NICKNAME = re.compile(
    r"\b([A-Z][a-z][\w’'-]*)\s+[\"“'‘]((?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
    r"[\"”'’]\s+([A-Z][a-z][\w’'-]*)\b"
)


def _nicknamed(text: str) -> list[Found]:
    """People written with a quoted nickname, keyed by first name and surname alone.

    So that "Vincent 'The Chin' Gigante", the same with double or curly quotes, and
    "Vincent Gigante" are one person.
    """
    return [
        Found(
            MentionKind.PERSON,
            m.start(),
            m.end(3) - (len(m.group(3)) - len(_strip_possessive(m.group(3)))),
            NameValue(f"{m.group(1)} {_strip_possessive(m.group(3))}".lower()),
        )
        for m in _NICKNAME.finditer(text)
        if m.group(1).lower() not in _NOT_NAMES
    ]


def _person_before_of(words: list[tuple[int, int, str]]) -> bool:
    """Two or more capitalised words that name no body or place: a person, who is "of" one.

    "Marie Flynn of Fort Smith", "Mike Reavey of Microsoft": the person, then where or
    what she is from; "Bank of America", "Texas Department of Criminal Justice" and "Duke
    of Edinburgh" stay one name.
    """
    lowered = [w[2].lower().rstrip(".") for w in words]
    return (
        len(lowered) >= 2
        and not any(
            w in _ORG_WORDS or w in _PLACE_WORDS or w.removesuffix("s") in _ORG_WORDS
            for w in lowered
        )
        and not all(w in TITLE_WORDS for w in lowered)
    )


# A question's first word: "Will the Oscars survive?" names no "Will the Oscars".
_AUXILIARIES = frozenset(
    """will would can could should shall may might must do does did is are was were has have
    had""".split()
)


def _asks(words: list[tuple[int, int, str]]) -> bool:
    return len(words) == 1 and words[0][2].lower() in _AUXILIARIES


def _is_capitalised(token: str) -> bool:
    return bool(token) and token[0].isupper()


def _contiguous(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for word in words:
        if kept and text[kept[-1][1] : word[0]] not in (" ", "-"):
            break
        kept.append(word)
    while kept and kept[-1][2].lower() in _LINKERS:
        kept.pop()
    return kept


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


_FULL_STOP = re.compile(r"[a-z]{2}\.$")
_HYPHENATED = re.compile(r"([A-Z][\w’'.]*?)-[a-z]")
_PLACE_BEFORE = re.compile(r"\b(in|from|near|to)\s$")


def _classify(text: str, words: list[tuple[int, int, str]]) -> Found | None:
    if not words:
        return None
    # Leading sentence words ("The", "When") and titles are not part of the name.
    while words and words[0][2].lower().rstrip(".") in _NOT_NAMES:
        words = words[1:]
    if not words:
        return None  # only sentence words ("The", "When"): most calls end here
    title_words: list[str] = []
    title_start = 0
    last_title = max(
        (k for k, w in enumerate(words) if w[2].lower().rstrip(".") in TITLE_WORDS),
        default=-1,
    )
    remainder = [w[2].lower().rstrip(".") for w in words[last_title + 1 :]]
    if 0 <= last_title < len(words) - 1 and not any(
        w in _ORG_WORDS or w in _PLACE_WORDS for w in remainder
    ):
        title_words = [w[2] for w in words[: last_title + 1]]
        title_start = words[0][0]
        words = words[last_title + 1 :]
    # A sentence's full stop is not part of the last name ("at Trump Tower.").
    if words and words[-1][2].endswith(".") and _FULL_STOP.search(words[-1][2]):
        last_start, last_end, last_word = words[-1]
        words[-1] = (last_start, last_end - 1, last_word[:-1])
    if not words:
        return None
    hyphenated = _HYPHENATED.match(words[-1][2]) if len(words) == 1 else None
    if hyphenated:
        # "Manhattan-based", "Obama-appointed": the name is the part before the hyphen.
        first_start, first_end = words[0][0], words[0][1]
        words = [(first_start, first_start + len(hyphenated.group(1)), hyphenated.group(1))]
    start, end = words[0][0], words[-1][1]
    if hyphenated:
        end = first_end
    surface = text[start:end]
    last = _strip_possessive(words[-1][2]).rstrip(".")
    end = start + len(surface) - (len(words[-1][2]) - len(_strip_possessive(words[-1][2])))
    lowered = [w[2].lower().rstrip(".") for w in words]
    if len(words) == 1 and (
        lowered[0] in _NOT_NAMES
        or lowered[0] in _AUXILIARIES
        or len(last) < 2
        or (last.isupper() and len(last) == 1)
        or _CONTRACTION.match(last)
    ):
        return None
    kind = _kind(text, start, lowered, bool(title_words))
    if kind is MentionKind.PERSON:
        # Initials drop out: "Charles E. Schumer" and "Charles Schumer" meet.
        names = [_strip_possessive(w).rstrip(".") for w in lowered[:-1] if len(w.rstrip(".")) > 1]
        key = " ".join([*names, last.lower()])
    else:
        key = " ".join(_strip_possessive(w).lower().rstrip(".") for w in (x[2] for x in words))
        key = key.removeprefix("the ")
    title = " ".join(title_words).lower()
    if title_words:
        start = title_start  # the title is part of the mention, so it is not read as content
    return Found(kind, start, end, NameValue(key_text=key, title=title))


def _kind(text: str, start: int, lowered: list[str], titled: bool) -> MentionKind:
    if titled:
        return MentionKind.PERSON
    if any(w in _ORG_WORDS for w in lowered) or (
        len(lowered) == 1 and lowered[0].isalpha() and text[start : start + 2].isupper()
    ):
        return MentionKind.ORG
    if any(w in _PLACE_WORDS for w in lowered):
        return MentionKind.PLACE
    before = text[max(0, start - 6) : start].lower()
    if _PLACE_BEFORE.search(before):
        return MentionKind.PLACE
    if 2 <= len(lowered) <= 4 and all(w.isalpha() or w.endswith(".") for w in lowered):
        return MentionKind.PERSON
    return MentionKind.ACTOR
