"""Detectors that read the words two claims do not share: ``term``, ``negation``, ``entity``,
``modality``, ``omission`` / ``addition``.

All of them work from :func:`~claimcmp.detectors.diff.token_diff` or from the content words
only one claim has, so they judge *differences*, never a claim alone, and carry over to any
news text: they know English (antonyms, negators, hedges, news terms that are not synonyms),
not any particular story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimcmp.detectors.diff import FUNCTION_WORDS, token_diff
from claimcmp.detectors.lexicon import (
    ENTITY_ALIASES,
    HEDGE_LEVELS,
    NEGATORS,
    TERM_GROUPS,
    TITLE_WORDS,
    antonym_key,
    are_antonyms,
    opposite_candidates,
    stem,
)
from claimcmp.memo import memoize
from claimcmp.normalize import Token, spelling_key
from claimcmp.records import Divergence

if TYPE_CHECKING:
    from claimcmp.protocols import ClaimText

__all__ = [
    "EntityDetector",
    "ModalityDetector",
    "NegationDetector",
    "OmissionDetector",
    "TermDetector",
]


def _div(kind: str, detector: str, a: str, b: str, a_span: tuple[int, int] | None, b_span: tuple[int, int] | None,
         explanation: str, confidence: float, severity: str = "high") -> Divergence:
    return Divergence(
        kind=kind,
        a_span=a_span,
        b_span=b_span,
        a_text=a[a_span[0] : a_span[1]] if a_span else "",
        b_text=b[b_span[0] : b_span[1]] if b_span else "",
        explanation=explanation,
        confidence=confidence,
        severity=severity,  # type: ignore[arg-type]
        detector=detector,
    )


# --------------------------------------------------------------------- term


class TermDetector:
    """A key word swapped for one that is not interchangeable in news (``kind="term"``).

    ``partnership`` → ``alliance``, ``killed`` → ``died``, ``arrested`` → ``detained``: words of
    one group in :data:`~claimcmp.detectors.lexicon.TERM_GROUPS`, each found in only one of the
    claims. ``glossary`` adds groups (an editorial list of terms that must never be treated as
    synonyms); ``use_builtin=False`` keeps only the glossary. Plain synonyms are not listed and
    so are left to the verdict model as paraphrase.
    """

    name = "term"

    def __init__(self, glossary: Iterable[Iterable[str]] = (), *, use_builtin: bool = True) -> None:
        # A glossary group lists terms that are all distinct: one class per word.
        fields = [tuple(frozenset([w.lower()]) for w in g) for g in glossary]
        if use_builtin:
            fields = list(TERM_GROUPS) + fields
        self._classes_of: dict[str, set[tuple[int, int]]] = {}
        for i, field in enumerate(fields):
            for j, cls in enumerate(field):
                for w in cls:
                    for key in (w, stem(w)):
                        self._classes_of.setdefault(key, set()).add((i, j))

    def _classes(self, tok: Token) -> set[tuple[int, int]]:
        w = tok.lower
        return self._classes_of.get(w, set()) | self._classes_of.get(stem(w), set())

    def _distinct(self, x: Token, y: Token) -> bool:
        cx, cy = self._classes(x), self._classes(y)
        if not cx or not cy or cx & cy:
            return False  # unknown, or interchangeable somewhere
        return bool({i for i, _ in cx} & {i for i, _ in cy})

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        used: set[int] = set()
        # Swaps the alignment sees directly ("seriously injured" / "seriously killed")...
        for e in d.edits:
            if e.op != "replace" or len(e.a_tokens) > 3 or len(e.b_tokens) > 3:
                continue
            for x in e.a_content:
                y = next((y for y in e.b_content if y.start not in used and self._distinct(x, y)), None)
                if y is not None and not are_antonyms(x.lower, y.lower):
                    used.add(y.start)
                    yield _div(
                        "term", self.name, a.text, b.text, (x.start, x.end), (y.start, y.end),
                        f"'{x.text}' and '{y.text}' are not interchangeable: a different term, not a synonym",
                        0.85,
                    )
        # ...and terms each claim uses but the other does not, wherever they stand.
        only_a, only_b = d.only_a, d.only_b
        for x in only_a:
            if not self._classes(x) or any(u == x.start for u in used):
                continue
            for y in only_b:
                if y.start not in used and self._distinct(x, y) and not are_antonyms(x.lower, y.lower):
                    used.add(y.start)
                    yield _div(
                        "term", self.name, a.text, b.text, (x.start, x.end), (y.start, y.end),
                        f"'{x.text}' and '{y.text}' are not interchangeable: a different term, not a synonym",
                        0.85,
                    )
                    break


# ----------------------------------------------------------------- negation


class NegationDetector:
    """Polarity flips (``kind="negation"``): a negator added or removed, or an antonym swapped in.

    ``not``/``no``/``never``/``n't``/``without`` in one claim and not the other, at the same
    place; or opposites (rose/fell, including/excluding, confirmed/denied, certainty/uncertainty)
    each found in only one claim. ``antonyms`` adds pairs.
    """

    name = "negation"

    def __init__(self, antonyms: Iterable[tuple[str, str]] = ()) -> None:
        self._extra = {antonym_key(x, y) for x, y in antonyms}

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        found = list(self._findings(a, b))
        n_a = sum(1 for t in d.a if t.key in NEGATORS and not _idiom(a.text, t))
        n_b = sum(1 for t in d.b if t.key in NEGATORS and not _idiom(b.text, t))
        inserted = [f for f in found if not f.explanation.startswith("opposites")]
        opposites = [f for f in found if f.explanation.startswith("opposites")]
        if n_a == n_b:
            # "is not clear" / "no clear successor": one negator each, placed differently.
            inserted = []
        for f in list(inserted):
            # "would not stop" / "would continue": a negator next to an opposite cancels it.
            near = next((o for o in opposites if _near(f.a_span, o.a_span) or _near(f.b_span, o.b_span)), None)
            if near is not None:
                inserted.remove(f)
                opposites.remove(near)
        yield from sorted(inserted + opposites, key=lambda f: f.a_span or (0, 0))

    def _findings(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        reported: set[int] = set()
        for e in d.edits:
            if len(e.a_tokens) > 6 or len(e.b_tokens) > 6:
                continue  # a rewritten stretch, not an inserted negator
            neg_a = [t for t in e.a_tokens if t.key in NEGATORS and not _idiom(a.text, t)]
            neg_b = [t for t in e.b_tokens if t.key in NEGATORS and not _idiom(b.text, t)]
            if bool(neg_a) == bool(neg_b):
                continue
            side_neg = neg_a or neg_b
            tok = side_neg[0]
            # The other side's span: the words that stand where the negator was, or the
            # word right after the insertion point.
            a_span: tuple[int, int] | None
            b_span: tuple[int, int] | None
            if neg_b:
                other = e.a_span or _token_span(d.a, e.i1)
                a_span, b_span = other, (tok.start, tok.end)
                expl = f"B negates what A asserts ('{tok.text}' added)"
            else:
                other = e.b_span or _token_span(d.b, e.j1)
                a_span, b_span = (tok.start, tok.end), other
                expl = f"A negates what B asserts ('{tok.text}' is only in A)"
            reported.add(tok.start)
            yield _div("negation", self.name, a.text, b.text, a_span, b_span, expl, 0.85)
        used: set[int] = set()
        used_a: set[int] = set()
        # Opposites the alignment sees swapped in place...
        for e in d.edits:
            if e.op != "replace" or len(e.a_tokens) > 3 or len(e.b_tokens) > 3:
                continue
            for x in e.a_content:
                y = next((y for y in e.b_content if y.start not in used and are_antonyms(x.lower, y.lower, self._extra)), None)
                if y is not None:
                    used.add(y.start)
                    used_a.add(x.start)
                    yield _div(
                        "negation", self.name, a.text, b.text, (x.start, x.end), (y.start, y.end),
                        f"opposites: '{x.text}' vs '{y.text}'", 0.85,
                    )
        # ...and opposites each claim has and the other lacks, wherever they stand.
        only_a, only_b = d.only_a, d.only_b
        # Every word of one claim against every word of the other: a cheap pass first.
        maybe = None if self._extra else opposite_candidates([x.lower for x in only_a], [y.lower for y in only_b])
        for i, x in enumerate(only_a):
            if x.start in used_a:
                continue
            for j, y in enumerate(only_b):
                if maybe is not None and (i, j) not in maybe:
                    continue
                if y.start not in used and are_antonyms(x.lower, y.lower, self._extra):
                    used.add(y.start)
                    yield _div(
                        "negation", self.name, a.text, b.text, (x.start, x.end), (y.start, y.end),
                        f"opposites: '{x.text}' vs '{y.text}'", 0.85,
                    )
                    break


_NOT_NEGATING = re.compile(r"(?:not|no)\s+(?:least|only|less|more|doubt|surprisingly|to mention)\b|if\s+not\b", re.I)


def _idiom(text: str, tok: Token) -> bool:
    """'not least', 'not only', 'no less', 'if not', a quoted "no": a negator that does not
    negate the claim."""
    quoted = text[max(0, tok.start - 1) : tok.start] in "\"“‘'" and text[tok.end : tok.end + 1] in "\"”’'"
    if quoted and tok.start > 0:
        return True
    return bool(_NOT_NEGATING.match(text, tok.start)) or bool(
        re.search(r"\bif\s+$", text[max(0, tok.start - 4) : tok.start], re.I)
    )


def _near(x: tuple[int, int] | None, y: tuple[int, int] | None, gap: int = 30) -> bool:
    return x is not None and y is not None and x[0] - gap < y[1] and y[0] - gap < x[1]


def _token_span(toks: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    if not toks:
        return None
    t = toks[min(index, len(toks) - 1)]
    return (t.start, t.end)


# ------------------------------------------------------------------- entity

_ALIAS_OF: dict[str, int] = {}
for _i, _group in enumerate(ENTITY_ALIASES):
    for _name in _group:
        _ALIAS_OF[" ".join(spelling_key(w) for w in _name.split())] = _i
_DEMONYM_WORD = re.compile(r"(?:ian|ean|ese|ish|ican)$")


_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec".split()
)


def _is_name(tok: Token, index: int, text: str = "", capitalised_inside: frozenset[str] = frozenset()) -> bool:
    """A capitalised word that names something.

    A word that starts a sentence is capitalised anyway; it counts as a name only if it is
    also written capitalised mid-sentence somewhere in the two claims.
    """
    t = tok.text
    if not t[:1].isupper():
        return False
    if "." in t or (t.isupper() and len(t) > 1):
        return True  # U.S., UN, NATO
    if tok.key in FUNCTION_WORDS or tok.key in _CALENDAR_WORDS:
        return False  # days and months are the date detector's
    starts_sentence = index == 0 or bool(re.search(r"[.!?:;“\"(]\s*$", text[max(0, tok.start - 3) : tok.start]))
    return not starts_sentence or tok.key in capitalised_inside


def _capitalised_inside(*texts_and_tokens: tuple[str, tuple[Token, ...]]) -> frozenset[str]:
    out = set()
    for text, toks in texts_and_tokens:
        for i, t in enumerate(toks):
            if i > 0 and t.text[:1].isupper() and not re.search(r"[.!?:;“\"(]\s*$", text[max(0, t.start - 3) : t.start]):
                out.add(t.key)
    return frozenset(out)


def _same_entity(x: str, y: str) -> bool:
    """Whether two name keys (space-joined spelling keys) name the same thing."""
    if x == y:
        return True
    if _ALIAS_OF.get(x) is not None and _ALIAS_OF.get(x) == _ALIAS_OF.get(y):
        return True
    xs, ys = x.split(), y.split()
    # Partial names: "xi" / "xi jinping", "burns" / "william burns".
    if set(xs) <= set(ys) or set(ys) <= set(xs):
        return True
    # Short forms: "tim" / "timothy", "afghan" / "afghanistan".
    if len(xs) == len(ys) and all(
        p == q or (min(len(p), len(q)) >= 3 and (p.startswith(q) or q.startswith(p)))
        for p, q in zip(xs, ys, strict=True)
    ):
        return True
    # Acronyms: "sc" / "supreme court", "fbi" / "federal bureau of investigation".
    for one, many in ((xs, ys), (ys, xs)):
        if len(one) == 1 and len(many) >= 2:
            initials = "".join(w[0] for w in many if w not in ("of", "the", "and", "for"))
            if one[0] == initials:
                return True
    # Transliteration and spelling variants: Volodomyr / Volodymyr, Zelenskiy / Zelensky.
    if len(xs) == len(ys) and all(_close_spelling(p, q) for p, q in zip(xs, ys, strict=True)):
        return True
    # Demonyms and possessives: China / Chinese, Belarus / Belarusian, Russia / Russian.
    if len(xs) == len(ys) == 1:
        shorter, longer = sorted((x, y), key=len)
        root = shorter.rstrip("aeiou") if len(shorter) > 4 else shorter
        if longer.startswith(root) and longer[len(root):] in ("n", "an", "ian", "ese", "i", "ish", "ic", "ean", "ern"):
            return True
        if longer.startswith(shorter) and longer[len(shorter):] in ("n", "an", "ian", "ese", "i", "ish"):
            return True
    return False


def _close_spelling(p: str, q: str) -> bool:
    if p == q:
        return True
    if min(len(p), len(q)) < 5:
        return False
    import difflib

    return difflib.SequenceMatcher(a=p, b=q).ratio() >= 0.8 and p[0] == q[0]


class EntityDetector:
    """Another person, place or organisation in the same slot (``kind="entity"``).

    Names are capitalised words. In a swap (a replaced stretch of words) with names on both
    sides, the names must refer to the same thing up to spelling and transliteration
    (Kiev/Kyiv, Zelensky/Zelenskyy), aliases and abbreviations (U.S./US/United States),
    partial names (Xi / Xi Jinping) and demonyms (China / Chinese); otherwise the swap is a
    divergence. ``aliases`` adds groups of names for one thing.
    """

    name = "entity"

    def __init__(self, aliases: Iterable[Iterable[str]] = ()) -> None:
        self._extra: dict[str, int] = {}
        for i, g in enumerate(aliases):
            for n in g:
                self._extra[" ".join(spelling_key(w) for w in n.split())] = i

    def _same(self, x: str, y: str) -> bool:
        if self._extra.get(x) is not None and self._extra.get(x) == self._extra.get(y):
            return True
        return _same_entity(x, y)

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        a_index = {t.start: i for i, t in enumerate(d.a)}
        b_index = {t.start: i for i, t in enumerate(d.b)}
        all_a = " ".join(t.key for t in d.a)
        all_b = " ".join(t.key for t in d.b)
        inside = _capitalised_inside((a.text, d.a), (b.text, d.b))
        for e in d.edits:
            # A swap is a short replaced stretch; long ones are different sentences.
            if e.op != "replace" or len(e.a_tokens) > 5 or len(e.b_tokens) > 5:
                continue
            na = [t for t in e.a_tokens if _is_name(t, a_index[t.start], a.text, inside)]
            nb = [t for t in e.b_tokens if _is_name(t, b_index[t.start], b.text, inside)]
            if not na or not nb:
                continue
            if all(t.lower in TITLE_WORDS for t in na) or all(t.lower in TITLE_WORDS for t in nb):
                continue  # "France's Francois Hollande" / "France's President": a title, not a name
            demonym_a = all(_DEMONYM_WORD.search(t.key) for t in na)
            demonym_b = all(_DEMONYM_WORD.search(t.key) for t in nb)
            possessive = any(t.text.endswith(("'s", "’s")) for t in (*na, *nb))
            if (demonym_a or demonym_b) and possessive:
                continue  # "Lukashenko's visit" / "the Belarusian leader's visit": a description
            weak = demonym_a or demonym_b  # "the Ukrainian champion" / "the Georgian champion"
            x = " ".join(t.key for t in na)
            y = " ".join(t.key for t in nb)
            if self._same(x, y):
                continue
            # A name that the other claim mentions as often elsewhere is a reordering, not a swap.
            ca, cb = Counter(all_a.split()), Counter(all_b.split())
            if all(cb[t.key] >= ca[t.key] for t in na) or all(ca[t.key] >= cb[t.key] for t in nb):
                continue
            if any(self._same(t.key, u.key) for t in na for u in nb):
                continue
            a_span = (na[0].start, na[-1].end)
            b_span = (nb[0].start, nb[-1].end)
            yield _div(
                "entity", self.name, a.text, b.text, a_span, b_span,
                f"a different name in the same place: '{a.text[a_span[0]:a_span[1]]}' vs "
                f"'{b.text[b_span[0]:b_span[1]]}'",
                0.6 if weak else 0.8,
                "medium" if weak else "high",
            )


# ----------------------------------------------------------------- modality

_HEDGE_RE = re.compile(
    r"\b(" + "|".join(re.escape(h) for h in sorted(HEDGE_LEVELS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@memoize(8192)  # read for each pair a claim is in
def _hedges(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((m.group(1).lower(), m.start(1), m.end(1)) for m in _HEDGE_RE.finditer(text))


class ModalityDetector:
    """Hedges and certainty that differ (``kind="modality"``).

    "is considering" vs "is planning", "may" vs "will", "reportedly" in one claim only. Each
    expression has a certainty level (:data:`~claimcmp.detectors.lexicon.HEDGE_LEVELS`). A
    hedge swapped for another, or a hedge in one claim over words the other states plainly
    ("is considering sending" / "is sending"), is compared: a gap of two levels or more is a
    divergence, a gap of one is reported at low severity.
    """

    name = "modality"

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        ha, hb = _hedges(a.text), _hedges(b.text)
        ua = [h for h in ha if h[0] not in {x for x, *_ in hb}]
        ub = [h for h in hb if h[0] not in {x for x, *_ in ha}]
        if not ua and not ub:
            return
        d = token_diff(a.text, b.text)
        if ua and ub:
            wa = min(ua, key=lambda h: HEDGE_LEVELS[h[0]])
            wb = min(ub, key=lambda h: HEDGE_LEVELS[h[0]])
            a_span: tuple[int, int] | None = (wa[1], wa[2])
            b_span: tuple[int, int] | None = (wb[1], wb[2])
            la, lb = HEDGE_LEVELS[wa[0]], HEDGE_LEVELS[wb[0]]
            sa, sb = f"'{wa[0]}'", f"'{wb[0]}'"
        else:
            # One claim hedges; the other must state the hedged words plainly.
            hedged, own, other = (ua, d.a, d.b) if ua else (ub, d.b, d.a)
            w = min(hedged, key=lambda h: HEDGE_LEVELS[h[0]])
            nxt = [t for t in own if t.start >= w[2] and t.content][:2]
            stems = {stem(t.key) for t in nxt}
            plain = [t for t in other if t.content and stem(t.key) in stems]
            if not nxt or not plain:
                return
            level = HEDGE_LEVELS[w[0]]
            if ua:
                a_span, b_span, la, lb, sa, sb = (w[1], w[2]), (plain[0].start, plain[0].end), level, 4, f"'{w[0]}'", "no hedge"
            else:
                a_span, b_span, la, lb, sa, sb = (plain[0].start, plain[0].end), (w[1], w[2]), 4, level, "no hedge", f"'{w[0]}'"
        if la == lb:
            return
        gap = abs(la - lb)
        more = "A" if la < lb else "B"
        yield _div(
            "modality", self.name, a.text, b.text, a_span, b_span,
            f"different certainty: {sa} vs {sb} ({more} is more tentative)",
            0.7 if gap >= 2 else 0.35,
            "medium" if gap >= 2 else "low",
        )


# ------------------------------------------------------- omission / addition


def _partial_name(tok: Token, own: tuple[Token, ...], other: tuple[Token, ...]) -> bool:
    """Whether ``tok`` belongs to a multi-word name the other claim gives in part (Xi / Xi Jinping)."""
    if not tok.text[:1].isupper():
        return False
    keys = {t.key for t in other}
    i = next(k for k, t in enumerate(own) if t.start == tok.start)
    j = i
    while j > 0 and own[j - 1].text[:1].isupper():
        j -= 1
    k = i
    while k + 1 < len(own) and own[k + 1].text[:1].isupper():
        k += 1
    return any(own[m].key in keys for m in range(j, k + 1) if m != i)


class OmissionDetector:
    """A detail one claim carries and the other lacks (``kind="omission"`` / ``"addition"``).

    ``omission``: A has words B lacks; ``addition``: B has words A lacks. Only stretches with
    at least ``min_content`` content words (or one name or number) count. Severity is medium
    when the claims are otherwise near-identical (token ratio ≥ 0.75) — a dropped or added
    fact — and low when they are worded differently anyway.
    """

    name = "omission"

    def __init__(self, *, min_content: int = 2) -> None:
        self.min_content = min_content

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        close = d.ratio >= 0.75
        only_a_keys = {t.key for t in d.only_a}
        only_b_keys = {t.key for t in d.only_b}
        for e in d.edits:
            extra_a = [t for t in e.a_content if t.key in only_a_keys and not _partial_name(t, d.a, d.b)]
            extra_b = [t for t in e.b_content if t.key in only_b_keys and not _partial_name(t, d.b, d.a)]
            for kind, extra, other in (("omission", extra_a, extra_b), ("addition", extra_b, extra_a)):
                if len(extra) - len(other) < self.min_content and not (
                    not other and any(t.text[:1].isupper() or t.text[:1].isdigit() for t in extra)
                ):
                    continue
                span = (extra[0].start, extra[-1].end)
                source = a.text if kind == "omission" else b.text
                words = " ".join(source[span[0] : span[1]].split())
                if len(words) > 70:
                    words = words[:67].rstrip() + "…"
                if kind == "omission":
                    a_span, b_span = span, None
                    expl = f"only A has this detail: '{words}'"
                else:
                    a_span, b_span = None, span
                    expl = f"only B has this detail: '{words}'"
                yield _div(
                    kind, self.name, a.text, b.text, a_span, b_span, expl,
                    0.55 if close else 0.3, "medium" if close else "low",
                )
