from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimcmp.embed import HashingEmbedder, SentenceTransformerEmbedder, load_sentence_transformer
from claimcmp.errors import ModelLoadError
from claimcmp.models import default_model_path

from .conftest import needs_torch


def test_bundled_model_folder_exists() -> None:
    assert (Path(default_model_path()) / "config.json").is_file()


def test_hashing_embedder_is_deterministic_and_normalised() -> None:
    e = HashingEmbedder(dim=128)
    a = e.encode(["Twelve people were hurt.", "Twelve people were hurt.", "A cat sat."])
    assert a.shape == (3, 128)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert np.allclose(a[0], a[1])
    assert float(a[0] @ a[2]) < 0.5


@pytest.mark.slow
def test_real_model_gives_unit_vectors_and_meaningful_similarity(embedder: Any) -> None:
    v = embedder.encode(
        [
            "The bridge was closed after the storm.",
            "After the storm the bridge was shut.",
            "Stocks rose.",
        ]
    )
    assert v.shape == (3, 384)
    assert v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > 0.8 > float(v[0] @ v[2])
    assert embedder.encode([]).shape[0] == 0


@pytest.mark.slow
def test_model_is_loaded_once_per_process(embedder: Any) -> None:
    assert load_sentence_transformer() is embedder.load()
    assert SentenceTransformerEmbedder("all-MiniLM-L6-v2").load() is embedder.load()


@needs_torch
def test_missing_folder_and_uncached_name(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_sentence_transformer(str(tmp_path / "nothing" / "here"))
    with pytest.raises(ModelLoadError, match="not in the local cache"):
        load_sentence_transformer("no-such-org/no-such-model-xyz")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelLoadError, match="not a sentence-transformers model"):
        load_sentence_transformer(str(tmp_path / "empty"))
