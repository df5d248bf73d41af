"""Frozen dataclasses that flow between pipeline stages: the only shared vocabulary."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class StrEnum(str, Enum):
    """A string enum that prints as its value (``enum.StrEnum`` is 3.11+)."""

    def __str__(self) -> str:
        return str(self.value)


class MentionKind(StrEnum):
    """What a typed value inside a claim is."""

    DATE = "date"
    TIME = "time"
    NUMBER = "number"
    QUANTITY = "quantity"
    MONEY = "money"
    PERCENT = "percent"
    AGE = "age"
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    QUOTE = "quote"
    ACTOR = "actor"


# The kinds that name someone or something: people, bodies, places and unnamed actors.
NAME_KINDS = frozenset({MentionKind.PERSON, MentionKind.ORG, MentionKind.PLACE, MentionKind.ACTOR})


class Polarity(StrEnum):
    """Whether a claim asserts or denies its predicate."""

    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Severity(StrEnum):
    """How serious a disagreement is.

    ``contradiction``: the values cannot both be true.
    ``variation``: they differ but are compatible (rounding, wording).
    ``dispute``: two attributed parties inside one source disagree.
    """

    CONTRADICTION = "contradiction"
    VARIATION = "variation"
    DISPUTE = "dispute"


class ConflictKind(StrEnum):
    """Which value a conflict is about; each has one rule in ``compare``."""

    DATE = "date"
    NUMBER = "number"
    NEGATION = "negation"
    ANTONYM = "antonym"
    ATTRIBUTION = "attribution"
    QUOTE = "quote"


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Interval:
    """A closed or open range of reals; ``lo``/``hi`` may be infinite."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, value: float) -> Interval:
        """The interval holding exactly ``value``."""
        return cls(value, value)

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both intervals."""
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo:
            return not (self.hi_open or other.lo_open)
        if other.hi == self.lo:
            return not (other.hi_open or self.lo_open)
        return True

    def contains(self, other: Interval) -> bool:
        """True when every value of ``other`` lies in this interval."""
        lo_ok = self.lo < other.lo or (self.lo == other.lo and (not self.lo_open or other.lo_open))
        hi_ok = other.hi < self.hi or (self.hi == other.hi and (not self.hi_open or other.hi_open))
        return lo_ok and hi_ok

    @property
    def is_point(self) -> bool:
        """True for a single exact value such as ``46``."""
        return self.lo == self.hi and not (self.lo_open or self.hi_open)

    def key(self) -> str:
        """A stable text form: ``46``, ``[40,48)``, ``(12,inf)``."""
        if self.is_point:
            return _num(self.lo)
        left = "(" if self.lo_open or math.isinf(self.lo) else "["
        right = ")" if self.hi_open or math.isinf(self.hi) else "]"
        return f"{left}{_num(self.lo)},{_num(self.hi)}{right}"


def _num(value: float) -> str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == int(value):
        return str(int(value))
    return f"{value:.6g}"


@dataclass(frozen=True)
class DateValue:
    """A calendar interval of whole days, stored as proleptic ordinals (inclusive)."""

    first: date
    last: date
    granularity: str  # one of: day, week, month, quarter, year, range, open

    @property
    def interval(self) -> Interval:
        """The days as a closed interval of ordinals."""
        return Interval(float(self.first.toordinal()), float(self.last.toordinal()))

    def key(self) -> str:
        """``2016-11-30``, ``2016-11``, ``2016``, or ``2016-11-01..2016-12-15``."""
        if self.granularity == "day" or self.first == self.last:
            return self.first.isoformat()
        if self.granularity == "month":
            return self.first.strftime("%Y-%m")
        if self.granularity == "year":
            return str(self.first.year)
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


@dataclass(frozen=True)
class UnresolvedDate:
    """A relative date with nothing to anchor it ("Saturday" with no publication date)."""

    text: str

    def key(self) -> str:
        """The lower-cased surface, marked as unresolved."""
        return f"unresolved:{self.text.lower()}"


@dataclass(frozen=True)
class TimeValue:
    """A time of day as minutes after midnight, possibly a range ("shortly before 2:30")."""

    interval: Interval

    def key(self) -> str:
        """``14:29`` or ``[14:00,14:30)``."""
        if self.interval.is_point:
            return _clock(self.interval.lo)
        left = "(" if self.interval.lo_open else "["
        right = ")" if self.interval.hi_open else "]"
        return f"{left}{_clock(self.interval.lo)},{_clock(self.interval.hi)}{right}"


def _clock(minutes: float) -> str:
    whole = int(round(minutes))
    return f"{whole // 60:02d}:{whole % 60:02d}"


@dataclass(frozen=True)
class AmountValue:
    """A count, amount, percentage, age or measure as an interval.

    ``unit`` is the scale ("usd", "percent", "years", "km", "" for a bare count);
    ``counted`` is the noun being counted ("attorney" in "46 U.S. attorneys"), or "".
    """

    interval: Interval
    unit: str = ""
    counted: str = ""

    def key(self) -> str:
        """``46 attorney``, ``[40,48) prosecutor``, ``3.4e9 usd``."""
        parts = [self.interval.key(), self.unit, self.counted]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class NameValue:
    """A person, organisation, place or actor as a canonical key ("bharara")."""

    key_text: str
    title: str = ""

    def key(self) -> str:
        """The canonical key."""
        return self.key_text


@dataclass(frozen=True)
class QuoteValue:
    """Quoted words, normalized for comparison, with the speaker's key if known."""

    words: str
    speaker: str = ""

    def key(self) -> str:
        """The normalized words."""
        return self.words


Value = DateValue | UnresolvedDate | TimeValue | AmountValue | NameValue | QuoteValue


# --------------------------------------------------------------------------- text units


@dataclass(frozen=True)
class Source:
    """One article as read from disk, with its metadata."""

    id: str
    text: str
    sha256: str
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into ``Source.text``."""

    source_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source, by offsets."""

    span: Span
    text: str


@dataclass(frozen=True)
class Mention:
    """A typed value found in a claim."""

    kind: MentionKind
    span: Span
    surface: str
    value: Value
    role: str = ""  # "report" for the date of a saying ("said Friday"), else ""


@dataclass(frozen=True)
class Claim:
    """One atomic assertion of one source."""

    id: str
    span: Span  # the claim itself: a sentence or one clause of it
    sentence: Span  # the whole sentence the claim came from, shown to readers
    text: str  # Source.text[span.start:span.end]
    mentions: tuple[Mention, ...]
    polarity: Polarity
    attribution: str  # who is said to say it; "" when the outlet says it itself
    hedged: bool
    frame: str  # the claim with comparable values masked, for matching
    predicates: tuple[str, ...] = ()  # normalized content-word keys (lemmas)

    @property
    def source_id(self) -> str:
        """The source this claim comes from."""
        return self.span.source_id


@dataclass(frozen=True)
class Cluster:
    """Claims from two or more sources judged to state the same fact."""

    id: str
    claims: tuple[Claim, ...]
    keys: tuple[str, ...]  # canonical entity and predicate keys shared by the members
    # pairs of indices into ``claims`` that matched directly, with their scores
    links: tuple[tuple[int, int, float], ...] = ()


@dataclass(frozen=True)
class Side:
    """One value in a conflict and the claims that support it."""

    value: str
    display: str
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...] = ()  # the mention in each claim that carries the value


@dataclass(frozen=True)
class Conflict:
    """A disagreement between the sides of one cluster."""

    kind: ConflictKind
    severity: Severity
    sides: tuple[Side, ...]
    rule: str  # rule code, e.g. "DATE"
    explanation: str  # why the rule fired, in words
    summary: str
    fingerprint: str
    cluster_id: str
    status: str = "new"  # "new" or "baselined"


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Stats:
    """Counts and timing of one run."""

    sources: int
    claims: int
    clusters: int
    seconds: float
    skipped: int = 0
    stage_seconds: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything one run found; report writers read only this."""

    sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...]
    stats: Stats
    skipped: tuple[Skipped, ...] = ()
    clusters: tuple[Cluster, ...] = field(default=(), repr=False)
    stale: tuple[str, ...] = ()  # baselined fingerprints no longer found
    checked: bool = False  # statuses come from a baseline (a `check` run)
