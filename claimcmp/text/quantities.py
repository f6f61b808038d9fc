"""Numbers and measured quantities in news text.

:func:`find_quantities` reads digits (``1,000``, ``3.5``), number words
(``twelve``, ``a dozen``, ``twenty-five``), scales (``$5 billion``,
``$5bn``), percentages, currencies, ranges, approximations (``about``,
``more than``) and units of measure. Units are normalised with pint, so
``1,000 km`` and ``621 miles`` are recognised as the same length
(:func:`convert`). :func:`figure_counts` counts the figures a text writes, in any form;
:func:`conversion_anomalies` finds parenthetical conversions inside one text that do not
convert.

How the quantities of two claims pair up is the number detectors' business
(:func:`claimcmp.detectors.numbers.match_quantities`).
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterator
from typing import Any, Literal

import attrs

from claimcmp.memo import memoize
from claimcmp.text.dates import MONTH_PATTERN

__all__ = [
    "Category",
    "Quantity",
    "conversion_anomalies",
    "convert",
    "figure_counts",
    "figure_key",
    "find_quantities",
    "is_number_word",
    "parse_number",
    "unit_of_word",
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
            # pint's "decade" is a factor of ten on a logarithmic scale, dimensionless: news
            # means ten years ("two decades" / "two years" are two spans of time).
            _registry.define("calendar_decade = 10 * year")
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
    (("pint",), "pint"),
    (("quart",), "quart"),
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
    (("decade",), "calendar_decade"),
    (("century",), "century"),
    (("megawatt", "mw"), "megawatt"),
    (("gigawatt", "gw"), "gigawatt"),
    (("kilowatt", "kw"), "kilowatt"),
]:
    for _n in _names:
        _UNITS[_n] = _pint

_UNIT_ABBREVIATIONS = frozenset(
    "km kms cm mm mi ft yd kg lb lbs oz ha mph kmh kph mw gw kw sec min hr yr".split()
)


#: Units an age is told in ("a 2-month-old baby").
_AGE_UNITS = frozenset({"year", "month", "week", "day"})


def unit_of_word(word: str) -> tuple[str, str] | None:
    """A unit word without its figure ("hours", "a **month**", "half-**gallon**"): its pint
    name and its dimension ("[time]", "[length]"), or None. Plurals are read ("centuries").
    Abbreviations are not: alone, "min" or "mi" are seldom units."""
    w = word.lower()
    for base in (w, w.removesuffix("s"), w.removesuffix("es"), re.sub(r"ies$", "y", w)):
        name = _UNITS.get(base)
        if name is not None and base.isalpha() and base not in _UNIT_ABBREVIATIONS:
            dimension = str(unit_registry()(name).dimensionality)
            return name, dimension
    return None


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
_PERIODS = {"Q": "quarter", "H": "half"}
_PERIOD_RE = re.compile(r"\b(?P<p>Q(?=[1-4])|H(?=[12]))(?P<n>\d)\b")
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
#: What recurs once a year, so that "N-year" before it counts the Nth ("the 10-year anniversary").
_YEARLY = frozenset({"anniversary", "anniversaries", "jubilee", "birthday"})

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

# "2, 129": thousands as a tokenised corpus (ECB+) writes them, a space after the comma. Not
# after a month name, where "March 3, 200 people" is a day and a count.
_TOKENISED_THOUSANDS = (
    # The lookahead first: the month lookbehinds are then tried only where such a figure starts.
    r"(?=\d{1,3},[ ]\d{3}(?!\d|\.\d))"
    + "".join(rf"(?<!\b{m}[ ])(?<!\b{m}\.[ ])" for m in MONTH_PATTERN.split("|"))
    + r"\d{1,3}(?:,[ ]\d{3})+(?!\d|\.\d)"
)

# "6. 1": a decimal as a tokenised corpus (ECB+) writes it, a space after the point ("a
# magnitude 6. 1 quake", "averaged 14. 4 points"). At most three digits before the point and two
# after, with no other digit, point or comma around: a sentence that ends on a figure is not
# followed by one written in digits (news style spells out a figure that opens a sentence,
# and a year has four digits).
_TOKENISED_DECIMAL = r"(?<![\d.,])\d{1,3}\.[ ]\d{1,2}(?![\d,]|\.\d)"

# A fraction as markets and measures write it, alone or after a whole number: "165-1/4 pence",
# "rose 3 1/2 points", "lost 14/32". Only halves, thirds, quarters and binary fractions of a
# point, and never a part of a date ("9/11", "05/02/2013").
_FRACTION = r"(?<![\d/])(?:\d{1,6}[ -])?\d{1,2}/(?:2|3|4|8|16|32|64)(?![\d/])"

_QUANTITY_PATTERN = rf"""
    (?P<approx>\b(?:{"|".join(re.escape(a.strip()) for a in sorted(_APPROX, key=len, reverse=True))})\s+)?
    (?P<cur>\$(?:US|HK|NZ|AU|A|C)(?=\d)|(?:US|HK|C|A)?\$|€|£|¥|₹|\b(?:USD|EUR|GBP|JPY|CNY|RMB)\s|\be(?=\d[\d.,]*\s?(?:m|bn|mn|million|billion)\b))?\s?
    (?P<num>
        {_FRACTION}                             # 165-1/4  3 1/2  14/32
      | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?        # 1,000  12,500.5
      | {_TOKENISED_THOUSANDS}                  # 2, 129
      | {_TOKENISED_DECIMAL}                    # 6. 1
      | \d+(?:\.\d+)?                           # 1000  3.5
      | \.\d+
      | \b(?:{_TENS})-(?:{_ONES})\b              # twenty-five
      | \b(?:{_WORD_NUMBER_ALT})\b
    )
    (?P<range>\s*(?:-|–|to|and)\s*(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?))?
    (?:(?:\s|-)?(?P<scale>hundred|thousand|million|billion|trillion|mn|mln|bn|trn|tn|k|m|b)\b)?
    (?P<pct>\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))?
    (?:(?:\s|\s?-\s?)?(?P<unit>(?:{_UNIT_ALTERNATION})(?:e?s)?)\b|(?P<unit2>°[CF]|km²|m²))?
    (?:\s+(?P<curword>(?:dollar|euro|yuan|renminbi|yen|rupee|ruble|rouble|hryvnia|pound\s+sterling)s?)\b)?
    """
_QUANTITY = re.compile(
    _QUANTITY_PATTERN.replace("(?:-|–|to|and)", "(?:-|–|to|(?P<and>and))"),
    re.VERBOSE | re.IGNORECASE,
)
# "measuring 7.6 and 7.4": two figures; "and" joins the ends of a range only after "between".
_QUANTITY_WITHOUT_AND = re.compile(
    _QUANTITY_PATTERN.replace("(?:-|–|to|and)", "(?:-|–|to)"), re.VERBOSE | re.IGNORECASE
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\S+\s+)?$", re.I)


def _quantity_matches(text: str) -> Iterator[re.Match[str]]:
    """The quantity pattern's matches in ``text``, a range joined by \"and\" read only after
    \"between\" (\"between 1981 and 1994\"; \"two quakes measuring 7.6 and 7.4\" are two figures)."""
    pos = 0
    while (m := _QUANTITY.search(text, pos)) is not None:
        if m["and"] and not _BETWEEN_BEFORE.search(text, 0, m.start("num")):
            m = _QUANTITY_WITHOUT_AND.match(text, m.start()) or m
        yield m
        pos = m.end()


# ordinal: "first quarter"; score: a game's score ("31-24"), two counts in one; record: wins and
# losses over a season or a career ("the Colts (11-4)", "a 9-14 record"), which a score is not.
# rate: a figure written with a leading point (".267").
Category = Literal[
    "plain", "percent", "money", "measure", "year", "ordinal", "age", "score", "record", "rate"
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


def parse_number(raw: str) -> float | None:
    """The value of a number as written: digits ("1,000", "3.5") or number words ("twelve",
    "twenty-five"); None if it is neither."""
    r = raw.lower().replace(", ", "").replace(",", "").replace(". ", ".")
    if "/" in r:
        whole, _, fraction = r.replace("-", " ").rpartition(" ")
        numerator, _, denominator = fraction.partition("/")
        if not numerator.isdigit() or not denominator.isdigit():
            return None
        if int(numerator) >= int(denominator):
            return None  # "3/2": not a fraction of one
        return (float(whole) if whole else 0.0) + int(numerator) / int(denominator)
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
# Clock times, also as a tokenised corpus writes them ("3: 20 p. m.", "4: 43 to play").
_NOT_A_FIGURE = re.compile(r"(?:st|nd|rd|th)\b|\s?(?:a\.?m\.?|p\.?m\.?)(?![a-z])|:\s?\d\d\b", re.I)
_CLOCK_BEFORE = re.compile(r"\d:\s?$")
_SLASHED = re.compile(r"/\d")
_SLASHED_BEFORE = re.compile(r"\d/$")
# A time zone after a figure makes it a clock time: "by 0933 GMT", "at 10 ET".
_TIME_ZONE_AFTER = re.compile(
    r"\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT)\b"
)
_DECADE = re.compile(r"['’]?s\b")
_MADE_OF = re.compile(r"\s*-\s*for\s*-\s*(\d+)\b", re.I)
#: Words that make "11-4" a record of wins and losses rather than one game's score: a name
#: and an opening parenthesis before it ("the Colts (11-4)"), the words that tell a record's
#: changes before it ("a record of", "improved to", "stand at"), or "record", "mark",
#: "season" after it ("a 9-5 season").
_RECORD_BEFORE = re.compile(
    r"(?:\b[A-Z][\w.'’&-]*\s*\(\s*|\b(?:record|mark)\s+(?:of|to|at)\s+"
    r"|\b(?:improv\w*|fell|falls?|dropp?\w*|mov\w*|rose|rises?|stands?|stood|slipp?\w*|sits?|sat)"
    r"\s+(?:to|at)\s+)$"
)
_RECORD_AFTER = re.compile(
    r"\s*(?:-\s*\d+\s*)?(?:(?:overall|season|career|league|conference|home|road|regular-season)\s+)?"
    r"(?:record|mark|season|campaign)\b",
    re.I,
)
_CLOSING_PARENTHESIS = re.compile(r"\s*(?:-\s*\d+\s*)?[),;]")


def _year_span_end(first: float, dash_range: str | None) -> float | None:
    """The last year of a span written with a dash after a year ("1978-89", "2008-09",
    "1999-2003"), or None if the range is no span of years (up to 30 of them)."""
    if not dash_range or not re.match(r"\s*[-–]", dash_range):
        return None
    digits = re.search(r"\d+$", dash_range)
    if digits is None or len(digits.group()) not in (2, 4):
        return None
    last = int(digits.group())
    if len(digits.group()) == 2:
        century = int(first) // 100 * 100
        last = century + last if century + last > first else century + 100 + last
    return float(last) if 0 < last - first <= 30 else None


def _is_record(dash_range: str | None, text: str, start: int, end: int) -> bool:
    """Whether a pair of counts written with a dash ("11-4") is a record, not a score."""
    if not dash_range or not re.match(r"\s*[-–]", dash_range):
        return False
    before = _RECORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(0).rstrip().endswith("("):
        return bool(_CLOSING_PARENTHESIS.match(text, end))
    return bool(before) or bool(_RECORD_AFTER.match(text, end))


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
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTH_PATTERN})\.?\s+$", re.I)
# Every quantity holds a digit, a number word or an ordinal word. Most claims hold none, and
# a set lookup of their words rules them out far faster than the full patterns below.
_NUMBER_WORDS = frozenset(w for phrase in (*_WORD_NUMBERS, *_ORDINALS) for w in phrase.split()) - {
    "a",
    "half",
}
_LETTERS = re.compile(r"[a-z]+")


def figure_key(word: str) -> str:
    """The figure a lower-cased word writes, as digits ("eleventh", "11th", "eleven" → "11"),
    so that wordings of one number compare equal; any other word unchanged."""
    if word in _WORD_NUMBERS:
        return str(_WORD_NUMBERS[word])
    if word in _ORDINALS:
        return str(_ORDINALS[word])
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return ordinal.group(1) if ordinal else word


def is_number_word(word: str) -> bool:
    """Whether a lower-cased word names a number or an order ("five", "dozen", "third")."""
    return word in _NUMBER_WORDS or word.split("-")[0] in _NUMBER_WORDS


def _may_hold_numbers(text: str) -> bool:
    return any(c.isdigit() for c in text) or not _NUMBER_WORDS.isdisjoint(
        _LETTERS.findall(text.lower())
    )


def find_quantities(text: str, *, parts: bool = False) -> list[Quantity]:
    """Every number in ``text`` with its category, unit, qualifier and offsets.

    A measure told in two units ("4 minutes 48 seconds", "6 feet 2 inches") is one quantity
    in the smaller unit; ``parts=True`` gives its two written figures instead (what an edit of
    one written number changes).
    """
    found = _find_quantities(text)
    return [
        q
        for q in (found if parts else _join_compound_measures(found, text))
        # "12 days ago" is a day counted back from the article's date: a date
        # (claimcmp.text.dates reads it), not a span of time to compare as written.
        if not (q.unit in _AGO_UNITS and _AGO.match(text, q.end))
    ]


_AGO_UNITS = frozenset({"day", "week", "month", "year"})
_AGO = re.compile(r"\s+ago\b", re.I)


#: A telephone number: "745-4811", "907 - 745 - 4811", "(907) 745-4811", "1-800-555-0199".
_PHONE = re.compile(r"(?<![\d-])(?:1\s?-\s?)?(?:\(?\d{3}\)?\s?-?\s?)?\d{3}\s?-\s?\d{4}(?![\d-])")


# Memoised: a claim's quantities are read once per claim pair it is in.
@memoize(8192)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    if not _may_hold_numbers(text):
        return ()
    found: list[Quantity] = []
    phones = [p.span() for p in _PHONE.finditer(text)]
    for m in _quantity_matches(text):
        if found and m.start("num") < found[-1].end:
            continue  # the "14" of "7-for-14", read with its "7"
        if any(s <= m.start("num") < e for s, e in phones):
            continue  # "call 907-745-4811": a telephone number, not a figure
        raw = m["num"]
        value = parse_number(raw)
        if value is None:
            continue
        low = raw.lower()
        if low == "one" and _ONE_NOT_NUMBER.match(text, m.start("num")):
            continue
        if (
            _NOT_A_FIGURE.match(text, m.end("num"))
            or _CLOCK_BEFORE.search(text, 0, m.start("num"))
            or _TIME_ZONE_AFTER.match(text, m.end("num"))
        ):
            continue  # "12th" (an ordinal, read below), "2pm", "10:46": not a count
        if _SLASHED.match(text, m.end("num")) or _SLASHED_BEFORE.search(text, 0, m.start("num")):
            continue  # "9/11", "05/02/2013", "24/7": a date or a ratio, not a count
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
                upper = parse_number(up.group())
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
            if unit in _AGE_UNITS and old:
                # "a 36-year-old climber", "36 years old", "a 2-month-old": an age, not a
                # duration. (Its unit is the word the term detector compares: "2 years old" /
                # "2 months old".)
                category, unit, end = "age", None, old.end()
        elif (
            re.fullmatch(r"(1[5-9]|20)\d\d", raw)
            and not scale
            and (span_end := _year_span_end(value, m["range"])) is not None
        ):
            # "from 1978-89", "the 2008-09 season": years, from one to the other.
            category, upper = "year", span_end
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
        if (
            category in ("plain", "score")
            and upper is not None
            and _is_record(m["range"], text, start, end)
        ):
            category = "record"  # "the Colts (11-4)", "a 9-14 record": a season, not a game
        made_of = _MADE_OF.match(text, end) if category == "plain" and upper is None else None
        if made_of:
            # "7-for-14 from the field": made and attempted, one record, not a count of points.
            category, upper, end = "score", float(made_of.group(1)), made_of.end()
        approx = _APPROX.get(m["approx"].strip().lower()) if m["approx"] else None
        nxt = _NEXT_WORD.match(text, end)
        context = nxt.group(1).lower() if nxt else None
        prev_words = re.findall(r"[A-Za-z][A-Za-z'-]*", text[max(0, start - 60) : start])[-2:]
        before = " ".join(w.lower() for w in prev_words) if len(prev_words) == 2 else None
        if category == "measure" and unit == "year" and context in _YEARLY:
            # "the one-year anniversary" is the first: an ordinal, compared with "the second
            # anniversary" and equal to "the first".
            category, unit = "ordinal", None
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
    # Quarters and halves of a (fiscal) year as business news abbreviates them: "Q3" is the
    # third quarter, "H1" the first half.
    for m in _PERIOD_RE.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        found.append(
            Quantity(
                value=float(m["n"]),
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                category="ordinal",
                context=_PERIODS[m["p"]],
                number_text=m.group(0),
            )
        )
    found.sort(key=lambda q: q.start)
    return tuple(found)


#: What may stand between the parts of one measure: "4 minutes 48 seconds", "12 minutes, 31
#: seconds", "6 feet and 2 inches".
_COMPOUND_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")


@memoize(8192)
def _join_compound_measures(found: tuple[Quantity, ...], text: str) -> tuple[Quantity, ...]:
    """One measure told in two units, the larger first ("4 minutes 48 seconds", "5 feet 10
    inches"), as one quantity in the smaller unit: its parts are not two figures, and "48
    seconds" is not the time left that "under five minutes" gives."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category == q.category == "measure"
            and prev.unit != q.unit
            and prev.upper is None
            and q.upper is None
            and q.approx is None
            and float(prev.value).is_integer()
            and _COMPOUND_GAP.fullmatch(text, prev.end, q.start)
        ):
            part = convert(q, prev.unit or "")
            whole = convert(prev, q.unit or "")
            if part is not None and whole is not None and 0 < part < 1:
                total = whole + q.value
                out[-1] = attrs.evolve(
                    prev,
                    value=total,
                    end=q.end,
                    text=text[prev.start : q.end],
                    unit=q.unit,
                    context=q.context,
                    number_text=f"{total:g}",
                )
                continue
        out.append(q)
    return tuple(out)


def convert(q: Quantity, unit: str) -> float | None:
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


_FIGURE_TOKEN = re.compile(rf"{_TOKENISED_THOUSANDS}|\d+(?:[.,]\d+)*|[A-Za-z]+", re.I)


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
            value = parse_number(raw)
        else:
            value = _WORD_NUMBERS.get(low)
            if value is None:
                value = _ORDINALS.get(low)
        if value is not None and not (low == "one" and _ONE_NOT_NUMBER.match(text, m.start())):
            counts[float(value)] = counts.get(float(value), 0) + 1
    return counts


#: How far a parenthetical conversion may be from the figure it glosses. News rounds them
#: ("10 miles (15 kilometers)", "25 km (15 miles)": 7 % and 3.5 % off); a garbled gloss
#: repeats the unit ("621 kilometer") or misses by far more.
GLOSS_TOLERANCE = 0.1


def conversion_anomalies(text: str) -> list[tuple[tuple[int, int], str]]:
    """Parenthetical conversions inside one text that do not convert.

    "1,000 kilometer (621 kilometer)" gives the same quantity twice; when the two do not agree
    within :data:`GLOSS_TOLERANCE` (pint conversion), the pair is returned with an explanation. "1,000-kilometer
    (621-mile)" is consistent and is not returned.
    """
    out: list[tuple[tuple[int, int], str]] = []
    qs = [q for q in find_quantities(text) if q.category == "measure"]
    for first, second in itertools.pairwise(qs):
        between = text[first.end : second.start]
        if not (between.strip() == "(" and text[second.end : second.end + 1] == ")"):
            continue
        converted = convert(second, first.unit or "")
        if converted is None:
            why = f"'{first.text}' is glossed as '{second.text}', a different kind of quantity"
        elif abs(converted - first.value) <= GLOSS_TOLERANCE * max(abs(first.value), 1e-9):
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
