"""The two calibrated models behind a verdict.

* :class:`SameFactModel` — *do the two claims report the same fact?* From the cosine
  similarity of the claims and their word correspondence (how many content words, names and
  figures have a counterpart). Below 0.5 the pair is ``unrelated`` and is not compared detail
  by detail.
* :class:`VerdictModel` — *given the same fact, do they conflict?* From the similarity, the
  word correspondence and every detector's findings (the strongest finding of each kind, the
  coverage findings). A pair is a ``divergence`` only when a decisive finding exists and this
  model's probability is at least 0.5; the probability is the verdict's confidence.

Both are logistic regressions on standardised features, trained by ``python -m
tools.training`` (a source checkout) on ``../shared/data`` only and stored as small JSON files
(``claimcmp/data/fact_model.json``, ``claimcmp/data/verdict_model.json``: feature names,
scaling, coefficients — no pickle). They are evaluated here with NumPy, so no scikit-learn
import is needed at run time. ``agreement`` is decided before either, by wording (see
:func:`claimcmp.text.normalize.same_wording`).
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from importlib import resources
from typing import Any, ClassVar

import attrs
import numpy as np

from claimcmp.errors import MissingModelError, ModelLoadError
from claimcmp.records import DIVERGENCE_KINDS, Divergence, is_decisive
from claimcmp.text.diff import TokenDiff

__all__ = [
    "ALIGN_FEATURE_NAMES",
    "FACT_FEATURE_NAMES",
    "FEATURE_NAMES",
    "AlignmentModel",
    "LogisticModel",
    "SameFactModel",
    "VerdictModel",
    "align_features",
    "fact_features",
    "features",
    "load_default_alignment_model",
    "load_default_fact_model",
    "load_default_model",
    "load_model_file",
]

#: Kinds that can decide a divergence (coverage kinds cannot).
CONFLICT_KINDS: tuple[str, ...] = tuple(
    k for k in DIVERGENCE_KINDS if k not in ("omission", "addition")
)

FEATURE_NAMES: tuple[str, ...] = (
    "similarity",
    "token_ratio",
    "content_overlap",
    "length_ratio",
    "free_content",
    "decisive_max",
    "decisive_count",
    "low_count",
    "slot_swaps",
    "slot_names",
    "loose_conflicts",
    *(f"kind_{k}" for k in CONFLICT_KINDS),
    # Lone word swaps WordNet does not relate (see TermDetector), listed as hints. (A WordNet
    # sister term that decides counts as any decisive finding: a feature of its own, rare in
    # training and fitted below the other kinds, pulled "blue" / "white" under the threshold.)
    "term_swap",
)

FACT_FEATURE_NAMES: tuple[str, ...] = (
    "similarity",
    "content_overlap",
    "content_jaccard",
    "names_shared",
    "names_unmatched",
    "figures_shared",
    "length_ratio",
    "min_content",
)


def _counts(diff: TokenDiff) -> tuple[int, int]:
    return sum(1 for t in diff.a if t.content), sum(1 for t in diff.b if t.content)


def features(similarity: float, diff: TokenDiff, divergences: Sequence[Divergence]) -> np.ndarray:
    """The verdict model's feature vector of one compared pair, in :data:`FEATURE_NAMES` order."""
    n_a, n_b = _counts(diff)
    free = (len(diff.only_a) + len(diff.only_b)) / max(1, n_a + n_b)
    length_ratio = min(len(diff.a), len(diff.b)) / max(1, max(len(diff.a), len(diff.b)))
    decisive = [d for d in divergences if is_decisive(d)]
    kind_max = dict.fromkeys((*CONFLICT_KINDS, "term_swap"), 0.0)
    for d in divergences:
        key = d.kind
        if d.kind == "term" and ":" in d.detector:
            key = "term_" + d.detector.split(":", 1)[1]
        if key in kind_max:
            weight = d.confidence if is_decisive(d) else d.confidence * 0.5
            kind_max[key] = max(kind_max[key], weight)
    slot_swaps = sum(1 for e in diff.edits if e.op == "replace" and e.a_free and e.b_free)
    # Names that stand in a changed slot on both sides: two tellings about different people or
    # places, whose other values then belong to different facts.
    slot_names = sum(
        sum(1 for t in (*e.a_free, *e.b_free) if t.text[:1].isupper())
        for e in diff.edits
        if e.op == "replace" and e.a_free and e.b_free
    )
    return np.array(
        [
            # Rounded: CPU matrix kernels may differ in the last bits from run to run, and
            # the training command must reproduce the shipped model.
            round(similarity, 4),
            diff.ratio,
            diff.content_overlap,
            length_ratio,
            free,
            max((d.confidence for d in decisive), default=0.0),
            math.log1p(len(decisive)),
            math.log1p(len(divergences) - len(decisive)),
            math.log1p(slot_swaps),
            math.log1p(slot_names),
            # Several conflicting values between two loosely related sentences: more often two
            # different facts than one fact told wrongly.
            (1.0 - diff.content_overlap) * math.log1p(len(decisive)),
            *(kind_max[k] for k in CONFLICT_KINDS),
            kind_max["term_swap"],
        ],
        dtype=np.float64,
    )


def fact_features(similarity: float, diff: TokenDiff) -> np.ndarray:
    """The same-fact model's feature vector, in :data:`FACT_FEATURE_NAMES` order."""
    n_a, n_b = _counts(diff)
    matched = len(diff.matches)
    names_a = {i for i, t in enumerate(diff.a) if t.content and t.text[:1].isupper() and i > 0}
    names_b = {j for j, t in enumerate(diff.b) if t.content and t.text[:1].isupper() and j > 0}
    names_shared = sum(1 for i, j, _ in diff.matches if i in names_a or j in names_b)
    free_names = sum(1 for t in diff.only_a if t.text[:1].isupper()) + sum(
        1 for t in diff.only_b if t.text[:1].isupper()
    )
    figures = sum(1 for i, _, _ in diff.matches if diff.a[i].text[:1].isdigit())
    length_ratio = min(n_a, n_b) / max(1, max(n_a, n_b))
    return np.array(
        [
            round(similarity, 4),
            diff.content_overlap,
            2 * matched / max(1, n_a + n_b),
            math.log1p(names_shared),
            math.log1p(free_names),
            math.log1p(figures),
            length_ratio,
            math.log1p(min(n_a, n_b)),
        ],
        dtype=np.float64,
    )


@attrs.frozen
class LogisticModel:
    """Standardise, then ``sigmoid(w · x + b)``: the probability of the positive class."""

    FORMAT: ClassVar[str] = ""
    FEATURES: ClassVar[tuple[str, ...]] = ()

    feature_names: tuple[str, ...]
    mean: np.ndarray = attrs.field(eq=False)
    scale: np.ndarray = attrs.field(eq=False)
    coef: np.ndarray = attrs.field(eq=False)  # (n_features,)
    intercept: float = 0.0
    meta: dict[str, Any] = attrs.field(factory=dict, eq=False)
    #: The probability at or above which the positive class is decided.
    threshold: float = 0.5

    def probability(self, x: np.ndarray) -> float:
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        logit = float(self.coef @ z + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """:meth:`probability` of each row of ``x`` at once."""
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        logits = np.clip(z @ self.coef + self.intercept, -50.0, 50.0)
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float64)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": self.FORMAT,
                "feature_names": list(self.feature_names),
                "mean": self.mean.tolist(),
                "scale": self.scale.tolist(),
                "coef": self.coef.tolist(),
                "intercept": self.intercept,
                "threshold": self.threshold,
                "meta": self.meta,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Any:
        data = json.loads(text)
        if data.get("format") != cls.FORMAT:
            raise ValueError(f"'format' must be {cls.FORMAT!r} (got {data.get('format')!r}).")
        model = cls(
            feature_names=tuple(data["feature_names"]),
            mean=np.array(data["mean"], dtype=np.float64),
            scale=np.array(data["scale"], dtype=np.float64),
            coef=np.array(data["coef"], dtype=np.float64),
            intercept=float(data["intercept"]),
            meta=dict(data.get("meta") or {}),
            threshold=float(data.get("threshold", 0.5)),
        )
        if model.feature_names != cls.FEATURES:
            raise ValueError(
                f"{cls.__name__} features do not match this version of claimcmp "
                f"(expected {len(cls.FEATURES)} features, got {len(model.feature_names)}); "
                "retrain with python -m tools.training."
            )
        return model


@attrs.frozen
class VerdictModel(LogisticModel):
    """P(divergence | the same fact, features) over :data:`FEATURE_NAMES`."""

    FORMAT: ClassVar[str] = "claimcmp.verdict-model/2"
    FEATURES: ClassVar[tuple[str, ...]] = FEATURE_NAMES


@attrs.frozen
class SameFactModel(LogisticModel):
    """P(the same fact | features) over :data:`FACT_FEATURE_NAMES`.

    Its ``threshold`` is set by the training command so that 85 % of the ECB+ same-event
    sentence pairs of the training topics count as the same fact: two outlets telling one
    event share few words, and calling their pair ``unrelated`` hides it from the comparison
    (a pair of different facts let through is then only compared where values fill the same
    role; see :func:`claimcmp.detectors.base.same_role`).
    """

    FORMAT: ClassVar[str] = "claimcmp.fact-model/1"
    FEATURES: ClassVar[tuple[str, ...]] = FACT_FEATURE_NAMES

    #: The probability of the same fact a *divergence* needs (at least ``threshold``). Two
    #: claims told in one frame about two facts (two fights, two plays, two tolls) pass the
    #: low bar that keeps a fact's two tellings compared, and their values then differ; a
    #: conflict is claimed only where the pair is likely one fact, else the pair is
    #: ``unrelated``. Chosen by the training command (:func:`tools.training`) on the readers'
    #: pairs of the training topics. ``None``: ``threshold``.
    conflict_threshold: float | None = None

    @property
    def conflict_bar(self) -> float:
        """:attr:`conflict_threshold`, or ``threshold`` when there is none."""
        if self.conflict_threshold is None:
            return self.threshold
        return max(self.threshold, self.conflict_threshold)

    def to_json(self) -> str:
        data = json.loads(super().to_json())
        if self.conflict_threshold is not None:
            data["conflict_threshold"] = self.conflict_threshold
        return json.dumps(data, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Any:
        model = super().from_json(text)
        value = json.loads(text).get("conflict_threshold")
        if value is None:
            return model
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValueError(f"'conflict_threshold' must be a number in [0, 1] (got {value!r}).")
        return attrs.evolve(model, conflict_threshold=float(value))


#: What the alignment model reads of a candidate pair of claims (see
#: :class:`claimcmp.text.overlap.WordWeights`): their cosine similarity, and the weight of the
#: rare words they share over the lighter claim's and over the mean of the two.
ALIGN_FEATURE_NAMES: tuple[str, ...] = ("similarity", "rare_shared_min", "rare_shared_mean")


def align_features(similarities: np.ndarray, shared: np.ndarray) -> np.ndarray:
    """The alignment model's feature rows, in :data:`ALIGN_FEATURE_NAMES` order, from each pair's
    cosine and its rare-word overlap (:meth:`claimcmp.text.overlap.WordWeights.shared_many`)."""
    cosine = np.round(np.asarray(similarities, dtype=np.float64), 4)
    return np.column_stack([cosine, np.asarray(shared, dtype=np.float64).reshape(len(cosine), 2)])


@attrs.frozen
class AlignmentModel(LogisticModel):
    """P(two claims of one story report the same fact | :data:`ALIGN_FEATURE_NAMES`).

    Trained by ``python -m tools.training`` on the team's hand-labelled ECB+ pairs of the
    training topics (same fact: conflict or compatible; not: different). Its ``threshold`` lets
    through the same share of those readers' *different* pairs as cosine similarity at
    :data:`claimcmp.options.DEFAULT_ALIGN_THRESHOLD` does, so it aligns more of the same facts
    at no more different ones; ``meta["min_similarity"]`` is the cosine below which no pair is
    scored at all.
    """

    FORMAT: ClassVar[str] = "claimcmp.align-model/1"
    FEATURES: ClassVar[tuple[str, ...]] = ALIGN_FEATURE_NAMES

    @property
    def min_similarity(self) -> float:
        return float(self.meta.get("min_similarity", 0.0))


_loaded: dict[str, LogisticModel] = {}
_lock = threading.Lock()


def load_model_file(name: str, cls: type[LogisticModel]) -> Any:
    """The model ``claimcmp/data/<name>`` of class ``cls``, read once per process.

    Raises :class:`~claimcmp.errors.MissingModelError` when the file is not in the installed
    package and :class:`~claimcmp.errors.ModelLoadError` when it cannot be read as a ``cls``
    model: a package without its models must not silently compare by rules alone (opting out
    of the models is explicit: ``Comparator(model=False)``).
    """
    with _lock:
        if name not in _loaded:
            _loaded[name] = read_model_file(resources.files("claimcmp") / "data" / name, cls)
        return _loaded[name]


def read_model_file(path: Any, cls: type[LogisticModel]) -> Any:
    """The ``cls`` model stored at ``path`` (a path or an importlib resource)."""
    if not path.is_file():
        raise MissingModelError(
            f"model file '{path}' is missing from the installed package: reinstall claimcmp "
            "(or run python -m tools.training in a source checkout)."
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelLoadError(
            f"model file '{path}' cannot be read ({exc}); reinstall claimcmp."
        ) from exc
    try:
        return cls.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelLoadError(
            f"model file '{path}' is not a {cls.FORMAT} model ({exc}); reinstall claimcmp."
        ) from exc


def load_default_model() -> VerdictModel:
    """The verdict model shipped with claimcmp."""
    model: VerdictModel = load_model_file("verdict_model.json", VerdictModel)
    return model


def load_default_alignment_model() -> AlignmentModel:
    """The alignment model shipped with claimcmp."""
    model: AlignmentModel = load_model_file("align_model.json", AlignmentModel)
    return model


def load_default_fact_model() -> SameFactModel:
    """The same-fact model shipped with claimcmp."""
    model: SameFactModel = load_model_file("fact_model.json", SameFactModel)
    return model
