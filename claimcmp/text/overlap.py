"""Which rare words two texts share, weighted by how rare they are among their neighbours.

Two reports of one fact share its specific words — the age, the figure, the place, the
verb — while two facts of one story share only the story's words, which every sentence of
the cluster repeats. Weighting each shared word by its inverse document frequency *within the
texts compared together* (the claims of one story) tells the two apart better than the
sentences' cosine similarity alone (docs/calibration.md). The weights come from the input
itself: no corpus statistics are shipped, and a word common in one story is rare in another.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from claimcmp.text.lexicon import stem
from claimcmp.text.normalize import tokens

__all__ = ["WordWeights", "content_stems"]


def content_stems(text: str) -> frozenset[str]:
    """The crude stems of the content words of ``text`` ("fell", "falling" → "fall")."""
    return frozenset(stem(t.lower) for t in tokens(text) if t.content)


class WordWeights:
    """Inverse document frequency of content stems over a set of texts, and the overlap of
    pairs of them.

    ``WordWeights(texts)`` counts, for each stem, how many of ``texts`` contain it (weight
    ``log((1 + n) / (1 + count)) + 1``); :meth:`shared_many` then gives, for texts ``i[k]`` and
    ``j[k]``, the summed weight of the stems they share over that of the lighter and over the
    mean of the two (both in [0, 1]).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.stems = [content_stems(t) for t in texts]
        n = len(self.stems)
        counts = Counter(s for stems in self.stems for s in stems)
        # Smoothed as scikit-learn's TfidfVectorizer does (+1): a word every text has still
        # counts once, so two claims compared alone are weighed by their plain word overlap.
        self.idf = {s: math.log((1 + n) / (1 + c)) + 1.0 for s, c in counts.items()}
        self._mass = np.array([sum(self.idf[s] for s in stems) for stems in self.stems])
        self._matrix: Any = None

    def weight(self, i: int) -> float:
        """The summed weight of text ``i``'s stems."""
        return float(self._mass[i])

    def _texts_by_stems(self) -> Any:
        """Which text holds which stem (a sparse 0/1 matrix, built on first use) and the weights."""
        if self._matrix is None:
            from scipy.sparse import csr_matrix

            column = {s: k for k, s in enumerate(self.idf)}
            indptr: list[int] = [0]
            indices: list[int] = []
            for stems in self.stems:
                indices.extend(column[s] for s in stems)
                indptr.append(len(indices))
            held = csr_matrix(
                (np.ones(len(indices)), indices, indptr), shape=(len(self.stems), len(column))
            )
            self._matrix = (held, np.array(list(self.idf.values()), dtype=np.float64))
        return self._matrix

    def shared_many(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Rows of (shared weight / the lighter text's, shared weight / the mean of the two)."""
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        if len(i) == 0:
            return np.zeros((0, 2), dtype=np.float64)
        held, weights = self._texts_by_stems()
        common = np.asarray(held[i].multiply(held[j]) @ weights, dtype=np.float64).ravel()
        lighter = np.minimum(self._mass[i], self._mass[j])
        mean = (self._mass[i] + self._mass[j]) / 2
        out = np.zeros((len(i), 2), dtype=np.float64)
        np.divide(common, lighter, out=out[:, 0], where=lighter > 0)
        np.divide(common, mean, out=out[:, 1], where=mean > 0)
        return out

    def shared(self, i: int, j: int) -> tuple[float, float]:
        """:meth:`shared_many` of one pair."""
        row = self.shared_many(np.array([i]), np.array([j]))[0]
        return float(row[0]), float(row[1])
