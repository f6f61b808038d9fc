"""Speed benchmarks; ``python benchmarks/run.py`` runs them after the quality figures.

    python benchmarks/run.py --only speed      # just these (about 7 minutes)

Figures (medians of several runs, all measured in this one run of the command):

* import time of ``import claimcmp`` (fresh interpreters);
* end to end on real story clusters (ECB+ dev clusters written to files): claims per second,
  and the ratio of the full ``claimcmp.compare`` time to a bare encode of the same claim
  texts with the same model, both warm, with the time per stage; for the torch and the
  ONNX backends;
* the ONNX backend's encode against torch's on the same texts: speed-up and cosine;
* a scaling curve, 2 … 1,000 articles in one cluster: time and peak memory, each size in a
  fresh process.

Every timed ``compare`` starts with claimcmp's memo caches emptied (``claimcmp.clear_caches``):
the same texts compared again would otherwise be partly free, which real new clusters are not.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from _shared import ROOT, require_shared

# Articles that exercise every detector (units, dates, quotes...): a warm-up run on them
# loads everything loaded lazily (pint's registry, the verdict model, lexicons).
WARM_UP = sorted((ROOT / "examples" / "harbor_bridge").glob("*.txt"))

#: Every 7th ECB+ dev cluster: 6 clusters of 10–20 articles (about 1,300 claims).
RATIO_CLUSTERS = slice(0, None, 7)
RATIO_RUNS = 3
SCALE_SIZES = ((2, 3), (10, 3), (50, 3), (200, 1), (496, 1), (1000, 1))  # (articles, runs)


def _detokenize(text: str) -> str:
    # ECB+ keeps Penn Treebank quotes (`` and ''); news files have real quotation marks.
    return text.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')


def ecb_docs(shared: Path) -> list[dict[str, Any]]:
    with (shared / "data/ecbplus/docs.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ecb_clusters(shared: Path) -> list[list[str]]:
    with (shared / "data/ecbplus/clusters.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line)["doc_ids"] for line in fh if line.strip()]


def write_articles(docs: list[dict[str, Any]], folder: Path) -> list[Path]:
    paths = []
    for d in docs:
        p = folder / f"{d['doc_id']}.txt"
        p.write_text(_detokenize(d["text"]) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def scaling_docs(shared: Path, n: int) -> list[dict[str, Any]]:
    """The first ``n`` ECB+ dev articles in file order (topic by topic); past all 496, each
    article again as a "second edition": first sentence dropped, the next article's first
    sentence appended — near-copies, as wire stories are when several outlets run them."""
    docs = ecb_docs(shared)
    out = docs[:n]
    for k in range(max(0, n - len(docs))):
        d, nxt = docs[k % len(docs)], docs[(k + 1) % len(docs)]
        sentences = [s["text"] for s in d["sentences"]]
        text = (
            " ".join([*sentences[1:], nxt["sentences"][0]["text"]])
            if len(sentences) > 1
            else d["text"]
        )
        out.append({"doc_id": f"{d['doc_id']}-ed2", "text": text})
    return out


# ------------------------------------------------------------------------------ pieces


def import_time(runs: int = 7) -> tuple[float, float]:
    """Median wall time of ``python -c 'import claimcmp'`` and of ``python -c 'pass'``."""

    def median_of(code: str) -> float:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    return median_of("import claimcmp"), median_of("pass")


class StageClock:
    """A ``progress`` callback that notes when each pipeline stage starts and ends."""

    def __init__(self) -> None:
        self.marks: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        self.marks.setdefault(f"{stage}-first", now)
        self.marks[f"{stage}-last"] = now


def timed_compare(paths: list[Path], **options: Any) -> tuple[float, Any, dict[str, float]]:
    import claimcmp

    claimcmp.clear_caches()
    clock = StageClock()
    t0 = time.perf_counter()
    report = claimcmp.compare(paths, progress=clock, **options)
    end = time.perf_counter()
    m = clock.marks
    stages = {
        "read, split, claims": m["embed-first"] - t0,
        "encode": m["embed-last"] - m["embed-first"],
        "align, syndication": m.get("compare-first", end) - m["embed-last"],
        "compare claims": m.get("compare-last", end) - m.get("compare-first", end),
        "anomalies, report": end - m.get("compare-last", end),
    }
    return end - t0, report, stages


def ratio_runs(clusters: list[list[Path]], backend: str) -> dict[str, Any]:
    """Full compare vs bare encode of the same claims, per run summed over the clusters."""
    import claimcmp
    from claimcmp.backends import make_embedder

    embedder = make_embedder(backend=backend)
    if backend == "torch":
        st = embedder.load()  # type: ignore[attr-defined]

        def bare(texts: list[str]) -> Any:
            return st.encode(
                texts,
                batch_size=64,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
    else:
        bare = embedder.encode
    bare([c.text for c in claimcmp.compare(WARM_UP, backend=backend).claims])
    full_times, bare_times, stage_runs = [], [], []
    claims = 0
    texts_all: list[str] = []
    for _ in range(RATIO_RUNS):
        full = enc = 0.0
        stages: dict[str, float] = {}
        claims = 0
        texts_all = []
        for paths in clusters:
            t, report, st_times = timed_compare(paths, backend=backend)
            full += t
            for k, v in st_times.items():
                stages[k] = stages.get(k, 0.0) + v
            texts = [c.text for c in report.claims]
            claims += len(texts)
            texts_all += texts
            t0 = time.perf_counter()
            bare(texts)
            enc += time.perf_counter() - t0
        full_times.append(full)
        bare_times.append(enc)
        stage_runs.append(stages)
    return {
        "full": statistics.median(full_times),
        "bare": statistics.median(bare_times),
        "ratios": [f / b for f, b in zip(full_times, bare_times, strict=True)],
        "claims": claims,
        "stages": {k: statistics.median(r[k] for r in stage_runs) for k in stage_runs[0]},
        "texts": texts_all,
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory. ``VmHWM`` starts afresh at ``exec``; ``ru_maxrss``
    would carry over the parent's peak into a child started with fork + exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_point(n: int, runs: int) -> dict[str, Any]:
    """One point of the scaling curve, in this (fresh) process."""
    import claimcmp
    from claimcmp.backends import make_embedder

    shared = require_shared()
    make_embedder().load()  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        claimcmp.compare(WARM_UP)
        baseline = peak_rss_mb()
        paths = write_articles(scaling_docs(shared, n), Path(tmp))
        times, report = [], None
        for _ in range(runs):
            t, report, _ = timed_compare(paths)
            times.append(t)
        assert report is not None
        peak = peak_rss_mb()
    return {
        "articles": n,
        "claims": len(report.claims),
        "pairs": len(report.pairs),
        "seconds": statistics.median(times),
        "runs": runs,
        "baseline_mb": baseline,
        "peak_mb": peak,
    }


# ------------------------------------------------------------------------------ report


def speed_lines() -> list[str]:
    shared = require_shared()
    docs = {d["doc_id"]: d for d in ecb_docs(shared)}
    lines = ["## Speed", ""]

    imp, bare_python = import_time()
    lines += [
        f"`import claimcmp`: {imp * 1000:.0f} ms median of 7 fresh interpreters, of which "
        f"{bare_python * 1000:.0f} ms is Python starting up (`python -c pass`): "
        f"**{(imp - bare_python) * 1000:.0f} ms** for claimcmp itself. No torch, NLTK, pint or "
        "scikit-learn is imported until a model or a detector is needed.",
        "",
    ]

    with tempfile.TemporaryDirectory() as tmp:
        clusters = []
        for k, ids in enumerate(ecb_clusters(shared)[RATIO_CLUSTERS]):
            folder = Path(tmp) / f"c{k}"
            folder.mkdir()
            clusters.append(write_articles([docs[i] for i in ids], folder))
        n_articles = sum(len(c) for c in clusters)
        results = {b: ratio_runs(clusters, b) for b in ("torch", "onnx")}

    lines += [
        "### End to end against the bare encode",
        "",
        f"{len(clusters)} ECB+ dev story clusters ({n_articles} articles as text files, "
        f"{results['torch']['claims']:,} claims), each compared with `claimcmp.compare(paths)`; "
        "the same claim texts then encoded alone: `SentenceTransformer.encode(texts, batch_size=64, "
        "normalize_embeddings=True)` for torch, `OnnxEmbedder.encode(texts)` for ONNX. Both warm "
        f"(model loaded, one run before timing); medians of {RATIO_RUNS} runs; every compare starts "
        "with claimcmp's memo caches emptied. Target: full pipeline ≤ 1.3× the bare encode.",
        "",
        "| backend | full compare | bare encode | **full / encode** (median; each run) | claims/s end to end |",
        "|---|---|---|---|---|",
    ]
    for b, r in results.items():
        each = ", ".join(f"{x:.2f}" for x in r["ratios"])
        lines.append(
            f"| {b} | {r['full']:.1f} s | {r['bare']:.1f} s | **{r['full'] / r['bare']:.2f}** ({each}) | "
            f"{r['claims'] / r['full']:.0f} |"
        )
    lines += [
        "",
        "Where the time of the full compare goes (medians, seconds):",
        "",
        "| stage | " + " | ".join(results) + " |",
        "|---|" + "---|" * len(results),
    ]
    for stage in results["torch"]["stages"]:
        cells = [
            f"{r['stages'][stage]:.2f} ({r['stages'][stage] / r['full']:.0%})"
            for r in results.values()
        ]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")

    # ONNX vs torch on the same texts: speed from the bare encodes above, agreement here.
    from claimcmp.backends import make_embedder

    texts = results["torch"]["texts"]
    t_vec = make_embedder(backend="torch").encode(texts)
    o_vec = make_embedder(backend="onnx").encode(texts)
    cos = (t_vec * o_vec).sum(axis=1)
    lines += [
        "",
        '### ONNX backend (`backend="onnx"`, `--backend onnx`)',
        "",
        "all-MiniLM-L6-v2 exported locally with `torch.onnx.export`, fused by ONNX Runtime's "
        "transformer optimizer, weights quantised to int8 (dynamic, per channel; the first two layers' feed-forward output "
        "projections stay float32); one text per "
        "run, runs in parallel on all cores (see `claimcmp/embed_onnx.py` for why). Same claim "
        "texts as above. Targets: ≥ 2.5× faster than torch, cosine ≥ 0.98 to torch's vectors.",
        "",
        "| encode speed-up over torch (median bare encode) | cosine to torch: mean | 1st percentile | min |",
        "|---|---|---|---|",
        f"| **{results['torch']['bare'] / results['onnx']['bare']:.2f}×** | **{cos.mean():.4f}** | "
        f"{np.percentile(cos, 1):.4f} | {cos.min():.4f} |",
    ]

    lines += [
        "",
        "### Scaling: one cluster of 2 … 1,000 articles",
        "",
        "The first N ECB+ dev articles in file order (several topics' clusters together); 496 is "
        'all of them; 1,000 adds a "second edition" of each (first sentence dropped, the next '
        "article's first sentence added: near-copies, as syndicated wire stories are). Each size "
        "in a fresh process with the torch backend; time is the median of the runs shown; peak "
        "memory is the process's maximum resident set (model, torch and all), and *model loaded* "
        "is that maximum before the cluster was read. Alignment keeps each claim's 50 most "
        "similar claims of other sources from blocks of at most 512 rows and 2M "
        "similarities — never the whole claims × claims matrix. Target: peak < 1.5 GB at 1,000 articles.",
        "",
        "| articles | claims | aligned pairs | time (runs) | claims/s | peak memory | model loaded |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, runs in SCALE_SIZES:
        proc = subprocess.run(
            [sys.executable, __file__, "--scale", str(n), "--runs", str(runs)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
        p = json.loads(proc.stdout.strip().splitlines()[-1])
        lines.append(
            f"| {p['articles']:,} | {p['claims']:,} | {p['pairs']:,} | {p['seconds']:.1f} s ({p['runs']}) | "
            f"{p['claims'] / p['seconds']:.0f} | {p['peak_mb']:,.0f} MB | {p['baseline_mb']:,.0f} MB |"
        )
        print(lines[-1], file=sys.stderr)
    return lines


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "--scale":
        runs = int(sys.argv[4]) if len(sys.argv) >= 5 else 1
        print(json.dumps(scale_point(int(sys.argv[2]), runs)))
        return 0
    print("\n".join(speed_lines()))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    raise SystemExit(main())
