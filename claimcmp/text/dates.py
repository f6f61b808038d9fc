"""Dates in news text: one month table, and the one reader of dates written in words or digits.

* :data:`MONTHS` (month names and their abbreviations → month number) and :data:`WEEKDAYS`,
  with :data:`MONTH_PATTERN` / :data:`WEEKDAY_PATTERN`, the regular-expression alternations of
  them that other stages build their patterns from (ingest's datelines and stamps).
* :func:`parse_date` — the first complete calendar date a text writes (ISO ``2023-03-01``,
  ``March 1, 2023``, ``1 March 2023``, ``03/01/2023``): how ingest reads a publication date.
* :func:`find_dates` — every date expression of a claim: weekdays ("on Tuesday"), weekday
  ranges ("Tuesday through Thursday", "from Tuesday to Thursday", "Tuesday-Thursday"),
  calendar dates ("March 2", "2 March 2023", "Feb. 26, 2023"), months ("March 2023", "in
  March") and relative expressions ("today", "yesterday", "this week", "next month", "last
  year", "earlier this month"), each resolved to an interval of days when the publication date
  is known. The date detector compares them.

Calendar dates written with a month name are read by one pair of patterns (month first, day
first) for both. Resolution is a few lines of calendar arithmetic, written here rather than
delegated to dateparser: news copy uses a small closed set of forms, and the tense of the claim
(not a global setting) decides whether "Tuesday" is the last or the next one.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from claimcmp.memo import memoize

__all__ = [
    "MONTHS",
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "WEEKDAYS",
    "WEEKDAY_PATTERN",
    "DateMention",
    "find_dates",
    "parse_date",
]

#: The months, each as its full name and the abbreviations news copy writes, in calendar order.
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
#: Every lower-case month name or abbreviation → its number (1–12).
MONTHS: dict[str, int] = {name: i for i, names in enumerate(MONTH_NAMES, start=1) for name in names}
#: Day names, Monday first (``WEEKDAYS.index(name)`` is ``date.weekday()``).
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

#: Any month name or abbreviation, as a regular-expression alternation (longest first; match
#: it case-insensitively).
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Any day name or its abbreviation, as a regular-expression alternation.
WEEKDAY_PATTERN = "|".join(WEEKDAYS + _WEEKDAY_ABBREVIATIONS)
_FULL_MONTH = "|".join(names[0] for names in MONTH_NAMES)
_WD = "(?:" + "|".join(WEEKDAYS) + ")"

# Calendar dates with a month name, the year optional: "March 2", "Feb. 26, 2023" (month first)
# and "2 March 2023" (day first).
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.I,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{MONTH_PATTERN})\.?(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.I,
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_US_DATE = re.compile(r"\b(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{2}|\d{4})\b")  # 04/28/09: month first


def parse_date(text: str) -> dt.date | None:
    """The first complete calendar date written in ``text`` (ISO, ``March 1, 2023``, ``1 March
    2023``, ``03/01/2023``)."""
    found: list[tuple[int, dt.date]] = []
    for m in _ISO_DATE.finditer(text):
        try:
            found.append((m.start(), dt.date(int(m[1]), int(m[2]), int(m[3]))))
        except ValueError:
            continue
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            if m["year"] is None:
                continue
            try:
                found.append(
                    (m.start(), dt.date(int(m["year"]), MONTHS[m["mon"].lower()], int(m["day"])))
                )
            except ValueError:
                continue
    for m in _US_DATE.finditer(text):
        year = int(m[3]) + (
            2000 if len(m[3]) == 2 and int(m[3]) < 50 else 1900 if len(m[3]) == 2 else 0
        )
        try:
            found.append((m.start(), dt.date(year, int(m[1]), int(m[2]))))
        except ValueError:
            continue
    return min(found)[1] if found else None


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<w1>{_WD})\s*(?:through|thru|to|until|till|-|–|and)\s*(?P<w2>{_WD})\b",
            re.I,
        ),
    ),
    ("calendar", _MONTH_DAY),
    ("calendar", _DAY_MONTH),
    ("month", re.compile(rf"\b(?P<mon>{MONTH_PATTERN})\.?\s+(?P<year>\d{{4}})\b", re.I)),
    (
        "month",
        re.compile(
            rf"\b(?:in|since|until|by|early|late|mid-|last|next|this)\s+(?P<mon>{_FULL_MONTH})\b(?!\s+\d)",
            re.I,
        ),
    ),
    # A month named alone ("Entering February, he had ..."), where the name is no ordinary
    # word or first name (May, March, April, June, August are; they need a word before them).
    (
        "month",
        re.compile(
            r"\b(?P<mon>January|February|July|September|October|November|December)\b(?!\s+\d)"
        ),
    ),
    ("weekday", re.compile(rf"\b(?P<w1>{_WD})\b", re.I)),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>today|tonight|yesterday|tomorrow|"
            r"(?:earlier|later)\s+this\s+(?:week|month|year)|"
            r"(?:this|next|last|past|coming)\s+(?:week|weekend|month|year)|"
            r"a\s+(?:week|month|year)\s+ago|in\s+recent\s+(?:days|weeks))\b",
            re.I,
        ),
    ),
]

_FUTURE = re.compile(
    r"\b(?:will|is to|are to|is due|are due|plans?|planning|to visit|to meet|set to|expected to|next|upcoming|coming)\b",
    re.I,
)


@attrs.frozen
class DateMention:
    """A date expression: its span, its kind and its normalised form."""

    start: int
    end: int
    kind: str  # "range", "calendar", "weekday", "relative"
    norm: str  # e.g. "tuesday-thursday", "03-02", "next week"
    interval: tuple[dt.date, dt.date] | None = None  # resolved days, inclusive


def _weekday_date(name: str, published: dt.date, future: bool) -> dt.date:
    target = WEEKDAYS.index(name.lower())
    delta = (target - published.weekday()) % 7
    if future:
        return published + dt.timedelta(days=delta)
    return published - dt.timedelta(days=(published.weekday() - target) % 7)


def _week(published: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def _month(published: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    m = published.month - 1 + offset
    y, m = published.year + m // 12, m % 12 + 1
    first = dt.date(y, m, 1)
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def _resolve_relative(
    rel: str, published: dt.date, future: bool = False
) -> tuple[dt.date, dt.date]:
    r = " ".join(rel.lower().split())
    one = dt.timedelta(days=1)
    table = {
        "today": (published, published),
        "tonight": (published, published),
        "yesterday": (published - one, published - one),
        "tomorrow": (published + one, published + one),
        "in recent days": (published - dt.timedelta(days=7), published),
        "in recent weeks": (published - dt.timedelta(weeks=6), published),
    }
    if r in table:
        return table[r]
    unit = r.split()[-1] if not r.endswith("ago") else r.split()[1]
    if r.startswith("a ") and r.endswith("ago"):
        back = {
            "week": dt.timedelta(weeks=1),
            "month": dt.timedelta(days=30),
            "year": dt.timedelta(days=365),
        }[unit]
        day = published - back
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    offset = {"this": 0, "coming": 1, "next": 1, "last": -1, "past": -1, "earlier": 0, "later": 0}[
        r.split()[0]
    ]
    if unit == "week" and offset == 0 and future:
        # "will visit this week" written on a weekend means the coming days.
        return published, max(_week(published, 0)[1], published + dt.timedelta(days=6))
    if unit in ("week", "weekend"):
        lo, hi = _week(published, offset)
        if unit == "weekend":
            lo = hi - dt.timedelta(days=1)
        if r.startswith("earlier"):
            hi = published
        elif r.startswith("later"):
            lo = published
        return lo, hi
    if unit == "month":
        lo, hi = _month(published, offset)
        if r.startswith("earlier"):
            hi = published
        elif r.startswith("later"):
            lo = published
        return lo, hi
    year = published.year + offset
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if r.startswith("earlier"):
        hi = published
    elif r.startswith("later"):
        lo = published
    return lo, hi


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Date expressions in ``text``, resolved to day intervals when ``published`` is known."""
    return list(_find_dates(text, published))


# Memoised: a claim's dates are read once per claim pair it is in.
@memoize(8192)
def _find_dates(text: str, published: dt.date | None) -> tuple[DateMention, ...]:
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    future = bool(_FUTURE.search(text))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            interval: tuple[dt.date, dt.date] | None = None
            if kind in ("range", "weekday"):
                w1 = m["w1"].lower()
                w2 = m["w2"].lower() if kind == "range" else w1
                norm = f"{w1}-{w2}" if kind == "range" else w1
                if published:
                    d1 = _weekday_date(w1, published, future)
                    d2 = d1 + dt.timedelta(days=(WEEKDAYS.index(w2) - WEEKDAYS.index(w1)) % 7)
                    interval = (d1, d2)
            elif kind == "month":
                mon = MONTHS[m["mon"].lower().rstrip(".")]
                year = int(m["year"]) if m.groupdict().get("year") else None
                norm = f"{year or '?'}-{mon:02d}"
                y = year or (published.year if published else None)
                if y:
                    interval = _month(dt.date(y, mon, 1), 0)
            elif kind == "calendar":
                mon = MONTHS[m["mon"].lower().rstrip(".")]
                day = int(m["day"])
                if not 1 <= day <= 31:
                    continue
                year = int(m["year"]) if m["year"] else None
                norm = f"{year or '?'}-{mon:02d}-{day:02d}"
                y = year or (published.year if published else None)
                if y:
                    try:
                        d = dt.date(y, mon, day)
                    except ValueError:
                        continue
                    interval = (d, d)
            else:
                norm = " ".join(m["rel"].lower().split())
                if published:
                    interval = _resolve_relative(norm, published, future)
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start(), m.end(), kind, norm, interval))
    out.sort(key=lambda d: d.start)
    return tuple(out)
