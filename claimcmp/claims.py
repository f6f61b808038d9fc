"""Claims: the units that get aligned and compared.

:class:`SentenceClaimExtractor` makes one claim per sentence; :class:`AtomicClaimExtractor`
splits sentences into atomic claims (independent clauses, fact-bearing relative clauses,
appositives) and records attribution separately. A claim may be made of several spans of the
source (``Claim.spans``); its ``text`` joins them with :data:`PIECE_SEPARATOR`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcmp.ingest import Article
from claimcmp.protocols import SentenceSplitter
from claimcmp.records import Claim

__all__ = ["PIECE_SEPARATOR", "AtomicClaimExtractor", "SentenceClaimExtractor", "sentence_spans"]

_WORD = re.compile(r"[^\W_]+")


def sentence_spans(article: Article, splitter: SentenceSplitter) -> list[tuple[int, int]]:
    """Sentence offsets into ``article.text``, taken from its body blocks only."""
    spans: list[tuple[int, int]] = []
    for block in article.body_blocks:
        piece = article.text[block.start : block.end]
        for s, e in splitter.sentences(piece):
            # Trim here as well: a user's splitter may leave whitespace.
            while s < e and piece[s].isspace():
                s += 1
            while e > s and piece[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((block.start + s, block.start + e))
    return spans


class SentenceClaimExtractor:
    """One claim per sentence that has at least ``min_words`` words."""

    def __init__(self, *, min_words: int = 3) -> None:
        self.min_words = min_words

    def claims(self, article: Article, sentences: Sequence[tuple[int, int]]) -> list[Claim]:
        out: list[Claim] = []
        for s, e in sentences:
            text = article.text[s:e]
            if len(_WORD.findall(text)) < self.min_words:
                continue
            out.append(
                Claim(
                    id=f"{article.source}#{len(out)}",
                    source=article.source,
                    text=text,
                    start=s,
                    end=e,
                    sentence=(s, e),
                )
            )
        return out

    def __repr__(self) -> str:
        return f"SentenceClaimExtractor(min_words={self.min_words})"


# ---------------------------------------------------------------------------
# Atomic claims

PIECE_SEPARATOR = " … "

_AUX = frozenset(
    "is are was were has have had will would can could may might must shall should did does do "
    "been being be plans plan planned says said told announced reported claimed".split()
)
_RELATIVE = re.compile(
    r",\s+(?:which|who|whose)\s+|\s+(?:in|on|at|after|during|from)\s+(?:a|an|the)\s+[\w-]+\s+(?:that|which)\s+"
)
_PARENTHETICAL = re.compile(r"\(([^()]{3,160})\)")
# Three or more short items after a preposition or verb: "in A, B and C", "produced A, B, and C".
_ITEM_WORD = r"(?!(?:from|of|in|with|by|to|at|for|on|and|or|the|a|an)\b)[\w'’-]+"
_ITEM = rf"{_ITEM_WORD}(?:\s+{_ITEM_WORD}){{0,3}}"
_LIST = re.compile(
    r"\b(?:from|in|of|with|by|including|include[sd]?|between|among|to|at|for|on|as|like|such as)\s+"
    rf"(?P<items>(?:{_ITEM},\s+){{1,6}}{_ITEM}),?\s+(?:and|or)\s+(?P<last>{_ITEM})(?=[\s.,;]|$)"
)
# The main clause must go on after it in lower case ("…, which Putin attended, to upgrade…");
# a capital after the comma means the comma belonged to a list inside the relative clause.
_EMBEDDED_RELATIVE = re.compile(r",\s+(?P<rel>(?:which|who|whose)\s+[^,;.]{3,80}?),\s+(?=[a-z])")
_COORD = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+")
_ATTRIB_TAIL = re.compile(
    r",\s*(?:[\w'’.-]+\s+){1,7}?"
    r"(?:said|says|added|announced|reported|told\s+[\w\s]{1,30}?|according\s+to\s+[^,.]{2,60})"
    r"(?:\s+on\s+\w+)?\s*[.!?]?$"
)
_ATTRIB_HEAD = re.compile(r"^(?:According to [^,]{2,60},\s*)")


_HAS_SUBJECT = frozenset(
    "the a an it he she they we i you this that these those there his her its their our some "
    "many most officials analysts".split()
)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e


def _subject_end(text: str, s: int, e: int) -> int | None:
    """End of the grammatical subject of ``text[s:e]``: the word before the first verb."""
    for m in _WORD.finditer(text, s, e):
        w = m.group().lower()
        if m.start() > s and (
            w in _AUX or (w.endswith("ed") and len(w) > 4 and text[m.start()].islower())
        ):
            end = m.start()
            while end > s and text[end - 1].isspace():
                end -= 1
            return end if _words(text[s:end]) <= 8 else None
    return None


class AtomicClaimExtractor:
    """Splits sentences into atomic claims with rules over words and punctuation.

    * Coordinated clauses (", and", ", but", ";") become separate claims; with ``multi_span``
      a clause without its own subject ("…, and crushed 2020 protests") borrows the first
      clause's subject as a second span ("Lukashenko … crushed 2020 protests").
    * Relative clauses that carry their own fact (", which …", "in a vote that …") and
      appositives after a sentence-initial name ("Alexander Lukashenko, the president of
      Belarus, will visit …") become claims of their own.
    * Parenthetical facts of three words or more are claims of their own; with ``multi_span``,
      a list of three or more short items ("in A, B and C") gives one claim per item.
    * Attribution ("…, the ministry said", "According to X, …") is kept out of the claim's
      content and recorded in :attr:`Claim.attribution`.

    Every claim keeps exact spans into the source. By default each claim is one contiguous
    span, so ``claim.text == source.text[claim.start:claim.end]`` (the report's JSON contract);
    with ``multi_span=True`` a clause borrows its subject and a main clause skips an embedded
    appositive or relative clause, and ``text`` joins the spans with " … ". Pieces shorter
    than ``min_words`` stay with their neighbour.
    """

    def __init__(self, *, min_words: int = 4, multi_span: bool = False) -> None:
        self.min_words = min_words
        self.multi_span = multi_span

    def claims(self, article: Article, sentences: Sequence[tuple[int, int]]) -> list[Claim]:
        text = article.text
        out: list[Claim] = []
        for s, e in sentences:
            if _words(text[s:e]) < 3:
                continue
            for spans, attribution in self._split(text, s, e):
                pieces = [text[a:b] for a, b in spans]
                out.append(
                    Claim(
                        id=f"{article.source}#{len(out)}",
                        source=article.source,
                        text=PIECE_SEPARATOR.join(pieces),
                        start=spans[0][0],
                        end=spans[-1][1],
                        spans=tuple(spans),
                        sentence=(s, e),
                        attribution=attribution,
                    )
                )
        return out

    def _split(
        self, text: str, s: int, e: int
    ) -> list[tuple[list[tuple[int, int]], tuple[int, int] | None]]:
        result = self._split_clauses(text, s, e)
        attribution = result[0][1] if result else None
        extra: list[tuple[list[tuple[int, int]], tuple[int, int] | None]] = []
        # Parenthetical facts: "(Original title: Maleficent)", "(a charge he denies)". Short
        # parentheses (abbreviations, unit conversions) stay where they are.
        for m in _PARENTHETICAL.finditer(text, s, e):
            inner = _trim(text, m.start(1), m.end(1))
            if _words(text[inner[0] : inner[1]]) >= 3 and not re.match(
                r"[\d$€£]", text[inner[0] :]
            ):
                extra.append(([inner], attribution))
        if self.multi_span:
            for spans, attr in list(result):
                if len(spans) == 1:
                    items = self._list_items(text, *spans[0])
                    if items:
                        result.remove((spans, attr))
                        extra.extend((item, attr) for item in items)
        return result + extra

    def _list_items(self, text: str, s: int, e: int) -> list[list[tuple[int, int]]]:
        """A list of short items ("in A, B and C") as one claim per item, sharing the rest."""
        m = _LIST.search(text, s, e)
        if not m:
            return []
        items = [
            (x.start(), x.end())
            for x in re.finditer(r"[^,]+", text[m.start("items") : m.end("items")])
        ]
        if not all(
            _words(text[m.start("items") + a : m.start("items") + b]) <= 4 for a, b in items
        ):
            return []
        items = [(m.start("items") + a, m.start("items") + b) for a, b in items]
        last = (m.start("last"), m.end("last"))
        out = []
        for a, b in [*items, last]:
            a, b = _trim(text, a, b)
            if a >= b:
                continue
            pieces = [_trim(text, s, m.start("items")), (a, b)]
            if m.end("last") < e:
                tail = _trim(text, m.end("last"), e)
                if _words(text[tail[0] : tail[1]]) > 0:
                    pieces.append(tail)
            out.append([p for p in pieces if p[1] > p[0]])
        return out if len(out) >= 3 else []

    def _split_clauses(
        self, text: str, s: int, e: int
    ) -> list[tuple[list[tuple[int, int]], tuple[int, int] | None]]:
        attribution: tuple[int, int] | None = None
        cs, ce = s, e
        m = _ATTRIB_TAIL.search(text, s, e)
        if m and _words(text[cs : m.start()]) >= self.min_words:
            attribution = _trim(text, m.start(), e)
            ce = m.start()
        m = _ATTRIB_HEAD.match(text, cs, ce)
        if m and _words(text[m.end() : ce]) >= self.min_words:
            attribution = _trim(text, cs, m.end())
            cs = m.end()

        # A relative clause set off by commas inside the sentence ("…in Uzbekistan, which
        # Putin also attended, to upgrade…") is its own claim; the sentence around it is one
        # claim of two spans.
        emb = _EMBEDDED_RELATIVE.search(text, cs, ce)
        if (
            emb
            and _words(text[cs : emb.start()]) >= self.min_words
            and _words(text[emb.end() : ce]) >= 2
        ):
            main = (
                [_trim(text, cs, emb.start()), _trim(text, emb.end(), ce)]
                if self.multi_span
                else [_trim(text, cs, ce)]
            )
            rel = [_trim(text, emb.start("rel"), emb.end("rel"))]
            return [(main, attribution), (rel, attribution)]

        # Clause boundaries: coordination and fact-bearing relative clauses.
        cuts: list[tuple[int, int, str]] = []  # (cut start, next clause start, kind)
        for rx, kind in ((_COORD, "coord"), (_RELATIVE, "relative")):
            for c in rx.finditer(text, cs, ce):
                if (
                    _words(text[cs : c.start()]) >= self.min_words
                    and _words(text[c.end() : ce]) >= self.min_words
                ):
                    nxt = (
                        c.start()
                        if kind == "relative" and not c.group().startswith(",")
                        else c.end()
                    )
                    if kind == "relative" and c.group().startswith(","):
                        nxt = c.start() + 1
                    cuts.append((c.start(), nxt, kind))
        cuts.sort()
        clauses: list[tuple[int, int, str]] = []
        start, kind = cs, "first"
        for cut_start, nxt, k in cuts:
            if cut_start <= start:
                continue
            clauses.append((start, cut_start, kind))
            start, kind = nxt, k
        clauses.append((start, ce, kind))

        subject_end = _subject_end(text, cs, clauses[0][1])
        result: list[tuple[list[tuple[int, int]], tuple[int, int] | None]] = []
        appositive = self._appositive(text, cs, clauses[0][1])
        for a, b, k in clauses:
            a, b = _trim(text, a, b)
            if b <= a:
                continue
            spans = [(a, b)]
            if k == "coord" and subject_end is not None and self.multi_span:
                first = text[a:b].split(maxsplit=1)[0]
                # A clause that starts with a lower-case verb has no subject of its own.
                subject = _trim(text, cs, subject_end)
                # An empty subject (punctuation only: "; said the ...") is no subject to borrow.
                if (
                    first.islower()
                    and first.lower() not in _HAS_SUBJECT
                    and subject[1] > subject[0]
                ):
                    spans = [subject, (a, b)]
            if k == "first" and appositive is not None:
                name_end, app_start, app_end = appositive
                if self.multi_span:
                    spans = [_trim(text, a, name_end), _trim(text, app_end, b)]
                    result.append(
                        ([_trim(text, a, name_end), _trim(text, app_start, app_end)], attribution)
                    )
                else:
                    result.append(([_trim(text, a, app_end)], attribution))
            result.append((spans, attribution))
        return result

    def _appositive(self, text: str, s: int, e: int) -> tuple[int, int, int] | None:
        """``(name end, appositive start, appositive end)`` for "Name, the …, verb …"."""
        m = re.match(
            r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*(?P<comma>,\s+)(?P<app>(?:the|a|an)\s+[^,]{3,80}?),\s+",
            text[s:e],
        )
        if not m or _words(text[s + m.end() : e]) < self.min_words:
            return None
        return s + m.start("comma"), s + m.start("app"), s + m.end("app")

    def __repr__(self) -> str:
        return f"AtomicClaimExtractor(min_words={self.min_words})"
