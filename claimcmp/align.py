"""Align: which claims of different sources report the same thing.

For every pair of sources, claims are matched one-to-one by cosine similarity
of their embeddings (each claim has at most one counterpart per other source, or
two where that source tells the claim's fact over two claims: :func:`completes`),
best-first: the most similar pair above the threshold is taken, then the next
among the claims still free. The Hungarian assignment and mutual-best matching
are available as options; the assignment maximises the *sum* of similarities
and so may give up a strong match for two middling ones, which is the wrong
trade for an editor. Pairs are then merged into groups —
at most one claim per source — greedily from the most similar pair down, so
a chain of loose matches cannot pull two claims of one source together.
Claims in no pair are their source's unique claims.

Candidates come from a blocked top-k search: claim vectors are multiplied a
block of rows at a time, and each claim keeps its ``top_k`` most similar
claims of other sources above the threshold. Memory is one block of
similarities (≤ 512 rows × claims, ≤ 2M cells), never the dense all-claims matrix, and
the pairs to compare grow linearly with the cluster (at most ``top_k`` per
claim). For clusters where no claim has more than ``top_k`` candidates — any
cluster of up to ``top_k`` + 1 sources with one candidate per source, which is
nearly every real story cluster — the result is exactly the best-first
matching over all pairs.

The default method, ``"fact"``, is this best-first matching over pairs ranked and decided by
the shipped alignment model (:class:`claimcmp.verdict.AlignmentModel`) rather than by cosine
alone: two reports of one fact share its rare words (the age, the height, the place), two facts
of one story only the story's words, so each candidate pair at or above the model's cosine
floor is scored on its cosine and on the weight of the rare words it shares, weighted within
the claims aligned together (:class:`claimcmp.text.overlap.WordWeights`). ``"greedy"`` ranks and
decides by cosine alone, at the threshold calibrated on ECB+ (same-event sentence pairs vs
same-topic different-event pairs) and STS-B dev; ``benchmarks/calibrate_alignment.py``
reproduces it and docs/calibration.md explains both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
import numpy as np

# The defaults are the options' (claimcmp.options, which imports nothing heavy).
from claimcmp.options import ALIGN_METHODS, DEFAULT_ALIGN_THRESHOLD, DEFAULT_TOP_K
from claimcmp.text.overlap import WordWeights
from claimcmp.verdict import AlignmentModel, align_features, load_default_alignment_model

__all__ = [
    "ALIGN_METHODS",
    "DEFAULT_ALIGN_THRESHOLD",
    "DEFAULT_GROUP_MEMBER_THRESHOLD",
    "DEFAULT_TOP_K",
    "AlignedPair",
    "Alignment",
    "align_claims",
    "candidate_pairs",
    "completes",
    "fact_scores",
    "group_pairs",
]

_BLOCK_SIZE = 512
_BLOCK_CELLS = 1 << 21  # similarities per block at most: 8 MB of float32, 16 MB of indices


@attrs.frozen
class AlignedPair:
    """Indices of two aligned claims (``a`` from the earlier source) and their similarity.

    ``second`` marks a second counterpart: one of the two claims already has a counterpart in
    the other's source, which tells the fact over two claims. ``probability`` is the alignment
    model's probability that the two report one fact (``method="fact"``; else ``None``).
    """

    a: int
    b: int
    similarity: float
    second: bool = False
    probability: float | None = None


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
        return [
            (i, int(j)) for i, j in enumerate(best_b) if best_a[j] == i and sim[i, j] >= threshold
        ]
    from scipy.optimize import linear_sum_assignment

    # Only pairs above the threshold may be assigned: a below-threshold
    # pair would otherwise steal a claim from a real match.
    weights = np.where(sim >= threshold, sim, -1.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=False) if sim[i, j] >= threshold]


def candidate_pairs(
    source_ids: np.ndarray,
    vectors: np.ndarray,
    *,
    threshold: float,
    top_k: int = DEFAULT_TOP_K,
    block_size: int = _BLOCK_SIZE,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Claim pairs ``(i, j, similarity)`` with ``i < j`` of different sources, above
    ``threshold``, where ``j`` is among ``i``'s ``top_k`` most similar or the reverse.

    ``source_ids[i]`` is an integer id of claim ``i``'s source. The similarities
    are computed ``block_size`` rows at a time.
    """
    n = len(vectors)
    # Rows per block: at most ``block_size``, fewer for big clusters so that one block's
    # similarities and their sort indices stay within a few tens of MB.
    block_size = min(block_size, max(16, _BLOCK_CELLS // max(1, n)))
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []
    found_sim: list[np.ndarray] = []
    k = min(top_k, n)
    for start in range(0, n, block_size):
        stop = min(n, start + block_size)
        sim = vectors[start:stop] @ vectors.T
        sim[source_ids[start:stop, None] == source_ids[None, :]] = -np.inf
        if k < n:
            np.negative(sim, out=sim)  # in place: argpartition picks the k smallest
            top = np.argpartition(sim, k - 1, axis=1)[:, :k]
            np.negative(sim, out=sim)
        else:
            top = np.broadcast_to(np.arange(n), sim.shape)
        r = np.repeat(np.arange(start, stop), top.shape[1])
        c = top.reshape(-1)
        s = sim[r - start, c]
        keep = s >= threshold
        r, c, s = r[keep], c[keep], s[keep]
        found_i.append(np.minimum(r, c))
        found_j.append(np.maximum(r, c))
        found_sim.append(s)
    if not found_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    i, j, sims = np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_sim)
    # A pair found from both ends appears twice; keep one.
    _, first = np.unique(i * n + j, return_index=True)
    return i[first], j[first], sims[first]


#: A second counterpart in one source is taken only when it is nearly as close as the first
#: (cosine within this margin): one outlet telling the fact over two sentences, not two facts.
SECOND_COUNTERPART_MARGIN = 0.05


def _greedy(
    source_ids: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    sims: np.ndarray,
    *,
    fixed: Sequence[AlignedPair] = (),
    second_counterparts: bool = False,
    weights: WordWeights | None = None,
) -> list[AlignedPair]:
    """Best-first one-to-one matching per source pair, over the candidate pairs.

    ``fixed`` pairs are already matched (their claims are taken for each other's source).
    With ``second_counterparts``, a later pass lets a claim take a second counterpart in a
    source whose first one it has, when that claim has no counterpart of its own there and is
    within :data:`SECOND_COUNTERPART_MARGIN` of the first; with ``weights`` (the claims'
    :class:`~claimcmp.text.overlap.WordWeights`), only when the two counterparts tell different
    parts of the claim (:func:`completes`).
    """
    # Per source pair, best-first is independent of every other source pair, so
    # one global pass in similarity order is the same as a pass per source pair.
    order = np.lexsort((j, i, -sims))
    first: dict[tuple[int, int], float] = {}  # (claim, other source) -> similarity of its match
    partner: dict[tuple[int, int], int] = {}  # (claim, other source) -> its match
    for p in fixed:
        first[p.a, int(source_ids[p.b])] = p.similarity
        first[p.b, int(source_ids[p.a])] = p.similarity
        partner[p.a, int(source_ids[p.b])], partner[p.b, int(source_ids[p.a])] = p.b, p.a
    chosen: list[AlignedPair] = []
    for k in order:
        a, b = int(i[k]), int(j[k])
        key_a, key_b = (a, int(source_ids[b])), (b, int(source_ids[a]))
        if key_a in first or key_b in first:
            continue
        first[key_a] = first[key_b] = float(sims[k])
        partner[key_a], partner[key_b] = b, a
        chosen.append(AlignedPair(a, b, float(sims[k])))
    if not second_counterparts:
        return chosen
    seconds: set[tuple[int, int]] = set()
    done = {(p.a, p.b) for p in (*fixed, *chosen)}
    for k in order:
        a, b = int(i[k]), int(j[k])
        if (a, b) in done:
            continue
        key_a, key_b = (a, int(source_ids[b])), (b, int(source_ids[a]))
        # Exactly one side is matched in the other's source; that side takes a second.
        for key_hub, key_free in ((key_a, key_b), (key_b, key_a)):
            if (
                key_hub in first
                and key_free not in first
                and key_hub not in seconds
                and float(sims[k]) >= first[key_hub] - SECOND_COUNTERPART_MARGIN
                and (
                    weights is None or completes(weights, key_hub[0], partner[key_hub], key_free[0])
                )
            ):
                seconds.add(key_hub)
                first[key_free] = float(sims[k])
                chosen.append(AlignedPair(a, b, float(sims[k]), second=True))
                break
    return chosen


#: What a second counterpart must add: of the rare-word weight it shares with the claim, at
#: least this share is in words the first counterpart does not share ...
SECOND_NEW_SHARE = 0.5
#: ... and those words are at least this share of the claim's own weight.
SECOND_NEW_WEIGHT = 0.15


def completes(weights: WordWeights, claim: int, first: int, second: int) -> bool:
    """Whether ``second`` tells another part of ``claim`` than ``first`` does: one outlet's
    sentence told over two sentences by another ("Rait, 36, died after falling 150 metres on
    Mt Cook" / "Duncan Rait died on Mt Cook." + "The 36-year-old fell about 150 metres.").

    ``claim`` must be the heavier of the three in rare-word weight (it holds both parts), and
    what ``second`` shares with it must be mostly words that ``first`` does not share
    (:data:`SECOND_NEW_SHARE`, :data:`SECOND_NEW_WEIGHT`). Two facts of one story share the
    story's words with the claim, and the same ones: they do not complete it.
    """
    idf, stems = weights.idf, weights.stems
    hub = stems[claim]
    mass = weights.weight(claim)
    if mass <= max(weights.weight(first), weights.weight(second)):
        return False
    by_first = hub & stems[first]
    by_second = hub & stems[second]
    new = sum(idf[s] for s in by_second - by_first)
    shared = sum(idf[s] for s in by_second)
    return new >= SECOND_NEW_SHARE * shared and new >= SECOND_NEW_WEIGHT * mass


def fact_scores(
    model: AlignmentModel, weights: WordWeights, i: np.ndarray, j: np.ndarray, sims: np.ndarray
) -> np.ndarray:
    """The alignment model's probability that claims ``i[k]`` and ``j[k]`` report one fact."""
    if len(i) == 0:
        return np.zeros(0, np.float64)
    return model.probabilities(align_features(sims, weights.shared_many(i, j)))


def _exact_similarities(pairs: list[AlignedPair], vectors: np.ndarray) -> list[AlignedPair]:
    """The pairs with their similarity recomputed in float64 and rounded to 6 decimals.

    Matrix products in float32 differ in the last bits with the BLAS thread count (a Dask
    worker runs one thread, a notebook several); reports must not, so the reported figure is
    computed element-wise, which is the same everywhere.
    """
    out: list[AlignedPair] = []
    for start in range(0, len(pairs), 4096):  # a few MB at a time, however many pairs
        chunk = pairs[start : start + 4096]
        va = np.asarray(vectors[[p.a for p in chunk]], dtype=np.float64)
        vb = np.asarray(vectors[[p.b for p in chunk]], dtype=np.float64)
        sims = np.einsum("ij,ij->i", va, vb)
        out.extend(
            AlignedPair(p.a, p.b, round(float(s), 6), p.second, p.probability)
            for p, s in zip(chunk, sims, strict=True)
        )
    return out


def align_claims(
    sources: Sequence[str],
    vectors: np.ndarray,
    *,
    threshold: float = DEFAULT_ALIGN_THRESHOLD,
    method: str = "greedy",
    top_k: int = DEFAULT_TOP_K,
    fixed: Sequence[AlignedPair] = (),
    excluded: frozenset[tuple[int, int]] = frozenset(),
    second_counterparts: bool = False,
    texts: Sequence[str] | None = None,
    model: AlignmentModel | None = None,
) -> Alignment:
    """Align claims given each claim's source id and its unit-length embedding.

    ``sources[i]`` is the source of claim ``i`` and ``vectors[i]`` its
    embedding. ``method`` is ``"fact"`` (one-to-one, pairs ranked and decided by the alignment
    ``model`` — the shipped one by default — from their cosine and the rare words of
    ``texts[i]`` they share; ``threshold`` is then the least cosine of a pair scored at all),
    ``"greedy"`` (one-to-one, most similar pairs
    first; blocked top-k search, see the module docstring), ``"assignment"``
    (one-to-one maximising the summed similarity, Hungarian method) or
    ``"mutual-best"`` (pairs that are each other's best). The last two solve
    each source pair on its full similarity matrix: exact, and meant for
    small clusters.

    Fact and greedy only: ``fixed`` pairs (``a < b``) are kept and their claims taken, ``excluded``
    pairs ``(a, b)`` are never proposed (:func:`claimcmp.compare` re-aligns the claims of pairs
    the comparator found to be two facts), and ``second_counterparts`` lets a claim have two
    counterparts in one source where that source tells the fact over two claims (with
    ``method="fact"``, only where the second tells another part of the claim: :func:`completes`;
    :func:`claimcmp.compare` asks for it then). The result holds the new pairs and the fixed
    ones.
    """
    if method not in ALIGN_METHODS:
        raise ValueError(f"'method' must be one of {ALIGN_METHODS} (got {method!r}).")
    if len(sources) != len(vectors):
        raise ValueError(
            f"'vectors' must have one row per claim ({len(sources)}), got {len(vectors)}."
        )
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
        raise ValueError(f"'top_k' must be a positive int (got {top_k!r}).")
    best_first = method in ("fact", "greedy")
    if not best_first and (fixed or excluded or second_counterparts):
        raise ValueError(
            "'fixed', 'excluded' and 'second_counterparts' need method='fact' or 'greedy' "
            f"(got {method!r})."
        )
    if method == "fact" and (texts is None or len(texts) != len(sources)):
        got = "None" if texts is None else f"{len(texts)} texts"
        raise ValueError(f"method='fact' needs 'texts', one per claim ({len(sources)}); got {got}.")
    order = list(dict.fromkeys(sources))
    pairs: list[AlignedPair] = []
    if best_first:
        index = {s: n for n, s in enumerate(order)}
        source_ids = np.array([index[s] for s in sources], dtype=np.int64)
        vecs = np.asarray(vectors, dtype=np.float32)
        ci, cj, cs = candidate_pairs(source_ids, vecs, threshold=threshold, top_k=top_k)
        if excluded:
            keep = np.array(
                [(int(x), int(y)) not in excluded for x, y in zip(ci, cj, strict=True)], dtype=bool
            )
            ci, cj, cs = ci[keep], cj[keep], cs[keep]
        weights: WordWeights | None = None
        if method == "fact":
            assert texts is not None
            model = model or load_default_alignment_model()
            # Ranked and decided by the model's probability; the pairs keep their cosine.
            weights = WordWeights(texts)
            cs = fact_scores(model, weights, ci, cj, cs)
            keep = cs >= model.threshold
            ci, cj, cs = ci[keep], cj[keep], cs[keep]
        new = _greedy(
            source_ids,
            ci,
            cj,
            cs,
            fixed=fixed,
            second_counterparts=second_counterparts,
            weights=weights,
        )
        if method == "fact":
            # The ranking score is the model's probability; the pair reports its cosine.
            new = [attrs.evolve(p, probability=round(p.similarity, 6)) for p in new]
        pairs = [*fixed, *_exact_similarities(new, vectors)]
        pairs.sort(key=lambda p: (p.a, p.b))
        return group_pairs(sources, pairs, vectors=vecs)
    members = {
        s: np.array([i for i, src in enumerate(sources) if src == s], dtype=int) for s in order
    }
    for x, sa in enumerate(order):
        for sb in order[x + 1 :]:
            ia, ib = members[sa], members[sb]
            if len(ia) == 0 or len(ib) == 0:
                continue
            sim = vectors[ia] @ vectors[ib].T
            for i, j in _assign(sim, threshold, method):
                pairs.append(AlignedPair(int(ia[i]), int(ib[j]), float(sim[i, j])))
    pairs.sort(key=lambda p: (p.a, p.b))
    pairs = _exact_similarities(pairs, vectors)
    return group_pairs(sources, pairs, vectors=np.asarray(vectors, dtype=np.float32))


#: Cosine similarity every two claims of one group must have (complete linkage): a group is
#: one fact, so a claim joins only when it relates to every member, not to one neighbour.
#: Below the pair threshold, because members told by different outlets are worded apart.
DEFAULT_GROUP_MEMBER_THRESHOLD = 0.45


def group_pairs(
    sources: Sequence[str],
    pairs: Sequence[AlignedPair],
    *,
    vectors: np.ndarray | None = None,
    member_threshold: float = DEFAULT_GROUP_MEMBER_THRESHOLD,
    max_per_source: int = 2,
) -> Alignment:
    """Groups (one claim per source) and unaligned claims for a set of aligned pairs.

    Used by :func:`align_claims`, and again by :func:`claimcmp.compare` once the comparator
    has set aside pairs that do not report the same fact. With ``vectors`` (unit rows, one per
    claim), two groups merge only when every claim of one has at least ``member_threshold``
    cosine similarity with every claim of the other, so a chain of loose matches ("Lukashenko,
    a close ally of Putin" — "Lukashenko's victory in 2020" — "the 2020 election results")
    does not become one group; the pairs themselves stay. A group holds one claim per source,
    or up to ``max_per_source`` where a second-counterpart pair brings another claim of a
    source (a fact one outlet tells over two claims).
    """
    pairs = list(pairs)
    # Greedy group building with one claim per source per group.
    group_of = list(range(len(sources)))
    group_sources: dict[int, list[str]] = {i: [s] for i, s in enumerate(sources)}
    group_members: dict[int, list[int]] = {i: [i] for i in range(len(sources))}
    for p in sorted(pairs, key=lambda p: -p.similarity):
        ga, gb = group_of[p.a], group_of[p.b]
        if ga == gb:
            continue
        in_a, in_b = Counter(group_sources[ga]), Counter(group_sources[gb])
        # A source appears twice in a group only through a second-counterpart pair; other
        # merges may not add a claim of a source the group already has.
        if p.second:
            if any(in_a[x] + in_b[x] > max_per_source for x in in_b):
                continue
        elif any(in_a[x] and in_b[x] for x in in_b):
            continue
        if vectors is not None and (len(group_members[ga]) > 1 or len(group_members[gb]) > 1):
            block = vectors[group_members[ga]] @ vectors[group_members[gb]].T
            if float(block.min()) < member_threshold:
                continue
        if len(group_members[ga]) < len(group_members[gb]):
            ga, gb = gb, ga  # relabel the smaller group: merging stays near-linear
        for m in group_members[gb]:
            group_of[m] = ga
        group_members[ga].extend(group_members.pop(gb))
        group_sources[ga] += group_sources.pop(gb)
    paired = {p.a for p in pairs} | {p.b for p in pairs}
    groups = sorted(tuple(sorted(m)) for m in group_members.values() if len(m) > 1)
    unique = tuple(i for i in range(len(sources)) if i not in paired)
    return Alignment(pairs=tuple(pairs), groups=tuple(groups), unique=unique)
