"""Shared fixtures: the ../shared folder, and one real embedding model per session."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMCMP_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "harbor_bridge"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; skips without it, fails if CLAIMCMP_REQUIRE_SHARED=1."""
    if not (SHARED / "seeds").is_dir():
        if os.environ.get("CLAIMCMP_REQUIRE_SHARED") == "1":
            pytest.fail(f"CLAIMCMP_REQUIRE_SHARED=1 but shared data is missing at {SHARED}")
        pytest.skip(f"shared data not found at {SHARED} (set CLAIMCMP_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def embedder() -> Any:
    """The real default embedder, loaded once per session (marks nothing: use @slow)."""
    from claimcmp.embed import SentenceTransformerEmbedder

    e = SentenceTransformerEmbedder()
    e.load()
    return e


@pytest.fixture(scope="session")
def hashing() -> Any:
    from claimcmp.embed import HashingEmbedder

    return HashingEmbedder()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_expectations(report: Any, rows: list[dict[str, Any]]) -> list[str]:
    """Rows of the gold format that do not hold in ``report`` (empty when all hold)."""
    failures: list[str] = []
    for row in rows:
        if "unique" in row:
            u = row["unique"]
            claim = report.find_claim(u["source"], u["quote"])
            if claim.id not in report.unique:
                others = [(p.a, p.b, p.verdict) for p in report.pairs_with(claim.id)]
                failures.append(f"{row['id']}: {claim.id} is aligned: {others}")
            continue
        ca = report.find_claim(row["a"]["source"], row["a"]["quote"])
        cb = report.find_claim(row["b"]["source"], row["b"]["quote"])
        pairs = [p for p in report.pairs if {p.a, p.b} == {ca.id, cb.id}]
        if not pairs:
            failures.append(f"{row['id']}: {ca.id} and {cb.id} are not aligned")
            continue
        pair = pairs[0]
        if pair.verdict not in row["verdict"]:
            failures.append(f"{row['id']}: verdict {pair.verdict}, expected {row['verdict']}")
        decisive = {d.kind for d in pair.divergences if d.severity != "low"}
        missing = set(row["kinds"]) - decisive
        if missing:
            failures.append(f"{row['id']}: kinds {sorted(decisive)} lack {sorted(missing)}")
    return failures
