"""Divergence detectors: one component per kind of difference, behind one protocol.

Each detector implements :class:`claimcmp.protocols.Detector` (``name`` and
``detect(a, b)``). :func:`default_detectors` returns the built-in set; pass your own list to
:func:`claimcmp.compare` to add one or switch one off, e.g.
``[d for d in default_detectors() if d.name != "modality"]``.

============  ===============================================================
kind          detector
============  ===============================================================
number        :class:`NumberDetector` — figures that differ (rounding tolerated)
unit          :class:`UnitDetector` — same figure, units that do not convert
date          :class:`DateDetector` — days and periods that do not overlap
entity        :class:`EntityDetector` — another name in the same slot
entity/term   :class:`RoleDetector` — two names or nouns swapped around one verb
term          :class:`TermDetector` — a non-interchangeable news term swapped
negation      :class:`NegationDetector` — negator added/removed, antonyms
quote         :class:`QuoteDetector` — quote reworded, or quoted vs paraphrased
attribution   :class:`AttributionDetector` — another or vaguer source
modality      :class:`ModalityDetector` — hedges and certainty
omission /    :class:`OmissionDetector` — a detail only one claim carries
addition
============  ===============================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcmp.detectors.dates import DateDetector
from claimcmp.detectors.lexical import (
    EntityDetector,
    ModalityDetector,
    NegationDetector,
    OmissionDetector,
    RoleDetector,
    TermDetector,
)
from claimcmp.detectors.numbers import NumberDetector, UnitDetector
from claimcmp.detectors.quotes import AttributionDetector, QuoteDetector

if TYPE_CHECKING:
    from claimcmp.protocols import Detector

__all__ = [
    "AttributionDetector",
    "DateDetector",
    "EntityDetector",
    "ModalityDetector",
    "NegationDetector",
    "NumberDetector",
    "OmissionDetector",
    "QuoteDetector",
    "RoleDetector",
    "TermDetector",
    "UnitDetector",
    "default_detectors",
]


def default_detectors() -> list[Detector]:
    """The built-in detectors, in reporting order."""
    return [
        NumberDetector(),
        UnitDetector(),
        DateDetector(),
        EntityDetector(),
        RoleDetector(),
        TermDetector(),
        NegationDetector(),
        QuoteDetector(),
        AttributionDetector(),
        ModalityDetector(),
        OmissionDetector(),
    ]
