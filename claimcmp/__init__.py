"""claimcmp — claim-level fact comparison across news articles.

Give it several outlets' reports of one event; it splits each into claims,
aligns the claims that report the same thing, and says where the sources
agree, paraphrase or diverge, with the kind of divergence, exact character
spans and a confidence::

    import claimcmp
    report = claimcmp.compare(["a.txt", "b.txt", "c.txt"])
    report.to_json()

Importing this package is cheap: submodules (and torch, NLTK, pint) load on
first use through the module ``__getattr__`` below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "Article",
    "BinaryInputError",
    "Claim",
    "ClaimGroup",
    "ClaimPair",
    "ClaimcmpError",
    "Comparator",
    "Divergence",
    "EditModel",
    "EmbeddingCache",
    "EmptyInputError",
    "EncodingError",
    "HashingEmbedder",
    "InputError",
    "InputTooLargeError",
    "MissingModelError",
    "ModelLoadError",
    "NotEnoughSourcesError",
    "OnnxEmbedder",
    "Options",
    "PairComparison",
    "Pipeline",
    "PunktSentenceSplitter",
    "Report",
    "Review",
    "ReviewFileError",
    "SchemaError",
    "SentenceTransformerEmbedder",
    "SkippedSource",
    "Source",
    "SourceNotFoundError",
    "Story",
    "UnreadableSourceError",
    "UnsupportedLanguageError",
    "__version__",
    "clear_caches",
    "compare",
    "compare_many",
    "compare_pair",
    "compare_pairs",
    "default_detectors",
]

_LAZY = {
    "Article": "claimcmp.ingest",
    "Claim": "claimcmp.records",
    "ClaimGroup": "claimcmp.records",
    "ClaimPair": "claimcmp.records",
    "Divergence": "claimcmp.records",
    "PairComparison": "claimcmp.records",
    "SkippedSource": "claimcmp.records",
    "Source": "claimcmp.records",
    "Story": "claimcmp.records",
    "Report": "claimcmp.report",
    "Review": "claimcmp.review",
    "ReviewFileError": "claimcmp.errors",
    "Comparator": "claimcmp.comparator",
    "EditModel": "claimcmp.edit_model",
    "HashingEmbedder": "claimcmp.embed",
    "SentenceTransformerEmbedder": "claimcmp.embed",
    "PunktSentenceSplitter": "claimcmp.split",
    "Options": "claimcmp.options",
    "Pipeline": "claimcmp.pipeline",
    "compare": "claimcmp.pipeline",
    "compare_pair": "claimcmp.pipeline",
    "compare_pairs": "claimcmp.pipeline",
    "compare_many": "claimcmp.batch",
    "clear_caches": "claimcmp.memo",
    "EmbeddingCache": "claimcmp.cache",
    "OnnxEmbedder": "claimcmp.embed_onnx",
    "default_detectors": "claimcmp.detectors",
    "ClaimcmpError": "claimcmp.errors",
    "InputError": "claimcmp.errors",
    "EmptyInputError": "claimcmp.errors",
    "BinaryInputError": "claimcmp.errors",
    "EncodingError": "claimcmp.errors",
    "InputTooLargeError": "claimcmp.errors",
    "UnsupportedLanguageError": "claimcmp.errors",
    "NotEnoughSourcesError": "claimcmp.errors",
    "SourceNotFoundError": "claimcmp.errors",
    "UnreadableSourceError": "claimcmp.errors",
    "SchemaError": "claimcmp.errors",
    "MissingModelError": "claimcmp.errors",
    "ModelLoadError": "claimcmp.errors",
}

if TYPE_CHECKING:
    from claimcmp.batch import compare_many
    from claimcmp.cache import EmbeddingCache
    from claimcmp.comparator import Comparator
    from claimcmp.detectors import default_detectors
    from claimcmp.edit_model import EditModel
    from claimcmp.embed import HashingEmbedder, SentenceTransformerEmbedder
    from claimcmp.embed_onnx import OnnxEmbedder
    from claimcmp.errors import (
        BinaryInputError,
        ClaimcmpError,
        EmptyInputError,
        EncodingError,
        InputError,
        InputTooLargeError,
        MissingModelError,
        ModelLoadError,
        NotEnoughSourcesError,
        ReviewFileError,
        SchemaError,
        SourceNotFoundError,
        UnreadableSourceError,
        UnsupportedLanguageError,
    )
    from claimcmp.ingest import Article
    from claimcmp.memo import clear_caches
    from claimcmp.options import Options
    from claimcmp.pipeline import Pipeline, compare, compare_pair, compare_pairs
    from claimcmp.records import (
        Claim,
        ClaimGroup,
        ClaimPair,
        Divergence,
        PairComparison,
        SkippedSource,
        Source,
        Story,
    )
    from claimcmp.report import Report
    from claimcmp.review import Review
    from claimcmp.split import PunktSentenceSplitter


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("claimcmp")
        except PackageNotFoundError:  # running from a source tree
            return "0.0.0+unknown"
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcmp' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
