"""The parts of the pipeline users can swap, as small runtime-checkable protocols.

* :class:`SentenceSplitter` — text → sentence offsets
  (:class:`~claimcmp.split.PunktSentenceSplitter`).
* :class:`ClaimExtractor` — an article and its sentences → claims
  (:class:`~claimcmp.claims.SentenceClaimExtractor`).
* :class:`Embedder` — texts → unit-length vectors
  (:class:`~claimcmp.embed.SentenceTransformerEmbedder`, and the offline
  test double :class:`~claimcmp.embed.HashingEmbedder`).
* :class:`Detector` — two claim texts → typed divergences
  (:mod:`claimcmp.detectors`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

if TYPE_CHECKING:
    import numpy as np

    from claimcmp.ingest import Article
    from claimcmp.records import Claim, Divergence

__all__ = ["ClaimExtractor", "ClaimText", "Detector", "Embedder", "SentenceSplitter"]


@runtime_checkable
class SentenceSplitter(Protocol):
    """Finds sentences in a piece of text."""

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Half-open ``(start, end)`` offsets of each sentence in ``text``, in order."""
        ...


@runtime_checkable
class ClaimExtractor(Protocol):
    """Turns an article's sentences into claims."""

    def claims(self, article: Article, sentences: Sequence[tuple[int, int]]) -> list[Claim]:
        """Claims of ``article``; ``sentences`` are offsets into ``article.text``."""
        ...


@runtime_checkable
class Embedder(Protocol):
    """Encodes texts as L2-normalised vectors, one row per text."""

    @property
    def name(self) -> str:
        """Identifies the model (used in reports and cache keys)."""
        ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A ``(len(texts), dim)`` float32 array of unit-length rows."""
        ...


@attrs.frozen
class ClaimText:
    """What a detector sees of one claim: its text and the article's date."""

    text: str
    published: dt.date | None = None


@runtime_checkable
class Detector(Protocol):
    """Finds one family of divergences between two claims.

    Spans in the returned divergences index ``a.text`` and ``b.text``; the
    pipeline moves them into source-text offsets.
    """

    name: str

    def detect(self, a: ClaimText, b: ClaimText) -> Iterable[Divergence]:
        """Divergences of this detector's kinds between ``a`` and ``b``."""
        ...
