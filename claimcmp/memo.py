"""Per-process memo caches of text analysis, and a way to empty them.

A claim is compared with every claim aligned to it, so its tokens, numbers, dates and quotes
are read many times per report; word-level lookups (spelling keys, stems) repeat across
reports. Those functions are memoised with :func:`memoize` (a bounded LRU cache, so memory
stays capped however long a pipeline runs). :func:`clear_caches` empties them all: for
benchmarks that must start cold, or a long-lived process that wants the memory back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache
from typing import Any, TypeVar

__all__ = ["clear_caches", "memoize", "on_clear"]

T = TypeVar("T")
_caches: list[_lru_cache_wrapper[Any]] = []
_clearers: list[Callable[[], None]] = []


def on_clear(clear: Callable[[], None]) -> None:
    """Register a cache of another shape (a dict on an object) for :func:`clear_caches`."""
    _clearers.append(clear)


def memoize(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """``functools.lru_cache(maxsize)``, registered so :func:`clear_caches` can empty it."""

    def decorate(fn: Callable[..., T]) -> _lru_cache_wrapper[T]:
        cached = lru_cache(maxsize=maxsize)(fn)
        _caches.append(cached)
        return cached

    return decorate


def clear_caches() -> None:
    """Empty every memo cache claimcmp keeps in this process."""
    for cache in _caches:
        cache.cache_clear()
    for clear in _clearers:
        clear()
