"""Why the int8 ONNX export keeps two MatMuls in float32: the recipes side by side.

    python benchmarks/onnx_recipe.py     # needs ../shared (or CLAIMCMP_SHARED); offline; ~4 minutes

Exports all-MiniLM-L6-v2 once (``torch.onnx.export`` + ONNX Runtime's fusions, as
``claimcmp.embed_onnx.export_onnx`` does), then builds from the same fused graph

* every dense MatMul in int8 (recipe 1, what claimcmp shipped first),
* the shipped recipe: int8 except the MatMuls named by ``_FLOAT_NODE_PATTERN``,
* no quantisation (float32),

with the shipped quantisation settings (``_quantize_int8``), and measures each against torch's
vectors on two text sets: the speed benchmark's ECB+ claims (the set the float nodes were
chosen on) and held-out sentences (STS-B dev and SummEdits, never used for that choice); and
its encode time on the claims, runs interleaved across recipes, median of 5. Writes its
section at the end of docs/benchmarks.md (``benchmarks/run.py`` keeps it).
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from _shared import ROOT, read_jsonl, require_shared

MARKER = "\n<!-- onnx-recipe -->\n"
RUNS = 5


def claim_texts(shared: Path) -> list[str]:
    """The claims of the speed benchmark's end-to-end clusters."""
    from speed import RATIO_CLUSTERS, ecb_clusters, ecb_docs, write_articles

    import claimcmp

    docs = {d["doc_id"]: d for d in ecb_docs(shared)}
    texts: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, ids in enumerate(ecb_clusters(shared)[RATIO_CLUSTERS]):
            folder = Path(tmp) / str(k)
            folder.mkdir()
            paths = write_articles([docs[i] for i in ids], folder)
            texts += [c.text for c in claimcmp.compare(paths).claims]
    return texts


def held_out_texts(shared: Path) -> list[str]:
    found: set[str] = set()
    with (shared / "data/stsb/sts-dev.csv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7:
                found.update((row[5], row[6]))
    for pair in read_jsonl(shared / "data/summedits/summedits_ectsum_pairs.jsonl"):
        found.update((pair["text_a"], pair["text_b"]))
    return sorted(t for t in found if t.strip())


def build_recipes(work: Path) -> dict[str, Any]:
    """One OnnxEmbedder per recipe, each reading its file from its own cache folder."""
    import onnx

    from claimcmp import embed_onnx as eo
    from claimcmp.models import folder_fingerprint, resolve_model_folder

    folder = resolve_model_folder(None)
    fingerprint = folder_fingerprint(folder)
    plain = work / "plain.onnx"
    eo._export_float(folder, plain)
    fused = eo._optimize(plain, work / "fused.onnx", folder)
    shipped_float = eo._float_nodes(onnx.load(str(fused), load_external_data=False))
    recipes: dict[str, Any] = {}
    for label, quantization, float_nodes in (
        ("r1: every dense MatMul int8", "int8", []),
        (
            f"r{eo._RECIPE} (shipped): {len(shipped_float)} MatMuls kept float32",
            "int8",
            shipped_float,
        ),
        ("float32 (no quantisation)", "none", None),
    ):
        cache = work / f"cache{len(recipes)}"
        target = eo._exports_dir(cache) / eo._export_name(fingerprint, eo._RECIPE, quantization)
        target.parent.mkdir(parents=True)
        if float_nodes is None:
            target.write_bytes(fused.read_bytes())
        else:
            eo._quantize_int8(fused, target, float_nodes)
        recipes[label] = eo.OnnxEmbedder(quantization=quantization, cache_dir=cache)
    return recipes


def cosines(vectors: np.ndarray, reference: np.ndarray) -> str:
    cos = (vectors * reference).sum(axis=1)
    return f"{cos.mean():.4f} | {np.percentile(cos, 1):.4f} | {cos.min():.4f}"


def recipe_lines() -> list[str]:
    from claimcmp.embed import SentenceTransformerEmbedder

    shared = require_shared()
    claims, held_out = claim_texts(shared), held_out_texts(shared)
    torch_model = SentenceTransformerEmbedder()
    reference = {"claims": torch_model.encode(claims), "held_out": torch_model.encode(held_out)}
    with tempfile.TemporaryDirectory() as tmp:
        recipes = build_recipes(Path(tmp))
        for embedder in recipes.values():
            embedder.encode(claims[:50])  # load and warm
        times: dict[str, list[float]] = {label: [] for label in recipes}
        vectors: dict[str, np.ndarray] = {}
        for _ in range(RUNS):
            for label, embedder in recipes.items():
                t0 = time.perf_counter()
                vectors[label] = embedder.encode(claims)
                times[label].append(time.perf_counter() - t0)
        rows = []
        for label, embedder in recipes.items():
            rows.append(
                f"| {label} | {statistics.median(times[label]):.2f} s | "
                f"{cosines(vectors[label], reference['claims'])} | "
                f"{cosines(embedder.encode(held_out), reference['held_out'])} |"
            )
    return [
        "## ONNX export recipes (`python benchmarks/onnx_recipe.py`)",
        "",
        "Which MatMuls the int8 export keeps in float32 (`claimcmp/embed_onnx.py`, "
        "`_FLOAT_NODE_PATTERN`), measured from one fused export of all-MiniLM-L6-v2. Cosine to "
        f"torch's vectors (mean | 1st percentile | min) on the speed benchmark's {len(claims):,} "
        f"ECB+ claims, on which the float nodes were chosen, and on {len(held_out):,} held-out "
        "STS-B dev and SummEdits sentences. Encode time: the claims, one text per run, "
        f"runs interleaved across recipes, median of {RUNS}. Target: cosine ≥ 0.98.",
        "",
        "| recipe | encode | claims: mean | p1 | min | held out: mean | p1 | min |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
    ]


def main() -> int:
    lines = recipe_lines()
    out = ROOT / "docs" / "benchmarks.md"
    before = out.read_text(encoding="utf-8").partition(MARKER)[0] if out.exists() else ""
    out.write_text(before.rstrip("\n") + "\n" + MARKER + "\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    raise SystemExit(main())
