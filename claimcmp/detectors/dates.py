"""The ``date`` detector: when things happen, resolved against each article's publication date.

The date expressions of each claim are read by :func:`claimcmp.text.dates.find_dates`
(weekdays, weekday ranges, calendar dates, months, relative expressions), each an interval of
days when the publication date is known. Two claims diverge when their intervals for the same
kind of expression do not overlap. Without both publication dates, differing relative
expressions are reported as *unresolved* (low severity).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from claimcmp.detectors.base import finding, same_outcome, same_role
from claimcmp.records import UNRESOLVED
from claimcmp.text.dates import (
    WEEKDAYS,
    DateMention,
    find_dates,
    find_times,
    is_stamp,
    times_agree,
)
from claimcmp.text.diff import NEAR_COPY_RATIO, TokenDiff, token_diff
from claimcmp.text.lexicon import ATTRIBUTION_VERBS, TITLE_WORDS
from claimcmp.text.names import is_name, same_entity
from claimcmp.text.normalize import Token
from claimcmp.text.places import other_places
from claimcmp.text.wordnet import base_forms

if TYPE_CHECKING:
    from claimcmp.protocols import ClaimText
    from claimcmp.records import Divergence

__all__ = ["DateDetector"]


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
        if is_stamp(a.text) or is_stamp(b.text):
            return  # a publication stamp dates the page, not an event
        found = [*self._dates(a, b), *self._times(a, b)]
        places = (
            other_places(a.text, b.text)
            if any(d.severity == "high" for d in found)
            and token_diff(a.text, b.text).ratio < NEAR_COPY_RATIO
            else None
        )
        for d in found:
            if places is not None and d.severity == "high":
                # Two tellings that place their events in two places of one kind ("West Papua
                # province" / "the province of Aceh") date two events, not one.
                x, y = places
                d = attrs.evolve(
                    d,
                    explanation=f"{d.explanation}, but the two date events in two places "
                    f"('{x.name}' / '{y.name}', two places of one kind)",
                    confidence=0.3,
                    severity="low",
                )
            yield d

    def _times(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        """Clock times of the same moment: "at 8 p.m." / "at 9 p.m.". A time with a zone is
        compared only with another with a zone ("10 a.m. PDT" / "1 p.m. ET" agree): a time
        without one may be told in another zone."""
        ta, tb = find_times(a.text), find_times(b.text)
        if not ta or not tb:
            return
        diff = token_diff(a.text, b.text)
        used: set[int] = set()
        for x in ta:
            same = [
                y
                for y in tb
                if y.start not in used
                and y.zoned == x.zoned
                and same_role(diff, (x.start, x.end), (y.start, y.end), window=1)
            ]
            if not same:
                continue
            agreeing = [y for y in same if times_agree(x, y)]
            if agreeing:
                used.add(agreeing[0].start)
                continue
            y = same[0]
            used.add(y.start)
            xa, yb = a.text[x.start : x.end], b.text[y.start : y.end]
            yield finding(
                "date",
                self.name,
                a.text,
                b.text,
                (x.start, x.end),
                (y.start, y.end),
                f"different times: '{xa}' vs '{yb}'",
                0.8,
            )

    def _dates(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        resolved = a.published is not None and b.published is not None
        da = find_dates(a.text, a.published if resolved else None)
        db = find_dates(b.text, b.published if resolved else None)
        if not da or not db:
            return
        if any(_endpoints_match(x, db) for x in da) or any(_endpoints_match(y, da) for y in db):
            return
        diff = token_diff(a.text, b.text)
        # A date both claims write is accounted for, wherever it stands: "split off in July
        # after voting in a January referendum" / "In January, they voted" compares nothing
        # with July, whose event the other claim does not date.
        # As often in the other claim as in its own: "today ... today" / "yesterday ... today"
        # leaves one "today" to compare.
        used = {y.start for y in db if _told_as_often(y, db, da)}
        told_by_both = {x.start for x in da if _told_as_often(x, da, db)}
        for x in da:
            if x.start in told_by_both:
                continue
            same_kind = [
                y
                for y in db
                if y.start not in used
                and _comparable(x, y)
                # The day something was said is not the day of what was said ("the bombing
                # on Tuesday" / "Kiir said Thursday"): a statement's date is compared only
                # with a statement's.
                and _statement_date(diff.a, x) == _statement_date(diff.b, y)
                and same_role(diff, (x.start, x.end), (y.start, y.end), window=1)
                and not _dates_other_events(diff, x, y, (a.text, b.text))
            ]
            if not same_kind:
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
                    f"{self.name}:{UNRESOLVED}",
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


#: How far before a date, in words, its verb may stand ("passed **last week**", "signed by President
#: Obama **on March 11**").
_VERB_REACH = 6


def _event_verb(toks: tuple[Token, ...], start: int) -> Token | None:
    """The verb a date dates: the nearest of the :data:`_VERB_REACH` words before it written
    as an inflected verb ("the House **passed** last week", "**signed** by President Obama on
    March 11"), or, for a date that opens the claim, the first such verb after it; None if
    there is none. (Tokens hold no punctuation, so a clause break within that reach is not
    seen.)"""
    before = [t for t in toks if t.end <= start]
    # A name of several words counts as one ("presented at the **Brooklyn Supreme Court** on
    # Thursday"): the reach is in words other than a name's.
    reach = 0
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if _past_verb(t):
            return t
        if not (t.text[:1].isupper() and k > 0 and before[k - 1].text[:1].isupper()):
            reach += 1
        if reach >= _VERB_REACH:
            break
    if len(before) <= 1 and not any(t.content for t in before):
        # A date that opens the claim ("**On Saturday**, coach Sean Payton **indicated**
        # that ..."): it dates the verb of the clause it opens.
        after = [t for t in toks if t.start >= start][1 : _VERB_REACH + 2]
        return next((t for t in after if _past_verb(t)), None)
    return None


#: Words between a reporting verb and the day it is said on ("said **late** Tuesday", "told
#: reporters **on** Monday").
_BEFORE_DAY = frozenset("on late early earlier last this".split())
#: Whom a statement is told to, between "told" and its day ("told **reporters** Tuesday").
_AUDIENCES = frozenset("reporters journalists lawmakers congress parliament".split())


def _statement_date(toks: tuple[Token, ...], date: DateMention) -> bool:
    """Whether a date dates a statement rather than an event: it follows a reporting verb
    ("police **said** Tuesday", "**told** AFP late Tuesday", "**told** reporters on Monday"),
    or it opens the claim and the clause's verb is one ("On Tuesday, officials **said** ...")."""
    before = [t for t in toks if t.end <= date.start]
    k = len(before) - 1
    while k >= 0 and before[k].lower in _BEFORE_DAY and len(before) - k <= 2:
        k -= 1
    if k < 0:
        verb = _event_verb(toks, date.start)
        return verb is not None and verb.lower in ATTRIBUTION_VERBS
    if before[k].lower in ATTRIBUTION_VERBS:
        return True
    # "told AFP", "told reporters": an audience of up to three words after "told".
    j = k
    while j >= 0 and k - j < 3 and (before[j].lower in _AUDIENCES or before[j].text[:1].isupper()):
        j -= 1
    return j < k and j >= 0 and before[j].lower in ("told", "tells", "telling")


def _verbs_before(toks: tuple[Token, ...], start: int) -> list[Token]:
    """The inflected verbs among the words before ``start``, as far back as a verb with a
    described name after it may stand ("**placed** rookie Chris Ivory on injured reserve
    Tuesday")."""
    before = [t for t in toks if t.end <= start][-(_VERB_REACH + 2) :]
    return [t for t in before if _past_verb(t)]


def _past_verb(t: Token) -> bool:
    """A lower-case word written as an inflected verb: "passed", "signed", "struck" (a past
    form or participle; not "-ing" or "-s" forms)."""
    w = t.lower
    if not (t.content and t.text.isalpha() and t.text.islower()):
        return False
    lemmas = {lemma for pos, lemma in base_forms(w) if pos == "v"}
    return bool(lemmas) and w not in lemmas and not w.endswith(("ing", "s"))


def _dates_other_events(
    diff: TokenDiff, x: DateMention, y: DateMention, texts: tuple[str, str]
) -> bool:
    """Whether the two dates date two different actions: each follows a verb of its own that
    the other claim does not tell ("the House **passed** last week" / "**signed** by President
    Obama on March 11"). Verbs the word alignment matched, or that tell one thing ("struck" /
    "hit", "killed" / "died"), date one event."""
    # One verb done to two people, further back than the nearest verb form ("**placed** Pierre
    # Thomas on injured reserve Wednesday" / "**placed** rookie Chris Ivory on injured reserve
    # Tuesday": "injured" is nearer).
    reach_b = {diff.index_in_b(t) for t in _verbs_before(diff.b, y.start)}
    for t in _verbs_before(diff.a, x.start):
        i = diff.index_in_a(t)
        j = diff.counterpart_in_b(i)
        if j is not None and j in reach_b:
            xa, xb = _named_object(diff.a, texts[0], i), _named_object(diff.b, texts[1], j)
            if xa is not None and xb is not None and not same_entity(xa, xb):
                return True
    va = _event_verb(diff.a, x.start)
    vb = _event_verb(diff.b, y.start)
    if va is None or vb is None:
        return False
    ia, ib = diff.index_in_a(va), diff.index_in_b(vb)
    if diff.counterpart_in_b(ia) == ib:
        # One verb, done to two people: "fired Coach Maurice Cheeks Saturday" / "fired Jim
        # O'Brien on Monday" are two firings.
        xa, xb = _named_object(diff.a, texts[0], ia), _named_object(diff.b, texts[1], ib)
        return xa is not None and xb is not None and not same_entity(xa, xb)
    if diff.counterpart_in_b(ia) is None and diff.counterpart_in_a(ib) is None:
        lemmas_a = {lemma for pos, lemma in base_forms(va.lower) if pos == "v"}
        lemmas_b = {lemma for pos, lemma in base_forms(vb.lower) if pos == "v"}
        return not any(
            same_outcome(u, v) for u in (va.lower, *lemmas_a) for v in (vb.lower, *lemmas_b)
        )
    # Each verb corresponds to another word of the other claim: two actions both tell.
    return True


def _named_object(toks: tuple[Token, ...], text: str, verb: int) -> str | None:
    """The name right after a verb, past function words and titles ("fired **Coach Maurice
    Cheeks**"), as written; None if another word comes first."""
    k = verb + 1
    while k < len(toks) and (not toks[k].content or toks[k].lower in TITLE_WORDS):
        if toks[k].text[:1].isupper() and toks[k].lower not in TITLE_WORDS:
            break
        k += 1
    # One or two lower-case words right before the name describe it ("placed **rookie** Chris
    # Ivory"); not words of a phrase of their own ("the church attended by Alaska Gov. ...").
    j = k
    while (
        j < len(toks)
        and j - k < 2
        and toks[j].content
        and toks[j].text.isalpha()
        and toks[j].text.islower()
    ):
        j += 1
    if (
        j > k
        and j < len(toks)
        and is_name(toks[j], text)
        and all(not text[toks[i].end : toks[i + 1].start].strip() for i in range(k, j))
    ):
        k = j
    run: list[Token] = []
    while (
        k < len(toks)
        and is_name(toks[k], text)
        and (not run or not text[run[-1].end : toks[k].start].strip())
    ):
        run.append(toks[k])
        k += 1
    return " ".join(t.text for t in run) or None


def _told_as_often(x: DateMention, own: list[DateMention], other: list[DateMention]) -> bool:
    """Whether the other claim writes ``x`` at least as often as its own claim does."""
    n_other = sum(_same_expression(x, y) for y in other)
    return n_other > 0 and n_other >= sum(_same_expression(x, y) for y in own)


def _weekdays_nested(x: DateMention, y: DateMention) -> bool:
    """'Tuesday through Thursday' contains 'Wednesday' (weekday order, no calendar needed)."""

    def days(m: DateMention) -> set[int]:
        if m.kind == "weekday":
            return {WEEKDAYS.index(m.norm)}
        if m.kind == "range":
            w1, w2 = (WEEKDAYS.index(w) for w in m.norm.split("-"))
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
