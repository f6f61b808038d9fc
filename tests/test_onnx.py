"""The ONNX Runtime backend: exported locally, close to torch, the same verdicts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import claimcmp
from claimcmp.embed_onnx import OnnxEmbedder, export_onnx
from claimcmp.errors import MissingDependencyError, ModelLoadError

from .conftest import EXAMPLES, check_expectations, read_jsonl

slow = pytest.mark.slow

SENTENCES = [
    "The bridge was closed after the storm damaged two of its cables.",
    "Officials said 14 people were injured, three of them seriously.",
    "The mayor did not rule out a second inquiry.",
    "Stocks rose 2.5% on Tuesday.",
    "Belarus' president said his country was ready to help.",
]


@slow
def test_vectors_are_close_to_torch(onnx_embedder: OnnxEmbedder, embedder: Any) -> None:
    texts = SENTENCES + [
        line
        for p in sorted(EXAMPLES.glob("*.txt"))
        for line in p.read_text().splitlines()
        if len(line) > 40
    ]
    o, t = onnx_embedder.encode(texts), embedder.encode(texts)
    assert o.shape == t.shape and o.dtype == np.float32
    assert np.allclose(np.linalg.norm(o, axis=1), 1.0, atol=1e-4)
    cos = (o * t).sum(axis=1)
    assert cos.mean() >= 0.99 and cos.min() >= 0.975, (cos.mean(), cos.min())
    # Order and batching do not change a text's vector.
    again = onnx_embedder.encode(list(reversed(texts)))[::-1]
    np.testing.assert_allclose(again, o, atol=1e-5)


@slow
def test_int8_keeps_the_early_feed_forward_outputs_in_float(onnx_embedder: OnnxEmbedder) -> None:
    # The recipe finds these nodes by name; if an exporter renames them, they would silently be
    # quantised and the worst-case cosine to torch would fall back to ~0.97. Fail instead.
    onnx = pytest.importorskip("onnx")
    graph = onnx.load(
        str(export_onnx(onnx_embedder.model, cache_dir=onnx_embedder.cache_dir))
    ).graph
    float_matmuls = sorted(n.name for n in graph.node if n.op_type == "MatMul")
    assert float_matmuls == [
        "/model/encoder/layer.0/output/dense/MatMul",
        "/model/encoder/layer.1/output/dense/MatMul",
    ]
    # The other 16 of the 18 dense MatMuls (per layer: attention output, FFN in, FFN out) are int8.
    assert sum(n.op_type == "MatMulInteger" for n in graph.node) == 16
    assert sum(n.op_type == "QAttention" for n in graph.node) == 6


def _verdicts(report: claimcmp.Report) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    return {(p.a, p.b): (p.verdict, p.decisive_kinds) for p in report.pairs}


@slow
@pytest.mark.shared
@pytest.mark.parametrize("which", ["seeds", "examples"])
def test_same_verdicts_as_torch(
    which: str, shared: Path, onnx_embedder: OnnxEmbedder, embedder: Any
) -> None:
    if which == "seeds":
        paths, rows = (
            sorted((shared / "seeds").glob("*.txt")),
            read_jsonl(shared / "gold" / "seeds.jsonl"),
        )
    else:
        paths, rows = sorted(EXAMPLES.glob("*.txt")), read_jsonl(EXAMPLES / "expected.jsonl")
    torch_report = claimcmp.compare(paths, embedder=embedder)
    onnx_report = claimcmp.compare(paths, embedder=onnx_embedder)
    # Every expectation holds with both backends...
    assert check_expectations(torch_report, rows) == []
    assert check_expectations(onnx_report, rows) == []
    # ...every pair both backends align gets the same verdict and decisive kinds...
    t, o = _verdicts(torch_report), _verdicts(onnx_report)
    shared_pairs = t.keys() & o.keys()
    assert {k: t[k] for k in shared_pairs} == {k: o[k] for k in shared_pairs}
    # ...and the pairs themselves differ only at the alignment threshold's margin (int8
    # moves similarities by about 0.01): the ones only one backend aligns are all below 0.7.
    assert len(shared_pairs) >= 0.9 * max(len(t), len(o))
    for report, only in ((torch_report, t.keys() - o.keys()), (onnx_report, o.keys() - t.keys())):
        for p in report.pairs:
            if (p.a, p.b) in only:
                assert p.similarity < 0.7, p


@slow
def test_exported_model_loads_without_torch(onnx_embedder: OnnxEmbedder) -> None:
    code = (
        "import sys\n"
        "from claimcmp.embed_onnx import OnnxEmbedder\n"
        "v = OnnxEmbedder().encode(['Twelve people were hurt.'])\n"
        "assert v.shape == (1, 384), v.shape\n"
        "assert 'torch' not in sys.modules, 'torch imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=dict(os.environ))


@slow
def test_export_is_cached_and_keyed_by_the_weights(onnx_embedder: OnnxEmbedder) -> None:
    path = export_onnx()
    assert path.is_file() and path.parent.parent == Path(os.environ["CLAIMCMP_CACHE_DIR"])
    assert export_onnx() == path  # second call: the cached file
    assert onnx_embedder.fingerprint.startswith("onnx-int8-")
    assert onnx_embedder.fingerprint != claimcmp.SentenceTransformerEmbedder().fingerprint
    assert onnx_embedder.name == "all-MiniLM-L6-v2 (onnx-int8)"


def test_a_new_export_removes_older_recipes_of_the_same_weights(tmp_path: Path) -> None:
    from claimcmp.embed_onnx import _RECIPE, _remove_other_recipes

    folder = tmp_path / "onnx"
    folder.mkdir()
    current = f"ab12-r{_RECIPE}-int8.onnx"
    names = ["ab12-r1-int8.onnx", current, "ab12-r1-none.onnx", "cd34-r1-int8.onnx"]
    for name in names:
        (folder / name).write_bytes(b"x")
    _remove_other_recipes(folder, "ab12", "int8")
    # Only the same weights and quantisation by another recipe go; other models stay.
    assert sorted(p.name for p in folder.iterdir()) == sorted(set(names) - {"ab12-r1-int8.onnx"})


def test_models_the_backend_cannot_run_are_refused(tmp_path: Path) -> None:
    (tmp_path / "modules.json").write_text(
        json.dumps(
            [
                {"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "path": "2_Dense", "type": "sentence_transformers.models.Dense"},
            ]
        )
    )
    with pytest.raises(ModelLoadError, match="use backend='torch'"):
        export_onnx(tmp_path)
    with pytest.raises(ModelLoadError, match="does not exist"):
        OnnxEmbedder(tmp_path / "missing").load()
    with pytest.raises(ValueError, match="'quantization' must be one of"):
        OnnxEmbedder(quantization="int4")


def test_missing_onnxruntime_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails
    with pytest.raises(MissingDependencyError, match=r"claimcmp\[onnx\]"):
        OnnxEmbedder().load()


def test_backend_option_is_validated(hashing: Any) -> None:
    with pytest.raises(ValueError, match="'backend' must be one of"):
        claimcmp.compare(sorted(EXAMPLES.glob("*.txt")), backend="tensorflow")


def test_embedder_and_backend_together_are_refused(hashing: Any) -> None:
    with pytest.raises(ValueError, match="not both"):
        claimcmp.compare(sorted(EXAMPLES.glob("*.txt")), embedder=hashing, backend="onnx")
