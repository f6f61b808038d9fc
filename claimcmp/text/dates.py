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
    "DAY_PARTS",
    "MONTHS",
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "TIME_ZONES",
    "WEEKDAYS",
    "WEEKDAY_PATTERN",
    "DateMention",
    "TimeMention",
    "find_dates",
    "find_times",
    "is_stamp",
    "parse_date",
    "times_agree",
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


#: Counts written as words before "days ago" / "weeks ago", as (fewest, most) they may mean.
_COUNT_WORDS: dict[str, tuple[int, int]] = {
    **{
        w: (n, n)
        for n, w in enumerate(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen twenty".split(),
            start=1,
        )
    },
    "thirty": (30, 30),
    "a few": (2, 4),
    "a couple of": (2, 2),
    "several": (3, 7),
}
_COUNTED_BACK = (
    rf"(?P<count>\d+|{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))})"
    r"[\s-]+(?P<unit>day|week|month|year)s?\s+ago"
)
#: How far either way a count of each unit back may reach: "three weeks ago" is not to the day.
_AGO_UNITS = {
    "day": (dt.timedelta(days=1), dt.timedelta(0)),
    "week": (dt.timedelta(weeks=1), dt.timedelta(days=3)),
    "month": (dt.timedelta(days=30), dt.timedelta(days=15)),
    "year": (dt.timedelta(days=365), dt.timedelta(days=182)),
}


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
    # "12 days ago", "three weeks ago", "several months ago": a day counted back from the
    # article's own, not a figure to compare as written (two articles a day apart write "12
    # days ago" and "11 days ago" for one day).
    (
        "relative",
        re.compile(
            rf"\b(?P<rel>{_COUNTED_BACK})\b",
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
    if (counted := _COUNTED_AGO.fullmatch(r)) is not None:
        return _counted_back(counted["count"], counted["unit"], published)
    unit = r.split()[-1] if not r.endswith("ago") else r.split()[1]
    if r.startswith("a ") and r.endswith("ago"):
        # "A year ago" reaches as far either way as "one year ago" (half a year), not three days.
        return _counted_back("one", unit, published)
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


_COUNTED_AGO = re.compile(_COUNTED_BACK, re.I)


def _counted_back(count: str, unit: str, published: dt.date) -> tuple[dt.date, dt.date]:
    """The days "N units ago" may mean, written on ``published``."""
    fewest, most = (int(count),) * 2 if count.isdigit() else _COUNT_WORDS[count]
    step, slack = _AGO_UNITS[unit]
    return published - most * step - slack, published - fewest * step + slack


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


# ------------------------------------------------------------------ times of day

#: Hours a time zone is ahead of UTC, as (least, most): the zone names without a season ("ET")
#: stand for either of their two offsets. Times in two zones are compared in UTC.
TIME_ZONES: dict[str, tuple[float, float]] = {
    "gmt": (0, 0),
    "utc": (0, 0),
    "bst": (1, 1),
    "cet": (1, 1),
    "cest": (2, 2),
    "est": (-5, -5),
    "edt": (-4, -4),
    "et": (-5, -4),
    "cst": (-6, -6),
    "cdt": (-5, -5),
    "ct": (-6, -5),
    "mst": (-7, -7),
    "mdt": (-6, -6),
    "mt": (-7, -6),
    "pst": (-8, -8),
    "pdt": (-7, -7),
    "pt": (-8, -7),
}
_ZONE = r"(?:\s*\(?(?P<zone{n}>" + "|".join(sorted(TIME_ZONES, key=len, reverse=True)) + r")\)?\b)?"
_MERIDIEM = r"(?P<mer{n}>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
# The hour must not be the minutes of a time before it ("7: 48 am" as a tokenised corpus
# writes 7:48 am; a space may follow the colon).
_CLOCK = r"(?<!\d:)(?<!\d: )(?P<h{n}>\d{{1,2}})(?:(?::\s?|\.)(?P<m{n}>[0-5]\d))?"


def _clock(n: int, *, meridiem: str) -> str:
    """One clock time as a pattern; ``meridiem``: "" (a.m./p.m. required), "?" (optional)."""
    mer = rf"(?:\s*{_MERIDIEM.format(n=n)}){meridiem}"
    return _CLOCK.format(n=n) + mer + _ZONE.format(n=n)


#: Words before a clock time that make an unmarked "6:55" a time of day (not a score, a
#: game clock or a race time): "at 6:55", "by 10:30", "around 9:15".
_TIME_PREPOSITION_WORDS = (
    "at|by|around|about|until|till|before|after|from|since|approximately|roughly|near"
)
_TIME_PREPOSITION = f"(?:{_TIME_PREPOSITION_WORDS})"
_TIME_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "between 8 and 10 p.m.", "from 9 a.m. to 5 p.m.", "8-10 p.m.": the first time may
    # borrow the second's a.m./p.m.
    re.compile(
        r"\b(?:between\s+|from\s+)?"
        + _clock(1, meridiem="?")
        + r"\s*(?:and|to|until|till|-|–)\s*"
        + _clock(2, meridiem=""),
        re.I,
    ),
    re.compile(r"\b" + _clock(1, meridiem=""), re.I),
    re.compile(
        rf"(?<![\w:])(?P<before>{_TIME_PREPOSITION}\s+)" + r"(?P<h1>\d{1,2}):\s?(?P<m1>[0-5]\d)"
        r"(?![:\d])" + _ZONE.format(n=1) + r"(?!\s+(?:left|remaining|to play|to go|into)\b)",
        re.I,
    ),
    re.compile(r"\b(?P<h1>\d{1,2})\s+o['’]clock\b" + _ZONE.format(n=1), re.I),
    re.compile(r"\b(?P<h1>[01]\d|2[0-3])(?P<m1>[0-5]\d)\s*(?:hrs|hours|h)?\s*(?P<zone1>GMT|UTC)\b"),
    # After a word of time only: "just before midnight", not "a midnight regulation".
    re.compile(
        rf"(?P<before>\b(?:{_TIME_PREPOSITION_WORDS}|past|to|just|shortly)\s+)"
        r"(?P<word>noon|midday|midnight)\b",
        re.I,
    ),
)
#: Words before a time that make it approximate: "about 8 p.m." rounds "8:10 p.m.".
_APPROXIMATE = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|shortly|just|some|circa|ca\.)\s+"
    r"(?:before\s+|after\s+)?$",
    re.I,
)
_OPEN_BEFORE = re.compile(r"\b(?:before|by|until|till|up to)\s+$", re.I)
_OPEN_AFTER = re.compile(r"\b(?:after|since|later than)\s+$", re.I)
_DAY = 24 * 60

#: Parts of the day as news names them, each with the part it falls in: "Wednesday **night**"
#: and "Wednesday **morning**" are two times; "evening" and "night" overlap (7 p.m. is both),
#: and so are one, as "dawn" is morning and "midday" noon.
DAY_PARTS = {
    "dawn": "morning",
    "daybreak": "morning",
    "morning": "morning",
    "noon": "noon",
    "midday": "noon",
    "afternoon": "afternoon",
    "evening": "night",
    "dusk": "night",
    "night": "night",
    "midnight": "night",
}


@attrs.frozen
class TimeMention:
    """A time of day a claim writes: its span and the minutes after midnight it can mean.

    ``readings`` holds one (earliest, latest) interval of minutes per way of reading it: two
    for a time without a.m./p.m. ("6:55" is 06:55 or 18:55), widened for a round hour or an
    approximate time, open-ended for "before 8 p.m.", moved to UTC when a zone is written.
    """

    start: int
    end: int
    readings: tuple[tuple[float, float], ...]
    zoned: bool


def find_times(text: str) -> list[TimeMention]:
    """Clock times in ``text`` ("8 p.m.", "6:55 a.m. EST", "between 8 and 10 p.m.", "at
    14:30", "noon"): the date detector compares them."""
    return list(_find_times(text))


def _minutes(hour: int, minute: int, meridiem: str | None) -> list[float] | None:
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        pm = meridiem.lower().startswith("p")
        return [(hour % 12 + (12 if pm else 0)) * 60 + minute]
    if hour > 23:
        return None
    if hour == 0 or hour > 12:
        return [hour * 60 + minute]  # a 24-hour clock
    return [(hour % 12) * 60 + minute, (hour % 12 + 12) * 60 + minute]


@memoize(8192)
def _find_times(text: str) -> tuple[TimeMention, ...]:
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(text):
            start = m.start("before") + len(m["before"]) if "before" in m.groupdict() else m.start()
            if any(start < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            if groups.get("word"):
                word = m["word"].lower()
                points = [[0.0] if word == "midnight" else [720.0]]
                exact = [True]
                minutes_written = [0]
                zones: list[str | None] = [None]
            else:
                points, exact, zones = [], [], []
                minutes_written = []
                n_clocks = 2 if groups.get("h2") else 1
                for n in range(1, n_clocks + 1):
                    mer = groups.get(f"mer{n}") or groups.get(f"mer{n_clocks}")
                    minute = groups.get(f"m{n}")
                    got = _minutes(int(m[f"h{n}"]), int(minute or 0), mer)
                    if got is None:
                        break
                    points.append([float(x) for x in got])
                    exact.append(minute is not None)
                    minutes_written.append(int(minute or 0))
                    zones.append(
                        (groups.get(f"zone{n}") or groups.get(f"zone{n_clocks}") or "").lower()
                        or None
                    )
                if len(points) != n_clocks:
                    continue
            before = text[max(0, start - 30) : start]
            approximate = bool(_APPROXIMATE.search(before))
            zone = zones[-1]
            offset = TIME_ZONES.get(zone, (0.0, 0.0)) if zone else (0.0, 0.0)
            readings: list[tuple[float, float]] = []
            if len(points) == 2:
                # A range: every reading of its first time up to the matching one of its last.
                for lo, hi in zip(points[0], points[1], strict=False):
                    if hi < lo:
                        hi += _DAY
                    readings.append((lo, hi))
            else:
                # A round hour ("8 p.m.") may round 8:15, not 8:30; "about" widens either. A
                # quarter or a five-minute mark may round too ("3:30 a.m." for 3:33), by less.
                slack = (45 if approximate else 20) if not exact[0] else (20 if approximate else 0)
                if exact[0] and not approximate:
                    minute = minutes_written[0]
                    slack = 5 if minute % 15 == 0 else 2 if minute % 5 == 0 else 0
                for t in points[0]:
                    lo, hi = t - slack, t + slack
                    if _OPEN_BEFORE.search(before):
                        lo = t - 12 * 60
                    elif _OPEN_AFTER.search(before):
                        hi = t + 12 * 60
                    readings.append((lo, hi))
            # In UTC: 8 p.m. EST is 01:00 UTC; a zone with two offsets widens the interval.
            readings = [(lo - 60 * offset[1], hi - 60 * offset[0]) for lo, hi in readings]
            taken.append((start, m.end()))
            out.append(TimeMention(start, m.end(), tuple(readings), zone is not None))
    out.sort(key=lambda t: t.start)
    return tuple(out)


def times_agree(x: TimeMention, y: TimeMention) -> bool:
    """Whether two times can be the same moment: some reading of each overlaps (a day apart
    counts as overlapping: a clock time says nothing of the day)."""
    for lo1, hi1 in x.readings:
        for lo2, hi2 in y.readings:
            for shift in (-_DAY, 0, _DAY):
                if lo1 <= hi2 + shift and lo2 + shift <= hi1:
                    return True
    return False


#: Words a publication stamp writes around its date: "Published:", "Last updated at", "Posted
#: on".
_STAMP_WORDS = frozenset("published updated last posted article on at by am pm".split())
#: Zones a stamp writes that no clock time of :func:`find_times` carries ("15:01 IST").
_STAMP_ZONES = frozenset("ist ist cet cest eet jst hkt sgt aest aedt nzst nzdt".split())
_LETTERS = re.compile(r"[A-Za-z]+")


def is_stamp(text: str) -> bool:
    """Whether ``text`` is only a publication stamp: a date, maybe a weekday, a clock time and
    a zone, and the stamp's own words ("Published: April 16, 2013 9:09 AM", "3 July 2013 Last
    updated at 13:38 GMT"). A stamp is page metadata: it dates the page, no event."""
    dates = find_dates(text)
    if not any(d.kind in ("calendar", "month") for d in dates):
        return False
    kept = list(text)
    spans = [(d.start, d.end) for d in dates] + [(t.start, t.end) for t in find_times(text)]
    for start, end in spans:
        kept[start:end] = " " * (end - start)
    rest = "".join(kept)
    return all(
        w.lower() in _STAMP_WORDS or w.lower() in TIME_ZONES or w.lower() in _STAMP_ZONES
        for w in _LETTERS.findall(rest)
    )
