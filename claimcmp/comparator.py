"""Compare stage: a verdict, a confidence and typed divergences for two aligned claims.

(Named ``comparator`` because ``claimcmp.compare`` is the public function.)

Verdicts:

* ``agreement`` — the same wording up to punctuation, case, spelling
  variants (``criticise``/``criticize``, ``U.S.``/``US``) and honorifics;
* ``divergence`` — a detector found a fact that differs (a decisive finding:
  not of low severity, confidence ≥ 0.5);
* ``paraphrase`` — related (similarity at or above the alignment threshold),
  other words, no decisive divergence;
* ``unrelated`` — below the alignment threshold (only :func:`claimcmp.compare_pair`
  reports this; :func:`claimcmp.compare` only compares aligned claims).

The verdict among paraphrase / divergence / unrelated and its confidence come
from the calibrated verdict model (:mod:`claimcmp.verdict`) fed with the
similarity, lexical overlap and every detector's findings. Without a model the
rule applies: a decisive finding (not low severity, confidence ≥ 0.5) means
divergence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from claimcmp.align import DEFAULT_ALIGN_THRESHOLD
from claimcmp.detectors.diff import token_diff
from claimcmp.memo import memoize
from claimcmp.normalize import Token, tokens, wording_keys
from claimcmp.protocols import ClaimText, Detector
from claimcmp.records import Divergence
from claimcmp.verdict import VerdictModel, features, load_default_model

__all__ = ["Comparator", "Comparison", "is_decisive", "same_wording"]


@attrs.frozen
class Comparison:
    """What the comparator says of two texts (spans index the two texts)."""

    verdict: str
    similarity: float
    confidence: float
    divergences: tuple[Divergence, ...] = ()
    probabilities: dict[str, float] = attrs.field(factory=dict, eq=False)


def same_wording(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in punctuation, case, spelling variants or honorifics."""
    return _wording(a) == _wording(b)


@memoize(8192)  # each claim is checked against every claim aligned with it
def _wording(text: str) -> tuple[str, ...]:
    return tuple(wording_keys(tokens(text)))


def is_decisive(d: Divergence) -> bool:
    """Whether a finding decides a ``divergence`` verdict (not low severity, confidence ≥ 0.5)."""
    # A detail only one claim carries is listed, but alone it does not mean that a fact
    # differs: the verdict model weighs it, the rule does not count it.
    return d.severity != "low" and d.confidence >= 0.5 and d.kind not in ("omission", "addition")


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


#: A high-severity finding at least this confident makes the verdict divergence whatever the
#: model says (the confidence is then the finding's).
OVERRIDE_CONFIDENCE = 0.8

_SPECIFIC_KINDS = frozenset({"number", "unit", "date", "entity", "term", "negation", "quote", "attribution"})


def _overlaps(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
    return x is not None and y is not None and x[0] < y[1] and y[0] < x[1]


def _dedupe(found: list[Divergence]) -> list[Divergence]:
    """Drop findings that another, more specific finding already explains.

    An omission/addition that overlaps a specific finding is the same edit seen twice (a
    swapped name is also "a word only B has"); an entity swap inside an attribution is the
    attribution.
    """
    specific = [d for d in found if d.kind in _SPECIFIC_KINDS]
    out: list[Divergence] = []
    for d in found:
        if d.kind in ("omission", "addition") and any(
            _overlaps(d.a_span, s.a_span) or _overlaps(d.b_span, s.b_span) for s in specific
        ):
            continue
        if d.kind == "entity" and any(
            s.kind == "attribution" and (_overlaps(d.a_span, s.a_span) or _overlaps(d.b_span, s.b_span))
            for s in found
        ):
            continue
        out.append(d)
    return out


# Kinds whose findings must sit in the same place of both claims to count.
_SLOT_KINDS = frozenset({"number", "unit", "date", "entity", "term", "negation", "modality"})
_WINDOW = 4


def _context_keys(toks: tuple[Token, ...], span: tuple[int, int]) -> set[str]:
    """Content keys of up to ``_WINDOW`` tokens on each side of ``span``."""
    before = [t for t in toks if t.end <= span[0]][-_WINDOW:]
    after = [t for t in toks if t.start >= span[1]][:_WINDOW]
    return {t.key for t in before + after if t.content}


def anchor(found: list[Divergence], a: str, b: str) -> list[Divergence]:
    """Demote findings whose two spans do not share any neighbouring word.

    Two loosely related sentences ("met on Wednesday" / "will visit Tuesday through Thursday")
    differ everywhere; a difference is only evidence of a changed fact when it sits in the same
    slot of both claims, i.e. some content word next to it is the same in both. Unanchored
    findings are kept, at low severity and half confidence, with the reason in the explanation.
    """
    d = token_diff(a, b)
    out: list[Divergence] = []
    for f in found:
        if (
            f.kind in _SLOT_KINDS
            and f.a_span is not None
            and f.b_span is not None
            and not (_context_keys(d.a, f.a_span) & _context_keys(d.b, f.b_span))
        ):
                f = attrs.evolve(
                    f,
                    severity="low",
                    confidence=round(f.confidence * 0.5, 4),
                    explanation=f.explanation + " (in a different context: may not be the same fact)",
                )
        out.append(f)
    return out


class Comparator:
    """Runs the detectors on two claims and decides the verdict.

    With the shipped verdict model (see :mod:`claimcmp.verdict`) the verdict is the most
    probable class and the confidence its calibrated probability; ``model=False`` (or no
    trained model) falls back to the rule: any decisive finding means divergence.
    """

    def __init__(
        self,
        detectors: Sequence[Detector] | None = None,
        *,
        related_threshold: float = DEFAULT_ALIGN_THRESHOLD,
        model: VerdictModel | bool | None = None,
    ) -> None:
        if detectors is None:
            from claimcmp.detectors import default_detectors

            detectors = default_detectors()
        self.detectors = list(detectors)
        self.related_threshold = related_threshold
        if model is None or model is True:
            self.model: VerdictModel | None = load_default_model()
        elif model is False:
            self.model = None
        else:
            self.model = model

    def findings(self, a: ClaimText, b: ClaimText) -> list[Divergence]:
        """Every detector's findings for ``a`` and ``b``, de-duplicated and in text order."""
        found: list[Divergence] = []
        for detector in self.detectors:
            found.extend(detector.detect(a, b))
        found = anchor(_dedupe(found), a.text, b.text)
        found.sort(key=lambda d: (d.a_span or (10**9, 0), d.b_span or (10**9, 0), d.kind))
        return found

    def compare(
        self, a: ClaimText, b: ClaimText, similarity: float, *, aligned: bool = False
    ) -> Comparison:
        """Compare two claims. ``aligned`` claims (from :func:`claimcmp.compare`) are never
        called unrelated: the aligner already judged them to report the same thing."""
        similarity = float(max(-1.0, min(1.0, similarity)))
        if same_wording(a.text, b.text):
            return Comparison("agreement", similarity, 0.97, (), {"agreement": 0.97})
        found = self.findings(a, b)
        if self.model is not None:
            probs = self.model.probabilities(features(similarity, token_diff(a.text, b.text), found))
            if aligned:
                total = probs["paraphrase"] + probs["divergence"]
                probs = {"paraphrase": probs["paraphrase"] / total, "divergence": probs["divergence"] / total}
            verdict = max(probs, key=lambda k: probs[k])
            confidence = probs[verdict]
            sure = [d.confidence for d in found if d.severity == "high" and d.confidence >= OVERRIDE_CONFIDENCE]
            if sure and verdict == "paraphrase":
                # A detector that is sure of a changed fact in the same slot outranks the
                # model, which has seen few examples of some kinds (quotes, attribution).
                verdict, confidence = "divergence", max(sure)
            kept = tuple(found) if verdict != "unrelated" else ()
            return Comparison(
                verdict, similarity, round(confidence, 4), kept, {k: round(v, 4) for k, v in probs.items()}
            )
        return self._rule(similarity, found, aligned)

    def _rule(self, similarity: float, found: list[Divergence], aligned: bool) -> Comparison:
        if not aligned and similarity < self.related_threshold:
            conf = _sigmoid((self.related_threshold - similarity) / 0.05)
            return Comparison("unrelated", similarity, round(conf, 4), ())
        decisive = [d for d in found if is_decisive(d)]
        if decisive:
            miss = 1.0
            for d in decisive:
                miss *= 1.0 - d.confidence
            return Comparison("divergence", similarity, round(1.0 - miss, 4), tuple(found))
        span = max(1e-6, 1.0 - self.related_threshold)
        conf = 0.55 + 0.35 * min(1.0, max(0.0, similarity - self.related_threshold) / span)
        return Comparison("paraphrase", similarity, round(conf, 4), tuple(found))

    def __repr__(self) -> str:
        names = ", ".join(getattr(d, "name", type(d).__name__) for d in self.detectors)
        return f"Comparator([{names}], model={'trained' if self.model else 'rules'})"
