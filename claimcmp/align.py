"""Align: which claims of different sources report the same thing.

For every pair of sources, claims are matched one-to-one by cosine similarity
of their embeddings (each claim has at most one counterpart per other source),
best-first: the most similar pair above the threshold is taken, then the next
among the claims still free. The Hungarian assignment and mutual-best matching
are available as options; the assignment maximises the *sum* of similarities
and so may give up a strong match for two middling ones, which is the wrong
trade for an editor. Pairs are then merged into groups —
at most one claim per source — greedily from the most similar pair down, so
a chain of loose matches cannot pull two claims of one source together.
Claims in no pair are their source's unique claims.

The default threshold was calibrated on ECB+ (same-event sentence pairs vs
same-topic different-event pairs) and STS-B dev; ``benchmarks/calibrate_alignment.py``
reproduces it and docs/calibration.md explains the choice.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np

__all__ = ["ALIGN_METHODS", "DEFAULT_ALIGN_THRESHOLD", "AlignedPair", "Alignment", "align_claims"]

#: Cosine similarity (all-MiniLM-L6-v2) at which two claims are taken to
#: report the same thing; see docs/calibration.md.
DEFAULT_ALIGN_THRESHOLD = 0.6
ALIGN_METHODS = ("greedy", "assignment", "mutual-best")


@attrs.frozen
class AlignedPair:
    """Indices of two aligned claims (``a`` from the earlier source) and their similarity."""

    a: int
    b: int
    similarity: float


@attrs.frozen
class Alignment:
    """The aligned pairs, the groups (lists of claim indices) and the unaligned claims."""

    pairs: tuple[AlignedPair, ...]
    groups: tuple[tuple[int, ...], ...]
    unique: tuple[int, ...]


def _assign(sim: np.ndarray, threshold: float, method: str) -> list[tuple[int, int]]:
    if sim.size == 0:
        return []
    if method == "greedy":
        # Best-first: the most similar pair is always kept. A max-sum
        # assignment would trade one strong match for two middling ones.
        flat = np.argwhere(sim >= threshold)
        order = np.argsort(-sim[flat[:, 0], flat[:, 1]], kind="stable")
        used_a: set[int] = set()
        used_b: set[int] = set()
        chosen: list[tuple[int, int]] = []
        for k in order:
            i, j = int(flat[k, 0]), int(flat[k, 1])
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                chosen.append((i, j))
        return chosen
    if method == "mutual-best":
        best_b = sim.argmax(axis=1)
        best_a = sim.argmax(axis=0)
        return [(i, int(j)) for i, j in enumerate(best_b) if best_a[j] == i and sim[i, j] >= threshold]
    from scipy.optimize import linear_sum_assignment

    # Only pairs above the threshold may be assigned: a below-threshold
    # pair would otherwise steal a claim from a real match.
    weights = np.where(sim >= threshold, sim, -1.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=False) if sim[i, j] >= threshold]


def align_claims(
    sources: Sequence[str],
    vectors: np.ndarray,
    *,
    threshold: float = DEFAULT_ALIGN_THRESHOLD,
    method: str = "greedy",
) -> Alignment:
    """Align claims given each claim's source id and its unit-length embedding.

    ``sources[i]`` is the source of claim ``i`` and ``vectors[i]`` its
    embedding. ``method`` is ``"greedy"`` (one-to-one, most similar pairs
    first), ``"assignment"`` (one-to-one maximising the summed similarity,
    Hungarian method) or ``"mutual-best"`` (pairs that are each other's best).
    """
    if method not in ALIGN_METHODS:
        raise ValueError(f"'method' must be one of {ALIGN_METHODS} (got {method!r}).")
    if len(sources) != len(vectors):
        raise ValueError(
            f"'vectors' must have one row per claim ({len(sources)}), got {len(vectors)}."
        )
    order = list(dict.fromkeys(sources))
    members = {s: np.array([i for i, src in enumerate(sources) if src == s], dtype=int) for s in order}
    pairs: list[AlignedPair] = []
    for x, sa in enumerate(order):
        for sb in order[x + 1 :]:
            ia, ib = members[sa], members[sb]
            if len(ia) == 0 or len(ib) == 0:
                continue
            sim = vectors[ia] @ vectors[ib].T
            for i, j in _assign(sim, threshold, method):
                pairs.append(AlignedPair(int(ia[i]), int(ib[j]), float(sim[i, j])))
    pairs.sort(key=lambda p: (p.a, p.b))

    # Greedy group building with one claim per source per group.
    group_of = list(range(len(sources)))
    group_sources: dict[int, set[str]] = {i: {s} for i, s in enumerate(sources)}
    group_members: dict[int, list[int]] = {i: [i] for i in range(len(sources))}
    for p in sorted(pairs, key=lambda p: -p.similarity):
        ga, gb = group_of[p.a], group_of[p.b]
        if ga == gb or group_sources[ga] & group_sources[gb]:
            continue
        for m in group_members[gb]:
            group_of[m] = ga
        group_members[ga].extend(group_members.pop(gb))
        group_sources[ga] |= group_sources.pop(gb)
    paired = {p.a for p in pairs} | {p.b for p in pairs}
    groups = sorted(tuple(sorted(m)) for m in group_members.values() if len(m) > 1)
    unique = tuple(i for i in range(len(sources)) if i not in paired)
    return Alignment(pairs=tuple(pairs), groups=tuple(groups), unique=unique)
