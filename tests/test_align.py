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
