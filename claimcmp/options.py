"""The options of a comparison: one frozen, validated object that every entry point shares.

:class:`Options` holds what decides *what* a comparison finds — how claims are cut, aligned and
separated into stories, and which input is accepted. The stages that do the work (embedder,
splitter, extractor, detectors) belong to :class:`claimcmp.Pipeline`, which holds one
``Options``. ``claimcmp.compare``, ``compare_pair(s)``, ``compare_many`` and the command line
all build this object, so an option has one name and one check everywhere.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import attrs

__all__ = [
    "ALIGN_METHODS",
    "CLAIM_MODES",
    "DEFAULT_ALIGN_THRESHOLD",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_TOP_K",
    "ERROR_MODES",
    "AlignMethod",
    "ClaimMode",
    "ErrorMode",
    "Options",
]

# The defaults live here, not in the stage modules, so that the command line can build its
# parser from them without importing NumPy.
#: Cosine similarity (all-MiniLM-L6-v2) at which two claims are taken to report the same
#: thing; see docs/calibration.md (benchmarks/calibrate_alignment.py).
DEFAULT_ALIGN_THRESHOLD = 0.6
ALIGN_METHODS: tuple[str, ...] = ("fact", "greedy", "assignment", "mutual-best")
#: Candidates kept per claim by the blocked search of claimcmp.align.
DEFAULT_TOP_K = 50
#: Longest article accepted by default (about 150 pages of news copy).
DEFAULT_MAX_CHARS = 1_000_000

#: How claims are matched across two sources (see :func:`claimcmp.align.align_claims`).
AlignMethod = Literal["fact", "greedy", "assignment", "mutual-best"]
#: ``"atomic"``: claims split out of each sentence; ``"sentence"``: one claim per sentence.
ClaimMode = Literal["atomic", "sentence"]
#: What a source that cannot be read or compared does: stop the comparison, or be left out.
ErrorMode = Literal["raise", "skip"]

CLAIM_MODES: tuple[str, ...] = ("atomic", "sentence")
ERROR_MODES: tuple[str, ...] = ("raise", "skip")


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise ValueError(f"'{attribute.name}' must be one of {choices} (got {value!r}).")

    return check


def _cosine(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not -1.0 <= value <= 1.0
    ):
        raise ValueError(f"'{attribute.name}' must be a cosine in [-1, 1] (got {value!r}).")


def _cosine_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _cosine(instance, attribute, value)


def _positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"'{attribute.name}' must be a positive int (got {value!r}).")


def _bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"'{attribute.name}' must be True or False (got {value!r}).")


def _encoding(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # The codec itself is looked up where files are read (an EncodingError naming it).
    if value is not None and not isinstance(value, str):
        raise TypeError(f"'{attribute.name}' must be a codec name or None (got {value!r}).")


@attrs.frozen(kw_only=True)
class Options:
    """What decides what a comparison finds. Every value is checked when the object is made.

    ``align_threshold``
        The least cosine similarity of two aligned claims. ``None`` (the default) is the
        calibrated value of the method (docs/calibration.md): the alignment model's floor
        (0.4; the model decides above it) for ``"fact"``, 0.6 for the cosine-only methods.
    ``align_method``
        ``"fact"`` (one-to-one, most likely the same fact first: cosine and shared rare words,
        :mod:`claimcmp.align`), ``"greedy"`` (one-to-one, most similar first, cosine alone),
        ``"assignment"`` or ``"mutual-best"``.
    ``align_top_k``
        Counterparts a claim is compared with at most (:mod:`claimcmp.align`).
    ``claims``
        ``"atomic"`` claims split out of sentences, or one claim per ``"sentence"``.
    ``stories``
        Separate the sources into stories (the events they report) before aligning.
    ``encoding``, ``max_chars``, ``check_language``
        How files are read and what input is accepted (:mod:`claimcmp.ingest`).
    ``errors``
        ``"raise"``: the first source that cannot be read or compared stops the comparison;
        ``"skip"``: it is left out and listed in :attr:`claimcmp.Report.skipped`.
    """

    align_threshold: float | None = attrs.field(default=None, validator=_cosine_or_none)
    align_method: AlignMethod = attrs.field(default="fact", validator=_one_of(ALIGN_METHODS))
    align_top_k: int = attrs.field(default=DEFAULT_TOP_K, validator=_positive_int)
    claims: ClaimMode = attrs.field(default="atomic", validator=_one_of(CLAIM_MODES))
    stories: bool = attrs.field(default=True, validator=_bool)
    encoding: str | None = attrs.field(default=None, validator=_encoding)
    max_chars: int = attrs.field(default=DEFAULT_MAX_CHARS, validator=_positive_int)
    check_language: bool = attrs.field(default=True, validator=_bool)
    errors: ErrorMode = attrs.field(default="raise", validator=_one_of(ERROR_MODES))

    def replace(self, **changes: Any) -> Options:
        """A copy with ``changes`` (checked like the original)."""
        unknown = set(changes) - set(attrs.fields_dict(Options))
        if unknown:
            raise TypeError(
                f"unknown option(s) {sorted(unknown)}; options are {sorted(attrs.fields_dict(Options))}."
            )
        return attrs.evolve(self, **changes)

    def settings(self) -> dict[str, Any]:
        """The options a report records (``Report.settings``)."""
        return {
            "align_threshold": self.align_threshold,
            "align_method": self.align_method,
            "align_top_k": self.align_top_k,
            "stories": self.stories,
        }
