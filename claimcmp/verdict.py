"""The verdict model: similarity, lexical and detector features → calibrated probabilities.

A multinomial logistic regression over ``paraphrase`` / ``divergence`` / ``unrelated``,
trained by ``python -m claimcmp.training`` on ``../shared/data`` only and stored as a small
JSON file (``claimcmp/data/verdict_model.json``: feature names, scaling, coefficients — no
pickle). It is evaluated here with NumPy, so no scikit-learn import is needed at run time.
``agreement`` is decided before the model, by wording (see :func:`claimcmp.comparator.same_wording`).
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from importlib import resources
from typing import Any

import attrs
import numpy as np

from claimcmp.detectors.diff import TokenDiff
from claimcmp.records import DIVERGENCE_KINDS, Divergence

__all__ = ["CLASSES", "FEATURE_NAMES", "VerdictModel", "features", "load_default_model"]

CLASSES: tuple[str, ...] = ("paraphrase", "divergence", "unrelated")

FEATURE_NAMES: tuple[str, ...] = (
    "similarity",
    "token_ratio",
    "content_overlap",
    "length_ratio",
    "unshared_content",
    "decisive_max",
    "decisive_count",
    "low_count",
    *(f"kind_{k}" for k in DIVERGENCE_KINDS),
)


def _decisive(d: Divergence) -> bool:
    # A detail only one claim carries is listed, but alone it does not mean that a fact
    # differs: the verdict model weighs it, the rule does not count it.
    return d.severity != "low" and d.confidence >= 0.5 and d.kind not in ("omission", "addition")


def features(similarity: float, diff: TokenDiff, divergences: Sequence[Divergence]) -> np.ndarray:
    """The feature vector of one compared pair, in :data:`FEATURE_NAMES` order."""
    ca = [t.key for t in diff.a if t.content]
    cb = [t.key for t in diff.b if t.content]
    sa, sb = set(ca), set(cb)
    unshared = len(sa ^ sb) / max(1, len(sa | sb))
    length_ratio = min(len(diff.a), len(diff.b)) / max(1, max(len(diff.a), len(diff.b)))
    decisive = [d for d in divergences if _decisive(d)]
    kind_max = dict.fromkeys(DIVERGENCE_KINDS, 0.0)
    for d in divergences:
        if d.kind in kind_max:
            weight = d.confidence if _decisive(d) else d.confidence * 0.5
            kind_max[d.kind] = max(kind_max[d.kind], weight)
    return np.array(
        [
            # Rounded: CPU matrix kernels may differ in the last bits from run to run, and
            # the training command must reproduce the shipped model.
            round(similarity, 4),
            diff.ratio,
            diff.content_overlap,
            length_ratio,
            unshared,
            max((d.confidence for d in decisive), default=0.0),
            math.log1p(len(decisive)),
            math.log1p(len(divergences) - len(decisive)),
            *(kind_max[k] for k in DIVERGENCE_KINDS),
        ],
        dtype=np.float64,
    )


@attrs.frozen
class VerdictModel:
    """Standardise, then softmax(W x + b); the classes are :data:`CLASSES`."""

    feature_names: tuple[str, ...]
    classes: tuple[str, ...]
    mean: np.ndarray = attrs.field(eq=False)
    scale: np.ndarray = attrs.field(eq=False)
    coef: np.ndarray = attrs.field(eq=False)  # (n_classes, n_features)
    intercept: np.ndarray = attrs.field(eq=False)
    meta: dict[str, Any] = attrs.field(factory=dict, eq=False)

    def probabilities(self, x: np.ndarray) -> dict[str, float]:
        """Class probabilities for one feature vector."""
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        logits = self.coef @ z + self.intercept
        logits = logits - logits.max()
        p = np.exp(logits)
        p /= p.sum()
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": "claimcmp.verdict-model/1",
                "feature_names": list(self.feature_names),
                "classes": list(self.classes),
                "mean": self.mean.tolist(),
                "scale": self.scale.tolist(),
                "coef": self.coef.tolist(),
                "intercept": self.intercept.tolist(),
                "meta": self.meta,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> VerdictModel:
        data = json.loads(text)
        if data.get("format") != "claimcmp.verdict-model/1":
            raise ValueError(f"'format' must be 'claimcmp.verdict-model/1' (got {data.get('format')!r}).")
        model = cls(
            feature_names=tuple(data["feature_names"]),
            classes=tuple(data["classes"]),
            mean=np.array(data["mean"], dtype=np.float64),
            scale=np.array(data["scale"], dtype=np.float64),
            coef=np.array(data["coef"], dtype=np.float64),
            intercept=np.array(data["intercept"], dtype=np.float64),
            meta=dict(data.get("meta") or {}),
        )
        if model.feature_names != FEATURE_NAMES:
            raise ValueError(
                "verdict model features do not match this version of claimcmp "
                f"(expected {len(FEATURE_NAMES)} features, got {len(model.feature_names)}); "
                "retrain it with python -m claimcmp.training."
            )
        return model


_default: VerdictModel | None = None
_lock = threading.Lock()


def load_default_model() -> VerdictModel | None:
    """The model shipped with claimcmp, or None if it has not been trained."""
    global _default
    with _lock:
        if _default is None:
            path = resources.files("claimcmp") / "data" / "verdict_model.json"
            if not path.is_file():
                return None
            _default = VerdictModel.from_json(path.read_text(encoding="utf-8"))
        return _default
