"""Planted edits over real sentences: a test bench for detectors and the verdict model.

:func:`perturb` takes a sentence and returns edited copies, each labelled with what was done:
a *planted* divergence of one kind (number, unit, date, entity, negation, term, quote) or a
*cosmetic* rewrite that must not be flagged (US/U.S., 1000/1,000, curly/straight quotes,
Kiev/Kyiv, contractions, British/American spelling). Edits are drawn with a seeded random
generator, so a suite is reproducible. Used by ``benchmarks/run.py`` and ``tools.training``.
"""

from __future__ import annotations

import random
import re
import zlib

import attrs

from claimcmp.text.dates import find_times
from claimcmp.text.lexicon import TERM_GROUPS
from claimcmp.text.quantities import Quantity, find_quantities

__all__ = ["COSMETIC", "PLANTED", "Perturbation", "detokenize", "perturb"]

PLANTED = (
    "number",
    "unit",
    "date",
    "time",
    "entity",
    "role",
    "negation",
    "antonym",
    "term",
    "quote",
    "modality",
)
COSMETIC = ("us", "thousands", "quotes", "kyiv", "contraction", "spelling")


@attrs.frozen
class Perturbation:
    """``a`` is the original sentence, ``b`` the edited one; ``kind`` what was planted."""

    a: str
    b: str
    kind: str
    cosmetic: bool


def detokenize(text: str) -> str:
    """Undo PTB-style tokenisation (ECB+ stores `` '' and spaces before punctuation)."""
    t = text.replace("``", "“").replace("''", "”")
    t = re.sub(r"“\s+", "“", t)
    t = re.sub(r"\s+”", "”", t)
    t = re.sub(r"\s+([,.;:!?%)\]])", r"\1", t)
    t = re.sub(r"([(\[$])\s+", r"\1", t)
    t = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", t)
    t = re.sub(r"(\w)\s+-\s+(\w)", r"\1-\2", t)
    t = re.sub(r"(\d)([.:])\s+(\d)", r"\1\2\3", t)  # "6. 1" = 6.1, "07: 58" = 07:58
    t = re.sub(r"(\d), (\d{3})(?!\d)", r"\1,\2", t)  # "2, 116 points" = 2,116
    t = re.sub(r"(\w)\s*(['’])\s+s\b", r"\1\2s", t)  # "Joe ’ s" = "Joe’s"
    return " ".join(t.split())


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_AUX = re.compile(
    r"\b(is|was|are|were|has|had|have|will|would|can|could|did|does|should)\b(?![’'])(?!\s+(?:not|only|least)\b)"
)
_NEGATED = re.compile(
    r"\b(is|was|are|were|has|had|have|will|would|can|could|did|does|should)\s+not\s+"
)
_NAME = re.compile(r"(?<=[a-z,] )((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)")
_UNIT_SWAPS = [
    ("kilometers", "miles"),
    ("miles", "kilometers"),
    ("kilograms", "pounds"),
    ("meters", "feet"),
    ("hours", "days"),
    ("liters", "gallons"),
    ("acres", "hectares"),
    ("feet", "meters"),
    ("pounds", "kilograms"),
    ("minutes", "hours"),
    ("tons", "tonnes"),
    ("square miles", "square kilometers"),
    ("mph", "km/h"),
]
_EQUIVALENT = [
    ("{n} kilometers", "{m} miles", 0.621371),
    ("{n} kilograms", "{m} pounds", 2.20462),
    ("{n} meters", "{m} feet", 3.28084),
]
_CONTRACTIONS = [
    ("do not", "don't"),
    ("does not", "doesn't"),
    ("did not", "didn't"),
    ("is not", "isn't"),
    ("was not", "wasn't"),
    ("will not", "won't"),
    ("cannot", "can't"),
    ("it is", "it's"),
    ("they are", "they're"),
    ("we are", "we're"),
    ("has not", "hasn't"),
    ("are not", "aren't"),
]
_SPELLING = [
    ("criticize", "criticise"),
    ("organization", "organisation"),
    ("center", "centre"),
    ("defense", "defence"),
    ("color", "colour"),
    ("labor", "labour"),
    ("honor", "honour"),
    ("recognize", "recognise"),
    ("analyze", "analyse"),
    ("traveled", "travelled"),
    ("favor", "favour"),
    ("apologize", "apologise"),
    ("realize", "realise"),
]
_NAMES_POOL = [
    "Maria Lopez",
    "Daniel Okoro",
    "Chen Wei",
    "Ahmed Karim",
    "Sofia Rossi",
    "John Miller",
    "Priya Nair",
    "Lukas Weber",
    "Fatima Haddad",
    "Tom Becker",
    "Anna Kowalski",
    "Ravi Patel",
]
_PLACES_POOL = [
    "Denver",
    "Lisbon",
    "Nairobi",
    "Osaka",
    "Glasgow",
    "Quito",
    "Tbilisi",
    "Perth",
    "Gdansk",
    "Accra",
    "Seville",
    "Halifax",
]


def _sub_once(pattern: str | re.Pattern[str], repl: str, text: str, flags: int = 0) -> str | None:
    new, n = re.subn(pattern, repl, text, count=1, flags=flags)
    return new if n else None


def _dashed_span(q: Quantity) -> bool:
    return q.upper is not None and re.search(r"\d\s*[-–]\s*\d", q.text) is not None


def _number(s: str, rng: random.Random) -> str | None:
    qs = [
        q
        for q in find_quantities(s, parts=True)
        if q.number_text[:1].isdigit()
        and q.category != "ordinal"
        # A span of years ("1981-85") has been read as years since 2026-12-06; it is still
        # planted on as before, so that the suite stays the same edits.
        and (q.category != "year" or _dashed_span(q))
    ]
    if not qs:
        return None
    q = rng.choice(qs)
    value = float(q.number_text.replace(",", ""))
    new = value * rng.choice([2, 3, 0.5]) if value > 3 else value + rng.choice([2, 3, 5])
    if 1500 <= new <= 2099 and float(new).is_integer():
        new += 7  # keep it from reading as a year
    digits = f"{new:,.0f}" if float(new).is_integer() or new > 100 else f"{new:.1f}"
    if "," not in q.number_text:
        digits = digits.replace(",", "")
    i = s.index(q.number_text, q.start)
    return s[:i] + digits + s[i + len(q.number_text) :]


def _unit(s: str, rng: random.Random) -> tuple[str, str]:
    n = rng.choice([12, 40, 75, 120, 300, 1500])
    u1, u2 = rng.choice(_UNIT_SWAPS)
    base = s.rstrip(".")
    return f"{base}, about {n} {u1} away.", f"{base}, about {n} {u2} away."


def _unit_equivalent(s: str, rng: random.Random) -> tuple[str, str]:
    n = rng.choice([10, 40, 120, 300, 1000])
    fa, fb, factor = rng.choice(_EQUIVALENT)
    base = s.rstrip(".")
    return (
        f"{base}, about {fa.format(n=n)} away.",
        f"{base}, about {fb.format(m=round(n * factor))} away.",
    )


def _date(s: str, rng: random.Random) -> str | None:
    for names in (_WEEKDAYS, _MONTHS):
        found = [w for w in names if re.search(rf"\b{w}\b", s)]
        if found:
            w = rng.choice(found)
            other = rng.choice([x for x in names if x != w])
            return _sub_once(rf"\b{w}\b", other, s)
    for x, y in (
        ("last week", "next week"),
        ("yesterday", "tomorrow"),
        ("last year", "this year"),
        ("last month", "next month"),
        ("this week", "next week"),
        ("today", "yesterday"),
    ):
        if re.search(rf"\b{x}\b", s, re.I):
            return _sub_once(rf"\b{x}\b", y, s, re.I)
    return None


def _entity(s: str, rng: random.Random) -> str | None:
    names = [m for m in _NAME.finditer(s) if m.group(1) not in _WEEKDAYS + _MONTHS]
    if not names:
        return None
    m = rng.choice(names)
    pool = _NAMES_POOL if " " in m.group(1) else _PLACES_POOL
    new = rng.choice([p for p in pool if p != m.group(1)])
    return s[: m.start(1)] + new + s[m.end(1) :]


def _time(s: str, rng: random.Random) -> tuple[str, str] | None:
    """A clock time moved by one to three hours; a sentence without one gets a time clause
    (on one in five)."""
    times = [
        t
        for t in find_times(s)
        if re.fullmatch(r"\d{1,2}(?::\d\d)? ?[ap]\.?m\.?", s[t.start : t.end])
    ]
    if times:
        t = rng.choice(times)
        written = s[t.start : t.end]
        hour = int(re.match(r"\d+", written)[0])  # type: ignore[index]
        new_hour = (hour - 1 + rng.choice([1, 2, 3])) % 12 + 1
        return s, s[: t.start] + str(new_hour) + written[len(str(hour)) :] + s[t.end :]
    if rng.random() >= 0.2:
        return None
    hour, minute = rng.randint(1, 11), rng.choice(["", ":15", ":30", ":45"])
    meridiem = rng.choice(["a.m.", "p.m."])
    base = s.rstrip(".")
    shifted = (hour - 1 + rng.choice([1, 2, 3])) % 12 + 1
    return f"{base} at {hour}{minute} {meridiem}", f"{base} at {shifted}{minute} {meridiem}"


#: Two single-word names, each not part of a longer one, with a past-tense verb and up to two
#: more lower-case words between (no punctuation, no "and" or "or"): "Klitschko stopped
#: Thompson", "Lyons warned that Comeaux".
_ROLE_PAIR = re.compile(
    r"\b(?P<x>[A-Z][a-z]{2,})"
    r"(?P<mid> [a-z]+ed(?: (?!and\b|or\b|nor\b)[a-z]+){0,2}) (?P<y>[A-Z][a-z]{2,})\b(?! [A-Z])"
)


def _role(s: str, rng: random.Random) -> tuple[str, str] | None:
    """Two names on either side of a verb swapped: "Smith beat Jones" → "Jones beat Smith"."""
    options = [
        m
        for m in _ROLE_PAIR.finditer(s)
        if m["x"] != m["y"]
        and s.count(m["x"]) == 1
        and s.count(m["y"]) == 1
        and m["x"] not in _WEEKDAYS + _MONTHS
        and m["y"] not in _WEEKDAYS + _MONTHS
        and m.start() > 0  # not a sentence's first word, which may be no name
        # nor the last word of a longer name ("Larry Brown resigned")
        and not re.search(r"[A-Z][\w.]*\s$", s[: m.start()])
    ]
    if not options:
        return None
    m = rng.choice(options)
    return s, s[: m.start()] + m["y"] + m["mid"] + " " + m["x"] + s[m.end() :]


def _negation(s: str, rng: random.Random) -> str | None:
    if _NEGATED.search(s):
        return _NEGATED.sub(lambda m: m.group(1) + " ", s, count=1)
    m = _AUX.search(s)
    if not m:
        return None
    return s[: m.end()] + " not" + s[m.end() :]


def _term(s: str, rng: random.Random) -> str | None:
    options = []
    for field in TERM_GROUPS:
        for i, cls in enumerate(field):
            for w in sorted(cls):  # sorted: set order varies with the hash seed
                if re.search(rf"\b{re.escape(w)}\b", s):
                    others = [x for j, c in enumerate(field) if j != i for x in sorted(c)]
                    options.append((w, others))
    if not options:
        return None
    w, others = rng.choice(options)
    return _sub_once(rf"\b{re.escape(w)}\b", rng.choice(others), s)


#: Words WordNet gives opposites of, in their main sense, that news mostly uses in another
#: role: adverbs and prepositions ("couldn't **even** tell", "**near** the end", "**due** to").
_NOT_ANTONYMS = frozenset({"even", "near", "due", "other", "else", "own", "right", "left"})
#: Opposites too rare to be what a reporter would write instead.
_RARE_ANTONYMS = frozenset({"fore", "androgynous", "middle", "nonbeing", "unfinished"})


def _antonym(s: str, rng: random.Random) -> str | None:
    """A content word swapped for the opposite of its main sense: "the talks were successful"
    → "unsuccessful", "the bridge was closed" → "open". Function words, words inside a compound
    ("14-year-old") and rare senses ("said" as in "the said agreement") are left alone: a
    reporter would not write their "opposites", and a detector missing them says nothing."""
    from claimcmp.text.normalize import is_content_key
    from claimcmp.text.wordnet import base_forms, wordnet

    options = []
    for m in re.finditer(r"\b[a-z]{3,}\b", s):
        word = m.group()
        if word not in {lemma for _, lemma in base_forms(word)}:
            continue  # inflected: the antonym's base form would not fit
        if not is_content_key(word) or word in _NOT_ANTONYMS:
            continue
        if s[m.start() - 1 : m.start()] == "-" or s[m.end() : m.end() + 1] == "-":
            continue  # part of a compound: "14-year-old", "state-approved"
        opposite = sorted(
            a
            for a in wordnet().main_antonyms(word)
            if "_" not in a and a.isalpha() and len(a) >= 3 and a not in _RARE_ANTONYMS
        )
        if opposite:
            options.append((m, opposite))
    if not options:
        return None
    m, opposite = rng.choice(options)
    return s[: m.start()] + rng.choice(opposite) + s[m.end() :]


def _quote(s: str, rng: random.Random) -> str | None:
    m = re.search(r"“([^”]{12,})”", s)
    if not m:
        return None
    words = m.group(1).split()
    if len(words) < 4:
        return None
    i = rng.randrange(1, len(words) - 1)
    del words[i]
    return s[: m.start(1)] + " ".join(words) + s[m.end(1) :]


def _modality(s: str, rng: random.Random) -> str | None:
    for x, y in (
        (r"\bwill\b", "may"),
        (r"\bis planning\b", "is considering"),
        (r"\bplans to\b", "might"),
        # Doubt, not a reporting hedge: "allegedly" and "reportedly" say where a statement
        # comes from, and are not a conflict with the plain statement (see REPORTING_HEDGES).
        (r"\bhas\b", "may have"),
        (r"\bwas\b", "may have been"),
        (r"\bwere\b", "might have been"),
    ):
        if re.search(x, s) and not re.search(x + r"\s+(?:not|reportedly|allegedly)\b", s):
            return _sub_once(x, y, s)
    return None


def _cosmetic(s: str, kind: str, rng: random.Random) -> str | None:
    if kind == "us":
        for x, y in (("U.S.", "US"), ("US", "U.S."), ("U.N.", "UN"), ("U.K.", "UK")):
            if re.search(rf"(?<!\w){re.escape(x)}(?!\w)", s):
                return re.sub(rf"(?<!\w){re.escape(x)}(?!\w)", y, s, count=1)
        return s.rstrip(".") + ", U.S. officials said." if rng.random() < 0.5 else None
    if kind == "thousands":
        m = re.search(r"\b(\d{1,3}),(\d{3})\b", s)
        if m:
            return s[: m.start()] + m.group(1) + m.group(2) + s[m.end() :]
        m = re.search(r"\b([1-9]\d{3,5})\b(?!\s*(?:,|$))", s)
        if m and not re.fullmatch(r"(19|20)\d\d", m.group(1)):
            return s[: m.start()] + f"{int(m.group(1)):,}" + s[m.end() :]
        return None
    if kind == "quotes":
        if "“" in s:
            return s.replace("“", '"').replace("”", '"')
        if "'" in s:
            return s.replace("'", "’")
        return None
    if kind == "kyiv":
        for x, y in (("Kiev", "Kyiv"), ("Kyiv", "Kiev")):
            if x in s:
                return s.replace(x, y)
        return None  # see perturb(): appended to both sides when the sentence has neither
    if kind == "contraction":
        for x, y in _CONTRACTIONS:
            for p, q in ((x, y), (y, x)):
                if re.search(rf"\b{re.escape(p)}\b", s):
                    return _sub_once(rf"\b{re.escape(p)}\b", q, s)
        return None
    if kind == "spelling":
        for x, y in _SPELLING:
            for p, q in ((x, y), (y, x)):
                if re.search(rf"\b{p}", s):
                    return _sub_once(rf"\b{p}", q, s)
        return None
    raise ValueError(f"'kind' must be one of {COSMETIC} (got {kind!r}).")


def perturb(sentence: str, rng: random.Random) -> list[Perturbation]:
    """Every planted and cosmetic edit that applies to ``sentence`` (one of each kind at most)."""
    s = detokenize(sentence)
    out: list[Perturbation] = []
    for kind, fn in (
        ("number", _number),
        ("date", _date),
        ("entity", _entity),
        ("negation", _negation),
        ("antonym", _antonym),
        ("term", _term),
        ("quote", _quote),
        ("modality", _modality),
    ):
        b = fn(s, rng)
        if b and b != s:
            out.append(Perturbation(s, b, kind, False))
    # Kinds added later draw from a generator of their own, seeded by the sentence, so the
    # edits above stay what they were.
    own = random.Random(zlib.crc32(s.encode("utf-8")))
    for kind, pair in (("time", _time(s, own)), ("role", _role(s, own))):
        if pair is not None and pair[0] != pair[1]:
            out.append(Perturbation(*pair, kind, False))
    if rng.random() < 0.25:
        a, b = _unit(s, rng)
        out.append(Perturbation(a, b, "unit", False))
    if rng.random() < 0.25:
        a, b = _unit_equivalent(s, rng)
        out.append(Perturbation(a, b, "unit_equivalent", True))
    for kind in COSMETIC:
        b = _cosmetic(s, kind, rng)
        if b and b != s:
            out.append(Perturbation(s, b, kind, True))
    if "Kiev" not in s and "Kyiv" not in s and rng.random() < 0.2:
        # Few sentences name the city: give some a clause that does, spelled both ways.
        base = s.rstrip(".")
        out.append(
            Perturbation(
                f"{base}, officials in Kiev said.", f"{base}, officials in Kyiv said.", "kyiv", True
            )
        )
    return out
