"""The embedding backends, chosen by name: one registry for :func:`make_embedder`.

``"torch"`` is :class:`claimcmp.embed.SentenceTransformerEmbedder` (sentence-transformers, the
reference); ``"onnx"`` is :class:`claimcmp.embed_onnx.OnnxEmbedder` (ONNX Runtime, int8). A
backend's module is imported only when it is first asked for, so choosing ``"torch"`` never
imports ONNX Runtime and the reverse.
"""

from __future__ import annotations

import importlib
import os
import threading
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from claimcmp.cache import EmbeddingCache
    from claimcmp.protocols import Embedder

__all__ = ["BACKENDS", "Backend", "make_embedder"]

Backend = Literal["torch", "onnx"]
#: Backend name -> (module, class) of its embedder; the class takes the model as its argument.
_REGISTRY: dict[str, tuple[str, str]] = {
    "torch": ("claimcmp.embed", "SentenceTransformerEmbedder"),
    "onnx": ("claimcmp.embed_onnx", "OnnxEmbedder"),
}
BACKENDS: tuple[str, ...] = tuple(_REGISTRY)

_shared: dict[tuple[str, str], Embedder] = {}
_shared_lock = threading.Lock()


def make_embedder(
    model: str | os.PathLike[str] | None = None,
    *,
    backend: Backend | str = "torch",
    cache: bool | str | os.PathLike[str] | EmbeddingCache | None = None,
) -> Embedder:
    """The embedder for ``model`` on ``backend``, with an on-disk ``cache`` if asked for.

    ``cache``: None/False (none), True (the user cache directory), a directory, or an
    :class:`~claimcmp.cache.EmbeddingCache`. Embedders are shared per (model, backend) in a
    process, so a model is loaded once however many reports are made.
    """
    if backend not in BACKENDS:
        raise ValueError(f"'backend' must be one of {BACKENDS} (got {backend!r}).")
    key = (os.fspath(model) if model is not None else "", backend)
    with _shared_lock:  # two threads asking at once share one embedder
        embedder = _shared.get(key)
        if embedder is None:
            module, name = _REGISTRY[backend]
            embedder = getattr(importlib.import_module(module), name)(model)
            _shared[key] = embedder
    from claimcmp.cache import with_cache

    return with_cache(embedder, cache)
