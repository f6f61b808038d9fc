"""Atomic claims against PropSegmEnt dev gold propositions.

    python benchmarks/propsegment.py

For each of the 387 sentences, the claims an extractor makes are matched one-to-one with the
reference propositions (Hungarian assignment on token-overlap F1 of lower-cased word tokens);
precision = summed F1 of matches / claims, recall = summed F1 / references. Prints the figures
for one-claim-per-sentence and for the atomic extractor; benchmarks/run.py reports them too.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from _shared import read_jsonl, require_shared

from claimcmp.claims import AtomicClaimExtractor, SentenceClaimExtractor
from claimcmp.ingest import Article
from claimcmp.protocols import ClaimExtractor


def _toks(text: str) -> list[str]:
    return [t.lower() for t in re.findall(r"[^\W_]+", text)]


def _f1(a: list[str], b: list[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def evaluate(
    extractor: ClaimExtractor, rows: list[dict[str, object]]
) -> tuple[float, float, float, float]:
    from scipy.optimize import linear_sum_assignment

    matched_p = matched_r = 0.0
    n_pred = n_ref = 0
    for row in rows:
        sentence = str(row["sentence"])
        article = Article(sentence + "\n", source="s", blocks=())
        claims = extractor.claims(article, [(0, len(sentence))])
        pred = [_toks(" ".join(article.text[s:e] for s, e in c.spans)) for c in claims] or [
            _toks(sentence)
        ]
        refs = [_toks(str(p)) for p in row["reference_propositions"]]  # type: ignore[attr-defined]
        m = np.array([[_f1(p, r) for r in refs] for p in pred])
        i, j = linear_sum_assignment(-m)
        total = float(m[i, j].sum())
        matched_p += total
        matched_r += total
        n_pred += len(pred)
        n_ref += len(refs)
    precision, recall = matched_p / n_pred, matched_r / n_ref
    return precision, recall, 2 * precision * recall / (precision + recall), n_pred / len(rows)


def main() -> int:
    shared = require_shared()
    rows = [
        r
        for r in read_jsonl(shared / "data/propsegment/propositions_text.dev.jsonl")
        if r.get("reference_propositions")
    ]
    refs = sum(len(r["reference_propositions"]) for r in rows) / len(rows)
    print(f"{len(rows)} sentences, {refs:.2f} reference propositions per sentence")
    for name, ex in (
        ("sentence", SentenceClaimExtractor(min_words=1)),
        ("atomic", AtomicClaimExtractor()),
        ("atomic+multi", AtomicClaimExtractor(multi_span=True)),
    ):
        p, r, f, n = evaluate(ex, rows)
        print(f"{name:9s} precision {p:.3f} recall {r:.3f} F1 {f:.3f} claims/sentence {n:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
