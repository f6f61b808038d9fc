"""Word-level alignment of two claims: which words correspond, and what was swapped, dropped
or added.

Detectors compare *corresponding* words: a figure with the figure in the same role, a name with
the name in the same place, a key word with the word that replaced it. :func:`token_diff`
finds the correspondence in two steps:

1. **Matching.** Content words of the two claims are paired one-to-one when they mean the same
   thing, most certain first: the same spelling key (``criticise``/``criticize``,
   ``U.S.``/``US``); the same base or derived form (``killed``/``kill``,
   ``invade``/``invasion``); the same name written differently (``HP``/``Hewlett-Packard``,
   ``Russia``/``Russian``, ``Xi``/``Xi Jinping``); a shared WordNet sense (``begin``/``start``);
   one more general than the other (``murder``/``kill``). Among candidates, the one at the
   closest relative position wins.
2. **Ordering.** Matched words get one shared key, and the two key sequences are aligned with
   :class:`difflib.SequenceMatcher`, so function words and word order count as well. Stretches
   that do not align become :class:`Edit` objects: a *replace* is a slot whose words changed
   (where a swap is looked for), a *delete*/*insert* a detail one claim lacks.

A matched word that moved elsewhere in the sentence is not a difference; a word left unmatched
(:attr:`TokenDiff.only_a` / :attr:`TokenDiff.only_b`) is compared only with the unmatched words
of its own slot.
"""

from __future__ import annotations

import difflib
from typing import Literal

import attrs

from claimcmp.memo import memoize
from claimcmp.text.lexicon import stem
from claimcmp.text.normalize import FUNCTION_WORDS, Token, tokens

__all__ = [
    "FUNCTION_WORDS",
    "NEAR_COPY_RATIO",
    "Edit",
    "MatchLevel",
    "TokenDiff",
    "is_content",
    "name_spans",
    "token_diff",
]

#: Word-sequence similarity (:attr:`TokenDiff.ratio`) from which two claims are one text
#: edited rather than two tellings: every SummEdits pair is above it, and in ECB+ only copies
#: of one syndicated story reach it.
NEAR_COPY_RATIO = 0.75

#: How two matched words relate: the same word, the same name, a synonym, or one more general.
MatchLevel = Literal["same", "name", "synonym", "general"]


def is_content(tok: Token) -> bool:
    """A token that carries content: not a function word, honorific or bare punctuation."""
    return tok.content


@attrs.frozen
class Edit:
    """One edit: tokens ``a[i1:i2]`` of claim A became ``b[j1:j2]`` of claim B.

    ``a_free`` / ``b_free`` are the edit's content tokens that have no counterpart anywhere in
    the other claim (a word that only moved is not free).
    """

    op: Literal["replace", "delete", "insert"]
    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]
    i1: int = 0  # position of the edit in A's tokens (where an insertion goes)
    j1: int = 0  # position of the edit in B's tokens
    a_free: tuple[Token, ...] = ()
    b_free: tuple[Token, ...] = ()
    #: A corresponding content word stands right before or after the edit in both claims: the
    #: edit is a slot of one shared sentence frame, not a coincidence of two rewordings.
    anchored: bool = False

    @property
    def a_span(self) -> tuple[int, int] | None:
        return (self.a_tokens[0].start, self.a_tokens[-1].end) if self.a_tokens else None

    @property
    def b_span(self) -> tuple[int, int] | None:
        return (self.b_tokens[0].start, self.b_tokens[-1].end) if self.b_tokens else None

    @property
    def a_content(self) -> tuple[Token, ...]:
        return tuple(t for t in self.a_tokens if t.content)

    @property
    def b_content(self) -> tuple[Token, ...]:
        return tuple(t for t in self.b_tokens if t.content)


@attrs.frozen
class TokenDiff:
    """The two tokenised claims, their word correspondence, their edits, and how much is shared."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]
    edits: tuple[Edit, ...]
    ratio: float  # difflib ratio of the aligned key sequences: 1.0 = the same wording
    content_overlap: float  # matched content words / content words of the shorter claim
    # Content tokens of one claim with no counterpart in the other.
    only_a: tuple[Token, ...] = ()
    only_b: tuple[Token, ...] = ()
    #: Matched content words: (index in ``a``, index in ``b``, how they match).
    matches: tuple[tuple[int, int, MatchLevel], ...] = ()

    _a_to_b: dict[int, int] = attrs.field(factory=dict, eq=False, repr=False)
    _b_to_a: dict[int, int] = attrs.field(factory=dict, eq=False, repr=False)
    _a_index: dict[int, int] = attrs.field(factory=dict, eq=False, repr=False)
    _b_index: dict[int, int] = attrs.field(factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Lookups every detector makes many times per pair: kept as maps, built once.
        self._a_to_b.update((i, j) for i, j, _ in self.matches)
        self._b_to_a.update((j, i) for i, j, _ in self.matches)
        self._a_index.update((t.start, i) for i, t in enumerate(self.a))
        self._b_index.update((t.start, i) for i, t in enumerate(self.b))

    @property
    def replaced_slots(self) -> tuple[Edit, ...]:
        """Slots whose content words were replaced by other content words (not words that
        only moved, nor a word matched with its synonym): where an edited text changed."""
        return tuple(e for e in self.edits if e.op == "replace" and e.a_free and e.b_free)

    def counterpart_in_b(self, i: int) -> int | None:
        """Index in ``b`` of the word matched with ``a[i]``, if any."""
        return self._a_to_b.get(i)

    def counterpart_in_a(self, j: int) -> int | None:
        """Index in ``a`` of the word matched with ``b[j]``, if any."""
        return self._b_to_a.get(j)

    def index_in_a(self, tok: Token) -> int:
        """Position of ``tok`` (a token of ``a``) in ``a``."""
        return self._a_index[tok.start]

    def index_in_b(self, tok: Token) -> int:
        """Position of ``tok`` (a token of ``b``) in ``b``."""
        return self._b_index[tok.start]


def name_spans(toks: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Runs of capitalised tokens (``[i, j)``): "Hewlett-Packard", "United States", "Xi Jinping"."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i].text[:1].isupper() and toks[i].content:
            j = i + 1
            while j < len(toks) and toks[j].text[:1].isupper() and toks[j].content:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _alpha(tok: Token) -> bool:
    return tok.text[:1].isalpha()


def _meaningful(toks: tuple[Token, ...], i: int) -> bool:
    """A word whose WordNet senses may match another's: not a name, not a number word."""
    from claimcmp.text.quantities import is_number_word

    return (
        _alpha(toks[i]) and not _capitalised_inside(toks, i) and not is_number_word(toks[i].lower)
    )


def _capitalised_inside(toks: tuple[Token, ...], i: int) -> bool:
    """A capitalised word that does not start the text: most likely a name."""
    return i > 0 and toks[i].text[:1].isupper()


def _match(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> list[tuple[int, int, MatchLevel]]:
    from claimcmp.text.lexicon import are_antonyms
    from claimcmp.text.names import same_entity
    from claimcmp.text.wordnet import antonyms, relation, senses

    ca = [i for i, t in enumerate(ta) if t.content]
    cb = [j for j, t in enumerate(tb) if t.content]
    free_a, free_b = set(ca), set(cb)
    out: list[tuple[int, int, MatchLevel]] = []
    na, nb = max(1, len(ta) - 1), max(1, len(tb) - 1)

    # Where each token stands in a first, exact alignment: ("slot", k) inside the k-th
    # replaced stretch, or ("kept", i/j) where the keys are equal.
    slot_a: dict[int, int] = {}
    slot_b: dict[int, int] = {}
    replaced: set[int] = set()  # the slots where words of A were replaced by words of B
    exact = difflib.SequenceMatcher(a=[t.key for t in ta], b=[t.key for t in tb], autojunk=False)
    for k, (op, i1, i2, j1, j2) in enumerate(exact.get_opcodes()):
        if op == "replace":
            replaced.add(k)
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if ta[i].content and tb[j].content:
                    free_a.discard(i)
                    free_b.discard(j)
                    out.append((i, j, "same"))
        else:
            slot_a.update(dict.fromkeys(range(i1, i2), k))
            slot_b.update(dict.fromkeys(range(j1, j2), k))

    def near(i: int, j: int) -> bool:
        """A meaning match only counts in the same slot, or close by after a reordering: a
        synonym of a word far away in the other claim is not its counterpart. Nor is a word of
        another replaced slot: in "**lowered** its spend and **strengthened** its balance
        sheet" / "**increased** its spend and **weakened** its balance sheet" each word has
        its counterpart in its own slot, though "strengthened" and "increased" share a
        sense."""
        k, m = slot_a.get(i), slot_b.get(j)
        if k is not None and k == m:
            return True
        if k in replaced and m in replaced:
            return False
        return abs(i / na - j / nb) <= 0.2

    def opposed(i: int, j: int) -> bool:
        """Opposites share senses and hypernyms ("buy" / "sell"): never counterparts in meaning.
        Compared as base forms: "refused" / "accepted" share a parent verb (respond), and
        WordNet lists the opposites as "refuse" / "accept"."""
        x, y = ta[i].lower, tb[j].lower
        return are_antonyms(x, y) or y in antonyms(x) or relation(x, y) == "antonym"

    def take(candidates: dict[int, list[int]], level: MatchLevel, *, local: bool = False) -> None:
        for i, js in candidates.items():
            js = [
                j
                for j in js
                if j in free_b and (not local or near(i, j)) and not (local and opposed(i, j))
            ]
            if i not in free_a or not js:
                continue
            j = min(
                js, key=lambda j: (slot_a.get(i, -1) != slot_b.get(j, -2), abs(i / na - j / nb), j)
            )
            free_a.discard(i)
            free_b.discard(j)
            out.append((i, j, level))

    # 1. The same spelling key (or crude stem, for inflections WordNet does not know).
    by_key: dict[str, list[int]] = {}
    for j in cb:
        by_key.setdefault(tb[j].key, []).append(j)
        by_key.setdefault("~" + stem(tb[j].lower), []).append(j)
    take({i: by_key.get(ta[i].key, []) for i in ca}, "same")
    take({i: by_key.get("~" + stem(ta[i].lower), []) for i in ca if _alpha(ta[i])}, "same")
    # 2. The same name written differently: whole runs of capitalised words.
    spans_b = name_spans(tb)
    for s, e in name_spans(ta):
        if not any(k in free_a for k in range(s, e)):
            continue
        for s2, e2 in spans_b:
            if not any(k in free_b for k in range(s2, e2)):
                continue
            x = " ".join(t.text for t in ta[s:e])
            y = " ".join(t.text for t in tb[s2:e2])
            if same_entity(x, y):
                pairs = list(zip(range(s, e), range(s2, e2), strict=False))
                for i, j in pairs:
                    if i in free_a and j in free_b:
                        free_a.discard(i)
                        free_b.discard(j)
                        out.append((i, j, "name"))
                # The longer name's extra words are part of the same name, not a detail.
                for k in range(s, e):
                    free_a.discard(k)
                for k in range(s2, e2):
                    free_b.discard(k)
                break
    # An acronym against the words it abbreviates: "RB" / "running back", "I.R." / "injured
    # reserve" (names were matched above; these words need not be capitalised).
    for acronyms, other, free_mine, free_other, mine_first in (
        (ta, tb, free_a, free_b, True),
        (tb, ta, free_b, free_a, False),
    ):
        for i in sorted(free_mine):
            letters = acronyms[i].text.replace(".", "")
            if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
                continue
            n = len(letters)
            for j in range(len(other) - n + 1):
                run = range(j, j + n)
                if all(
                    k in free_other and other[k].text[:1].lower() == letters[m].lower()
                    for m, k in enumerate(run)
                ):
                    free_mine.discard(i)
                    for k in run:
                        free_other.discard(k)
                    out.append((i, j, "name") if mine_first else (j, i, "name"))
                    break
    # 3. WordNet: a base or derived form, a shared sense, one more general than the other.
    # Names are matched as names (above), never through the senses of a common word that
    # happens to be spelled the same ("Chicago", "Bush", "Apple").
    # Nor are number words ("five" / "two" are both satellites of "cardinal").
    sa = {i: senses(ta[i].lower) for i in free_a if _meaningful(ta, i)}
    sb = {j: senses(tb[j].lower) for j in free_b if _meaningful(tb, j)}
    by_form: dict[str, list[int]] = {}
    by_synset: dict[int, list[int]] = {}
    by_general: dict[int, list[int]] = {}
    for j, sense in sb.items():
        for f in sense.forms:
            by_form.setdefault(f, []).append(j)
        for n in sense.synsets:
            by_synset.setdefault(n, []).append(j)
        for g in sense.general:
            by_general.setdefault(g, []).append(j)
    take(
        {i: [j for f in sense.forms for j in by_form.get(f, ())] for i, sense in sa.items()}, "same"
    )
    take(
        {i: [j for n in sense.synsets for j in by_synset.get(n, ())] for i, sense in sa.items()},
        "synonym",
        local=True,
    )
    by_verb_parent: dict[int, list[int]] = {}
    for j, sense in sb.items():
        for n in sense.verb_parents:
            by_verb_parent.setdefault(n, []).append(j)
    take(
        {
            i: [j for n in sense.verb_parents for j in by_verb_parent.get(n, ())]
            for i, sense in sa.items()
        },
        "synonym",
        local=True,
    )
    take(
        {
            i: [j for n in sense.synsets for j in by_general.get(n, ())]
            + [j for n in sense.general for j in by_synset.get(n, ())]
            for i, sense in sa.items()
        },
        "general",
        local=True,
    )
    out.sort()
    return out


@memoize(1024)
def token_diff(a: str, b: str) -> TokenDiff:
    """Align the words of ``a`` and ``b`` and list the edits (memoised)."""
    ta, tb = tuple(tokens(a)), tuple(tokens(b))
    matches = _match(ta, tb)
    ka, kb = [t.key for t in ta], [t.key for t in tb]
    for n, (i, j, _) in enumerate(matches):
        ka[i] = kb[j] = f"\x00{n}"  # one shared key per matched pair
    matched_a = {i for i, _, _ in matches}
    matched_b = {j for _, j, _ in matches}
    # Words of a name matched in part ("Xi" / "Xi Jinping") are not free either.
    extra_a, extra_b = _partial_names(ta, tb, matches)
    covered_a = matched_a | extra_a
    covered_b = matched_b | extra_b
    matcher = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
    opcodes = matcher.get_opcodes()
    edits: list[Edit] = []
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            continue
        before = opcodes[n - 1] if n > 0 else None
        after = opcodes[n + 1] if n + 1 < len(opcodes) else None
        anchored = any(
            o is not None and o[0] == "equal" and any(ta[i].content for i in range(o[1], o[2]))
            for o in (before, after)
        )
        edits.append(
            Edit(
                op,
                ta[i1:i2],
                tb[j1:j2],
                i1,
                j1,
                tuple(ta[i] for i in range(i1, i2) if ta[i].content and i not in covered_a),
                tuple(tb[j] for j in range(j1, j2) if tb[j].content and j not in covered_b),
                anchored,
            )
        )
    n_a = sum(1 for t in ta if t.content)
    n_b = sum(1 for t in tb if t.content)
    overlap = len(matches) / max(1, min(n_a, n_b))
    only_a = tuple(t for i, t in enumerate(ta) if t.content and i not in covered_a)
    only_b = tuple(t for j, t in enumerate(tb) if t.content and j not in covered_b)
    return TokenDiff(
        ta, tb, tuple(edits), matcher.ratio(), min(1.0, overlap), only_a, only_b, tuple(matches)
    )


def _partial_names(
    ta: tuple[Token, ...], tb: tuple[Token, ...], matches: list[tuple[int, int, MatchLevel]]
) -> tuple[set[int], set[int]]:
    """Unmatched words of names that one claim gives in full and the other in part.

    "Xi Jinping" / "Xi": "Jinping" is the rest of the same name. "Prime Minister Rishi Sunak" /
    "Prime Minister Keir Starmer": both names keep unmatched words of their own, and a shared
    title does not make them one name.
    """
    from claimcmp.text.lexicon import TITLE_WORDS

    spans_a, spans_b = name_spans(ta), name_spans(tb)
    matched_a = {i for i, _, _ in matches}
    matched_b = {j for _, j, _ in matches}
    out_a: set[int] = set()
    out_b: set[int] = set()
    for i, j, _ in matches:
        if ta[i].lower in TITLE_WORDS:
            continue
        sa = next((sp for sp in spans_a if sp[0] <= i < sp[1]), None)
        sb = next((sp for sp in spans_b if sp[0] <= j < sp[1]), None)
        rest_a = [k for k in range(*sa) if k not in matched_a] if sa else []
        rest_b = [k for k in range(*sb) if k not in matched_b] if sb else []
        if rest_a and rest_b:
            continue  # both have words of their own: possibly two different names
        out_a.update(rest_a)
        out_b.update(rest_b)
    return out_a, out_b
