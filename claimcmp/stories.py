"""Stories: which of the input articles report the same event.

An editorial feed mixes events: two fights of one boxer, two patches of one browser, two
arrests for drunk driving of two players of one team. Their claims look alike and must not be
aligned across events, so the sources are separated into stories before alignment.

For every two sources a :class:`StoryModel` (logistic regression, trained by ``python -m
tools.training`` on ECB+ documents: the same event vs another event of the same topic)
gives the probability that they report one event, from

* ``best_match`` — how closely each claim of one source has a counterpart in the other (the
  mean over its claims of the best cosine similarity, averaged over the two directions);
* ``names_shared`` — the share of the names (capitalised words that name something, see
  :func:`claimcmp.text.names.is_name`) of the source with fewer names that the other has too;
* ``names_weighted`` — the same, each name weighted by how few of the *input's* sources
  carry it: a name every source gives (the boxer, the browser) says little about which event;
  one only some sources give (the opponent) says much;
* ``years_shared``, ``years_disjoint`` — the years the two texts mention;
* ``figures_shared`` — the share of the figures (other than years) of the source with fewer of
  them that the other gives too: a death toll, a score, a sum.

Sources are then merged by average linkage while the mean probability between two groups is
at least the model's threshold (chosen by the training command to maximise pairwise F1 on the
training topics' mixed-event inputs). A source of fewer than :data:`MIN_STORY_CLAIMS` claims (a
brief, a headline) gives too little evidence to stand as a story of its own — ECB+ has no such
documents to learn from, and a brief split from its story loses every comparison — so it joins
the story it most probably belongs to.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

import attrs
import numpy as np

from claimcmp.text.names import is_name
from claimcmp.text.normalize import tokens
from claimcmp.verdict import LogisticModel, load_model_file

__all__ = [
    "STORY_FEATURE_NAMES",
    "SourceProfile",
    "StoryModel",
    "load_default_story_model",
    "separate_stories",
    "source_profile",
    "story_features",
]

STORY_FEATURE_NAMES: tuple[str, ...] = (
    "best_match",
    "names_shared",
    "names_weighted",
    "years_shared",
    "years_disjoint",
    "figures_shared",
)

#: Claims a source needs to form a story of its own (see the module docstring).
MIN_STORY_CLAIMS = 3

_FIGURE = re.compile(r"\b\d[\d,.]*\d\b|\b[2-9]\b")
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


@attrs.frozen
class StoryModel(LogisticModel):
    """P(two sources report one event | :data:`STORY_FEATURE_NAMES`)."""

    FORMAT: ClassVar[str] = "claimcmp.story-model/1"
    FEATURES: ClassVar[tuple[str, ...]] = STORY_FEATURE_NAMES


def load_default_story_model() -> StoryModel:
    """The story model shipped with claimcmp."""
    model: StoryModel = load_model_file("story_model.json", StoryModel)
    return model


@attrs.frozen
class SourceProfile:
    """What story separation reads of one source: its claim vectors, names, years and figures."""

    vectors: np.ndarray = attrs.field(eq=False, repr=False)  # (claims, dim), unit rows
    names: frozenset[str]
    years: frozenset[str]
    figures: frozenset[str] = frozenset()


def source_profile(claim_texts: Sequence[str], vectors: np.ndarray) -> SourceProfile:
    """The profile of one source from its claims' texts and their (unit) embedding vectors."""
    names: set[str] = set()
    years: set[str] = set()
    figures: set[str] = set()
    for text in claim_texts:
        for tok in tokens(text):
            if is_name(tok, text):
                names.add(tok.lower.removesuffix("'s"))
        years.update(_YEAR.findall(text))
        figures.update(f for f in _FIGURE.findall(text) if not _YEAR.fullmatch(f))
    return SourceProfile(
        np.asarray(vectors, dtype=np.float32),
        frozenset(names),
        frozenset(years),
        frozenset(figures),
    )


def story_features(profiles: Sequence[SourceProfile]) -> dict[tuple[int, int], np.ndarray]:
    """Features of every pair ``(i, j)``, ``i < j``, of the input's sources."""
    pairs, x = _feature_matrix(profiles)
    return {(int(i), int(j)): row for (i, j), row in zip(pairs, x, strict=True)}


#: Claims per source the best-match feature reads when an input has more than
#: :data:`_LARGE_INPUT` sources (the first ones: the lede carries the event), so that a
#: 1,000-article input costs seconds, not minutes.
_CLAIMS_READ_LARGE = 8
_LARGE_INPUT = 100


def _feature_matrix(profiles: Sequence[SourceProfile]) -> tuple[np.ndarray, np.ndarray]:
    n = len(profiles)
    df = Counter(name for p in profiles for name in p.names)
    weight = {
        name: math.log((n + 1) / k) for name, k in df.items()
    }  # smoothed: every name counts a little
    limit = _CLAIMS_READ_LARGE if n > _LARGE_INPUT else None
    vectors = [p.vectors[:limit] for p in profiles]
    pairs = np.array([(i, j) for i in range(n) for j in range(i + 1, n)], dtype=np.int64).reshape(
        -1, 2
    )
    x = np.zeros((len(pairs), len(STORY_FEATURE_NAMES)), dtype=np.float64)
    for k, (i, j) in enumerate(pairs):
        a, b = profiles[i], profiles[j]
        if len(vectors[i]) and len(vectors[j]):
            sims = vectors[i] @ vectors[j].T
            best = (float(sims.max(axis=1).mean()) + float(sims.max(axis=0).mean())) / 2
        else:
            best = 0.0
        shared, union = a.names & b.names, a.names | b.names
        weighted_union = sum(weight[w] for w in union)
        years = a.years | b.years
        x[k] = (
            round(best, 4),  # rounded: see claimcmp.verdict.features
            len(shared) / min(len(a.names), len(b.names)) if a.names and b.names else 0.0,
            sum(weight[w] for w in shared) / weighted_union if weighted_union else 0.0,
            len(a.years & b.years) / len(years) if years else 0.0,
            1.0 if a.years and b.years and not a.years & b.years else 0.0,
            len(a.figures & b.figures) / min(len(a.figures), len(b.figures))
            if a.figures and b.figures
            else 0.0,
        )
    return pairs, x


def separate_stories(
    profiles: Sequence[SourceProfile], model: StoryModel | None = None
) -> list[list[int]]:
    """Indices of the sources of each story, stories in order of their first source.

    Average linkage: the two groups whose sources are, on average, most probably about one
    event are merged while that mean probability is at least ``model.threshold``.
    """
    n = len(profiles)
    if n < 2:
        return [list(range(n))]
    model = model or load_default_story_model()
    pairs, x = _feature_matrix(profiles)
    p = model.probabilities(x)
    prob = np.eye(n)
    prob[pairs[:, 0], pairs[:, 1]] = p
    prob[pairs[:, 1], pairs[:, 0]] = p
    from scipy.cluster.hierarchy import fcluster, linkage

    # scipy's average linkage on distance 1 - p; cutting at 1 - threshold merges while the
    # mean probability between two groups is at least the threshold. Condensed order is
    # (0,1), (0,2), ..., the order of ``pairs``.
    tree = linkage(1.0 - p, method="average")
    labels = fcluster(tree, t=1.0 - model.threshold + 1e-12, criterion="distance")
    by_label: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(int(label), []).append(i)
    groups = list(by_label.values())
    brief = [g for g in groups if len(g) == 1 and len(profiles[g[0]].vectors) < MIN_STORY_CLAIMS]
    if len(brief) == len(groups):  # briefs only: too little evidence to tell events apart
        return [list(range(n))]
    if brief:
        for g in brief:
            groups.remove(g)
            home = max(groups, key=lambda h: float(prob[g[0], h].mean()))
            home.append(g[0])
            home.sort()
    return sorted(groups, key=lambda g: g[0])
