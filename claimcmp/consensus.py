"""Consensus: the versions of one fact, and how many independent sources back each.

A group gathers the claims of different sources that report one fact. Where the comparator
found them to diverge, the group holds more than one *version* (a :class:`~claimcmp.records.Variant`)
of that fact: "comprehensive all-weather strategic partnership" in two outlets, "alliance" in a
third. Versions are built from the group's pairs: claims that agree or paraphrase each other are
one version, most similar first, and two versions are never joined while any pair between them
diverges. Each version counts its *independent* sources — near-verbatim copies of one report
(:mod:`claimcmp.syndication`) count once — so an agency story printed by two papers is one
voice, not two.

When one version has more independent sources than all the others together, the others are
*outliers* (a wire copy that changed its original's figure is one voice on each side, so
neither is). When the group's sources carry publication dates and one version alone holds the
most recent of them, that version is the *latest*: an editor reading a developing story wants to
know which telling is newest, not only which is commonest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from claimcmp.records import ClaimPair, Variant

__all__ = ["fact_variants"]


def fact_variants(
    claims: Sequence[str],
    pairs: Sequence[ClaimPair],
    *,
    source_of: Mapping[str, str],
    family_of: Mapping[str, str],
    published: Mapping[str, dt.date | None],
) -> tuple[Variant, ...]:
    """The versions of the fact told by the group ``claims`` (claim ids), given the pairs
    among them (``pairs``; others are ignored), each claim's source (``source_of``), each source's syndication family (the
    original it copies, or itself) and publication date.

    Versions come in the order of their first claim in ``claims``.
    """
    members = set(claims)
    inside = [p for p in pairs if p.a in members and p.b in members]
    version = {c: k for k, c in enumerate(claims)}  # claim -> version label (union-find roots)

    def root(c: str) -> str:
        while claims[version[c]] != c:
            c = claims[version[c]]
        return c

    diverging = {frozenset((p.a, p.b)) for p in inside if p.verdict == "divergence"}
    parts: dict[str, set[str]] = {c: {c} for c in claims}
    for p in sorted(
        (p for p in inside if p.verdict != "divergence"), key=lambda p: (-p.similarity, p.a, p.b)
    ):
        ra, rb = root(p.a), root(p.b)
        if ra == rb:
            continue
        if any(frozenset((x, y)) in diverging for x in parts[ra] for y in parts[rb]):
            continue  # the two versions disagree somewhere: they stay apart
        keep, gone = (ra, rb) if version[ra] < version[rb] else (rb, ra)
        version[gone] = version[keep]
        parts[keep] |= parts.pop(gone)
    groups = sorted(parts.values(), key=lambda part: min(version[c] for c in part))
    ordered = [sorted(part, key=claims.index) for part in groups]
    independent = [len({family_of[source_of[c]] for c in part}) for part in ordered]
    # A majority outweighs the other versions together. Versions are weighed by their own
    # independent sources: a copy that changed its original's figure (one family, two
    # versions) makes neither version an outlier.
    total = sum(independent)
    majority = next((k for k, n in enumerate(independent) if n > total - n), None)
    latest = _latest(ordered, source_of, published)
    return tuple(
        Variant(
            claims=tuple(part),
            sources=tuple(dict.fromkeys(source_of[c] for c in part)),
            independent=independent[k],
            latest=latest == k,
            outlier=majority is not None and k != majority,
        )
        for k, part in enumerate(ordered)
    )


def _latest(
    parts: Sequence[Sequence[str]],
    source_of: Mapping[str, str],
    published: Mapping[str, dt.date | None],
) -> int | None:
    """The index of the one version that holds the newest publication date, if there is one:
    at least two versions, dates on at least two different days, and no tie at the newest."""
    if len(parts) < 2:
        return None
    newest = [
        max((d for c in part if (d := published.get(source_of[c])) is not None), default=None)
        for part in parts
    ]
    known = [d for d in newest if d is not None]
    if len(set(known)) < 2:
        return None
    top = max(known)
    holders = [k for k, d in enumerate(newest) if d == top]
    return holders[0] if len(holders) == 1 else None
