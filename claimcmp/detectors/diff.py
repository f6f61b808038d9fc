"""Token-level alignment of two claims: what was kept, swapped, dropped or added.

Most detectors look at the *edits* between two claims rather than at each claim
alone: a swapped word (``partnership`` → ``alliance``), an inserted ``not``, a
dropped clause. :func:`token_diff` aligns the two token sequences on their
spelling keys (so ``criticise``/``criticize`` count as kept) and returns the
edits with character spans in both texts.
"""

from __future__ import annotations

import difflib
from typing import Literal

import attrs

from claimcmp.detectors.lexicon import stem
from claimcmp.memo import memoize
from claimcmp.normalize import FUNCTION_WORDS, Token, tokens

__all__ = ["FUNCTION_WORDS", "Edit", "TokenDiff", "is_content", "token_diff"]



def is_content(tok: Token) -> bool:
    """A token that carries content: not a function word, honorific or bare punctuation."""
    return tok.content


@attrs.frozen
class Edit:
    """One edit: tokens ``a[i1:i2]`` of claim A became ``b[j1:j2]`` of claim B."""

    op: Literal["replace", "delete", "insert"]
    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]
    i1: int = 0  # position of the edit in A's tokens (where an insertion goes)
    j1: int = 0  # position of the edit in B's tokens

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
    """The two tokenised claims, their edits, and how much of them is shared."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]
    edits: tuple[Edit, ...]
    ratio: float  # difflib ratio of the key sequences: 1.0 = same wording
    content_overlap: float  # shared content keys / content keys of the shorter claim
    # Content tokens of one claim whose key (and stem) the other lacks; several detectors
    # read them, so they are worked out once per pair.
    only_a: tuple[Token, ...] = ()
    only_b: tuple[Token, ...] = ()


@memoize(1024)
def token_diff(a: str, b: str) -> TokenDiff:
    """Align the tokens of ``a`` and ``b`` and list the edits (memoised)."""
    ta, tb = tuple(tokens(a)), tuple(tokens(b))
    ka, kb = [t.key for t in ta], [t.key for t in tb]
    matcher = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        edits.append(Edit(op, ta[i1:i2], tb[j1:j2], i1, j1))
    ca = {t.key for t in ta if t.content}
    cb = {t.key for t in tb if t.content}
    overlap = len(ca & cb) / max(1, min(len(ca), len(cb)))
    return TokenDiff(ta, tb, tuple(edits), matcher.ratio(), overlap, _only_in(ta, tb), _only_in(tb, ta))


def _only_in(a: tuple[Token, ...], b: tuple[Token, ...]) -> tuple[Token, ...]:
    """Content tokens of ``a`` whose key (and stem) does not occur in ``b``."""
    bkeys = {t.key for t in b}
    bstems = {stem(t.key) for t in b}
    return tuple(t for t in a if t.content and t.key not in bkeys and stem(t.key) not in bstems)
