"""Train the same-fact, verdict, story and alignment models from ``../shared/data`` and write
``claimcmp/data/fact_model.json``, ``claimcmp/data/verdict_model.json``,
``claimcmp/data/story_model.json`` and ``claimcmp/data/align_model.json``.

    python -m tools.training [--shared ../shared] [--out claimcmp/data]

Training pairs (all from the shared dev data, nothing else; ECB+ pairs only from the training
topics, odd topics ``t`` with ``(t // 2) % 2 == 0``; STS-B even rows only):

* SummEdits, all seven shared domains: ``paraphrase`` / ``divergence`` as labelled;
* STS-B dev: score ≥ 4 → ``paraphrase``, score ≤ 1.5 → ``unrelated``;
* ECB+ same-event sentence pairs (up to 150 per topic) → the same fact; ECB+ hard negatives
  (same topic, another event) and sentences of one story sharing words but no event →
  ``unrelated``;
* the perturbation suite (:mod:`tools.perturb`) over ECB+ sentences: planted edits →
  ``divergence``, cosmetic rewrites → ``paraphrase``; and the same edits planted into one side
  of STS-B paraphrase pairs (score ≥ 3.8), so that divergences also come with differently
  worded sentences.

The same-fact model learns *same fact* (every label but ``unrelated``) against ``unrelated``;
the verdict model learns ``divergence`` against ``paraphrase``. Both are class-balanced logistic
regressions on standardised features (scikit-learn, deterministic): the same command with the
same data writes the same files. Pairs whose wording is the same (agreement by rule) are left
out.

The story model (:mod:`claimcmp.stories`) learns, for every two ECB+ documents of one
training topic, whether they report the same event (same sub-topic) or another event of that
topic; each document's sentences (as ECB+ splits them) stand for its claims. Its threshold
maximises the pairwise F1 of story separation over the training topics, each given as one
mixed input of both events' documents. ``benchmarks/run.py`` trains the same way with one
SummEdits domain left out at a time.

The alignment model (:class:`claimcmp.verdict.AlignmentModel`) learns, from the hand-labelled
ECB+ pairs of the training topics, whether two sentences report the same fact (conflict or
compatible) or not (different), from their cosine and the rare words they share; its threshold
lets through as many of the readers' different pairs as cosine alone at 0.6 does.
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

from claimcmp.comparator import Comparator
from claimcmp.protocols import ClaimText, Embedder
from claimcmp.records import is_one_fact
from claimcmp.text.diff import token_diff
from claimcmp.text.normalize import same_wording
from claimcmp.verdict import (
    AlignmentModel,
    LogisticModel,
    SameFactModel,
    VerdictModel,
    align_features,
    fact_features,
    features,
)
from tools.perturb import Perturbation, detokenize, perturb

__all__ = ["LabelledPair", "build_pairs", "featurize", "fit", "main", "perturbation_suite"]


@attrs.frozen
class LabelledPair:
    a: str
    b: str
    label: str  # "paraphrase", "divergence", "unrelated", or "same" (same fact, no verdict label)
    dataset: str  # "summedits", "stsb", "ecb-negative", "perturbation"
    split: str  # "train" or "test"
    group: str = ""  # SummEdits document / ECB+ topic, for grouped evaluation
    kind: str = (
        ""  # perturbation kind, SummEdits edit types joined by "+", labelling round ("round4")
    )
    cosmetic: bool = False


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def perturbation_suite(
    shared: Path, *, seed: int = 0, per_topic: int = 60
) -> list[tuple[Perturbation, int]]:
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
    """ECB+ topics models train on; the others (``benchmarks/ecb_pairs.EVALUATION_TOPICS``)
    are kept for evaluation, including the hand-labelled pairs."""
    return (topic // 2) % 2 == 0


SUMMEDITS_FILES = ("summedits_ectsum_pairs.jsonl", "summedits_other_domains_pairs.jsonl")


def summedits_pairs(shared: Path) -> list[LabelledPair]:
    """SummEdits pairs of every shared domain (``group`` = domain, ``kind`` = edit types)."""
    out: list[LabelledPair] = []
    for name in SUMMEDITS_FILES:
        for se in _jsonl(shared / "data/summedits" / name):
            out.append(
                LabelledPair(
                    se["text_a"],
                    se["text_b"],
                    se["label"],
                    "summedits",
                    "train",
                    group=se.get("domain", "ectsum"),
                    kind="+".join(se["edit_types"]),
                )
            )
    return out


def ecb_story_negatives(shared: Path, *, per_topic: int = 150, seed: int = 5) -> list[LabelledPair]:
    """Pairs of sentences of one ECB+ story (sub-topic) that share words but no annotated
    event: the loose pairs an aligner is tempted by, labelled ``unrelated``."""
    rng = random.Random(seed)
    docs = list(_jsonl(shared / "data/ecbplus/docs.jsonl"))
    aligned = {
        (p["doc_a"], p["sent_a"], p["doc_b"], p["sent_b"])
        for p in _jsonl(shared / "data/ecbplus/aligned_sentence_pairs.jsonl")
    }
    by_story: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        by_story.setdefault(d["subtopic"], []).append(d)
    out: list[LabelledPair] = []
    for story in sorted(by_story):
        group = sorted(by_story[story], key=lambda d: d["doc_id"])
        topic = int(group[0]["topic"])
        candidates = []
        for i, da in enumerate(group):
            for db in group[i + 1 :]:
                for sa in da["sentences"]:
                    for sb in db["sentences"]:
                        key = (da["doc_id"], sa["idx"], db["doc_id"], sb["idx"])
                        rev = (db["doc_id"], sb["idx"], da["doc_id"], sa["idx"])
                        if key in aligned or rev in aligned:
                            continue
                        wa = {w.lower() for w in sa["text"].split() if len(w) > 3}
                        wb = {w.lower() for w in sb["text"].split() if len(w) > 3}
                        if len(wa & wb) >= 2:
                            candidates.append((sa["text"], sb["text"]))
        rng.shuffle(candidates)
        for ta, tb in candidates[: per_topic // 2]:
            out.append(
                LabelledPair(
                    detokenize(ta),
                    detokenize(tb),
                    "unrelated",
                    "ecb-story",
                    "train" if _is_train_topic(topic) else "test",
                    group=str(topic),
                )
            )
    return out


#: The hand-labelled real cross-source pairs (``benchmarks/ecb_pairs.py``), beside the package in
#: a source checkout.
LABELS_FILE = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "ecb_pairs_labels.jsonl"
_ECB_LABELS = {"conflict": "divergence", "compatible": "paraphrase", "different": "unrelated"}


def labelled_ecb_pairs(shared: Path, labels: Path = LABELS_FILE) -> list[LabelledPair]:
    """The hand-labelled ECB+ pairs both readers agreed on: ``conflict`` → divergence,
    ``compatible`` → paraphrase, ``different`` → unrelated. Only those of the training topics
    are ``train``; the others are the evaluation rounds (``benchmarks/ecb_pairs.py``)."""
    if not labels.is_file():
        return []
    docs: dict[str, dict[int, str]] = {}
    for doc in _jsonl(shared / "data/ecbplus/docs.jsonl"):
        docs[doc["doc_id"]] = {s["idx"]: s["text"] for s in doc["sentences"]}
    out: list[LabelledPair] = []
    for row in _jsonl(labels):
        if not row.get("label"):
            continue
        topic = int(row["topic"])
        out.append(
            LabelledPair(
                detokenize(docs[row["doc_a"]][row["sent_a"]]),
                detokenize(docs[row["doc_b"]][row["sent_b"]]),
                _ECB_LABELS[row["label"]],
                "ecb-labelled",
                "train" if _is_train_topic(topic) else "test",
                group=str(topic),
                kind=f"round{row['round']}",
            )
        )
    return out


#: How much one hand-labelled real pair weighs in the same-fact model against one pair of the
#: other sources: they are few, and they are the only pairs labelled "not the same fact" by
#: reading them. The verdict model does not learn from them (weight 0): one linear model fitted
#: to both them and the edited pairs loses recall on the real pairs without gaining on SummEdits
#: (``benchmarks/quality.py`` measures this, "Training on the real pairs").
REAL_PAIR_WEIGHT = {"fact": 5.0, "verdict": 0.0}


def sample_weights(pairs: Sequence[LabelledPair], model: str) -> np.ndarray:
    """Per-pair training weights for the ``"fact"`` or ``"verdict"`` model."""
    real = REAL_PAIR_WEIGHT[model]
    return np.array([real if p.dataset == "ecb-labelled" else 1.0 for p in pairs])


def build_pairs(shared: Path, *, keep_same_wording: bool = False) -> list[LabelledPair]:
    """Every labelled pair the models are trained or evaluated on.

    Pairs with the same wording are agreement by rule and are left out for training;
    ``keep_same_wording`` keeps them (benchmarks count them as correctly not flagged).
    """
    pairs: list[LabelledPair] = summedits_pairs(shared)
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
                if p.kind == "entity":
                    # A random name planted into a paraphrase ("the Free Software Osaka")
                    # teaches that any other name between reworded claims is a conflict,
                    # which real reports rarely show (docs/detectors.md, `entity`). Names
                    # planted into copies (the perturbation suite) stay.
                    continue
                pairs.append(
                    LabelledPair(
                        # A plant that appends a clause to both sides (a unit, a time)
                        # appends it to the paraphrase too.
                        r[5]
                        if p.a == detokenize(r[6])
                        else p.a.replace(r[6].rstrip("."), r[5].rstrip(".")),
                        p.b,
                        "paraphrase" if p.cosmetic else "divergence",
                        "stsb-perturbed",
                        split,
                        kind=p.kind,
                        cosmetic=p.cosmetic,
                    )
                )
    for neg in _jsonl(shared / "data/ecbplus/hard_negative_pairs.jsonl"):
        split = "train" if _is_train_topic(int(neg["topic"])) else "test"
        pairs.append(
            LabelledPair(
                detokenize(neg["text_a"]),
                detokenize(neg["text_b"]),
                "unrelated",
                "ecb-negative",
                split,
                group=str(neg["topic"]),
            )
        )
    same_rng = random.Random(3)
    aligned = list(_jsonl(shared / "data/ecbplus/aligned_sentence_pairs.jsonl"))
    same_rng.shuffle(aligned)
    per_topic: dict[int, int] = {}
    for row in aligned:
        topic = int(row["cluster_id"].split("_")[0])
        if per_topic.get(topic, 0) >= 150:
            continue
        per_topic[topic] = per_topic.get(topic, 0) + 1
        pairs.append(
            LabelledPair(
                detokenize(row["text_a"]),
                detokenize(row["text_b"]),
                "same",
                "ecb-same-event",
                "train" if _is_train_topic(topic) else "test",
                group=str(topic),
            )
        )
    pairs.extend(ecb_story_negatives(shared))
    pairs.extend(labelled_ecb_pairs(shared))
    for p, topic in perturbation_suite(shared):
        pairs.append(
            LabelledPair(
                p.a,
                p.b,
                "paraphrase" if p.cosmetic else "divergence",
                "perturbation",
                "train" if _is_train_topic(topic) else "test",
                group=str(topic),
                kind=p.kind,
                cosmetic=p.cosmetic,
            )
        )
    if keep_same_wording:
        return pairs
    return [p for p in pairs if not same_wording(p.a, p.b)]


def featurize(pairs: Sequence[LabelledPair], embedder: Embedder, comparator: Comparator) -> Any:
    """Per pair: cosine similarity, same-fact features, verdict features and detector findings
    (one batched encode; findings as the detectors give them, before any model)."""
    texts = list(dict.fromkeys(t for p in pairs for t in (p.a, p.b)))
    row = {t: i for i, t in enumerate(texts)}
    vectors = embedder.encode(texts)
    sims = np.array([round(float(vectors[row[p.a]] @ vectors[row[p.b]]), 6) for p in pairs])
    findings = [comparator.findings(ClaimText(p.a), ClaimText(p.b)) for p in pairs]
    fx = np.stack(
        [fact_features(s, token_diff(p.a, p.b)) for p, s in zip(pairs, sims, strict=True)]
    )
    vx = np.stack(
        [
            features(s, token_diff(p.a, p.b), f)
            for p, s, f in zip(pairs, sims, findings, strict=True)
        ]
    )
    return sims, fx, vx, findings


def fit(
    x: np.ndarray,
    y: Sequence[bool],
    cls: type[LogisticModel],
    *,
    meta: dict[str, Any] | None = None,
    weight: np.ndarray | None = None,
) -> Any:
    """A class-balanced logistic regression on standardised features (deterministic)."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=20000, tol=1e-10)
    clf.fit((x - mean) / scale, np.asarray(y, dtype=bool), sample_weight=weight)
    return cls(
        cls.FEATURES, mean, scale, clf.coef_[0].copy(), float(clf.intercept_[0]), dict(meta or {})
    )


#: The least cosine similarity at which the alignment model scores a pair at all. Chosen by hand
#: to keep the pairs scored and compared few (the blocked search keeps every candidate above it);
#: what it costs in the readers' same-fact pairs is in docs/calibration.md.
ALIGN_MIN_SIMILARITY = 0.4


#: The labelling rounds of the training topics the alignment model learns from: those it was
#: built and its threshold calibrated with (#13). Round 6 is mostly pairs the comparator of
#: 2026-12-07 called divergence among sentences of one story that share two content words,
#: chosen for their values, not the pairs the aligner meets; with it the model learnt that a
#: higher cosine makes one fact less likely (weight -0.2), and without both flagged strata
#: (rounds 4 and 6) its threshold moved from 0.49 to 0.58. The same-fact model does learn
#: from round 6.
ALIGNMENT_ROUNDS = frozenset({3, 4})


def alignment_rows(
    shared: Path, embedder: Embedder, labels: Path = LABELS_FILE, *, train: bool = True
) -> Any:
    """Features (:data:`claimcmp.verdict.ALIGN_FEATURE_NAMES`) and labels (the same fact or
    not) of the hand-labelled ECB+ pairs of the training topics (``train=False``: of the
    others, which only benchmarks read).

    The rare-word weights of a pair are those of the sentences of its documents' events — what
    the story the pipeline aligns within holds (both events for a pair across two)."""
    from claimcmp.text.overlap import WordWeights

    docs = {d["doc_id"]: d for d in _jsonl(shared / "data/ecbplus/docs.jsonl")}
    by_event: dict[str, list[str]] = {}
    for d in docs.values():
        by_event.setdefault(d["subtopic"], []).append(d["doc_id"])
    rows = [
        r
        for r in _jsonl(labels)
        if r.get("label")
        and _is_train_topic(int(r["topic"])) == train
        and (not train or r["round"] in ALIGNMENT_ROUNDS)
    ]
    weights: dict[tuple[str, ...], tuple[WordWeights, list[str], dict[tuple[str, int], int]]] = {}
    a_texts, b_texts, shared_w = [], [], []
    for r in rows:
        events = tuple(sorted({docs[r["doc_a"]]["subtopic"], docs[r["doc_b"]]["subtopic"]}))
        if events not in weights:
            index: dict[tuple[str, int], int] = {}
            texts: list[str] = []
            for ev in events:
                for doc_id in by_event[ev]:
                    for s_ in docs[doc_id]["sentences"]:
                        index[doc_id, s_["idx"]] = len(texts)
                        texts.append(detokenize(s_["text"]))
            weights[events] = (WordWeights(texts), texts, index)
        ww, texts, index = weights[events]
        i, j = index[r["doc_a"], r["sent_a"]], index[r["doc_b"], r["sent_b"]]
        a_texts.append(texts[i])
        b_texts.append(texts[j])
        shared_w.append(ww.shared(i, j))
    va, vb = embedder.encode(a_texts), embedder.encode(b_texts)
    x = align_features(np.asarray((va * vb).sum(axis=1)), np.array(shared_w))
    y = np.array([r["label"] != "different" for r in rows])
    return x, y


def train_alignment_model(x: np.ndarray, y: np.ndarray, meta: dict[str, Any]) -> Any:
    """The alignment model and its threshold: the probability above which, among the pairs at
    or above :data:`ALIGN_MIN_SIMILARITY`, the same share of the readers' *different* pairs
    passes as passes cosine similarity at the default alignment threshold."""
    from claimcmp.options import DEFAULT_ALIGN_THRESHOLD

    model = fit(x, list(y), AlignmentModel, meta={**meta, "min_similarity": ALIGN_MIN_SIMILARITY})
    different = x[~y]
    let_through = float((different[:, 0] >= DEFAULT_ALIGN_THRESHOLD).mean())
    probs = np.sort(model.probabilities(different[different[:, 0] >= ALIGN_MIN_SIMILARITY]))[::-1]
    k = round(let_through * len(different))
    threshold = float(probs[k - 1]) if 0 < k <= len(probs) else 1.0
    return attrs.evolve(model, threshold=round(threshold, 4))


#: Share of ECB+ same-event pairs (training topics) the same-fact threshold lets through.
SAME_EVENT_RECALL = 0.85


def fact_threshold(model: SameFactModel, fx: np.ndarray, pairs: Sequence[LabelledPair]) -> float:
    """The probability above which :data:`SAME_EVENT_RECALL` of the ECB+ same-event pairs pass."""
    rows = [i for i, p in enumerate(pairs) if p.dataset == "ecb-same-event"]
    probs = np.array([model.probability(fx[i]) for i in rows])
    return round(float(np.quantile(probs, 1.0 - SAME_EVENT_RECALL)), 4)


#: Weight of precision in choosing the same-fact probability a divergence needs: an F-beta
#: with beta 0.5, because a false alarm an editor sees costs more trust than a miss.
CONFLICT_BETA = 0.5
#: How far below the best F-beta a lower bar may score and still be chosen.
CONFLICT_TOLERANCE = 0.01


def conflict_threshold(
    fact: SameFactModel,
    verdict: VerdictModel,
    sims: np.ndarray,
    fx: np.ndarray,
    pairs: Sequence[LabelledPair],
) -> float:
    """The same-fact probability a divergence needs: the lowest bar within
    :data:`CONFLICT_TOLERANCE` of the best F-beta (:data:`CONFLICT_BETA`) of ``divergence`` on
    the readers' labelled pairs of the training topics (conflict vs not), with same-fact
    probabilities out of fold by topic (:func:`out_of_fold_same_fact`) and the comparator's
    decision otherwise as shipped. Each bar's precision and recall go to stderr."""
    rows = [i for i, p in enumerate(pairs) if p.dataset == "ecb-labelled"]
    truth = np.array([pairs[i].label == "divergence" for i in rows])
    # The shipped decision without the bar, then the bar over the same-fact probability.
    comparator = Comparator(model=verdict, fact_model=attrs.evolve(fact, conflict_threshold=None))
    results = [
        comparator.compare(ClaimText(pairs[i].a), ClaimText(pairs[i].b), float(sims[i]))
        for i in rows
    ]
    called = np.array([r.verdict == "divergence" for r in results])
    # A finding that shows one fact on its own (one person's two ages) passes any bar.
    one_fact = np.array([any(is_one_fact(d) for d in r.divergences) for r in results])
    p_same = out_of_fold_same_fact(fx, pairs, rows)
    b2 = CONFLICT_BETA**2
    scores: list[tuple[float, float]] = []
    for t in np.round(np.arange(fact.threshold, 0.8, 0.05), 4):
        pred = called & ((p_same >= t) | one_fact)
        tp = float((pred & truth).sum())
        precision, recall = tp / max(1, pred.sum()), tp / max(1, truth.sum())
        f = (1 + b2) * precision * recall / max(1e-9, b2 * precision + recall)
        print(
            f"conflict bar {t:.2f}: precision {precision:.3f} recall {recall:.3f} "
            f"F{CONFLICT_BETA} {f:.3f} (out of fold, {int(truth.sum())} conflicts)",
            file=sys.stderr,
        )
        scores.append((f, float(t)))
    # The curve is flat near its top (0.75 from 0.40 to 0.70 out of fold on 2026-12-07), and
    # each step up costs recall, which the targets ask for too: the lowest bar within
    # CONFLICT_TOLERANCE of the best.
    top = max(f for f, _ in scores)
    return round(min(t for f, t in scores if f >= top - CONFLICT_TOLERANCE), 4)


def out_of_fold_same_fact(
    fx: np.ndarray, pairs: Sequence[LabelledPair], rows: Sequence[int]
) -> np.ndarray:
    """Same-fact probabilities of ``rows`` (the readers' labelled pairs), each from a
    same-fact model fitted without any pair of its ECB+ topic. The shipped model learns from
    those very pairs at weight :data:`REAL_PAIR_WEIGHT`, so its own probabilities on them are
    too sure to choose a bar by: the bar chosen on them was 0.35 with rounds 3 and 4 and 0.50
    once round 6 joined, and round 1 (held-out topics) lost a conflict with it."""
    fr = fact_rows(pairs)
    weight = sample_weights(pairs, "fact")
    out = np.zeros(len(rows))
    for topic in sorted({pairs[i].group for i in rows}):
        train = [i for i in fr if pairs[i].group != topic or not pairs[i].dataset.startswith("ecb")]
        model = fit(
            fx[train],
            [pairs[i].label != "unrelated" for i in train],
            SameFactModel,
            meta={},
            weight=weight[train],
        )
        held = [k for k, i in enumerate(rows) if pairs[i].group == topic]
        out[held] = model.probabilities(fx[[rows[k] for k in held]])
    return out


def fact_rows(pairs: Sequence[LabelledPair]) -> list[int]:
    """Pairs the same-fact model learns from: every label (unrelated = not the same fact)."""
    return list(range(len(pairs)))


def verdict_rows(pairs: Sequence[LabelledPair]) -> list[int]:
    """Pairs the verdict model learns from: the same fact, labelled paraphrase or divergence."""
    return [i for i, p in enumerate(pairs) if p.label in ("paraphrase", "divergence")]


@attrs.frozen
class StoryInput:
    """One ECB+ topic as a mixed input: its documents, their events, their story profiles."""

    topic: int
    doc_ids: tuple[str, ...]
    events: tuple[str, ...]
    profiles: tuple[Any, ...]


def ecb_story_inputs(
    shared: Path, embedder: Embedder, *, train: bool | None = None
) -> list[StoryInput]:
    """Every ECB+ topic (only training topics with ``train=True``, only the others with False)."""
    from claimcmp.stories import source_profile

    docs = [
        d
        for d in _jsonl(shared / "data/ecbplus/docs.jsonl")
        if train is None or _is_train_topic(d["topic"]) == train
    ]
    texts = [s["text"] for d in docs for s in d["sentences"]]
    vectors = embedder.encode(texts)
    by_topic: dict[int, list[tuple[str, str, Any]]] = {}
    k = 0
    for d in docs:
        n = len(d["sentences"])
        sentences = [s["text"] for s in d["sentences"]]
        by_topic.setdefault(d["topic"], []).append(
            (d["doc_id"], d["subtopic"], source_profile(sentences, vectors[k : k + n]))
        )
        k += n
    return [
        StoryInput(
            t, tuple(x[0] for x in rows), tuple(x[1] for x in rows), tuple(x[2] for x in rows)
        )
        for t, rows in sorted(by_topic.items())
    ]


def pair_counts(events: Sequence[str], stories: Sequence[Any]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of "one story" over every two
    documents, given each document's event and the story it was put in."""
    tp = fp = fn = 0
    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            same, together = events[i] == events[j], stories[i] == stories[j]
            tp += same and together
            fp += together and not same
            fn += same and not together
    return tp, fp, fn


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def story_pair_f1(inputs: Sequence[StoryInput], model: Any) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of story separation over ``inputs``."""
    from claimcmp.stories import separate_stories

    tp = fp = fn = 0
    for item in inputs:
        label = {i: k for k, g in enumerate(separate_stories(item.profiles, model)) for i in g}
        counts = pair_counts(item.events, [label[i] for i in range(len(item.doc_ids))])
        tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
    return precision_recall_f1(tp, fp, fn)


def train_story_model(inputs: Sequence[StoryInput], meta: dict[str, Any]) -> Any:
    """The story model, its threshold chosen for the best pairwise F1 on ``inputs``."""
    from claimcmp.stories import StoryModel, story_features

    xs, ys = [], []
    for item in inputs:
        for (i, j), x in story_features(item.profiles).items():
            xs.append(x)
            ys.append(item.events[i] == item.events[j])
    model = fit(np.stack(xs), ys, StoryModel, meta=meta)
    grid = [round(0.2 + 0.05 * k, 2) for k in range(13)]
    scores = [
        (round(story_pair_f1(inputs, attrs.evolve(model, threshold=t))[2], 4), -t) for t in grid
    ]
    return attrs.evolve(model, threshold=-max(scores)[1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.training", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument(
        "--out", default=str(Path(__file__).resolve().parents[1] / "claimcmp" / "data")
    )
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        print(f"error: shared data not found at {shared}; pass --shared", file=sys.stderr)
        return 2
    from claimcmp.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    comparator = Comparator(model=False, fact_model=False)
    pairs = [p for p in build_pairs(shared) if p.split == "train"]
    sims, fx, vx, _ = featurize(pairs, embedder, comparator)
    counts: dict[str, dict[str, int]] = {}
    for p in pairs:
        counts.setdefault(p.dataset, {}).setdefault(p.label, 0)
        counts[p.dataset][p.label] += 1
    meta = {
        "trained_on": counts,
        "embedding_model": embedder.name,
        "command": "python -m tools.training",
    }
    fr = fact_rows(pairs)
    fact = fit(
        fx[fr],
        [pairs[i].label != "unrelated" for i in fr],
        SameFactModel,
        meta=meta,
        weight=sample_weights(pairs, "fact")[fr],
    )
    fact = attrs.evolve(fact, threshold=fact_threshold(fact, fx, pairs))
    vr = verdict_rows(pairs)
    verdict = fit(
        vx[vr],
        [pairs[i].label == "divergence" for i in vr],
        VerdictModel,
        meta=meta,
        weight=sample_weights(pairs, "verdict")[vr],
    )
    fact = attrs.evolve(fact, conflict_threshold=conflict_threshold(fact, verdict, sims, fx, pairs))
    ax, ay = alignment_rows(shared, embedder)
    alignment = train_alignment_model(
        ax,
        ay,
        {
            "trained_on": {"ecb-labelled": {"same": int(ay.sum()), "different": int((~ay).sum())}},
            "embedding_model": embedder.name,
            "command": "python -m tools.training",
        },
    )
    story_inputs = ecb_story_inputs(shared, embedder, train=True)
    story = train_story_model(
        story_inputs,
        {
            "trained_on": {"ecb-topics": len(story_inputs)},
            "embedding_model": embedder.name,
            "command": "python -m tools.training",
        },
    )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "fact_model.json").write_text(fact.to_json() + "\n", encoding="utf-8")
    (out / "verdict_model.json").write_text(verdict.to_json() + "\n", encoding="utf-8")
    (out / "story_model.json").write_text(story.to_json() + "\n", encoding="utf-8")
    (out / "align_model.json").write_text(alignment.to_json() + "\n", encoding="utf-8")
    print(
        f"trained on {len(pairs)} pairs {counts} and {len(story_inputs)} ECB+ topics; wrote {out}/*_model.json"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
