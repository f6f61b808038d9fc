"""Syndication: sources that are near-verbatim copies of each other, in whole or in large part.

Wire copy republished by several outlets is one report, not several. Two sources are copies
when at least ``min_containment`` of the shorter one's word 5-grams (spelling keys, so
"criticise"/"criticize" and "U.S."/"US" do not hide a copy) also occur in the other. Copies are
grouped transitively. The original of a group is the earliest published one when all are dated,
otherwise the fullest text (most 5-grams; ties: the first given); the others are ``copy_of`` it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimcmp.text.normalize import spelling_keys

if TYPE_CHECKING:
    from claimcmp.ingest import Article

__all__ = ["DEFAULT_MIN_CONTAINMENT", "containment", "find_syndication"]

#: Share of the shorter article's 5-grams found in the other that makes two articles copies.
DEFAULT_MIN_CONTAINMENT = 0.5
_N = 5


def _shingles(article: Article) -> set[tuple[str, ...]]:
    keys = spelling_keys(article.body)
    return set(zip(*(keys[i:] for i in range(_N)), strict=False))  # shorter tails end it


def containment(a: Article, b: Article) -> float:
    """Share of the smaller article's word 5-grams that the other article also has."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def find_syndication(
    articles: Sequence[Article], *, min_containment: float = DEFAULT_MIN_CONTAINMENT
) -> tuple[dict[str, str], list[list[str]]]:
    """``(copy_of, groups)``: each copy's original source id, and the groups of copies."""
    shingles = [_shingles(a) for a in articles]
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Shared 5-grams are counted through an index of who has which 5-gram, so
    # the work grows with the overlap, not with the square of the cluster size.
    having: dict[tuple[str, ...], list[int]] = {}
    for j, sj in enumerate(shingles):
        shared: Counter[int] = Counter()
        for gram in sj:
            earlier = having.setdefault(gram, [])
            shared.update(earlier)
            earlier.append(j)
        for i, n in shared.items():
            if n / min(len(shingles[i]), len(sj)) >= min_containment:
                parent[find(j)] = find(i)
    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(find(i), []).append(i)
    copy_of: dict[str, str] = {}
    groups: list[list[str]] = []
    for idx in members.values():
        if len(idx) < 2:
            continue
        if all(articles[k].published for k in idx):
            original = min(idx, key=lambda k: (articles[k].published or dt.date.min, k))
        else:
            # Without dates for all of them, the fullest text is taken as the original:
            # republications trim wire copy more often than they extend it.
            original = min(idx, key=lambda k: (-len(shingles[k]), k))
        groups.append([articles[k].source for k in idx])
        for k in idx:
            if k != original:
                copy_of[articles[k].source] = articles[original].source
    return copy_of, groups
