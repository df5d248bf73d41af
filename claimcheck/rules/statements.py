"""NEGATION and ANTONYM: the same statement affirmed and denied, or with its verb reversed."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources

import yaml
from rapidfuzz import fuzz

from claimcheck.clauses import NEGATION_RE
from claimcheck.lexicon import (
    ACTS,
    IRREGULAR_PAST,
    STOP_WORDS,
    WORD_RE,
    antonyms,
    content_key,
    normalize_phrases,
    other_references,
    same_object,
    says_opposite,
    sequences,
    stem,
    title_case,
    verb_stem,
    words,
)
from claimcheck.model import (
    Claim,
    Cluster,
    ConflictKind,
    DateValue,
    MentionKind,
    NameValue,
    Polarity,
    Severity,
)
from claimcheck.normalize.entities import TITLE_WORDS
from claimcheck.rules import Context, Finding, Rule, asserted_pairs, subject_key
from claimcheck.rules.measures import (
    disjoint_event_dates,
    event_dates,
    shared_names,
    weekdays_named,
)

# How alike two claims must read, apart from the negation or the antonym, to be one statement.
NEGATION_SIMILARITY = 80
# Share of the shorter claim's content words (besides the antonyms) the other must hold.
SAME_WORDS = 0.6

# Caches keyed by a claim's text or frame hold one entry per claim: room for 10,000 articles.
TEXT_CACHE = 1 << 18

_NEGATION_WORDS = re.compile(
    r"\b(?:not|never|no|did|does|do|has|have|had|was|were|is|are|n't|refused to|"
    r"declined to|denied|failed to)\b|n[’']t\b",
    re.IGNORECASE,
)


def check_negation(cluster: Cluster, context: Context) -> list[Finding]:
    """One outlet affirms what another denies, in otherwise the same words.

    Catches: "The alarm sounded before the blast." / "The alarm did not sound before
    the blast." Leaves alone: "police had not named the suspect by Monday" / "police
    named the suspect on Tuesday" (different days), an earlier report's "have not been
    released" / a later one's "were released Wednesday", and hedged claims ("may not have").
    """
    findings = []
    for a, b, severity in asserted_pairs(cluster, context, same_polarity=False):
        if not (_negates_anything(a.text) or _negates_anything(b.text)):
            continue  # nothing negated on either side: most pairs, decided cheaply
        quoted = _has_quote(a) or _has_quote(b)
        if quoted and severity is not Severity.DISPUTE:
            continue  # a quote against a quote is the QUOTE rule's; a speaker's denial is not
        if says_opposite(_stems(a.frame), _stems(b.frame)):
            continue  # "approved" / "did not reject" say the same thing
        subjects = {subject_key(a, context), subject_key(b, context)}
        if len(subjects - {""}) > 1:
            continue  # different subjects: "Kim testified" / "Vance did not testify"
        # The affirming side is the one whose asserted word the other negates; claim
        # polarity alone would be fooled by a negation in a side clause ("... they cannot afford").
        denial = _denied_verb(a, b) or _denied_verb(b, a)
        if denial is None:
            continue
        verb, affirmed, negated = denial
        if _denied_of_another(affirmed, negated, verb, context):
            continue
        if _one_of_a_kind(affirmed, negated, verb):
            continue  # "a New York facility that was approved" / "have not approved that facility"
        if _EXCEPTION.search(affirmed.text):
            continue  # "the only time in 50 years that Page allowed her photograph to be taken"
        if _two_doers(affirmed, negated, verb):
            continue  # "Klitschko landed 178 punches" / "Rahman didn't land a clean punch"
        if _not_yet(negated, affirmed, context):
            continue  # "have not been released" in February; "were released Wednesday" in April
        findings.append(
            Finding(
                ConflictKind.NEGATION,
                severity,
                "NEGATION",
                f"'{_as_written(verb, negated.text)}' is affirmed by one side and negated "
                "by the other",
                {"affirmed": ("affirmed", [affirmed], []), "negated": ("negated", [negated], [])},
            )
        )
    return findings


# What may stand between a verb and the name doing it: "Rahman didn't land", "Klitschko, landed"
# (the frame leaves a relative clause out), "Ruiz also did not vote".
_BEFORE_VERB = re.compile(
    r"(?:\s*,)?(?:\s+(?:did|does|do|has|have|had|was|were|is|are|also|then|still|just|not"
    r"|never|no|longer|\w+n[’']t|\w+ly))*\s*\Z",
    re.IGNORECASE,
)


def _two_doers(affirmed: Claim, negated: Claim, verb: str) -> bool:
    """Each side's verb has a name right before it, and the names differ.

    Or a pronoun each that cannot stand for one subject: "That turned the ball over"
    / "he did not turn the ball over" (a play and a player), "he" / "she".
    """
    head_a = _words_before_verb(affirmed, verb, negated=False)
    head_b = _words_before_verb(negated, verb, negated=True)
    pronouns = {_pronoun(head) for head in (head_a, head_b)} - {""}
    if len(pronouns) == 2 and pronouns & _HE_SHE:
        return True
    doer_a, doer_b = _doer_of(affirmed, head_a), _doer_of(negated, head_b)
    return bool(doer_a and doer_b and doer_a != doer_b)


# Subject pronouns that never stand for one another's subject: a man, a woman, a thing.
_HE_SHE = frozenset({"he", "she"})


def _pronoun(head: list[str]) -> str:
    """The subject pronoun ``head`` ends with, or "".

    "he", "she", "it", or a sentence's first "that" or "this" ("That turned the ball
    over"), not a relative "that" ("the alarm that did not sound").
    """
    if not head:
        return ""
    last = head[-1]
    if last in _HE_SHE or last == "it" or (len(head) == 1 and last in ("that", "this")):
        return last
    return ""


def _words_before_verb(claim: Claim, verb: str, *, negated: bool) -> list[str]:
    """The frame's words, lower-cased, before ``verb`` and what may stand between them.

    The frame leaves relative clauses out, so "Klitschko, who was coming off a
    knockout of Tony Thompson, landed" gives [..., "klitschko"].
    """
    frame = claim.frame
    matches = _NEGATED_WORD.finditer(frame) if negated else WORD_RE.finditer(frame)
    at = -1
    for match in matches:
        word = (
            (match.group("word") or match.group("word2") or match.group("word3"))
            if negated
            else match.group(0)
        )
        if verb_stem(word.lower()) == verb:
            at = match.start()
            break
    if at < 0:
        return []
    before = frame[:at]
    gap = _BEFORE_VERB.search(before)
    return [word.lower() for word in words(before[: gap.start()] if gap else before)]


def _doer_of(claim: Claim, head: list[str]) -> str:
    """The name (its last word) that ``head``, the words before the verb, ends with, or ""."""
    if not head or head[-1] in STOP_WORDS or (len(head) > 1 and head[-2] in _PREPOSITIONS):
        return ""  # a pronoun, or "sirens in Marlow did not sound": Marlow is not the doer
    last = head[-1]
    if last in TITLE_WORDS:
        return ""  # "the President-elect has asked": a title, the person may be named elsewhere
    capitalised = last[0].upper() + last[1:]
    # a name: capitalised where a common noun would not be (not only as a sentence's first
    # word, unless "who" follows it), or a name the claim mentions
    named = re.search(
        rf"(?<=[\w,;:'’] ){re.escape(capitalised)}\b|\A{re.escape(capitalised)},\s+who\b",
        claim.text,
    )
    return last if named or _mentioned(claim, last) else ""


_PREPOSITIONS = frozenset("in of at from for on with by to into near across over under".split())


def _mentioned(claim: Claim, word: str) -> bool:
    """``word`` ends a name the claim mentions ("klitschko" of "Wladimir Klitschko")."""
    return any(
        isinstance(m.value, NameValue) and m.value.key().split()[-1:] == [word]
        for m in claim.mentions
    )


def _as_written(verb: str, text: str) -> str:
    """The negated word as the claim writes it ("make" for the stem "mak")."""
    for match in _NEGATED_WORD.finditer(text):
        word = match.group("word") or match.group("word2") or match.group("word3")
        if verb_stem(word.lower()) == verb:
            return word
    return verb


@lru_cache(maxsize=TEXT_CACHE)
def _negates_anything(text: str) -> bool:
    """Some word of ``text`` is negated, even by a modal: else no denial can be found in it."""
    lowered = text.lower()
    if not any(cue in lowered for cue in _NEGATION_CUES):
        return False  # most claims: no word that could negate, so no regex to run
    return bool(_negated_stems(_phrased(text), modal=True))


# Every negation _NEGATED_WORD knows holds one of these.
_NEGATION_CUES = (
    "not",
    "n't",
    "n’t",
    "never",
    "no longer",
    "no one",
    "nobody",
    "refus",
    "declin",
    "fail",
)


def _denied_verb(affirmed: Claim, negated: Claim) -> tuple[str, Claim, Claim] | None:
    """The word ``negated`` negates and ``affirmed`` asserts, with the two claims.

    Either the claims read alike apart from the negation (and differ in polarity),
    or the word right after the negation ("did not sound") is asserted by the other
    claim ("sounded"), not as an infinitive ("was asked to sound"), and the two
    share another key.
    """
    if (
        affirmed.polarity is Polarity.AFFIRMED
        and negated.polarity is Polarity.NEGATED
        and fuzz.token_sort_ratio(_plain(affirmed.frame), _plain(negated.frame))
        >= NEGATION_SIMILARITY
    ):
        denied = _negated_stems(_phrased(negated.text)) & _asserted_stems(affirmed.frame)
        if denied:
            return sorted(denied)[0], affirmed, negated
    asserted = _asserted_stems(affirmed.frame)
    negated_text = _phrased(negated.text)
    modal = bool(_MODAL_WORD.search(affirmed.text))
    if modal and _FORECAST_DENIED.search(negated_text):
        asserted |= _forecast_stems(affirmed.frame)  # "will carry" / "will not carry"
    asserted |= _present_stems(affirmed)  # "T-Mobile continues to add" / "does not continue"
    # a synonym states the denied verb ("will not acquire" / "bought"); another form of the
    # verb's own word does not ("did not resign" / "submit his resignation")
    meant: dict[str, set[str]] = defaultdict(set)
    for key in asserted:
        meant[ACTS.get(key, key)].add(key)
    for verb in sorted(_negated_stems(negated_text, modal=modal)):
        synonyms = meant.get(ACTS.get(verb, verb), set())
        if verb in asserted or any(other[:4] != verb[:4] for other in synonyms):
            others = (set(affirmed.predicates) & set(negated.predicates)) - {content_key(verb)}
            if others or shared_names(affirmed, negated):
                return verb, affirmed, negated
    return None


# A verb in the present after its subject: "T-Mobile USA continues", "he believes".
_PRESENT = re.compile(r"\s+(?:\w+ly\s+)?([a-z]{3,}(?<!ss)(?<!us)(?<!is)s)\b")
_PRESENT_SUBJECTS = frozenset({MentionKind.PERSON, MentionKind.ORG, MentionKind.ACTOR})
_NOT_PRESENT = frozenset("has does was is says tells adds notes".split())


def _present_stems(claim: Claim) -> frozenset[str]:
    """Stems of verbs stated in the present tense right after a name or "he", "she", "it".

    "T-Mobile USA continues to add to its lineup" states "continue" as plainly as
    "continued" would, and so does a plural name's verb ("Colts clinch playoff berth").
    A noun read so ("Apple shares", "Colts fans") meets only a denial of that very word.
    """
    found = set()
    text = _as_read(claim)  # "Colts Clinch Playoff Berth": a title's verb in capitals
    for mention in claim.mentions:
        if mention.kind not in _PRESENT_SUBJECTS:
            continue
        end = mention.span.end - claim.span.start
        after = _PRESENT.match(text, end)
        if after and after.group(1) not in _NOT_PRESENT:
            found.add(verb_stem(after.group(1)))
        elif (
            mention.surface.endswith("s")
            and (plural := _PLURAL_PRESENT.match(text, end))
            and plural.group(1) not in STOP_WORDS
        ):
            found.add(verb_stem(plural.group(1)))  # "Colts clinch playoff berth"
    for after in _PRONOUN_PRESENT.finditer(text):
        if after.group(1) not in _NOT_PRESENT:
            found.add(verb_stem(after.group(1)))
    return frozenset(found - _negated_nearby(text))


_PLURAL_PRESENT = re.compile(r"\s+([a-z]{3,})\b")
_PRONOUN_PRESENT = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t)" + _PRESENT.pattern)


# A forecast and its denial: "T-Mobile will carry the Q10" / "T-Mobile will not carry the Q10".
_FORECAST = re.compile(
    r"\b(?:will|would|shall)\s+(?:\w+ly\s+)?(?:be\s+|have\s+been\s+)?(?!not\b|be\b|have\b)([a-z]+)"
)
_FORECAST_DENIED = re.compile(
    r"\b(?:will|would|shall)(?:\s+\w+ly)?\s+not\b|\b(?:won|wouldn|shan)[’']t\b", re.IGNORECASE
)
# What a forecast may hang on: "would extend the service if the council paid for it".
_CONDITION = re.compile(r"\b(?:if|unless|provided|as long as)\b", re.IGNORECASE)


@lru_cache(maxsize=TEXT_CACHE)
def _forecast_stems(frame: str) -> frozenset[str]:
    """Stems of verbs the claim forecasts outright ("will carry").

    Not asked, not denied, and not made to hang on a condition ("would attend if invited").
    """
    if _CONDITION.search(frame):
        return frozenset()
    text = _QUESTION.sub(" ", frame)
    return frozenset(verb_stem(m.group(1)) for m in _FORECAST.finditer(text)) - _negated_nearby(
        text
    )


# A denial that holds up to the time of writing: "have not been released", "has not yet
# named", "still has not".
_UP_TO_NOW = re.compile(
    r"\b(?:has|have)\s+(?:still\s+|yet\s+)?(?:not|never|n[’']t)\b|\bhasn[’']t\b|\bhaven[’']t\b"
    r"|\bnot\s+yet\b|\bstill\s+(?:has|have|had|did|does|do|is|are|was|were)\s+not\b",
    re.IGNORECASE,
)


def _not_yet(negated: Claim, affirmed: Claim, context: Context) -> bool:
    """The denial holds up to its publication, and the affirming side dates the act later.

    What happened since is no contradiction: "Results of the test have not been
    released" (February 4) / "Results ... were released Wednesday" (April 1). Undated,
    the affirming side may tell of an act before the denial: "has not agreed to buy" /
    "agreed to buy" still disagree.
    """
    if not _UP_TO_NOW.search(negated.text):
        return False
    denied_on = context.published.get(negated.source_id)
    if denied_on is None:
        return False
    dates = event_dates(affirmed)
    return bool(dates) and all(interval.lo > denied_on.toordinal() for _m, interval in dates)


# An act told as the exception to a rule says the rule holds otherwise: "It was the only time
# in the past 50 years that Page allowed her photograph to be taken" agrees with "She didn't
# allow her photo to be taken".
_EXCEPTION = re.compile(
    r"\b(?:the|its|their|his|her)\s+only\s+(?:time|occasion)\b|\bonly\s+once\b"
    r"|\bthe\s+one\s+time\b|\bthe\s+first\s+time\s+in\s+(?:\w+\s+)?(?:years|decades|months)\b",
    re.IGNORECASE,
)


def _denied_of_another(affirmed: Claim, negated: Claim, verb: str, context: Context) -> bool:
    """The verb is negated only in a relative clause, of someone the affirming subject is not.

    "Klitschko used his jab, scoring consistently" / "That should do it for Rahman, who
    hasn't scored a notable win": the clause (left out of the frame) is about Rahman,
    and the negating sentence does not name Klitschko at all. "Smith, who is not
    leaving" still meets "Smith ... was leaving".
    """
    if verb in _negated_stems(negated.frame, modal=True):
        return False  # negated in the claim's own words
    subject = subject_key(affirmed, context)
    return bool(subject) and subject not in context.names(negated)


# A relative clause whose antecedent has "a" or "an": "a New York facility that".
_INDEFINITE_ANTECEDENT = r"\b(?:a|an)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s+(?:that|which|who)\s+"
# "a New York facility that was approved": a verb in such a clause, which says which of
# several such things is meant.
_INDEFINITE_RELATIVE = re.compile(
    _INDEFINITE_ANTECEDENT
    + r"(?:(?:was|were|is|are|has|have|had|been|being|already|also|just|\w+ly)\s+)*"
    + r"(?P<verb>[a-z]+)",
    re.IGNORECASE,
)
# The denial in such a clause, as the affirmation is: "by a maid who did not enter his room".
_INDEFINITE_DENIAL = re.compile(
    _INDEFINITE_ANTECEDENT
    + r"(?:\w+\s+){0,2}?(?:not|never|\w+n[’']t)\s+(?:(?:be|been|\w+ly)\s+)*(?P<verb>[a-z]+)",
    re.IGNORECASE,
)
# A denial of one definite thing: "have not approved that facility", "not ... the facility".
_DENIED_THE = re.compile(
    r"\b(?:not|never|n[’']t)\s+(?:[a-z]+\s+){1,3}?(?:the|that|this|these|those|its|their|his|her)\s",
    re.IGNORECASE,
)


def _one_of_a_kind(affirmed: Claim, negated: Claim, verb: str) -> bool:
    """The verb is affirmed only of an indefinite thing, and denied of a definite one.

    "Lohan bailed on rehab in a New York facility that was approved by prosecutors" /
    "prosecutors have not approved that facility": "a facility that was approved" picks
    one of several, and "that facility" is the one the other article has just named. A
    denial of any ("have not approved any facility") still clashes, and so does a
    definite thing affirmed ("the shelter that the council approved").
    """
    if not _DENIED_THE.search(negated.text):
        return False
    if any(verb_stem(match["verb"]) == verb for match in _INDEFINITE_DENIAL.finditer(negated.text)):
        return False  # "a maid who entered his room" / "a maid who did not enter his room"
    return any(
        verb_stem(match["verb"]) == verb for match in _INDEFINITE_RELATIVE.finditer(affirmed.text)
    )


# "No one was injured" denies "two guards were injured"; "no one else" does not.
_NO_ONE_WAS_PATTERN = r"\b(?:no\s+one|nobody)\s+(?:was|were|is|has\s+been|had\s+been)\s+([a-z]+)"
_NO_ONE_WAS = re.compile(_NO_ONE_WAS_PATTERN, re.IGNORECASE)
_NEGATED_WORD = re.compile(
    r"\b(?:not(?!\s+(?:only|merely)\b)|never|no longer|n't|refused to|refusing to|declined to"
    r"|failed to)\s+"
    r"(?:(?:\w+ly|ever|yet|even|be|been|have|had|to|need\s+to|needs\s+to|have\s+to)\s+)*"
    r"(?P<word>[a-z]+)"
    r"|n[’']t\s+(?:(?:\w+ly|ever|yet|even|be|been|have|need\s+to|have\s+to)\s+)*"
    r"(?P<word2>[a-z]+)"
    r"|" + _NO_ONE_WAS_PATTERN.replace("([a-z]+)", "(?P<word3>[a-z]+)"),
    re.IGNORECASE,
)
# "asked to resign" does not say he resigned; "forced to hire" does say they will hire.
_INFINITIVE = re.compile(
    r"(?<!\bforce )(?<!\bforces )(?<!\bforced )(?<!\brequire )(?<!\brequires )"
    r"\bto\s+(?:\w+ly\s+)?([a-z]+)",
    re.IGNORECASE,
)
_OBLIGED = re.compile(
    r"\b(?:force[sd]?|require[sd]?|compel(?:s|led)?|oblige[sd]?)\s+(?:\w+\s+){0,3}?to\s+([a-z]+)",
    re.IGNORECASE,
)


# "would not", "will not", "not immediately": a forecast or a delay, not a denial.
_MODAL_NEGATION = re.compile(
    r"\b(?:will|would|could|should|might|may|must|can|wo)(?:\s+\w+ly)?\s*(?:n[’']t|\s+not)\b"
    r"|\bnot\s+immediately\b|\bpromise[sd]?\s+not\b",
    re.IGNORECASE,
)
# "didn't take their first lead until Ratliff intercepted": they took it, later.
_UNTIL = re.compile(r"[^,;.]{0,80}?\b(?:until|till)\b", re.IGNORECASE)
# "never hit fewer than 26 homers" sets a bound on a count; it denies no hitting.
_BOUND = re.compile(r"\s+(?:fewer|less|more)\s+than\b", re.IGNORECASE)
_MODAL_WORD = re.compile(r"\b(?:will|would|could|should|might|must)\b", re.IGNORECASE)
_PLEA = re.compile(r"\bple(?:a|e)d(?:s|ed|ing)?\s+not\s+guilty\b", re.IGNORECASE)


@lru_cache(maxsize=TEXT_CACHE)
def _negated_stems(text: str, *, modal: bool = False) -> frozenset[str]:
    """Stems of the words right after a negation: "did not sound" -> "sound".

    A plea of not guilty is an act in court, not a denial: it negates nothing; nor
    does "not ... until", which says when, nor "never hit fewer than 26", a bound.
    "would not" and "not immediately" forecast or delay; they deny only a claim that
    is itself a forecast (``modal``).
    """
    text = _PLEA.sub("pleaded", text)
    negated = (
        m.group("word") or m.group("word2") or m.group("word3")
        for m in _NEGATED_WORD.finditer(text)
        if (modal or not _MODAL_NEGATION.search(text[max(0, m.start() - 30) : m.end() + 12]))
        and not _UNTIL.match(text, m.end())
        and not _BOUND.match(text, m.end())
    )
    return frozenset(
        verb_stem(word)
        for word in negated
        if len(word) > 2 and word.islower() and word not in _NOT_DENIABLE
    )


# Light verbs (and "asked") are too common to match claims by, but "did not make an
# offer" denies "made an offer" as plainly as "did not sound" denies "sounded".
_LIGHT_VERBS = frozenset(
    "get got gets make made makes take took takes go went goes come came comes asked".split()
)
_NOT_DENIABLE = STOP_WORDS - _LIGHT_VERBS


@lru_cache(maxsize=TEXT_CACHE)
def _negated_nearby(text: str) -> frozenset[str]:
    """Stems of the words a negation covers: the next four of its own clause.

    "they cannot afford it" covers "afford"; "he didn't want another child" covers
    "want" but not "shooting dead" earlier in the sentence.
    """
    scoped: set[str] = set()
    for match in NEGATION_RE.finditer(text):
        clause = re.split(r"[,;.]|\b(?:and|but|that|which|who)\b", text[match.end() :], maxsplit=1)[
            0
        ]
        scoped |= {verb_stem(word) for word in words(clause)[:4]}
    return frozenset(scoped)


@lru_cache(maxsize=TEXT_CACHE)
def _asserted_stems(text: str) -> frozenset[str]:
    """Stems of words stated outright.

    Not negated, not asked ("whether it would harm"), not an infinitive ("asked
    to resign").
    """
    text = _QUESTION.sub(" ", text)
    scoped = set(_negated_nearby(text))
    infinitives = {verb_stem(m.group(1)) for m in _INFINITIVE.finditer(text)}
    obliged = {verb_stem(m.group(1)) for m in _OBLIGED.finditer(text)}
    said = {verb_stem(word) for word in _verbs(text)}
    if "no" in text or "No" in text:  # "no one was injured" asserts no injury
        scoped |= {verb_stem(m.group(1).lower()) for m in _NO_ONE_WAS.finditer(text)}
    return frozenset((said - infinitives - scoped) | (obliged - scoped))


_AUXILIARIES = frozenset("was were is are has have had did does do been be being got gets".split())
_MODALS = frozenset("will would could should might may must can shall wo".split())


def _verbs(text: str) -> list[str]:
    """Words used as finite verbs of fact: "sounded", "knew", "was released".

    A bare noun ("release dates") or a word after a modal ("would reveal",
    "will resume") does not state that something happened.
    """
    found: list[str] = []
    tokens = words(text)
    for index, word in enumerate(tokens):
        lowered = word.lower()
        before = [t.lower() for t in tokens[max(0, index - 3) : index]]
        if any(t in _MODALS for t in before):
            continue
        if lowered.endswith("ing") and before and before[-1] in _GERUND_LEADS:
            continue  # "the position of competing", "talks about returning": not done
        inflected = lowered.endswith(("ed", "ing"))
        if inflected or (before and before[-1] in _AUXILIARIES) or lowered in _IRREGULAR_PAST:
            found.append(word)
        elif lowered in _SAME_IN_PAST and before and before[-1] not in _NOT_BEFORE_A_VERB:
            found.append(word)  # "shells hit the compound", not "a direct hit"
    found += _HEADLINE_VERB.findall(text)
    return found


# A headline's verb after its subject's appositive: "Fred LaRue, Nixon administration aide, dies".
_HEADLINE_VERB = re.compile(r",\s+([a-z]+(?<!ss)(?<!us)(?<!is)s)\s*[.!]?\s*\Z")


# Prepositions before an -ing word make it a noun of action, not an act that happened.
_GERUND_LEADS = frozenset("of about for on without from by in into at against".split())

_IRREGULAR_PAST = IRREGULAR_PAST | {"did"}
# Verbs whose past is their present: after a subject either states the act.
_SAME_IN_PAST = frozenset("hit cut put set shut hurt quit beat cast burst spread".split())
# Words after which those are nouns: "a hit", "the cut", "a big hit" (an infinitive,
# "tried to hit", is left out of what is stated by ``_asserted_stems`` already).
_NOT_BEFORE_A_VERB = frozenset(
    "a an the his her its their our my your this that no one first big direct".split()
)


def check_antonyms(cluster: Cluster, context: Context) -> list[Finding]:
    """Incompatible predicates from the curated lexicon (claimcheck/data/antonyms.yaml).

    Catches: "The council approved the budget on Monday." / "The council rejected
    the budget on Monday." Leaves alone: "The council approved the budget" / "The
    council did not reject the budget" (a negated antonym agrees), and "Shares rose
    while bonds fell" against itself (one claim holding both words).
    """
    lexicon = antonyms()
    findings = []
    for a, b, severity in asserted_pairs(cluster, context, same_polarity=False):
        text_a, text_b = _as_read(a), _as_read(b)
        if _says_no_one(text_a) or _says_no_one(text_b):
            continue  # "no one else was injured" agrees with "escaped unharmed"
        if not _may_oppose(_phrased(text_a), _phrased(text_b)):
            continue  # most pairs: no word of one has its opposite in the other
        words_a = _predicate_words(_phrased(text_a))
        words_b = _predicate_words(_phrased(text_b))
        stems_a, stems_b = set(words_a), set(words_b)
        opposites = _negative_pairs(_phrased(text_a), _phrased(text_b))
        for x in sorted(stems_a - stems_b):
            for y in sorted(lexicon.get(x, frozenset()) | opposites.get(x, frozenset())):
                if y not in stems_b or y in stems_a:
                    continue
                dispute = severity is Severity.DISPUTE
                word_a, word_b = words_a[x], words_b[y]
                if _negated_word(text_a, word_a) or _negated_word(text_b, word_b):
                    continue  # "did not reject" agrees with "approved"
                if other_references(text_a, word_a, text_b, word_b):
                    continue  # "east of Tarnby" / "west of Cobbet": two places' sides
                if not _same_statement(a, b, (x, word_a), (y, word_b), context, dispute=dispute):
                    continue
                if frozenset({x, y}) in sequences() and not _at_one_time(a, b):
                    continue  # "Cheeks was hired" / "Cheeks was fired": years apart, both true
                if _said_of_another(a, word_a, b, context) or _said_of_another(
                    b, word_b, a, context
                ):
                    continue  # "South Kordofan, a state north of the border" / "the camp ... south"
                if dispute and not (
                    _near_shared_name(a, word_a, b, context)
                    and _near_shared_name(b, word_b, a, context)
                ):
                    continue  # each speaker's word must be about the person both discuss
                findings.append(
                    Finding(
                        ConflictKind.ANTONYM,
                        severity,
                        "ANTONYM",
                        f"'{word_a}' and '{word_b}' cannot both describe the same event",
                        {_lemma(x): (word_a, [a], []), _lemma(y): (word_b, [b], [])},
                        topic=_shared_topic(a, b, context) if dispute else None,
                    )
                )
    return findings


# Asked of each claim once per pair it takes part in: the answer is kept by text.
_titled = lru_cache(maxsize=TEXT_CACHE)(title_case)


def _as_read(claim: Claim) -> str:
    """The claim's text, with a title-case headline's capitals lowered outside its names.

    "Shooting at Accounting Firm Leaves Woman Dead and 2 Hurt" says "dead" and "hurt";
    a capital word is otherwise read as part of a name.
    """
    if not _titled(claim.text):
        return claim.text
    text = list(claim.text.lower())
    for mention in claim.mentions:
        if isinstance(mention.value, NameValue):
            start = mention.span.start - claim.span.start
            end = mention.span.end - claim.span.start
            text[start:end] = claim.text[start:end]
    return "".join(text)


# ", a state north of the border": what the name before it is, to the next comma or the end.
_DESCRIBED = re.compile(r",\s+(?:the|an?)\s+[^,;()]*")


def _said_of_another(claim: Claim, word: str, other: Claim, context: Context) -> bool:
    """``word`` stands in an apposition that describes a name the other claim does not name.

    "Yida is a camp of refugees from South Kordofan, a state north of the border" puts
    the state north, not the camp; "The camp at Yida is ... south of the border" is
    about the camp.
    """
    at = claim.text.find(word)
    if at < 0:
        return False
    for mention in claim.mentions:
        if not isinstance(mention.value, NameValue):
            continue
        found = _DESCRIBED.match(claim.text, mention.span.end - claim.span.start)
        if found is not None and found.start() < at < found.end():
            return context.alias(mention.value.key()) not in context.names(other)
    return False


def _at_one_time(a: Claim, b: Claim) -> bool:
    """Both claims date their act, to dates that overlap or to one weekday named.

    Acts that follow one another ("hired" / "fired", "arrested" / "released") clash
    only on one day: told without one, both may be true at their times.
    """
    if event_dates(a) and event_dates(b):
        return not disjoint_event_dates(a, b)
    named_a, named_b = (
        {day for m in claim.mentions if m.kind is MentionKind.DATE for day in weekdays_named(m)}
        for claim in (a, b)
    )
    return bool(named_a & named_b)


def _negated_word(text: str, word: str) -> bool:
    """``word`` stands where a negation of the claim covers it."""
    return verb_stem(word.lower()) in _negated_nearby(_phrased(text))


def _may_oppose(text_a: str, text_b: str) -> bool:
    """Some word of one text has an opposite in the other: lexicon or prefix (a cheap test).

    It looks at every word, so it lets through all that ``check_antonyms`` could find.
    """
    keys_a, lowered_a, bases_a = _all_words(text_a)
    keys_b, lowered_b, bases_b = _all_words(text_b)
    if bases_a & lowered_b or bases_b & lowered_a:
        return True
    table = antonyms()
    return any(table[x] & keys_b for x in keys_a & table.keys())


@lru_cache(maxsize=TEXT_CACHE)
def _all_words(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Every word of ``text``: keys, lower-cased forms, and what is left once a prefix goes."""
    lowered = frozenset(word.lower() for word in words(text))
    bases = frozenset(
        word[len(prefix) :]
        for word in lowered
        if word.startswith(_PREFIXES)  # one C call rules out most words
        for prefix in _PREFIXES
        if word.startswith(prefix) and len(word) - len(prefix) >= 4
    )
    return frozenset(_key(word) for word in lowered), lowered, bases


_NO_ONE = re.compile(r"\b(?:no one|nobody|none|nothing|neither|nor|no)\b", re.IGNORECASE)


@lru_cache(maxsize=TEXT_CACHE)
def _says_no_one(text: str) -> bool:
    return _NO_ONE.search(text) is not None


# Prefixes that make a word its opposite: "successful" / "unsuccessful".
_UN_NOT_OPPOSITE = frozenset(
    "cover covered covers covering veil veiled veils veiling leash leashed ravel raveled known"
    " like der do done til".split()
)
_IN_SUFFIXES = ("able", "ible", "ent", "ant", "ate", "ive", "al", "ete", "lar", "ect", "ure", "ous")
_DIS_BASES = frozenset(
    "agree agreed agrees approve approved approves allow allowed allows connect connected"
    " continue continued qualify qualified prove proved like liked obey obeyed honest"
    " loyal armed appear appeared believe believed trust trusted satisfied respect".split()
)


def _negative_pairs(text_a: str, text_b: str) -> dict[str, set[str]]:
    """Keys of ``text_a``'s words -> keys of ``text_b``'s that are the same word negated.

    "unsuccessful" for "successful", "illegal" for "legal", "non-fatal" for "fatal",
    "disapproved" for "approved"; not "uncovered" for "covered" or "dismissed" for
    "missed", which are other words. Only prefixed words are looked at, either side.
    """
    lower_a, bases_a = _lowered_words(text_a)
    lower_b, bases_b = _lowered_words(text_b)
    found: dict[str, set[str]] = {}
    if not (bases_a or bases_b):
        return found  # most pairs: neither side has a prefixed word
    for base, key_a in bases_a:
        if base in lower_b:
            found.setdefault(key_a, set()).add(lower_b[base])
    for base, key_b in bases_b:
        if base in lower_a:
            found.setdefault(lower_a[base], set()).add(key_b)
    return found


@lru_cache(maxsize=TEXT_CACHE)
def _lowered_words(text: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """A claim's asserted words lower-cased -> key, and (base, key) for each prefixed one."""
    lowered = {word.lower(): key for key, word in _predicate_words(text).items()}
    bases = tuple((base, key) for word, key in lowered.items() for base in _unprefixed(word))
    return lowered, bases


_PREFIXES = ("non-", "non", "dis", "un", "in", "im", "il", "ir")


@lru_cache(maxsize=TEXT_CACHE)
def _unprefixed(word: str) -> tuple[str, ...]:
    """``word`` without a prefix that makes it the opposite of what remains."""
    return tuple(
        word[len(prefix) :]
        for prefix in _PREFIXES
        if word.startswith(prefix) and _is_negative(word[len(prefix) :], word)
    )


def _is_negative(base: str, negative: str) -> bool:
    if len(base) < 4 or not negative.endswith(base):
        return False
    prefix = negative[: -len(base)]
    if prefix == "un":
        return base not in _UN_NOT_OPPOSITE
    if prefix in ("non", "non-"):
        return True
    if prefix in ("in", "im", "il", "ir"):
        return len(base) >= 5 and base.endswith(_IN_SUFFIXES)
    return prefix == "dis" and base in _DIS_BASES


# "asked him if he was firing him", "a presidentially appointed attorney": not assertions.
_QUESTION = re.compile(r"\b(?:if|whether)\b.*", re.IGNORECASE)
# "previously refused to send", "quickly approved the plan": a verb, since what follows
# is no noun it could describe.
_MODIFIER = re.compile(
    r"\b(?:a|an|the|\w+ly)\s+(\w+ed)\s+"
    r"(?=(?!(?:to|the|a|an|her|his|their|its|him|them|that|this|on|in|at|by|for|with)\b)[\w.]+)",
    re.IGNORECASE,
)


# Verbs that only frame the next one: "began to cast" (the casting began).
_FRAMING_VERBS = frozenset(
    """
    begin begins began begun beginning start starts started starting continue continues
    continued cease ceased try tries tried attempt attempts attempted seek seeks sought
    plan plans planned want wants wanted hope hopes hoped expect expects expected
    decide decides decided vote votes voted
    """.split()
)
# A word before "to" and a verb: checked against the list above, which is cheaper than
# asking the regex engine to try every verb of the list at every word.
_BEFORE_TO = re.compile(r"\b([A-Za-z]+)\s+to\s+[a-z]", re.IGNORECASE)


_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen"
    "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|dozens"
)
_NOT_THE_EVENT = re.compile(
    r"\b(?:the|its|their|his|her|this|that)\s+(end|start|beginning|close|finish|opening)\s+of\b"
    rf"|\b(won|wins|win|lost|loses|lose)\s+(?:\d|<number>|(?:{_NUMBER_WORDS})\b)"
    r"|\b(end|finish|start|starting)\s+(?:zone|line|lines)\b",  # a place on a field or course
    re.IGNORECASE,
)
# "If" with a past perfect: what did not happen ("that would have exempted" is a clause's
# content, not a counterfactual of the claim).
_COUNTERFACTUAL = re.compile(r"\bif\b[^.;,]{0,80}?\bhad\s+[a-z]+(?:ed|en)\b", re.IGNORECASE)


@lru_cache(maxsize=TEXT_CACHE)
def _predicate_words(frame: str) -> dict[str, str]:
    """Key -> word as written, for words the claim asserts.

    Not asked ("whether"), not adjectives ("a presidentially appointed attorney"),
    not a verb that only frames the next one ("began to cast": the casting began),
    not a point in time ("after the end of their season"), not a tally ("won 40
    games" is a season's record, not one game's result), and nothing in a claim
    that says what would have happened ("if the Jaguars had scored").
    """
    if _COUNTERFACTUAL.search(frame):
        return {}  # "the victory if the Jaguars had scored": nothing happened
    text = _QUESTION.sub(" ", frame)
    modifiers = {m.group(1).lower() for m in _MODIFIER.finditer(text)}
    modifiers |= {
        word for m in _BEFORE_TO.finditer(text) if (word := m.group(1).lower()) in _FRAMING_VERBS
    }
    modifiers |= {next(g for g in m.groups() if g).lower() for m in _NOT_THE_EVENT.finditer(text)}
    keys: dict[str, str] = {}
    tokens = words(text)
    for index, word in enumerate(tokens):
        if word.lower() in modifiers or (word[0].isupper() and not _opening_word(tokens, index)):
            continue
        if word.endswith("ing") and index and tokens[index - 1].lower() in _GERUND_LEADS:
            continue  # "after skipping out on entering a facility": she did not enter
        keys.setdefault(_key(word), word)
    return keys


def _opening_word(tokens: list[str], index: int) -> bool:
    """The claim opens with a participle or a lexicon word, capitalised only as the first.

    "Arrested by the CHP on suspicion of drunken driving, he was booked into county jail
    and later released": the claim holds both "arrested" and "released". "Minor fire at
    Waitrose": a minor fire, not a man named Minor.
    """
    word = tokens[index]
    if index != 0 or len(tokens) < 2 or not tokens[1].islower():
        return False
    return (len(word) > 5 and word.endswith("ed")) or _key(word.lower()) in antonyms()


def _near_shared_name(claim: Claim, word: str, other: Claim, context: Context) -> bool:
    """``word`` stands within five words of a name ``other`` also mentions."""
    shared = set(_shared_topic(claim, other, context))
    at = claim.text.find(word)
    if at < 0 or not shared:
        return False
    for mention in claim.mentions:
        if not isinstance(mention.value, NameValue):
            continue
        if context.alias(mention.value.key()) not in shared:
            continue
        start = mention.span.start - claim.span.start
        end = mention.span.end - claim.span.start
        gap = claim.text[end:at] if end <= at else claim.text[at + len(word) : start]
        if len(words(gap)) <= 5:
            return True
    return False


def _shared_topic(a: Claim, b: Claim, context: Context) -> tuple[str, ...]:
    """The people both speakers talk about: a dispute is about them, not about wording."""
    names_a = context.names(a)
    names_b = context.names(b)
    return tuple(sorted(names_a & names_b))


def _same_statement(
    a: Claim,
    b: Claim,
    word_of_a: tuple[str, str],
    word_of_b: tuple[str, str],
    context: Context,
    *,
    dispute: bool,
) -> bool:
    """The claims say the same apart from the antonyms (each given as key and word).

    Either most of the shorter claim's content words are in the other, or they
    share a named subject and another name
    ("Harwick beat Bexley" / "Harwick lost to Bexley"), or they share a name and
    the words right after each antonym name the same thing ("guilty on five counts
    of embezzlement and two counts of money laundering" / "acquitted Vance on both
    money laundering counts"). Two speakers of one article need only be talking
    about the same person ("I was fired" / "he was asking him to submit his
    resignation").
    """
    (x, word_a), (y, word_b) = word_of_a, word_of_b
    subjects = {subject_key(a, context), subject_key(b, context)} - {""}
    if len(subjects) > 1:
        return False  # "Daye's losing streak" / "Clark's victory": two subjects
    # values both state count with the words: "Early Friday morning, around 1:30 a.m.,
    # the 26-year-old actress checked out of" / "... checked into" say the rest alike
    alike = _values(a) & _values(b)
    rest_a = (set(a.predicates) - {x, y}) | alike
    rest_b = (set(b.predicates) - {x, y}) | alike
    shared = rest_a & rest_b
    if len(shared) >= 2 and len(shared) >= SAME_WORDS * min(len(rest_a), len(rest_b)):
        return True
    names_a = context.names(a)
    names_b = context.names(b)
    if dispute:
        return bool(names_a & names_b)
    # the words were found in the phrases' verbs: "checked out of" reads "left"
    if names_a & names_b and same_object(_phrased(a.text), word_a, _phrased(b.text), word_b):
        return True
    subject = subject_key(a, context)
    if not subject or subject != subject_key(b, context):
        return False
    return bool((names_a & names_b) - {subject})


def _values(claim: Claim) -> set[str]:
    """The claim's day and time, as keys beside its words: "=2021-03-05", "=01:30".

    Only what dates the act to a day or an hour: a year ("the 1967 killings") or a count
    ("two young women") may tell of the people or of an earlier event.
    """
    return {
        f"={m.value.key()}"
        for m in claim.mentions
        if m.kind is MentionKind.TIME
        or (
            m.kind is MentionKind.DATE
            and isinstance(m.value, DateValue)
            and m.value.first == m.value.last
        )
    }


def _phrased(text: str) -> str:
    """The text with phrasal verbs as the verbs they mean, comings and goings included."""
    return normalize_phrases(text, moves=True)


NEGATION = Rule("NEGATION", ConflictKind.NEGATION, check_negation)
ANTONYM = Rule("ANTONYM", ConflictKind.ANTONYM, check_antonyms)


@lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    """Word key -> the word as the lexicon writes it ("fir" -> "fire"), for stable values."""
    text = resources.files("claimcheck").joinpath("data/antonyms.yaml").read_text("utf-8")
    lemmas: dict[str, str] = {}
    for entry in yaml.safe_load(text):
        for word in entry["pair"]:
            lemmas.setdefault(_key(str(word)), str(word))
    return lemmas


def _lemma(key: str) -> str:
    return _lemmas().get(key, key)


def _key(word: str) -> str:
    return content_key(word) or stem(word)


def _keys(text: str) -> set[str]:
    return {_key(word) for word in words(text)}


@lru_cache(maxsize=TEXT_CACHE)
def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem_list(text))


def _stem_list(text: str) -> list[str]:
    return [stem(word) for word in words(text)]


@lru_cache(maxsize=TEXT_CACHE)
def _plain(frame: str) -> str:
    return " ".join(_NEGATION_WORDS.sub(" ", frame).split())


def _has_quote(claim: Claim) -> bool:
    return any(m.kind is MentionKind.QUOTE for m in claim.mentions)
