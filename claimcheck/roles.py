"""People a story knows first by their part in it: "the suspect", "the gunman".

An early report says "The suspect, a 34-year-old man, was taken into custody"; a
later one says police "named the suspect ... as Marcus Doyle" and "Doyle, 43, was
fired in August". Once the run's articles name the one person who plays a part,
an age told of the part is an age told of that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimcheck.model import Claim, Mention, MentionKind, NameValue

# Parts one person plays in a news story and is named for later.
ROLES = frozenset(
    "suspect gunman shooter attacker assailant victim driver defendant killer bomber "
    "hijacker robber intruder".split()
)
_ROLE = "(?P<role>" + "|".join(sorted(ROLES)) + r")\b(?!['’])"  # not "the victim's son"
_VERB = r"(?:named|identified)"
_HAS = re.compile(rf"\b{_VERB}\b", re.IGNORECASE)

# Text just before a name that says the name plays the part.
_BEFORE_NAME = (
    # "named the suspect in Sunday's fire as Marcus Doyle"
    re.compile(rf"\b{_VERB}\s+the\s+{_ROLE}[^.;:]{{0,80}}?\bas\s+\Z", re.IGNORECASE),
    # "the gunman was identified as Ray Carter"
    re.compile(
        rf"\bthe\s+{_ROLE}\s+(?:is|was|has\s+been|had\s+been)\s+{_VERB}\s+as\s+\Z", re.IGNORECASE
    ),
)
# "identified Doyle as the suspect"
_NAMED_BEFORE = re.compile(rf"\b{_VERB}\s+\Z", re.IGNORECASE)
_AS_ROLE = re.compile(rf"\A\s+as\s+the\s+{_ROLE}", re.IGNORECASE)

# An age told of a part: "The suspect, a 34-year-old man" / "the 34-year-old gunman".
_ROLE_BEFORE_AGE = re.compile(rf"\bthe\s+{_ROLE},\s+(?:an?\s+)?\Z", re.IGNORECASE)
_THE_BEFORE_AGE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
_ROLE_AFTER_AGE = re.compile(rf"\A\s+{_ROLE}", re.IGNORECASE)

_NAMED_KINDS = (MentionKind.PERSON, MentionKind.ACTOR)


def role_names(claims: Iterable[Claim]) -> dict[str, frozenset[str]]:
    """Each part the claims name one person for, to that person's keys, and surname alone.

    Keys are as written (see ``match.same_person``). A part named for two people ("the
    victim" in a story of two shootings) is left out: an age told of it could be either's.
    """
    named: dict[str, set[str]] = {}
    for claim in claims:
        text = claim.text
        if ("named" not in text and "identified" not in text) or not _HAS.search(text):
            continue  # the substring tests first: most claims name no one as anything
        for role, key in _named_parts(claim):
            named.setdefault(role, set()).add(key)
    # The part's person is called by the surname after the first mention: "Carter, 41,".
    return {
        role: frozenset(keys | {key.rsplit(" ", 1)[-1] for key in keys})
        for role, keys in named.items()
        if _one_person(keys)
    }


def _named_parts(claim: Claim) -> list[tuple[str, str]]:
    found = []
    for mention in claim.mentions:
        if mention.kind not in _NAMED_KINDS or mention.role:
            continue
        if not isinstance(mention.value, NameValue):
            continue
        start = mention.span.start - claim.span.start
        end = mention.span.end - claim.span.start
        before, after = claim.text[:start], claim.text[end:]
        said = next((m for p in _BEFORE_NAME if (m := p.search(before))), None)
        if said is None and _NAMED_BEFORE.search(before):
            said = _AS_ROLE.match(after)
        if said is not None:
            found.append((said.group("role").lower(), mention.value.key()))
    return found


def _one_person(keys: set[str]) -> bool:
    """The keys can all be one person: one surname, and at most one full name."""
    surnames = {key.rsplit(" ", 1)[-1] for key in keys}
    full = {key for key in keys if " " in key}
    longest = max(full, key=len, default="")
    return len(surnames) == 1 and all(longest.endswith(key) for key in full)


def age_role(claim: Claim, age: Mention) -> str:
    """The part an age is told of: "The suspect, a 34-year-old man" is the suspect's."""
    if age.kind is not MentionKind.AGE:
        return ""
    start = age.span.start - claim.span.start
    end = age.span.end - claim.span.start
    before = claim.text[:start]
    found = _ROLE_BEFORE_AGE.search(before)
    if found is None and _THE_BEFORE_AGE.search(before):
        found = _ROLE_AFTER_AGE.match(claim.text[end:])
    return found.group("role").lower() if found else ""
