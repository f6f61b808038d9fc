"""The ``number`` and ``unit`` detectors: figures that differ, and units that do not convert.

Both read the same quantity matching (:func:`~claimcmp.detectors.quantities.match_quantities`),
so one differing figure is reported once, by the detector whose kind it is.
A figure present in only one claim is not a number divergence (it is an
omission or addition, reported by other detectors).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from claimcmp.detectors.base import Severity, same_role
from claimcmp.detectors.diff import token_diff
from claimcmp.detectors.quantities import Quantity, QuantityMatch, find_quantities, match_quantities
from claimcmp.protocols import ClaimText
from claimcmp.records import Divergence

__all__ = ["NumberDetector", "UnitDetector", "quantity_matches"]

_cache: dict[tuple[str, str], list[QuantityMatch]] = {}


def quantity_matches(a: str, b: str) -> list[QuantityMatch]:
    """Matched quantities of two texts (memoised for the last few pairs).

    Equal and converted figures are paired wherever they stand; figures that differ are
    paired only when they count or measure the same thing: they stand in the same slot of the
    two claims, or the word next to one corresponds to the word next to the other
    (:func:`~claimcmp.detectors.base.same_role`). "44 seconds into the round" and "36
    knockouts" are not compared; "fell 150 metres" and "fell 200ft" are.
    """
    key = (a, b)
    if key not in _cache:
        if len(_cache) > 256:
            _cache.clear()
        diff = token_diff(a, b)

        def role(x: Quantity, y: Quantity) -> bool:
            ages = x.category == y.category == "age"
            return same_role(diff, (x.start, x.end), (y.start, y.end), window=1, names=ages)

        _cache[key] = match_quantities(find_quantities(a), find_quantities(b), role, texts=(a, b))[
            0
        ]
    return _cache[key]


def _fmt(q: Quantity) -> str:
    return repr(q.text)


def _finding(
    m: QuantityMatch,
    kind: str,
    detector: str,
    explanation: str,
    confidence: float,
    severity: Severity,
) -> Divergence:
    """A finding on the two quantities of a match (spans and texts are theirs)."""
    return Divergence(
        kind=kind,
        a_span=(m.a.start, m.a.end),
        b_span=(m.b.start, m.b.end),
        a_text=m.a.text,
        b_text=m.b.text,
        explanation=explanation,
        confidence=confidence,
        severity=severity,
        detector=detector,
    )


class NumberDetector:
    """Reports figures that differ between two claims (``kind="number"``).

    Rounding ("5.2 billion" / "5 billion") and qualified figures ("about 10",
    "more than 1,000") within tolerance are reported with low severity and
    low confidence, so they explain but do not decide the verdict.
    """

    name = "number"

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        for m in quantity_matches(a.text, b.text):
            if m.relation == "value_changed":
                what = "figure" if m.a.category != "year" else "year"
                if m.note == "far apart":
                    yield _finding(
                        m,
                        "number",
                        self.name,
                        f"the {what} differs: {_fmt(m.a)} vs {_fmt(m.b)} (so far apart that they may count "
                        "different things)",
                        0.45,
                        "medium",
                    )
                else:
                    same_thing = m.a.context == m.b.context or m.a.category == "measure"
                    yield _finding(
                        m,
                        "number",
                        self.name,
                        f"the {what} differs: {_fmt(m.a)} vs {_fmt(m.b)}",
                        0.9 if same_thing else 0.75,
                        "high",
                    )
            elif m.relation == "rounded":
                yield _finding(
                    m,
                    "number",
                    self.name,
                    f"{_fmt(m.a)} vs {_fmt(m.b)}: {m.note}, not counted as a divergence",
                    0.2,
                    "low",
                )


class UnitDetector:
    """Reports the same figure given in units that do not convert (``kind="unit"``).

    "1,000 km" vs "621 miles" is consistent (pint converts one into the
    other within 2 %); "621 kilometer" vs "621-mile" is not. An amount of money given in two
    currencies ("€75m" / "$100 million") cannot be checked without an exchange rate: it is
    reported at medium severity, for an editor to check.
    """

    name = "unit"

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        for m in quantity_matches(a.text, b.text):
            if m.relation == "currency_changed":
                yield _finding(
                    m,
                    "unit",
                    self.name,
                    f"the amount is given in different currencies: {_fmt(m.a)} ({m.a.unit}) vs "
                    f"{_fmt(m.b)} ({m.b.unit}); check the conversion",
                    0.6,
                    "medium",
                )
            elif m.relation == "unit_changed":
                yield _finding(
                    m,
                    "unit",
                    self.name,
                    f"the same figure {m.a.number_text} is given in different units: "
                    f"{_fmt(m.a)} vs {_fmt(m.b)}, which are not the same quantity",
                    0.9,
                    "high",
                )


def conversion_anomalies(text: str) -> list[tuple[tuple[int, int], str]]:
    """Parenthetical conversions inside one text that do not convert.

    "1,000 kilometer (621 kilometer)" gives the same quantity twice; when the two do not agree
    within 3 % (pint conversion), the pair is returned with an explanation. "1,000-kilometer
    (621-mile)" is consistent and is not returned.
    """
    from claimcmp.detectors.quantities import _convert

    out: list[tuple[tuple[int, int], str]] = []
    qs = [q for q in find_quantities(text) if q.category == "measure"]
    for first, second in itertools.pairwise(qs):
        between = text[first.end : second.start]
        if not (between.strip() == "(" and text[second.end : second.end + 1] == ")"):
            continue
        converted = _convert(second, first.unit or "")
        if converted is None:
            why = f"'{first.text}' is glossed as '{second.text}', a different kind of quantity"
        elif abs(converted - first.value) <= 0.03 * max(abs(first.value), 1e-9):
            continue
        elif first.unit == second.unit:
            why = (
                f"'{first.text} ({second.text})': the conversion repeats the unit with another "
                "figure, so one unit is wrong"
            )
        else:
            why = f"'{first.text}' is not '{second.text}' (that is {converted:,.0f} {first.unit})"
        out.append(((first.start, second.end + 1), why))
    return out
