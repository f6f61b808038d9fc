"""Shared fixtures: the ../shared folder, and one real embedding model per session."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMCMP_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "harbor_bridge"

#: The torch part of the install (CI also runs the tests in a torch-free Python 3.10 install).
TORCH_INSTALLED = all(
    importlib.util.find_spec(m) is not None for m in ("torch", "sentence_transformers")
)
needs_torch = pytest.mark.skipif(
    not TORCH_INSTALLED, reason="needs torch and sentence-transformers (not in this install)"
)


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Caches (embeddings, ONNX exports) go to a session folder, never the user's."""
    os.environ["CLAIMCMP_CACHE_DIR"] = str(tmp_path_factory.mktemp("claimcmp-cache"))


@pytest.fixture(scope="session")
def onnx_embedder(_private_cache_dir: None) -> Any:
    """The ONNX backend, exported once per session (tens of seconds) into the session cache."""
    from claimcmp.embed_onnx import OnnxEmbedder

    e = OnnxEmbedder()
    e.load()
    return e


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; skips without it, fails if CLAIMCMP_REQUIRE_SHARED=1."""
    if not (SHARED / "seeds").is_dir():
        if os.environ.get("CLAIMCMP_REQUIRE_SHARED") == "1":
            pytest.fail(f"CLAIMCMP_REQUIRE_SHARED=1 but shared data is missing at {SHARED}")
        pytest.skip(f"shared data not found at {SHARED} (set CLAIMCMP_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def embedder() -> Any:
    """The real default embedder, loaded once per session (marks nothing: use @slow)."""
    from claimcmp.embed import SentenceTransformerEmbedder

    e = SentenceTransformerEmbedder()
    e.load()
    return e


@pytest.fixture(scope="session")
def hashing() -> Any:
    from claimcmp.embed import HashingEmbedder

    return HashingEmbedder()


from claimcmp.expectations import check_expectations  # noqa: E402
from claimcmp.expectations import read_expectations as read_jsonl  # noqa: E402

__all__ = [
    "EXAMPLES",
    "ROOT",
    "SHARED",
    "TORCH_INSTALLED",
    "check_expectations",
    "needs_torch",
    "read_jsonl",
]
