"""The ``number`` and ``unit`` detectors: figures that differ, and units that do not convert.

Both read the same quantity matching (:func:`match_quantities`, on the quantities
:func:`claimcmp.text.quantities.find_quantities` reads), so one differing figure is reported
once, by the detector whose kind it is. :func:`match_quantities` pairs the quantities of two
claims and says how each pair relates (equal, equivalent in another unit, rounded, unit
changed, value changed). A figure present in only one claim is not a number divergence (it is
an omission or addition, reported by other detectors).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal

import attrs

from claimcmp.detectors.base import (
    Severity,
    count_other_things,
    counted_group,
    counts_people,
    finding,
    name_number,
    other_outcomes,
    outcome_of,
    same_outcome,
    same_role,
    tokens_in,
    verb_form_only,
)
from claimcmp.protocols import ClaimText
from claimcmp.records import ONE_FACT, Divergence
from claimcmp.text.dates import find_dates, find_times
from claimcmp.text.diff import NEAR_COPY_RATIO, token_diff
from claimcmp.text.lexicon import TITLE_WORDS
from claimcmp.text.names import (
    CALENDAR_WORDS,
    PERSONAL_PRONOUNS,
    antecedent,
    is_demonym,
    is_name,
    named_in,
    same_entity,
)
from claimcmp.text.normalize import FUNCTION_WORDS, PHRASE_BREAKS, Token
from claimcmp.text.places import city_and_nickname, other_places
from claimcmp.text.quantities import Quantity, convert, figure_counts, find_quantities, parse_number

__all__ = [
    "NumberDetector",
    "QuantityMatch",
    "Relation",
    "UnitDetector",
    "holder",
    "match_quantities",
    "quantity_matches",
]

Relation = Literal[
    "equal", "equivalent", "rounded", "unit_changed", "value_changed", "currency_changed"
]


@attrs.frozen
class QuantityMatch:
    """How a quantity of claim A relates to one of claim B."""

    a: Quantity
    b: Quantity
    relation: Relation
    note: str = ""


def _leading(value: float) -> str:
    """The significant digits of a value: 5e6 and 5e9 share "5"."""
    return f"{abs(value):.3e}".split("e")[0].rstrip("0").rstrip(".")


def _digits(number_text: str) -> str:
    """A figure's digits and point as written, without separators: "2, 129" (a tokenised
    corpus's thousands) is "2129", "6. 1" (its decimal) is "6.1"."""
    return number_text.replace(",", "").replace(" ", "")


def _decimals(number_text: str) -> int:
    t = _digits(number_text)
    return len(t.split(".")[1]) if "." in t else 0


def _close(x: float, y: float, rel: float) -> bool:
    return math.isclose(x, y, rel_tol=rel, abs_tol=1e-9)


def _written_range(q: Quantity) -> tuple[float, float]:
    """The values ``q`` stands for at the precision it is written with: half a unit of its last
    significant digit either side ("60" → 55–65, "6.5" → 6.45–6.55, "six" → 5.5–6.5)."""
    digits = _digits(q.number_text)
    if not digits[:1].isdigit():
        step = 1.0
    elif "." in digits:
        step = 10.0 ** -len(digits.split(".", 1)[1])
    else:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.rstrip("0") else 1.0
    written = parse_number(q.number_text) or 1.0
    half = step / 2 * (q.value / written)
    return q.value - half, (q.upper if q.upper is not None else q.value) + half


def _rounding_of(a: Quantity, b: Quantity) -> bool:
    """Whether one value is the other rounded to the precision it is written with."""
    for coarse, fine in ((a, b), (b, a)):
        if not coarse.number_text:
            continue
        if not coarse.number_text[0].isdigit() and coarse.category != "measure":
            # A count in words is exact ("six people"); a measure in words is rounded like
            # digits ("a depth of six miles" / "6.2 miles").
            continue
        decimals = _decimals(coarse.number_text) if coarse.number_text[0].isdigit() else 0
        written = parse_number(coarse.number_text)
        scale = coarse.value / written if written else 1.0
        if (
            scale
            and fine.value != coarse.value
            and round(fine.value / scale, decimals) == round(coarse.value / scale, decimals)
        ):
            return True
    return False


#: Words that make a score one game's result or moment: "a 31-24 **victory**", "**beat** the
#: Jaguars 31-24", "a 17-7 **lead**".
_GAME_WORDS = frozenset(
    "win wins won victory victories loss losses lost defeat defeated defeating beat beating "
    "rout routed triumph upset edged topped over lead led leading trailed trailing halftime "
    # A headline tells the game in the present: "Chiefs **lose** 20-13 to Colts".
    "lose loses losing beats defeats routs edges tops fall falls fell".split()
)


def _game_score(q: Quantity) -> bool:
    return q.context in _GAME_WORDS or bool(_GAME_WORDS.intersection((q.before or "").split()))


def _made_of(q: Quantity) -> bool:
    """Made and attempted ("7-for-14 from the field"): a shooting record, never a season's
    record or a game's score."""
    return q.category == "score" and bool(_FOR.search(q.text))


_FOR = re.compile(r"\bfor\b", re.I)


def _comparable(a: Quantity, b: Quantity) -> bool:
    if _made_of(a) != _made_of(b):
        return False  # "the Tar Heels (10-0)" / "Hansbrough went 7-for-14"
    if {a.category, b.category} == {"record", "score"}:
        # "the Colts (11-4)" / "the Colts' 31-24 victory": a season's record and a game's score.
        # A score told with no game ("Klitschko, 53-3, 47 KO's") may be the record.
        return not _game_score(b if b.category == "score" else a)
    if {a.category, b.category} in ({"score", "plain"}, {"record", "plain"}):
        # "14-13-2" / "7-13-2", "12-12" / "36-12": a record or score written like a range.
        return (a.upper if a.category == "plain" else b.upper) is not None
    if a.category != b.category:
        return False
    if a.category == "money":
        return a.unit == b.unit
    if a.category == "percent":
        return a.unit == b.unit
    return True


#: Units of time, whose conversions are exact rather than rounded to a figure's precision.
_TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "calendar_decade", "century"}
)


def _equivalent(x: Quantity, y: Quantity) -> bool:
    """The same measure in two units, as each figure is written."""
    if x.category != "measure" or y.category != "measure" or x.unit == y.unit:
        return False
    converted = convert(y, x.unit or "")
    if converted is None:
        return False
    if _close(converted, x.value, 0.02):
        return True
    if _close(x.value, y.value, 1e-9):
        return False  # the same figure in another unit: a unit changed, not a conversion
    if x.unit in _TIME_UNITS and y.unit in _TIME_UNITS:
        # Spans of time convert exactly (a year is 12 months): "a one-year" / "a six-month
        # commitment" are two spans, not one rounded.
        return False
    # A conversion is rounded to the precision each figure is written with: "six miles" is
    # 5.5–6.5 miles, "10 kilometres" 5–15 km, "200 feet" 150–250 ft; overlapping, they can
    # be one distance.
    ratio = converted / y.value if y.value else 1.0
    lo_y, hi_y = (v * ratio for v in _written_range(y))
    lo_x, hi_x = _written_range(x)
    return lo_x <= hi_y and lo_y <= hi_x


def _converts_another(q: Quantity, others: list[Quantity]) -> bool:
    """Whether ``q`` is the conversion of another figure of its own claim ("25 km (**15
    miles**)"): then it measures what that figure measures."""
    return any(o is not q and _equivalent(o, q) for o in others)


#: What stands between a figure and its gloss in another unit: "10 km (6 miles)", "10 km, or
#: about 6 miles".
_GLOSS_GAP = re.compile(
    r"\s*(?:[(\[]|,?\s*or\b)\s*(?:(?:about|roughly|some|nearly|around|almost)\s+)?"
)


def _glossed(q: Quantity, others: list[Quantity], text: str) -> Quantity | None:
    """The measure ``q`` glosses in another unit, right before it in its own claim ("25 km
    (**15 miles**)"), converted rightly or not; None if it glosses none."""
    if not text or q.category != "measure":
        return None
    for o in others:
        if (
            o.end <= q.start
            and o.category == "measure"
            and o.unit != q.unit
            and _GLOSS_GAP.fullmatch(text, o.end, q.start)
        ):
            return o
    return None


#: Qualifiers that make a figure a lower bound ("more than 200", "at least five").
_LOWER_BOUNDS = frozenset({"above", "at least"})
#: Qualifiers that make a figure an upper bound ("less than 50", "up to 12").
_UPPER_BOUNDS = frozenset({"below", "at most"})
#: The note of a match of two lower bounds (see ``value_relation``).
_TWO_LOWER_BOUNDS = "two lower bounds"


def match_quantities(
    qa: list[Quantity],
    qb: list[Quantity],
    same_role: Callable[[Quantity, Quantity], bool] | None = None,
    *,
    texts: tuple[str, str] | None = None,
    one_toll: Callable[[Quantity, Quantity], bool] | None = None,
    aligned: Callable[[Quantity, Quantity], bool] | None = None,
) -> tuple[list[QuantityMatch], list[Quantity], list[Quantity]]:
    """Pair the quantities of two claims.

    Pairs are made in passes, most certain first: identical quantities;
    the same measure in another unit (converted with pint, within 2 %); the
    same figure with another unit; then comparable quantities that fill the same role —
    judged by ``same_role`` when given (the comparator passes one read from the word
    alignment), otherwise by the word after or the two words before, or as the only two of
    their kind. Different currencies are paired last. With ``texts`` (the two claims), a
    figure the other claim also writes is never paired with another value (see
    :func:`figure_counts`). Returns the matches and the quantities of each side left unmatched.
    """
    left_a = list(qa)
    left_b = list(qb)
    matches: list[QuantityMatch] = []
    text_a, text_b = texts or ("", "")

    def _given_by_both(x: Quantity, y: Quantity) -> bool:
        """A figure the other claim writes as often is accounted for, in whatever form or role
        ("LuAnn Johnson, **66**" / "a **66**-year-old LuAnn Johnson", "the **second** in two
        days" / "the **second** running back"): it is not a counterpart for another value."""
        if not text_a or not text_b or x.upper is not None or y.upper is not None:
            return False  # a score or a range is compared whole ("31-24" / "31-21")
        ca, cb = figure_counts(text_a), figure_counts(text_b)
        return (
            cb.get(x.value, 0) >= ca.get(x.value, 0) > 0
            or ca.get(y.value, 0) >= cb.get(y.value, 0) > 0
        )

    def take(pred: Any, relation_of: Any) -> None:
        for x in list(left_a):
            for y in list(left_b):
                if x in left_a and y in left_b and pred(x, y):
                    rel, note = relation_of(x, y)
                    matches.append(QuantityMatch(x, y, rel, note))
                    left_a.remove(x)
                    left_b.remove(y)
                    break

    def same_value(x: Quantity, y: Quantity) -> bool:
        if x.category == "measure" and y.category == "measure":
            return x.unit == y.unit and _close(x.value, y.value, 1e-9)
        return _comparable(x, y) and _close(x.value, y.value, 1e-9) and x.upper == y.upper

    def value_relation(x: Quantity, y: Quantity) -> tuple[Relation, str]:
        xv, yv = x.value, y.value
        if x.category == "measure" and x.unit != y.unit:
            converted = convert(y, x.unit or "")
            yv = converted if converted is not None else yv
        if _rounding_of(x, y):
            return "rounded", f"{x.text!r} and {y.text!r} agree up to rounding"
        for outer, inner in ((x, y), (y, x)):
            if (
                outer.upper is not None
                and inner.upper is None
                and outer.value <= inner.value <= outer.upper
            ):
                return "rounded", f"{inner.text!r} lies within {outer.text!r}"
        qualifier = x.approx or y.approx
        if x.approx is not None and x.approx == y.approx and x.approx != "about":
            # "nearly 235,000" / "nearly 300,000": two figures qualified alike are not bounds
            # of each other; they agree only as approximations would.
            qualifier = "about"
        if qualifier == "about" and _close(xv, yv, 0.1):
            return "rounded", f"within 10% and qualified as approximate ('{qualifier}')"
        if (
            qualifier in _LOWER_BOUNDS
            and (
                (x.approx in _LOWER_BOUNDS and yv >= xv) or (y.approx in _LOWER_BOUNDS and xv >= yv)
            )
            and _close(xv, yv, 0.25)
        ):
            return "rounded", f"consistent with the bound '{qualifier}'"
        if (
            qualifier in _UPPER_BOUNDS
            and (
                (x.approx in _UPPER_BOUNDS and yv <= xv) or (y.approx in _UPPER_BOUNDS and xv <= yv)
            )
            and _close(xv, yv, 0.25)
        ):
            return "rounded", f"consistent with the bound '{qualifier}'"
        if x.approx in _LOWER_BOUNDS and y.approx in _LOWER_BOUNDS:
            # "killing at least five" / "killed at least one": both hold if the higher does, the
            # toll of a developing story told at two times. (Two "nearly" figures are not
            # bounds but estimates just short of their value: they stay compared.)
            return "value_changed", _TWO_LOWER_BOUNDS
        lo, hi = sorted((abs(xv), abs(yv)))
        if lo > 0 and hi / lo >= 50 and _leading(xv) != _leading(yv):
            # 13 points vs 2,129 points: too far apart to be one count told wrongly (a slip of
            # scale, 5 million vs 5 billion, keeps its digits and is a plain change; a toll that
            # rose from 1 to 24 is still one count).
            return "value_changed", "far apart"
        return "value_changed", ""

    if aligned is not None:
        # Twins the word alignment itself pairs come first: "all **25** people sent gifts to all
        # 25 others" / "only 20 people sent gifts to all **25** others" leaves the first 25,
        # whose neighbours the other 25 shares as well, for the 20.
        take(lambda x, y: same_value(x, y) and aligned(x, y), lambda x, y: ("equal", ""))
    if same_role is not None:
        # A figure written twice is paired first with its twin in the same slot: "Q4 **2020**
        # and Q3 2020" / "Q4 **2019** and Q3 2020" leaves the first 2020 for the 2019.
        take(lambda x, y: same_value(x, y) and same_role(x, y), lambda x, y: ("equal", ""))
    if one_toll is not None:
        # Two counts of one outcome ("killed three people" / "killed five people") are one
        # figure told two ways, even where the other claim writes each figure again for
        # another outcome ("and injured five" / "and injured three"): they are paired before
        # equal figures are paired wherever they stand.
        take(
            lambda x, y: (
                x.category == y.category == "plain" and not same_value(x, y) and one_toll(x, y)
            ),
            value_relation,
        )
    take(same_value, lambda x, y: ("equal", ""))

    take(
        _equivalent,
        lambda x, y: (
            "equivalent",
            f"{x.text!r} and {y.text!r} are the same quantity in different units",
        ),
    )

    def unit_changed(x: Quantity, y: Quantity) -> bool:
        both_units = x.unit is not None and y.unit is not None
        return (
            both_units
            # "less than 25 km (15 miles)" / "10 miles (15 kilometers)": two distances, each
            # given in both units; the two 15s are not one figure with its unit changed.
            and not (_converts_another(x, qa) and _converts_another(y, qb))
            and x.unit != y.unit
            and x.category in ("measure", "money")
            and x.category == y.category
            and _close(x.value, y.value, 1e-9)
            # One measure garbled into another unit keeps its dimension ("621 kilometer" /
            # "621-mile"); "one second left" / "a one-yard pass" are two quantities.
            and (x.category == "money" or convert(y, x.unit or "") is not None)
        )

    take(unit_changed, lambda x, y: ("unit_changed", ""))
    if aligned is not None:
        # One text edited: the same figure standing in place with a unit of another dimension
        # ("only 10 **miles** from the border" / "only 10 **minutes** from the border", "a 67-yd
        # drive" / "a 67-second drive"). Between two tellings, "one second left" and "a
        # one-yard pass" are two quantities, which the alignment does not pair in place.
        take(
            lambda x, y: (
                x.category == y.category == "measure"
                and x.unit is not None
                and y.unit is not None
                and x.unit != y.unit
                and _close(x.value, y.value, 1e-9)
                and convert(y, x.unit) is None
                and aligned(x, y)
            ),
            lambda x, y: ("unit_changed", ""),
        )

    # A gloss in another unit ("10 kilometers (**6 miles**) deep") measures what the figure
    # before it measures: it is compared only with the gloss of that figure's counterpart
    # ("(2,000 feet)" / "(6,000 feet)" after one "600 metres"), never with another value
    # ("6 miles" is no counterpart of "55 kilometres south of Bireun").
    glossed_a = {id(q): o for q in qa if (o := _glossed(q, qa, text_a)) is not None}
    glossed_b = {id(q): o for q in qb if (o := _glossed(q, qb, text_b)) is not None}

    def glosses_agree(x: Quantity, y: Quantity) -> bool:
        ox, oy = glossed_a.get(id(x)), glossed_b.get(id(y))
        if ox is None or oy is None:
            return ox is oy
        return any(m.a is ox and m.b is oy for m in matches)

    def take_unglossed(pred: Any, relation_of: Any) -> None:
        take(lambda x, y: glosses_agree(x, y) and pred(x, y), relation_of)

    def same_slot(x: Quantity, y: Quantity) -> bool:
        if {x.category, y.category} == {"plain", "year"}:
            return x.context is not None and x.context == y.context
        if not _comparable(x, y) and not (x.category == y.category == "measure"):
            return False
        if x.category == "measure":
            return convert(y, x.unit or "") is not None
        return (x.context is not None and x.context == y.context) or (
            x.before is not None and x.before == y.before
        )

    if same_role is not None:

        def in_role(x: Quantity, y: Quantity) -> bool:
            comparable = _comparable(x, y) or (
                x.category == y.category == "measure" and convert(y, x.unit or "") is not None
            )
            return comparable and not _given_by_both(x, y) and same_role(x, y)

        take_unglossed(in_role, value_relation)
        take_unglossed(
            lambda x, y: (
                x.category == y.category == "money" and x.unit != y.unit and same_role(x, y)
            ),
            lambda x, y: ("currency_changed", ""),
        )
        return matches, left_a, left_b

    take_unglossed(same_slot, value_relation)

    def only_of_kind(x: Quantity, y: Quantity) -> bool:
        same_kind_a = [q for q in left_a if q.category == x.category]
        same_kind_b = [q for q in left_b if q.category == y.category]
        return (
            x.category == y.category
            and x.category != "ordinal"
            and len(same_kind_a) == 1
            and len(same_kind_b) == 1
            and (x.category != "measure" or convert(y, x.unit or "") is not None)
            and (x.category not in ("money", "percent") or x.unit == y.unit)
        )

    take_unglossed(only_of_kind, value_relation)

    def other_currency(x: Quantity, y: Quantity) -> bool:
        return x.category == y.category == "money" and x.unit != y.unit

    take_unglossed(other_currency, lambda x, y: ("currency_changed", ""))
    return matches, left_a, left_b


#: "averaged", "an average of", "on average": within three words before a figure.
_AVERAGE_BEFORE = re.compile(r"\b(?:averag(?:e|es|ed|ing)|mean)\b(?:\W+[\w-]+){0,3}\W*$", re.I)


def _averaged(text: str, q: Quantity) -> bool:
    """Whether the figure is an average ("averaged a team-high 22.8 points")."""
    return bool(_AVERAGE_BEFORE.search(text, max(0, q.start - 60), q.start))


#: Words that make a score a moment of a game rather than its result: "a 17-7 **halftime lead**",
#: "made it 60-46 with 6:11 **to go**", "a 19-4 **run**".
_RUNNING_SCORE = re.compile(
    r"\b(?:lead|leads|led|leading|run|halftime|half|quarter|period|inning|innings|to go|"
    r"remaining|trailed|trailing|trail)\b",
    re.I,
)
#: Which moment: "halftime", "the third quarter", "with 6:11 to go".
_MOMENT = re.compile(
    r"\b(?:halftime|half|(?:first|second|third|fourth) (?:quarter|period|inning)|\d+:\d\d)\b", re.I
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]")


#: A measure written onto the noun it measures: "an **84-yard** scamper", "a **41-yard** pass".
_MODIFIER = re.compile(r"[\d.,]+\s?-\s?[A-Za-z]+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _modifier(text: str, q: Quantity) -> bool:
    """Whether a measure is written as a modifier of the noun after it ("an 84-yard scamper"),
    not as a quantity of its own ("352 yards rushing"). Only measures: "a 6.1-magnitude quake"
    and "a 20-year-old" are read elsewhere."""
    return (
        q.category == "measure"
        and bool(_MODIFIER.search(q.text))
        and bool(_NOUN_AFTER.match(text, q.end))
    )


#: Periods of a game or a contest, counted by an ordinal: "the **third quarter**".
_GAME_PERIODS = frozenset(
    "quarter half period inning innings round set frame leg stage lap".split()
)
#: Words after a span of time that make it the time left on a game's clock: "12 seconds **left**".
_CLOCK_AFTER = re.compile(r"\s+(?:left|remaining|to\s+go|to\s+play)\b", re.I)


def _moment(text: str, q: Quantity) -> bool:
    """Whether a figure tells a moment of a game rather than counting anything: an ordinal
    period ("the fourth quarter") or the time left on the clock ("12 seconds left")."""
    if q.category == "ordinal":
        return (q.context or "").lower() in _GAME_PERIODS
    return q.unit in ("second", "minute") and bool(_CLOCK_AFTER.match(text, q.end))


def _around(text: str, q: Quantity, reach: int = 25) -> str:
    """The words next to a figure within its clause ("(16-0), but the Russian pulled out"
    stops at the parenthesis)."""
    before = _CLAUSE_BREAK.split(text[max(0, q.start - reach) : q.start])[-1]
    after = _CLAUSE_BREAK.split(text[q.end : q.end + reach])[0]
    return f"{before} {after}"


def _moments_apart(a: str, qa: Quantity, b: str, qb: Quantity) -> bool:
    """Whether two scores may be two moments of one game: one is told as a lead, a run or a
    halftime score, and the two claims do not place them at the same moment."""
    if not (_RUNNING_SCORE.search(_around(a, qa)) or _RUNNING_SCORE.search(_around(b, qb))):
        return False
    ma = {m.lower() for m in _MOMENT.findall(a)}
    mb = {m.lower() for m in _MOMENT.findall(b)}
    return not ma or ma != mb


#: The side a score is told against: after it ("a 31-24 victory **over the Jaguars**", "won
#: 20-13 **against Kansas City**") or before it ("beat **the Chiefs** 20 - 13").
_OPPONENT_AFTER = re.compile(
    r"^\W*(?:[A-Za-z-]+\s+){0,3}?(?P<via>(?i:over|against|to|past))\s+(?:the\s+)?"
    r"(?P<side>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
)
_OPPONENT_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeats|edged|routed|topped|downed|over|against)\s+"
    r"(?:the\s+)?(?P<side>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s*$",
    re.I,
)


def _opponent(text: str, q: Quantity) -> str | None:
    """The side a game's score is told against, as written; None if the claim names none
    right around the score."""
    before = _OPPONENT_BEFORE.search(text[max(0, q.start - 40) : q.start])
    if before and before["side"][:1].isupper():
        return before["side"]
    after = _OPPONENT_AFTER.match(text[q.end : q.end + 60])
    # In a headline written in capitals, "TO" opens a clause as often as it names a side ("20 -
    # 13 TO CLINCH PLAYOFF BERTH"); "over" and "against" still name one.
    if after and not (text.isupper() and after["via"].lower() in ("to", "past")):
        return after["side"]
    return None


def _two_opponents(a: str, qa: Quantity, b: str, qb: Quantity) -> tuple[str, str] | None:
    """Two scores told against two different opponents, neither claim naming the other's:
    two games."""
    x, y = _opponent(a, qa), _opponent(b, qb)
    if x is None or y is None:
        return None
    # Headlines in capitals name the side in capitals ("BEAT CHIEFS 20 - 13").
    x, y = (x.title() if x.isupper() else x), (y.title() if y.isupper() else y)
    if same_entity(x, y) or city_and_nickname(x, y) or city_and_nickname(y, x):
        return None  # "Jacksonville" / "the Jaguars": one team, by its city and its nickname
    if named_in(x, [b]) or named_in(y, [a]) or x.lower() in b.lower() or y.lower() in a.lower():
        return None
    return x, y


#: A count of a part: "**those** 10 points", "his **first** five points", "the **next** six".
_PART_BEFORE = re.compile(
    r"\b(those|these|first|next|last|final|other|another|remaining|additional|further)"
    r"(?:\W+[\w'’-]+)?\W*$",
    re.I,
)


#: A count of a part, told after the figure: "three **other** bombs", "70 **others**", "three
#: **of the** four soldiers".
_PART_AFTER = re.compile(
    r"\s+(?:(others?|more|additional|further|of)\b(?!\s+(?:about|around)\b)|[\w-]+\s+(also)\b)",
    re.I,
)


def _part_marker(text: str, q: Quantity) -> str | None:
    """The word that makes a count a part of a larger one, within two words before it or
    right after it."""
    found = _PART_BEFORE.search(text, max(0, q.start - 30), q.start)
    if found:
        return found.group(1).lower()
    after = _PART_AFTER.match(text, q.end)
    return (after.group(1) or after.group(2)).lower().removesuffix("s") if after else None


#: A role a time or a stint is told in, right after it: "four seasons **as the team's
#: director**", "10 years **as mayor**", "50 games **as a starter**"; not "as many as", "as
#: well as", "as of".
_IN_ROLE = re.compile(
    r"\s+(?:years?|seasons?|months?|weeks?|days?|terms?|games?|decades?)\s+as\s+"
    r"(?!(?:many|much|well|of|long|soon|far|part|a\s+result)\b)"
    r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w-]+['’]s\s+)?([a-z][\w-]*)(?:\s+([a-z]+))?",
    re.I,
)


def _in_role(text: str, q: Quantity) -> bool:
    """Whether a time or a stint is told of a role only ("spent four seasons as the team's
    director"): a part of a whole ("19 seasons with the 76ers"). Not where "as" opens a clause
    ("20 degrees as firefighters battled the blaze")."""
    found = _IN_ROLE.match(text, q.end)
    if found is None:
        return False
    after = [w for w in found.groups() if w]
    return not any(verb_form_only(w.lower()) for w in after)


def _capitalised_subject(clause: list[Token]) -> bool:
    """A capitalised word right before a verb that opens the clause: the subject, though it is
    also a common word ("**Bush** rushed for 404 yards", "**Rice** said")."""
    return len(clause) >= 2 and clause[0].text[:1].isupper() and verb_form_only(clause[1].lower)


def _clause_before(toks: tuple[Token, ...], text: str, q: Quantity) -> list[Token]:
    """The tokens of the figure's clause before it (after the last comma, colon, bracket or
    quote mark)."""
    before = [t for t in toks if t.end <= q.start]
    for k in range(len(before) - 1, -1, -1):
        gap = text[before[k].end : before[k + 1].start if k + 1 < len(before) else q.start]
        if any(c in PHRASE_BREAKS for c in gap):
            return before[k + 1 :]
    return before


def _pronoun_holder(
    toks: tuple[Token, ...], text: str, q: Quantity, before: Sequence[str]
) -> tuple[str, str] | None:
    """Whom a figure is said of when its clause opens with a pronoun ("**He** has 53 catches
    for 605 yards", "where **he** finished with 96 touchdowns", "**who** has had only six
    carries"): the name the pronoun stands for in the text before the claim (``before``, see
    :attr:`ClaimText.before`), with the pronoun; None if it does not open the clause or stands
    for no clear name."""
    clause = _clause_before(toks, text, q)
    for t in clause:
        if t.lower in PERSONAL_PRONOUNS:
            start = t.start
            pronoun = t.lower
            break
        if t.content:
            return None
    else:
        return None
    own = (before[-1] if before else "") + text[:start]
    name = antecedent(pronoun, (*before[:-1], own))
    return (name, pronoun) if name is not None else None


def _nearest_subject(clause: list[Token], text: str) -> str | None:
    """The last run of capitalised words right before an inflected verb in the figure's clause,
    with that verb the figure's or one word before it: "Richard Carter scored 14 points and
    **Seth VanDeest** scored 13", "while starting center **Gregory Echenique** scored 11",
    "**Mike Rosario** scored 22". The run's last word, or None."""
    # The verb stands right before the figure, or one word before it.
    for k in (len(clause) - 1, len(clause) - 2):
        if k < 1 or not verb_form_only(clause[k].lower):
            continue
        if any(t.text[:1].isdigit() for t in clause[k + 1 :]):
            return None  # another figure stands between: the verb is that one's
        run: list[Token] = []
        j = k - 1
        while (
            j >= 0
            and clause[j].text[:1].isupper()
            and not text[clause[j].end : (run[0] if run else clause[k]).start].strip(" ")
        ):
            run.insert(0, clause[j])
            j -= 1
        if run and not is_demonym(run[0].text) and (len(run) > 1 or is_name(run[0], text)):
            return run[-1].text
        return None
    return None


def holder(toks: tuple[Token, ...], text: str, q: Quantity) -> str | None:
    """Whom a figure is said of: the name its clause opens with, the subject ("Since Week 11,
    **Thomas** has eight touchdowns", "**Vaughn** finished with 16 points"), or None ("Video
    of Brooklyn Mother of 13": the clause does not open with a name)."""
    clause = [t for t in _clause_before(toks, text, q) if t.content and t.lower not in TITLE_WORDS]
    subject = _nearest_subject(clause, text)
    if subject is not None:
        return subject
    if not clause or is_demonym(clause[0].text):
        return None  # "a 36-year-old Australian climber" is not said of Australia
    if not is_name(clause[0], text) and not _capitalised_subject(clause):
        return None
    run = [clause[0]]
    for t in clause[1:]:
        if not t.text[:1].isupper() or text[run[-1].end : t.start].strip():
            break
        run.append(t)
    return run[-1].text


#: A name in the possessive right before a figure: "Jamaal **Charles'** 226 yards", "**Charles
#: ’** 226 yards" (as a tokenised corpus writes it), "the **Chiefs's** 352 yards".
_POSSESSOR = re.compile(r"\b(?P<name>[A-Z][\w.-]*)\s?(?:'s|’s|'|’)\s*$")


def _possessor(text: str, q: Quantity) -> str | None:
    """The name whose figure it is, told in the possessive right before it; None otherwise
    (not a day's: "Tuesday's 6.1 quake" dates the quake)."""
    found = _POSSESSOR.search(text, max(0, q.start - 40), q.start)
    if found is None or found["name"].lower() in CALENDAR_WORDS:
        return None
    return found["name"]


def _different_holders(
    a: str, b: str, m: QuantityMatch, before: tuple[Sequence[str], Sequence[str]] = ((), ())
) -> bool:
    """Whether the two figures are said of two different people or bodies, each named only in
    its own claim: "Bush rushed for 404 yards" / "Thomas has 498 rushing yards", or "He has 53
    catches for 605 yards" after a sentence about Harrison / "Manning threw for 364 yards".

    ``before`` is the text before each claim (:attr:`ClaimText.before`). A "he" or "she" is
    taken for the subject before it only where the other claim's holder is named nowhere in
    that text: a pronoun may stand for anyone just named."""
    da = token_diff(a, b)
    sides = []
    for toks, text, q, context in ((da.a, a, m.a, before[0]), (da.b, b, m.b, before[1])):
        named = holder(toks, text, q)
        sides.append(
            (named, None if named is not None else _pronoun_holder(toks, text, q, context))
        )
    (named_a, pronoun_a), (named_b, pronoun_b) = sides
    ha = named_a or (pronoun_a[0] if pronoun_a else None)
    hb = named_b or (pronoun_b[0] if pronoun_b else None)
    owner_a, owner_b = _possessor(a, m.a), _possessor(b, m.b)
    for owner, text, other_holder in ((owner_a, b, hb), (owner_b, a, ha)):
        # A figure told as someone's ("Charles' 226 yards") against one the other claim says of
        # another ("the Chiefs, who had 352 yards"), where that claim does not name the owner:
        # the player's yards and the team's are two figures.
        if (
            owner is not None
            and other_holder is not None
            and not same_entity(owner, other_holder)
            and not named_in(owner, [text])
        ):
            return True
    if ha is None or hb is None or same_entity(ha, hb):
        return False
    for pronoun, context, text, other in (
        (pronoun_a, before[0], a, hb),
        (pronoun_b, before[1], b, ha),
    ):
        if (
            pronoun is not None
            and pronoun[1] not in ("who", "whose")
            and named_in(other, (*context, text))
        ):
            return False  # "he" may stand for the other's holder, named just before
    names_a = {t.text for t in da.a if t.text[:1].isupper()}
    names_b = {t.text for t in da.b if t.text[:1].isupper()}
    return ha not in names_b and hb not in names_a


#: Nouns of places a count may be told over: "killed 170,000 people **in the province**".
_PLACE_NOUNS = frozenset(
    "province provinces country countries region regions state states district districts city "
    "cities area areas village villages town towns county counties nation nations world island "
    "islands continent".split()
)
_SCOPE_PREPOSITIONS = frozenset("in across around throughout outside".split())
#: Words that end a place phrase: "in Sumatra **alone**", "in the province **and** tens ...".
_SCOPE_END = frozenset(
    "in on at by from and or when after before since with was were is are had has have who "
    "which that across around throughout outside".split()
)
_SCOPE_FILLER = frozenset("the a an of alone".split())


def _scope(text: str, q: Quantity) -> tuple[str, ...] | None:
    """The place a count is told over, as its words (case kept), when a place phrase follows
    the figure within six words in its clause ("170,000 people **in the province**", "230,000
    people dead and missing **in a dozen countries**", "230,000 people **across Asia**"); None
    if none does."""
    after = _CLAUSE_BREAK.split(text[q.end : q.end + 80])[0]
    words = re.findall(r"[\w'’-]+", after)
    for k, word in enumerate(words[:6]):
        if word.lower() not in _SCOPE_PREPOSITIONS:
            continue
        phrase: list[str] = []
        for w in words[k + 1 : k + 6]:
            if w.lower() in _SCOPE_END:
                break
            phrase.append(w)
        kept = tuple(w for w in phrase if w.lower() not in _SCOPE_FILLER)
        key = {w.lower() for w in kept}
        if key and (any(w[:1].isupper() for w in kept) or key & _PLACE_NOUNS):
            return kept
        return None
    return None


def _scopes_apart(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two place phrases name different places: no word in common ("in the province"
    / "across Asia"), or each names a place the other does not ("in Pakistan blast" / "in
    Boston blasts": the kind of event they share does not make the places one). A place
    written two ways is one ("in the United States" / "in the US")."""
    names_x = [w for w in x if w[:1].isupper()]
    names_y = [w for w in y if w[:1].isupper()]
    short, full = sorted((names_x, names_y), key=len)
    if len(short) == 1 and short[0].isupper() and same_entity(" ".join(full), short[0]):
        return False  # an acronym of the other's place ("US"), not a part of it ("Aceh")
    if not {w.lower() for w in x} & {w.lower() for w in y}:
        return True
    return (
        bool(names_x)
        and bool(names_y)
        and not {w.lower() for w in names_x} & {w.lower() for w in names_y}
    )


#: Relative dates that place an event in the days around the article ("on Tuesday",
#: "yesterday", "this week"), against those that place it a year or more back ("last year",
#: "three years ago"); months back ("last month") place it in neither.
_DAYS_AROUND = re.compile(
    r"^(?:today|tonight|yesterday|tomorrow|(?:earlier|later|this|next|last|past|coming)\s+"
    r"(?:week|weekend)|(?:\w+\s+)+days?\s+ago|a\s+week\s+ago|in\s+recent\s+days)$"
)
_YEARS_BACK = re.compile(r"^(?:last\s+year|past\s+year|a\s+year\s+ago|(?:\w+\s+)+years?\s+ago)$")
#: A season a year or more back, as sports news dates a player's figures ("**Last season** it
#: was Thomas that led the Saints, posting 793 yards in 14 games").
_SEASONS_BACK = re.compile(
    r"\b(?:last|previous)\s+season\b|\b(?:a|one|two|three|four|five|\d+)\s+seasons?\s+ago\b",
    re.IGNORECASE,
)


_PARTICIPLE_OPENS = re.compile(r"\s*\w+ing\b")
# Punctuation that ends a clause; not the comma of a figure as a tokenised corpus writes it
# ("230, 000").
_CLAUSE_PUNCTUATION = re.compile(r"[;:()\[\]]|(?<!\d),|,(?!\s?\d{3}(?!\d))")


#: Words that open a clause of another event between a figure and a time expression.
_SUBORDINATE = re.compile(r"\b(?:after|before|since|than|until)\b", re.I)


def _time_told(text: str, q: Quantity) -> tuple[str, int | None] | None:
    """When the claim places the event a figure is told of: ``("days", None)`` for the days
    around the article ("on Tuesday", "yesterday"), ``("years", year)`` for a year or more back
    ("in 2004", "in May 2012", "last year" with year None); None when nothing says which.

    Read from the time expression nearest the figure within its own clause, or in an opening
    phrase of a few words that scopes over the sentence ("**In 2004**, a 9.1 quake off Aceh
    ..."); a participle's clause ("on Sunday, killing two people") is the clause before. A date
    in another clause tells of another event ("killed a child, ... devastated by the tsunami
    **of 2004**"; "a mother of 12, was shot **in 2011**")."""
    breaks = [m.start() for m in _CLAUSE_PUNCTUATION.finditer(text)]
    start = max((k + 1 for k in breaks if k < q.start), default=0)
    end = min((k for k in breaks if k >= q.end), default=len(text))
    if _PARTICIPLE_OPENS.match(text, start) and start > 0:
        # "struck on Sunday, **killing two people**": a participle's clause is the one before.
        start = max((k + 1 for k in breaks if k < start - 1), default=0)
    lead_end = breaks[0] if breaks and len(text[: breaks[0]].split()) <= 4 else 0

    def within(s: int, e: int) -> bool:
        if _SUBORDINATE.search(text[min(e, q.end) : max(s, q.start)]):
            # "rose to 9-5 ... one season **after** posting the worst record in 2011": the
            # year dates the event the figure is measured from, not the figure's.
            return False
        return (start <= s and e <= end) or e <= lead_end

    anchors: list[tuple[int, tuple[str, int | None]]] = []
    for d in find_dates(text):
        if not within(d.start, d.end):
            continue
        where = min(abs(d.start - q.end), abs(q.start - d.end))
        if d.kind in ("weekday", "range") or (d.kind == "relative" and _DAYS_AROUND.match(d.norm)):
            anchors.append((where, ("days", None)))
        elif d.kind == "relative" and _YEARS_BACK.match(d.norm):
            anchors.append((where, ("years", None)))
        elif d.kind == "month" and d.norm[:1].isdigit():
            anchors.append((where, ("years", int(d.norm[:4]))))
    for m in _SEASONS_BACK.finditer(text):
        if within(m.start(), m.end()):
            anchors.append((min(abs(m.start() - q.end), abs(q.start - m.end())), ("years", None)))
    for y in find_quantities(text):
        if (
            y.category == "year"
            and y.upper is None
            and (y.start, y.end) != (q.start, q.end)
            and within(y.start, y.end)
        ):
            where = min(abs(y.start - q.end), abs(q.start - y.end))
            anchors.append((where, ("years", int(y.value))))
    return min(anchors, key=lambda w: w[0])[1] if anchors else None


def _two_times(a: str, b: str, m: QuantityMatch) -> bool:
    """Whether the two figures are told of events at two times: one in the days around the
    article and one a year or more back ("a 6.1 quake hit Aceh on **Tuesday**" / "**In 2004**,
    a 9.1 quake off Aceh"), or in two different years, in claims worded apart. A year is never
    its own time."""
    if "year" in (m.a.category, m.b.category) or token_diff(a, b).ratio >= NEAR_COPY_RATIO:
        # In one text edited, a year changed with its figures is still an edit.
        return False
    ta, tb = _time_told(a, m.a), _time_told(b, m.b)
    if (ta is None) != (tb is None):
        # News tells its own event without a year and dates the ones it recalls: "6.1-magnitude
        # quake strikes Aceh" / "an 8.7-magnitude earthquake also hit off Banda Aceh in May
        # 2012". Not an age, which is told as of now ("27-year-old Simpson ... in the April
        # 2012 shooting"), nor against a claim that dates anything at all.
        undated = b if ta is not None else a
        return (
            (ta or tb or ("", None))[0] == "years"
            and "age" not in (m.a.category, m.b.category)
            and not find_dates(undated)
        )
    if ta is None or tb is None:
        return False
    if ta[0] != tb[0]:
        return True
    return ta[1] is not None and tb[1] is not None and ta[1] != tb[1]


def _two_facts(
    a: str, b: str, m: QuantityMatch, before: tuple[Sequence[str], Sequence[str]] = ((), ())
) -> str | None:
    """Why two differing figures may both be true, if they may (the explanation of the low
    finding): said of two people, a part against a whole, two moments of a game. None: they
    are one figure told two ways."""
    told = f"{_fmt(m.a)} vs {_fmt(m.b)}"
    if _different_holders(a, b, m, before):
        return (
            f"the figure differs: {told}, but each is said of someone the other claim does not name"
        )
    if _two_times(a, b, m):
        return f"the figure differs: {told}, but the two are told of events at different times"
    if m.a.category == "plain" and _part_marker(a, m.a) != _part_marker(b, m.b):
        # "Those 10 points tied him with Buford" / "he scored 23 points".
        return (
            f"the figure differs: {told}, but one counts a part ('first', 'other', 'three of the') "
            "and the other does not"
        )
    if (
        m.a.category == m.b.category == "plain"
        and token_diff(a, b).ratio < NEAR_COPY_RATIO
        and (
            words := counted_group(
                token_diff(a, b), (a, b), (m.a.start, m.a.end), (m.b.start, m.b.end)
            )
        )
    ):
        # "40 people dead" / "three men who were killed": a group within everyone counted.
        return (
            f"the figure differs: {told}, but one counts one kind of people and the other "
            f"everyone ('{words[0]}' / '{words[1]}')"
        )
    if _in_role(a, m.a) != _in_role(b, m.b):
        # "four seasons as the team's director of personnel" / "19 seasons with the 76ers".
        return f"the figure differs: {told}, but one counts only the time or work in one role"
    if token_diff(a, b).ratio < NEAR_COPY_RATIO and (places := other_places(a, b)) is not None:
        # "Indonesia's West Papua province" / "the province of Aceh": two events.
        x, y = places
        return (
            f"the figure differs: {told}, but the two are told of events in two places "
            f"('{x.name}' / '{y.name}', two places of one kind)"
        )
    scope_a, scope_b = _scope(a, m.a), _scope(b, m.b)
    if scope_a and scope_b and _scopes_apart(scope_a, scope_b):
        # "killed 170,000 people in the province" / "killed 230,000 people across Asia".
        return f"the figure differs: {told}, but the two count over different places"
    if m.a.category == m.b.category == "score" and (sides := _two_opponents(a, m.a, b, m.b)):
        # "a 31-24 victory over the Jaguars" / "a 20 - 13 win over the Kansas City Chiefs".
        return (
            f"the score differs: {told}, but the two are scores of games against two opponents "
            f"('{sides[0]}' / '{sides[1]}')"
        )
    if token_diff(a, b).ratio < NEAR_COPY_RATIO and _moment(a, m.a) and _moment(b, m.b):
        # "late in the fourth quarter" / "later in the third quarter", "with 12 seconds left"
        # / "with just under five minutes remaining": when two plays happened, not one figure.
        return (
            f"the figure differs: {told}, but each tells a moment of a game, so the two may be "
            "different moments"
        )
    if m.a.category == m.b.category == "score" and _moments_apart(a, m.a, b, m.b):
        # A game's score changes while it is played: "a 17-7 halftime lead" / "a 31-24 lead".
        return (
            f"the score differs: {told}, but a lead or a run is one moment of a game, so the "
            "two may be different moments"
        )
    return None


_cache: dict[tuple[str, str], list[QuantityMatch]] = {}


def _age_holder_span(toks: tuple[Token, ...], text: str, q: Quantity) -> tuple[int, int] | None:
    """The tokens (first and last, inclusive) of the name an age is told of: the name right
    after it ("34-year-old **Zurana Horton**"), or the name it stands beside in apposition
    ("**Horton**, 34,", the name's last word only); None if neither."""
    after = [i for i, t in enumerate(toks) if t.start >= q.end]
    run: list[int] = []
    for i in after:
        t = toks[i]
        if run and text[toks[run[-1]].end : t.start].strip():
            break
        if not run and text[q.end : t.start].strip(" -"):
            break
        if not (t.text[:1].isupper() and is_name(t, text)):
            break
        run.append(i)
    if run:
        return run[0], run[-1]
    before = [i for i, t in enumerate(toks) if t.end <= q.start]
    if (
        before
        and text[toks[before[-1]].end : q.start].strip() == ","
        and is_name(toks[before[-1]], text)
    ):
        return before[-1], before[-1]
    return None


def _age_holder(toks: tuple[Token, ...], text: str, q: Quantity) -> str | None:
    """Whose age a figure is: the last word of the name right after it ("34-year-old Zurana
    **Horton**") or of the name it stands beside in apposition ("**Horton**, 34,"); None if
    neither."""
    span = _age_holder_span(toks, text, q)
    return None if span is None else toks[span[1]].text


def _age_holder_name(toks: tuple[Token, ...], text: str, q: Quantity) -> str | None:
    """The whole name an age is told of ("Christopher Kenyon Simpson", "Zurana Horton, 34,"),
    so that two people who share a surname stay two."""
    span = _age_holder_span(toks, text, q)
    if span is None:
        return None
    start, end = span
    if toks[start].start >= q.end:
        return text[toks[start].start : toks[end].end]  # the name after the age, whole
    # In apposition, the words of the name before its last one.
    while (
        start > 0
        and not text[toks[start - 1].end : toks[start].start].strip()
        and toks[start - 1].text[:1].isupper()
        # A given name opening the sentence is capitalised anyway, and may be a word too
        # ("Maria Horton, 35,"; maria are the moon's seas).
        and (
            is_name(toks[start - 1], text)
            or (start - 1 == 0 and toks[0].text.isalpha() and toks[0].key not in FUNCTION_WORDS)
        )
    ):
        start -= 1
    return text[toks[start].start : toks[end].end]


def _people_and_fraction(diff: Any, texts: tuple[str, str], x: Quantity, y: Quantity) -> bool:
    """Between tellings worded apart, a whole count of people, the people written ("where five
    **people** were killed"), against a figure with a fraction ("since 7.6 and 7.5 magnitude
    quakes"): people are counted whole, so the two figures count other things. In one text
    edited ("a 15-year-old" / "a 7.5-year-old") a changed figure is still one."""
    if not x.category == y.category == "plain" or diff.ratio >= NEAR_COPY_RATIO:
        return False
    sides = ((x, diff.a, texts[0]), (y, diff.b, texts[1]))
    for (q, toks, text), (other, _, _) in (sides, sides[::-1]):
        if (
            float(q.value).is_integer()
            and not float(other.value).is_integer()
            and q.context is not None
            and q.context.isalpha()
            and counts_people(toks, text, (q.start, q.end))
        ):
            return True
    return False


#: "then" right before an age dates it to the time of the events told ("then-15-year-old").
_THEN = re.compile(r"\bthen\s*-?\s*$", re.IGNORECASE)


def _one_person(diff: Any, texts: tuple[str, str], x: Quantity, y: Quantity) -> str | None:
    """The name of the one person two ages are told of, each age beside a name ("27 year old
    Christopher Simpson" / "26-year-old Christopher Kenyon Simpson", "Horton, 34," / "Zurana
    Horton, 35,"; not "Robert Mills, 45," / "Anna Mills, 46,"); None if they are not."""
    if not x.category == y.category == "age":
        return None
    if any(_THEN.search(text[: q.start]) for text, q in zip(texts, (x, y), strict=True)):
        return None  # "then-15-year-old Timmons" / "16-year-old Timmons": an age at another time
    hx = _age_holder_name(diff.a, texts[0], x)
    hy = _age_holder_name(diff.b, texts[1], y)
    return hx if hx is not None and hy is not None and same_entity(hx, hy) else None


def _two_people(diff: Any, texts: tuple[str, str], x: Quantity, y: Quantity) -> bool:
    """Two ages of two people, each named beside their age ("34-year-old Zurana Horton" /
    "Twenty-year-old Andrew Lopez", "26-year-old Christopher Simpson" / "20-year-old Ka'loni
    Flynn" even where the other claim names Simpson too)."""
    hx, hy = _age_holder(diff.a, texts[0], x), _age_holder(diff.b, texts[1], y)
    return hx is not None and hy is not None and not same_entity(hx, hy)


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
            spans = (x.start, x.end), (y.start, y.end)
            if _population(a, x) != _population(b, y):
                return False  # "a city of population 167,000" / "14,000 people fled"
            if _ranges_sharing_an_end(x, y) and aligned(x, y):
                # "between **1981** and 1994" / "between **1981** and 1995": one end stands in
                # place in both, so the ranges fill one slot whatever words stand around them.
                return True
            # Counts, ranks, measures and sums ("a 44-yard **field goal**" / "108 yards
            # **receiving**"); not shares and scores, whose next words say what changed ("a 5%
            # **rise**" / "a 3% **fall**"), not what is counted.
            counts = x.category == y.category and x.category in (
                "plain",
                "ordinal",
                "measure",
                "money",
            )
            if counts and count_other_things(diff, (a, b), *spans):
                return False
            # "IE11 on Windows 8" / "10 critical flaws": the number of a name is not a count,
            # and two names' numbers ("Windows 8" / "Article 10") are not one figure.
            named = name_number(diff.a, a, spans[0]), name_number(diff.b, b, spans[1])
            if counts and any(named) and named[0] != named[1]:
                return False
            # "averaged 22.8 points" / "had 24 points": an average and one value are two facts.
            if _averaged(a, x) != _averaged(b, y):
                return False
            if ages and _two_people(diff, (a, b), x, y):
                return False
            if _people_and_fraction(diff, (a, b), x, y):
                return False
            if ages and _one_person(diff, (a, b), x, y) is not None:
                # Each age beside one person's name, wherever the names stand ("45-year-old
                # Robert Mills" / "Robert James Mills, 46,"): that person's age in both.
                return True
            if _offset_from(a, x) != _offset_from(b, y):
                return False  # "in 30 days" / "nine days before the inauguration"
            if _modifier(a, x) != _modifier(b, y) and diff.ratio < NEAR_COPY_RATIO:
                # "an 84-yard scamper" / "352 yards rushing": the length of one run and a
                # total, in two tellings (in one text edited, a changed figure still).
                return False
            if x.category == y.category == "plain":
                ox = outcome_of(diff.a, a, spans[0])
                oy = outcome_of(diff.b, b, spans[1])
                if ox is not None and oy is not None and other_outcomes(ox, oy):
                    return False  # "injured more than 200 people" / "Twelve people were killed"
            return same_role(diff, *spans, window=1, names=ages)

        def one_toll(x: Quantity, y: Quantity) -> bool:
            """Two counts of people with one outcome ("killed three people" / "five people
            were killed"), neither figure written again in the other claim for that outcome
            or for none."""
            spans = (x.start, x.end), (y.start, y.end)
            ox, oy = outcome_of(diff.a, a, spans[0]), outcome_of(diff.b, b, spans[1])
            if ox is None or oy is None or not same_outcome(ox, oy):
                return False
            if x.approx is not None or y.approx is not None:
                return False  # bounds and estimates: the role pass weighs them
            for q, others, other_text, other_toks, outcome in (
                (x, qs_b, b, diff.b, oy),
                (y, qs_a, a, diff.a, ox),
            ):
                for twin in others:
                    if twin.value == q.value:
                        twin_outcome = outcome_of(other_toks, other_text, (twin.start, twin.end))
                        if twin_outcome is None or same_outcome(twin_outcome, outcome):
                            return False  # the figure is told there too
            return (
                counts_people(diff.a, a, spans[0])
                and counts_people(diff.b, b, spans[1])
                and not count_other_things(diff, (a, b), *spans)
            )

        qs_a, qs_b = find_quantities(a), find_quantities(b)

        edited_a = {e.i1 + k for e in diff.edits for k in range(len(e.a_tokens))}
        edited_b = {e.j1 + k for e in diff.edits for k in range(len(e.b_tokens))}

        def aligned(x: Quantity, y: Quantity) -> bool:
            """The two figures stand in place in the stretches the two claims share: a token of
            one is the other's counterpart and neither was moved or edited."""
            ia = [i for i in tokens_in(diff.a, (x.start, x.end)) if i not in edited_a]
            ib = {j for j in tokens_in(diff.b, (y.start, y.end)) if j not in edited_b}
            return any(diff.counterpart_in_b(i) in ib for i in ia)

        _cache[key] = match_quantities(
            qs_a, qs_b, role, texts=(a, b), one_toll=one_toll, aligned=aligned
        )[0]
    return _cache[key]


#: A figure that counts those who live in a place: "a city of **population** 167,000", "a
#: **population of** 2 million", "167,000 **residents**", "2 million **inhabitants**".
_POPULATION_BEFORE = re.compile(
    r"\bpopulations?\s+(?:of\s+)?(?:about\s+|some\s+|nearly\s+)?$", re.I
)
_POPULATION_AFTER = re.compile(r"\s+(?:residents|inhabitants|people\s+live)\b", re.I)


def _population(text: str, q: Quantity) -> bool:
    """Whether a figure is a place's population, which counts none of those an event touched."""
    return bool(
        _POPULATION_BEFORE.search(text, max(0, q.start - 40), q.start)
        or _POPULATION_AFTER.match(text, q.end)
    )


def _ranges_sharing_an_end(x: Quantity, y: Quantity) -> bool:
    """Two ranges of one kind with one end in common ("1981 and 1994" / "1981 and 1995").
    Scores and records ("7-2" / "7-for-14") are two counts, not a range."""
    return (
        x.upper is not None
        and y.upper is not None
        and x.category == y.category
        and x.category in _RANGE_CATEGORIES
        and (x.value == y.value or x.upper == y.upper)
    )


_RANGE_CATEGORIES = frozenset({"plain", "percent", "money", "measure", "year"})


#: Units of a span of time that can count from some moment: "nine days **before** the vote".
_TIME_SPANS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_OFFSET = re.compile(
    r"\s+(?P<rel>before|after|prior\s+to|ahead\s+of|earlier|later|since|afterwards?)\b", re.I
)


def _offset_from(text: str, q: Quantity) -> str | None:
    """How a span of time counts from a moment the claim names: "before" for "nine days
    before Obama's inauguration", "later" for "three days later". None for a span counted from
    nothing named ("in 30 days", "a 12-day trip"): a span before one moment and a span from
    now are not one figure."""
    if q.unit not in _TIME_SPANS:
        return None
    m = _OFFSET.match(text, q.end)
    return None if m is None else " ".join(m["rel"].lower().split())


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
                if _ranges_sharing_an_end(m.a, m.b):
                    what = f"range of {what}s"
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
                elif (
                    m.note == _TWO_LOWER_BOUNDS
                    and token_diff(a.text, b.text).ratio < NEAR_COPY_RATIO
                ):
                    # In one text edited, a changed bound is still a changed figure.
                    yield _finding(
                        m,
                        "number",
                        self.name,
                        f"the {what} differs: {_fmt(m.a)} vs {_fmt(m.b)}, but both are lower "
                        "bounds, which the higher one satisfies (perhaps a later count)",
                        0.4,
                        "medium",
                    )
                elif (both_true := _two_facts(a.text, b.text, m, (a.before, b.before))) is not None:
                    yield _finding(m, "number", self.name, both_true, 0.3, "low")
                elif (
                    person := _one_person(token_diff(a.text, b.text), (a.text, b.text), m.a, m.b)
                ) is not None:
                    # A person has one age: the two claims tell one fact whatever else they
                    # tell ("on trial" / "found guilty").
                    yield _finding(
                        m,
                        "number",
                        f"{self.name}:{ONE_FACT}",
                        f"the age of {person} differs: {_fmt(m.a)} vs {_fmt(m.b)}",
                        0.9,
                        "high",
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
        yield from designation_changes(a.text, b.text)


#: A word with a figure written into it: "G7", "3D", "4G", "A380", "76ers", "H5N1", "COVID-19".
_FIGURE_WORD_CHARS = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def _figure_word(text: str, tok: Token) -> tuple[int, int] | None:
    """The span of the word figure ``tok`` is written into ("G7", "3D", "76ers"), or None for a
    figure that stands alone ("7", "2,000")."""
    for m in _FIGURE_WORD_CHARS.finditer(text, max(0, tok.start - 40), tok.end + 40):
        if m.start() <= tok.start and tok.end <= m.end():
            word = m.group()
            return m.span() if any(c.isalpha() for c in word) else None
    return None


def _taken(text: str, span: tuple[int, int]) -> bool:
    """Whether a quantity, a date or a clock time already reads a figure of ``span`` ("30-day",
    "Q2", "26th", "10am", "1990s"): those are compared by their own rules."""
    s, e = span
    read = [(q.start, q.end) for q in find_quantities(text)]
    read += [(d.start, d.end) for d in find_dates(text)]
    read += [(t.start, t.end) for t in find_times(text)]
    return any(x < e and s < y for x, y in read)


def designation_changes(a: str, b: str) -> Iterator[Divergence]:
    """Another figure written into the same word: "G7" / "G20", "3D" / "2D", "4G" / "5G",
    "H1N1" / "H5N1", "76ers" / "49ers".

    The quantity reader leaves such words alone (they are names and designations, not counts),
    so they are compared here: when each is the other's counterpart in a replaced slot, the
    letters written around the figure are the same and the figures are not, the two words
    name two things. Another code with the same figure ("ELITEFIT15" / "FITNESS15") is a word
    swap, not this.
    """
    diff = token_diff(a, b)
    for e in diff.replaced_slots:
        xs = [w for t in e.a_free if t.text.isdigit() and (w := _figure_word(a, t))]
        ys = [w for t in e.b_free if t.text.isdigit() and (w := _figure_word(b, t))]
        if len(xs) != 1 or len(ys) != 1:
            continue
        wx, wy = xs[0], ys[0]
        word_a, word_b = a[wx[0] : wx[1]], b[wy[0] : wy[1]]
        if _letters(word_a) != _letters(word_b) or _figures(word_a) == _figures(word_b):
            continue
        if _letters(word_a) in _ORDINAL_ENDINGS:
            continue  # "27th Street" / "117th Street": an ordinal, not a designation
        if _taken(a, wx) or _taken(b, wy):
            continue
        yield finding(
            "number",
            NumberDetector.name,
            a,
            b,
            wx,
            wy,
            f"another figure in the same name or designation: {word_a!r} vs {word_b!r}",
            0.9,
        )


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


def _letters(word: str) -> str:
    return re.sub(r"[^a-z]", "", word.lower())


def _figures(word: str) -> tuple[str, ...]:
    return tuple(str(int(d)) for d in re.findall(r"\d+", word))


#: The largest whole figure that two tellings worded apart give with two units by chance as
#: often as by a garbled unit ("less than two seconds later" / "less than two weeks later").
SMALL_FIGURE = 10


def _small_figure_twice(a: str, b: str, m: QuantityMatch) -> bool:
    """Whether a figure given in two units is a small whole number (at most
    :data:`SMALL_FIGURE`: "two", "3") in claims worded apart. A figure as distinct as 621
    is rarely given twice by chance; "two seconds" and "two weeks" are two durations. In one
    text edited, the unit changed around the same figure is an edit."""
    value = parse_number(m.a.number_text)
    return (
        value is not None
        and value.is_integer()
        and value <= SMALL_FIGURE
        and token_diff(a, b).ratio < NEAR_COPY_RATIO
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
            elif m.relation == "unit_changed" and _small_figure_twice(a.text, b.text, m):
                yield _finding(
                    m,
                    "unit",
                    self.name,
                    f"the same figure {m.a.number_text} is given in different units: "
                    f"{_fmt(m.a)} vs {_fmt(m.b)}, but a small figure in two tellings worded "
                    "apart is more often two quantities than a garbled unit",
                    0.3,
                    "low",
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
