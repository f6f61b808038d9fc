"""The ONNX Runtime backend of the embed stage: the same model, int8, without torch at run time.

``claimcmp.compare(paths, backend="onnx")`` (``--backend onnx``) encodes with
:class:`OnnxEmbedder`. On first use the model folder (default: the bundled all-MiniLM-L6-v2)
is exported locally — nothing is downloaded:

1. the transformer is exported with ``torch.onnx.export`` (or, if the folder ships
   ``onnx/model.onnx``, that file is used and torch is not needed at all);
2. ONNX Runtime's transformer optimizer fuses attention, layer norms and GELU;
3. the weights are quantised to int8 (dynamic quantisation, per channel), except the
   feed-forward output projections of the first two layers, which stay float32 (why: see
   :data:`_FLOAT_NODE_PATTERN`).

The result is cached in the user cache directory (``$CLAIMCMP_CACHE_DIR`` or the platform's,
see :func:`claimcmp.cache.user_cache_dir`) under a digest of the model's files, so later runs
— and every process of a pool — load it in well under a second and never import torch.
Tokenisation uses the folder's ``tokenizer.json`` (Hugging Face ``tokenizers``); pooling and
normalisation follow the folder's sentence-transformers configuration.

Needs the ``onnx`` extra: ``pip install 'claimcmp[onnx]'`` (onnxruntime and onnx).
docs/benchmarks.md gives the speed and the agreement with the torch backend.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from claimcmp.errors import MissingDependencyError, ModelLoadError
from claimcmp.models import DEFAULT_MODEL, folder_fingerprint, resolve_model_folder, worker_threads

__all__ = ["QUANTIZATIONS", "OnnxEmbedder", "export_onnx"]

#: ``"int8"``: dynamic int8 quantisation (the fast default); ``"none"``: float32, for checking.
QUANTIZATIONS = ("int8", "none")
# Bumped when the export recipe changes, so stale exports in users' caches are not reused.
_RECIPE = "2"
# MatMuls kept in float32 by the int8 recipe: the feed-forward output projections of the first
# two transformer layers. Their input is the GELU output, whose range is dominated by a few
# outlier channels, so one dynamic int8 scale for the whole tensor crushes the rest; the error
# then rides the residual stream through every later layer. Chosen on all-MiniLM-L6-v2 by
# leaving one node, then pairs, out of quantisation: keeping these two in float32 lifts the
# worst cosine to torch's vectors from 0.970 to 0.980 on the speed benchmark's 1,371 ECB+
# claims and from 0.972 to 0.980 on 3,578 held-out STS-B and SummEdits sentences, for ~4% of
# the encode time (`python benchmarks/onnx_recipe.py`; figures in docs/benchmarks.md).
# Names follow the Hugging Face module paths, which torch.onnx.export and Optimum keep; a
# graph without them is quantised whole.
_FLOAT_NODE_PATTERN = re.compile(r"(^|/)layer\.[01]/output/dense/MatMul$")
_POOLING_MODES = ("mean", "cls", "max")

_sessions: dict[str, Any] = {}
_sessions_lock = threading.Lock()
_export_lock = threading.Lock()


@contextlib.contextmanager
def _quiet_root_logger() -> Iterator[None]:
    """The quantiser logs advice on the root logger; it is not for claimcmp's users."""
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(previous)


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"the ONNX backend needs '{module.split('.')[0]}'; pip install 'claimcmp[onnx]' "
            "(onnxruntime and onnx), or use backend='torch'."
        ) from exc


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelLoadError(
            f"cannot read '{path}': {exc}; is this a sentence-transformers model folder?"
        ) from exc


def _model_layout(folder: Path) -> tuple[str, int, bool]:
    """``(pooling, max_seq_length, normalize)`` from the sentence-transformers configuration.

    Only transformer → pooling (→ normalize) models can run here: a Dense or other module
    would be silently dropped, so such models are refused with advice.
    """
    modules = _read_json(folder / "modules.json") if (folder / "modules.json").is_file() else []
    kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules]
    if kinds[:2] != ["Transformer", "Pooling"] or any(k != "Normalize" for k in kinds[2:]):
        raise ModelLoadError(
            f"the ONNX backend runs transformer + pooling (+ normalize) models; '{folder}' has "
            f"modules {kinds or 'none'}; use backend='torch' for it."
        )
    pooling_dir = folder / str(modules[1].get("path", "1_Pooling"))
    pool = _read_json(pooling_dir / "config.json")
    modes = [
        m
        for m in _POOLING_MODES
        if pool.get(f"pooling_mode_{m}_tokens" if m != "cls" else "pooling_mode_cls_token")
    ]
    if len(modes) != 1 or any(
        v
        for k, v in pool.items()
        if k.startswith("pooling_mode_") and k.split("_")[2] not in _POOLING_MODES
    ):
        raise ModelLoadError(
            f"the ONNX backend supports one of mean, cls or max pooling; '{pooling_dir}' asks for "
            f"{ {k: v for k, v in pool.items() if k.startswith('pooling_mode_')} }; use backend='torch'."
        )
    max_len = 512
    sbert = folder / "sentence_bert_config.json"
    if sbert.is_file():
        max_len = int(_read_json(sbert).get("max_seq_length") or max_len)
    return modes[0], max_len, len(kinds) > 2


def _export_float(folder: Path, out: Path) -> None:
    """The transformer of ``folder`` as a float32 ONNX graph: (input_ids, attention_mask[,
    token_type_ids]) → last_hidden_state, batch and sequence axes dynamic."""
    shipped = folder / "onnx" / "model.onnx"
    if shipped.is_file():
        out.write_bytes(shipped.read_bytes())
        return
    try:
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise MissingDependencyError(
            "exporting the model to ONNX needs torch and transformers (installed with "
            "sentence-transformers); pip install torch==2.13.0 sentence-transformers"
        ) from exc

    # Eager attention traces to the plain ops the optimizer fuses into one Attention node.
    base = AutoModel.from_pretrained(
        str(folder), attn_implementation="eager", local_files_only=True
    )
    base.eval()
    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    sample = tokenizer(
        ["A sample sentence for tracing.", "Another one"], padding=True, return_tensors="pt"
    )
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]

    class _Hidden(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, *inputs: Any) -> Any:
            return self.model(**dict(zip(names, inputs, strict=True))).last_hidden_state

    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about Python booleans in HF code
        torch.onnx.export(
            _Hidden(base),
            tuple(sample[n] for n in names),
            str(out),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "sequence"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )


def _float_nodes(graph_model: Any) -> list[str]:
    """Names of the MatMul nodes the int8 recipe keeps in float32 (:data:`_FLOAT_NODE_PATTERN`)."""
    return [
        node.name
        for node in graph_model.graph.node
        if node.op_type == "MatMul" and _FLOAT_NODE_PATTERN.search(node.name)
    ]


def _quantize_int8(src: Path, out: Path, float_nodes: list[str]) -> None:
    """Dynamic int8 quantisation of ``src`` into ``out``, ``float_nodes`` left in float32.
    (Separate so that ``benchmarks/onnx_recipe.py`` measures the same settings.)"""
    onnx = _require("onnx")
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with warnings.catch_warnings(), _quiet_root_logger():
        warnings.simplefilter("ignore")
        # Per-channel scales and a 7-bit range: on CPUs without VNNI the 8-bit
        # products can saturate; both keep the vectors close to float32's.
        quantize_dynamic(
            str(src),
            str(out),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
            nodes_to_exclude=float_nodes,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )


def _optimize(src: Path, out: Path, folder: Path) -> Path:
    """Fuse attention, layer norms and GELU (ONNX Runtime's transformer optimizer); the graph
    is returned unchanged for architectures the optimizer does not know."""
    try:
        from onnxruntime.transformers import optimizer
    except ImportError:
        return src
    config = _read_json(folder / "config.json")
    heads, hidden = config.get("num_attention_heads"), config.get("hidden_size")
    if not heads or not hidden:
        return src
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = optimizer.optimize_model(
                str(src), model_type="bert", num_heads=int(heads), hidden_size=int(hidden)
            )
            model.save_model_to_file(str(out))
    except Exception:  # an architecture the fusions do not cover: the plain graph still runs
        return src
    return out


def export_onnx(
    model: str | os.PathLike[str] | None = None,
    *,
    quantization: str = "int8",
    cache_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """The ONNX file for ``model`` (a folder or cached name; default the bundled model),
    exported and quantised on first call, then taken from the cache directory."""
    if quantization not in QUANTIZATIONS:
        raise ValueError(f"'quantization' must be one of {QUANTIZATIONS} (got {quantization!r}).")
    folder = resolve_model_folder(model)
    _model_layout(folder)  # refuse unsupported models before any work
    exports = _exports_dir(cache_dir)
    fingerprint = folder_fingerprint(folder)
    target = exports / _export_name(fingerprint, _RECIPE, quantization)
    if target.is_file():
        return target
    _require("onnxruntime")
    onnx = _require("onnx")
    with _export_lock:
        if target.is_file():
            return target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ModelLoadError(
                f"cannot create '{target.parent}' for the exported model: {exc.strerror}; "
                "set CLAIMCMP_CACHE_DIR to a writable directory."
            ) from exc
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as tmp:
            work = Path(tmp)
            plain = work / "model.onnx"
            _export_float(folder, plain)
            fused = _optimize(plain, work / "fused.onnx", folder)
            final = work / "final.onnx"
            if quantization == "int8":
                float_nodes = _float_nodes(onnx.load(str(fused), load_external_data=False))
                _quantize_int8(fused, final, float_nodes)
            else:
                final = fused
            # Atomic: a concurrent process sees either no file or a whole one.
            os.replace(final, target)
        _remove_other_recipes(exports, fingerprint, quantization)
    return target


def _exports_dir(cache_dir: str | os.PathLike[str] | None) -> Path:
    from claimcmp.cache import resolve_cache_dir

    return resolve_cache_dir(cache_dir) / "onnx"


def _export_name(fingerprint: str, recipe: str, quantization: str) -> str:
    return f"{fingerprint}-r{recipe}-{quantization}.onnx"


def _remove_other_recipes(exports: Path, fingerprint: str, quantization: str) -> None:
    # An export made by another recipe of the same weights is never read again; without
    # this every upgrade would leave ~25 MB behind. A process still using one keeps its open
    # file on POSIX; where it cannot be removed (Windows, read-only), it stays for `cache clear`.
    current = _export_name(fingerprint, _RECIPE, quantization)
    for old in exports.glob(_export_name(fingerprint, "*", quantization)):
        if old.name != current:
            with contextlib.suppress(OSError):
                old.unlink()


def exported_models(cache_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """The ONNX exports kept in the cache directory (default: the user cache directory)."""
    return sorted(_exports_dir(cache_dir).glob("*.onnx"))


def clear_exported_models(cache_dir: str | os.PathLike[str] | None = None) -> int:
    """Remove every cached ONNX export; the next ``backend="onnx"`` run exports again.
    Returns how many files were removed."""
    removed = 0
    for path in exported_models(cache_dir):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


class OnnxEmbedder:
    """Encodes with ONNX Runtime (see the module docstring); same interface as
    :class:`~claimcmp.embed.SentenceTransformerEmbedder`.

    Texts are run one at a time (``batch_size=1``), ``threads`` of them at once, each run on
    one core. One at a time because int8 quantisation is *dynamic*: activations are scaled by
    the range of the whole input tensor, so in a batch a text's vector would depend on the
    other texts in it — on which cluster it came with — and the embedding cache would store
    vectors that the next run could not reproduce. (``batch_size`` > 1 is allowed, and is a
    little faster on some machines, at that price.) Parallel single-core runs are also faster
    here than one run on all cores: the matrices of one sentence are small.

    ``threads`` defaults to ``$CLAIMCMP_THREADS``, else the number of cores. Sessions are
    loaded once per process per (file, threads); the embedder pickles as its settings.
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        quantization: str = "int8",
        batch_size: int = 1,
        threads: int | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        if quantization not in QUANTIZATIONS:
            raise ValueError(
                f"'quantization' must be one of {QUANTIZATIONS} (got {quantization!r})."
            )
        for field, value in (("batch_size", batch_size), ("threads", threads)):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 1
            ):
                raise ValueError(f"'{field}' must be a positive int (got {value!r}).")
        self.model = model
        self.quantization = quantization
        self.batch_size = batch_size
        self.threads = threads
        self.cache_dir = cache_dir
        self._state: tuple[Any, Any, str, bool, list[str], int] | None = None

    @property
    def name(self) -> str:
        base = DEFAULT_MODEL if self.model is None else os.fspath(self.model)
        return f"{base} (onnx-{self.quantization})"

    @property
    def fingerprint(self) -> str:
        batching = "" if self.batch_size == 1 else f"-b{self.batch_size}"
        return f"onnx-{self.quantization}{batching}-r{_RECIPE}:{folder_fingerprint(resolve_model_folder(self.model))}"

    def load(self) -> Any:
        """Export if needed and open the session now (otherwise on the first ``encode``)."""
        if self._state is not None:
            return self._state[0]
        ort = _require("onnxruntime")
        folder = resolve_model_folder(self.model)
        pooling, max_len, normalize = _model_layout(folder)
        path = export_onnx(self.model, quantization=self.quantization, cache_dir=self.cache_dir)
        workers = self.threads or worker_threads() or os.cpu_count() or 1
        with _sessions_lock:
            session = _sessions.get(str(path))
            if session is None:
                options = ort.SessionOptions()
                options.intra_op_num_threads = 1  # parallel across texts instead (see above)
                try:
                    session = ort.InferenceSession(
                        str(path), options, providers=["CPUExecutionProvider"]
                    )
                except Exception as exc:  # a truncated or foreign file in the cache
                    raise ModelLoadError(
                        f"cannot load the exported model '{path}' ({type(exc).__name__}); delete it "
                        "and it will be exported again."
                    ) from exc
                _sessions[str(path)] = session
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=max_len)
        tokenizer.no_padding()
        inputs = [i.name for i in session.get_inputs()]
        self._state = (session, tokenizer, pooling, normalize, inputs, workers)
        return session

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        self.load()
        assert self._state is not None
        session, tokenizer, pooling, normalize, inputs, workers = self._state
        encodings = tokenizer.encode_batch(texts)
        # Longest first, batches of similar length: little padding, and the long texts are
        # not left for the end of a parallel run.
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        batches = [order[s : s + self.batch_size] for s in range(0, len(order), self.batch_size)]

        def run(rows: list[int]) -> np.ndarray:
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            types = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                e = encodings[i]
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
                types[r, : len(e.ids)] = e.type_ids
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            vectors = _pool(session.run(None, {n: feeds[n] for n in inputs})[0], mask, pooling)
            if normalize:
                vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            return vectors

        if workers > 1 and len(batches) > 1:
            from concurrent.futures import ThreadPoolExecutor

            # session.run releases the GIL and is safe to call from several threads.
            with ThreadPoolExecutor(min(workers, len(batches))) as pool:
                results = list(pool.map(run, batches))
        else:
            results = [run(b) for b in batches]
        out = np.zeros((len(texts), results[0].shape[1]), dtype=np.float32)
        for rows, vectors in zip(batches, results, strict=True):
            out[rows] = vectors
        return out

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_state"] = None  # sessions do not pickle; workers load their own
        return state

    def __repr__(self) -> str:
        return f"OnnxEmbedder({self.name!r}, threads={self.threads})"


def _pool(hidden: np.ndarray, mask: np.ndarray, mode: str) -> np.ndarray:
    m = mask[..., None].astype(np.float32)
    if mode == "cls":
        return np.array(hidden[:, 0], dtype=np.float32)
    if mode == "max":
        return np.asarray(np.where(m > 0, hidden, -1e9).max(axis=1), dtype=np.float32)
    return np.asarray((hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9), dtype=np.float32)
