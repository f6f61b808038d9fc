"""Aligned claim pairs labelled by reading them: are the pairs the aligner makes the same fact?

    python benchmarks/aligned_pairs.py sample OUT.jsonl   # draw pairs to label (seed 13)

``OUT.jsonl`` holds the two claims' texts for the readers (a scratch file outside the
repository); the labels file keeps only where each claim is — source id and character offsets
into the seed file or into the ECB+ document as ``cluster._topic_inputs`` builds it — so no
shared text is copied into the repository.

How the labelled set ``benchmarks/data/aligned_pairs_labels.jsonl`` was made (2026-12-01): 30
aligned pairs (not ``agreement``) of the seeds report and 10 of each of the first three held-out
ECB+ topics (``cluster._topic_inputs``, both events of a topic in one input), drawn at random
from what ``claimcmp.compare`` of that day aligned; two readers (helper agents given only the
two claims and the guideline below, never the tool's verdict) labelled each pair independently.

Guideline: "same" — the two claims state the same fact (event, action, statement, figure,
state of affairs), however worded, even with a conflicting detail, or one contains the other's
fact plus more; "different" — same story or people, different facts.

``alignment_lines`` (in ``benchmarks/cluster.py``) re-runs ``compare`` on the same inputs and
reports, of the labelled pairs the current version still aligns, the share both readers call
the same fact.
"""

from __future__ import annotations

import glob
import json
import os
import random
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))
from _shared import ROOT, require_shared

LABELS_FILE = ROOT / "benchmarks" / "data" / "aligned_pairs_labels.jsonl"


def reports(embedder: Any) -> dict[str, Any]:
    """The reports the pairs were drawn from: the seeds, and three held-out ECB+ topics."""
    from cluster import _topic_inputs

    import claimcmp

    shared = require_shared()
    out = {
        "seeds": claimcmp.compare(
            sorted(glob.glob(str(shared / "seeds" / "*.txt"))), embedder=embedder
        )
    }
    inputs = _topic_inputs(shared)
    for t in sorted(inputs)[:3]:
        out[f"ecb-{t}"] = claimcmp.compare([a for a, _, _ in inputs[t]], embedder=embedder)
    return out


def sample(path: str) -> int:
    from claimcmp.embed import SentenceTransformerEmbedder

    rng = random.Random(13)
    rows = []
    for origin, report in reports(SentenceTransformerEmbedder()).items():
        pairs = [p for p in report.pairs if p.verdict != "agreement"]
        for p in rng.sample(pairs, min(30 if origin == "seeds" else 10, len(pairs))):
            ca, cb = report.claim(p.a), report.claim(p.b)
            rows.append(
                {
                    "origin": origin,
                    "a": {"source": ca.source, "start": ca.start, "end": ca.end},
                    "b": {"source": cb.source, "start": cb.start, "end": cb.end},
                    "claim_a": ca.text,
                    "claim_b": cb.text,
                }
            )
    rng.shuffle(rows)
    with open(path, "w", encoding="utf-8") as fh:
        for i, row in enumerate(rows):
            fh.write(json.dumps({"id": f"p{i:02d}", **row}, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {path}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "sample":
        raise SystemExit("usage: python benchmarks/aligned_pairs.py sample OUT.jsonl")
    raise SystemExit(sample(sys.argv[2]))
