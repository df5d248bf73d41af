"""QUOTE and ATTRIBUTION: who said or did what, and in which words."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from claimcheck.lexicon import PAST_VERB, content_key, content_keys, words
from claimcheck.match import one_name
from claimcheck.model import (
    Claim,
    Cluster,
    ConflictKind,
    Mention,
    MentionKind,
    NameValue,
    QuoteValue,
    Severity,
)
from claimcheck.normalize.numbers import find_amounts
from claimcheck.rules import Context, Finding, Rule, asserted_pairs, linked_pairs
from claimcheck.rules.measures import apposition_after

# Quotes this alike are one remark worded two ways; below it, two different remarks.
SAME_REMARK = 70
# Share of the smaller claim's action words (and exact values) that the other must hold.
SAME_ACTION = 0.75

_NEGATORS = frozenset({"not", "no", "never", "nor", "neither", "cannot", "nothing", "none"})
_AGENT_KINDS = frozenset({MentionKind.PERSON, MentionKind.ORG, MentionKind.ACTOR})
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][a-z]+")


def check_quotes(cluster: Cluster, context: Context) -> list[Finding]:
    """The same speaker quoted in different words.

    Catches (contradiction): “We will not raise taxes,” Ruiz said / “We will raise
    taxes,” Ruiz said; also a long remark one outlet quotes in a sentence that does not
    name its speaker. Shows as a variation: “the city is well prepared” / “the city
    is very well prepared”. Leaves alone: “we are ready” / “we're ready”, a quote
    one outlet shortens (“I did not resign” inside “I did not resign. Moments ago I
    was fired.”), and two different remarks by one speaker.
    """
    findings = []
    for a, b, severity in linked_pairs(cluster):
        for qa in _quotes(a):
            for qb in _quotes(b):
                finding = _compare_quotes(a, qa, b, qb, severity, context)
                if finding is not None:
                    findings.append(finding)
    return findings


def check_attribution(cluster: Cluster, context: Context) -> list[Finding]:
    """The same action credited to different people or organisations.

    Catches: "Senator Ruiz introduced the transit bill on Monday." / "Senator Patel
    introduced the transit bill on Monday." Leaves alone: "Mayor Tran said the pool
    would close" / "a spokeswoman for Tran said the pool would close" (the speaker
    is attribution, not the actor), and claims that name the same people.
    """
    findings = []
    # A claim meets many others in its cluster: its names and doers are read once.
    read: dict[str, tuple[dict[str, Mention], set[str]]] = {}

    def names_and_doers(claim: Claim) -> tuple[dict[str, Mention], set[str]]:
        if claim.id not in read:
            agents = _agents(claim, context)
            read[claim.id] = (agents, {k for k, m in agents.items() if _is_agent(claim, m)})
        return read[claim.id]

    for a, b, severity in asserted_pairs(cluster, context, same_polarity=True):
        (agents_a, doers_a), (agents_b, doers_b) = names_and_doers(a), names_and_doers(b)
        only_a = {k for k in doers_a if not any(_related(k, other) for other in agents_b)}
        only_b = {k for k in doers_b if not any(_related(k, other) for other in agents_a)}
        if len(only_a) != 1 or len(only_b) != 1:
            continue
        key_a, key_b = only_a.pop(), only_b.pop()
        if not _same_action(a, b, agents_a[key_a], agents_b[key_b]):
            continue
        if _kind(agents_a[key_a]) != _kind(agents_b[key_b]) or _related(key_a, key_b):
            continue
        if not _same_event(a, b, {key_a, key_b}, context):
            continue  # "Lohan checked into rehab" / "Reid checked into rehab": two events
        if (
            fuzz.token_set_ratio(_masked(a, agents_a[key_a]), _masked(b, agents_b[key_b]))
            < SAME_WORDING
        ):
            continue  # the rest of the two sentences must tell the same act
        findings.append(
            Finding(
                ConflictKind.ATTRIBUTION,
                severity,
                "ATTRIBUTION",
                "the same action is credited to different actors",
                {
                    key_a: (agents_a[key_a].surface, [a], [agents_a[key_a]]),
                    key_b: (agents_b[key_b].surface, [b], [agents_b[key_b]]),
                },
            )
        )
    return findings


# How alike the two claims must read once each doer is masked (rapidfuzz token_set_ratio).
SAME_WORDING = 70


# What the doer did before or while acting ("after seeing flames on the roof") is not the act.
_ADJUNCT = re.compile(r"\s+(?:after|before|while|upon)\s+\w+ing\b[^,;]*")


def _masked(claim: Claim, doer: Mention) -> str:
    """The claim with its doer replaced by "someone": its frame, when the doer is in it.

    The frame leaves out the claim's relative clauses ("a security guard, Daniel
    Osei, who saw smoke"), which say more about the doer, not about the act.
    """
    surface = doer.surface.lower()
    if surface and surface in claim.frame:
        return _ADJUNCT.sub("", claim.frame.replace(surface, " someone "))
    start = doer.span.start - claim.span.start
    end = doer.span.end - claim.span.start
    return (claim.text[: max(0, start)] + " someone " + claim.text[max(0, end) :]).lower()


def _same_action(a: Claim, b: Claim, doer_a: Mention, doer_b: Mention) -> bool:
    """The claims share most of what they say besides who: words, times and numbers.

    The words that describe each doer ("taxi driver Ahmed Rahimi", "a security
    guard, Daniel Osei") say who, not what was done.
    """
    action_a = _doer_action(a, doer_a) - _descriptor_keys(a, doer_a) - _described_as(a, doer_a)
    action_b = _doer_action(b, doer_b) - _descriptor_keys(b, doer_b) - _described_as(b, doer_b)
    shared = action_a & action_b
    if len(shared) < 2:
        return False
    return len(shared) / min(len(action_a), len(action_b)) >= SAME_ACTION


# Words that end the phrase introducing a name: "a bill from Senator Patel" has none.
_PHRASE_STOPS = frozenset(
    "a an the from by of to and or with for in on at as after before said says".split()
)


def _descriptor_keys(claim: Claim, doer: Mention) -> set[str]:
    """Content keys of the two words or fewer that introduce the doer ("taxi driver")."""
    before = words(claim.text[_belief_end(claim) : max(0, doer.span.start - claim.span.start)])
    found: list[str] = []
    for word in reversed(before[-2:]):
        if word.lower() in _PHRASE_STOPS:
            break
        found.append(word)
    return {key for word in found if (key := content_key(word))}


# What a name is, not what it did: "EDS is the world leader in IT services" (and the
# apposition of measures.apposition_after: "IBM, the leader in outsourcing, will ...").
_COPULA = re.compile(
    r"\s+(?:is|was|are|were|remains|remained|became|becomes)\s+(?:the|an?|one\s+of\s+the)\s+"
    r"([^,;.]*)",
    re.IGNORECASE,
)


def _described_as(claim: Claim, doer: Mention) -> set[str]:
    """Content keys of what the claim says the doer is: a copula's or an apposition's noun phrase.

    Being the leader of a market is no act: "EDS is the world leader in outsourced IT
    services" / "IBM, the leader in the global services and outsourcing business, will
    feel the pressure" credit nothing to two actors.
    """
    match = _COPULA.match(claim.text, doer.span.end - claim.span.start) or apposition_after(
        claim, doer
    )
    if match is None:
        return set()
    return content_keys(match.group(1))


def _same_event(a: Claim, b: Claim, agents: set[str], context: Context) -> bool:
    """Something besides the action ties the claims to one event.

    Another name both mention, one exact time, date or figure, or sources that tell
    the same story: doing the same kind of thing is not one event.
    """
    names_a = context.names(a)
    names_b = context.names(b)
    if (names_a & names_b) - agents:
        return True
    values_a = {m.value.key() for m in a.mentions if m.kind in _EVENT_VALUES}
    values_b = {m.value.key() for m in b.mentions if m.kind in _EVENT_VALUES}
    return bool(values_a & values_b) or context.together(a, b)


_EVENT_VALUES = frozenset(
    {MentionKind.DATE, MentionKind.TIME, MentionKind.NUMBER, MentionKind.MONEY}
)


def _doer_action(claim: Claim, doer: Mention) -> set[str]:
    """What the doer did: for a doer after "by", not what follows its clause.

    "The running back has been placed on injured reserve by the Saints, meaning he
    will miss the final two games": the Saints placed him; missing the games is his.
    """
    keys = _action_keys(claim)
    start = doer.span.start - claim.span.start
    if not _BY.search(claim.text[: max(0, start)]):
        return keys
    end = doer.span.end - claim.span.start
    rest = re.split(r"[,;:]", claim.text[end:], maxsplit=1)
    if len(rest) < 2:
        return keys
    later = content_keys(rest[1])
    own = content_keys(claim.text[:end] + rest[0])
    return {k for k in keys if k in own or k not in later}


def _action_keys(claim: Claim) -> set[str]:
    keys = set(claim.predicates)
    for mention in claim.mentions:
        if mention.kind in (MentionKind.TIME, MentionKind.NUMBER, MentionKind.MONEY):
            keys.add(f"={mention.value.key()}")
    return keys


QUOTE = Rule("QUOTE", ConflictKind.QUOTE, check_quotes)
ATTRIBUTION = Rule("ATTRIBUTION", ConflictKind.ATTRIBUTION, check_attribution)


def _compare_quotes(
    a: Claim, qa: Mention, b: Claim, qb: Mention, severity: Severity, context: Context
) -> Finding | None:
    va, vb = qa.value, qb.value
    if not isinstance(va, QuoteValue) or not isinstance(vb, QuoteValue):
        return None
    # one speaker written in full and by surname: "ed stefanski" / "stefanski"
    same_speaker = bool(va.speaker) and one_name(
        context.alias(va.speaker), context.alias(vb.speaker)
    )
    if not same_speaker and (
        (va.speaker and vb.speaker) or not _one_long_remark(va.words, vb.words)
    ):
        return None  # two speakers, or a short remark that anyone might make
    if va.words == vb.words or _contained(va.words, vb.words):
        return None
    if fuzz.ratio(va.words, vb.words) < SAME_REMARK:
        return None
    changed = set(va.words.split()) ^ set(vb.words.split())
    if changed & _NEGATORS:
        verdict, why = severity, "the quotes differ in a negation"
    elif _numbers(qa.surface, qb.surface):
        verdict, why = severity, "the quotes differ in a number"
    elif _name_replaced(_names(qa.surface), _names(qb.surface)):
        verdict, why = severity, "the quotes differ in a name"
    else:
        verdict, why = Severity.VARIATION, "the quotes differ in wording only"
    return Finding(
        ConflictKind.QUOTE,
        verdict,
        "QUOTE",
        why,
        {va.words: (qa.surface, [a], [qa]), vb.words: (qb.surface, [b], [qb])},
    )


# A remark this long and this alike is one remark, even where an outlet does not say
# whose it is in the same sentence: "The hopes many people had that a new president
# would open up Turkmen society have been shattered."
LONG_REMARK_WORDS = 8
SAME_LONG_REMARK = 90


def _one_long_remark(first: str, second: str) -> bool:
    return (
        min(len(first.split()), len(second.split())) >= LONG_REMARK_WORDS
        and fuzz.ratio(first, second) >= SAME_LONG_REMARK
    )


def _numbers(first: str, second: str) -> bool:
    """The quotes name different figures, not one figure written two ways.

    "six years" / "eight years" differ; "11th hour" / "eleventh-hour" do not, and
    when one side's changed words hold no figure at all, the change is wording; so is
    a clock time written two ways ("18:41" / "6:41pm PST"), which the amount finder
    leaves to the time finder as long as the quote is read as written.
    """
    only_first = " ".join(w for w in first.split() if w not in second.split())
    only_second = " ".join(w for w in second.split() if w not in first.split())
    values_first = {f.value.key() for f in find_amounts(only_first)}
    values_second = {f.value.key() for f in find_amounts(only_second)}
    return bool(values_first - values_second) and bool(values_second - values_first)


def _quotes(claim: Claim) -> list[Mention]:
    return [m for m in claim.mentions if m.kind is MentionKind.QUOTE]


def _contained(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _name_replaced(names_a: set[str], names_b: set[str]) -> bool:
    """Each quote holds a name the other lacks: "Kowal will lead" / "Brenner will lead".

    One side naming more ("the new Doctor" / "this Doctor Who") is wording.
    """
    return bool(names_a - names_b) and bool(names_b - names_a)


def _names(surface: str) -> set[str]:
    """Capitalised words inside a quote, not counting its first word ("This is about ...")."""
    rest = surface.split(None, 1)[1] if " " in surface.strip() else ""
    return set(_NAME_WORD.findall(f" {rest}"))


def _agents(claim: Claim, context: Context) -> dict[str, Mention]:
    """Named people and organisations in the claim (not pronouns, not quoted), by key."""
    agents: dict[str, Mention] = {}
    quoted = [(m.span.start, m.span.end) for m in claim.mentions if m.kind is MentionKind.QUOTE]
    for mention in claim.mentions:
        if any(start <= mention.span.start < end for start, end in quoted):
            continue
        if (
            mention.kind in (MentionKind.PERSON, MentionKind.ORG)
            and isinstance(mention.value, NameValue)
            and len(mention.surface) > 2  # "AK" of "AK 47" names no one
        ):
            if mention.role == "pronoun":
                continue  # a pronoun's antecedent is a guess; a relative clause's is not
            agents.setdefault(context.alias(mention.value.key()), mention)
    return agents


# A name that only reports: "X said", "X reported", "a Surrey Police spokeswoman said",
# "Bureau of Prisons spokesman Al Quintero said".
_REPORTS = re.compile(
    r"\s+(?:spokes(?:man|woman|person)(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3}\s+)?"
    r"(?:said|says|reported|reports|indicated|indicates|told|tells|stated|states)\b",
    re.IGNORECASE,
)
_BY = re.compile(r"\b(?:by|from)\s+(?:\w+,?\s+){0,3}\Z", re.IGNORECASE)


# A subject that undergoes the act: "Jamal Williams was arrested early Sunday".
# A headline drops the "was": "Charger Jamal Williams arrested on suspicion of DUI"; only
# verbs that take an object are read so, and only with none after them.
_PASSIVE = re.compile(
    r"\s+(?:(?:was|were|is|are|has been|have been|had been|will be)\s+)(?:\w+ly\s+)?"
    r"(?!by\b)(?:\w+(?:ed|en)|lost|hit|shot|hurt|cut|put|held|kept|left|sent|sold|found"
    r"|caught|struck|brought|bought|paid|made|led|built|spent|won|set|told)\b(?![^,;.]*\bby\b)"
    r"|\s+(?:arrested|charged|jailed|sentenced|convicted|acquitted|indicted|detained|hospitali[sz]ed"
    r"|injured|wounded|killed|suspended|released|traded|waived|fined|banned|questioned"
    r"|placed)"
    r"(?=\s+(?:on|for|in|at|after|over|with|as|to|near)\b|\s*[,;:.]|\s*\Z)",
    re.IGNORECASE,
)


# A name between "the" and the noun it describes, before that noun's verb: 'The "American
# Pie" actress has entered', "the Genovese crime family said".
_THE_BEFORE = re.compile(r"\b(?:the|an?)\s+[\"“‘']?\Z", re.IGNORECASE)
_MODIFIES = re.compile(
    r"[\"”’']?\s+(?!(?:has|have|had|was|were|is|are|will|would|could|can|did|does|do|may)\b)"
    r"(?![a-z]*[^s]s\b)(?![a-z]+ed\b)[a-z]+(?:\s+[a-z]+)?"
    r"\s+(?:has|have|had|was|were|is|are|will|would|said|says|\w+ed)\b"
)


# A clause whose subject is a pronoun: no name in it is the doer.
_PRONOUN_SUBJECT = re.compile(r"[\s\"“‘']*(?:he|she|they|we|I)\s+(?!said\b|says\b)", re.IGNORECASE)
# The subject of a clause joined by ", and": a name after it, before its verb in the past.
_NEW_CLAUSE_BEFORE = re.compile(r",\s+(?:and|but)\s+(?:[a-z]+\s+){0,2}\Z")
_PAST_VERB_AFTER = re.compile(r"\s+(?:\w+ly\s+)?" + PAST_VERB + r"\b")


def _is_agent(claim: Claim, mention: Mention) -> bool:
    """A doer: the claim's subject (its first name, early on) or the name after by/from."""
    offset = mention.span.start - claim.span.start
    if mention.role == "antecedent" and mention.surface.lower() == "whose":
        return False  # "whose head was crushed": the antecedent owns, it does not act
    if _REPORTS.match(claim.text, mention.span.end - claim.span.start):
        return False  # "The Press Democrat reported the quake began ...": a source, not a doer
    if mention.role == "antecedent" or _BY.search(claim.text[: max(0, offset)]):
        return True
    if _THE_BEFORE.search(claim.text[: max(0, offset)]) and _MODIFIES.match(
        claim.text, mention.span.end - claim.span.start
    ):
        return False  # 'The "American Pie" actress has entered': the actress acts
    if _PASSIVE.match(claim.text, mention.span.end - claim.span.start):
        return False  # "Williams was arrested": someone else did the arresting
    if _NEW_CLAUSE_BEFORE.search(claim.text[: max(0, offset)]) and _PAST_VERB_AFTER.match(
        claim.text, mention.span.end - claim.span.start
    ):
        return True  # "..., and referee Sam Williams gave the challenger a standing count"
    # "he believes that Mr. LaRue died Saturday": the doer is the believed clause's subject.
    lead = _belief_end(claim)
    if _PRONOUN_SUBJECT.match(claim.text, lead):
        return False  # "she is to return as host of the Academy Awards": she acts
    names = [
        m
        for m in claim.mentions
        if m.kind in _AGENT_KINDS
        and m.role != "pronoun"
        and m.span.start - claim.span.start >= lead
    ]
    first = min(names, key=lambda m: m.span.start) if names else None
    return first is mention and offset - lead <= max(12, (len(claim.text) - lead) // 3)


# Who believes what opens the claim: "he believes that", "Coroner Gary Hargrove thinks".
_BELIEF = re.compile(
    r"(?:[\w’'.-]+\s+){1,4}?(?:believes?|believed|thinks?|thought|suspects?|suspected)"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)


def _belief_end(claim: Claim) -> int:
    """Where the believed clause starts, after an opening "he believes that"; else 0."""
    frame = _BELIEF.match(claim.text)
    return frame.end() if frame else 0


def _related(key_a: str, key_b: str) -> bool:
    """One actor written two ways.

    A name inside the other ("halvard" / "halvard financial wire"), or the same
    name spelt two ways ("duncan rait" / "duncan raite").
    """
    return bool(_name_words(key_a) & _name_words(key_b)) or fuzz.ratio(key_a, key_b) >= 85


@lru_cache(maxsize=1 << 16)
def _name_words(key: str) -> frozenset[str]:
    """A name's words without a plural s: "charger" / "chargers" are one team."""
    return frozenset(word.removesuffix("s") for word in key.split())


def _kind(mention: Mention) -> str:
    return "org" if mention.kind is MentionKind.ORG else "person"
