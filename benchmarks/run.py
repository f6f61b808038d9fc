"""Quality and speed benchmarks; writes docs/benchmarks.md.

    python benchmarks/run.py                  # needs ../shared (or CLAIMCMP_SHARED); offline; ~10 minutes
    python benchmarks/run.py --only quality   # ~2 minutes; keeps the speed section already written
    python benchmarks/run.py --only speed     # ~8 minutes; keeps the quality sections (benchmarks/speed.py)
    python benchmarks/onnx_recipe.py          # ~4 minutes; the ONNX export recipes side by side (its own section,
                                              # which run.py keeps)

Figures:
* SummEdits (divergence vs paraphrase): balanced accuracy, and recall per edit type, for
  cosine similarity alone (best threshold chosen after the fact), the detectors alone (any
  decisive finding = divergence), and the verdict model under 5-fold cross-validation grouped
  by source document (the model never sees the fold's documents).
* STS-B dev, odd rows (held out from training): accuracy on clear pairs.
* Perturbation suite on the held-out ECB+ topics: recall and right kind per planted kind,
  false alarms per cosmetic rewrite, with the shipped model.
* Atomic claims against PropSegmEnt dev gold propositions.
* The seeds' gold rows (with the default, atomic claims).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import time
from collections import defaultdict
from importlib.metadata import version

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from _shared import ROOT, read_jsonl, require_shared
from onnx_recipe import MARKER as RECIPE_MARKER

from claimcmp.comparator import Comparator, is_decisive, same_wording
from claimcmp.embed import SentenceTransformerEmbedder
from claimcmp.expectations import check_expectation, expected_pair, read_expectations
from claimcmp.protocols import ClaimText
from claimcmp.training import build_pairs, featurize, fit
from claimcmp.verdict import load_default_model

# A planted entity that is the speaker is reported as attribution: that is the right kind too.
ACCEPTED_KINDS = {"entity": {"entity", "attribution"}}


def bacc(pred: list[bool], truth: list[bool]) -> float:
    p, t = np.array(pred), np.array(truth)
    return float(((p & t).sum() / max(1, t.sum()) + (~p & ~t).sum() / max(1, (~t).sum())) / 2)


def main() -> int:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    if only not in (None, "quality", "speed"):
        raise SystemExit("usage: python benchmarks/run.py [--only quality|speed]")
    t0 = time.perf_counter()
    out = ROOT / "docs" / "benchmarks.md"
    marker = "\n<!-- speed -->\n"
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    previous, _, recipe_text = previous.partition(RECIPE_MARKER)
    old_quality, _, old_speed = previous.partition(marker)
    quality = quality_lines() if only != "speed" else None
    if only != "quality":
        from speed import speed_lines

        speed_text = "\n".join(speed_lines()) + "\n"
    else:
        speed_text = old_speed
    elapsed = time.perf_counter() - t0
    if quality is None:
        # Keep the quality sections; restate when and where the speed figures were made.
        body = old_quality.split("\n", 4)[4] if old_quality.count("\n") >= 4 else ""
        quality = body.rstrip("\n").split("\n")
    header = [
        "# Benchmarks",
        "",
        f"Written by `python benchmarks/run.py{' --only ' + only if only else ''}` on "
        f"{dt.date.today().isoformat()} in {elapsed:.0f} s; "
        f"{platform.machine()} ({_cpu_name()}), {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"claimcmp {version('claimcmp')}, sentence-transformers {version('sentence-transformers')}, "
        f"torch {version('torch')}, onnxruntime {_version('onnxruntime')}, scikit-learn {version('scikit-learn')}. "
        "Embedding model: all-MiniLM-L6-v2 (bundled). Verdict model: `claimcmp/data/verdict_model.json` "
        "from `python -m claimcmp.training`.",
        "",
    ]
    text = "\n".join(header + quality) + "\n" + marker + speed_text
    if recipe_text:  # written by benchmarks/onnx_recipe.py; kept as it is
        text = text.rstrip("\n") + "\n" + RECIPE_MARKER + recipe_text
    out.write_text(text, encoding="utf-8")
    print(text)
    return 0


def _version(package: str) -> str:
    try:
        return version(package)
    except Exception:
        return "not installed"


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def quality_lines() -> list[str]:
    shared = require_shared()
    embedder = SentenceTransformerEmbedder()
    rules = Comparator(model=False)
    pairs = build_pairs(shared, keep_same_wording=True)
    x, sims, findings = featurize(pairs, embedder, rules, with_findings=True)
    decisive = [[d for d in f if is_decisive(d)] for f in findings]
    lines: list[str] = []

    # ---------------------------------------------------------------- SummEdits
    se = [i for i, p in enumerate(pairs) if p.dataset == "summedits"]
    truth = [pairs[i].label == "divergence" for i in se]
    cos_best = max(
        (bacc([bool(sims[i] < t) for i in se], truth), float(t)) for t in np.arange(0.5, 1.0, 0.005)
    )
    rule_pred = [bool(decisive[i]) for i in se]
    groups = sorted({pairs[i].group for i in se})
    fold_of = {g: k % 5 for k, g in enumerate(groups)}
    other_train = [
        i for i, p in enumerate(pairs)
        if p.split == "train" and p.dataset != "summedits" and not same_wording(p.a, p.b)
    ]
    cv_pred: dict[int, bool] = {}
    for k in range(5):
        test = [i for i in se if fold_of[pairs[i].group] == k]
        train = other_train + [i for i in se if fold_of[pairs[i].group] != k]
        fold = Comparator(model=fit(x[train], [pairs[i].label for i in train]))
        for i in test:
            p = pairs[i]
            v = fold.compare(ClaimText(p.a), ClaimText(p.b), float(sims[i]), aligned=True).verdict
            cv_pred[i] = v == "divergence"
    model_pred = [cv_pred[i] for i in se]

    def per_type(pred: list[bool]) -> dict[str, tuple[int, float]]:
        acc: dict[str, list[bool]] = defaultdict(list)
        for i, pr in zip(se, pred, strict=True):
            p = pairs[i]
            if p.label == "divergence":
                for t in p.kind.split("+"):
                    acc[t].append(pr)
            else:
                acc["(paraphrase: specificity)"].append(not pr)
        return {k: (len(v), float(np.mean(v))) for k, v in sorted(acc.items())}

    lines += [
        "## SummEdits: divergence vs paraphrase",
        "",
        f"{len(se)} pairs ({sum(truth)} divergence, {len(se) - sum(truth)} paraphrase), "
        f"{len(groups)} source documents. Target: balanced accuracy ≥ 0.85.",
        "",
        "| method | balanced accuracy |",
        "|---|---|",
        f"| cosine similarity alone, best threshold after the fact ({cos_best[1]:.3f}) | {cos_best[0]:.3f} |",
        f"| detectors alone (any decisive finding = divergence; no training) | {bacc(rule_pred, truth):.3f} |",
        f"| verdict model + detector override, 5-fold CV grouped by document | **{bacc(model_pred, truth):.3f}** |",
        "",
        "Recall per edit type (a pair can carry several), and specificity on paraphrases:",
        "",
        "| edit type | pairs | detectors alone | verdict model (CV) |",
        "|---|---|---|---|",
    ]
    rt, mt = per_type(rule_pred), per_type(model_pred)
    for k in rt:
        lines.append(f"| {k} | {rt[k][0]} | {rt[k][1]:.3f} | {mt[k][1]:.3f} |")

    # ------------------------------------------------------------------- STS-B
    shipped = load_default_model()
    if shipped is None:
        raise SystemExit("error: no trained verdict model; run python -m claimcmp.training first")
    full = Comparator(model=shipped)
    sts_rows = []
    import csv

    with (shared / "data/stsb/sts-dev.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 7]
    test_rows = [r for i, r in enumerate(rows) if i % 2 == 1 and (float(r[4]) >= 4 or float(r[4]) <= 2)]
    texts = list(dict.fromkeys(t for r in test_rows for t in (r[5], r[6])))
    vec = embedder.encode(texts)
    idx = {t: i for i, t in enumerate(texts)}
    for r in test_rows:
        sim = float(vec[idx[r[5]]] @ vec[idx[r[6]]])
        v = full.compare(ClaimText(r[5]), ClaimText(r[6]), sim).verdict
        sts_rows.append((float(r[4]) >= 4, v in ("agreement", "paraphrase")))
    pos = [ok for same, ok in sts_rows if same]
    neg = [not ok for same, ok in sts_rows if not same]
    lines += [
        "",
        "## STS-B dev (odd rows, held out from training): clear pairs",
        "",
        "A pair scored ≥ 4 should come out agreement or paraphrase; a pair scored ≤ 2 should not",
        "(divergence or unrelated). `compare_pair` semantics (unrelated allowed).",
        "",
        "| pairs | accuracy | score ≥ 4 → same | score ≤ 2 → not same |",
        "|---|---|---|---|",
        f"| {len(sts_rows)} | {np.mean(pos + neg):.3f} | {np.mean(pos):.3f} ({len(pos)}) | {np.mean(neg):.3f} ({len(neg)}) |",
    ]

    # ------------------------------------------------------------ perturbation
    pt = [i for i, p in enumerate(pairs) if p.dataset == "perturbation" and p.split == "test"]
    by_kind: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for i in pt:
        p = pairs[i]
        r = full.compare(ClaimText(p.a), ClaimText(p.b), float(sims[i]), aligned=True)
        kinds = {d.kind for d in r.divergences if is_decisive(d)}
        flagged = r.verdict == "divergence"
        right = bool(kinds & ACCEPTED_KINDS.get(p.kind, {p.kind}))
        by_kind[p.kind].append((flagged, right))
    lines += [
        "",
        "## Perturbation suite (ECB+ sentences of held-out topics)",
        "",
        "Edits planted by `claimcmp.perturb` into real ECB+ sentences of topics the model was not",
        "trained on. *Recall*: verdict is divergence. *Right kind*: a decisive finding of the",
        "planted kind (a planted entity that is the speaker may come out as attribution).",
        "Targets: recall ≥ 0.95 and right kind ≥ 0.9 per planted kind; ≤ 2 % false alarms on",
        "cosmetic rewrites.",
        "",
        "| planted kind | pairs | recall | right kind |",
        "|---|---|---|---|",
    ]
    for k in ("number", "unit", "date", "entity", "negation", "term", "quote", "modality"):
        v = by_kind.get(k, [])
        if v:
            lines.append(f"| {k} | {len(v)} | {np.mean([f for f, _ in v]):.3f} | {np.mean([r for _, r in v]):.3f} |")
    lines += ["", "| cosmetic rewrite | pairs | false alarms |", "|---|---|---|"]
    all_cos: list[bool] = []
    for k in ("us", "thousands", "quotes", "kyiv", "contraction", "spelling", "unit_equivalent"):
        v = by_kind.get(k, [])
        if v:
            all_cos += [f for f, _ in v]
            lines.append(f"| {k} | {len(v)} | {np.mean([f for f, _ in v]):.3f} |")
    lines.append(f"| **all cosmetic** | {len(all_cos)} | **{np.mean(all_cos):.3f}** |")

    # -------------------------------------------------------------- PropSegmEnt
    from propsegment import evaluate

    from claimcmp.claims import AtomicClaimExtractor, SentenceClaimExtractor

    prop_rows = [
        r for r in read_jsonl(shared / "data/propsegment/propositions_text.dev.jsonl") if r.get("reference_propositions")
    ]
    lines += [
        "",
        "## Atomic claims vs PropSegmEnt dev propositions",
        "",
        f"{len(prop_rows)} sentences with "
        f"{sum(len(r['reference_propositions']) for r in prop_rows) / len(prop_rows):.2f} reference propositions "
        "each. Claims and propositions are matched one-to-one (Hungarian) on token-overlap F1; precision "
        "and recall are the matched F1 summed over claims and over propositions. PropSegmEnt splits every "
        "attribute into its own proposition (\"X is a film\", \"X is American\", \"X is from 2014\"), which "
        "span-based claims cannot reach, so recall is low by design; the comparison that matters is "
        "atomic vs one claim per sentence.",
        "",
        "| claims | precision | recall | F1 | claims per sentence |",
        "|---|---|---|---|---|",
    ]
    for name, extractor in (
        ("one per sentence", SentenceClaimExtractor(min_words=1)),
        ("atomic (default: contiguous spans)", AtomicClaimExtractor()),
        ("atomic, multi_span=True (subjects borrowed, list items split)", AtomicClaimExtractor(multi_span=True)),
    ):
        pp, rr, ff, nn = evaluate(extractor, prop_rows)
        lines.append(f"| {name} | {pp:.3f} | {rr:.3f} | **{ff:.3f}** | {nn:.2f} |")

    # ------------------------------------------------------------------- seeds
    import claimcmp

    report = claimcmp.compare(sorted((shared / "seeds").glob("*.txt")), embedder=embedder)
    lines += ["", "## Seeds gold rows (`../shared/gold/seeds.jsonl`)", "", "| row | holds | detail |", "|---|---|---|"]
    for row in read_expectations(shared / "gold/seeds.jsonl"):
        why = check_expectation(report, row)
        if "unique" in row:
            detail = f"unique claim {report.find_claim(row['unique']['source'], row['unique']['quote']).id}"
        else:
            pair = expected_pair(report, row)
            detail = (
                f"{pair.verdict} ({pair.confidence:.2f}), kinds {list(pair.decisive_kinds)}" if pair else "not aligned"
            )
        lines.append(f"| {row['id']} | {'yes' if why is None else 'no'} | {detail} |")

    # Syndication: shared 5-grams between the seed articles (copies at >= 0.5).
    from claimcmp.ingest import Article
    from claimcmp.syndication import containment

    seeds = [Article.from_file(p) for p in sorted((shared / "seeds").glob("*.txt"))]
    lines += ["", "## Syndication on the seeds: share of the shorter article's word 5-grams in the other", ""]
    lines += ["| pair | containment |", "|---|---|"]
    for i, x in enumerate(seeds):
        for y in seeds[i + 1 :]:
            lines.append(f"| {x.source[:3]} – {y.source[:3]} | {containment(x, y):.2f} |")

    return lines


if __name__ == "__main__":
    raise SystemExit(main())


