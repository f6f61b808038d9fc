"""``quote`` and ``attribution`` detectors: who said it, and in which words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from claimcmp.detectors.base import finding
from claimcmp.memo import memoize
from claimcmp.text.diff import NEAR_COPY_RATIO, TokenDiff, token_diff
from claimcmp.text.lexicon import ATTRIBUTION_VERBS, TITLE_WORDS, VAGUE_SOURCES
from claimcmp.text.names import is_demonym, is_name, same_entity
from claimcmp.text.normalize import FUNCTION_WORDS, Token, expand_keys, spelling_key, tokens
from claimcmp.text.quantities import figure_key
from claimcmp.text.wordnet import is_agent, place_scale

if TYPE_CHECKING:
    from claimcmp.protocols import ClaimText
    from claimcmp.records import Divergence

__all__ = ["AttributionDetector", "QuoteDetector", "find_quotes", "find_speakers"]

#: Double quotation marks, curly and straight. Penn Treebank's `` and '' (which ECB+ keeps) are
#: not read: no outlet prints them, and read, they added to ECB+'s development reports quote
#: divergences that were one statement shortened or transcribed another way.
_MARKS = re.compile(r"[“”\"]")


_EDITORIAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@attrs.frozen
class Quote:
    start: int  # of the quoted words (inside the marks)
    end: int
    keys: tuple[str, ...]
    #: The quoted words as compared for wording: hyphenated words split, figures as digits
    #: ("eleventh-hour" and "11th hour" are one wording).
    wording: tuple[str, ...] = ()


def find_quotes(text: str) -> list[Quote]:
    """Direct quotes in ``text``, as spans of the quoted words.

    Curly and straight double quotation marks are treated alike and paired in order, so a
    quote typed with the wrong curly mark (“...“) pairs the same way in every source.
    """
    return list(_find_quotes(text))


@memoize(8192)  # read for each pair a claim is in
def _find_quotes(text: str) -> tuple[Quote, ...]:
    marks = [m.start() for m in _MARKS.finditer(text)]
    out = []
    for open_, close in zip(marks[::2], marks[1::2], strict=False):
        inner = text[open_ + 1 : close]
        # Words the writer added inside a quote in brackets ("respect to her (Tara Reid) and")
        # are not the speaker's: they do not make the quote worded differently.
        keys = tuple(expand_keys([t.key for t in tokens(_EDITORIAL.sub(" ", inner))]))
        if len(inner.strip()) >= 3 and keys:
            s, e = open_ + 1, close
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append(Quote(s, e, keys, _wording(_EDITORIAL.sub(" ", inner))))
    return tuple(out)


def _wording(inner: str) -> tuple[str, ...]:
    words: list[str] = []
    for t in tokens(inner):
        for part in re.split(r"[-–]+", t.text):
            key = spelling_key(part) if part.strip(".'’") else ""
            if not key:
                continue
            if key in ("st", "nd", "rd", "th") and words and words[-1].isdigit():
                continue  # "11th" is tokenised "11", "th"
            words.append(figure_key(key))
    return tuple(words)


def _one_slip(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two wordings differ in one word only, by one letter of a word of five or more
    letters that keeps its first four ("damaged" / "damages"): a typing slip."""
    if len(x) != len(y):
        return False
    differ = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
    if len(differ) != 1:
        return False
    p, q = differ[0]
    if min(len(p), len(q)) < 5 or p[:4] != q[:4] or abs(len(p) - len(q)) > 1:
        return False
    ops = difflib.SequenceMatcher(a=p, b=q).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal") == 1


#: How much of two quotes' wording must line up, in order, for them to be one utterance
#: (difflib's ratio: twice the words matched over the words of both).
ONE_UTTERANCE_RATIO = 0.5
#: The same for two quotes of three words or fewer that are no title, in claims worded apart.
SHORT_QUOTE_RATIO = 0.75


def _one_utterance(x: Quote, y: Quote, *, titles: bool = True) -> bool:
    """Whether two quotes are one utterance, which must then be worded alike: most of their
    words line up in order, or all but two of the longer one's. A few words quoted from a
    longer statement, or two statements that share a phrase ("is definitely suspicious" /
    "we are definitely treating it as suspicious and as potential arson"), are two quotes.

    The second test is for a short quote that is a title or a name ("American Pie" /
    "American Quito"); with ``titles`` False (two claims worded apart, quoting words that are
    no title), two short phrases sharing a word ("military invasion" / "pending invasion")
    are two excerpts of one speech, not one quote worded two ways."""
    matcher = difflib.SequenceMatcher(a=x.wording, b=y.wording, autojunk=False)
    short = min(len(x.wording), len(y.wording)) <= 3
    # Two short phrases must share most of their words ("undeserved attention" / "undeserved
    # negative attention"), not one of two ("military invasion" / "pending invasion").
    if matcher.ratio() >= (ONE_UTTERANCE_RATIO if titles or not short else SHORT_QUOTE_RATIO):
        return True
    if not titles:
        return False
    lined_up = sum(block.size for block in matcher.get_matching_blocks())
    return lined_up > 0 and max(len(x.wording), len(y.wording)) - lined_up <= 2


def _titled(quoted: str) -> bool:
    """Whether quoted words are a title or a name: every word of three letters or more
    capitalised ("American Pie")."""
    words = [w for w in re.findall(r"[A-Za-z]+", quoted) if len(w) >= 3]
    return bool(words) and all(w[:1].isupper() for w in words)


def _contains_letters(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether one wording is the other, or a part of it, letter for letter once the spaces
    between words are gone: a compound written closed or open is one word."""
    short, long_ = sorted(("".join(x), "".join(y)), key=len)
    return bool(short) and short in long_


def _content(keys: tuple[str, ...]) -> set[str]:
    return {k for k in keys if k not in FUNCTION_WORDS}


class QuoteDetector:
    """Direct quotes that differ (``kind="quote"``).

    A quote in A whose words mostly recur in a quote of B but not exactly is *worded
    differently* (high severity: a quote must be verbatim); one word misspelt, or the same
    words in another order, is a slip of transcription (low). A quote in A whose words appear in B
    without quotation marks means *one source quotes what the other paraphrases* (medium).
    """

    name = "quote"

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        qa, qb = find_quotes(a.text), find_quotes(b.text)
        near_copy = token_diff(a.text, b.text).ratio >= NEAR_COPY_RATIO
        matched_b: set[int] = set()
        for side, quotes, others, _text, other_text in (
            ("A", qa, qb, a.text, b.text),
            ("B", qb, qa, b.text, a.text),
        ):
            if not quotes:
                continue
            other_keys = set(expand_keys([t.key for t in tokens(other_text)]))
            for q in quotes:
                cq = _content(q.keys)
                if not cq:
                    continue
                best, best_overlap = None, 0.0
                for o in others:
                    overlap = len(cq & _content(o.keys)) / max(
                        1, min(len(cq), len(_content(o.keys)))
                    )
                    if overlap > best_overlap:
                        best, best_overlap = o, overlap
                if (
                    best is not None
                    and best_overlap >= 0.5
                    and _one_utterance(
                        q,
                        best,
                        titles=near_copy
                        or _titled(_text[q.start : q.end])
                        or _titled(other_text[best.start : best.end]),
                    )
                ):
                    if side == "B" or best.start in matched_b:
                        continue  # each matched pair is reported once, from A's side
                    matched_b.add(best.start)
                    if q.keys == best.keys or _contains(q.keys, best.keys):
                        continue
                    if q.wording == best.wording or _contains(q.wording, best.wording):
                        continue  # "11th hour" / "eleventh-hour": one wording
                    if _contains_letters(q.wording, best.wording):
                        continue  # "endgame" / "end game", "oilfields" / "oil fields"
                    if _one_slip(q.wording, best.wording):
                        why = (
                            "the same quote with one word misspelt ('damaged' / 'damages'): a "
                            "slip of transcription, not other words"
                        )
                    elif sorted(q.wording) == sorted(best.wording):
                        # "very sorry this all happened" / "very sorry all this happened": the
                        # speaker's words, transcribed in another order.
                        why = "the same quote with the same words in another order"
                    else:
                        why = ""
                    yield finding(
                        "quote",
                        self.name,
                        a.text,
                        b.text,
                        (q.start, q.end),
                        (best.start, best.end),
                        why or "the same quote is worded differently",
                        0.3 if why else 0.8,
                        "low" if why else "high",
                    )
                    continue
                if len(cq & other_keys) / len(cq) >= 0.6 and len(cq) >= 3:
                    # The same words quoted by one source and reported by the other: not a
                    # conflict, but an editor may want to know which source has the quote.
                    span = (q.start, q.end)
                    a_span, b_span = (span, None) if side == "A" else (None, span)
                    yield finding(
                        "quote",
                        self.name,
                        a.text,
                        b.text,
                        a_span,
                        b_span,
                        f"{side} quotes what the other source reports in its own words",
                        0.3,
                        "low",
                    )


def _statement_overlap(d: TokenDiff, sa: list[Speaker], sb: list[Speaker]) -> float:
    """How much of what is said (the content words outside the speakers) corresponds."""

    def outside(toks: tuple[Token, ...], speakers: list[Speaker]) -> list[int]:
        return [
            i
            for i, t in enumerate(toks)
            if t.content
            and t.lower not in ATTRIBUTION_VERBS
            and not any(sp.start <= t.start < sp.end for sp in speakers)
        ]

    ia, ib = outside(d.a, sa), outside(d.b, sb)
    if len(ia) < 3 or len(ib) < 3:
        return 0.0
    matched = sum(1 for i, j, _ in d.matches if i in ia and j in ib)
    return matched / min(len(ia), len(ib))


def _contains(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether one key sequence is a contiguous part of the other (a shorter excerpt)."""
    short, long_ = sorted((x, y), key=len)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


# -------------------------------------------------------------- attribution

_SPEAKER_LINK = frozenset(
    {"of", "for", "the", "a", "an", "state-run", "state", "run", "'s", "s", "and"}
)


@attrs.frozen
class Speaker:
    start: int
    end: int
    names: frozenset[str]  # capitalised content keys
    vague: bool
    #: The body the speaker is, when the phrase names one by its kind and what sets it apart
    #: ("the Interior Ministry" -> ("ministry", {"interior"})); None otherwise.
    body: tuple[str, frozenset[str]] | None = None
    #: The nationalities of that body ("the **Chinese** Foreign Ministry").
    nations: frozenset[str] = frozenset()
    #: The attribution verb ("said", "reported"), lower-cased.
    verb: str = ""


#: Verbs of an outlet that relays what others said: "officials said ..., **the Anchorage Daily
#: News reported**".
_RELAY_VERBS = frozenset({"reported", "reports"})


def _statement_sources(speakers: list[Speaker]) -> list[Speaker]:
    """The speakers a statement is sourced to: an outlet that reports what another speaker of
    the claim said ("officials said ..., the Anchorage Daily News reported") relays it and is
    left out; alone, it is the source."""
    own = [s for s in speakers if s.verb not in _RELAY_VERBS]
    return own if own else speakers


#: Kinds of body that differ only by what qualifies them: the Interior and the Health Ministry,
#: the State and the Defense Department.
_BODY_HEADS = frozenset(
    "ministry ministries department departments agency agencies office committee council "
    "commission bureau service court".split()
)


def _speaker_word(t: Token, gap: str) -> bool:
    """A word a speaker phrase can be made of: a capitalised word, a source word ("police",
    "spokesman"), a link ("of", "the") or a noun for people ("**Senate leaders** said",
    "**witnesses** said", "the **coach** said"). ``gap``: the text between the word and the
    phrase's next word; a noun for people joins only across spaces ('the **school**," Mayor
    John Smith said' ends the quote, not the speaker)."""
    if _PHRASE_BREAK.search(gap) or t.lower in _CALENDAR_WORDS:
        return False  # 'the school," Mayor John Smith said'; "last Thursday and coach Payton said"
    return (
        t.text[:1].isupper()
        or t.lower in VAGUE_SOURCES
        or t.lower in _SPEAKER_LINK
        or t.lower in _BODY_HEADS  # "the Queens District Attorney's **office** said"
        or (t.text.isalpha() and t.text.islower() and is_agent(t.lower))
    )


_PHRASE_BREAK = re.compile(r"[,;:()\[\]\"“”‘’—–]|'(?!s\b)")
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)


def _role(t: Token, text: str) -> bool:
    """A noun for people that is not a name: "witnesses", "Witnesses" opening a sentence."""
    return t.text.isalpha() and not is_name(t, text) and is_agent(t.lower)


def _speaker_before(toks: list[Token], i: int, text: str) -> Speaker | None:
    """The speaker phrase that ends right before token ``i`` (an attribution verb)."""
    j = i - 1
    while j >= 0 and toks[j].key in ("has", "had", "have", "also", "later", "then", "previously"):
        j -= 1
    end = j
    while j >= 0 and i - j <= 9:
        if _speaker_word(toks[j], text[toks[j].end : toks[j + 1].start]):
            j -= 1
            continue
        break
    start = j + 1
    # Leading links ("the", "and"), but not a capitalised "State" ("the **State** Department";
    # the lower-case one is a link of "state-run media").
    while (
        start <= end
        and toks[start].lower in _SPEAKER_LINK
        and (toks[start].lower in ("the", "a", "an") or not toks[start].text[:1].isupper())
    ):
        start += 1
    if start > end:
        return None
    return _make_speaker(toks[start : end + 1], text)


def _speaker_after(toks: list[Token], i: int, text: str) -> Speaker | None:
    """The speaker after ``said``/``according to`` (", said Hua Chunying.")."""
    j = i + 1
    # ``lower``, not ``key``: a token's key folds doubled letters ("according" -> "acording").
    if toks[i].lower == "according" and j < len(toks) and toks[j].lower == "to":
        j += 1
        # "according to data from the US Geological Survey": the source is who gave the data.
        if (
            j + 1 < len(toks)
            and toks[j].lower in _RELAYED_MATTER
            and toks[j + 1].lower in ("from", "by", "of")
        ):
            j += 2
    start = j
    while j < len(toks) and j - start < 9:
        if _speaker_word(toks[j], text[toks[j - 1].end : toks[j].start] if j > start else ""):
            j += 1
            continue
        break
    phrase = toks[start:j]
    while phrase and phrase[-1].lower in _SPEAKER_LINK:
        phrase = phrase[:-1]
    while phrase and phrase[0].lower in ("the", "a", "an"):
        phrase = phrase[1:]
    if not phrase:
        return None
    return _make_speaker(phrase, text)


def _make_speaker(phrase: list[Token], text: str) -> Speaker | None:
    names = frozenset(
        t.key
        for t in phrase
        if is_name(t, text)
        and t.key not in FUNCTION_WORDS
        and t.lower not in VAGUE_SOURCES
        and t.lower not in TITLE_WORDS
    )
    vague_heads = [t for t in phrase if t.lower in VAGUE_SOURCES]
    if not names and not vague_heads and not any(_role(t, text) for t in phrase):
        return None
    heads = [t.lower for t in phrase if t.lower in _BODY_HEADS]
    body = None
    if heads:
        qualifiers = [
            t
            for t in phrase
            if t.text[:1].isupper() and t.lower not in _BODY_HEADS and t.key not in FUNCTION_WORDS
        ]
        # Singular: "ministries" -> "ministry". A nationality does not tell two bodies apart
        # ("the Chinese ministry" may be its Foreign Ministry). Qualifiers compare by spelling
        # key; nationalities are read as written (a key folds "Russian" to "rusian").
        head = re.sub(r"ies$", "y", heads[-1]).removesuffix("s")
        body = (head, frozenset(t.key for t in qualifiers if not is_demonym(t.text)))
        nations = frozenset(t.text for t in qualifiers if is_demonym(t.text))
    return Speaker(
        phrase[0].start,
        phrase[-1].end,
        names,
        bool(vague_heads) and not _has_person(phrase),
        body,
        nations if heads else frozenset(),
    )


def _roles(speakers: list[Speaker], text: str) -> tuple[set[str], set[str]]:
    """The role words of ``speakers`` ("spokesperson", "resident", "coach") and the names that
    follow the last of them in a phrase: the person in that role ("coach **Sean Payton**";
    not "**Bukit Sama** village resident", where the name says where the resident lives)."""
    roles: set[str] = set()
    persons: set[str] = set()
    for sp in speakers:
        toks = [t for t in tokens(text) if sp.start <= t.start < sp.end]
        at = [
            k
            for k, t in enumerate(toks)
            if t.lower in VAGUE_SOURCES or t.lower in TITLE_WORDS or _role(t, text)
        ]
        roles.update(toks[k].lower.removesuffix("s") for k in at)
        if at:
            persons.update(t.key for t in toks[at[-1] + 1 :] if t.key in sp.names)
    return roles, persons


def _other_roles(x: set[str], y: set[str]) -> bool:
    """Whether two sources named by role only are two sources: roles they do not share, and
    not both words for officialdom ("police" / "officials" / "investigators" may be one
    source, told two ways)."""
    if not x or not y or x & y:
        return False
    return not (x <= _OFFICIAL_ROLES and y <= _OFFICIAL_ROLES)


#: Roles (as :func:`_roles` reads them: lower case, a final "s" dropped) that all speak for
#: the authorities.
_OFFICIAL_ROLES = frozenset(
    w.removesuffix("s")
    for w in (
        "official officials authorities authority police policeman policemen officer officers "
        "cop cops "
        "investigator investigators detective detectives trooper troopers spokesman "
        "spokeswoman spokesperson spokespeople government agency ministry source sources "
        "aide aides department"
    ).split()
)


#: Words for a source that could be anyone in any post ("a Chinese **official**", "a
#: **source**"): a named person may be the one meant, whatever their title.
_GENERIC_ROLES = frozenset(
    "official source person people insider aide government authoritie authority media report "
    "statement agency ministry".split()
)


def _has_person(phrase: list[Token]) -> bool:
    # "Spokesperson Hua Chunying": a title followed by a name is specific.
    caps = [t for t in phrase if t.text[:1].isupper() and t.lower not in VAGUE_SOURCES]
    return len(caps) >= 2 and not any(t.key in ("ministry", "government", "office") for t in phrase)


_TELL_VERBS = frozenset({"told", "tells", "tell", "telling"})


def find_speakers(text: str) -> list[Speaker]:
    """Who the claim attributes its content to: "X said", "said X", "according to X"."""
    toks = tokens(text)
    out: list[Speaker] = []
    for i, t in enumerate(toks):
        if t.lower not in ATTRIBUTION_VERBS:
            continue
        sp = None
        if t.lower == "according":
            if i + 1 < len(toks) and toks[i + 1].lower == "to":
                sp = _speaker_after(toks, i, text)
        else:
            sp = _speaker_before(toks, i, text)
            if (
                sp is None
                and t.lower not in _TELL_VERBS  # "a resident told AP": AP is told, not telling
                and i + 1 < len(toks)
                and (toks[i + 1].text[:1].isupper() or _inverted(toks, i, text))
            ):
                sp = _speaker_after(toks, i, text)
        if sp is not None and all(sp.start != o.start for o in out):
            out.append(attrs.evolve(sp, verb=t.lower))
    return out


#: What a source gives rather than is: "according to **data from** the USGS".
_RELAYED_MATTER = frozenset("data figures statistics estimates records reports".split())


def _nations(speakers: list[Speaker], text: str) -> set[str]:
    """The countries a claim's speakers speak for, as written: a people's word ("Indonesian
    officials") or a country WordNet knows ("Japan's Meteorological Agency", "the US
    Geological Survey")."""
    out: set[str] = set()
    for sp in speakers:
        for t in tokens(text[sp.start : sp.end]):
            word = re.sub(r"['’]s?$", "", t.text)
            if word[:1].isupper() and (is_demonym(word) or place_scale(word) == "country"):
                out.add(word)
    return out


def _inverted(toks: list[Token], i: int, text: str) -> bool:
    """Whether the attribution verb at ``i`` follows a comma and its speaker comes after it,
    opened by an article (", said **a spokesman** for the troopers", ", said the coach"): after
    a comma, no statement follows "said" ("He said the company would ..." is not this)."""
    return (
        i > 0
        and "," in text[toks[i - 1].end : toks[i].start]
        and i + 2 < len(toks)
        and toks[i + 1].lower in ("a", "an", "the")
        and _speaker_word(toks[i + 2], text[toks[i + 1].end : toks[i + 2].start])
    )


def _different_bodies(x: Speaker, y: Speaker) -> bool:
    """Two bodies of one kind told apart by their qualifiers ("the Interior" / "the Health
    Ministry") or by their countries ("the Chinese" / "the Russian Foreign Ministry")."""
    if x.body is None or y.body is None or x.body[0] != y.body[0]:
        return False
    qx, qy = x.body[1], y.body[1]
    if qx and qy and qx.isdisjoint(qy):
        return True
    return bool(x.nations and y.nations) and not any(
        same_entity(n, m) for n in x.nations for m in y.nations
    )


def _speaker_name(text: str, speaker: Speaker) -> str:
    """A speaker's name as written, without a leading article: "California Highway Patrol"."""
    return _ARTICLE.sub("", text[speaker.start : speaker.end])


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


class AttributionDetector:
    """A different or vaguer source (``kind="attribution"``).

    Speakers are read from "X said", "said X" and "according to X". Named speakers that share
    no name (up to partial names and spelling variants) are a different source (high); a named
    speaker against only a vague one ("Hua Chunying said" vs "a spokesperson said") is less
    specific (low severity). A claim without attribution is not compared.
    """

    name = "attribution"

    def _other_source(self, a: str, b: str, x: Speaker, y: Speaker, what: str) -> Divergence:
        return finding(
            "attribution",
            self.name,
            a,
            b,
            (x.start, x.end),
            (y.start, y.end),
            f"attributed to different {what}: '{a[x.start : x.end]}' vs '{b[y.start : y.end]}'",
            0.75,
        )

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        sa = _statement_sources(find_speakers(a.text))
        sb = _statement_sources(find_speakers(b.text))
        if not sa or not sb:
            return
        # Who said it matters for the same quote, or the same statement word for word. Two
        # outlets that source one fact to different people (the police, a spokesman, a
        # relative), each in their own words, are usually both right.
        quoted = any(
            len(_content(x.keys) & _content(y.keys))
            / max(1, min(len(_content(x.keys)), len(_content(y.keys))))
            >= 0.5
            and _one_utterance(x, y)
            for x in find_quotes(a.text)
            for y in find_quotes(b.text)
        )
        if not quoted and _statement_overlap(token_diff(a.text, b.text), sa, sb) < 0.9:
            return
        # Two bodies of one kind told apart by what qualifies them: "the Interior Ministry" /
        # "the Health Ministry" share the word "Ministry", not the source.
        bodies = next(((x, y) for x in sa for y in sb if _different_bodies(x, y)), None)
        if bodies is not None:
            yield self._other_source(a.text, b.text, *bodies, "bodies")
            return
        # Sources of two countries ("Japan's Meteorological Agency" / "Indonesian officials",
        # "the US Geological Survey" / "Indonesia's meteorology agency").
        # One source each: a claim that also says who relayed it ("..., U.S. officials said")
        # names the countries of two speakers.
        nations_a, nations_b = _nations(sa, a.text), _nations(sb, b.text)
        if (
            len(sa) == len(sb) == 1
            and nations_a
            and nations_b
            and not any(same_entity(x, y) for x in nations_a for y in nations_b)
        ):
            yield self._other_source(a.text, b.text, sa[0], sb[0], "sources")
            return
        named_a = [s for s in sa if s.names and not s.vague]
        named_b = [s for s in sb if s.names and not s.vague]
        names_a = set().union(*(s.names for s in sa))
        names_b = set().union(*(s.names for s in sb))
        roles_a, persons_a = _roles(sa, a.text)
        roles_b, persons_b = _roles(sb, b.text)
        if (
            persons_a
            and persons_b
            and persons_a.isdisjoint(persons_b)
            and not any(same_entity(x, y) for x in persons_a for y in persons_b)
        ):
            # Two people named in their roles, whatever body both belong to: "Colts coach
            # Tony Dungy said" / "Colts quarterback Peyton Manning said".
            yield self._other_source(a.text, b.text, sa[0], sb[0], "people")
            return
        if names_a & names_b or any(same_entity(x, y) for x in names_a for y in names_b):
            return
        if any(
            same_entity(_speaker_name(a.text, x), _speaker_name(b.text, y))
            for x in named_a
            for y in named_b
        ):
            return  # "the CHP said" / "the California Highway Patrol said": an acronym
        # A speaker named anywhere in the other claim ("..., said Gerry Kiely, a representative
        # in Washington" / "Gerry Kiely, a representative in Washington, said ...") is the same.
        keys_a = {t.key for t in tokens(a.text)}
        keys_b = {t.key for t in tokens(b.text)}
        if (names_a and names_a <= keys_b) or (names_b and names_b <= keys_a):
            return
        if not names_a and not names_b and _other_roles(roles_a, roles_b):
            # Sources named by their role only, one statement word for word: "police said" /
            # "neighbors said", "investigators say" / "relatives say".
            yield self._other_source(a.text, b.text, sa[0], sb[0], "sources")
            return
        if roles_a & roles_b and not (persons_a and persons_b):
            # Same role ("Spokesperson Hua Chunying" / "a spokesperson for the ministry", "a
            # Bukit Sama village resident" / "resident Bensu Elianita"): at most a difference
            # in how specific the source is. Two people named in it are two sources.
            x, y = sa[0], sb[0]
            if bool(names_a) != bool(names_b) or len(names_a) != len(names_b):
                who = "B" if len(names_a) > len(names_b) else "A"
                yield finding(
                    "attribution",
                    self.name,
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (y.start, y.end),
                    f"the same role, named differently: {who} gives a less specific source",
                    0.5,
                    "low",
                )
            return
        if named_a and named_b:
            yield self._other_source(a.text, b.text, named_a[0], named_b[0], "sources")
            return
        specific, vague = (named_a, sb) if named_a else (named_b, sa)
        own_a, own_b = roles_a - _GENERIC_ROLES, roles_b - _GENERIC_ROLES
        if (
            specific
            and all(s.vague or not s.names for s in vague)
            and own_a
            and own_b
            and own_a.isdisjoint(own_b)
        ):
            # A person named in one role against a source in another ("President Susilo
            # Bambang Yudhoyono told reporters" / "a local police chief told reporters"): not
            # the same source told less specifically.
            yield self._other_source(a.text, b.text, sa[0], sb[0], "sources")
            return
        if specific and all(s.vague or not s.names for s in vague):
            x = specific[0]
            y = vague[0]
            if specific is named_a:
                a_span, b_span, who = (x.start, x.end), (y.start, y.end), "B"
            else:
                a_span, b_span, who = (y.start, y.end), (x.start, x.end), "A"
            yield finding(
                "attribution",
                self.name,
                a.text,
                b.text,
                a_span,
                b_span,
                f"{who} names a less specific source",
                0.6,
                "low",
            )
