"""Expectations about a report, in the format of ``../shared/gold/seeds.jsonl``.

A row with ``a``/``b`` names two quotes (substrings of two sources); the claims containing them
must be aligned, with a verdict among ``verdict`` and decisive divergences of every kind in
``kinds``. A row with ``unique`` names a quote whose claim must have no counterpart. Used by the
tests, the benchmarks and ``examples/harbor_bridge/expected.jsonl``; editors can keep such
files for their own story clusters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcmp.records import ClaimPair
    from claimcmp.report import Report

__all__ = ["check_expectation", "check_expectations", "expected_pair", "read_expectations"]


def read_expectations(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a JSON-lines expectations file."""
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def expected_pair(report: Report, row: dict[str, Any]) -> ClaimPair | None:
    """The aligned pair an ``a``/``b`` row is about, or None if its claims are not aligned."""
    ca = report.find_claim(row["a"]["source"], row["a"]["quote"])
    cb = report.find_claim(row["b"]["source"], row["b"]["quote"])
    return next((p for p in report.pairs if {p.a, p.b} == {ca.id, cb.id}), None)


def check_expectation(report: Report, row: dict[str, Any]) -> str | None:
    """Why ``row`` does not hold in ``report``, or None when it holds."""
    if "unique" in row:
        claim = report.find_claim(row["unique"]["source"], row["unique"]["quote"])
        if claim.id in report.unique:
            return None
        others = [(p.a, p.b, p.verdict) for p in report.pairs_with(claim.id)]
        return f"{row['id']}: {claim.id} is aligned: {others}"
    pair = expected_pair(report, row)
    if pair is None:
        return f"{row['id']}: the claims quoting {row['a']['quote']!r} and {row['b']['quote']!r} are not aligned"
    if pair.verdict not in row["verdict"]:
        return f"{row['id']}: verdict {pair.verdict}, expected {row['verdict']}"
    missing = set(row["kinds"]) - set(pair.decisive_kinds)
    if missing:
        return f"{row['id']}: kinds {list(pair.decisive_kinds)} lack {sorted(missing)}"
    return None


def check_expectations(report: Report, rows: list[dict[str, Any]]) -> list[str]:
    """Every row that does not hold, with the reason (empty when all hold)."""
    return [why for row in rows if (why := check_expectation(report, row)) is not None]
