"""Train the verdict model from ``../shared/data`` and write ``claimcmp/data/verdict_model.json``.

    python -m claimcmp.training [--shared ../shared] [--out claimcmp/data/verdict_model.json]

Training pairs (all from the shared dev data, nothing else):

* SummEdits (earnings-call summaries): ``paraphrase`` / ``divergence`` as labelled;
* STS-B dev, even rows: score ≥ 4 → ``paraphrase``, score ≤ 1.5 → ``unrelated``;
* ECB+ hard negatives (same topic, different event), even rows → ``unrelated``;
* the perturbation suite (:mod:`claimcmp.perturb`) over ECB+ sentences of the *training*
  topics: planted edits → ``divergence``, cosmetic rewrites → ``paraphrase``;
* the same edits planted into one side of STS-B paraphrase pairs (score ≥ 3.8), so that
  divergences also come with differently worded sentences.

Pairs whose wording is the same (agreement by rule) are left out. The features are
:data:`claimcmp.verdict.FEATURE_NAMES`; the model is a class-balanced multinomial logistic
regression on standardised features (scikit-learn, deterministic). Odd STS-B and ECB+ rows,
the *test* ECB+ topics, and cross-validation folds over SummEdits documents are kept for
``benchmarks/run.py``. The same command with the same data writes the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from claimcmp.comparator import Comparator, same_wording
from claimcmp.detectors.diff import token_diff
from claimcmp.perturb import Perturbation, perturb
from claimcmp.protocols import ClaimText, Embedder
from claimcmp.verdict import CLASSES, FEATURE_NAMES, VerdictModel, features

__all__ = ["LabelledPair", "build_pairs", "featurize", "fit", "main", "perturbation_suite"]


@attrs.frozen
class LabelledPair:
    a: str
    b: str
    label: str  # one of CLASSES
    dataset: str  # "summedits", "stsb", "ecb-negative", "perturbation"
    split: str  # "train" or "test"
    group: str = ""  # SummEdits document / ECB+ topic, for grouped evaluation
    kind: str = ""  # perturbation kind, SummEdits edit types joined by "+"
    cosmetic: bool = False


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def perturbation_suite(shared: Path, *, seed: int = 0, per_topic: int = 60) -> list[tuple[Perturbation, int]]:
    """Planted and cosmetic edits over ECB+ sentences, with each sentence's topic."""
    rng = random.Random(seed)
    by_topic: dict[int, list[str]] = {}
    for doc in _jsonl(shared / "data/ecbplus/docs.jsonl"):
        for s in doc["sentences"]:
            if 8 <= len(s["text"].split()) <= 60:
                by_topic.setdefault(int(doc["topic"]), []).append(s["text"])
    out: list[tuple[Perturbation, int]] = []
    for topic in sorted(by_topic):
        sentences = by_topic[topic]
        rng.shuffle(sentences)
        for s in sentences[:per_topic]:
            out.extend((p, topic) for p in perturb(s, rng))
    return out


def _is_train_topic(topic: int) -> bool:
    return (topic // 2) % 2 == 0


def build_pairs(shared: Path, *, keep_same_wording: bool = False) -> list[LabelledPair]:
    """Every labelled pair the model is trained or evaluated on.

    Pairs with the same wording are agreement by rule and are left out for training;
    ``keep_same_wording`` keeps them (benchmarks count them as correctly not flagged).
    """
    pairs: list[LabelledPair] = []
    for se in _jsonl(shared / "data/summedits/summedits_ectsum_pairs.jsonl"):
        pairs.append(
            LabelledPair(
                se["text_a"], se["text_b"], se["label"], "summedits", "train",
                group=se["id"].rsplit("_", 1)[0], kind="+".join(se["edit_types"]),
            )
        )
    with (shared / "data/stsb/sts-dev.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 7]
    rng = random.Random(1)
    for i, r in enumerate(rows):
        score = float(r[4])
        label = "paraphrase" if score >= 4 else "unrelated" if score <= 1.5 else ""
        split = "train" if i % 2 == 0 else "test"
        if label:
            pairs.append(LabelledPair(r[5], r[6], label, "stsb", split, kind=f"{score:.1f}"))
        if score >= 3.8:
            # Edits planted into one side of a paraphrase: divergences whose wording differs
            # anyway, so the model cannot learn "close wording means divergence".
            for p in perturb(r[6], rng):
                if p.kind == "unit_equivalent":
                    continue
                pairs.append(
                    LabelledPair(
                        r[5] if not p.kind.startswith("unit") else p.a.replace(r[6].rstrip("."), r[5].rstrip(".")),
                        p.b, "paraphrase" if p.cosmetic else "divergence", "stsb-perturbed", split,
                        kind=p.kind, cosmetic=p.cosmetic,
                    )
                )
    for i, neg in enumerate(_jsonl(shared / "data/ecbplus/hard_negative_pairs.jsonl")):
        pairs.append(
            LabelledPair(neg["text_a"], neg["text_b"], "unrelated", "ecb-negative", "train" if i % 2 == 0 else "test")
        )
    for p, topic in perturbation_suite(shared):
        pairs.append(
            LabelledPair(
                p.a, p.b, "paraphrase" if p.cosmetic else "divergence", "perturbation",
                "train" if _is_train_topic(topic) else "test", group=str(topic), kind=p.kind, cosmetic=p.cosmetic,
            )
        )
    if keep_same_wording:
        return pairs
    return [p for p in pairs if not same_wording(p.a, p.b)]


def featurize(
    pairs: Sequence[LabelledPair], embedder: Embedder, comparator: Comparator, *, with_findings: bool = False
) -> Any:
    """Feature matrix and cosine similarities of ``pairs`` (one batched encode); with
    ``with_findings``, also each pair's detector findings, so callers need not run them again."""
    texts = list(dict.fromkeys(t for p in pairs for t in (p.a, p.b)))
    row = {t: i for i, t in enumerate(texts)}
    vectors = embedder.encode(texts)
    sims = np.array([float(vectors[row[p.a]] @ vectors[row[p.b]]) for p in pairs])
    findings = [comparator.findings(ClaimText(p.a), ClaimText(p.b)) for p in pairs]
    x = np.stack(
        [features(s, token_diff(p.a, p.b), f) for p, s, f in zip(pairs, sims, findings, strict=True)]
    )
    return (x, sims, findings) if with_findings else (x, sims)


def fit(x: np.ndarray, labels: Sequence[str], *, meta: dict[str, Any] | None = None) -> VerdictModel:
    """A class-balanced multinomial logistic regression on standardised features."""
    from sklearn.linear_model import LogisticRegression

    y = np.array([CLASSES.index(label) for label in labels])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=20000, tol=1e-10)
    clf.fit((x - mean) / scale, y)
    present = [CLASSES[i] for i in clf.classes_]
    coef = np.zeros((len(CLASSES), x.shape[1]))
    intercept = np.full(len(CLASSES), -30.0)  # a class absent from training is never predicted
    for k, cls in enumerate(present):
        i = CLASSES.index(cls)
        coef[i] = clf.coef_[k] if len(present) > 2 else (clf.coef_[0] if k == 1 else -clf.coef_[0]) / 2
        intercept[i] = clf.intercept_[k] if len(present) > 2 else (clf.intercept_[0] if k == 1 else -clf.intercept_[0]) / 2
    return VerdictModel(FEATURE_NAMES, CLASSES, mean, scale, coef, intercept, dict(meta or {}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimcmp.training", description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "data" / "verdict_model.json"))
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        print(f"error: shared data not found at {shared}; pass --shared", file=sys.stderr)
        return 2
    from claimcmp.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    comparator = Comparator(model=False)
    pairs = [p for p in build_pairs(shared) if p.split == "train"]
    x, _ = featurize(pairs, embedder, comparator)
    counts: dict[str, dict[str, int]] = {}
    for p in pairs:
        counts.setdefault(p.dataset, {}).setdefault(p.label, 0)
        counts[p.dataset][p.label] += 1
    model = fit(
        x,
        [p.label for p in pairs],
        meta={
            "trained_on": counts,
            "embedding_model": embedder.name,
            "command": "python -m claimcmp.training",
        },
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"trained on {len(pairs)} pairs {counts}; wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
