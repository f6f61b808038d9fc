from __future__ import annotations

import numpy as np
import pytest

from claimcmp.align import align_claims


def unit(rows: list[list[float]]) -> np.ndarray:
    v = np.asarray(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_greedy_keeps_the_strongest_match() -> None:
    # a0 is closest to b0 (0.95); a max-sum assignment would give b0 to a1.
    sources = ["A", "A", "B", "B"]
    vectors = unit([[1, 0, 0], [0.8, 0.6, 0], [0.95, 0.31, 0], [0.3, 0.95, 0.0]])
    al = align_claims(sources, vectors, threshold=0.5)
    pairs = {(p.a, p.b) for p in al.pairs}
    assert (0, 2) in pairs


def test_threshold_and_unique() -> None:
    sources = ["A", "B", "B"]
    vectors = unit([[1, 0], [1, 0.05], [0, 1]])
    al = align_claims(sources, vectors, threshold=0.6)
    assert [(p.a, p.b) for p in al.pairs] == [(0, 1)]
    assert al.unique == (2,)
    assert al.groups == ((0, 1),)


def test_one_to_one_per_source_pair() -> None:
    sources = ["A", "B", "B"]
    vectors = unit([[1, 0], [1, 0.01], [1, 0.02]])
    al = align_claims(sources, vectors, threshold=0.5)
    assert len(al.pairs) == 1
    assert al.unique == (2,)


def test_groups_hold_one_claim_per_source() -> None:
    # A0~B0, B0~C0, C0~A1: a chain must not put A0 and A1 in one group.
    sources = ["A", "A", "B", "C"]
    vectors = unit([[1, 0, 0], [0.6, 0.8, 0], [0.95, 0.3, 0], [0.8, 0.6, 0]])
    al = align_claims(sources, vectors, threshold=0.5)
    for group in al.groups:
        srcs = [sources[i] for i in group]
        assert len(srcs) == len(set(srcs))


@pytest.mark.parametrize("method", ["greedy", "assignment", "mutual-best"])
def test_methods_agree_on_clear_cases(method: str) -> None:
    sources = ["A", "A", "B", "B"]
    vectors = unit([[1, 0], [0, 1], [0.05, 1], [1, 0.05]])
    al = align_claims(sources, vectors, threshold=0.5, method=method)
    assert {(p.a, p.b) for p in al.pairs} == {(0, 3), (1, 2)}


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="'method' must be one of"):
        align_claims(["A"], unit([[1, 0]]), method="nope")
    with pytest.raises(ValueError, match="one row per claim"):
        align_claims(["A", "B"], unit([[1, 0]]))
    with pytest.raises(ValueError, match="'top_k' must be a positive int"):
        align_claims(["A", "B"], unit([[1, 0], [0, 1]]), top_k=0)


def _dense_greedy(
    sources: list[str], vectors: np.ndarray, threshold: float
) -> set[tuple[int, int]]:
    """Reference: best-first matching per source pair on each full similarity matrix."""
    chosen: set[tuple[int, int]] = set()
    names = list(dict.fromkeys(sources))
    for x, sa in enumerate(names):
        for sb in names[x + 1 :]:
            ia = [i for i, s in enumerate(sources) if s == sa]
            ib = [i for i, s in enumerate(sources) if s == sb]
            cands = sorted(
                ((float(vectors[i] @ vectors[j]), i, j) for i in ia for j in ib),
                key=lambda t: (-t[0], t[1], t[2]),
            )
            used: set[int] = set()
            for sim, i, j in cands:
                if sim >= threshold and i not in used and j not in used:
                    used |= {i, j}
                    chosen.add((i, j))
    return chosen


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_blocked_search_equals_the_dense_matching(seed: int) -> None:
    # Random clusters with shared "facts": small blocks and a top-k larger than
    # any claim's candidate count must give exactly the dense answer.
    rng = np.random.default_rng(seed)
    facts = rng.normal(size=(12, 16))
    sources, rows = [], []
    for s in range(7):
        for f in rng.choice(12, size=8, replace=False):
            sources.append(f"S{s}")
            rows.append(facts[f] + rng.normal(scale=0.5, size=16))
    vectors = unit(rows)
    al = align_claims(sources, vectors, threshold=0.6, top_k=len(sources))
    assert {(p.a, p.b) for p in al.pairs} == _dense_greedy(sources, vectors, 0.6)
    from claimcmp.align import candidate_pairs

    ids = np.array([int(s[1:]) for s in sources])
    full = candidate_pairs(ids, vectors, threshold=0.6, top_k=len(sources))
    blocked = candidate_pairs(ids, vectors, threshold=0.6, top_k=len(sources), block_size=5)
    assert np.array_equal(full[0], blocked[0]) and np.array_equal(full[1], blocked[1])
    np.testing.assert_allclose(full[2], blocked[2], rtol=1e-5)


def test_top_k_bounds_the_pairs_per_claim() -> None:
    # 40 sources all saying the same thing: each claim may pair with all 39
    # others, but the blocked search keeps only its top-k candidates.
    rng = np.random.default_rng(3)
    base = rng.normal(size=8)
    vectors = unit([base + rng.normal(scale=0.05, size=8) for _ in range(40)])
    sources = [f"S{i}" for i in range(40)]
    everything = align_claims(sources, vectors, threshold=0.5, top_k=100)
    bounded = align_claims(sources, vectors, threshold=0.5, top_k=5)
    assert len(everything.pairs) == 40 * 39 // 2
    assert len(bounded.pairs) <= 40 * 5
    degree = np.bincount([p.a for p in bounded.pairs] + [p.b for p in bounded.pairs], minlength=40)
    assert degree.min() >= 5  # each keeps its own top 5 (others may add to it)
    assert len(bounded.groups) == 1  # pairs still join every source into one group


def test_fixed_pairs_stay_and_excluded_pairs_free_their_claims() -> None:
    sources = ["A", "A", "B", "B"]
    # A0 is closest to B2, but (A0, B2) is excluded (two facts): A0 then takes B3, A1 nothing.
    vectors = unit([[1, 0, 0], [0, 0, 1], [0.99, 0.1, 0], [0.9, 0.4, 0]])
    first = align_claims(sources, vectors, threshold=0.5)
    assert [(p.a, p.b) for p in first.pairs] == [(0, 2)]
    again = align_claims(sources, vectors, threshold=0.5, excluded=frozenset({(0, 2)}))
    assert [(p.a, p.b) for p in again.pairs] == [(0, 3)]
    kept = align_claims(sources, vectors, threshold=0.5, fixed=first.pairs)
    assert [(p.a, p.b) for p in kept.pairs] == [(0, 2)]
    with pytest.raises(ValueError, match="need method='fact' or 'greedy'"):
        align_claims(sources, vectors, method="assignment", excluded=frozenset({(0, 2)}))


def test_a_second_counterpart_only_when_asked_and_nearly_as_close() -> None:
    sources = ["A", "B", "B", "B"]
    # B tells A0's fact over two claims (B1, B2); B3 is further away.
    vectors = unit([[1, 0, 0], [0.98, 0.2, 0], [0.97, 0, 0.24], [0.8, 0.6, 0]])
    assert [(p.a, p.b) for p in align_claims(sources, vectors, threshold=0.5).pairs] == [(0, 1)]
    al = align_claims(sources, vectors, threshold=0.5, second_counterparts=True)
    assert [(p.a, p.b, p.second) for p in al.pairs] == [(0, 1, False), (0, 2, True)]
    assert al.groups == ((0, 1, 2),)  # two claims of B in one group: one fact told twice


def test_a_second_counterpart_must_tell_another_part_of_the_claim() -> None:
    from claimcmp.align import completes
    from claimcmp.text.overlap import WordWeights

    texts = [
        # 0: one outlet's sentence; 1 and 2 tell its two parts; 3 repeats the part 1 tells.
        "Duncan Rait, 36, died on Mount Cook after falling about 150 metres into a crevasse.",
        "Duncan Rait died on Mount Cook on Sunday.",
        "The 36-year-old fell about 150 metres into a crevasse.",
        "Rait was killed on Mount Cook, police said.",
        # Other sentences of the story, so the story's words weigh less than the specifics.
        "Police said the climbers were roped together on Mount Cook.",
        "A rescue helicopter flew to Mount Cook on Sunday.",
    ]
    weights = WordWeights(texts)
    assert completes(weights, 0, 1, 2)
    assert completes(weights, 0, 2, 1)
    assert not completes(weights, 0, 1, 3)  # the same part again: two facts, or one told twice
    assert not completes(weights, 1, 0, 2)  # the claim must hold both parts


def test_a_group_never_chains_claims_that_do_not_relate() -> None:
    sources = ["A", "B", "C"]
    # A0 ~ B1 and B1 ~ C2, but A0 and C2 are far apart: two facts bridged by one claim.
    vectors = unit([[1, 0, 0], [0.8, 0.6, 0], [0.2, 0.98, 0]])
    al = align_claims(sources, vectors, threshold=0.6)
    assert {(p.a, p.b) for p in al.pairs} == {(0, 1), (1, 2)}
    assert len(al.groups) == 1 and set(al.groups[0]) in ({0, 1}, {1, 2})
    # Without vectors (pairs alone), the chain is what the pairs say.
    from claimcmp.align import group_pairs

    assert group_pairs(sources, al.pairs).groups == ((0, 1, 2),)


def test_fact_alignment_prefers_the_counterpart_that_shares_the_fact_s_rare_words() -> None:
    # Claim 0 is closer in cosine to claim 2 (a summary of the story) than to claim 3 (the
    # same fall, worded apart): cosine alone pairs 0 with 2; the fact-aware aligner with 3,
    # because the words 0 and 2 share are the story's (source C says them too).
    texts = [
        "A 36-year-old Australian climber is dead after falling about 150 metres at Mount Cook.",
        "Rangers closed the park's upper huts on Sunday.",
        "One Australian climber and one English climber have died at Mount Cook.",
        "On Friday, 36-year-old Duncan Rait died after slipping and falling 150 metres.",
        "The Australian climber was found at Mount Cook by rangers.",
        "Mount Cook is popular with Australian climbers.",
        "An English climber also died at Mount Cook.",
        "Police named the Australian climber killed at Mount Cook.",
        "Mount Cook claims an Australian climber.",
        "Climbers at Mount Cook mourned the Australian.",
        "The Australian embassy spoke of the climber at Mount Cook.",
        "Weather at Mount Cook was clear when the climber fell.",
    ]
    sources = ["A", "A", "B", "B", *["C"] * 8]
    rows = [[1.0, 0, 0, 0], [0, 1.0, 0, 0], [0.62, 0, 0.78, 0], [0.52, 0, 0, 0.85]]
    rows += [[0, 0, 0, 0, *(1.0 if k == n else 0.0 for k in range(8))] for n in range(8)]
    v = unit([r + [0.0] * (12 - len(r)) for r in rows])
    greedy = align_claims(sources, v, threshold=0.4)
    assert [(p.a, p.b) for p in greedy.pairs] == [(0, 2)]
    fact = align_claims(sources, v, threshold=0.4, method="fact", texts=texts)
    assert [(p.a, p.b) for p in fact.pairs] == [(0, 3)]
    assert fact.pairs[0].similarity == pytest.approx(float(v[0] @ v[3]), abs=1e-6)  # the cosine
    # Below the cosine floor nothing is scored at all.
    assert align_claims(sources, v, threshold=0.7, method="fact", texts=texts).pairs == ()
    with pytest.raises(ValueError, match="method='fact' needs 'texts', one per claim"):
        align_claims(sources, v, method="fact")
