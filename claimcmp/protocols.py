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


def _sentences(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        # One string would become a tuple of characters.
        raise TypeError(
            "'before' must be a sequence of sentences (str), nearest last; got one str "
            f"({value[:40]!r}): wrap it as (text,)."
        )
    return tuple(value)


@attrs.frozen
class ClaimText:
    """What a detector sees of one claim: its text, the article's date and the text before it.

    ``before`` is the article's text before the claim, a sentence per item, nearest last: the
    sentence before the claim's, then the claim's own sentence up to the claim (``()`` when
    unknown, as for two sentences compared alone). Detectors read it to tell whom a pronoun
    that opens the claim stands for ("**Bush** rushed for 404 yards. **He** also had 440 yards
    receiving").
    """

    text: str
    published: dt.date | None = None
    before: tuple[str, ...] = attrs.field(
        default=(),
        converter=_sentences,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str)),
    )


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
