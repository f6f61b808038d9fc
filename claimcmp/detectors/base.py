"""What every detector shares: building a finding, and telling whether two values fill the
same role of the same fact.

A difference between two claims is a conflict only when both values say the same thing about
the same fact: the figure of the same count, the date of the same event, the person in the
same role. :func:`same_role` is that test, read from the word alignment of the two claims
(:func:`~claimcmp.detectors.diff.token_diff`): the two spans stand in the same slot (one
replaced the other), or words next to them correspond ("a **60-year-old** suspect" / "the
suspect, **61**, ..." share "suspect"; "fell **150 metres**" / "fell **200ft**" share "fell").
"""

from __future__ import annotations

from typing import Literal

from claimcmp.detectors.diff import TokenDiff
from claimcmp.normalize import Token
from claimcmp.records import Divergence

__all__ = ["Severity", "finding", "same_role", "tokens_in"]

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
    toks: tuple[Token, ...], inside: list[int], span: tuple[int, int], window: int, names: bool = False
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


def same_role(
    diff: TokenDiff, a_span: tuple[int, int], b_span: tuple[int, int], *, window: int = ROLE_WINDOW, names: bool = False
) -> bool:
    """Whether ``a_span`` of claim A and ``b_span`` of claim B fill the same role.

    True when one replaced the other in the word alignment (a short edit holds both), or when
    a content word next to one corresponds to a content word next to the other. ``names``:
    let names count as neighbours (an age is a person's: "Simpson, 27" / "Simpson, 26").
    """
    ia, ib = tokens_in(diff.a, a_span), tokens_in(diff.b, b_span)
    if not ia or not ib:
        return False
    for e in diff.edits:
        if not e.anchored or len(e.a_tokens) > SLOT_TOKENS + len(ia) or len(e.b_tokens) > SLOT_TOKENS + len(ib):
            continue
        a_range = range(e.i1, e.i1 + len(e.a_tokens))
        b_range = range(e.j1, e.j1 + len(e.b_tokens))
        if any(i in a_range for i in ia) and any(j in b_range for j in ib):
            # Other words of the slot changed on both sides too ("**trailed 17-7 at halftime**" /
            # "**beat the Jaguars 31-24**"): a rewritten stretch, whose values may be two facts.
            other_a = [t for t in e.a_free if not (a_span[0] <= t.start < a_span[1])]
            other_b = [t for t in e.b_free if not (b_span[0] <= t.start < b_span[1])]
            if not (other_a and other_b):
                return True
    na, nb = _neighbours(diff.a, ia, a_span, window, names), _neighbours(diff.b, ib, b_span, window, names)
    return any(i in na and j in nb for i, j, _ in diff.matches)
