"""Claims: the units that get aligned and compared.

In this version a claim is a sentence of the article's body. :class:`Claim`
already carries ``spans`` and ``sentence`` so that sub-sentence (atomic)
claims can replace this extractor without changing the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcmp.ingest import Article
from claimcmp.protocols import SentenceSplitter
from claimcmp.records import Claim

__all__ = ["SentenceClaimExtractor", "sentence_spans"]

_WORD = re.compile(r"[^\W_]+")


def sentence_spans(article: Article, splitter: SentenceSplitter) -> list[tuple[int, int]]:
    """Sentence offsets into ``article.text``, taken from its body blocks only."""
    spans: list[tuple[int, int]] = []
    for block in article.body_blocks:
        piece = article.text[block.start : block.end]
        for s, e in splitter.sentences(piece):
            # Trim here as well: a user's splitter may leave whitespace.
            while s < e and piece[s].isspace():
                s += 1
            while e > s and piece[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((block.start + s, block.start + e))
    return spans


class SentenceClaimExtractor:
    """One claim per sentence that has at least ``min_words`` words."""

    def __init__(self, *, min_words: int = 3) -> None:
        self.min_words = min_words

    def claims(self, article: Article, sentences: Sequence[tuple[int, int]]) -> list[Claim]:
        out: list[Claim] = []
        for s, e in sentences:
            text = article.text[s:e]
            if len(_WORD.findall(text)) < self.min_words:
                continue
            out.append(
                Claim(
                    id=f"{article.source}#{len(out)}",
                    source=article.source,
                    text=text,
                    start=s,
                    end=e,
                    sentence=(s, e),
                )
            )
        return out

    def __repr__(self) -> str:
        return f"SentenceClaimExtractor(min_words={self.min_words})"
