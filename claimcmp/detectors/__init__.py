"""Divergence detectors: one component per kind of difference, behind one protocol.

Each detector implements :class:`claimcmp.protocols.Detector`
(``name`` and ``detect(a, b)``). :func:`default_detectors` returns the
built-in set; pass your own list to :func:`claimcmp.compare` to add one or
switch one off.
"""

from __future__ import annotations

from claimcmp.detectors.numbers import NumberDetector, UnitDetector
from claimcmp.protocols import Detector

__all__ = ["NumberDetector", "UnitDetector", "default_detectors"]


def default_detectors() -> list[Detector]:
    """The built-in detectors, in reporting order."""
    return [NumberDetector(), UnitDetector()]
