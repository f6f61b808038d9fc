"""Detectors that read the words two claims do not share: ``term``, ``negation``, ``entity``,
``modality``, ``omission`` / ``addition``.

All of them work from :func:`~claimcmp.text.diff.token_diff` or from the content words
only one claim has, so they judge *differences*, never a claim alone, and carry over to any
news text: they know English (antonyms, negators, hedges, news terms that are not synonyms),
not any particular story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from claimcmp.detectors.base import Severity, finding, same_role
from claimcmp.memo import memoize
from claimcmp.records import Divergence
from claimcmp.text.dates import DAY_PARTS, TimeMention, find_times
from claimcmp.text.diff import NEAR_COPY_RATIO, Edit, TokenDiff, token_diff
from claimcmp.text.lexicon import (
    APPROXIMATORS,
    ATTRIBUTION_VERBS,
    DEGREE_NEGATORS,
    FIGURE_QUALIFIERS,
    HEDGE_LEVELS,
    MEANING_PREFIXES,
    NEGATORS,
    PLAN_HEDGES,
    REPORTING_HEDGES,
    SYMMETRIC_PREDICATES,
    TERM_GROUPS,
    TITLE_WORDS,
    antonym_key,
    are_antonyms,
    prefix_change,
    stem,
)
from claimcmp.text.names import CALENDAR_WORDS, is_demonym, is_name, name_runs, same_entity
from claimcmp.text.normalize import PHRASE_BREAKS, Token, tokens
from claimcmp.text.places import city_and_nickname, place_scale
from claimcmp.text.quantities import is_number_word, unit_of_word
from claimcmp.text.wordnet import (
    adjective_of,
    antonyms,
    base_forms,
    contrast_kind,
    is_agent,
    is_common_word,
    opposed_through_synonym,
    relation,
    sister_kind,
)

if TYPE_CHECKING:
    from claimcmp.protocols import ClaimText
    from claimcmp.text.quantities import Quantity

__all__ = [
    "EntityDetector",
    "ModalityDetector",
    "NegationDetector",
    "OmissionDetector",
    "TermDetector",
]


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million billion trillion dozen dozens first second third fourth fifth "
    "sixth seventh eighth ninth tenth half".split()
)
_HEDGE_WORDS = frozenset(w for h in HEDGE_LEVELS for w in h.split())
# "nearly twice the level": an approximation of a figure, like "nearly 200".
# Words before a verb that leave it unasserted: "against providing", "of using", "to send".
_NOT_ASSERTING = frozenset("against of about from to for without on over".split())
_MULTIPLES = frozenset("twice thrice double triple quadruple half".split())
#: Verbs that make what follows an estimate or a belief: "Microsoft **estimated** that one in 500
#: users had been exposed" is no more certain than "... **estimated** that 0.2% may have been".
_ESTIMATING = frozenset(
    "estimate estimates estimated estimating believe believes believed think thinks thought "
    "suspect suspects suspected fear fears feared assume assumes assumed guess guessed "
    "reckon reckons reckoned".split()
)
#: Verbs that report a statement as someone's claim, which the writer does not vouch for:
#: "critics **claim** the rule weakened the act", "prosecutors **allege** he fired first".
_CLAIMING = frozenset(
    "claim claims claimed claiming allege alleges alleged alleging contend contends contended "
    "contending".split()
)
#: How far before the statement (in tokens) its estimating verb may stand, within one clause.
ESTIMATE_REACH = 12


def _plain_word(tok: Token) -> bool:
    """A word another detector does not own: not a figure, date, hedge, negator or name."""
    w = tok.lower
    return (
        tok.text[:1].isalpha()
        and not tok.text[:1].isupper()
        and w not in CALENDAR_WORDS
        and w not in _NUMBER_WORDS
        and w not in _HEDGE_WORDS
        and tok.key not in NEGATORS
        and w not in APPROXIMATORS
    )


def _neighbour(toks: tuple[Token, ...], index: int, step: int) -> int | None:
    """The next content word after (``step=1``) or before (``-1``) the token at ``index``,
    qualifiers of a figure ("at least", "more than") skipped."""
    i = index + step
    while 0 <= i < len(toks) and (not toks[i].content or toks[i].lower in FIGURE_QUALIFIERS):
        i += step
    return i if 0 <= i < len(toks) else None


def _same_left(d: TokenDiff, x: Token, y: Token) -> bool:
    """The content words right before ``x`` (in A) and ``y`` (in B) correspond."""
    i, j = _neighbour(d.a, d.index_in_a(x), -1), _neighbour(d.b, d.index_in_b(y), -1)
    return i is not None and j is not None and d.counterpart_in_b(i) == j


def _same_right(d: TokenDiff, x: Token, y: Token) -> bool:
    """The content words right after ``x`` and ``y`` correspond (or one claim ends there)."""
    i, j = _neighbour(d.a, d.index_in_a(x), 1), _neighbour(d.b, d.index_in_b(y), 1)
    if i is None or j is None:
        return True
    return d.counterpart_in_b(i) == j


def _in_frame(d: TokenDiff, x: Token, y: Token) -> bool:
    """Whether ``x`` and ``y`` stand in one frame of two reworded claims: the content words
    after them correspond ("**killed** three people" / "**injured** three people"), both
    claims end there ("killing one **soldier**." / "killing an American **civilian**."), or
    one claim ends there and the words before them correspond ("a strategic **partnership**
    during" / "a strategic **alliance**."). A word that ends one claim with nothing shared
    around it ("denied the **attack** occurred" / "denied any links to the **raid**") may
    be told of anything."""
    i, j = _neighbour(d.a, d.index_in_a(x), 1), _neighbour(d.b, d.index_in_b(y), 1)
    if i is not None and j is not None:
        return d.counterpart_in_b(i) == j
    return (i is None and j is None) or _same_left(d, x, y)


def _in_quantities(text: str, *, ages: bool = True) -> Callable[[Token], bool]:
    """Whether a token stands inside a figure of ``text`` (``ages=False``: inside a figure
    other than an age, whose unit word no detector of values compares)."""
    from claimcmp.text.quantities import find_quantities

    spans = [(q.start, q.end) for q in find_quantities(text) if ages or q.category != "age"]
    return lambda t: any(s <= t.start < e for s, e in spans)


def _opposed(x: str, y: str, related: str, *, lone: bool) -> bool:
    """Whether WordNet makes two lower-cased words opposites (``related``: their
    :func:`~claimcmp.text.wordnet.relation`; ``lone``: one word swapped for one other in a
    near-copy). The negation detector reports them; the term detector leaves them to it."""
    if related == "antonym":
        return True
    # Adverbs made from opposite adjectives: "commonly" / "rarely", "widely" / "narrowly".
    adj_x, adj_y = adjective_of(x), adjective_of(y)
    if adj_x and adj_y and relation(adj_x, adj_y) == "antonym":
        return True
    # Opposites through a synonym ("lowered" / "increased": "lower" is the opposite of
    # "raise", which shares a sense with "increase") only for a lone word swapped in one
    # slot of a near-copy: between two rewordings, chains of senses oppose words that are
    # not opposites ("checks into" / "is moving to", "the original warehouse" / "the old
    # warehouse", "Del Rio's initial season" / "they went 5-11"). Two words
    # that share a sense are not opposites, whatever the chain ("newest" / "latest").
    return (
        lone
        and related in ("unrelated", "sister")
        and not (is_number_word(x) or is_number_word(y))
        and opposed_through_synonym(x, y)
    )


def _figure_word(word: str) -> bool:
    """A word that writes a figure: "10-year", "one-year", "two-thirds", "5th"."""
    return any(ch.isdigit() for ch in word) or any(
        is_number_word(part) for part in word.split("-") if part
    )


def _opposable(tok: Token) -> bool:
    """A plain word, an ordinal word ("first" / "last"), or a hedge: how sure a claim is belongs
    to the modality detector, but "likely" / "unlikely" and "possible" / "impossible" are
    opposites. An acronym too, against itself negated ("GAAP" / "non-GAAP")."""
    if tok.text[:1].isupper():
        return len(tok.text) > 1 and tok.text.isalpha() and tok.text.isupper()
    return _plain_word(tok) or tok.lower in _NUMBER_WORDS or tok.lower in _HEDGE_WORDS


def _swap_words(
    e: Edit, limit: int = 3, word: Callable[[Token], bool] = _plain_word
) -> tuple[list[Token], list[Token]]:
    """The unmatched plain words of a replaced slot, if the slot is small enough to be a swap."""
    if e.op != "replace":
        return [], []
    xs = [t for t in e.a_free if word(t)]
    ys = [t for t in e.b_free if word(t)]
    if len(xs) > limit or len(ys) > limit:
        return [], []
    return xs, ys


# --------------------------------------------------------------------- term

#: WordNet's kinds of ideas, activities and states: in SummEdits' training pairs, two sister
#: words of these kinds were swapped in paraphrases more often than in edits, two sister things,
#: people, foods or colours rarely (docs/lexical-knowledge.md).
ABSTRACT_KINDS = frozenset(
    {"noun.act", "noun.cognition", "noun.state", "noun.feeling", "noun.motive", "noun.relation"}
)


def _time_or_unit_swap(x: Token, y: Token) -> tuple[str, str, str] | None:
    """A part of the day or a unit word swapped for another without its figure: the finding's
    kind, rule suffix and explanation, or None."""
    px, py = DAY_PARTS.get(x.lower), DAY_PARTS.get(y.lower)
    if px and py and px != py:
        # "killed Wednesday **night**" / "killed Wednesday **morning**".
        return "date", "time", f"another time of day: '{x.text}' vs '{y.text}'"
    units = _unit_swap(x, y)
    if units is not None:
        why = f"'{x.text}' is replaced by '{y.text}': another unit of {units}, so another quantity"
        return "unit", "unit", why
    return None


def _unit_swap(x: Token, y: Token) -> str | None:
    """The dimension of two unit words of one dimension swapped without their figure ("for a
    **week**" / "for a **month**", "the final **hours**" / "the final **days**", "a
    half-**liter**" / "a half-**gallon**"), or None."""
    parts_x, parts_y = x.text.lower().split("-"), y.text.lower().split("-")
    differ = [(p, q) for p, q in zip(parts_x, parts_y, strict=False) if p != q]
    if len(parts_x) != len(parts_y) or len(differ) != 1:
        return None  # "a half-**liter**", "a 2-**month**-old": one part of the word swapped
    wx, wy = differ[0]
    ux, uy = unit_of_word(wx), unit_of_word(wy)
    if ux is None or uy is None or ux[0] == uy[0] or ux[1] != uy[1]:
        return None
    return {"[time]": "time", "[length]": "length", "[length] ** 3": "volume"}.get(ux[1], "measure")


class TermDetector:
    """A key word swapped for one that means something else (``kind="term"``).

    Only words that stand in the same slot of the two claims are compared (see
    :func:`~claimcmp.text.diff.token_diff`); words that correspond in meaning are matched
    there and never reach this detector. Of a swapped pair:

    * two words of one field of :data:`~claimcmp.text.lexicon.TERM_GROUPS` (or of the
      ``glossary``) from different classes — ``partnership`` / ``alliance``, ``killed`` /
      ``died``, ``arrested`` / ``detained`` — is a different term (high);
    * two WordNet *sister* terms — another thing of the same kind: ``blue`` / ``white``,
      ``Monday`` / ``Tuesday``, ``car`` / ``truck`` — is a different term (high) between
      otherwise identical claims, a low-severity hint between reworded ones;
    * a lone word swapped for a word WordNet does not relate to it (``invasion`` /
      ``annexation``, but also ``soon`` / ``quickly``) is listed at low severity: a hint, as
      often rewording as a changed fact, which never makes a divergence on its own.

    ``use_builtin=False`` keeps only the glossary (and drops the WordNet rules).
    """

    name = "term"

    def __init__(self, glossary: Iterable[Iterable[str]] = (), *, use_builtin: bool = True) -> None:
        # A glossary group lists terms that are all distinct: one class per word.
        fields = [tuple(frozenset([w.lower()]) for w in g) for g in glossary]
        if use_builtin:
            fields = list(TERM_GROUPS) + fields
        self.use_builtin = use_builtin
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
        # A lone word swapped for an unrelated one is a changed fact only between two tellings
        # that are otherwise the same; between reworded sentences it is rewording.
        near_identical = d.content_overlap >= 0.75 and len(d.only_a) <= 3 and len(d.only_b) <= 3
        reported: set[int] = set()
        # Words inside a figure ("m" of "€75m", "euros" of "75 million euros") are the number
        # and unit detectors'.
        in_a = _in_quantities(a.text)
        in_b = _in_quantities(b.text)
        in_measure_a = _in_quantities(a.text, ages=False)
        in_measure_b = _in_quantities(b.text, ages=False)
        for e in d.edits:
            # A unit word swapped without its figure (calendar words included: "for a
            # **week**" is a span of time, not a date).
            fx = [x for x in e.a_free if not in_measure_a(x)]
            fy = [y for y in e.b_free if not in_measure_b(y)]
            if e.op == "replace" and e.anchored and near_identical and len(fx) == len(fy) == 1:
                x, y = fx[0], fy[0]
                swapped = _time_or_unit_swap(x, y)
                if swapped is not None:
                    kind, rule, why = swapped
                    reported.add(y.start)
                    yield finding(
                        kind,
                        f"{self.name}:{rule}",
                        a.text,
                        b.text,
                        (x.start, x.end),
                        (y.start, y.end),
                        why,
                        0.85,
                    )
                    continue
            xs, ys = _swap_words(e)
            xs = [x for x in xs if not in_a(x)]
            ys = [y for y in ys if not in_b(y)]
            if not xs or not ys or not e.anchored:
                continue
            if len(xs) == len(ys) == 1 and d.ratio >= NEAR_COPY_RATIO:
                prefixed = self._prefixed(a.text, b.text, xs[0], ys[0])
                if prefixed is not None:
                    reported.add(ys[0].start)
                    yield prefixed
                    continue
            used: set[int] = set()
            for x in xs:
                for y in ys:
                    if y.start in used:
                        continue
                    found = self._swap(a.text, b.text, x, y, d, near_identical)
                    if found is not None:
                        used.add(y.start)
                        yield found
                        break
            reported.update(used)
            if used or len(xs) != 1 or len(ys) != 1 or not self.use_builtin or not near_identical:
                continue
            x, y = xs[0], ys[0]
            wx, wy = _without_owner(x), _without_owner(y)
            related = relation(wx, wy)
            if (
                related in ("unrelated", "unknown")
                and not are_antonyms(wx, wy)
                # Opposites are the negation detector's finding, not a hint of another term.
                and not _opposed(wx, wy, related, lone=d.ratio >= NEAR_COPY_RATIO)
            ):
                reported.add(y.start)
                yield finding(
                    "term",
                    f"{self.name}:swap",
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (y.start, y.end),
                    f"'{x.text}' is replaced by '{y.text}', a word WordNet does not relate to it: "
                    "a changed fact, or the same told in other words",
                    0.5,
                    # A hint, never a conflict on its own: as often rewording as a changed fact
                    # ("as soon as possible" / "as quickly as possible", "is dead" / "died";
                    # SummEdits' lone unrelated swaps are half of each).
                    "low",
                )
        # Words the alignment matched by meaning (a WordNet synonym or a more general word) that
        # the lists or the glossary keep apart: "**detained**" / "**jailed**", "**charges**" /
        # "**indictment**", "a life **sentence**" / "a life **conviction**". Editors' distinctions
        # win over WordNet's.
        for i, j, level in d.matches:
            x, y = d.a[i], d.b[j]
            if level not in ("synonym", "general") or not (_plain_word(x) and _plain_word(y)):
                continue
            if self._distinct(x, y):
                found = self._swap(a.text, b.text, x, y, d, near_identical)
                if found is not None:
                    reported.add(y.start)
                    yield found
        # Terms moved elsewhere in the sentence but in the same role: "a comprehensive strategic
        # **partnership**" / "... to a comprehensive strategic **alliance**."
        for x in d.only_a:
            if not _plain_word(x) or in_a(x):
                continue
            for y in d.only_b:
                if y.start in reported or not _plain_word(y) or in_b(y):
                    continue
                if not _same_left(d, x, y):
                    continue
                found = self._swap(a.text, b.text, x, y, d, near_identical)
                if found is not None:
                    reported.add(y.start)
                    yield found
                    break

    def _prefixed(self, a: str, b: str, x: Token, y: Token) -> Divergence | None:
        """A finding for one word swapped for itself with a prefix that makes it another thing
        ("roommate" / "ex-roommate", "pre-pandemic" / "pandemic", "semifinal" / "final"), in
        an otherwise identical claim; None for any other pair."""
        wx, wy = _without_owner(x), _without_owner(y)
        prefixes = prefix_change(wx, wy)
        if not self.use_builtin or prefixes is None or are_antonyms(wx, wy):
            return None  # opposites ("pre-war" / "post-war") are the negation detector's
        which = "; ".join(
            f"'{t.text}' has '{p}-' ({MEANING_PREFIXES[p]})"
            for t, p in zip((x, y), prefixes, strict=True)
            if p
        )
        return finding(
            "term",
            f"{self.name}:prefix",
            a,
            b,
            (x.start, x.end),
            (y.start, y.end),
            f"one word with another prefix, so not the same thing: {which}",
            0.8,
        )

    def _swap(
        self, a: str, b: str, x: Token, y: Token, d: TokenDiff, near_identical: bool
    ) -> Divergence | None:
        """A finding for two words in the same role, if they are different terms.

        ``detector`` says which knowledge decided: ``"term"`` (the lists or the glossary),
        ``"term:wordnet"`` (sister terms, or two of a kind of
        :data:`~claimcmp.text.wordnet.CONTRAST_KINDS`), ``"term:swap"`` (an unrelated lone
        word). Between two
        sentences worded differently, a listed pair counts only when what follows corresponds
        too ("**killed** three people" / "**injured** three people", not "injuring five
        people" / "killing one person": both can be true), and WordNet sisters are only a hint
        ("military operations" / "military onslaught").
        """
        if self._distinct(x, y):
            if not near_identical and not _in_frame(d, x, y):
                return None
            if _counts_differ(a, x, b, y):
                # "**Twelve** people were **killed**" / "**around 50** people were **injured**":
                # two counts, each of its own outcome, both true; not one outcome misnamed.
                return None
            rule, why, conf, severity = self.name, "a different term, not a synonym", 0.85, "high"
        elif self.use_builtin and (kinds := contrast_kind(x.lower, y.lower)) is not None:
            # Of a kind whose members news does not swap, however far apart WordNet files
            # them ("an ankle injury" / "a hamstring injury") and though some are acts, which
            # sisters are not decisive for ("burglary" / "fraud").
            rule, why = f"{self.name}:wordnet", f"two different {kinds}"
            conf, severity = (0.8, "high") if near_identical else (0.3, "low")
        elif self.use_builtin and (kind := sister_kind(x.lower, y.lower)) is not None:
            rule, why = f"{self.name}:wordnet", "two different things of one kind"
            # Between reworded sentences a sister term is mostly rewording ("troops" / "army",
            # "war" / "assault"): listed as a hint, not flagged. So are two ideas or two
            # activities of one kind ("verification" / "validation", "instructions" /
            # "guidance"), which writers swap for each other; two things ("milk" / "butter",
            # "station" / "airport"), people or colours are not swapped so.
            decisive = near_identical and kind not in ABSTRACT_KINDS
            conf, severity = (0.8, "high") if decisive else (0.3, "low")
        else:
            return None
        return finding(
            "term",
            rule,
            a,
            b,
            (x.start, x.end),
            (y.start, y.end),
            f"'{x.text}' and '{y.text}' are not interchangeable: {why}",
            conf,
            severity,  # type: ignore[arg-type]
        )


def _counts_differ(a: str, x: Token, b: str, y: Token) -> bool:
    """Whether ``x`` and ``y`` are each said of a count ("**Twelve people were** killed",
    "**50 people** injured") and the two counts differ."""
    qa, qb = _count_before(a, x), _count_before(b, y)
    return qa is not None and qb is not None and (qa.value, qa.upper) != (qb.value, qb.upper)


#: A count and what it counts, then auxiliaries, right before a word: "Twelve people were ".
_COUNT_SUBJECT = re.compile(
    r"^\s*(?:[A-Za-z-]+\s+){1,2}(?:(?:were|was|are|is|have|has|had|been|being)\s+){0,3}$"
)


def _count_before(text: str, tok: Token) -> Quantity | None:
    """The count whose subject ``tok`` is said of, if one stands right before it (at most
    two words of what it counts and a few auxiliaries between, no punctuation)."""
    from claimcmp.text.quantities import find_quantities

    before = [q for q in find_quantities(text) if q.end <= tok.start]
    if not before:
        return None
    q = before[-1]
    return q if _COUNT_SUBJECT.match(text[q.end : tok.start]) else None


# ----------------------------------------------------------------- negation


#: The share of content words two claims worded apart must have in common for a negator in
#: one to deny what the other asserts (:attr:`~claimcmp.text.diff.TokenDiff.content_overlap`).
#: When the rule was made (commit b5538d0), 11 of the 12 such denials among the training topics'
#: report divergences that the readers labelled (``report_divergence_labels.jsonl``, set "dev")
#: were false alarms; the twelfth was a degree word ("nearly destroyed" / "burned to the
#: ground"), which stays decisive. Per-kind figures today: docs/benchmarks.md.
_DENIAL_OVERLAP = 0.75


class NegationDetector:
    """Polarity flips (``kind="negation"``): a negator added or removed, or an antonym swapped in.

    ``not``/``no``/``never``/``n't``/``without`` in one claim and not the other, at the same
    place; or opposites (rose/fell, including/excluding, confirmed/denied, certainty/uncertainty)
    each found in only one claim. ``antonyms`` adds pairs.
    """

    name = "negation"

    def __init__(
        self, antonyms: Iterable[tuple[str, str]] = (), *, use_builtin: bool = True
    ) -> None:
        self._extra = {antonym_key(x, y) for x, y in antonyms}
        self.use_builtin = use_builtin  # False: the word lists only, no WordNet antonyms

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        found = list(self._findings(a, b))
        n_a = sum(1 for t in d.a if _negator(t, d.a, a.text))
        n_b = sum(1 for t in d.b if _negator(t, d.b, b.text))
        inserted = [f for f in found if not f.explanation.startswith("opposites")]
        opposites = [f for f in found if f.explanation.startswith("opposites")]
        if n_a == n_b:
            # "is not clear" / "no clear successor": one negator each, placed differently.
            inserted = []
        for f in list(inserted):
            # "would not stop" / "would continue": a negator next to an opposite cancels it.
            near = next((o for o in opposites if _cancels(f, o)), None)
            if near is not None:
                inserted.remove(f)
                opposites.remove(near)
        # The same when the negator itself was not reported (it negates the opposite word only).
        opposites = [
            o
            for o in opposites
            if _negated(d.a, o.a_span, a.text) == _negated(d.b, o.b_span, b.text)
            # "10 a.m." / "1 p.m.": the date detector compares times of day.
            and not _in_time(o.a_span, a.text)
            and not _in_time(o.b_span, b.text)
        ]
        found_spans = [(f.a_span, f.b_span) for f in inserted + opposites]
        left = [
            w
            for w in _withdrawn(a.text, b.text, self.name)
            if not any(_near(w.a_span, x, 0) or _near(w.b_span, y, 0) for x, y in found_spans)
        ]
        yield from sorted(inserted + opposites + left, key=lambda f: f.a_span or (0, 0))

    def _findings(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        reported: set[int] = set()
        # Negators without a counterpart on each side: one that only moved ("currently not
        # insured" / "not currently insured") stands unmatched on both sides.
        loose_a = Counter(t.lower for t in d.only_a if _negator(t, d.a, a.text))
        loose_b = Counter(t.lower for t in d.only_b if _negator(t, d.b, b.text))
        for e in d.edits:
            rewritten = len(e.a_tokens) > 6 or len(e.b_tokens) > 6
            neg_a = [t for t in e.a_tokens if _negator(t, d.a, a.text)]
            neg_b = [t for t in e.b_tokens if _negator(t, d.b, b.text)]
            if rewritten:
                # A rewritten stretch, not an inserted negator; but a degree word keeps its
                # weight there ("was **nearly** destroyed by a fire" / "the fire that destroyed
                # the warehouse"): it denies only the word right after it.
                neg_a = [t for t in neg_a if t.lower in DEGREE_NEGATORS]
                neg_b = [t for t in neg_b if t.lower in DEGREE_NEGATORS]
                if not neg_a and not neg_b:
                    continue
            if bool(neg_a) == bool(neg_b):
                continue
            side_neg = neg_a or neg_b
            tok = side_neg[0]
            if (loose_b if neg_a else loose_a)[tok.lower] >= (loose_a if neg_a else loose_b)[
                tok.lower
            ]:
                continue  # the same negator, moved
            denied = _negates_shared_predicate(d, tok, bool(neg_a), (a.text, b.text))
            if denied is None:
                continue  # "not" before words the other claim does not have: another statement
            # The other side's span: the word the other claim asserts and this one denies
            # ("would **not** be **harmed**" / "will **harm**"), wherever the alignment put it.
            a_span: tuple[int, int] | None
            b_span: tuple[int, int] | None
            if neg_b:
                other = (d.a[denied].start, d.a[denied].end)
                a_span, b_span = other, (tok.start, tok.end)
                expl = f"B negates what A asserts ('{tok.text}' added)"
            else:
                other = (d.b[denied].start, d.b[denied].end)
                a_span, b_span = (tok.start, tok.end), other
                expl = f"A negates what B asserts ('{tok.text}' is only in A)"
            reported.add(tok.start)
            if (
                d.ratio < NEAR_COPY_RATIO
                and d.content_overlap < _DENIAL_OVERLAP
                and tok.lower not in DEGREE_NEGATORS
            ):
                # Two tellings that share few of their words: a "not" in one is far more often
                # another statement than a denial ("four others did **not** practice" / "added
                # off the **practice** squad"), so it is listed, but it does not decide.
                yield finding(
                    "negation",
                    self.name,
                    a.text,
                    b.text,
                    a_span,
                    b_span,
                    f"{expl} — but the two claims share few words, so this may be another "
                    "statement rather than a denial",
                    0.45,
                    "medium",
                )
                continue
            yield finding("negation", self.name, a.text, b.text, a_span, b_span, expl, 0.85)
        # Opposites in the same slot ("rose" / "fell", "won" / "lost")...
        used: set[int] = set()
        used_a: set[int] = set()
        for e in d.edits:
            xs, ys = _swap_words(e, word=_opposable)
            # One word swapped for one other in a near-copy (an edited text, not a rewording).
            lone = e.anchored and len(xs) == len(ys) == 1 and d.ratio >= NEAR_COPY_RATIO
            for x in xs:
                y = next(
                    (
                        y
                        for y in ys
                        if y.start not in used
                        and self._opposites(x, y, d, lone=lone, texts=(a.text, b.text))
                        and _same_head(d, e, x, y)
                        and not _different_actions(d, x, y, (a.text, b.text))
                    ),
                    None,
                )
                if y is not None:
                    used.add(y.start)
                    used_a.add(x.start)
                    yield finding(
                        "negation",
                        self.name,
                        a.text,
                        b.text,
                        (x.start, x.end),
                        (y.start, y.end),
                        f"opposites: '{x.text}' vs '{y.text}'",
                        0.85,
                    )
        # Opposite relation words alone in a slot: "arrived **before** the meeting" / "arrived
        # **after** the meeting", "**over** budget" / "**under** budget" (prepositions are
        # function words, so the content-word passes never see them).
        for e in d.edits:
            if e.op != "replace" or not e.anchored or len(e.a_tokens) != 1 or len(e.b_tokens) != 1:
                continue
            x, y = e.a_tokens[0], e.b_tokens[0]
            if x.start in used_a or y.start in used or x.content or y.content:
                continue
            # About the same thing: "flew over the city" / "flew under the bridge" oppose nothing.
            if are_antonyms(x.lower, y.lower, self._extra) and _same_right(d, x, y):
                used.add(y.start)
                used_a.add(x.start)
                yield finding(
                    "negation",
                    self.name,
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (y.start, y.end),
                    f"opposites: '{x.text}' vs '{y.text}'",
                    0.85,
                )
        # ...and, between two tellings of one fact that share nearly all their words, opposites
        # wherever they stand, as long as they fill the same role ("sales fell in March" / "in
        # March, sales rose"; not "cost increases exceeding 10%" / "guidance remains stable").
        if d.content_overlap < 0.7:
            return
        only_b = [y for y in d.only_b if _plain_word(y)]
        for x in d.only_a:
            if x.start in used_a or not _plain_word(x):
                continue
            y = next(
                (
                    y
                    for y in only_b
                    if y.start not in used
                    and self._opposites(x, y, d, texts=(a.text, b.text))
                    and same_role(d, (x.start, x.end), (y.start, y.end))
                    and not _different_actions(d, x, y, (a.text, b.text))
                ),
                None,
            )
            if y is not None:
                used.add(y.start)
                yield finding(
                    "negation",
                    self.name,
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (y.start, y.end),
                    f"opposites: '{x.text}' vs '{y.text}'",
                    0.85,
                )

    def _opposites(
        self,
        x: Token,
        y: Token,
        d: TokenDiff,
        *,
        lone: bool = False,
        texts: tuple[str, str] | None = None,
    ) -> bool:
        wx, wy = _without_owner(x), _without_owner(y)
        if (
            texts is not None
            and d.ratio < NEAR_COPY_RATIO  # in one text edited, the sides stand where they were
            and {wx, wy} & _WIN_WORDS
            and {wx, wy} & _ALL_LOSS_WORDS
            and _two_sides_of_one_game(texts)
        ):
            return False
        # "the Bluejays defeated Drake" is their victory, not their defeat: the active verb
        # means winning, so it opposes only a loss ("the Bluejays lost to Drake").
        for word, toks, other in ((x, d.a, y), (y, d.b, x)):
            if _winning_verb(word, toks):
                return other.lower in _LOSS_WORDS
        if _figure_word(wx) and _figure_word(wy):
            # "one-year" / "two-year" (WordNet's "annual" / "biennial" plants): two figures,
            # which the number detector compares.
            return False
        if wx in _TIME_POSITIONS and wy in _TIME_POSITIONS and d.ratio < NEAR_COPY_RATIO:
            # Two tellings worded apart that place their statements at two times ("extensions
            # in the **past** season" / "excited about the **future**") tell two facts, not
            # one denied; when they date one event, the dates are the date detector's.
            return False
        if are_antonyms(wx, wy, self._extra):
            return True
        if {wx, wy} & ATTRIBUTION_VERBS:
            # "She said" is a statement's source: WordNet's opposite of "said" belongs to the
            # rare adjective ("the said agreement" / "the other agreement"). The lists still
            # oppose "confirmed" / "denied".
            return False
        if not self.use_builtin:
            return False
        if (
            not lone
            and texts is not None
            and _used_as_verb(d.a, d.index_in_a(x), texts[0])
            and _used_as_verb(d.b, d.index_in_b(y), texts[1])
        ):
            # Two verbs are opposites as verbs: "spent time at the clinic" / "has left the
            # clinic" oppose nothing, though WordNet's adjectives "spent" and "left" (what
            # remains) are opposites.
            return _verb_antonyms(wx, wy)
        return _opposed(wx, wy, relation(wx, wy), lone=lone)


def _verb_antonyms(x: str, y: str) -> bool:
    """Whether a verb base form of ``x`` and one of ``y`` are WordNet opposites (hire / fire,
    accept / refuse, leave / arrive)."""
    vx = {lemma for pos, lemma in base_forms(x) if pos == "v"}
    vy = {lemma for pos, lemma in base_forms(y) if pos == "v"}
    return any(ly in antonyms(lx) for lx in vx for ly in vy) or any(
        lx in antonyms(ly) for lx in vx for ly in vy
    )


#: Leaving something: "**pulled out of** negotiations", "**withdrew from** the talks", "**quit**
#: the race"; the word after it is what was left.
_WITHDRAWAL = re.compile(
    r"\b(?:pull(?:s|ed|ing)?\s+out\s+of|withdr(?:aw|aws|awing|awn|ew)\s+from|"
    r"walk(?:s|ed|ing)?\s+(?:out\s+of|away\s+from)|drop(?:s|ped|ping)?\s+out\s+of|"
    r"quit(?:s|ting)?|abandon(?:s|ed|ing)?|br(?:eak|eaks|eaking|oke|oken)\s+off|"
    r"exit(?:s|ed|ing)?)\s+(?:(?:the|its|their|his|her|our|all|further)\s+)?(?P<thing>[a-z][\w-]+)",
    re.I,
)
#: Taking part in something: "is **in** negotiations", "**joined** the talks", "**remains in**
#: the race", "**resumed** talks".
_TAKING_PART = re.compile(
    r"\b(?:in|into|join(?:s|ed|ing)?|rejoin(?:s|ed|ing)?|resum(?:e|es|ed|ing)|"
    r"continu(?:e|es|ed|ing)|enter(?:s|ed|ing)?|remain(?:s|ed|ing)?\s+in|stay(?:s|ed|ing)?\s+in)"
    r"\s+(?:(?:the|its|their|his|her|our|further)\s+)?(?P<thing>[a-z][\w-]+)",
    re.I,
)


def _withdrawn(a: str, b: str, detector: str) -> Iterator[Divergence]:
    """One claim has someone leave something the other has them take part in: "the union
    **pulled out of negotiations**" / "the union **is in negotiations**" (the editors' check
    found this pair called a paraphrase). Not when the other claim leaves it too, or denies
    taking part ("is no longer in negotiations")."""
    for own, other, own_is_a in ((a, b, True), (b, a, False)):
        if _WITHDRAWAL.search(other) is not None:
            continue
        for m in _WITHDRAWAL.finditer(own):
            thing = stem(m.group("thing"))
            part = next(
                (
                    p
                    for p in _TAKING_PART.finditer(other)
                    if stem(p.group("thing")) == thing
                    and not _NEGATED_BEFORE.search(other[max(0, p.start() - 25) : p.start()])
                ),
                None,
            )
            if part is None:
                continue
            left, joined = (m.start(), m.end()), (part.start(), part.end())
            a_span, b_span = (left, joined) if own_is_a else (joined, left)
            who = "A" if own_is_a else "B"
            yield finding(
                "negation",
                detector,
                a,
                b,
                a_span,
                b_span,
                f"{who} has '{own[slice(*left)]}' where the other claim has "
                f"'{other[slice(*joined)]}': leaving it against being in it or going into it",
                0.8,
            )
            return


_NEGATED_BEFORE = re.compile(r"\b(?:not|no longer|never|n't)\s+(?:\w+\s+)?$", re.I)


#: Verb forms of "defeat" and "beat": in the active voice ("X defeated Y") they tell a win.
_DEFEAT_VERBS = frozenset({"defeated", "defeats", "defeating", "beat", "beats", "beating"})
#: Words of losing, the only opposites of a win told as "X defeated Y".
_LOSS_WORDS = frozenset({"lost", "lose", "loses", "losing", "loss", "losses", "defeat", "beaten"})
_PASSIVE_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "getting"}
)


def _action_after(toks: tuple[Token, ...], i: int, text: str) -> int | None:
    """The verb the word at ``i`` governs, a word of permission or prevention: "prohibit
    agencies **from evaluating**", "allow agencies **to bypass**" (within five words, in its
    clause)."""
    tok = toks[i]
    for k in range(i + 1, min(len(toks) - 1, i + 6)):
        if _PUNCTUATION_BREAK.search(text[tok.end : toks[k].start]) or toks[k].lower in (
            "and",
            "or",
            "but",
        ):
            return None  # another clause: "interested and willing to eat"
        if toks[k].lower in ("from", "to") and _verb_word(toks[k + 1]):
            return k + 1
    return None


def _verb_word(tok: Token) -> bool:
    """A lower-case word WordNet knows as a verb ("evaluating", "bypass"; not "5%", "Paris")."""
    return tok.content and tok.text.isalpha() and tok.text.islower() and _can_be_verb(tok.lower)


def _can_be_verb(word: str) -> bool:
    return any(pos == "v" for pos, _ in base_forms(word))


def _different_actions(d: TokenDiff, x: Token, y: Token, texts: tuple[str, str]) -> bool:
    """Opposites that govern two different actions: "prohibit agencies from **evaluating**
    the effect" / "allow agencies to **bypass** the scientists" do not deny each other ("bans
    companies from **selling** data" / "allows companies to **sell** data" do)."""
    ka = _action_after(d.a, d.index_in_a(x), texts[0])
    kb = _action_after(d.b, d.index_in_b(y), texts[1])
    if ka is None or kb is None:
        return False
    return d.counterpart_in_b(ka) != kb and stem(d.a[ka].lower) != stem(d.b[kb].lower)


def _in_time(span: tuple[int, int] | None, text: str) -> bool:
    return span is not None and _inside(span[0], find_times(text))


def _inside(offset: int, times: Sequence[TimeMention]) -> bool:
    """Whether ``offset`` falls within one of ``times``."""
    return any(t.start <= offset < t.end for t in times)


#: Words of winning a game or a contest, which the words of losing oppose.
_WIN_WORDS = frozenset(
    {"win", "wins", "won", "winning", "victory", "victories", "triumph", "beat", "defeated"}
)
_ALL_LOSS_WORDS = _LOSS_WORDS | {"fell", "falls", "fall"}
# Where a game's sides are named: "a victory **over** the Jaguars" (the loser), "defeated
# / beat the Chiefs" (the loser), "a defeat / lost 20-13 **to** the Colts", "beaten **by** the
# Colts" (the winner), "the Chiefs **lose**" (the loser), "the Colts **won**" (the winner).
# Up to four words (a score, "a fourth quarter") may stand between the word and the name.
_SIDE_WORD = re.compile(r"\b(?:over|defeat(?:ed|s|ing)?|beat(?:s|ing)?|to|by)\b", re.I)
_LOSS_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_LOSS_WORDS | {'defeated', 'fell', 'falls'}))})\b"
    r"(?:\W+\w+){0,4}\W*$",
    re.I,
)
_SIDE_BEFORE = re.compile(
    r"^['’]?s?\s+(?P<word>lose|loses|lost|losing|fell|falls|win|wins|won|beat|beats|defeated)\b",
    re.I,
)


def _game_sides(text: str) -> tuple[list[str], list[str]]:
    """The names a claim gives as a game's winners and losers, from where each name stands
    (see ``_SIDE_WORD`` and ``_SIDE_BEFORE``)."""
    winners: list[str] = []
    losers: list[str] = []
    runs = name_runs(text)
    toks = tokens(text)
    if toks and toks[0].text[:1].isupper() and not (runs and runs[0][0] == toks[0]):
        runs.insert(0, [toks[0]])  # "Chiefs lose 20-13": a team that is also a word
    for run in runs:
        name = text[run[0].start : run[-1].end]
        window = text[max(0, run[0].start - 60) : run[0].start]
        words = list(_SIDE_WORD.finditer(window))
        if words and len(window[words[-1].end() :].split()) <= 4:
            word = words[-1].group().lower()
            if word == "over" or word.startswith(("defeat", "beat")):
                losers.append(name)
            elif word == "by" or _LOSS_BEFORE.search(window[: words[-1].start()]):
                winners.append(name)
        before = _SIDE_BEFORE.match(text[run[-1].end : run[-1].end + 20])
        if before is not None:
            word = before.group("word").lower()
            (losers if word in _ALL_LOSS_WORDS else winners).append(name)
    return winners, losers


def _two_sides_of_one_game(texts: tuple[str, str]) -> bool:
    """Whether a win in one claim and a loss in the other are one game told from its two
    sides: "the Colts' 31-24 **victory** over the Jaguars" / "a 31-24 **defeat** to the Colts".
    Each claim must name a side, and no team may be the winner in one and the loser in the
    other ("the Colts won" / "the Colts lost" stays opposed)."""
    (wa, la), (wb, lb) = _game_sides(texts[0]), _game_sides(texts[1])
    if not (wa or la) or not (wb or lb):
        return False

    def meet(xs: list[str], ys: list[str]) -> bool:
        return any(same_entity(x, y) for x in xs for y in ys)

    return not meet(wa, lb) and not meet(la, wb)


def _winning_verb(tok: Token, toks: tuple[Token, ...]) -> bool:
    """An active-voice "defeated" / "beat": not right after a form of "be" or "get"
    ("was defeated", "had been beaten" tell a loss)."""
    if tok.lower not in _DEFEAT_VERBS:
        return False
    before = [t for t in toks if t.end <= tok.start][-2:]
    return not any(t.lower in _PASSIVE_AUXILIARIES for t in before)


def _negator(tok: Token, toks: tuple[Token, ...], text: str) -> bool:
    """A word that negates what follows: "not", "never", ..., or "nearly" / "almost" before
    anything but a figure."""
    if tok.key in NEGATORS:
        return not _idiom(text, tok)
    if tok.lower in DEGREE_NEGATORS:
        nxt = next((t for t in toks if t.start > tok.start), None)
        return (
            nxt is not None
            and not nxt.text[:1].isdigit()
            and nxt.lower not in _NUMBER_WORDS
            and nxt.lower not in _MULTIPLES
        )
    return False


def _negated(toks: tuple[Token, ...], span: tuple[int, int] | None, text: str) -> bool:
    """Whether a negator stands within two words before ``span`` ("not **stop**")."""
    if span is None:
        return False
    i = next((k for k, t in enumerate(toks) if t.start >= span[0]), len(toks))
    return any(t.key in NEGATORS and not _idiom(text, t) for t in toks[max(0, i - 2) : i])


def _same_head(d: TokenDiff, e: Edit, x: Token, y: Token) -> bool:
    """Opposite modifiers must modify the same thing: "the **last** season" / "the **first**
    half" oppose nothing. False when the words right after them are both changed words of the
    slot (and so do not correspond)."""
    nx = next((t for t in d.a if t.start > x.start and t.content), None)
    ny = next((t for t in d.b if t.start > y.start and t.content), None)
    if nx is None or ny is None:
        return True
    if nx in e.a_free and ny in e.b_free:
        # Two figures after them are the amounts of one change of one thing ("**sales** rose
        # 5%" / "**sales** fell 3%"): the direction is what the two claims disagree on,
        # whatever the size. Of two things ("sales rose 5%" / "costs fell 3%") both may be true.
        px = next((t for t in reversed(d.a) if t.start < x.start and t.content), None)
        py = next((t for t in reversed(d.b) if t.start < y.start and t.content), None)
        return (
            nx.text[:1].isdigit()
            and ny.text[:1].isdigit()
            and px is not None
            and py is not None
            and d.counterpart_in_b(d.index_in_a(px)) == d.index_in_b(py)
        )
    # "released **the name** of a woman" / "arrested **a man**": the words after are words
    # neither claim shares, so the two verbs act on different things. (Figures after them may
    # differ: "rose 5%" / "fell 3%" still oppose.)
    return not (nx.text.isalpha() and ny.text.isalpha() and nx in d.only_a and ny in d.only_b)


def _negates_shared_predicate(
    d: TokenDiff, neg: Token, in_a: bool, texts: tuple[str, str]
) -> int | None:
    """The other claim's counterpart (its index) of the word a negator negates ("did not
    **win**", "no **injuries**", "**nothing** was **found**"), when there is one and the other
    claim does not negate it: then one claim denies what the other asserts. ``None`` otherwise:
    between two loosely related sentences a "not" is another statement, not a denial."""
    if d.content_overlap < 0.5:
        return None
    own = d.a if in_a else d.b
    i = next(k for k, t in enumerate(own) if t.start == neg.start)
    # The first content word within four words and the negator's clause: "was **not** that
    # of a New Zealand **climber**" skips three function words. A degree word bears on the
    # next word or two only ("**almost** half of the 288" does not deny the 288). Failing
    # that, the first within two words ("is **not** over, **says**": the clause's own word is
    # no content word, and the denial is of what is said).
    reach = 4 if neg.lower in DEGREE_NEGATORS else 5
    text_own = texts[0] if in_a else texts[1]
    after = (
        [
            k
            for k in range(i + 1, min(len(own), i + reach))
            if own[k].content
            # within the negator's clause: '"He's not me yet," he said' denies no "said" (a
            # quotation mark may stand between: 'is not "clearly incorrect"')
            and not _PUNCTUATION_BREAK.search(text_own[neg.end : own[k].start])
        ]
        or [k for k in range(i + 1, min(len(own), i + 4)) if own[k].content]
    )
    if neg.key in ("nothing", "none", "nobody"):
        after = [k for k in range(i + 1, min(len(own), i + 5)) if own[k].content]
    elif neg.key == "no" and i + 1 < len(own) and own[i + 1].lower == "one":
        # "No one was injured": the pronoun "no one" denies the predicate, not a "one".
        after = [k for k in range(i + 2, min(len(own), i + 6)) if own[k].content]
    matched = {x for x, _, _ in d.matches} if in_a else {y for _, y, _ in d.matches}
    # "no **longer**" is one negator; an adverb the other claim lacks ("does not
    # **necessarily** contradict" / "contradicts") qualifies the denial of the next word.
    while len(after) > 1 and (
        (own[after[0]].lower == "longer" and neg.key == "no")
        or (own[after[0]].lower.endswith("ly") and after[0] not in matched)
    ):
        after = after[1:]
    if not after:
        return None
    head = after[0]
    # What the predicate is about must correspond too: "**never** checked into **Morningside**"
    # does not deny "checks into Betty Ford"; "did **not** mean to **shoot**" is another statement.
    nxt = [k for k in range(head + 1, min(len(own), head + 4)) if own[k].content]
    if nxt and nxt[0] not in matched:
        return None
    # A verb right before the negator must correspond too: "pleaded not guilty" / "was found
    # guilty" are a plea and a verdict, not one verdict denied.
    before = [k for k in range(max(0, i - 2), i) if own[k].content]
    if head not in matched or not all(k in matched for k in before):
        return None
    counterpart = d.counterpart_in_b(head) if in_a else d.counterpart_in_a(head)
    if counterpart is None:
        return None
    if neg.lower in DEGREE_NEGATORS:
        # A degree word denies the full extent of a predicate; a thing the other claim names
        # asserts no extent: "**partially** hydrogenated" / "**hydrogen** is added" (its
        # counterpart through a derived form).
        said = (d.b if in_a else d.a)[counterpart].lower
        if not any(pos in ("v", "a", "s") for pos, _ in base_forms(said)):
            return None
    # Two tellings worded apart (not one text edited): only a denial of the very same
    # predicate counts. A "not" there is as often another statement (a degree word is not:
    # "nearly destroyed" / "burned to the ground").
    if (
        d.ratio < NEAR_COPY_RATIO
        and neg.lower not in DEGREE_NEGATORS
        and not _denies_same_predicate(d, in_a, own, head, text_own)
    ):
        return None
    # The other claim must assert the word: "to determine **if** their activities will harm"
    # asks a question, which "would not be harmed" does not deny.
    other, text = (d.b, texts[1]) if in_a else (d.a, texts[0])
    at = other[counterpart].start
    if _unasserted(text, at):
        return None
    if _REFUSED_BEFORE.search(text[max(0, at - 30) : at]):
        return None  # "declined to reveal" denies it too ("would not reveal")
    if _REMOVED_BEFORE.search(text[max(0, at - 30) : at]) and not _REMOVED_BEFORE.search(
        text_own[max(0, own[head].start - 30) : own[head].start]
    ):
        return (
            None  # "lifted the requirement" is "no requirement"; "out of timeouts", "no timeouts"
        )
    return counterpart


def _denies_same_predicate(
    d: TokenDiff, in_a: bool, own: tuple[Token, ...], head: int, text_own: str
) -> bool:
    """Between two claims worded apart, whether the negated word (``own[head]``) and its
    counterpart are one predicate that one claim denies and the other asserts.

    * The same word or a synonym: a more general word found by meaning is close enough to
      align two tellings, not to oppose them ("no **need** to consult" / "lifted the
      **requirement** to consult", "arrested **without incident**" / "fled the **scene**").
    * Not a name: "This **wasn't** P.J. Carlesimo" denies an identity, which a list that names
      him ("fired this season, along with P.J. Carlesimo") does not assert.
    * Not a question withheld: "would **not** say **what** she was treated for" declines to
      tell, and denies nothing the other source reports ("said she went to Promises").
    """
    level = next((m for i, j, m in d.matches if (i if in_a else j) == head), None)
    if level not in ("same", "synonym"):
        return False
    word = own[head]
    if word.text[:1].isupper():
        return False
    return not (
        stem(word.lower) in _TELLING_STEMS and _WITHHELD_AFTER.match(text_own, word.end) is not None
    )


#: Verbs of telling (stems): "would not **say** what", "did not **disclose** why" withhold.
_TELLING_STEMS = frozenset(
    stem(w)
    for w in (
        *ATTRIBUTION_VERBS,
        *"say tell reveal disclose specify explain identify elaborate divulge comment".split(),
    )
)
#: A question word right after a verb: "would not say **what**", "did not explain **why**".
_WITHHELD_AFTER = re.compile(
    r"\s+(?:what|why|how|where|when|who|whom|whose|which|whether|if)\b", re.I
)
#: Words that take away what follows them: "**lifted** the requirement", "**out of** timeouts",
#: "**missed** its intended target". What they precede, the claim does not assert.
_REMOVED_BEFORE = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|eliminat(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|"
    r"waiv(?:e|es|ed|ing)|repeal(?:s|ed|ing)?|rescind(?:s|ed|ing)?|abolish(?:es|ed|ing)?|"
    r"lack(?:s|ed|ing)?|miss(?:es|ed|ing)?|out\s+of|free\s+of|absence\s+of)\s+"
    r"(?:(?:the|a|an|its|their|his|her|our|any|all|of)\s+)?$",
    re.I,
)


#: Punctuation that ends a negator's (or a permission word's) clause. Unlike
#: :data:`_CLAUSE_END`, a quotation mark does not: 'is not "clearly incorrect"'.
_PUNCTUATION_BREAK = re.compile(r"[,.;:!?()\[\]–—]")
_CLAUSE_END = re.compile("[" + re.escape("".join(sorted(PHRASE_BREAKS))) + "]")
_OPEN_QUESTION = re.compile(r"\b(?:if|whether)\b", re.I)


#: "investigators were **trying to determine** the cause", "**before** a final determination":
#: an attempt or a time still to come, which "has not been determined" does not deny.
_ATTEMPT_BEFORE = re.compile(
    r"(?:\b(?:try|tries|trying|tried|attempt|attempts|attempting|attempted|seek|seeks|seeking|"
    r"sought|hope|hopes|hoping|hoped|working|want|wants|wanted|aim|aims|aiming)\s+to\s+"
    r"(?:\w+\s+)?|\b(?:before|until|unless)\s+(?:[\w'-]+\s+){0,3})$",
    re.I,
)


#: Verbs that deny what follows them: "**declined to** reveal" is "would not reveal".
_REFUSED_BEFORE = re.compile(
    r"\b(?:declined|declines|declining|refused|refuses|refusing|failed|fails|unable|"
    r"reluctant|unwilling)\s+to\s+(?:\w+\s+)?$",
    re.I,
)


def _unasserted(text: str, start: int) -> bool:
    """Whether the word at ``start`` is asked, supposed, only tried or still to come in its
    clause (from that word back to the last punctuation): an "if" or "whether" clause, "trying
    to", "before". Not asserted, so not what a negator of the other claim denies."""
    clause = _CLAUSE_END.split(text[:start])[-1]
    return bool(_OPEN_QUESTION.search(clause) or _ATTEMPT_BEFORE.search(clause))


_NOT_NEGATING = re.compile(
    r"(?:not|no)\s+(?:least|only|doubt|surprisingly|to mention)\b|(?:not|no)\s+(?:less|more)"
    r"\s+than\b|if\s+not\b",
    re.I,
)


#: "No." before a figure abbreviates "number" ("his **No. 10** jersey", "the **No 1** seed").
_NUMBER_ABBREVIATION = re.compile(r"(?:[Nn]o\.|No)\s*#?\d")


def _idiom(text: str, tok: Token) -> bool:
    """'not least', 'not only', 'no less', 'if not', a quoted "no", "No. 10": a negator that
    does not negate the claim."""
    if _NUMBER_ABBREVIATION.match(text, tok.start):
        return True
    quoted = (
        text[max(0, tok.start - 1) : tok.start] in "\"“‘'"
        and text[tok.end : tok.end + 1] in "\"”’'"
    )
    if quoted and tok.start > 0:
        return True
    return bool(_NOT_NEGATING.match(text, tok.start)) or bool(
        re.search(r"\bif\s+$", text[max(0, tok.start - 4) : tok.start], re.I)
    )


def _cancels(negated: Divergence, opposite: Divergence) -> bool:
    """Whether an added negator bears on the opposite word itself, so that the two cancel
    ("would **not** stop" / "would continue"), rather than on another word of the claim ("the
    company **weakened** its balance sheet by **not** drawing on its credit line" /
    "strengthened ... by drawing": two changes, both reported). True when the word the other
    claim asserts is the opposite's, or the negator stands right before the opposite word."""
    on_a = negated.explanation.startswith("A negates")
    neg_span, asserted = (
        (negated.a_span, negated.b_span) if on_a else (negated.b_span, negated.a_span)
    )
    own, other = (opposite.a_span, opposite.b_span) if on_a else (opposite.b_span, opposite.a_span)
    if _near(asserted, other, 0):
        return True
    return (
        neg_span is not None
        and own is not None
        and neg_span[1] <= own[0]
        and own[0] - neg_span[1] <= _NEGATOR_REACH
    )


#: Characters between a negator and the word it negates: "not **stop**", "not have **stopped**".
_NEGATOR_REACH = 12


def _near(x: tuple[int, int] | None, y: tuple[int, int] | None, gap: int = 30) -> bool:
    return x is not None and y is not None and x[0] - gap < y[1] and y[0] - gap < x[1]


# ------------------------------------------------------------------- entity

_LARGE = frozenset({"state", "country", "continent"})
_ORDER = ("district", "city", "state", "country", "continent")


#: An owner's "'s" (or a plural owner's "'"), which is not part of the name WordNet knows.
_POSSESSIVE = re.compile(r"['’]s?$")


def _without_owner(tok: Token) -> str:
    """The word in lower case without an owner's "'s": "his **brother's** corner" / "his
    **sister's** corner" compare "brother" with "sister"."""
    return _POSSESSIVE.sub("", tok.lower)


def _otherplace_scale(x: str, y: str) -> bool:
    """Two places of different scales, or a state or country against a name WordNet does not
    know (a small town, a neighbourhood): not a contradiction an editor can see from the text."""
    sx, sy = place_scale(x), place_scale(y)
    if sx is None or sy is None:
        # A name WordNet does not know is most often a small place: it can lie inside a state,
        # a country or a city district (a neighbourhood of Queens), not inside another city.
        return (sx or sy) in _LARGE or (sx or sy) == "district"
    if "island" in (sx, sy):
        return True  # islands are parts of countries and states WordNet rarely says
    if sx == sy:
        return False
    # Two known places of different scales: compatible unless WordNet places the smaller one
    # elsewhere (Perth is in Western Australia, not in Turkmenistan).
    smaller = x if _ORDER.index(sx) < _ORDER.index(sy) else y
    return not _located_elsewhere(smaller)


@memoize(8192)  # asked for every name swap of every compared pair
def _located_elsewhere(place: str) -> bool:
    """Whether WordNet says what ``place`` is part of (then a container it does not name is not
    its container)."""
    from claimcmp.text.wordnet import wordnet

    wn = wordnet()
    return any(wn.part_of(s) for s in wn.synsets(place.replace(" ", "_")) if wn.pos_of(s) == "n")


def _outside_country(people: list[Token], place: list[Token]) -> bool:
    """Whether the place named by ``place`` lies outside the country of the people word
    ``people`` ("Australian" / "Gdansk", "Israeli" / "Quito"; not "Australian" / "Perth",
    "American" / "Denver"). False when WordNet knows too little: a place it does not know, or
    does not place in anything."""
    from claimcmp.text.names import same_entity
    from claimcmp.text.wordnet import wordnet

    if len(people) != 1:
        return False
    wn = wordnet()
    name = _POSSESSIVE.sub("", " ".join(t.text for t in place))
    word = _POSSESSIVE.sub("", people[0].text)
    containers: set[str] = set()
    for s in wn.synsets(name.replace(" ", "_")):
        if wn.pos_of(s) != "n" or wn.lexicographer_file(s) != "noun.location":
            continue
        frontier = [s]
        for _ in range(4):  # city, region, country, continent
            frontier = [p for f in frontier for p in wn.part_of(f)]
            # Acronyms ("UK", "CO") are left out: "Ukrainian" would read as short for "UK".
            containers.update(
                n.replace("_", " ")
                for f in frontier
                for n in wn.lemma_names(f)
                if any(c.islower() for c in n)
            )
    if not containers:
        return False
    return not any(same_entity(word, c) for c in (name, *containers))


@memoize(8192)  # asked for every name swap of every compared pair
def _part_of(x: str, y: str) -> bool:
    """'Paris' / 'France': one place is part of the other (WordNet part holonyms)."""
    from claimcmp.text.wordnet import wordnet

    wn = wordnet()
    sx = [s for s in wn.synsets(x) if wn.pos_of(s) == "n"]
    sy = {s for s in wn.synsets(y) if wn.pos_of(s) == "n"}
    if wn.is_place(x) and wn.is_place(y):
        # Two names of places are compared as places: the Niger river runs through Nigeria,
        # the country Niger is not part of it.
        sx = [s for s in sx if wn.lexicographer_file(s) == "noun.location"]
    for s in sx:
        frontier, seen = [s], {s}
        for _ in range(3):
            frontier = [p for f in frontier for p in wn.part_of(f) if p not in seen]
            seen.update(frontier)
            if sy & set(frontier):
                return True
    return False


class EntityDetector:
    """Another person, place or organisation in the same slot (``kind="entity"``).

    A name is a run of capitalised words (not an ordinary word capitalised by its position; see
    :func:`claimcmp.text.names.is_name`). In a replaced slot with a name on each side, the two names must be able to
    refer to the same thing (:func:`claimcmp.text.names.same_entity`: spelling and
    transliteration, aliases, acronyms, partial names, demonyms) or one must be part of the other
    (Paris / France); otherwise the swap is a divergence. ``aliases`` adds groups of names for one
    thing.

    Between two tellings worded apart (a word-diff ratio below
    :data:`~claimcmp.text.diff.NEAR_COPY_RATIO`) another name is listed at medium severity and
    does not decide: there it is mostly another participant, or one called otherwise, rather
    than a conflict. It keeps its weight when each name describes a name both claims share
    ("Simpson of Fort Coffee" / "Simpson, of Spiro").
    """

    name = "entity"

    def __init__(self, aliases: Iterable[Iterable[str]] = ()) -> None:
        from claimcmp.text.names import AliasTable

        self._aliases = AliasTable(aliases, builtin=False)

    def _same(self, x: str, y: str, *, whole: bool = True) -> bool:
        """Whether names ``x`` and ``y`` can refer to one thing, or one place lies in the other.
        ``whole=False`` for a word of a longer name, which is only compared as a name: "New"
        of "New Zealand" is no small place inside Australia, and "Africa" of "South Africa"
        does not hold Mozambique."""
        from claimcmp.text.names import same_entity

        # The owner's "'s" is not part of the name WordNet knows ("Accra's" is Accra).
        x, y = _POSSESSIVE.sub("", x), _POSSESSIVE.sub("", y)
        if same_entity(x, y, self._aliases):
            return True
        return whole and (_part_of(x, y) or _part_of(y, x) or _otherplace_scale(x, y))

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        for e in d.edits:
            # A swap is a short replaced stretch; long ones are different sentences.
            if e.op != "replace" or len(e.a_tokens) > 5 or len(e.b_tokens) > 5 or not e.anchored:
                continue
            if d.content_overlap < 0.4:
                continue  # too little in common for the two names to stand in one fact
            na = _names(e.a_free, a.text)
            nb = _names(e.b_free, b.text)
            if not na or not nb:
                continue
            if _broken(na, a.text) or _broken(nb, b.text):
                continue  # "the Chiefs, Indianapolis' record" / "the Colts": two names, not one
            if all(t.lower in TITLE_WORDS for t in na) or all(t.lower in TITLE_WORDS for t in nb):
                continue  # "France's Francois Hollande" / "France's President": a title, not a name
            dropped: list[Token] = []
            shared_head = _same_name_head(d, e)
            if shared_head:
                # The common word that ends a shared name ("Betty Ford **Center**") describes it;
                # it is not a name of its own.
                # Both must be common words: "Fort **Lauderdale**" / "Fort **Worth**" are two
                # places, though "worth" is a word.
                heads = (e.a_tokens[0], e.b_tokens[0])
                if all(t.text[:1].isupper() and is_common_word(t.lower) for t in heads):
                    dropped = list(heads)
                na = [t for t in na if t not in dropped]
                nb = [t for t in nb if t not in dropped]
                if not na or not nb:
                    continue
            rest_a = [
                t
                for t in e.a_free
                if t not in na and t not in dropped and t.lower not in TITLE_WORDS
            ]
            rest_b = [
                t
                for t in e.b_free
                if t not in nb and t not in dropped and t.lower not in TITLE_WORDS
            ]
            if (not rest_b and any(is_agent(t.lower) for t in rest_a)) or (
                not rest_a and any(is_agent(t.lower) for t in rest_b)
            ):
                # "shot Reynolds, then her **mother**" / "shot Jennie Mae Robinson": the name may
                # be that of the person the other side's slot names by a word.
                continue
            lead_a = next((t for t in e.a_free if t not in dropped), None)
            lead_b = next((t for t in e.b_free if t not in dropped), None)
            if (rest_a or rest_b) and not (lead_a is na[0] and lead_b is nb[0]):
                # Other words changed too, and the names do not open the slot right
                # after the words both claims share ("Clinic, **Rehires** Attorney Shawn
                # Holley" / "Center in Rancho Mirage"): a rewritten stretch, its names in other
                # roles. ("Simpson of **Fort Coffee** is accused" / "Simpson, of **Spiro**, in
                # the death" keeps its names in the place they share.)
                continue
            demonym_a = all(is_demonym(t.text) for t in na)
            demonym_b = all(is_demonym(t.text) for t in nb)
            if demonym_a != demonym_b:
                # "a 36-year-old **Australian** man" / "a 36-year-old **Gdansk** man": where a
                # people's word and a place WordNet knows describe one thing, the place must lie
                # in the people's country ("an Australian climber" / "a Perth climber").
                people, place = (na, nb) if demonym_a else (nb, na)
                if not _outside_country(people, place):
                    continue  # "the Australian" / "Inspector Dave Gaskin": a nationality and a name
            poss_a = any(t.text.endswith(("'s", "’s")) for t in na)
            poss_b = any(t.text.endswith(("'s", "’s")) for t in nb)
            if poss_a != poss_b:
                continue  # "aid to Russia" / "aid for Putin's war": an owner, not the same role
            possessive = poss_a or poss_b
            if (demonym_a or demonym_b) and possessive:
                continue  # "Lukashenko's visit" / "the Belarusian leader's visit": a description
            if shared_head and all(is_common_word(t.lower) for t in (*na, *nb)):
                # "Matanuska Maid Dairy" / "Matanuska Maid Creamery", "Betty Ford Clinic" / "Betty
                # Ford Center": one named thing, its descriptive last word told two ways.
                continue
            if _named_elsewhere(d, e, na, nb, (a.text, b.text)):
                continue
            if _near_place(d.a, na[0]) != _near_place(d.b, nb[0]):
                # "in Baytown" / "near Houston": a place and one close to it, both true. Both
                # told as near ("near Houston" / "near Dallas") is one slot with two places.
                continue
            # "the Ukrainian champion" / "the Georgian champion"; a people and a place outside it
            weak = demonym_a or demonym_b
            if _name_parts(na) == _name_parts(nb):
                # "AI-powered" / "AI-driven", "Sims-based" / "Sims-centric": one name, another
                # word joined to it.
                continue
            x = " ".join(t.text for t in na)
            y = " ".join(t.text for t in nb)
            # A lone word is compared with each word of the other name ("Rahman" / "Hasim
            # Rahman's"); two names of several words only as wholes: "Tony Thompson" / "Tom
            # Becker" are two people, though "Tom" could shorten "Thompson".
            if self._same(x, y) or (
                min(len(na), len(nb)) == 1
                and any(
                    self._same(t.text, u.text, whole=len(na) == len(nb) == 1)
                    for t in na
                    for u in nb
                )
            ):
                continue
            # The name a slot's words belong to may begin before the slot, where the word diff
            # matched its first word ("AMD (NYSE: AMD)" / "Advanced Micro Devices": "Advanced"
            # was taken as AMD's counterpart).
            # (A sentence's capitalised article is no part of the name: "The Philippines".)
            whole_a = _LEADING_ARTICLE.sub("", _whole_name(d.a, d.index_in_a, na, a.text))
            whole_b = _LEADING_ARTICLE.sub("", _whole_name(d.b, d.index_in_b, nb, b.text))
            # Two whole names that differ only in the slot's words are two names of one pattern
            # ("**Ohio** State University" / "**Michigan** State University"): a word of one is
            # not a place the other may lie in.
            one_pattern = whole_a.replace(x, "\0") == whole_b.replace(y, "\0")
            if (whole_a, whole_b) != (x, y) and (
                self._same(whole_a, whole_b)
                or (
                    not one_pattern
                    and (
                        any(self._same(t.text, whole_b, whole=len(na) == 1) for t in na)
                        or any(self._same(whole_a, u.text, whole=len(nb) == 1) for u in nb)
                    )
                )
            ):
                continue
            if _quoted_title(a.text, na) != _quoted_title(b.text, nb):
                continue  # "the ``American Pie'' star" / "Reid": a work's title in a description
            if _addressee(a.text, na[0]) and _addressee(b.text, nb[0]):
                continue  # "her rep told UsMagazine.com" / "her rep told People.com": both told
            if city_and_nickname(x, y) or city_and_nickname(y, x):
                continue  # "against Detroit" / "against the Lions": a team by city or nickname
            a_span = (na[0].start, na[-1].end)
            b_span = (nb[0].start, nb[-1].end)
            explanation = (
                f"a different name in the same place: '{a.text[a_span[0] : a_span[1]]}' vs "
                f"'{b.text[b_span[0] : b_span[1]]}'"
            )
            confidence, severity = (0.6, "medium") if weak else (0.8, "high")
            if d.ratio < NEAR_COPY_RATIO and not (
                _described_name(d.a, na[0], b.text) and _described_name(d.b, nb[0], a.text)
            ):
                # Two tellings worded apart, not one text edited: another name there is far
                # more often another participant, or the same one called otherwise (a team
                # for its player, a nickname, a surname for a first name), than a conflict.
                # In the report benchmark's per-kind table, divergences carrying a name were
                # conflicts 2 of 13 times in the training topics (one pair told twice) and 0 of
                # 13 held-out (docs/detectors.md). The names of one thing both claims name
                # ("Simpson of **Fort Coffee**" / "Simpson, of **Spiro**") stand in one role,
                # and keep their weight.
                explanation += ", in two claims worded apart (possibly another participant)"
                confidence, severity = min(confidence, 0.45), "medium"
            if _own_figures(a.text, b.text, {t.text for t in na}, {t.text for t in nb}):
                # "Vaughn finished with 16 points" / "Hansbrough finished with 20 points": two
                # people, each with their own figures, is two facts rather than one misnamed.
                explanation += ", each with their own figures"
                confidence, severity = 0.3, "low"
            yield finding(
                "entity",
                self.name,
                a.text,
                b.text,
                a_span,
                b_span,
                explanation,
                confidence,
                severity,  # type: ignore[arg-type]
            )


#: Words before the one a statement was made to: "her rep **told** People", "**confirmed to**
#: PEOPLE", "said **in an interview with** the BBC".
_TOLD_BEFORE = re.compile(
    r"\b(?:told|tells|telling|tell|(?:said|says|confirmed|confirms|spoke|speaking|explained|"
    r"wrote|announced|revealed)\s+(?:to|in an interview with)|interview with)\s+(?:the\s+)?$",
    re.I,
)


_OPEN_QUOTE = re.compile(r"(?:``|[\"“‘])\s*$")
_CLOSE_QUOTE = re.compile(r"^\s*(?:''|[\"”’])")


#: Words that place a statement before or after the time of telling.
_TIME_POSITIONS = frozenset(
    "past future coming upcoming last next previous earlier later former prior".split()
)


def _governed(
    toks: tuple[Token, ...],
    counterpart: int,
    verbs: frozenset[str],
    d: TokenDiff,
    hedged_in_a: bool,
    *,
    shared: bool,
) -> bool:
    """Whether one of ``verbs`` stands within :data:`ESTIMATE_REACH` words before the plain
    statement's word ``toks[counterpart]`` (``toks`` is the plain claim), told by the hedged
    claim too (``shared``) or only by the plain one. Tokens hold no punctuation, so the reach
    in words is the only bound: a clause break between them is not seen. A verb form right
    before a figure estimates the figure, not the statement ("caused **an estimated $1
    million** in damage, and investigators say it could be arson")."""
    return any(
        t.lower in verbs
        and counterpart - ESTIMATE_REACH <= k < counterpart
        and not (toks[k + 1].text[:1].isdigit() or toks[k + 1].lower in _NUMBER_WORDS)
        and ((d.counterpart_in_a(k) if hedged_in_a else d.counterpart_in_b(k)) is not None)
        == shared
        for k, t in enumerate(toks)
    )


#: Hedges that are the writer's own caution (how sure the telling is), not a state of the fact
#: in the world (a suspicion someone holds, a decision under consideration).
_CAUTION = frozenset(
    "appears to|seems to|possible|possibly|potential|potentially|perhaps|may|might|could|"
    "apparently|likely|is likely to|probably|appeared to|seemed to|is believed to|"
    "are believed to|was believed to|"
    "were believed to|is thought to|are thought to|was thought to|were thought to|"
    "feared".split("|")
)

#: Words between a name and the name it describes: "Simpson **of** Fort Coffee", "Simpson**,
#: of** Spiro", "Ka'Loni Flynn **from** Fort Smith".
_DESCRIBING = frozenset({",", "of", "from"})


def _described_name(toks: tuple[Token, ...], first: Token, other: str) -> bool:
    """Whether the name opening at ``first`` describes a name right before it that the other
    claim names too: the hometown of one person both claims name is one role."""
    before = toks.index(first) - 1
    i = before
    while i >= 0 and toks[i].lower in _DESCRIBING:
        i -= 1
    if i < 0 or i == before or not toks[i].text[:1].isupper():
        return False
    return re.search(rf"(?<!\w){re.escape(toks[i].text)}(?!\w)", other) is not None


def _broken(name: list[Token], text: str) -> bool:
    """Whether a comma or semicolon stands between the words of a name: then they are two
    names ("the Chiefs, Indianapolis"), not one; a gloss in parentheses stays ("AMD (NYSE:
    AMD)")."""
    return any(any(ch in ",;" for ch in text[x.end : y.start]) for x, y in pairwise(name))


def _name_parts(name: list[Token]) -> tuple[str, ...]:
    """The capitalised parts of a name's words, hyphenated compounds split: "AI-powered" →
    ("AI",), "Hewlett-Packard" → ("Hewlett", "Packard")."""
    return tuple(p for t in name for p in t.text.split("-") if p[:1].isupper())


def _quoted_title(text: str, name: list[Token]) -> bool:
    """Whether a name stands in quotation marks: the title of a work or a nickname, not the
    person or place itself."""
    return bool(
        _OPEN_QUOTE.search(text[max(0, name[0].start - 3) : name[0].start])
        and _CLOSE_QUOTE.search(text[name[-1].end : name[-1].end + 3])
    )


def _addressee(text: str, name: Token) -> bool:
    """Whether a name is who a statement was made to (an outlet, an interviewer)."""
    return bool(_TOLD_BEFORE.search(text[max(0, name.start - 40) : name.start]))


def _own_figures(a: str, b: str, names_a: set[str], names_b: set[str]) -> bool:
    """Whether each claim gives a figure the other does not write, said of its own claim's
    name: "**Vaughn** finished with **16** points" / "**Hansbrough** finished with **20**"."""
    from claimcmp.detectors.numbers import holder
    from claimcmp.text.quantities import figure_counts, find_quantities

    diff = token_diff(a, b)
    counts_a, counts_b = figure_counts(a), figure_counts(b)
    own_a = any(
        holder(diff.a, a, q) in names_a and q.value not in counts_b for q in find_quantities(a)
    )
    own_b = any(
        holder(diff.b, b, q) in names_b and q.value not in counts_a for q in find_quantities(b)
    )
    return own_a and own_b


#: Words before a place that say the place is only nearby ("near Houston", "outside Paris",
#: "north of Kyiv", "on the outskirts of Lagos").
_NEARBY = frozenset({"near", "nearby", "outside", "around", "outskirts", "suburbs", "suburb"})
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)


def _near_place(toks: tuple[Token, ...], name: Token) -> bool:
    """Whether the name is told as what a place is near: "near **Houston**", "outside
    **Paris**", "north of **Kyiv**", "the outskirts of **Lagos**", "close to **Baytown**"."""
    before = [t.lower for t in toks if t.end <= name.start][-3:]
    if not before:
        return False
    if before[-1] in _NEARBY or before[-2:] == ["close", "to"]:
        return True
    return (
        len(before) >= 2
        and before[-1] == "of"
        and (before[-2] in _COMPASS or before[-2] in _NEARBY)
    )


def _same_name_head(d: TokenDiff, e: Edit) -> bool:
    """The words right before the edit are one name in both claims ("**Betty Ford** Clinic" /
    "**Betty Ford** Center")."""
    i, j = e.i1 - 1, e.j1 - 1
    return (
        i >= 0
        and j >= 0
        and d.a[i].text[:1].isupper()
        and d.b[j].text[:1].isupper()
        and d.counterpart_in_b(i) == j
    )


def _named_elsewhere(
    d: TokenDiff, e: Edit, na: list[Token], nb: list[Token], texts: tuple[str, str]
) -> bool:
    """Whether one of the two names is part of a longer name whose other part the other claim
    also gives, away from its own name: "**Maurice** Cheeks was introduced" / "The **Sixers** ...
    replaced him with Mo Cheeks" both tell of Cheeks. "**Tom** Reed" / "**Tim** Reed" keep the
    shared part next to both names, and stay a swap."""

    def slot(toks: tuple[Token, ...], text: str, i1: int, n: int) -> set[int]:
        # The other claim's slot, and the word either side of it when nothing stands between
        # ("LeFlore Jury: Simpson" puts Simpson after a colon, outside the slot).
        out = set(range(i1, i1 + n))
        for k, inner in ((i1 - 1, i1), (i1 + n, i1 + n - 1)):
            if 0 <= k < len(toks) and 0 <= inner < len(toks):
                lo, hi = sorted((k, inner))
                if not text[toks[lo].end : toks[hi].start].strip():
                    out.add(k)
        return out

    slot_a = slot(d.a, texts[0], e.i1, len(e.a_tokens))
    slot_b = slot(d.b, texts[1], e.j1, len(e.b_tokens))
    sides = (
        (d.a, na, texts[0], d.index_in_a, d.counterpart_in_b, slot_b),
        (d.b, nb, texts[1], d.index_in_b, d.counterpart_in_a, slot_a),
    )
    for toks, own, text, index, counterpart, near in sides:
        for t in own:
            i = index(t)
            for k in (i - 1, i + 1):
                if not 0 <= k < len(toks) or toks[k] in own or not is_name(toks[k], text):
                    continue
                if toks[k].lower in TITLE_WORDS:
                    continue  # "Secretary Dirk Kempthorne": a title is not a part of the name
                if text[toks[min(i, k)].end : toks[max(i, k)].start].strip():
                    continue  # punctuation between: two names ("Klitschko, Rahman")
                j = counterpart(k)
                if j is not None and j not in near:
                    return True
    return False


def _whole_name(
    toks: tuple[Token, ...], index: Callable[[Token], int], names: list[Token], text: str
) -> str:
    """``names`` with the capitalised words right before and after them in the claim (nothing
    but spaces between): the whole name the slot's names are part of. A sentence's first word
    may join it: the whole name only ever excuses a swap. ``index`` is the diff's position of
    a token in ``toks`` (:meth:`TokenDiff.index_in_a` / ``index_in_b``)."""
    lo, hi = index(names[0]), index(names[-1])
    while (
        lo > 0
        and toks[lo - 1].text[:1].isupper()
        and not text[toks[lo - 1].end : toks[lo].start].strip()
    ):
        lo -= 1
    while (
        hi + 1 < len(toks)
        and toks[hi + 1].text[:1].isupper()
        and not text[toks[hi].end : toks[hi + 1].start].strip()
    ):
        hi += 1
    return " ".join(t.text for t in toks[lo : hi + 1])


_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")


def _names(free: tuple[Token, ...], text: str) -> list[Token]:
    """The unmatched words of a slot that are names (titles left out: "Prime Minister")."""
    return [t for t in free if is_name(t, text) and t.lower not in TITLE_WORDS]


# ------------------------------------------------------------------ roles


#: Words before a name that make it the agent of a passive verb ("was beaten **by** Smith"):
#: "Smith beat Jones" / "Jones was beaten by Smith" keep the roles though the order flips.
_AGENT_MARKERS = frozenset({"by"})


class RoleDetector:
    """Two things that swapped roles around the same verbs (``kind="entity"`` for names,
    ``"term"`` for other nouns): "**Smith** beat **Jones**" / "**Jones** beat **Smith**",
    "Mary brings **butter** and Tom brings **milk**" / "Mary brings **milk** and Tom brings
    **butter**". Each claim has the same words, so no detector of values sees a difference;
    what differs is who did what to whom.

    A word's role is the verb right next to it (only function words between) and its side of
    that verb: the subject before "beat", the object after it. Two words swap roles when each
    takes the other's in the other claim. Only between two tellings that share nearly all
    their words; the verb must be one both claims have, written as a verb ("beat", "sued",
    "will bring"). Not a swap: a relation that holds both ways ("Smith met Jones"; see
    :data:`~claimcmp.text.lexicon.SYMMETRIC_PREDICATES`) or the passive ("Jones was beaten
    by Smith").
    """

    name = "role"

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        if d.content_overlap < 0.75:
            return  # reworded sentences: their word orders say nothing of roles
        verbs = {
            i: j
            for i, j, _ in d.matches
            if _used_as_verb(d.a, i, a.text)
            and _used_as_verb(d.b, j, b.text)
            and not _symmetric(d.a[i])
            and not _symmetric(d.b[j])
        }
        verb_of_b = {j: i for i, j in verbs.items()}
        count_a, count_b = Counter(t.key for t in d.a), Counter(t.key for t in d.b)
        things = [
            (i, j)
            for i, j, level in d.matches
            if level in ("same", "name")
            and count_a[d.a[i].key] == 1
            and count_b[d.b[j].key] == 1
            and _thing(d.a[i], a.text)
            and not _agent(d.a, i)
            and not _agent(d.b, j)
        ]
        roles_a = {i: _roles(d.a, i, a.text, verbs) for i, _ in things}
        roles_b = {j: _roles(d.b, j, b.text, verb_of_b) for _, j in things}
        reported: set[int] = set()
        for n, (i1, j1) in enumerate(things):
            for i2, j2 in things[n + 1 :]:
                if i1 in reported or i2 in reported:
                    continue
                ra1, ra2, rb1, rb2 = roles_a[i1], roles_a[i2], roles_b[j1], roles_b[j2]
                took = ra1 & rb2  # the role x has in A, y has in B ...
                gave = ra2 & rb1  # ... and the other way round
                if not took or not gave or ra1 & rb1 or ra2 & rb2:
                    continue
                x, y = d.a[i1], d.a[i2]
                names = [
                    is_name(x, a.text) or is_name(d.b[j1], b.text),
                    is_name(y, a.text) or is_name(d.b[j2], b.text),
                ]
                if names[0] != names[1]:
                    continue  # a name and a noun are no two fillers of one kind of role
                if _coordinated(d.a, i1, i2) or _coordinated(d.b, j2, j1):
                    continue  # "snacks and drinks" / "drinks and snacks": a list's order
                if not names[0] and relation(x.lower, y.lower) in _SAME_THING:
                    continue  # "customer" / "client" trading places changes nothing
                reported.update((i1, i2))
                # Name the verb of the action, not a reporting verb around it ("police said");
                # or the preposition of a movement's end ("from").
                around = min(
                    (d.a[k].text if k >= 0 else role for k, role in took),
                    key=lambda w: (w.lower() in ATTRIBUTION_VERBS, w not in _DIRECTIONS),
                )
                if around in _DIRECTIONS and (
                    _extent(d.a, min(i1, i2), a.text) or _extent(d.b, min(j1, j2), b.text)
                ):
                    continue  # "felt from X to Y" / "felt from Y to X": one stretch, either way
                other = d.b[j2]  # what B has in the role A gives x
                yield finding(
                    "entity" if names[0] else "term",
                    self.name,
                    a.text,
                    b.text,
                    (x.start, x.end),
                    (other.start, other.end),
                    (
                        f"'{x.text}' and '{y.text}' swapped ends: '{around} {x.text}' in A, "
                        f"'{around} {other.text}' in B"
                        if around in _DIRECTIONS
                        else f"'{x.text}' and '{y.text}' swapped roles around '{around}': "
                        "who did what to whom differs"
                    ),
                    0.8 if names[0] else 0.6,
                    "high" if names[0] else "medium",
                )


#: Words before a verb that make it one: "will bring", "to test", "has sued".
_VERB_MARKERS = frozenset(
    "will would can could may might must shall should to has have had did does do is are was "
    "were be been being".split()
)
#: Punctuation that ends a word's neighbourhood: "Smith, 27, beat Jones".
_BREAK = re.compile(r"[,;:()\[\]\"“”‘’—–]|\s-\s")


def _used_as_verb(toks: tuple[Token, ...], i: int, text: str) -> bool:
    """Whether the word at ``i`` is written as a verb: WordNet knows it as one, and it is
    inflected as one ("sued", "beats", "shot") or follows an auxiliary ("will bring")."""
    tok = toks[i]
    if is_name(tok, text) or not _can_be_verb(tok.lower):
        return False
    forms = base_forms(tok.lower)
    if i > 0 and toks[i - 1].lower in _VERB_MARKERS:
        return True
    w = tok.lower
    verb_lemmas = {lemma for pos, lemma in forms if pos == "v"}
    if w in verb_lemmas or w.endswith("ing"):
        pass  # "beat", "including", "dancing": a base form or a gerund, read below
    elif w.endswith("s"):
        # "sues", "accuses"; not "plans", "projects" (plural nouns).
        return not any(pos == "n" and lemma != w for pos, lemma in forms)
    else:
        return True  # "sued", "shot": a past form
    # A past tense spelled as the base form ("Smith beat Jones", "hit", "cut") right after a
    # capitalised word (a name, or "Smith" opening the sentence): a verb with its subject.
    return (
        i > 0
        and toks[i - 1].text[:1].isupper()
        and not _BREAK.search(text[toks[i - 1].end : tok.start])
    )


def _roles(
    toks: tuple[Token, ...], i: int, text: str, verbs: dict[int, int]
) -> set[tuple[int, str]]:
    """The roles of the word at ``i``: (verb, "subject") when the next content word is one of
    ``verbs`` (position → its id) and (verb, "object") when the previous one is, with only
    function words between (at most three) and no punctuation."""
    out: set[tuple[int, str]] = set()
    for step, role in ((1, "subject"), (-1, "object")):
        k = i + step
        while 0 <= k < len(toks) and abs(k - i) <= 4:
            lo, hi = sorted((i, k))
            if _BREAK.search(text[toks[lo].end : toks[hi].start]):
                break
            if toks[k].content:
                if k in verbs:
                    out.add((verbs[k], role))
                break
            if step == -1 and toks[k].lower in _DIRECTIONS:
                # "from Paris" / "to London": where something went from and to, with or
                # without a verb ("the flight from Paris to London").
                out.add((-1, toks[k].lower))
                role = toks[k].lower  # "flew from Paris": the verb's "from" object
            k += step
    return out


#: Prepositions of a movement's two ends: "from Paris to London" / "from London to Paris".
_DIRECTIONS = frozenset({"from", "to", "into", "toward", "towards"})
#: WordNet's files of verbs whose "from X to Y" is a stretch, not a movement: "was **felt**
#: from Aceh to Medan", "**stretches** from the coast to the hills", "**seen** from A to B".
_EXTENT_FILES = frozenset({"verb.perception", "verb.emotion", "verb.stative"})


def _extent(toks: tuple[Token, ...], i: int, text: str) -> bool:
    """Whether the ends of which ``toks[i]`` is the first belong to a stretch: the last verb
    before them is one of perception or state (in its first sense). No verb (the flight from
    Paris to London) or a verb of motion, change or transfer is a movement."""
    from claimcmp.text.wordnet import wordnet

    verb = next((k for k in range(i - 1, -1, -1) if _used_as_verb(toks, k, text)), None)
    if verb is None:
        return False
    wn = wordnet()
    firsts = (wn.synsets(lemma, pos="v")[:1] for pos, lemma in base_forms(toks[verb].lower))
    return any(wn.lexicographer_file(s) in _EXTENT_FILES for first in firsts for s in first)


#: WordNet relations of two words that can name one thing.
_SAME_THING = frozenset({"same", "synonym", "hypernym", "hyponym"})


def _coordinated(toks: tuple[Token, ...], i: int, k: int) -> bool:
    """Whether the words at ``i`` and ``k`` are items of one list: "and" or "or" between them,
    at most three words apart ("butter and milk", "the Lakers or the Celtics")."""
    lo, hi = sorted((i, k))
    return hi - lo <= 4 and any(t.lower in ("and", "or", "nor", "&") for t in toks[lo + 1 : hi])


def _thing(tok: Token, text: str) -> bool:
    """A name, or a word WordNet knows as a noun (and not only as a verb or adjective)."""
    if not tok.content or not tok.text[:1].isalpha() or tok.lower in CALENDAR_WORDS:
        return False
    if is_name(tok, text):
        return True
    return any(pos == "n" for pos, _ in base_forms(tok.lower))


_SYMMETRIC_STEMS = frozenset(stem(w) for w in SYMMETRIC_PREDICATES)


def _symmetric(tok: Token) -> bool:
    return tok.lower in SYMMETRIC_PREDICATES or stem(tok.lower) in _SYMMETRIC_STEMS


def _agent(toks: tuple[Token, ...], i: int) -> bool:
    """Whether the word at ``i`` is a passive verb's agent: "by" stands right before it, or
    before the article or name it ends ("by the Lakers", "by coach Phil Jackson")."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if toks[k].lower in _AGENT_MARKERS:
            return True
        if toks[k].content and not toks[k].text[:1].isupper():
            return False
    return False


# ----------------------------------------------------------------- modality

_HEDGE_RE = re.compile(
    r"\b(" + "|".join(re.escape(h) for h in sorted(HEDGE_LEVELS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


# Words before "suspect" that make it a noun ("the suspect", "a 20-year-old suspect", "two
# suspects"), and words after it that do ("the suspect was", "murder suspect Jermayne Timmons").
_BEFORE_NOUN = frozenset(
    "a an the this that these those his her their its our your my no any each every another "
    "one two three four five six seven eight nine ten".split()
)
_AFTER_NOUN = frozenset(
    "was is has had were are who whom whose in of and or to at on from with remains remained "
    "fled told said".split()
)


def _is_noun_suspect(text: str, start: int, end: int) -> bool:
    """Whether "suspect" at ``text[start:end]`` names a person rather than doubts a fact."""
    toks = tokens(text)
    i = next((k for k, t in enumerate(toks) if t.start == start), None)
    if i is None:
        return False
    before = toks[i - 1].lower if i > 0 else ""
    if before in _BEFORE_NOUN or before.endswith("-old"):
        return True
    if i + 1 == len(toks) or text[end : toks[i + 1].start].strip():
        return True  # "the suspect.", "suspect, 61," — punctuation follows a noun
    nxt = toks[i + 1]
    return nxt.text[:1].isupper() or nxt.lower in _AFTER_NOUN


@memoize(8192)  # read for each pair a claim is in
def _hedges(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (m.group(1).lower(), m.start(1), m.end(1))
        for m in _HEDGE_RE.finditer(text)
        # "in May", "Will Smith": a capitalised word inside the text is a name, not a modal.
        if not (
            m.group(1)[:1].isupper()
            and m.start(1) > 0
            and text[: m.start(1)].rstrip()[-1:] not in ".!?\"“‘'"
        )
        and not (m.group(1).lower() == "suspect" and _is_noun_suspect(text, m.start(1), m.end(1)))
        and not (m.group(1).lower() == "feared" and not _after_be(text, m.start(1)))
    )


_BE = frozenset("is are was were be been being".split())


def _after_be(text: str, start: int) -> bool:
    """Whether a form of "be" stands right before ``start`` ("were **feared** killed")."""
    before = text[:start].split()
    return bool(before) and before[-1].lower() in _BE


def _done(toks: tuple[Token, ...], i: int) -> bool:
    """Whether word ``i`` tells an action as done or under way: a past tense or a past
    participle ("checked", "overturned", "began", "taken"), or an -ing form after a form of
    "be" ("**is** helping investigate"); not a base form, a present, nor a participle after
    "be" ("won't **be** tolerated" is still to come)."""
    tok = toks[i]
    w = tok.lower
    before = toks[i - 1].lower if i > 0 else ""
    if w.endswith("ing") and before in _BE - {"be", "been", "being"}:
        return True
    if w.endswith(("s", "ing")) or not tok.text[:1].islower():
        return False
    if before in ("be", "being"):
        return False
    return any(pos == "v" and base != w for pos, base in base_forms(w))


def _hedged(t: Token) -> bool:
    """A word a hedge can bear on: a content word, not a negator ("could **not** be **used**"
    hedges "used"; the "not" is the negation detector's)."""
    return t.content and t.lower not in NEGATORS


class ModalityDetector:
    """Hedges and certainty that differ (``kind="modality"``).

    "is considering" vs "is planning", "may" vs "will", "reportedly" in one claim only. Each
    expression has a certainty level (:data:`~claimcmp.text.lexicon.HEDGE_LEVELS`). A
    hedge swapped for another, or a hedge in one claim over words the other states plainly
    ("is considering sending" / "is sending"), is compared: a gap of two levels or more is a
    divergence, a gap of one is reported at low severity. A reporting hedge
    (:data:`~claimcmp.text.lexicon.REPORTING_HEDGES`: "allegedly", "reportedly") says where a
    statement comes from rather than doubting it, so it is listed at low severity only.
    """

    name = "modality"

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        ha, hb = _hedges(a.text), _hedges(b.text)
        ua = [h for h in ha if h[0] not in {x for x, *_ in hb}]
        ub = [h for h in hb if h[0] not in {x for x, *_ in ha}]
        if not ua and not ub:
            return
        d = token_diff(a.text, b.text)
        estimate = claimed = planned = False
        if ua and ub:
            wa = min(ua, key=lambda h: HEDGE_LEVELS[h[0]])
            wb = min(ub, key=lambda h: HEDGE_LEVELS[h[0]])
            # Both hedges must bear on the same thing: "is considering **providing** aid" and
            # "plans to **visit**" hedge two different statements.
            head_a = next((i for i, t in enumerate(d.a) if t.start >= wa[2] and _hedged(t)), None)
            head_b = next((j for j, t in enumerate(d.b) if t.start >= wb[2] and _hedged(t)), None)
            if head_a is None or head_b is None or d.counterpart_in_b(head_a) != head_b:
                return
            a_span: tuple[int, int] | None = (wa[1], wa[2])
            b_span: tuple[int, int] | None = (wb[1], wb[2])
            la, lb = HEDGE_LEVELS[wa[0]], HEDGE_LEVELS[wb[0]]
            hedges = {wa[0], wb[0]}
            sa, sb = f"'{wa[0]}'", f"'{wb[0]}'"
        else:
            # One claim hedges; the other must state the hedged words plainly.
            hedged, own, other = (ua, d.a, d.b) if ua else (ub, d.b, d.a)
            w = min(hedged, key=lambda h: HEDGE_LEVELS[h[0]])
            # The hedged word (the first content word after the hedge) must have a counterpart
            # the other claim states plainly: "may have been **used**" / "have been **used**".
            nxt = next((i for i, t in enumerate(own) if t.start >= w[2] and _hedged(t)), None)
            if nxt is None:
                return
            counterpart = d.counterpart_in_b(nxt) if ua else d.counterpart_in_a(nxt)
            if counterpart is None:
                return
            # The same word, stated plainly: a word matched only by meaning ("provided" / "have
            # vested") is too loose a tie to say one claim doubts what the other states.
            tie = next(
                lv
                for i, j, lv in d.matches
                if (i, j) == ((nxt, counterpart) if ua else (counterpart, nxt))
            )
            if tie not in ("same", "name"):
                return
            # Stated plainly: not itself the object of a warning, a denial or a plan ("warns
            # China **against providing** aid", "plans **to provide**").
            # ("may have been **on probation**" / "was on probation" is stated plainly: the
            # word after the preposition is a noun, not an action warned against.)
            before = [t for t in other if t.end <= other[counterpart].start][-1:]
            if (
                before
                and before[0].lower in _NOT_ASSERTING
                and (before[0].lower == "to" or other[counterpart].lower.endswith("ing"))
            ):
                return
            plain = [other[counterpart]]
            # Both statements already sit under one estimating verb: the "plain" one is an
            # estimate too, so the extra hedge changes little.
            estimate = _governed(other, counterpart, _ESTIMATING, d, bool(ua), shared=True)
            # The plain statement is only someone's claim, which the hedged one does not
            # report: "environmentalists **claim** the rule weakened the act" is no more
            # certain than "could have weakened" it. (Under one claim both share, "Israel
            # claimed Hamas was planning" / "... may have been planning", the hedge counts.)
            claimed = _governed(other, counterpart, _CLAIMING, d, bool(ua), shared=False)
            level = HEDGE_LEVELS[w[0]]
            hedges = {w[0]}
            # A plan or an expectation against the same action told as done ("is expected
            # to **check** into rehab" / "has **checked** into rehab"): not yet is not done.
            planned = w[0] in PLAN_HEDGES and _done(other, counterpart)
            if ua:
                a_span, b_span, la, lb, sa, sb = (
                    (w[1], w[2]),
                    (plain[0].start, plain[0].end),
                    level,
                    4,
                    f"'{w[0]}'",
                    "no hedge",
                )
            else:
                a_span, b_span, la, lb, sa, sb = (
                    (plain[0].start, plain[0].end),
                    (w[1], w[2]),
                    4,
                    level,
                    "no hedge",
                    f"'{w[0]}'",
                )
        if planned:
            # Told as not yet done against done: as far apart as a doubt from a fact.
            la, lb = (2, 4) if ua else (4, 2)
        if la == lb:
            return
        gap = abs(la - lb)
        more = "A" if la < lb else "B"
        explanation = f"different certainty: {sa} vs {sb} ({more} is more tentative)"
        if planned:
            explanation = (
                f"{sa} vs {sb}: {more} tells as planned or expected what the other tells as "
                "done or under way"
            )
        # In a copy that is otherwise word for word, a hedge two levels apart that makes a
        # sure statement uncertain is the edit itself ("**could** be sidelined" / "**will** be
        # sidelined", "was **apparently** attacked" / "was attacked"); between two tellings,
        # wording drifts more, and two hedges of possibility ("could" / "might") stay close.
        sure_to_unsure = gap == 2 and d.ratio >= NEAR_COPY_RATIO and max(la, lb) >= 3
        confidence = 0.7 if gap >= 3 or sure_to_unsure else 0.45 if gap == 2 else 0.35
        severity: Severity = "medium" if gap >= 2 else "low"
        if hedges & REPORTING_HEDGES:
            explanation = (
                f"{sa} vs {sb}: a reporting hedge says where a statement comes from, "
                "not that it is in doubt"
            )
            confidence, severity = 0.3, "low"
        elif not (ua and ub) and estimate:
            explanation = f"{sa} vs {sb}, but both statements are estimates"
            confidence, severity = 0.3, "low"
        elif not (ua and ub) and claimed:
            explanation = f"{sa} vs {sb}, but the plain statement is itself only claimed"
            confidence, severity = 0.3, "low"
        elif (
            not (ua and ub)
            and hedges <= _CAUTION
            and d.ratio < NEAR_COPY_RATIO
            and confidence >= 0.5
        ):
            # Two tellings worded apart: one writer's caution ("the quake **appears to** have
            # shaken the capital" / "the quake shook houses", "**possibly** two children")
            # rather than a fact in doubt (the report benchmark's figures are in
            # docs/detectors.md); a suspicion someone holds ("investigators **suspect** arson"
            # / "an arson fire") or a decision not yet taken ("is **considering**") tells the
            # state of the fact, and keeps its weight.
            explanation += ", but one writer's caution between two tellings worded apart"
            confidence, severity = 0.45, "medium"
        yield finding(
            "modality", self.name, a.text, b.text, a_span, b_span, explanation, confidence, severity
        )


# ------------------------------------------------------- omission / addition


class OmissionDetector:
    """A detail one claim carries and the other lacks (``kind="omission"`` / ``"addition"``).

    ``omission``: A has words B lacks; ``addition``: B has words A lacks. Only stretches with
    at least ``min_content`` content words with no counterpart in the other claim (or one name
    or figure) count; connectives and function words never do. Coverage is not conflict: the
    same fact told with more detail is a paraphrase, so these findings are always of low
    severity and never decide a verdict on their own.
    """

    name = "omission"

    def __init__(self, *, min_content: int = 2) -> None:
        self.min_content = min_content

    def detect(self, a: ClaimText, b: ClaimText) -> Iterator[Divergence]:
        d = token_diff(a.text, b.text)
        # The minutes of a time the other claim also gives ("7 p.m." / "7:05 p.m.") are no
        # detail of their own: the date detector compares the two times.
        times_a, times_b = find_times(a.text), find_times(b.text)
        both = bool(times_a and times_b)

        def outside(toks: tuple[Token, ...], times: Sequence[TimeMention]) -> tuple[Token, ...]:
            if not both:
                return toks
            return tuple(t for t in toks if not _inside(t.start, times))

        for e in d.edits:
            free_a, free_b = outside(e.a_free, times_a), outside(e.b_free, times_b)
            for kind, extra, other in (
                ("omission", free_a, free_b),
                ("addition", free_b, free_a),
            ):
                if not extra:
                    continue
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
                yield finding(kind, self.name, a.text, b.text, a_span, b_span, expl, 0.3, "low")
