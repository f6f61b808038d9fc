"""What every detector shares: building a finding, and telling whether two values fill the
same role of the same fact.

A difference between two claims is a conflict only when both values say the same thing about
the same fact: the figure of the same count, the date of the same event, the person in the
same role. :func:`same_role` is that test, read from the word alignment of the two claims
(:func:`~claimcmp.text.diff.token_diff`): the two spans stand in the same slot (one
replaced the other), or words next to them correspond ("a **60-year-old** suspect" / "the
suspect, **61**, ..." share "suspect"; "fell **150 metres**" / "fell **200ft**" share "fell").
"""

from __future__ import annotations

import re
from typing import Literal

from claimcmp.records import Divergence
from claimcmp.text.diff import Edit, TokenDiff
from claimcmp.text.lexicon import FIGURE_QUALIFIERS
from claimcmp.text.names import CALENDAR_WORDS
from claimcmp.text.normalize import PHRASE_BREAKS, Token
from claimcmp.text.wordnet import base_forms, is_agent, relation

__all__ = [
    "Severity",
    "count_other_things",
    "counted_group",
    "counts_people",
    "finding",
    "name_number",
    "other_outcomes",
    "outcome_of",
    "same_outcome",
    "same_role",
    "tokens_in",
]

Severity = Literal["low", "medium", "high"]

#: Content words on each side of a value that may tie it to its counterpart.
ROLE_WINDOW = 2
#: An edit longer than this on either side is a rewritten stretch, not one value replaced by
#: another: two values inside it are not paired by position alone.
SLOT_TOKENS = 3


def finding(
    kind: str,
    detector: str,
    a: str,
    b: str,
    a_span: tuple[int, int] | None,
    b_span: tuple[int, int] | None,
    explanation: str,
    confidence: float,
    severity: Severity = "high",
) -> Divergence:
    """A :class:`~claimcmp.records.Divergence` whose texts are the spans' slices of ``a`` / ``b``."""
    return Divergence(
        kind=kind,
        a_span=a_span,
        b_span=b_span,
        a_text=a[a_span[0] : a_span[1]] if a_span else "",
        b_text=b[b_span[0] : b_span[1]] if b_span else "",
        explanation=explanation,
        confidence=confidence,
        severity=severity,
        detector=detector,
    )


def tokens_in(toks: tuple[Token, ...], span: tuple[int, int]) -> list[int]:
    """Indices of the tokens that overlap ``span``."""
    return [i for i, t in enumerate(toks) if t.start < span[1] and span[0] < t.end]


def _neighbours(
    toks: tuple[Token, ...],
    inside: list[int],
    span: tuple[int, int],
    window: int,
    names: bool = False,
) -> set[int]:
    """Content words within ``window`` content words before and after ``span``. Figures and
    names do not count: a figure does not say what another counts, and a name before a value
    is mostly whose it is ("the Colts (10-5)" / "gave the Colts a 20-13 win"), not what it is."""

    def word(i: int, t: Token) -> bool:
        is_name = i > 0 and t.text[:1].isupper()
        return t.content and i not in inside and not t.text[:1].isdigit() and (names or not is_name)

    before = [i for i, t in enumerate(toks) if t.end <= span[0] and word(i, t)]
    after = [i for i, t in enumerate(toks) if t.start >= span[1] and word(i, t)]
    return set(before[-window:]) | set(after[:window])


def _framed(diff: TokenDiff, e: Edit, a_span: tuple[int, int], b_span: tuple[int, int]) -> bool:
    """The slot is held by corresponding content words outside the two values: "at **least**
    five" / "at **least** three" is anchored only by the values' own qualifier."""
    i2, j2 = e.i1 + len(e.a_tokens), e.j1 + len(e.b_tokens)
    for i, j, step in ((e.i1 - 1, e.j1 - 1, -1), (i2, j2, 1)):
        # Past a function word or two that both claims share in place ("Cheeks **on**
        # Saturday" / "Cheeks **on** Monday").
        for _ in range(2):
            if not (0 <= i < len(diff.a) and 0 <= j < len(diff.b)):
                break
            if diff.a[i].content or diff.b[j].content or diff.a[i].key != diff.b[j].key:
                break
            i, j = i + step, j + step
        if not (0 <= i < len(diff.a) and 0 <= j < len(diff.b)):
            continue
        ta, tb = diff.a[i], diff.b[j]
        inside = a_span[0] <= ta.start < a_span[1] or b_span[0] <= tb.start < b_span[1]
        if ta.content and tb.content and not inside and diff.counterpart_in_b(i) == j:
            return True
    return False


def same_role(
    diff: TokenDiff,
    a_span: tuple[int, int],
    b_span: tuple[int, int],
    *,
    window: int = ROLE_WINDOW,
    names: bool = False,
) -> bool:
    """Whether ``a_span`` of claim A and ``b_span`` of claim B fill the same role.

    True when one replaced the other in the word alignment (a short edit holds both), or when
    a content word next to one corresponds to a content word next to the other. ``names``:
    let names count as neighbours (an age is a person's: "Simpson, 27" / "Simpson, 26").
    """
    ia, ib = tokens_in(diff.a, a_span), tokens_in(diff.b, b_span)
    if not ia or not ib:
        return False
    # What the values are said of, right before them, differs, and one of the two words has no
    # counterpart at all: "**killing** at least three people" / "**injuring** at least five
    # people", "**died**, more than 40 people" / "**wounded** around 100 people". The same noun
    # counted in two roles, however the slot aligns.
    left_a = _left_word(diff.a, ia, a_span)
    left_b = _left_word(diff.b, ib, b_span)
    if (
        left_a is not None
        and left_b is not None
        and diff.counterpart_in_b(left_a) != left_b
        # Crossed but shared ("repairs would **cost** $18 million" / "the cost of **repairs** at
        # $25 million"): both words stand in both claims, one frame told in two word orders.
        and (diff.counterpart_in_b(left_a) is None or diff.counterpart_in_a(left_b) is None)
    ):
        return False
    for e in diff.edits:
        if (
            not e.anchored
            or len(e.a_tokens) > SLOT_TOKENS + len(ia)
            or len(e.b_tokens) > SLOT_TOKENS + len(ib)
        ):
            continue
        a_range = range(e.i1, e.i1 + len(e.a_tokens))
        b_range = range(e.j1, e.j1 + len(e.b_tokens))
        if (
            any(i in a_range for i in ia)
            and any(j in b_range for j in ib)
            and _framed(diff, e, a_span, b_span)
        ):
            # Other words of the slot changed on both sides too ("**trailed 17-7 at halftime**" /
            # "**beat the Jaguars 31-24**"): a rewritten stretch, whose values may be two facts.
            other_a = [t for t in e.a_free if not (a_span[0] <= t.start < a_span[1])]
            other_b = [t for t in e.b_free if not (b_span[0] <= t.start < b_span[1])]
            if not (other_a and other_b):
                return True
    na, nb = (
        _neighbours(diff.a, ia, a_span, window, names),
        _neighbours(diff.b, ib, b_span, window, names),
    )
    return any(i in na and j in nb for i, j, _ in diff.matches)


#: "of the" between a figure and what it counts: "25 of the injured", "three of them".
_OF_THE = re.compile(r"\s+of\s+(?:the|those|these|his|her|their|its)\s+(?=[a-z])")


def _counted(toks: tuple[Token, ...], text: str, span: tuple[int, int], n: int) -> list[int]:
    """Up to ``n`` content words right after a figure, before any function word or
    punctuation: what it counts or measures ("40 **people died**", "seven **bridges**", "a
    44-yard **field goal**"). "fell 150 metres **at** Mount Cook" has none: a preposition
    starts the setting, not the thing measured."""
    out: list[int] = []
    end = span[1]
    of_the = _OF_THE.match(text, span[1])
    if of_the:
        end = of_the.end()  # "25 **of the injured**" counts the injured
    for i, t in enumerate(toks):
        if t.start < end:
            continue
        if (
            any(c in PHRASE_BREAKS for c in text[end : t.start])
            or t.text[:1].isdigit()
            or not t.content
        ):
            break
        end = t.end
        out.append(i)
        if len(out) == n:
            break
    return out


def count_other_things(
    diff: TokenDiff,
    texts: tuple[str, str],
    a_span: tuple[int, int],
    b_span: tuple[int, int],
    *,
    window: int = 2,
) -> bool:
    """Whether two figures visibly count different things: each is followed directly by words
    it counts, and none of those words corresponds to one of the other's
    ("more than 40 **people died**" / "three **artillery shells**", "seven **bridges**" / "4
    **school buildings**"). Such figures are two facts, however their neighbours align."""
    ca = _counted(diff.a, texts[0], a_span, window)
    cb = _counted(diff.b, texts[1], b_span, window)
    if not ca or not cb:
        return False
    if any(i in ca and j in cb for i, j, _ in diff.matches) or any(
        # The alignment is one to one: "one **person**" / "four **people**" may each be paired
        # with another word of the other claim, and WordNet does not relate person and people.
        _one_thing(diff.a[i].lower, diff.b[j].lower)
        for i in ca
        for j in cb
    ):
        # The same thing counted; what is said of it may still differ: "30 people **were
        # killed**" / "350 people **were taking** shelter" are two counts of people.
        pa = _predicate(diff.a, texts[0], ca[-1])
        pb = _predicate(diff.b, texts[1], cb[-1])
        return (
            pa is not None
            and pb is not None
            and diff.counterpart_in_b(pa) != pb
            and not same_outcome(diff.a[pa].lower, diff.b[pb].lower)
        )
    return True


#: Capitalised words whose number says which one of a series it is ("Week 3", "Game 7",
#: "Round 2"), not how many.
_SEQUENCE_LABELS = frozenset("Week Game Round Stage Leg Race Heat Day Match".split())


def name_number(toks: tuple[Token, ...], text: str, span: tuple[int, int]) -> str | None:
    """The name a figure is part of ("Windows **8**", "IE**11**", "Article **60** of"), or None.

    A figure numbers the thing named, and counts nothing, when it stands right after a
    capitalised word (only spaces between) that is not the claim's first word, a month or a
    weekday, and right before a full stop or other punctuation, the end or a function word. A
    figure followed by a content word ("Obama 52 percent") or a comma (a box score: "Hansbrough
    20, Ellington 15") is left to the other rules.
    """
    inside = [i for i, t in enumerate(toks) if span[0] <= t.start < span[1]]
    if not inside or inside[0] < 2:
        return None
    before, after = toks[inside[0] - 1], inside[-1] + 1
    if text[before.end : span[0]].strip() or not before.text.isalpha():
        return None
    if before.text in _SEQUENCE_LABELS:
        return before.lower  # "Week 3", "Game 7": which one of a series, wherever it stands
    if not before.text[:1].isupper() or before.lower in CALENDAR_WORDS:
        return None
    if (after < len(toks) and toks[after].content) or text[span[1] :].lstrip().startswith(","):
        return None
    return before.lower


#: Words between a counted noun and what is said of it: "40 people **who had** sought shelter".
_AUXILIARIES = frozenset("were was are is be been being have has had who that which also".split())
#: Ways of telling one toll: "42 people were killed" / "more than 40 people died".
_TOLL = frozenset("killed died dead perished lost slain".split())


def _predicate(toks: tuple[Token, ...], text: str, last: int) -> int | None:
    """What is said of a counted noun, right after it and its auxiliaries, in its clause
    ("40 people **were killed**" → killed), if that is a verb form (-ed, -ing), or what it has
    ("50 people with **injuries**" → injuries)."""
    i = last + 1
    # Auxiliaries and adverbs: "five people were **reportedly** injured".
    while i < len(toks) and (
        toks[i].lower in _AUXILIARIES or (toks[i].lower.endswith("ly") and len(toks[i].lower) > 4)
    ):
        i += 1
    if i >= len(toks) or any(c in PHRASE_BREAKS for c in text[toks[last].end : toks[i].start]):
        return None
    if toks[i].lower == "with" and not any(t.lower in _AUXILIARIES for t in toks[last + 1 : i]):
        # "50 people **with** serious **injuries**": what they have is said of them; the noun
        # that ends the phrase right after "with".
        k = i + 1
        while k < len(toks) and toks[k].content and toks[k].text.isalpha():
            if any(c in PHRASE_BREAKS for c in text[toks[k - 1].end : toks[k].start]):
                break
            k += 1
        return k - 1 if k > i + 1 else None
    word = toks[i].lower
    inflected = word.endswith(("ed", "ing")) and len(word) > 4
    return i if toks[i].content and (inflected or verb_form_only(word)) else None


def outcome_of(toks: tuple[Token, ...], text: str, span: tuple[int, int]) -> str | None:
    """What happened to what a figure counts, when the claim says it right next to the
    figure: the verb before it ("**killed** three people", "**injuring** at least five") or
    what is said of the counted noun after it ("three people were **killed**", "five
    **injured**"). A verb before that is no casualty gives way to a casualty after ("have
    **recorded** 24 people **dead**": dead). None when neither is a verb form."""
    inside = [i for i, t in enumerate(toks) if span[0] <= t.start < span[1]]
    if not inside:
        return None
    first = inside[0]
    # Before: skip a qualifier of the figure ("at least", "more than", "about").
    k = first - 1
    while k >= 0 and toks[k].lower in _FIGURE_QUALIFIERS:
        k -= 1
    if k >= 0 and not any(c in PHRASE_BREAKS for c in text[toks[k].end : span[0]]):
        word = toks[k].lower
        # "leaving two others missing": what "leave" leaves them in follows the figure.
        leaves = any(base == "leave" for _, base in base_forms(word))
        if toks[k].content and word.endswith(("ed", "ing")) and len(word) > 4 and not leaves:
            if _casualty(word) is None:
                after = _outcome_after(toks, text, span, inside)
                if after is not None and _casualty(after) is not None:
                    return after
            return word
    return _outcome_after(toks, text, span, inside)


def _outcome_after(
    toks: tuple[Token, ...], text: str, span: tuple[int, int], inside: list[int]
) -> str | None:
    """What :func:`outcome_of` reads after the figure."""
    # After: "five **injured**" right after it, or after what it counts.
    nxt = inside[-1] + 1
    if nxt < len(toks) and not any(c in PHRASE_BREAKS for c in text[span[1] : toks[nxt].start]):
        word = toks[nxt].lower
        if word in _TOLL or (word.endswith("ed") and verb_form_only(word)):
            return word
    counted = _counted(toks, text, span, 2)
    if (
        not counted
        and nxt < len(toks)
        and toks[nxt].lower in _STAND_INS
        and not any(c in PHRASE_BREAKS for c in text[span[1] : toks[nxt].start])
    ):
        counted = [nxt]  # "two **others** missing": what is said of them follows
    for c in counted or [inside[-1]]:
        # "two soldiers **died**": the counted run may end in the outcome itself; "four
        # were **wounded**": nothing counted written, the outcome after auxiliaries.
        if c > nxt and (
            toks[c].lower in _TOLL
            or verb_form_only(toks[c].lower)
            or _casualty(toks[c].lower) is not None  # "left 300 people **homeless**"
        ):
            return toks[c].lower
        pred = _predicate(toks, text, c)
        if pred is not None:
            return toks[pred].lower
    return None


#: Words for people at large, against which a count of one kind of people is a part.
_ANYONE = frozenset({"people", "persons", "person"})


def counted_group(
    diff: TokenDiff, texts: tuple[str, str], a_span: tuple[int, int], b_span: tuple[int, int]
) -> tuple[str, str] | None:
    """The two words counted when one figure counts people at large and the other one kind of
    people ("40 **people** dead" / "three **men** who were killed", "killing at least one
    **person**" / "killed six **children**": a group within the whole, so the two counts can
    both be true); None otherwise."""
    words = []
    for toks, text, span in ((diff.a, texts[0], a_span), (diff.b, texts[1], b_span)):
        counted = [toks[i].lower for i in _counted(toks, text, span, 2)]
        # The word for the people counted, past a word that describes them ("one armed
        # **militant**") and before what is said of them ("40 **people** dead").
        words.append(next((w for w in counted if w in _ANYONE or is_agent(w)), ""))
    x, y = words
    if not x or not y or (x in _ANYONE) == (y in _ANYONE):
        return None
    group = y if x in _ANYONE else x
    if group in _TOLL or not is_agent(group):
        return None
    return x, y


def counts_people(toks: tuple[Token, ...], text: str, span: tuple[int, int]) -> bool:
    """Whether a figure counts people: the word it counts is a person or a group of them
    ("three **people**", "five **soldiers**"), or it counts nothing written ("killed **five**",
    "five **injured**"); not "a 6.1-magnitude **earthquake**"."""
    counted = _counted(toks, text, span, 1)
    if not counted:
        return True
    word = toks[counted[0]].lower
    return word in _TOLL or is_agent(_PLURALS.get(word, word)) or verb_form_only(word)


#: Words that qualify a figure: "**at least** five", "**more than** 200", "**some** 30".
_FIGURE_QUALIFIERS = frozenset(
    "at least most more than less fewer about around some nearly almost over under roughly "
    "approximately an estimated".split()
)


def verb_form_only(word: str) -> bool:
    """Whether a lower-cased word is an inflected verb form and no noun: "sought", "has",
    "rushed" (not "shells", a plural that is also a verb form, nor "seek", the base)."""
    forms = base_forms(word)
    return any(pos == "v" and base != word for pos, base in forms) and not any(
        pos == "n" for pos, _ in forms
    )


def same_outcome(x: str, y: str) -> bool:
    """Whether two things said of counts are one ("killed" / "died", "injured" / "wounded")."""
    return (x in _TOLL and y in _TOLL) or _one_thing(x, y)


#: Counts of people a report of a disaster or an attack gives apart from its toll and its
#: injured: the missing, the trapped, the displaced and the rescued. Each by its words and
#: their WordNet synonyms and forms only: through a more general word, "leaving 24 dead"
#: would read as fled ("flee" is a kind of "leave").
_OTHER_OUTCOMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("missing", ("missing",)),
    ("trapped", ("trapped",)),
    ("displaced", ("displaced", "evacuated", "homeless", "fled")),
    ("rescued", ("rescued",)),
)


def _casualty(word: str) -> str | None:
    """Which count of people an outcome is: a death ("killed", "died", "dead"), an injury
    ("injured", "wounded", "hurt": the two every report of a disaster gives apart), or one
    of :data:`_OTHER_OUTCOMES`."""
    if word in _TOLL or _one_thing(word, "killed") or _one_thing(word, "died"):
        return "death"
    if _one_thing(word, "injured"):
        return "injury"
    for outcome, words in _OTHER_OUTCOMES:
        if any(relation(word, w) in ("same", "synonym", "derived") for w in words):
            return outcome
    return None


def other_outcomes(x: str, y: str) -> bool:
    """Whether two outcomes are certainly two counts of people: a death toll and a count of
    the injured ("injured more than 200 people" / "Twelve people were killed"), of the missing
    ("two others missing" / "14 others trapped"), of those who fled their homes."""
    cx, cy = _casualty(x), _casualty(y)
    return cx is not None and cy is not None and cx != cy


#: Words that stand for the people a figure counts: "55 **others** injured", "dozens **more**".
_STAND_INS = frozenset({"others", "more"})

#: Plurals WordNet does not list as forms of their singular.
_PLURALS = {"people": "person", "persons": "person"}


def _one_thing(x: str, y: str) -> bool:
    x, y = _PLURALS.get(x, x), _PLURALS.get(y, y)
    return x == y or relation(x, y) in ("same", "synonym", "derived", "hypernym", "hyponym")


def _left_word(toks: tuple[Token, ...], inside: list[int], span: tuple[int, int]) -> int | None:
    """The word right before a value, if it is a plain content word (not a name, a figure or a
    qualifier of the value: "at least", "about")."""
    i = min(inside) - 1
    # Qualifiers of the value are read with it: "limited him to **only** six games" is said
    # of "limited".
    while i >= 0 and (not toks[i].content or toks[i].lower in FIGURE_QUALIFIERS):
        i -= 1
    if i < 0 or toks[i].end > span[0]:
        return None
    t = toks[i]
    if t.text[:1].isdigit() or (i > 0 and t.text[:1].isupper()):
        return None
    return i
