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

Confidence in this version is a transparent rule, not yet a calibrated
probability: for a divergence, the chance that at least one decisive finding
is right (``1 - Π(1 - c)``); for agreement, high and fixed; for paraphrase and
unrelated, how far the similarity is from the threshold.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from claimcmp.align import DEFAULT_ALIGN_THRESHOLD
from claimcmp.normalize import tokens, wording_keys
from claimcmp.protocols import ClaimText, Detector
from claimcmp.records import Divergence

__all__ = ["Comparator", "Comparison", "is_decisive", "same_wording"]


@attrs.frozen
class Comparison:
    """What the comparator says of two texts (spans index the two texts)."""

    verdict: str
    similarity: float
    confidence: float
    divergences: tuple[Divergence, ...] = ()


def same_wording(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in punctuation, case, spelling variants or honorifics."""
    return wording_keys(tokens(a)) == wording_keys(tokens(b))


def is_decisive(d: Divergence) -> bool:
    """Whether a finding decides a ``divergence`` verdict (not low severity, confidence ≥ 0.5)."""
    return d.severity != "low" and d.confidence >= 0.5


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class Comparator:
    """Runs the detectors on two claims and decides the verdict."""

    def __init__(
        self,
        detectors: Sequence[Detector] | None = None,
        *,
        related_threshold: float = DEFAULT_ALIGN_THRESHOLD,
    ) -> None:
        if detectors is None:
            from claimcmp.detectors import default_detectors

            detectors = default_detectors()
        self.detectors = list(detectors)
        self.related_threshold = related_threshold

    def compare(self, a: ClaimText, b: ClaimText, similarity: float) -> Comparison:
        similarity = float(max(-1.0, min(1.0, similarity)))
        if same_wording(a.text, b.text):
            return Comparison("agreement", similarity, 0.97, ())
        if similarity < self.related_threshold:
            conf = _sigmoid((self.related_threshold - similarity) / 0.05)
            return Comparison("unrelated", similarity, round(conf, 4), ())
        found: list[Divergence] = []
        for detector in self.detectors:
            found.extend(detector.detect(a, b))
        found.sort(key=lambda d: (d.a_span or (10**9, 0), d.b_span or (10**9, 0), d.kind))
        decisive = [d for d in found if is_decisive(d)]
        if decisive:
            miss = 1.0
            for d in decisive:
                miss *= 1.0 - d.confidence
            return Comparison("divergence", similarity, round(1.0 - miss, 4), tuple(found))
        # Nothing decisive was found; how sure that is grows with similarity
        # but stays modest: detectors that are not written yet could still fire.
        span = max(1e-6, 1.0 - self.related_threshold)
        conf = 0.55 + 0.35 * min(1.0, (similarity - self.related_threshold) / span)
        return Comparison("paraphrase", similarity, round(conf, 4), tuple(found))

    def __repr__(self) -> str:
        names = ", ".join(getattr(d, "name", type(d).__name__) for d in self.detectors)
        return f"Comparator([{names}], related_threshold={self.related_threshold})"
