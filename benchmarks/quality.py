"""Quality benchmarks (the quality sections of docs/benchmarks.md; run by ``benchmarks/run.py``).

    python benchmarks/run.py --only quality     # about 5 minutes

Figures, most telling first:

* **Real cross-source sentence pairs from ECB+, labelled by reading them**
  (``benchmarks/ecb_pairs.py``): precision and recall of ``divergence`` on real conflicts, and
  how many pairs that report the same fact are called ``unrelated``. Round 2 is the test set
  (drawn from held-out topics after the comparator was built, scored only in aggregate);
  rounds 1 and 3 are development sets whose errors were read.
* **SummEdits, leave one domain out**: the verdict model retrained without one of the seven
  shared domains and scored on it, for every domain; cosine similarity and the detectors
  alone beside it.
* **Paraphrases**: STS-B dev odd rows (held out from training) — how many real paraphrases
  (score ≥ 4) are called divergence — and the MSRpar pairs of STS-B as an MRPC-like F1.
* The planted-edit suite (a regression test, not the measure), symmetry, PropSegmEnt
  claims, the seeds' gold rows and syndication, as before.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(1, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from _shared import ROOT, read_jsonl, require_shared
from cluster import cluster_lines
from ecb_pairs import pair_texts, read_labels

from claimcmp.comparator import Comparator, diverges, edit_findings
from claimcmp.edit_model import EDIT_RATIO, load_default_edit_model
from claimcmp.embed import SentenceTransformerEmbedder
from claimcmp.expectations import check_expectation, expected_pair, read_expectations
from claimcmp.protocols import ClaimText, Embedder
from claimcmp.records import is_decisive
from claimcmp.text.diff import token_diff
from claimcmp.verdict import VerdictModel
from tools.edit_model import LODO_FILE, choose_threshold, summedits_rows
from tools.perturb import PLANTED
from tools.training import build_pairs, featurize, fit, sample_weights, verdict_rows

# A planted entity that is the speaker is reported as attribution: that is the right kind too.
ACCEPTED_KINDS = {
    "entity": {"entity", "attribution"},
    "antonym": {"negation", "term"},
    "time": {"date"},
    "role": {"entity", "term"},
}
_FLIP = {"omission": "addition", "addition": "omission"}


def _ratio(pair: Any) -> float:
    return token_diff(pair.a, pair.b).ratio


def bacc(pred: Sequence[bool], truth: Sequence[bool]) -> float:
    p, t = np.array(pred, dtype=bool), np.array(truth, dtype=bool)
    return float(((p & t).sum() / max(1, t.sum()) + (~p & ~t).sum() / max(1, (~t).sum())) / 2)


def _compare_all(comp: Comparator, embedder: Embedder, pairs: list[tuple[str, str]]) -> list[Any]:
    texts = list(dict.fromkeys(t for p in pairs for t in p))
    vec = embedder.encode(texts)
    row = {t: i for i, t in enumerate(texts)}
    return [
        comp.compare(ClaimText(a), ClaimText(b), float(vec[row[a]] @ vec[row[b]])) for a, b in pairs
    ]


def ecb_lines(shared: Path, comp: Comparator, embedder: Embedder) -> list[str]:
    rows = [(r, a, b) for r, a, b in pair_texts(shared, read_labels()) if r["label"]]
    results = _compare_all(comp, embedder, [(a, b) for _, a, b in rows])
    lines = [
        "## Real cross-source pairs (ECB+), labelled by reading them",
        "",
        "Two sentences of two different ECB+ articles on one topic, labelled by two readers",
        "independently (`conflict` / `compatible` / `different`, with the conflicting spans; guidelines",
        "in `benchmarks/data/ecb_pairs_guidelines.md`); only pairs both readers labelled the same way",
        "count. Rounds 2 and 5 are the test sets: drawn from topics no model trains on, each after",
        "a version of the comparator was built (round 5 on 2026-12-01, before that day's changes",
        "were measured on it), and scored only in aggregate. Rounds 1 (same held-out topics), 3 and",
        "4 (training topics; round 4 half drawn from the pairs the comparator of 2026-12-01 called",
        "divergence, so its precision is low by construction) are development sets whose errors",
        "were read, as is round 6 (training topics, 2026-12-07: 105 pairs main at deca5f9 called",
        "divergence, none labelled before, and 40 same-event pairs with figures; at deca5f9 its",
        "precision was 0.38 (38/100) and recall 0.90 (38/42), read before any rule of that day);",
        "the same-fact model learns from rounds 3, 4 and 6. `compare_pair` semantics: every",
        "pair is compared, `unrelated` allowed. Targets (on the editors' held-out pairs): precision",
        "and recall of `divergence` ≥ 0.6; ≤ 20 % of same-fact pairs `unrelated`.",
        "",
        "| round | pairs (agreed / labelled) | conflicts | divergence calls | precision | recall | same fact called unrelated | different called unrelated |",
        "|---|---|---|---|---|---|---|---|",
    ]
    all_labels = read_labels()
    for rnd in (5, 2, 1, 3, 4, 6):
        idx = [k for k, (r, _, _) in enumerate(rows) if r["round"] == rnd]
        if not idx:
            continue
        conflict = [rows[k][0]["label"] == "conflict" for k in idx]
        same = [rows[k][0]["label"] != "different" for k in idx]
        div = [results[k].verdict == "divergence" for k in idx]
        unrel = [results[k].verdict == "unrelated" for k in idx]
        tp = sum(c and d for c, d in zip(conflict, div, strict=True))
        calls = sum(div)
        labelled = sum(1 for r in all_labels if r["round"] == rnd)
        name = {
            1: "1 (dev)",
            2: "**2 (test)**",
            3: "3 (dev, training topics)",
            4: "4 (dev, training topics, half drawn from divergence calls)",
            5: "**5 (test)**",
            6: "6 (dev, training topics, mostly drawn from divergence calls)",
        }[rnd]
        lines.append(
            f"| {name} | {len(idx)} / {labelled} | {sum(conflict)} | {calls} | "
            f"{tp / max(1, calls):.2f} ({tp}/{calls}) | {tp / max(1, sum(conflict)):.2f} ({tp}/{sum(conflict)}) | "
            f"{sum(s and u for s, u in zip(same, unrel, strict=True)) / max(1, sum(same)):.2f} | "
            f"{sum((not s) and u for s, u in zip(same, unrel, strict=True)) / max(1, sum(not s for s in same)):.2f} |"
        )
    agree = sum(1 for r in all_labels if r["labels"][0] == r["labels"][1])
    lines += [
        "",
        f"Readers agreed on {agree} of {len(all_labels)} pairs. Round 5 with main as it was before the",
        "changes of 2026-12-01 (commit 8543899, this command): precision 0.24 (5/21), recall 0.71",
        "(5/7), 10 % of same-fact pairs `unrelated`; round 4 precision 0.12 (19/154). Before the",
        "comparator of 2026-11-23 (measured by the editors on their held-out pairs): precision 0.21,",
        "recall 3/18, 69 % of same-fact pairs `unrelated`. Before the conflict bar",
        "(`SameFactModel.conflict_threshold`, commit d984f93): round 5 precision 0.38 (5/13), recall",
        "0.71; round 2 0.75 (6/8), 0.75; rounds 1, 3, 4 together 29/71, 29/48. Before the",
        "detector changes of 2026-12-06 (commit 0934b2c): round 5 precision 0.43 (3/7), recall",
        "0.43; round 4 0.52 (13/25), 0.54. With the rules of 2026-12-07 alone (commit 3744082,",
        "before the retrain): round 5 0.62 (5/8), 0.71 (5/7) and round 2 0.86 (6/7), 0.75 as",
        "before, round 4 0.88 (14/16), 0.58, round 6 0.58 (38/66), 0.90; the retrain with round 6",
        "and the conflict bar chosen out of fold, 0.35 -> 0.40 (9c1f1b0), cost round 5 two of its",
        "conflicts and round 4 one, and took round 6 (in sample) to the row above. On 2026-12-08",
        "two ages of one named person passed the bar (`number:one-fact`; rounds 4 and 6 each gained",
        "a conflict) and rules from false alarms of a same-fact model fitted without each training",
        "topic removed two of round 6's; rounds 1, 2, 3 and 5 did not move.",
    ]
    return lines


def edit_model_out_of_fold(shared: Path) -> dict[tuple[str, str], float]:
    """The edit model's probability for each SummEdits pair, from the model trained without
    the pair's domain (``python -m tools.edit_model --lodo``; stored, as it takes an hour)."""
    texts = {r["id"]: (r["text_a"], r["text_b"]) for r in summedits_rows(shared)}
    return {texts[r["id"]]: float(r["p"]) for r in read_jsonl(LODO_FILE)}


def _editable(a: str, b: str, found: list[Any], p_edit: float | None) -> bool:
    """Whether the comparator's edit rule makes a finding for this pair when ``p_edit`` is at
    the edit model's threshold (one text edited, a replaced slot, no values on both sides)."""
    if p_edit is None:
        return False
    diff = token_diff(a, b)
    if diff.ratio < EDIT_RATIO:
        return False
    confirmed, new = edit_findings(a, b, diff.replaced_slots, found, p_edit)
    return bool(confirmed or new)


def summedits_lines(
    pairs: list[Any],
    sims: np.ndarray,
    vx: np.ndarray,
    findings: list[Any],
    out_of_fold: dict[tuple[str, str], float],
) -> list[str]:
    rows = verdict_rows(pairs)
    train_rows = [i for i in rows if pairs[i].split == "train"]
    domains = sorted({pairs[i].group for i in rows if pairs[i].dataset == "summedits"})
    lines = [
        "## SummEdits: divergence vs paraphrase, leave one domain out",
        "",
        "For each of the seven shared SummEdits domains, the verdict model is trained on everything",
        "else (the other six domains, STS-B even rows, the planted edits) and scored on that domain",
        "with the shipped detectors and rule (a divergence needs a decisive finding the model",
        "confirms); that is the shipped comparator. *With the edit model* (opt-in,",
        "`Comparator(edit_model=True)`): the edit model, trained on the other six domains",
        "(`python -m tools.edit_model --lodo`), also reads each pair that is one text edited and",
        "makes a finding of a replaced slot when it reads the edit as a change of fact at or above",
        "its threshold, chosen on the other six domains too (best mean balanced accuracy); a",
        "detail only one side adds stays coverage (the stored out-of-fold probabilities of",
        "2026-12-07 come from a run of the same recipe just before it became that command, with",
        "float32 adapters where the command stores float16). It is not the default because on real news",
        "reports its findings were rewordings of syndicated copies (`verdict-model.md`). Cosine similarity alone is",
        "given its best threshold *on the test domain*, after the fact. Held-out target: SummEdits",
        "news ≥ 0.80 (the best non-LLM system in the SummEdits paper scores 0.744, GPT-4 0.833).",
        "",
        "| held-out domain | pairs | cosine (best threshold) | detectors alone | **verdict model (shipped)** | edit model alone | its threshold (chosen on the other six) | with the edit model (opt-in) | divergence recall | paraphrase specificity |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    per_type: dict[str, list[bool]] = defaultdict(list)
    scores, before = [], []
    # First the rest of the comparator on each held-out domain, then the edit model's
    # threshold, chosen for each domain on the other six (never on the domain it scores).
    parts: dict[str, tuple[list[int], list[bool], list[bool], list[float], list[bool]]] = {}
    for d in domains:
        test = [i for i in rows if pairs[i].dataset == "summedits" and pairs[i].group == d]
        train = [
            i for i in train_rows if not (pairs[i].dataset == "summedits" and pairs[i].group == d)
        ]
        model = fit(
            vx[train],
            [pairs[i].label == "divergence" for i in train],
            VerdictModel,
            weight=sample_weights(pairs, "verdict")[train],
        )
        truth = [pairs[i].label == "divergence" for i in test]
        decisive = [any(is_decisive(f) for f in findings[i]) for i in test]
        detectors_pred = [
            diverges(dec, model.probability(vx[i]), model.threshold, _ratio(pairs[i]))
            for dec, i in zip(decisive, test, strict=True)
        ]
        p_edit = [out_of_fold.get((pairs[i].a, pairs[i].b)) for i in test]
        editable = [
            _editable(pairs[i].a, pairs[i].b, findings[i], p)
            for i, p in zip(test, p_edit, strict=True)
        ]
        parts[d] = (test, truth, detectors_pred, [p or 0.0 for p in p_edit], editable)
    chosen = {}
    for d in domains:
        test, truth, detectors_pred, p_edit, editable = parts[d]
        others = [parts[o][1:] for o in domains if o != d]
        chosen[d] = choose_threshold(others)
        pred = [
            dp or (e and p >= chosen[d])
            for dp, e, p in zip(detectors_pred, editable, p_edit, strict=True)
        ]
        decisive = [any(is_decisive(f) for f in findings[i]) for i in test]
        cos = max(
            bacc([bool(sims[i] < t) for i in test], truth) for t in np.arange(0.5, 1.0, 0.005)
        )
        # Recall and specificity are the shipped comparator's (the edit model is opt-in).
        recall = sum(p and t for p, t in zip(detectors_pred, truth, strict=True)) / max(
            1, sum(truth)
        )
        spec = sum((not p) and (not t) for p, t in zip(detectors_pred, truth, strict=True)) / max(
            1, sum(not t for t in truth)
        )
        score = bacc(pred, truth)
        scores.append(score)
        before.append(bacc(detectors_pred, truth))
        alone = bacc([p >= chosen[d] for p in p_edit], truth)
        lines.append(
            f"| {d} | {len(test)} | {cos:.3f} | {bacc(decisive, truth):.3f} | **{before[-1]:.3f}** | {alone:.3f} | {chosen[d]:.2f} | {score:.3f} | {recall:.3f} | {spec:.3f} |"
        )
        for i, p in zip(test, detectors_pred, strict=True):
            if pairs[i].label == "divergence":
                for t in pairs[i].kind.split("+"):
                    per_type[t].append(p)
    shipped = choose_threshold([parts[d][1:] for d in domains])
    lines += [
        f"| mean of domains | | | | **{np.mean(before):.3f}** | | | {np.mean(scores):.3f} | | |",
        "",
        f"Threshold chosen on all seven domains' out-of-fold probabilities: **{shipped:.2f}** "
        f"(shipped: {load_default_edit_model().threshold:.2f}; `python -m tools.edit_model "
        "--threshold` writes it).",
        "",
        "Recall per edit type over all held-out domains (a pair can carry several):",
        "",
        "| edit type | pairs | recall |",
        "|---|---|---|",
    ]
    for t, v in sorted(per_type.items()):
        if t:
            lines.append(f"| {t} | {len(v)} | {np.mean(v):.3f} |")
    lines += [
        "",
        "Inserted facts are coverage, not conflict, so they are never a divergence on their own;",
        "about half of the entity edits are one word swapped for another that WordNet does not",
        "relate, which is as often a paraphrase edit as a changed fact in SummEdits.",
    ]
    return lines


def real_pair_training_lines(
    pairs: list[Any], fx: np.ndarray, vx: np.ndarray, findings: list[Any]
) -> list[str]:
    """Why the verdict model does not learn from the hand-labelled real pairs: fitted with them
    (weight 1) against without (weight 0), scored on SummEdits (leave one domain out) and on
    round 1 (held-out topics; the shipped same-fact model decides ``unrelated``)."""
    from claimcmp.text.normalize import same_wording
    from claimcmp.verdict import load_default_fact_model

    fact = load_default_fact_model()
    rows = [
        i
        for i in verdict_rows(pairs)
        if pairs[i].split == "train" and not same_wording(pairs[i].a, pairs[i].b)
    ]
    domains = sorted({pairs[i].group for i in rows if pairs[i].dataset == "summedits"})
    round1 = [i for i, p in enumerate(pairs) if p.dataset == "ecb-labelled" and p.kind == "round1"]
    lines = [
        "## Training on the real pairs",
        "",
        "The verdict model fitted with the hand-labelled pairs of the training topics (rounds 3",
        "and 4) at weight 1, against the shipped choice (weight 0): SummEdits leave one domain out,",
        "and round 1 (held-out topics).",
        "",
        "| real pairs' weight | SummEdits mean of domains | round 1 precision | round 1 recall |",
        "|---|---|---|---|",
    ]
    for weight in (0.0, 1.0):
        w = np.array(
            [weight if pairs[i].dataset == "ecb-labelled" else 1.0 for i in range(len(pairs))]
        )
        scores = []
        for d in domains:
            test = [
                i
                for i in verdict_rows(pairs)
                if pairs[i].dataset == "summedits" and pairs[i].group == d
            ]
            train = [
                i for i in rows if not (pairs[i].dataset == "summedits" and pairs[i].group == d)
            ]
            model = fit(
                vx[train],
                [pairs[i].label == "divergence" for i in train],
                VerdictModel,
                weight=w[train],
            )
            pred = [
                diverges(
                    any(is_decisive(f) for f in findings[i]),
                    model.probability(vx[i]),
                    model.threshold,
                    _ratio(pairs[i]),
                )
                for i in test
            ]
            scores.append(bacc(pred, [pairs[i].label == "divergence" for i in test]))
        model = fit(
            vx[rows], [pairs[i].label == "divergence" for i in rows], VerdictModel, weight=w[rows]
        )
        calls = [
            not same_wording(pairs[i].a, pairs[i].b)
            and fact.probability(fx[i]) >= fact.threshold
            and diverges(
                any(is_decisive(f) for f in findings[i]),
                model.probability(vx[i]),
                model.threshold,
                _ratio(pairs[i]),
            )
            for i in round1
        ]
        truth = [pairs[i].label == "divergence" for i in round1]
        tp = sum(c and t for c, t in zip(calls, truth, strict=True))
        lines.append(
            f"| {weight:g}{' (shipped)' if weight == 0 else ''} | {np.mean(scores):.3f} | {tp}/{sum(calls)} | {tp}/{sum(truth)} |"
        )
    return lines


def lexical_lines(pairs: list[Any], findings: list[Any], embedder: Embedder) -> list[str]:
    """Why lone word swaps stay weak evidence, and what WordNet costs to load."""
    import json as _json
    import subprocess

    from sklearn.metrics import roc_auc_score

    swaps = [
        (p.label == "divergence", d.a_text, d.b_text)
        for p, found in zip(pairs, findings, strict=True)
        if p.split == "train" and p.label in ("paraphrase", "divergence")
        for d in found
        if d.detector == "term:swap"
    ]
    words = list(dict.fromkeys(w for _, x, y in swaps for w in (x, y)))
    vec = embedder.encode(words)
    ix = {w: i for i, w in enumerate(words)}
    cos = [float(vec[ix[x]] @ vec[ix[y]]) for _, x, y in swaps]
    truth = [t for t, _, _ in swaps]
    auc = roc_auc_score(truth, [-c for c in cos]) if 0 < sum(truth) < len(truth) else float("nan")
    probe = (
        "import json, time, claimcmp.text.wordnet as w\n"
        "def rss():\n"
        "    return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024\n"
        "r = rss(); t = time.perf_counter(); w.wordnet()\n"
        "print(json.dumps([time.perf_counter() - t, rss() - r]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    seconds, megabytes = _json.loads(out)
    return [
        "## Lexical knowledge (`docs/lexical-knowledge.md`)",
        "",
        "Lone word swaps between otherwise identical training pairs (term findings of the `term:swap` rule):",
        f"{len(swaps)}, of which {sum(truth)} in pairs labelled divergence and {len(truth) - sum(truth)} in",
        "paraphrase pairs. The cosine similarity of the two words' embeddings separates the two with",
        f"ROC AUC **{auc:.2f}** (0.5 = chance), so it is not used to decide them.",
        "",
        f"WordNet table, first load in a fresh process: {seconds:.2f} s, {megabytes:.0f} MB resident.",
    ]


def paraphrase_lines(shared: Path, comp: Comparator, embedder: Embedder) -> list[str]:
    with (shared / "data/stsb/sts-dev.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 7]
    test = [r for i, r in enumerate(rows) if i % 2 == 1]
    results = _compare_all(comp, embedder, [(r[5], r[6]) for r in test])
    texts = list(dict.fromkeys(t for r in test for t in (r[5], r[6])))
    vec = embedder.encode(texts)
    ix = {t: i for i, t in enumerate(texts)}
    cos = [float(vec[ix[r[5]]] @ vec[ix[r[6]]]) for r in test]
    high = [k for k, r in enumerate(test) if float(r[4]) >= 4]
    low = [k for k, r in enumerate(test) if float(r[4]) <= 2]
    msr = [k for k, r in enumerate(test) if r[1].startswith("MSRpar")]

    def f1(pred: list[bool], truth: list[bool]) -> float:
        tp = sum(p and t for p, t in zip(pred, truth, strict=True))
        prec, rec = tp / max(1, sum(pred)), tp / max(1, sum(truth))
        return 2 * prec * rec / max(1e-9, prec + rec)

    truth = [float(test[k][4]) >= 3.0 for k in msr]
    ours = f1([results[k].verdict in ("agreement", "paraphrase") for k in msr], truth)
    best = max(f1([cos[k] >= t for k in msr], truth) for t in np.arange(0.3, 1.0, 0.005))
    return [
        "## Paraphrases: STS-B dev, odd rows (held out from training)",
        "",
        "| pairs | called divergence | called unrelated | called agreement or paraphrase |",
        "|---|---|---|---|",
        f"| score ≥ 4 (paraphrases): {len(high)} | {np.mean([results[k].verdict == 'divergence' for k in high]):.3f} | "
        f"{np.mean([results[k].verdict == 'unrelated' for k in high]):.3f} | "
        f"{np.mean([results[k].verdict in ('agreement', 'paraphrase') for k in high]):.3f} |",
        f"| score ≤ 2 (different): {len(low)} | {np.mean([results[k].verdict == 'divergence' for k in low]):.3f} | "
        f"{np.mean([results[k].verdict == 'unrelated' for k in low]):.3f} | "
        f"{np.mean([results[k].verdict in ('agreement', 'paraphrase') for k in low]):.3f} |",
        "",
        f'MRPC-like: the {len(msr)} MSRpar news pairs among them, "paraphrase" = STS score ≥ 3: F1 of',
        f"agreement/paraphrase **{ours:.3f}**; cosine similarity with its best threshold after the fact",
        f"{best:.3f}. (Held-out target on MRPC test: ≥ 0.82, cosine's best there is 0.817.)",
    ]


def propsegment_relation_lines(shared: Path, comp: Comparator, embedder: Embedder) -> list[str]:
    """PropSegmEnt dev cross-document relations, as sentence pairs: a hypothesis sentence and
    the premise sentence that annotators marked as supporting (or contradicting) one of its
    propositions."""
    labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in read_jsonl(shared / "data/propsegment/relationships_text.dev.jsonl"):
        if r.get("supporting_premise"):
            # Either way round: a verdict is symmetric, and a contradiction one way ("won
            # five times between 1981 and 1994" / "... and 1995") is a conflict the other way
            # too, though the narrower range entails the wider one.
            a, b = sorted((r["supporting_premise"]["sentence"], r["hypothesis_sentence"]))
            labels[(a, b)].add(r["label"])
    keys = list(labels)
    results = _compare_all(comp, embedder, keys)
    groups = {
        "a proposition entailed, none contradicted": [
            k for k, key in enumerate(keys) if "contradicts" not in labels[key]
        ],
        "a proposition contradicted": [
            k for k, key in enumerate(keys) if "contradicts" in labels[key]
        ],
    }
    lines = [
        "## Cross-document relations: PropSegmEnt dev (labelled by its annotators)",
        "",
        "Sentence pairs of two documents of one PropSegmEnt cluster (Wikipedia articles on one",
        "topic, not news): a sentence and the other document's sentence that its annotators",
        "marked as entailing or contradicting one of its propositions",
        "(`relationships_text.dev.jsonl`), either way round, compared with `compare_pair`. An entailed pair may",
        "still tell other details, which are coverage; a divergence on it is a false alarm. The",
        "contradicted pairs were read during development (the range rule of `detectors.md` came",
        "from one of them), so their row is a check, not a measure.",
        "",
        "| sentence pairs | count | called divergence | called unrelated |",
        "|---|---|---|---|",
    ]
    for name, idx in groups.items():
        div = sum(results[k].verdict == "divergence" for k in idx)
        unrel = sum(results[k].verdict == "unrelated" for k in idx)
        lines.append(f"| {name} | {len(idx)} | {div} | {unrel} |")
    return lines


def perturbation_lines(pairs: list[Any], comp: Comparator, sims: np.ndarray) -> list[str]:
    pt = [i for i, p in enumerate(pairs) if p.dataset == "perturbation" and p.split == "test"]
    by_kind: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    # A planted edit is a copy of its sentence's article, so both have one publication date;
    # without it a relative date swapped ("yesterday" / "tomorrow") is unresolved by design.
    day = dt.date(2009, 1, 15)  # any day: only the two being equal matters
    for i in pt:
        p = pairs[i]
        runs = [(p.kind, None)] + (
            [("date, one publication date", day)] if p.kind == "date" else []
        )
        for key, published in runs:
            r = comp.compare(
                ClaimText(p.a, published), ClaimText(p.b, published), float(sims[i]), aligned=True
            )
            kinds = {d.kind for d in r.divergences if is_decisive(d)}
            by_kind[key].append(
                (r.verdict == "divergence", bool(kinds & ACCEPTED_KINDS.get(p.kind, {p.kind})))
            )
    lines = [
        "## Planted-edit suite (regression test; ECB+ sentences of held-out topics)",
        "",
        "Edits planted by `tools.perturb` (ours, so not the measure: the term plants come from",
        "the same lists the term detector reads, the antonym plants from the WordNet table the",
        "negation detector reads: a content word's opposite in its main sense, since 2026-12-06;",
        "before, 'said' -> 'other' and 'are' -> 'nonbeing' were planted too, and missed). Times",
        "(a clock time moved by one to three hours, or a time clause added to both sides) and roles",
        "(two whole names around a past-tense verb swapped) since 2026-12-06, drawn apart from the",
        "other kinds so that those stay the same edits.",
        "*Recall*: verdict divergence; *right kind*: a",
        "decisive finding of the planted kind. Dates are scored twice: as compared without",
        "publication dates (a relative date swapped is then unresolved, never a divergence) and",
        "with one publication date for both, which a planted copy of one article has. Since",
        "2026-12-07 a claim that is only a publication stamp dates no event (`detectors.md`): the",
        "3 dates and 1 time planted into stamps are no longer found (date 0.853 -> 0.821, with one",
        "publication date 0.989 -> 0.958, time 0.991 -> 0.983).",
        "",
        "| planted kind | pairs | recall | right kind |",
        "|---|---|---|---|",
    ]
    # The suite's kinds in its order; dates twice, the second as compared with one
    # publication date.
    rows = [
        k for p in PLANTED for k in ((p, "date, one publication date") if p == "date" else (p,))
    ]
    for k in rows:
        v = by_kind.get(k, [])
        if v:
            lines.append(
                f"| {k} | {len(v)} | {np.mean([f for f, _ in v]):.3f} | {np.mean([r for _, r in v]):.3f} |"
            )
    lines += ["", "| cosmetic rewrite | pairs | false alarms |", "|---|---|---|"]
    all_cos: list[bool] = []
    for k in ("us", "thousands", "quotes", "kyiv", "contraction", "spelling", "unit_equivalent"):
        v = by_kind.get(k, [])
        if v:
            all_cos += [f for f, _ in v]
            lines.append(f"| {k} | {len(v)} | {np.mean([f for f, _ in v]):.3f} |")
    lines.append(f"| **all cosmetic** | {len(all_cos)} | **{np.mean(all_cos):.3f}** |")
    return lines


WRITTEN_EDITS_FILE = ROOT / "benchmarks" / "data" / "written_edits.jsonl"
#: The kinds of the written edits that change a fact, in the table's order, and those that do not.
WRITTEN_FACT_KINDS = (
    "number",
    "unit",
    "date",
    "entity",
    "term",
    "antonym",
    "negation",
    "quote",
    "attribution",
    "modality",
)
WRITTEN_SAME_KINDS = ("cosmetic", "paraphrase")
_WRITTEN_ACCEPTED = {**ACCEPTED_KINDS, "attribution": {"attribution", "entity"}}


def score_written_edits(
    comp: Comparator, embedder: Embedder, rows: list[dict[str, Any]]
) -> dict[tuple[str, str], list[tuple[bool, bool]]]:
    """Per (set, kind): for each edit, whether the pair is a divergence and whether a decisive
    finding is of the edit's kind. The edited sentence is a copy of the original's article, so
    both carry one publication date."""
    texts = list(dict.fromkeys(t for r in rows for t in (r["original"], r["edited"])))
    vec = embedder.encode(texts)
    at = {t: i for i, t in enumerate(texts)}
    day = dt.date(2009, 1, 15)  # any day: only the two being equal matters
    out: dict[tuple[str, str], list[tuple[bool, bool]]] = defaultdict(list)
    for r in rows:
        a, b = r["original"], r["edited"]
        result = comp.compare(
            ClaimText(a, day), ClaimText(b, day), float(vec[at[a]] @ vec[at[b]]), aligned=True
        )
        kinds = {d.kind for d in result.divergences if is_decisive(d)}
        accepted = _WRITTEN_ACCEPTED.get(r["kind"], {r["kind"]})
        out[(r["set"], r["kind"])].append((result.verdict == "divergence", bool(kinds & accepted)))
    return out


def written_edit_lines(comp: Comparator, embedder: Embedder) -> list[str]:
    rows = list(read_jsonl(WRITTEN_EDITS_FILE))
    scores = score_written_edits(comp, embedder, rows)
    n_sentences = {s: len({r["id"] for r in rows if r["set"] == s}) for s in ("dev", "test")}

    def cell(key: tuple[str, str], right: bool) -> str:
        v = scores.get(key, [])
        if not v:
            return "–"
        return f"{np.mean([r if right else f for f, r in v]):.2f}"

    lines = [
        "## Edits written by hand (not planted by the team's tools)",
        "",
        "Eight helpers who saw neither claimcmp's code nor `tools.perturb` each took real ECB+",
        "sentences and wrote edited copies of one named kind, one change each, by the guidelines in",
        "`benchmarks/data/written_edits_guidelines.md` (`written_edits.jsonl`). **dev**: six",
        f"wrote on {n_sentences['dev']} sentences of the training topics, in three rounds (the",
        "misses were read and turned into rules; rounds 2 and 3 were each written after the",
        "rules of the rounds before and measured before their own misses were read; round 3",
        "weights the kinds found least). **test**: two wrote on",
        f"{n_sentences['test']} sentences of the held-out topics, scored in aggregate only. Each",
        "pair is compared as an aligned pair with one publication date for both (an edited copy",
        "of one article).",
        "*Found*: verdict divergence; *right kind*: a decisive finding of the edit's kind (as in",
        "the planted suite: an antonym may be a negation or a term finding, an entity that is the",
        "speaker an attribution). For the kinds that change no fact, the share called divergence",
        "is a false alarm.",
        "",
        "| kind | dev pairs | dev found | dev right kind | **test pairs** | **test found** | "
        "**test right kind** |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in WRITTEN_FACT_KINDS:
        dev, test = ("dev", kind), ("test", kind)
        lines.append(
            f"| {kind} | {len(scores.get(dev, []))} | {cell(dev, False)} | {cell(dev, True)} | "
            f"{len(scores.get(test, []))} | **{cell(test, False)}** | {cell(test, True)} |"
        )
    for s in ("dev", "test"):
        found = [f for k in WRITTEN_FACT_KINDS for f, _ in scores.get((s, k), [])]
        scores[(s, "all")] = [(f, f) for f in found]
    lines.append(
        f"| **all that change a fact** | {len(scores[('dev', 'all')])} | "
        f"{cell(('dev', 'all'), False)} | | {len(scores[('test', 'all')])} | "
        f"**{cell(('test', 'all'), False)}** | |"
    )
    lines += [
        "",
        "| kind (no fact changed) | dev pairs | dev false alarms | **test pairs** | "
        "**test false alarms** |",
        "|---|---|---|---|---|",
    ]
    for kind in WRITTEN_SAME_KINDS:
        dev, test = ("dev", kind), ("test", kind)
        lines.append(
            f"| {kind} | {len(scores.get(dev, []))} | {cell(dev, False)} | "
            f"{len(scores.get(test, []))} | **{cell(test, False)}** |"
        )
    lines += [
        "",
        "Before the rules the development half led to (commit d13b610, 2026-12-07), found:",
        "all that change a fact 0.66 dev round 1 / 0.59 test; unit 0.53 / 0.53, attribution",
        "0.40 / 0.13, modality 0.25 / 0.15; cosmetic false alarms 0.03 / 0.00. Round 2 of the",
        "development half, fresh, as a check that round 1's rules generalise: found 0.56 at",
        "d13b610, 0.65 with round 1's rules (commit 4dcc84b; modality 0.20 -> 0.55, attribution",
        "0.15 -> 0.35, unit 0.53 -> 0.67, term 0.12 -> 0.16). Round 3 (220 edits that change a",
        "fact, 150 of them unit, quote, attribution, modality, term or antonym), fresh: found",
        "0.58 at deca5f9, 0.59 with that day's first rule (plans and beliefs, modality 0.37 ->",
        "0.43). Many quotes in ECB+",
        "(702 of its sentences; 945 have straight or curly marks) are written with Penn",
        "Treebank's `` and '', which the quote detector does not read (`detectors.md`).",
    ]
    return lines


def symmetry_lines(pairs: list[Any], comp: Comparator, sims: np.ndarray) -> list[str]:
    asym = 0
    for p, s in zip(pairs, sims, strict=True):
        r1 = comp.compare(ClaimText(p.a), ClaimText(p.b), float(s))
        r2 = comp.compare(ClaimText(p.b), ClaimText(p.a), float(s))
        k1 = {d.kind for d in r1.divergences}
        k2 = {_FLIP.get(d.kind, d.kind) for d in r2.divergences}
        asym += r1.verdict != r2.verdict or k1 != k2 or r1.confidence != r2.confidence
    return [
        "## Either way round",
        "",
        f"`compare_pair(a, b)` against `compare_pair(b, a)` on all {len(pairs)} benchmark pairs: "
        f"**{asym}** differ in verdict, confidence or kinds (omission ↔ addition).",
    ]


def quality_lines() -> list[str]:
    shared = require_shared()
    embedder = SentenceTransformerEmbedder()
    shipped = Comparator()
    rules = Comparator(model=False, fact_model=False)
    pairs = build_pairs(shared, keep_same_wording=True)
    sims, fx, vx, findings = featurize(pairs, embedder, rules)
    lines: list[str] = []
    lines += ecb_lines(shared, shipped, embedder)
    lines += ["", *summedits_lines(pairs, sims, vx, findings, edit_model_out_of_fold(shared))]
    lines += ["", *real_pair_training_lines(pairs, fx, vx, findings)]
    lines += ["", *lexical_lines(pairs, findings, embedder)]
    lines += ["", *paraphrase_lines(shared, shipped, embedder)]
    lines += ["", *propsegment_relation_lines(shared, shipped, embedder)]
    lines += ["", *perturbation_lines(pairs, shipped, sims)]
    lines += ["", *written_edit_lines(shipped, embedder)]
    lines += ["", *symmetry_lines(pairs, shipped, sims)]
    lines += ["", *_claims_and_seeds_lines(shared, embedder)]
    lines += ["", *cluster_lines(shared, embedder)]
    return lines


def _claims_and_seeds_lines(shared: Path, embedder: Embedder) -> list[str]:
    from propsegment import evaluate

    import claimcmp
    from claimcmp.claims import AtomicClaimExtractor, SentenceClaimExtractor
    from claimcmp.ingest import Article
    from claimcmp.syndication import containment

    prop_rows = [
        r
        for r in read_jsonl(shared / "data/propsegment/propositions_text.dev.jsonl")
        if r.get("reference_propositions")
    ]
    lines = [
        "## Atomic claims vs PropSegmEnt dev propositions",
        "",
        f"{len(prop_rows)} sentences with "
        f"{sum(len(r['reference_propositions']) for r in prop_rows) / len(prop_rows):.2f} reference propositions "
        "each. Claims and propositions are matched one-to-one (Hungarian) on token-overlap F1; precision "
        "and recall are the matched F1 summed over claims and over propositions. PropSegmEnt splits every "
        'attribute into its own proposition ("X is a film", "X is American", "X is from 2014"), which '
        "span-based claims cannot reach, so recall is low by design; the comparison that matters is "
        "atomic vs one claim per sentence.",
        "",
        "| claims | precision | recall | F1 | claims per sentence |",
        "|---|---|---|---|---|",
    ]
    for name, extractor in (
        ("one per sentence", SentenceClaimExtractor(min_words=1)),
        ("atomic (default: contiguous spans)", AtomicClaimExtractor()),
        (
            "atomic, multi_span=True (subjects borrowed, list items split)",
            AtomicClaimExtractor(multi_span=True),
        ),
    ):
        pp, rr, ff, nn = evaluate(extractor, prop_rows)
        lines.append(f"| {name} | {pp:.3f} | {rr:.3f} | **{ff:.3f}** | {nn:.2f} |")

    report = claimcmp.compare(sorted((shared / "seeds").glob("*.txt")), embedder=embedder)
    lines += [
        "",
        "## Seeds gold rows (`../shared/gold/seeds.jsonl`)",
        "",
        "| row | holds | detail |",
        "|---|---|---|",
    ]
    for row in read_expectations(shared / "gold/seeds.jsonl"):
        why = check_expectation(report, row)
        if "unique" in row:
            detail = f"unique claim {report.find_claim(row['unique']['source'], row['unique']['quote']).id}"
        else:
            pair = expected_pair(report, row)
            detail = (
                f"{pair.verdict} ({pair.confidence:.2f}), kinds {list(pair.decisive_kinds)}"
                if pair
                else "not aligned"
            )
        lines.append(f"| {row['id']} | {'yes' if why is None else 'no'} | {detail} |")
    counts = defaultdict(int)
    for p in report.pairs:
        counts[p.verdict] += 1
    lines += ["", f"Seeds report: {dict(sorted(counts.items()))}."]

    seeds = [Article.from_file(p) for p in sorted((shared / "seeds").glob("*.txt"))]
    lines += [
        "",
        "## Syndication on the seeds: share of the shorter article's word 5-grams in the other",
        "",
    ]
    lines += ["| pair | containment |", "|---|---|"]
    for i, x in enumerate(seeds):
        for y in seeds[i + 1 :]:
            lines.append(f"| {x.source[:3]} – {y.source[:3]} | {containment(x, y):.2f} |")
    return lines
