"""The ``date`` detector: when things happen, resolved against each article's publication date.

Date expressions read: weekdays ("on Tuesday"), weekday ranges ("Tuesday through Thursday",
"from Tuesday to Thursday", "Tuesday-Thursday"), calendar dates ("March 2", "2 March 2023",
"Feb. 26, 2023") and relative expressions ("today", "yesterday", "this week", "next month",
"last year", "earlier this month"). With a publication date each becomes an interval of days;
two claims diverge when their intervals for the same kind of expression do not overlap. Without
one, differing relative expressions are reported as *unresolved* (low severity).

Resolution is a few lines of calendar arithmetic, written here rather than delegated to
dateparser: news copy uses a small closed set of forms, and the tense of the claim (not a
global setting) decides whether "Tuesday" is the last or the next one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from claimcmp.detectors.base import finding, same_role
from claimcmp.memo import memoize
from claimcmp.text.diff import token_diff

if TYPE_CHECKING:
    from claimcmp.protocols import ClaimText
    from claimcmp.records import Divergence

__all__ = ["DateDetector", "DateMention", "find_dates"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<w1>{_WD})\s*(?:through|thru|to|until|till|-|–|and)\s*(?P<w2>{_WD})\b",
            re.I,
        ),
    ),
    (
        "calendar",
        re.compile(
            rf"\b(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
            re.I,
        ),
    ),
    (
        "calendar",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MON})\.?(?:,?\s+(?P<year>\d{{4}}))?\b",
            re.I,
        ),
    ),
    ("month", re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<year>\d{{4}})\b", re.I)),
    (
        "month",
        re.compile(
            r"\b(?:in|since|until|by|early|late|mid-|last|next|this)\s+(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d)",
            re.I,
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
    target = _WEEKDAYS.index(name.lower())
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
                    d2 = d1 + dt.timedelta(days=(_WEEKDAYS.index(w2) - _WEEKDAYS.index(w1)) % 7)
                    interval = (d1, d2)
            elif kind == "month":
                mon = _MONTHS[m["mon"].lower().rstrip(".")]
                year = int(m["year"]) if m.groupdict().get("year") else None
                norm = f"{year or '?'}-{mon:02d}"
                y = year or (published.year if published else None)
                if y:
                    interval = _month(dt.date(y, mon, 1), 0)
            elif kind == "calendar":
                mon = _MONTHS[m["mon"].lower().rstrip(".")]
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


def _overlap(x: tuple[dt.date, dt.date], y: tuple[dt.date, dt.date]) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def _nested(x: tuple[dt.date, dt.date], y: tuple[dt.date, dt.date]) -> bool:
    """One period inside the other: "this week" and "Tuesday" agree, "Tue–Thu" and "Wed–Fri" do not."""
    return (x[0] <= y[0] and y[1] <= x[1]) or (y[0] <= x[0] and x[1] <= y[1])


def _endpoints_match(x: DateMention, ys: list[DateMention]) -> bool:
    """'Tuesday through Thursday' = 'on Tuesday, leaving on Thursday'."""
    if x.kind != "range":
        return False
    w1, w2 = x.norm.split("-")
    names = {y.norm for y in ys if y.kind == "weekday"}
    return {w1, w2} <= names


class DateDetector:
    """Dates and times that disagree (``kind="date"``).

    Two date expressions are compared only when they date the same thing (they fill the same
    role of the two claims, see :func:`~claimcmp.detectors.base.same_role`). Then:

    * with both publication dates known, each expression is resolved to days; days that do not
      overlap, or periods that overlap without one containing the other, are a divergence;
    * otherwise weekdays and calendar dates are compared as written: "Saturday" / "Sunday" is
      a divergence, "Tuesday through Thursday" / "Wednesday" is not (the range contains the
      day); relative expressions ("this week" / "next week") cannot be placed without both
      publication dates, so they are reported as *unresolved* (low severity, never decisive).
    """

    name = "date"

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        resolved = a.published is not None and b.published is not None
        da = find_dates(a.text, a.published if resolved else None)
        db = find_dates(b.text, b.published if resolved else None)
        if not da or not db:
            return
        if any(_endpoints_match(x, db) for x in da) or any(_endpoints_match(y, da) for y in db):
            return
        diff = token_diff(a.text, b.text)
        used: set[int] = set()
        for x in da:
            same_kind = [
                y
                for y in db
                if y.start not in used
                and _comparable(x, y)
                and same_role(diff, (x.start, x.end), (y.start, y.end), window=1)
            ]
            if not same_kind:
                continue
            if any(_same_expression(x, y) for y in same_kind):
                used.update(y.start for y in same_kind if _same_expression(x, y))
                continue
            y = same_kind[0]
            used.add(y.start)
            xa, yb = a.text[x.start : x.end], b.text[y.start : y.end]
            if x.interval and y.interval:
                if _nested(x.interval, y.interval):
                    continue
                yield finding(
                    "date",
                    self.name,
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (y.start, y.end),
                    f"different dates: '{xa}' ({_fmt(x.interval)}) vs '{yb}' ({_fmt(y.interval)})",
                    0.85,
                )
            elif "relative" in (x.kind, y.kind):
                yield finding(
                    "date",
                    self.name,
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (y.start, y.end),
                    f"'{xa}' vs '{yb}': unresolved — without both publication dates these may "
                    "name the same days",
                    0.3,
                    "low",
                )
            elif _weekdays_nested(x, y):
                continue
            elif {x.kind, y.kind} <= {"weekday", "range"} or x.kind == y.kind:
                yield finding(
                    "date",
                    self.name,
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (y.start, y.end),
                    f"different days: '{xa}' vs '{yb}'",
                    0.8,
                )


def _weekdays_nested(x: DateMention, y: DateMention) -> bool:
    """'Tuesday through Thursday' contains 'Wednesday' (weekday order, no calendar needed)."""

    def days(m: DateMention) -> set[int]:
        if m.kind == "weekday":
            return {_WEEKDAYS.index(m.norm)}
        if m.kind == "range":
            w1, w2 = (_WEEKDAYS.index(w) for w in m.norm.split("-"))
            return {(w1 + k) % 7 for k in range((w2 - w1) % 7 + 1)}
        return set()

    dx, dy = days(x), days(y)
    return bool(dx and dy) and (dx <= dy or dy <= dx)


def _same_expression(x: DateMention, y: DateMention) -> bool:
    """The same words for a day: "Sunday" / "Sunday", "Sept. 30" / "30 September 2003".

    Relative expressions ("next week") are the same only if they resolve to the same days,
    since the articles may have been written on different days.
    """
    if x.kind != y.kind:
        return False
    if x.kind == "relative":
        return x.norm == y.norm and (
            x.interval is None or y.interval is None or _overlap(x.interval, y.interval)
        )
    if x.kind in ("calendar", "month") and "?" in (x.norm[:1], y.norm[:1]):
        return x.norm.split("-", 1)[1] == y.norm.split("-", 1)[1]  # one year unknown: month-day
    return x.norm == y.norm


def _comparable(x: DateMention, y: DateMention) -> bool:
    if x.kind == y.kind:
        return True
    pair = {x.kind, y.kind}
    if pair == {"range", "weekday"}:
        return True
    # Different kinds are comparable only once both are resolved to days.
    return x.interval is not None and y.interval is not None


def _fmt(interval: tuple[dt.date, dt.date]) -> str:
    lo, hi = interval
    return lo.isoformat() if lo == hi else f"{lo.isoformat()}–{hi.isoformat()}"
