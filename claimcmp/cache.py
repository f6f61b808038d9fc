"""On-disk caches: embeddings of claim texts, and where claimcmp keeps its files.

:class:`EmbeddingCache` stores one vector per (model fingerprint, text) in an SQLite file, so
a re-run over the same articles — a pipeline re-processing the day's clusters, a notebook
re-executed — skips the encode, which is most of the run time. :class:`CachedEmbedder` wraps
any :class:`~claimcmp.protocols.Embedder` with it::

    claimcmp.compare(paths, cache=True)                  # the user cache directory
    claimcmp.compare(paths, cache="/data/claimcmp")      # a directory of your choice

Keys are SHA-256 digests of the model's fingerprint and the exact text, so a vector is only
ever reused for the same text under the same weights (another model, another backend, or a
retrained folder gets its own entries). SQLite in WAL mode lets several processes on one
machine — a process pool, Dask workers — read and write the same file.

The user cache directory is ``$CLAIMCMP_CACHE_DIR`` if set, else the platform's (via
``platformdirs``: ``~/.cache/claimcmp`` on Linux). The ONNX backend keeps its exported models
there too.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from claimcmp.protocols import Embedder

__all__ = [
    "CacheStats",
    "CachedEmbedder",
    "EmbeddingCache",
    "model_fingerprint",
    "resolve_cache_dir",
    "user_cache_dir",
    "with_cache",
]

_SCHEMA = 1


def user_cache_dir() -> Path:
    """Where claimcmp keeps cached files: ``$CLAIMCMP_CACHE_DIR`` or the platform's user cache."""
    env = os.environ.get("CLAIMCMP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("claimcmp", appauthor=False))


def resolve_cache_dir(directory: str | os.PathLike[str] | None = None) -> Path:
    """``directory`` if given (``~`` expanded), else :func:`user_cache_dir`."""
    return Path(directory).expanduser() if directory is not None else user_cache_dir()


def model_fingerprint(embedder: Embedder) -> str:
    """What identifies the vectors an embedder makes: its ``fingerprint`` if it has one
    (a digest of the weights and settings), else its ``name``."""
    return str(getattr(embedder, "fingerprint", None) or embedder.name)


@attrs.frozen
class CacheStats:
    """What an :class:`EmbeddingCache` holds and how it was used in this process."""

    path: str
    entries: int
    models: int
    size_bytes: int
    hits: int
    misses: int


def _set_up(conn: sqlite3.Connection) -> str:
    """Create the tables (if needed) and return the file's schema version.

    Switching to WAL takes a lock that SQLite does not wait for (``database is locked`` at
    once when another process is creating the same file), so the set-up is retried for a
    while before giving up.
    """
    delay, deadline = 0.02, time.monotonic() + 60.0
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, model TEXT NOT NULL, "
                "dim INTEGER NOT NULL, vector BLOB NOT NULL)"
            )
            conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(_SCHEMA),))
            (schema,) = conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            return str(schema)
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(0.5, delay * 2)


class EmbeddingCache:
    """Vectors by (model fingerprint, text) in an SQLite file (``embeddings.sqlite3`` in ``directory``).

    Safe to share between threads (one lock) and processes (SQLite locking, WAL journal);
    picklable, so executors can ship it to workers, which open the file themselves.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.path = resolve_cache_dir(directory) / "embeddings.sqlite3"
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._pid = -1

    # Connections are opened lazily and per process: a forked or unpickled copy opens its own.
    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        from claimcmp.errors import InputError

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.path, timeout=60.0, check_same_thread=False, isolation_level=None
            )
            schema = _set_up(conn)
        except (OSError, sqlite3.Error) as exc:
            raise InputError(
                f"cannot open the embedding cache '{self.path}': {exc}; choose another cache "
                "directory (cache=..., --cache-dir) or set CLAIMCMP_CACHE_DIR."
            ) from exc
        if schema != str(_SCHEMA):
            conn.close()
            raise InputError(
                f"the embedding cache '{self.path}' has schema {schema!r}, expected '{_SCHEMA}'; "
                "delete it or choose another cache directory."
            )
        self._conn, self._pid = conn, os.getpid()
        return conn

    @staticmethod
    def _key(model: str, text: str) -> bytes:
        return hashlib.sha256(f"{model}\x00{text}".encode("utf-8", "surrogatepass")).digest()

    def get(self, model: str, texts: Sequence[str]) -> list[np.ndarray | None]:
        """The cached vector of each text under ``model``, or None where there is none."""
        keys = [self._key(model, t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            conn = self._connect()
            for start in range(0, len(keys), 500):  # SQLite's bound-parameter limit
                chunk = keys[start : start + 500]
                rows = conn.execute(
                    f"SELECT key, dim, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
                for key, dim, blob in rows:
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape == (dim,):
                        found[key] = vec
            out = [found.get(k) for k in keys]
            hit = sum(v is not None for v in out)
            self.hits += hit
            self.misses += len(out) - hit
        return out

    def put(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store ``vectors[i]`` as the vector of ``texts[i]`` under ``model``."""
        rows = [
            (
                self._key(model, t),
                model,
                int(v.shape[0]),
                np.ascontiguousarray(v, dtype=np.float32).tobytes(),
            )
            for t, v in zip(texts, vectors, strict=True)
        ]
        with self._lock:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def clear(self, model: str | None = None) -> int:
        """Delete every entry (or ``model``'s only); returns how many were deleted."""
        with self._lock:
            conn = self._connect()
            if model is None:
                n = conn.execute("DELETE FROM vectors").rowcount
            else:
                n = conn.execute("DELETE FROM vectors WHERE model = ?", (model,)).rowcount
            conn.execute("VACUUM")
            return int(n)

    def stats(self) -> CacheStats:
        with self._lock:
            conn = self._connect()
            entries, models = conn.execute(
                "SELECT COUNT(*), COUNT(DISTINCT model) FROM vectors"
            ).fetchone()
        size = sum(
            p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file()
        )
        return CacheStats(str(self.path), int(entries), int(models), size, self.hits, self.misses)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = state["path"]
        self.hits = self.misses = 0
        self._lock = threading.Lock()
        self._conn = None
        self._pid = -1

    def __repr__(self) -> str:
        return f"EmbeddingCache('{self.path.parent}')"


class CachedEmbedder:
    """An :class:`~claimcmp.protocols.Embedder` that asks ``cache`` first and encodes only the
    texts it has not seen (in one batch), then stores them."""

    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache

    @property
    def name(self) -> str:
        return self.embedder.name

    @property
    def fingerprint(self) -> str:
        return model_fingerprint(self.embedder)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return self.embedder.encode(texts)
        model = self.fingerprint
        cached = self.cache.get(model, texts)
        missing = list(dict.fromkeys(t for t, v in zip(texts, cached, strict=True) if v is None))
        fresh: dict[str, np.ndarray] = {}
        if missing:
            vectors = np.asarray(self.embedder.encode(missing), dtype=np.float32)
            self.cache.put(model, missing, vectors)
            fresh = dict(zip(missing, vectors, strict=True))
        return np.stack(
            [v if v is not None else fresh[t] for t, v in zip(texts, cached, strict=True)]
        ).astype(np.float32, copy=False)

    def __repr__(self) -> str:
        return f"CachedEmbedder({self.embedder!r}, {self.cache!r})"


def with_cache(
    embedder: Embedder, cache: bool | str | os.PathLike[str] | EmbeddingCache | None
) -> Embedder:
    """``embedder`` behind an :class:`EmbeddingCache`: None/False (no cache, ``embedder``
    itself), True (the user cache directory), a directory, or a cache object."""
    if cache is None or cache is False:
        return embedder
    if isinstance(embedder, CachedEmbedder):
        embedder = embedder.embedder
    if not isinstance(cache, EmbeddingCache):
        cache = EmbeddingCache(None if cache is True else cache)
    return CachedEmbedder(embedder, cache)
