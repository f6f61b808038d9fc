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

from claimcmp.text.lexicon import stem
from claimcmp.text.normalize import tokens

__all__ = ["WordWeights", "content_stems"]


def content_stems(text: str) -> frozenset[str]:
    """The crude stems of the content words of ``text`` ("fell", "falling" → "fall")."""
    return frozenset(stem(t.lower) for t in tokens(text) if t.content)


class WordWeights:
    """Inverse document frequency of content stems over a set of texts, and the overlap of
    two of them.

    ``WordWeights(texts)`` counts, for each stem, how many of ``texts`` contain it (weight
    ``log((1 + n) / (1 + count)) + 1``);
    :meth:`shared` then gives, for texts ``i`` and ``j``, the summed weight of the stems they
    share over that of the lighter and over the mean of the two (both in [0, 1]).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.stems = [content_stems(t) for t in texts]
        n = len(self.stems)
        counts = Counter(s for stems in self.stems for s in stems)
        # Smoothed as scikit-learn's TfidfVectorizer does (+1): a word every text has still
        # counts once, so two claims compared alone are weighed by their plain word overlap.
        self.idf = {s: math.log((1 + n) / (1 + c)) + 1.0 for s, c in counts.items()}
        self._mass = [sum(self.idf[s] for s in stems) for stems in self.stems]

    def shared(self, i: int, j: int) -> tuple[float, float]:
        """(shared weight / the lighter text's weight, shared weight / the mean weight)."""
        a, b = self.stems[i], self.stems[j]
        if len(b) < len(a):
            a, b = b, a
        common = sum(self.idf[s] for s in a if s in b)
        lighter = min(self._mass[i], self._mass[j])
        mean = (self._mass[i] + self._mass[j]) / 2
        return (common / lighter if lighter > 0 else 0.0, common / mean if mean > 0 else 0.0)
