"""Paths to ../shared data for benchmarks and calibration commands."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMCMP_SHARED", ROOT.parent / "shared"))


def require_shared() -> Path:
    if not SHARED.is_dir():
        raise SystemExit(f"error: shared data not found at {SHARED}; set CLAIMCMP_SHARED")
    return SHARED


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
