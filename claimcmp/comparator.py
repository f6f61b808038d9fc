"""Compare stage: a verdict, a confidence and typed divergences for two claims.

(Named ``comparator`` because ``claimcmp.compare`` is the public function.)

Verdicts:

* ``agreement`` — the same wording up to punctuation, case, spelling variants
  (``criticise``/``criticize``, ``U.S.``/``US``) and honorifics (a currency sign is no
  punctuation: ``$1 million``/``£1 million`` are compared);
* ``unrelated`` — the two claims do not report the same fact (the same-fact model of
  :mod:`claimcmp.verdict`); they are not compared detail by detail;
* ``divergence`` — the same fact, and a detector found a value that conflicts in the same role
  (a *decisive* finding: not of low severity, not coverage, confidence ≥ 0.5) which the
  verdict model confirms; or, with the opt-in edit model (:mod:`claimcmp.edit_model`), the
  two claims are one text edited, words of one slot were replaced by others, and the model
  reads the edit as a change of fact;
* ``paraphrase`` — the same fact, nothing that conflicts. A detail only one claim gives
  (omission/addition) and a relative date that cannot be placed are listed at low severity,
  never a divergence on their own; other findings the detectors set aside (a quote against the
  same words reported, two values of two roles) are not listed (:func:`listed_findings`).

The comparison is symmetric: ``compare(a, b)`` and ``compare(b, a)`` give the same verdict,
confidence and findings (with the sides swapped, omission ↔ addition). Both orders are
computed in one canonical order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Literal

import attrs

from claimcmp.align import DEFAULT_ALIGN_THRESHOLD
from claimcmp.edit_model import EDIT_RATIO, EditModel, load_default_edit_model, torch_available
from claimcmp.errors import MissingDependencyError
from claimcmp.protocols import ClaimText, Detector
from claimcmp.records import Divergence, Verdict, is_decisive, is_one_fact, is_unresolved
from claimcmp.text.dates import find_dates, find_times
from claimcmp.text.diff import NEAR_COPY_RATIO, Edit, token_diff
from claimcmp.text.names import is_demonym, is_name, same_entity
from claimcmp.text.normalize import Token, same_wording
from claimcmp.text.quantities import find_quantities
from claimcmp.verdict import (
    SameFactModel,
    VerdictModel,
    fact_features,
    features,
    load_default_fact_model,
    load_default_model,
)

__all__ = [
    "Comparator",
    "Comparison",
    "diverges",
    "edit_findings",
    "flip_divergence",
    "listed_findings",
]


@attrs.frozen
class Comparison:
    """What the comparator says of two texts (spans index the two texts)."""

    verdict: Verdict
    similarity: float
    confidence: float
    divergences: tuple[Divergence, ...] = ()
    probabilities: dict[str, float] = attrs.field(factory=dict, eq=False)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


_VALUE_KINDS = frozenset({"number", "unit", "date"})
_SPECIFIC_KINDS = frozenset(
    {"number", "unit", "date", "entity", "term", "negation", "quote", "attribution"}
)


def _overlaps(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
    return x is not None and y is not None and x[0] < y[1] and y[0] < x[1]


def _dedupe(found: list[Divergence]) -> list[Divergence]:
    """Drop findings that another, more specific finding already explains.

    An omission/addition that overlaps a specific finding is the same edit seen twice (a
    swapped name is also "a word only B has"); an entity swap inside an attribution is the
    attribution; a term swap over a figure or a date is that figure or date.
    """
    specific = [d for d in found if d.kind in _SPECIFIC_KINDS]
    out: list[Divergence] = []
    for d in found:
        if d.kind in ("omission", "addition") and any(
            _overlaps(d.a_span, s.a_span) or _overlaps(d.b_span, s.b_span) for s in specific
        ):
            continue
        if d.kind == "entity" and any(
            s.kind == "attribution"
            and (_overlaps(d.a_span, s.a_span) or _overlaps(d.b_span, s.b_span))
            for s in found
        ):
            continue
        if d.kind in ("term", "entity") and any(
            s.kind in _VALUE_KINDS
            and (_overlaps(d.a_span, s.a_span) or _overlaps(d.b_span, s.b_span))
            for s in found
        ):
            continue  # "metres" / "ft" inside a figure that differs: the figure is the finding
        out.append(d)
    return out


def _owners(toks: tuple[Token, ...], free: set[int], text: str, span: tuple[int, int]) -> list[str]:
    """Names right next to ``span`` with no counterpart in the other claim ("a 36-year-old
    **Australian** climber", "**Robert Buckley**, 32")."""
    inside = [i for i, t in enumerate(toks) if t.start < span[1] and span[0] < t.end]
    if not inside:
        return []
    out = []
    for step, start in ((-1, inside[0] - 1), (1, inside[-1] + 1)):
        i = start
        while 0 <= i < len(toks) and is_name(toks[i], text):
            if i in free:
                out.append(toks[i].text)
            i += step
    return out


def _owned_by_others(d: Divergence, a: str, b: str) -> Divergence:
    """Demote a differing figure or date that belongs to different people or places.

    "a 36-year-old Australian climber" / "Englishman Robert Buckley, 32": the ages differ, but
    so do the people they describe — two facts, not one told two ways. When both values have
    a name beside them that the other claim lacks, of the same sort (two nationalities, or two
    proper names) and not the same entity, the finding is kept at low severity.
    """
    if d.kind not in _VALUE_KINDS or d.severity == "low" or not d.a_span or not d.b_span:
        return d
    diff = token_diff(a, b)
    free_a = {i for i, t in enumerate(diff.a) if t in diff.only_a}
    free_b = {j for j, t in enumerate(diff.b) if t in diff.only_b}
    names_a = _owners(diff.a, free_a, a, d.a_span)
    names_b = _owners(diff.b, free_b, b, d.b_span)
    for x in names_a:
        for y in names_b:
            if is_demonym(x) == is_demonym(y) and not same_entity(x, y):
                return attrs.evolve(
                    d,
                    severity="low",
                    confidence=round(min(d.confidence, 0.3), 4),
                    explanation=f"{d.explanation} — but about different people or places ('{x}' / '{y}'), "
                    "so probably two facts",
                )
    return d


#: Findings of one word against another (an opposite, a hedge, another name or term, a quote):
#: only as good as the certainty that the two claims tell one fact. Values (figures, units,
#: dates) are compared in their own roles, and keep their weight.
_WORD_KINDS = frozenset({"negation", "modality", "term", "entity", "quote", "attribution"})
#: The share of content words two claims must have in common for one word's difference to
#: decide a divergence (:func:`claimcmp.text.diff.TokenDiff.content_overlap`).
LOOSE_OVERLAP = 0.5


def _in_loose_pair(d: Divergence, overlap: float) -> Divergence:
    """Demote a word's finding between claims that share less than :data:`LOOSE_OVERLAP` of
    their content words: it is listed, but it cannot make the verdict.

    Two independent reports rarely word one fact alike; when they share little else, an
    opposite or another name is as often a second fact ("the Chiefs managed to lose the game"
    / "the fumble won this game for the Colts") as a conflict. Edited pairs, where one word
    changed, share far more. What the bar does to real reports is measured in
    docs/benchmarks.md ("Divergences in the reports").
    """
    if d.kind not in _WORD_KINDS or overlap >= LOOSE_OVERLAP or not is_decisive(d):
        return d
    return attrs.evolve(
        d,
        severity="medium",
        confidence=round(min(d.confidence, 0.45), 4),
        explanation=f"{d.explanation} — but the two claims share less than half their words, "
        "so this may be two facts rather than one told two ways",
    )


_SIDE = re.compile(
    r"(?<![\w'’‘])([AB])(?= (?:has|negates|asserts|quotes|names|gives|is more|contradicts)\b)|(?<=only in )([AB])\b"
)
_OTHER_SIDE = {"A": "B", "B": "A"}
# Kinds whose explanations name sides ("only A has", "A quotes") rather than both values.
_SIDED_KINDS = frozenset({"omission", "addition", "quote"})


def flip_divergence(d: Divergence) -> Divergence:
    """The same finding seen from the other side: spans and texts swapped, omission ↔
    addition, "A"/"B" swapped in the explanation."""
    kind = {"omission": "addition", "addition": "omission"}.get(d.kind, d.kind)
    return attrs.evolve(
        d,
        kind=kind,
        a_span=d.b_span,
        b_span=d.a_span,
        a_text=d.b_text,
        b_text=d.a_text,
        explanation=_SIDE.sub(lambda m: _OTHER_SIDE[m.group(1) or m.group(2)], d.explanation),
    )


def _order(d: Divergence) -> tuple[tuple[int, int], tuple[int, int], str]:
    return (d.a_span or (10**9, 0), d.b_span or (10**9, 0), d.kind)


def _value_spans(text: str) -> list[tuple[int, int]]:
    """Where figures, measures, dates and clock times stand in ``text``."""
    return [
        *((q.start, q.end) for q in find_quantities(text)),
        *((d.start, d.end) for d in find_dates(text)),
        *((t.start, t.end) for t in find_times(text)),
    ]


def _edit_explanation(x: str, y: str) -> str:
    return (
        f"'{x}' vs '{y}': one text edited, and the edit model reads the new wording as a "
        "change of fact"
    )


def edit_findings(
    a: str, b: str, slots: Sequence[Edit], found: Sequence[Divergence], p_edit: float
) -> tuple[list[Divergence], list[Divergence]]:
    """What supports the edit model's reading that an edit changed a fact: the decisive
    findings (of ``found``) on a replaced slot, and a new ``term`` finding for each replaced
    slot that none of them covers, unless values stand in it on both sides: those the value
    detectors decide."""
    confirmed: list[Divergence] = []
    new: list[Divergence] = []
    a_values, b_values = _value_spans(a), _value_spans(b)
    for e in slots:
        if e.a_span is None or e.b_span is None:  # a replace has both sides
            continue
        covering = [
            d
            for d in found
            if is_decisive(d) and (_overlaps(e.a_span, d.a_span) or _overlaps(e.b_span, d.b_span))
        ]
        if covering:
            confirmed.extend(d for d in covering if d not in confirmed)
            continue
        if any(_overlaps(e.a_span, v) for v in a_values) and any(
            _overlaps(e.b_span, v) for v in b_values
        ):
            # Figures, measures, dates or times in place of each other: the value detectors
            # compared them and found them compatible ("10 km" / "6.2 miles").
            continue
        x, y = a[slice(*e.a_span)], b[slice(*e.b_span)]
        new.append(
            Divergence(
                kind="term",
                a_text=x,
                b_text=y,
                a_span=e.a_span,
                b_span=e.b_span,
                explanation=_edit_explanation(x, y),
                confidence=round(p_edit, 4),
                severity="high" if p_edit >= 0.8 else "medium",
                detector="edit_model",
            )
        )
    return confirmed, new


def _any_of(decisive: Sequence[Divergence]) -> float:
    """The probability that at least one of independent findings is right (0 for none)."""
    miss = 1.0
    for d in decisive:
        miss *= 1.0 - d.confidence
    return 1.0 - miss


def diverges(decisive: bool, p_divergence: float, threshold: float, ratio: float) -> bool:
    """The verdict rule: a decisive finding the verdict model confirms, or any decisive
    finding between near-copies (:data:`~claimcmp.text.diff.NEAR_COPY_RATIO`).

    In one text edited, the finding stands in a frame both claims share, and the verdict
    model, fitted mostly on longer texts, is not let to doubt it ("yellow and blue paint" /
    "yellow and white paint"). On SummEdits, whose pairs are all near-copies, its veto changed
    no held-out domain's score (docs/benchmarks.md).
    """
    return decisive and (p_divergence >= threshold or ratio >= NEAR_COPY_RATIO)


#: Coverage kinds: a detail only one claim gives.
_COVERAGE_KINDS = frozenset({"omission", "addition"})


def listed_findings(found: Sequence[Divergence]) -> list[Divergence]:
    """The findings a comparison lists, of all that the detectors made: coverage (a detail
    only one claim gives), every decisive finding, and a relative date that cannot be placed
    without both publication dates, which says so ("unresolved", :func:`is_unresolved`).

    Not listed: the findings the detectors set aside, each with its reason — two values of two
    roles ("170,000 in the province" / "230,000 across Asia"), a count within the other's bound,
    another name or an opposite between claims that share few words, a hedge of another
    statement, a quote of words the other source reports, a lone word swapped for one WordNet
    does not relate ("tectonic" / "continental plates": as often rewording as a changed fact).
    Listed, such a note reads to an editor as a difference the tool found; in the reports of
    five outlets of one event nearly all of them were two facts, rewording or no difference at
    all (docs/benchmarks.md, "Findings an editor sees"). The verdict model still reads them,
    and :meth:`Comparator.findings` gives them all.
    """
    return [d for d in found if d.kind in _COVERAGE_KINDS or is_decisive(d) or is_unresolved(d)]


def _unrelated(similarity: float, p_same: float) -> Comparison:
    """Two facts: nothing compared in detail, the confidence that they are not one fact."""
    p = round(1.0 - p_same, 4)
    return Comparison("unrelated", similarity, p, (), {"unrelated": p})


class Comparator:
    """Runs the detectors on two claims and decides the verdict.

    With the shipped models (see :mod:`claimcmp.verdict`) the same-fact model decides
    ``unrelated`` and the verdict model confirms or rejects the decisive findings, its
    probability being the confidence; ``model=False`` (explicitly: rules only, no same-fact
    model either) falls back to rules: a cosine similarity below ``align_threshold`` is
    unrelated, any decisive finding is a divergence. ``fact_model=False`` keeps the verdict
    model without the same-fact model. ``related_threshold`` is the old name of
    ``align_threshold``.
    """

    def __init__(
        self,
        detectors: Sequence[Detector] | None = None,
        *,
        align_threshold: float = DEFAULT_ALIGN_THRESHOLD,
        model: VerdictModel | Literal[False] | None = None,
        fact_model: SameFactModel | Literal[False] | None = None,
        related_threshold: float | None = None,
        edit_model: EditModel | bool = False,
    ) -> None:
        if detectors is None:
            from claimcmp.detectors import default_detectors

            detectors = default_detectors()
        if related_threshold is not None:
            import warnings

            warnings.warn(
                "'related_threshold' is now 'align_threshold'.", DeprecationWarning, stacklevel=2
            )
            align_threshold = related_threshold
        for name, value, cls in (
            ("model", model, VerdictModel),
            ("fact_model", fact_model, SameFactModel),
        ):
            if not (value is None or value is False or isinstance(value, cls)):
                raise TypeError(
                    f"'{name}' must be a {cls.__name__}, None (the shipped model) or False "
                    f"(no model) (got {value!r:.60})."
                )
        self.detectors = list(detectors)
        self.align_threshold = align_threshold
        self.model: VerdictModel | None = load_default_model() if model is None else model or None
        if fact_model is None:
            self.fact_model: SameFactModel | None = (
                load_default_fact_model() if model is not False else None
            )
        else:
            self.fact_model = fact_model or None
        if not isinstance(edit_model, (bool, EditModel)):
            raise TypeError(
                "'edit_model' must be an EditModel, True (the shipped one) or False (none) "
                f"(got {edit_model!r:.60})."
            )
        if edit_model is True:
            if not torch_available():
                raise MissingDependencyError(
                    "the edit model needs torch and transformers; pip install torch==2.13.0 "
                    "sentence-transformers, or compare without it (edit_model=False)"
                )
            edit_model = load_default_edit_model()
        self.edit_model: EditModel | None = edit_model or None

    def findings(self, a: ClaimText, b: ClaimText) -> list[Divergence]:
        """Every detector's findings for ``a`` and ``b``, de-duplicated and in text order,
        including those a comparison does not list (:func:`listed_findings`)."""
        if _canonical_first(b, a):
            return self._seen_from(a, b, self._findings(b, a))
        return self._findings(a, b)

    def _seen_from(self, a: ClaimText, b: ClaimText, flipped: list[Divergence]) -> list[Divergence]:
        """Findings of the canonical order (``b``, ``a``) turned to the caller's order.

        Which findings there are comes from the canonical order, so both orders agree; the
        wording of each explanation ("'621 kilometer' vs '621-mile'") is taken from the
        detectors run in the caller's order when they found the same thing.
        """
        found = [
            attrs.evolve(f, explanation=_edit_explanation(f.a_text, f.b_text))
            if f.detector == "edit_model"
            else f
            for f in (flip_divergence(d) for d in flipped)
        ]
        # Only findings that name both values ("'x' vs 'y'") read differently from the other
        # side; the detectors that made them run again in the caller's order.
        names = {d.detector.split(":")[0] for d in found if d.kind not in _SIDED_KINDS}
        if names:
            own = {
                (d.kind, d.a_span, d.b_span): d.explanation
                for detector in self.detectors
                if getattr(detector, "name", None) in names
                for d in detector.detect(a, b)
            }
            found = [
                attrs.evolve(d, explanation=own.get((d.kind, d.a_span, d.b_span), d.explanation))
                for d in found
            ]
        return sorted(found, key=_order)

    def _findings(self, a: ClaimText, b: ClaimText) -> list[Divergence]:
        found: list[Divergence] = []
        for detector in self.detectors:
            found.extend(detector.detect(a, b))
        found = [_owned_by_others(d, a.text, b.text) for d in _dedupe(found)]
        overlap = token_diff(a.text, b.text).content_overlap
        found = [_in_loose_pair(d, overlap) for d in found]
        found.sort(key=_order)
        return found

    def compare(
        self,
        a: ClaimText,
        b: ClaimText,
        similarity: float,
        *,
        aligned: bool = False,
    ) -> Comparison:
        """Compare two claims. ``aligned`` claims (from :func:`claimcmp.compare`) were judged by
        the aligner to report the same thing; the same-fact model can still call them
        unrelated, and a divergence needs its probability at the conflict bar whoever aligned
        the two (the alignment model's probability does not stand in for it: it is above the
        bar for every pair the aligner keeps, ``docs/verdict-model.md``)."""
        if _canonical_first(b, a):
            r = self._compare(b, a, similarity, aligned)
            return attrs.evolve(r, divergences=tuple(self._seen_from(a, b, list(r.divergences))))
        return self._compare(a, b, similarity, aligned)

    def _compare(
        self,
        a: ClaimText,
        b: ClaimText,
        similarity: float,
        aligned: bool,
    ) -> Comparison:
        similarity = float(max(-1.0, min(1.0, similarity)))
        if same_wording(a.text, b.text):
            return Comparison("agreement", similarity, 0.97, (), {"agreement": 0.97})
        diff = token_diff(a.text, b.text)
        if self.fact_model is not None:
            p_same = self.fact_model.probability(fact_features(similarity, diff))
            same = p_same >= self.fact_model.threshold
        else:
            p_same = 1.0 if aligned else _sigmoid((similarity - self.align_threshold) / 0.05)
            same = p_same >= 0.5
        if not same:
            return _unrelated(similarity, p_same)
        found = self._findings(a, b)
        decisive = [d for d in found if is_decisive(d)]
        if self.model is not None:
            p_div = self.model.probability(features(similarity, diff, found))
        else:
            p_div = _any_of(decisive)
        # Coverage is not conflict: without a decisive finding there is nothing to diverge on.
        threshold = self.model.threshold if self.model is not None else 0.5
        verdict: Verdict = (
            "divergence" if diverges(bool(decisive), p_div, threshold, diff.ratio) else "paraphrase"
        )
        if verdict == "divergence" and p_div < threshold:
            # A near-copy's finding the verdict model doubted: its confidence is the findings'.
            p_div = max(threshold, _any_of(decisive))
        p_edit = (
            self.edit_model.probability(a.text, b.text)
            if self.edit_model is not None and diff.ratio >= EDIT_RATIO and diff.replaced_slots
            else 0.0
        )
        if self.edit_model is not None and p_edit >= self.edit_model.threshold:
            confirmed, edited = edit_findings(a.text, b.text, diff.replaced_slots, found, p_edit)
            if confirmed or edited:
                # A weaker finding of the same slot (a word swap a list could not decide)
                # gives way to the model's reading of it.
                found = [
                    d
                    for d in found
                    if is_decisive(d)
                    or not any(
                        _overlaps(d.a_span, e.a_span) and _overlaps(d.b_span, e.b_span)
                        for e in edited
                    )
                ]
                found = sorted([*found, *edited], key=_order)
                decisive = [*decisive, *edited]
                # A detector's finding the verdict model doubted is confirmed by the edit
                # model's reading of the same slot.
                verdict = "divergence"
                p_div = max(p_div, p_edit)
        if (
            verdict == "divergence"
            and self.fact_model is not None
            and p_same < self.fact_model.conflict_bar
            and not any(is_one_fact(d) for d in decisive)
        ):
            # A conflict needs the same fact, likelier than a comparison does: two facts told
            # in one frame ("the 41-yard touchdown" / "the one-yard touchdown") differ in
            # their values without contradicting each other.
            return _unrelated(similarity, p_same)
        p_div = p_div if decisive else min(p_div, 0.5)
        found = listed_findings(found)
        # The confidence is the verdict's, given that the two claims tell the same fact.
        confidence = p_div if verdict == "divergence" else 1.0 - p_div
        probabilities = {
            "paraphrase": round(p_same * (1.0 - p_div), 4),
            "divergence": round(p_same * p_div, 4),
            "unrelated": round(1.0 - p_same, 4),
        }
        return Comparison(verdict, similarity, round(confidence, 4), tuple(found), probabilities)

    def __repr__(self) -> str:
        names = ", ".join(getattr(d, "name", type(d).__name__) for d in self.detectors)
        return f"Comparator([{names}], model={'trained' if self.model else 'rules'})"


def _canonical_first(x: ClaimText, y: ClaimText) -> bool:
    """Whether ``x`` comes before ``y`` in the order every pair is compared in."""
    return (x.text, str(x.published)) < (y.text, str(y.published))
