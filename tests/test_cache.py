"""The on-disk embedding cache: hits skip the encode, keys separate models, files are shared."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import claimcmp
from claimcmp.cache import CachedEmbedder, EmbeddingCache, user_cache_dir, with_cache
from claimcmp.embed import HashingEmbedder
from claimcmp.errors import InputError

from .conftest import EXAMPLES


class CountingEmbedder(HashingEmbedder):
    """HashingEmbedder that records what it was asked to encode."""

    def __init__(self, dim: int = 256) -> None:
        super().__init__(dim=dim)
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return super().encode(texts)


def test_round_trip_and_counts(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    vectors = HashingEmbedder(dim=8).encode(["one", "two"])
    assert cache.get("m", ["one", "two"]) == [None, None]
    cache.put("m", ["one", "two"], vectors)
    got = cache.get("m", ["two", "one", "three"])
    assert got[2] is None
    np.testing.assert_array_equal(got[0], vectors[1])
    np.testing.assert_array_equal(got[1], vectors[0])
    assert cache.get("other-model", ["one"]) == [None]  # the model is part of the key
    st = cache.stats()
    assert (st.entries, st.models, st.hits, st.misses) == (2, 1, 2, 4)
    assert st.size_bytes > 0
    assert cache.clear("m") == 2
    assert cache.stats().entries == 0


def test_cached_embedder_encodes_only_what_it_has_not_seen(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    first = cached.encode(["a b", "c d", "a b"])
    assert inner.calls == [["a b", "c d"]]  # duplicates encoded once
    second = cached.encode(["c d", "e f", "a b"])
    assert inner.calls[1] == ["e f"]
    np.testing.assert_array_equal(second[0], first[1])
    np.testing.assert_array_equal(second[2], first[0])
    assert second.dtype == np.float32
    # A fresh process (here: a fresh object on the same folder) reads what was stored.
    again = CachedEmbedder(CountingEmbedder(), EmbeddingCache(tmp_path))
    again.encode(["a b", "c d", "e f"])
    assert again.embedder.calls == []  # type: ignore[attr-defined]


def test_another_model_does_not_reuse_vectors(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    small, large = CountingEmbedder(dim=64), CountingEmbedder(dim=128)
    CachedEmbedder(small, cache).encode(["x y"])
    out = CachedEmbedder(large, cache).encode(["x y"])
    assert large.calls == [["x y"]] and out.shape == (1, 128)


def test_compare_rerun_skips_the_encode_and_gives_the_same_report(tmp_path: Path) -> None:
    paths = sorted(EXAMPLES.glob("*.txt"))
    inner = CountingEmbedder()
    first = claimcmp.compare(paths, embedder=inner, cache=tmp_path)
    assert len(inner.calls) == 1
    second = claimcmp.compare(paths, embedder=inner, cache=tmp_path)
    assert len(inner.calls) == 1  # every claim came from the cache
    assert first.to_dict() == second.to_dict()
    assert claimcmp.compare(paths, embedder=inner).to_dict() == first.to_dict()


def test_cache_pickles_without_its_connection(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    cache.put("m", ["t"], np.ones((1, 4), np.float32))
    copy = pickle.loads(pickle.dumps(CachedEmbedder(HashingEmbedder(dim=4), cache)))
    assert copy.cache.get("m", ["t"])[0] is not None


def test_two_processes_write_the_same_file(tmp_path: Path) -> None:
    code = (
        "import sys, numpy as np\n"
        "from claimcmp.cache import EmbeddingCache\n"
        "c = EmbeddingCache(sys.argv[1])\n"
        "for i in range(50):\n"
        "    c.put('m', [f'{sys.argv[2]}-{i}'], np.full((1, 4), i, np.float32))\n"
    )
    # Four processes create the same new file at once, then write to it.
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path), tag]) for tag in "abcd"]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    assert EmbeddingCache(tmp_path).stats().entries == 200


def test_unusable_directory_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match="cannot open the embedding cache"):
        EmbeddingCache(blocker / "sub").get("m", ["x"])


def test_user_cache_dir_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMCMP_CACHE_DIR", str(tmp_path / "here"))
    assert user_cache_dir() == tmp_path / "here"
    assert isinstance(with_cache(HashingEmbedder(), True), CachedEmbedder)
    assert with_cache(HashingEmbedder(), True).cache.path.parent == tmp_path / "here"  # type: ignore[attr-defined]
    plain = HashingEmbedder()
    assert with_cache(plain, None) is plain and with_cache(plain, False) is plain
