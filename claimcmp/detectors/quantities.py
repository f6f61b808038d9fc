"""Numbers and measured quantities in news text, and how two claims' quantities pair up.

:func:`find_quantities` reads digits (``1,000``, ``3.5``), number words
(``twelve``, ``a dozen``, ``twenty-five``), scales (``$5 billion``,
``$5bn``), percentages, currencies, ranges, approximations (``about``,
``more than``) and units of measure. Units are normalised with pint, so
``1,000 km`` and ``621 miles`` are recognised as the same length.

:func:`match_quantities` pairs the quantities of two claims and says how each
pair relates (equal, equivalent in another unit, rounded, unit changed, value
changed). The number and unit detectors report from the same matching, so a
quantity is never reported twice.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable
from typing import Any, Literal

import attrs

from claimcmp.memo import memoize

__all__ = [
    "Quantity",
    "QuantityMatch",
    "find_quantities",
    "is_number_word",
    "match_quantities",
    "unit_registry",
]

_registry: Any = None
_registry_lock = threading.Lock()


def unit_registry() -> Any:
    """pint's unit registry, created on first use (it takes a few tenths of a second)."""
    global _registry
    with _registry_lock:
        if _registry is None:
            import pint

            _registry = pint.UnitRegistry()
        return _registry


# Unit words as written in news → pint unit names.
_UNITS: dict[str, str] = {}
for _names, _pint in [
    (("kilometer", "kilometre", "km", "kms"), "kilometer"),
    (("meter", "metre"), "meter"),
    (("centimeter", "centimetre", "cm"), "centimeter"),
    (("millimeter", "millimetre", "mm"), "millimeter"),
    (("mile", "mi"), "mile"),
    (("nautical mile",), "nautical_mile"),
    (("foot", "feet", "ft"), "foot"),
    (("inch", "inches", "in."), "inch"),
    (("yard", "yd"), "yard"),
    (("kilogram", "kilogramme", "kg", "kilo"), "kilogram"),
    (("gram", "gramme"), "gram"),
    (("pound", "lb", "lbs"), "pound"),
    (("ounce", "oz"), "ounce"),
    (("tonne", "metric ton"), "metric_ton"),
    (("ton",), "short_ton"),
    (("liter", "litre"), "liter"),
    (("gallon",), "gallon"),
    (("barrel",), "oil_barrel"),
    (("acre",), "acre"),
    (("hectare", "ha"), "hectare"),
    (("square kilometer", "square kilometre", "sq km", "km2", "km²"), "kilometer**2"),
    (("square mile", "sq mi"), "mile**2"),
    (("square meter", "square metre", "sq m", "m2", "m²"), "meter**2"),
    (("square foot", "square feet", "sq ft"), "foot**2"),
    (("degrees celsius", "degree celsius", "celsius", "°c", "c°"), "degC"),
    (("degrees fahrenheit", "degree fahrenheit", "fahrenheit", "°f"), "degF"),
    (("mph", "miles per hour", "mile per hour"), "mile/hour"),
    (("km/h", "kmh", "kph", "kilometers per hour", "kilometres per hour"), "kilometer/hour"),
    (("knot",), "knot"),
    (("second", "sec"), "second"),
    (("minute", "min"), "minute"),
    (("hour", "hr"), "hour"),
    (("day",), "day"),
    (("week",), "week"),
    (("month",), "month"),
    (("year", "yr"), "year"),
    (("decade",), "decade"),
    (("century",), "century"),
    (("megawatt", "mw"), "megawatt"),
    (("gigawatt", "gw"), "gigawatt"),
    (("kilowatt", "kw"), "kilowatt"),
]:
    for _n in _names:
        _UNITS[_n] = _pint

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "c$": "CAD",
    "a$": "AUD",
    "hk$": "HKD",
    "$us": "USD",
    "$a": "AUD",
    "$au": "AUD",
    "$nz": "NZD",
    "$c": "CAD",
    "$hk": "HKD",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    # "e75m": some wires write the euro sign as a plain "e" before the figure.
    "e": "EUR",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupee": "INR",
    "ruble": "RUB",
    "rouble": "RUB",
    "hryvnia": "UAH",
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a dozen": 12,
    "half a dozen": 6,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 1e6,
    "a billion": 1e9,
    "first": 1,
    "second": 2,
    "third": 3,
}
_ORDINAL_WORDS = {"first", "second", "third"}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ORDINAL_RE = re.compile(
    r"\b(?:(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
    r"|(?P<num>\d{1,3})(?:st|nd|rd|th))\b(?=[\s-]+(?P<ctx>[A-Za-z]+))",
    re.IGNORECASE,
)
_APPROX = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "nearly": "below",
    "almost": "below",
    "close to": "below",
    "up to": "at most",
    "at most": "at most",
    "under": "below",
    "less than": "below",
    "fewer than": "below",
    "below": "below",
    "more than": "above",
    "over": "above",
    "above": "above",
    "at least": "at least",
    "upwards of": "above",
    "exceed": "above",
    "exceeding": "above",
    "some ": "about",
    "an estimated": "about",
    "estimated": "about",
}
# Words after an ordinal that show it is not ordering anything ("the first to join").
_NOT_ORDERED = frozenset(
    "to of the a an in on at and or but time place for with by as that which who is was".split()
    # Street names are addresses, not counts: "117th Street", "97th Avenue".
    + "street st avenue ave road rd boulevard blvd lane drive parkway precinct".split()
)
# "one" is a number only where it counts something: not "one of", "one another".
_ONE_NOT_NUMBER = re.compile(r"one\s+(?:of|another|day|time|way|side|such|thing|hand)\b", re.I)

_UNIT_ALTERNATION = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_WORD_NUMBER_ALT = "|".join(
    re.escape(w) for w in sorted(_WORD_NUMBERS, key=len, reverse=True) if w not in _ORDINAL_WORDS
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"

_QUANTITY = re.compile(
    rf"""
    (?P<approx>\b(?:{"|".join(re.escape(a.strip()) for a in sorted(_APPROX, key=len, reverse=True))})\s+)?
    (?P<cur>\$(?:US|HK|NZ|AU|A|C)(?=\d)|(?:US|HK|C|A)?\$|€|£|¥|₹|\b(?:USD|EUR|GBP|JPY|CNY|RMB)\s|\be(?=\d[\d.,]*\s?(?:m|bn|mn|million|billion)\b))?\s?
    (?P<num>
        \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?        # 1,000  12,500.5
      | \d+(?:\.\d+)?                           # 1000  3.5
      | \.\d+
      | \b(?:{_TENS})-(?:{_ONES})\b              # twenty-five
      | \b(?:{_WORD_NUMBER_ALT})\b
    )
    (?P<range>\s*(?:-|–|to|and)\s*(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?))?
    (?:(?:\s|-)?(?P<scale>hundred|thousand|million|billion|trillion|mn|mln|bn|trn|tn|k|m|b)\b)?
    (?P<pct>\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))?
    (?:(?:\s|-)?(?P<unit>(?:{_UNIT_ALTERNATION})(?:e?s)?)\b|(?P<unit2>°[CF]|km²|m²))?
    (?:\s+(?P<curword>(?:dollar|euro|yuan|renminbi|yen|rupee|ruble|rouble|hryvnia|pound\s+sterling)s?)\b)?
    """,
    re.VERBOSE | re.IGNORECASE,
)

# ordinal: "first quarter"; score: a score or a record ("31-24", "53-3"), two counts in one.
# rate: a figure written with a leading point (".267").
Category = Literal[
    "plain", "percent", "money", "measure", "year", "ordinal", "age", "score", "rate"
]


@attrs.frozen
class Quantity:
    """A number found in a text, with what it counts or measures."""

    value: float
    start: int
    end: int
    text: str
    category: Category
    unit: str | None = None  # pint unit name, or ISO currency code for money
    approx: str | None = None  # "about", "above", "below", "at least", "at most"
    upper: float | None = None  # end of a range ("10-12")
    context: str | None = None  # the word right after (what is counted)
    before: str | None = None  # the two words right before ("increased to")
    number_text: str = ""  # the number as written, e.g. "621"


def _parse_number(raw: str) -> float | None:
    r = raw.lower().replace(",", "")
    if r in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[r])
    if "-" in r:
        tens, _, ones = r.partition("-")
        if tens in _WORD_NUMBERS and ones in _WORD_NUMBERS:
            return float(_WORD_NUMBERS[tens] + _WORD_NUMBERS[ones])
    try:
        return float(r)
    except ValueError:
        return None


_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z][A-Za-z-]*)")
_AGE = re.compile(r"[\s-]*old\b", re.I)
_NOT_A_FIGURE = re.compile(r"(?:st|nd|rd|th)\b|\s?(?:a\.?m\.?|p\.?m\.?)(?![a-z])|:\d\d", re.I)
_CLOCK_BEFORE = re.compile(r"\d:$")
_DECADE = re.compile(r"['’]?s\b")
_APPOSITIVE_BEFORE = re.compile(r"[A-Za-z]\s*,\s*$")
_APPOSITIVE_AFTER = re.compile(r"\s*(?:,|\)|;|\.(?!\d)|$|\s+(?:of|from|and|who|was|is)\b)")
_RESTRICTED = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:held\s+)?(?:after|since|following|under)\b", re.I
)
_WORD_AFTER = re.compile(r"\s+[A-Za-z]{2,}")
_METRES_AFTER = re.compile(
    r"\s*(?:[.,;)]|$|(?:down|up|away|from|high|long|deep|tall|wide|above|below|into|off|on|in|at|to|of|"
    r"race|run|sprint|relay|freestyle|hurdles|drop|fall|ridge|cliff|crevasse)\b)",
    re.I,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$",
    re.I,
)
# Every quantity holds a digit, a number word or an ordinal word. Most claims hold none, and
# a set lookup of their words rules them out far faster than the full patterns below.
_NUMBER_WORDS = frozenset(w for phrase in (*_WORD_NUMBERS, *_ORDINALS) for w in phrase.split()) - {
    "a",
    "half",
}
_LETTERS = re.compile(r"[a-z]+")


def is_number_word(word: str) -> bool:
    """Whether a lower-cased word names a number or an order ("five", "dozen", "third")."""
    return word in _NUMBER_WORDS or word.split("-")[0] in _NUMBER_WORDS


def _may_hold_numbers(text: str) -> bool:
    return any(c.isdigit() for c in text) or not _NUMBER_WORDS.isdisjoint(
        _LETTERS.findall(text.lower())
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with its category, unit, qualifier and offsets."""
    return list(_find_quantities(text))


# Memoised: a claim's quantities are read once per claim pair it is in.
@memoize(8192)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    if not _may_hold_numbers(text):
        return ()
    found: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        raw = m["num"]
        value = _parse_number(raw)
        if value is None:
            continue
        low = raw.lower()
        if low == "one" and _ONE_NOT_NUMBER.match(text, m.start("num")):
            continue
        if _NOT_A_FIGURE.match(text, m.end("num")) or _CLOCK_BEFORE.search(text, 0, m.start("num")):
            continue  # "12th" (an ordinal, read below), "2pm", "10:46": not a count
        if (
            raw[:1].isdigit()
            and not m["cur"]
            and text[m.start("num") - 1 : m.start("num")].isalpha()
        ):
            continue  # "G20", "A380": part of a name
        if (
            not m["cur"]
            and _MONTH_BEFORE.search(text, 0, m.start("num"))
            and raw.isdigit()
            and int(raw) <= 31
        ):
            continue  # "December 15": a day of a date (the date detector's), not a count
        # A word number on its own next to nothing measurable ("a dozen
        # people" counts, "second" as in "a second time" is not handled).
        scale = (m["scale"] or "").lower()
        cur = m["cur"]
        # "200m down a gully", "a 400m race": metres, when "m" sticks to the figure and no
        # currency sign says million.
        metres = (
            scale == "m"
            and not cur
            and m.start("scale") == m.end("num")
            and bool(_METRES_AFTER.match(text, m.end("scale")))
        )
        millions = (
            scale == "m"
            and not cur
            and not metres
            and m.start("scale") == m.end("num")
            and bool(_WORD_AFTER.match(text, m.end("scale")))
        )
        if scale in ("m", "b", "k") and not cur and not millions:
            # Bare "5m" or "5k" is a scale only after a currency sign or before what it counts
            # ("2m Windows users"); "5 m" may be metres and "5 b" nothing at all.
            scale = ""
        if scale:
            value *= _SCALES[scale]
        start = m.start("approx") if m["approx"] else m.start("cur") if cur else m.start("num")
        groups = ["num", "range", "scale"]
        if m["pct"]:
            groups.append("pct")  # "33% year-on-year": no unit after a percentage
        elif m["curword"]:
            groups += ["unit", "unit2", "curword"]
        else:
            groups += ["unit", "unit2"]
        if not scale and not metres:
            groups.remove("scale")
        end = max(m.end(g) for g in groups if m[g])
        if raw[:1].isdigit() and text[end : end + 1].isalpha() and not _DECADE.match(text, end):
            continue  # "76ers", "3M": a name, not a figure
        upper = None
        if m["range"]:
            up = re.search(r"[\d.,]+$", m["range"])
            if up:
                upper = _parse_number(up.group())
                if upper is not None and scale:
                    upper *= _SCALES[scale]
        unit: str | None = None
        category: Category = "plain"
        if m["pct"]:
            category = "percent"
            unit = "percentage_point" if "point" in m["pct"].lower() else "percent"
        elif metres:
            category, unit = "measure", "meter"
        elif cur or m["curword"]:
            category = "money"
            unit = _CURRENCY_SYMBOLS.get((cur or "").strip().lower()) or _CURRENCY_WORDS.get(
                (m["curword"] or "").lower().rstrip("s"), "USD"
            )
        elif m["unit"] or m["unit2"]:
            word = (m["unit"] or m["unit2"] or "").lower()
            unit = _UNITS.get(word) or _UNITS.get(word[:-1]) or _UNITS.get(word[:-2])
            if unit is None:
                continue
            category = "measure"
            old = _AGE.match(text, end)
            if unit == "year" and old:
                # "a 36-year-old climber", "36 years old": an age, not a duration.
                category, unit, end = "age", None, old.end()
        elif (
            re.fullmatch(r"(1[5-9]|20)\d\d", raw)
            and not scale
            and not text.startswith("-", m.end("num"))
        ):
            category = "year"
            decade = _DECADE.match(text, m.end("num"))
            if raw.endswith("0") and decade:
                # "the 1930s": a decade, which holds 1935.
                upper = float(raw) + 9
                end = decade.end()
        if (
            category == "plain"
            and upper is None
            and not scale
            and not m["approx"]
            and raw.isdigit()
            and 1 <= value <= 120
            and _APPOSITIVE_BEFORE.search(text, 0, start)
            and _APPOSITIVE_AFTER.match(text, end)
        ):
            category = "age"  # "Simpson, 27, of Spiro", "the suspect, 61,": news style for an age
        if category == "plain" and raw.startswith("."):
            category = "rate"  # ".267", a winning percentage or an average written as sports do
        if (
            category == "plain"
            and upper is not None
            and upper < value
            and "-" in (m["range"] or "")
        ):
            category = "score"  # "won 31-24", "a 53-3 record": not a range from 53 down to 3
        approx = _APPROX.get(m["approx"].strip().lower()) if m["approx"] else None
        nxt = _NEXT_WORD.match(text, end)
        context = nxt.group(1).lower() if nxt else None
        prev_words = re.findall(r"[A-Za-z][A-Za-z'-]*", text[max(0, start - 60) : start])[-2:]
        before = " ".join(w.lower() for w in prev_words) if len(prev_words) == 2 else None
        found.append(
            Quantity(
                value=value,
                start=start,
                end=end,
                text=text[start:end],
                category=category,
                unit=unit,
                approx=approx,
                upper=upper,
                context=context,
                before=before,
                number_text=raw,
            )
        )
    # Ordinals count only in front of what they order ("first quarter", "3rd round").
    for m in _ORDINAL_RE.finditer(text):
        if any(q.start <= m.start() < q.end for q in found) or m["ctx"].lower() in _NOT_ORDERED:
            continue
        if _RESTRICTED.match(text, m.end()):
            continue  # "the first election held after the new constitution": counted from elsewhere
        value = _ORDINALS[m["word"].lower()] if m["word"] else int(m["num"])
        found.append(
            Quantity(
                value=float(value),
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                category="ordinal",
                context=m["ctx"].lower(),
                number_text=m.group(0),
            )
        )
    found.sort(key=lambda q: q.start)
    return tuple(found)


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


def _convert(q: Quantity, unit: str) -> float | None:
    """``q``'s value expressed in ``unit``, or None if the dimensions differ."""
    if q.unit is None or q.category != "measure":
        return None
    if q.unit == unit:
        return q.value
    ureg = unit_registry()
    try:
        return float(ureg.Quantity(q.value, q.unit).to(unit).magnitude)
    except Exception:  # pint.DimensionalityError and friends
        return None


def _leading(value: float) -> str:
    """The significant digits of a value: 5e6 and 5e9 share "5"."""
    return f"{abs(value):.3e}".split("e")[0].rstrip("0").rstrip(".")


def _decimals(number_text: str) -> int:
    t = number_text.replace(",", "")
    return len(t.split(".")[1]) if "." in t else 0


def _close(x: float, y: float, rel: float) -> bool:
    return math.isclose(x, y, rel_tol=rel, abs_tol=1e-9)


def _written_range(q: Quantity) -> tuple[float, float]:
    """The values ``q`` stands for at the precision it is written with: half a unit of its last
    significant digit either side ("60" → 55–65, "6.5" → 6.45–6.55, "six" → 5.5–6.5)."""
    digits = q.number_text.replace(",", "")
    if not digits[:1].isdigit():
        step = 1.0
    elif "." in digits:
        step = 10.0 ** -len(digits.split(".", 1)[1])
    else:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.rstrip("0") else 1.0
    written = _parse_number(q.number_text) or 1.0
    half = step / 2 * (q.value / written)
    return q.value - half, (q.upper if q.upper is not None else q.value) + half


def _rounding_of(a: Quantity, b: Quantity) -> bool:
    """Whether one value is the other rounded to the precision it is written with."""
    for coarse, fine in ((a, b), (b, a)):
        if not coarse.number_text or not coarse.number_text[0].isdigit():
            continue
        decimals = _decimals(coarse.number_text)
        written = _parse_number(coarse.number_text)
        scale = coarse.value / written if written else 1.0
        if (
            scale
            and fine.value != coarse.value
            and round(fine.value / scale, decimals) == round(coarse.value / scale, decimals)
        ):
            return True
    return False


def _comparable(a: Quantity, b: Quantity) -> bool:
    if {a.category, b.category} == {"score", "plain"}:
        # "14-13-2" / "7-13-2", "12-12" / "36-12": a record or score written like a range.
        return (a.upper if a.category == "plain" else b.upper) is not None
    if a.category != b.category:
        return False
    if a.category == "money":
        return a.unit == b.unit
    if a.category == "percent":
        return a.unit == b.unit
    return True


_FIGURE_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+")


@memoize(8192)
def figure_counts(text: str) -> dict[float, int]:
    """How many times each figure is written in ``text``, in any form and whatever it counts:
    digits ("66", "1,000"), number words ("five"), ordinal words and ordinals ("fifth", "5th")."""
    counts: dict[float, int] = {}
    if not _may_hold_numbers(text):
        return counts
    for m in _FIGURE_TOKEN.finditer(text):
        raw = m.group(0)
        low = raw.lower()
        value: float | None
        if raw[0].isdigit():
            value = _parse_number(raw)
        else:
            value = _WORD_NUMBERS.get(low)
            if value is None:
                value = _ORDINALS.get(low)
        if value is not None and not (low == "one" and _ONE_NOT_NUMBER.match(text, m.start())):
            counts[float(value)] = counts.get(float(value), 0) + 1
    return counts


def match_quantities(
    qa: list[Quantity],
    qb: list[Quantity],
    same_role: Callable[[Quantity, Quantity], bool] | None = None,
    *,
    texts: tuple[str, str] | None = None,
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

    take(same_value, lambda x, y: ("equal", ""))

    def equivalent(x: Quantity, y: Quantity) -> bool:
        if x.category != "measure" or y.category != "measure" or x.unit == y.unit:
            return False
        converted = _convert(y, x.unit or "")
        if converted is None:
            return False
        if _close(converted, x.value, 0.02):
            return True
        if _close(x.value, y.value, 1e-9):
            return False  # the same figure in another unit: a unit changed, not a conversion
        # A conversion is rounded to the precision each figure is written with: "six miles" is
        # 5.5–6.5 miles, "10 kilometres" 5–15 km, "200 feet" 150–250 ft; overlapping, they can
        # be one distance.
        ratio = converted / y.value if y.value else 1.0
        lo_y, hi_y = (v * ratio for v in _written_range(y))
        lo_x, hi_x = _written_range(x)
        return lo_x <= hi_y and lo_y <= hi_x

    take(
        equivalent,
        lambda x, y: (
            "equivalent",
            f"{x.text!r} and {y.text!r} are the same quantity in different units",
        ),
    )

    def unit_changed(x: Quantity, y: Quantity) -> bool:
        both_units = x.unit is not None and y.unit is not None
        return (
            both_units
            and x.unit != y.unit
            and x.category in ("measure", "money")
            and x.category == y.category
            and _close(x.value, y.value, 1e-9)
        )

    take(unit_changed, lambda x, y: ("unit_changed", ""))

    def value_relation(x: Quantity, y: Quantity) -> tuple[Relation, str]:
        xv, yv = x.value, y.value
        if x.category == "measure" and x.unit != y.unit:
            converted = _convert(y, x.unit or "")
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
            qualifier in ("above", "at least")
            and (
                (x.approx in ("above", "at least") and yv >= xv)
                or (y.approx in ("above", "at least") and xv >= yv)
            )
            and _close(xv, yv, 0.25)
        ):
            return "rounded", f"consistent with the bound '{qualifier}'"
        if (
            qualifier in ("below", "at most")
            and (
                (x.approx in ("below", "at most") and yv <= xv)
                or (y.approx in ("below", "at most") and xv <= yv)
            )
            and _close(xv, yv, 0.25)
        ):
            return "rounded", f"consistent with the bound '{qualifier}'"
        lo, hi = sorted((abs(xv), abs(yv)))
        if lo > 0 and hi / lo >= 50 and _leading(xv) != _leading(yv):
            # 13 points vs 2,129 points: too far apart to be one count told wrongly (a slip of
            # scale, 5 million vs 5 billion, keeps its digits and is a plain change; a toll that
            # rose from 1 to 24 is still one count).
            return "value_changed", "far apart"
        return "value_changed", ""

    def same_slot(x: Quantity, y: Quantity) -> bool:
        if {x.category, y.category} == {"plain", "year"}:
            return x.context is not None and x.context == y.context
        if not _comparable(x, y) and not (x.category == y.category == "measure"):
            return False
        if x.category == "measure":
            return _convert(y, x.unit or "") is not None
        return (x.context is not None and x.context == y.context) or (
            x.before is not None and x.before == y.before
        )

    if same_role is not None:

        def in_role(x: Quantity, y: Quantity) -> bool:
            comparable = _comparable(x, y) or (
                x.category == y.category == "measure" and _convert(y, x.unit or "") is not None
            )
            return comparable and not _given_by_both(x, y) and same_role(x, y)

        take(in_role, value_relation)
        take(
            lambda x, y: (
                x.category == y.category == "money" and x.unit != y.unit and same_role(x, y)
            ),
            lambda x, y: ("currency_changed", ""),
        )
        return matches, left_a, left_b

    take(same_slot, value_relation)

    def only_of_kind(x: Quantity, y: Quantity) -> bool:
        same_kind_a = [q for q in left_a if q.category == x.category]
        same_kind_b = [q for q in left_b if q.category == y.category]
        return (
            x.category == y.category
            and x.category != "ordinal"
            and len(same_kind_a) == 1
            and len(same_kind_b) == 1
            and (x.category != "measure" or _convert(y, x.unit or "") is not None)
            and (x.category not in ("money", "percent") or x.unit == y.unit)
        )

    take(only_of_kind, value_relation)

    def other_currency(x: Quantity, y: Quantity) -> bool:
        return x.category == y.category == "money" and x.unit != y.unit

    take(other_currency, lambda x, y: ("currency_changed", ""))
    return matches, left_a, left_b
