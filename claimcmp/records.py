"""Frozen records exchanged between the pipeline stages and kept in the report.

Every record that points into a text does so with half-open character offsets
``[start, end)`` into the *decoded source text* (``Article.text`` /
``Source.text``), so ``source.text[start:end]`` is always what the report
shows. Records validate their own fields on construction; cross-record
invariants (a claim's text equals its source slice) are checked by
:class:`claimcmp.report.Report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from claimcmp.errors import SpanError

__all__ = [
    "BLOCK_KINDS",
    "DIVERGENCE_KINDS",
    "ONE_FACT",
    "UNRESOLVED",
    "VERDICTS",
    "Anomaly",
    "Block",
    "Claim",
    "ClaimGroup",
    "ClaimPair",
    "Divergence",
    "PairComparison",
    "SkippedSource",
    "Source",
    "Story",
    "Variant",
    "Verdict",
    "is_decisive",
    "is_unresolved",
]

Verdict = Literal["agreement", "paraphrase", "divergence", "unrelated"]
VERDICTS: tuple[str, ...] = ("agreement", "paraphrase", "divergence", "unrelated")

#: Kinds the built-in detectors produce. Detectors users add may use others.
DIVERGENCE_KINDS: tuple[str, ...] = (
    "number",
    "unit",
    "date",
    "entity",
    "term",
    "negation",
    "quote",
    "attribution",
    "modality",
    "omission",
    "addition",
)

#: What a line of an article is when it is not reporting.
BLOCK_KINDS: tuple[str, ...] = (
    "body",
    "headline",
    "metadata",
    "dateline",
    "byline",
    "caption",
    "boilerplate",
)

Span = tuple[int, int]


def _check_offsets(start: int, end: int, what: str) -> None:
    if not (isinstance(start, int) and isinstance(end, int)):
        raise SpanError(f"'{what}' offsets must be integers (got {start!r}, {end!r}).")
    if start < 0 or end < start:
        raise SpanError(f"'{what}' must satisfy 0 <= start <= end (got start={start}, end={end}).")


def _span_validator(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not (isinstance(value, tuple) and len(value) == 2):
        raise SpanError(f"'{attribute.name}' must be a (start, end) tuple (got {value!r}).")
    _check_offsets(value[0], value[1], attribute.name)


def _to_span(value: Any) -> Span | None:
    if value is None:
        return None
    return (value[0], value[1]) if isinstance(value, (list, tuple)) and len(value) == 2 else value


def _in_unit_interval(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not (0.0 <= value <= 1.0):
        raise ValueError(f"'{attribute.name}' must be in [0, 1] (got {value!r}).")


def _similarity_range(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not (-1.0001 <= value <= 1.0001):
        raise ValueError(f"'{attribute.name}' must be in [-1, 1] (got {value!r}).")


def _one_of(options: tuple[str, ...]) -> Any:  # returns an attrs validator
    def check(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
        if value not in options:
            raise ValueError(f"'{attribute.name}' must be one of {options!r} (got {value!r}).")

    return check


def _non_empty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValueError(f"'{attribute.name}' must be a non-empty string (got {value!r}).")


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _divergences(value: Iterable[Divergence]) -> tuple[Divergence, ...]:
    return tuple(value)


def _probabilities(value: Any) -> tuple[tuple[str, float], ...]:
    items = value.items() if isinstance(value, dict) else value
    return tuple((str(k), float(v)) for k, v in items)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _spans(value: Iterable[Any]) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in value:
        span = _to_span(s)
        if span is None:
            raise SpanError(f"'spans' items must be (start, end) pairs (got {s!r}).")
        out.append(span)
    return tuple(out)


@attrs.frozen(kw_only=True)
class Block:
    """A line-level region of an article: reporting (``body``) or not."""

    start: int
    end: int
    kind: str = attrs.field(validator=_one_of(BLOCK_KINDS))

    def __attrs_post_init__(self) -> None:
        _check_offsets(self.start, self.end, "Block")


@attrs.frozen(kw_only=True)
class Source:
    """One article as it appears in a report."""

    id: str = attrs.field(validator=_non_empty)
    path: str | None = None
    title: str | None = None
    published: dt.date | None = None
    copy_of: str | None = None  # the source this one is a near-verbatim copy of
    text: str = attrs.field(repr=False)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks, repr=False)


@attrs.frozen(kw_only=True)
class Claim:
    """A checkable statement: one or more spans of a source text.

    ``start``/``end`` cover the whole claim; ``spans`` lists the pieces of
    text that make it up (one piece for a sentence-level claim). ``text`` is
    ``source.text[start:end]`` for a single-span claim.
    """

    id: str = attrs.field(validator=_non_empty)
    source: str = attrs.field(validator=_non_empty)
    text: str
    start: int
    end: int
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    sentence: Span | None = attrs.field(default=None, converter=_to_span, validator=_span_validator)
    #: Who the claim is attributed to ("the ministry said"), kept out of the claim's content.
    attribution: Span | None = attrs.field(
        default=None, converter=_to_span, validator=_span_validator
    )

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map offsets into :attr:`text` to offsets into the source text."""
        if len(self.spans) == 1:
            return self.start + start, self.start + end
        sep = len(" … ")
        pos = 0
        bounds = []
        for s, e in self.spans:
            bounds.append((pos, pos + (e - s), s))
            pos += (e - s) + sep

        def one(x: int, is_end: bool) -> int:
            for lo, hi, src in bounds:
                if lo <= x <= hi:
                    return src + (x - lo)
            # Inside a separator: a start snaps to the next piece, an end to the previous one.
            for k, (lo, _hi, src) in enumerate(bounds):
                if x < lo:
                    if is_end and k > 0:
                        prev_lo, prev_hi, prev_src = bounds[k - 1]
                        return prev_src + (prev_hi - prev_lo)
                    return src
            return bounds[-1][2] + (bounds[-1][1] - bounds[-1][0])

        return one(start, False), one(end, True)

    def __attrs_post_init__(self) -> None:
        _check_offsets(self.start, self.end, "Claim")
        if not self.spans:
            object.__setattr__(self, "spans", ((self.start, self.end),))
        for s in self.spans:
            _check_offsets(s[0], s[1], "Claim.spans")
            if s[0] < self.start or s[1] > self.end:
                raise SpanError(
                    f"'Claim.spans' must lie within [{self.start}, {self.end}) (got {s!r})."
                )
        if len(self.spans) == 1 and len(self.text) != self.end - self.start:
            raise SpanError(
                f"'Claim.text' must be the {self.end - self.start} characters at "
                f"[{self.start}, {self.end}) (got {len(self.text)} characters)."
            )


@attrs.frozen(kw_only=True)
class Divergence:
    """One way in which two claims differ, with where it shows in each.

    Spans are offsets into each claim's *source text* (for a report) or into
    the compared texts themselves (for :func:`claimcmp.compare_pair`). A span
    is ``None`` on the side that lacks the detail (omission / addition) or
    for a finding inside a single claim.
    """

    kind: str = attrs.field(validator=_non_empty)
    a_text: str
    b_text: str
    a_span: Span | None = attrs.field(default=None, converter=_to_span, validator=_span_validator)
    b_span: Span | None = attrs.field(default=None, converter=_to_span, validator=_span_validator)
    explanation: str
    confidence: float = attrs.field(default=1.0, validator=_in_unit_interval)
    severity: Literal["low", "medium", "high"] = attrs.field(
        default="high", validator=_one_of(("low", "medium", "high"))
    )
    detector: str = ""


def is_decisive(d: Divergence) -> bool:
    """Whether a finding can decide a ``divergence`` verdict: not low severity, confidence ≥
    0.5, and not coverage (a detail only one claim carries is listed, but it is not a
    conflict)."""
    return d.severity != "low" and d.confidence >= 0.5 and d.kind not in ("omission", "addition")


#: The suffix of a detector name (``"date:unresolved"``) that marks a finding which cannot be
#: settled without more to go on: a relative date without both publication dates.
UNRESOLVED = "unresolved"


def is_unresolved(d: Divergence) -> bool:
    """Whether a finding is one its detector could not settle (see :data:`UNRESOLVED`)."""
    return d.detector.endswith(f":{UNRESOLVED}")


#: The suffix of a detector name (``"number:one-fact"``) that marks a finding which shows on
#: its own that the two claims tell one fact, however else they are worded: two ages of one
#: named person ("27-year-old Christopher Simpson" / "26-year-old Christopher Kenyon
#: Simpson"). The comparator's conflict bar, a same-fact probability read from the two whole
#: sentences, does not apply to it.
ONE_FACT = "one-fact"


def is_one_fact(d: Divergence) -> bool:
    """Whether a finding establishes by itself that the claims tell one fact (:data:`ONE_FACT`)."""
    return d.detector.endswith(f":{ONE_FACT}")


class _HasDivergences:
    """Shared views of a comparison's findings."""

    __slots__ = ()
    divergences: tuple[Divergence, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The divergence kinds found, in order, without repeats."""
        return tuple(dict.fromkeys(d.kind for d in self.divergences))

    @property
    def decisive_kinds(self) -> tuple[str, ...]:
        """Kinds of the findings that count (see :func:`is_decisive`), in order, without repeats."""
        return tuple(dict.fromkeys(d.kind for d in self.divergences if is_decisive(d)))


@attrs.frozen(kw_only=True)
class PairComparison(_HasDivergences):
    """The comparison of two bare texts (what :func:`claimcmp.compare_pair` returns).

    Divergence spans index ``text_a`` and ``text_b``.
    """

    text_a: str
    text_b: str
    verdict: Verdict = attrs.field(validator=_one_of(VERDICTS))
    similarity: float = attrs.field(validator=_similarity_range)
    confidence: float = attrs.field(validator=_in_unit_interval)
    divergences: tuple[Divergence, ...] = attrs.field(default=(), converter=_divergences)
    probabilities: tuple[tuple[str, float], ...] = attrs.field(
        default=(), converter=_probabilities, metadata={"json": "mapping"}
    )


@attrs.frozen(kw_only=True)
class ClaimPair(_HasDivergences):
    """Two aligned claims from different sources and how they compare."""

    a: str = attrs.field(validator=_non_empty)
    b: str = attrs.field(validator=_non_empty)
    similarity: float = attrs.field(validator=_similarity_range)
    confidence: float = attrs.field(validator=_in_unit_interval)
    verdict: Verdict = attrs.field(validator=_one_of(VERDICTS))
    syndicated: bool = False  # the two sources are copies of one report
    probabilities: tuple[tuple[str, float], ...] = attrs.field(
        default=(), converter=_probabilities, metadata={"json": "mapping"}
    )
    divergences: tuple[Divergence, ...] = attrs.field(default=(), converter=_divergences)


@attrs.frozen(kw_only=True)
class Anomaly:
    """Something wrong inside one source, found without comparing it to another.

    ``text`` is ``source.text[start:end]``; ``claim`` is the claim it lies in, if any.
    """

    source: str = attrs.field(validator=_non_empty)
    claim: str | None = None
    kind: str = attrs.field(validator=_non_empty)
    start: int
    end: int
    text: str
    explanation: str

    def __attrs_post_init__(self) -> None:
        _check_offsets(self.start, self.end, "Anomaly")


@attrs.frozen(kw_only=True)
class Variant:
    """One version of a group's fact: the claims that tell it alike, and who backs it.

    ``independent`` counts its sources with near-verbatim copies of one report counted once;
    ``outlier`` is true when another version has more independent sources than all the others
    together; ``latest`` is true when this version alone holds the newest publication date of
    the group (see :mod:`claimcmp.consensus`).
    """

    claims: tuple[str, ...] = attrs.field(converter=_strings)
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    independent: int = 1
    latest: bool = False
    outlier: bool = False


def _variants(value: Iterable[Variant]) -> tuple[Variant, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ClaimGroup:
    """Claims from different sources that report the same thing (one per source), and the
    versions of that fact they tell (one version when they all agree)."""

    id: str = attrs.field(validator=_non_empty)
    claims: tuple[str, ...] = attrs.field(converter=_strings)
    #: How many of the group's sources report independently (copies of one report count once).
    independent_sources: int = 0
    variants: tuple[Variant, ...] = attrs.field(default=(), converter=_variants)


@attrs.frozen(kw_only=True)
class Story:
    """Sources that report one event. Claims are aligned only within a story."""

    id: str = attrs.field(validator=_non_empty)
    sources: tuple[str, ...] = attrs.field(converter=_strings)


@attrs.frozen(kw_only=True)
class SkippedSource:
    """A source left out of a comparison (``errors="skip"``) and why.

    ``source`` is the source id, or the path as given when the file could not be read; ``type``
    is the error's class name (``"EmptyInputError"``), ``message`` its one-line advice.
    """

    source: str = attrs.field(validator=_non_empty)
    type: str = attrs.field(validator=_non_empty)
    message: str
