"""Stories: which of the input articles report the same event.

An editorial feed mixes events: two fights of one boxer, two patches of one browser, two
arrests for drunk driving of two players of one team. Their claims look alike and must not be
aligned across events, so the sources are separated into stories before alignment.

For every two sources a :class:`StoryModel` (logistic regression, trained by ``python -m
claimcmp.training`` on ECB+ documents: the same event vs another event of the same topic)
gives the probability that they report one event, from

* ``best_match`` — how closely each claim of one source has a counterpart in the other (the
  mean over its claims of the best cosine similarity, averaged over the two directions);
* ``names_shared`` — the share of the names (capitalised words that name something, see
  :func:`claimcmp.text.names.is_name`) of the source with fewer names that the other has too;
* ``names_weighted`` — the same, each name weighted by how few of the *input's* sources
  carry it: a name every source gives (the boxer, the browser) says little about which event;
  one only some sources give (the opponent) says much;
* ``years_shared``, ``years_disjoint`` — the years the two texts mention.

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

from claimcmp.normalize import tokens
from claimcmp.text.names import is_name
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
)

#: Claims a source needs to form a story of its own (see the module docstring).
MIN_STORY_CLAIMS = 3

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
    """What story separation reads of one source: its claim vectors, names and years."""

    vectors: np.ndarray = attrs.field(eq=False, repr=False)  # (claims, dim), unit rows
    names: frozenset[str]
    years: frozenset[str]


def source_profile(claim_texts: Sequence[str], vectors: np.ndarray) -> SourceProfile:
    """The profile of one source from its claims' texts and their (unit) embedding vectors."""
    names: set[str] = set()
    years: set[str] = set()
    for text in claim_texts:
        for tok in tokens(text):
            if is_name(tok, text):
                names.add(tok.lower.removesuffix("'s"))
        years.update(_YEAR.findall(text))
    return SourceProfile(np.asarray(vectors, dtype=np.float32), frozenset(names), frozenset(years))


def story_features(profiles: Sequence[SourceProfile]) -> dict[tuple[int, int], np.ndarray]:
    """Features of every pair ``(i, j)``, ``i < j``, of the input's sources."""
    n = len(profiles)
    df = Counter(name for p in profiles for name in p.names)

    def weight(name: str) -> float:
        # Smoothed so that a name of every source still counts a little.
        return math.log((n + 1) / df[name])

    out: dict[tuple[int, int], np.ndarray] = {}
    for i in range(n):
        for j in range(i + 1, n):
            a, b = profiles[i], profiles[j]
            if len(a.vectors) and len(b.vectors):
                sims = a.vectors @ b.vectors.T
                best = (float(sims.max(axis=1).mean()) + float(sims.max(axis=0).mean())) / 2
            else:
                best = 0.0
            shared, union = a.names & b.names, a.names | b.names
            weighted_union = sum(weight(x) for x in union)
            out[i, j] = np.array(
                [
                    round(best, 4),  # rounded: see claimcmp.verdict.features
                    len(shared) / min(len(a.names), len(b.names)) if a.names and b.names else 0.0,
                    sum(weight(x) for x in shared) / weighted_union if weighted_union else 0.0,
                    len(a.years & b.years) / len(a.years | b.years) if a.years | b.years else 0.0,
                    1.0 if a.years and b.years and not a.years & b.years else 0.0,
                ],
                dtype=np.float64,
            )
    return out


def separate_stories(profiles: Sequence[SourceProfile], model: StoryModel | None = None) -> list[list[int]]:
    """Indices of the sources of each story, stories in order of their first source.

    Average linkage: the two groups whose sources are, on average, most probably about one
    event are merged while that mean probability is at least ``model.threshold``.
    """
    n = len(profiles)
    if n < 2:
        return [list(range(n))]
    model = model or load_default_story_model()
    feats = story_features(profiles)
    prob = np.eye(n)
    for (i, j), x in feats.items():
        prob[i, j] = prob[j, i] = model.probability(x)
    groups: list[list[int]] = [[i] for i in range(n)]
    while len(groups) > 1:
        best, bi, bj = -1.0, 0, 0
        for gx in range(len(groups)):
            for gy in range(gx + 1, len(groups)):
                p = float(prob[np.ix_(groups[gx], groups[gy])].mean())
                if p > best:
                    best, bi, bj = p, gx, gy
        if best < model.threshold:
            break
        groups[bi] = sorted(groups[bi] + groups[bj])
        del groups[bj]
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
