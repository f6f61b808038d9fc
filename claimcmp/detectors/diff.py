"""Token-level alignment of two claims: what was kept, swapped, dropped or added.

Most detectors look at the *edits* between two claims rather than at each claim
alone: a swapped word (``partnership`` → ``alliance``), an inserted ``not``, a
dropped clause. :func:`token_diff` aligns the two token sequences on their
spelling keys (so ``criticise``/``criticize`` count as kept) and returns the
edits with character spans in both texts.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Literal

import attrs

from claimcmp.normalize import HONORIFICS, Token, tokens

__all__ = ["FUNCTION_WORDS", "Edit", "TokenDiff", "is_content", "token_diff"]

FUNCTION_WORDS = frozenset(
    """a an the of to in on at for with by from and or but as is are was were be been being has
    have had do does did that this these those it its he she they we you i his her their our your
    my him them us me who whom which what when where while than then there here so such into onto
    over under about after before during since until upon via per also just very will would shall
    should can could may might must s t its their theirs both each either any all some""".split()
)


def is_content(tok: Token) -> bool:
    """A token that carries content: not a function word, honorific or bare punctuation."""
    return _is_content_key(tok.key)


@lru_cache(maxsize=65536)  # asked for every token of every compared pair
def _is_content_key(key: str) -> bool:
    return key not in FUNCTION_WORDS and key not in HONORIFICS and any(c.isalnum() for c in key)


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
        return tuple(t for t in self.a_tokens if is_content(t))

    @property
    def b_content(self) -> tuple[Token, ...]:
        return tuple(t for t in self.b_tokens if is_content(t))


@attrs.frozen
class TokenDiff:
    """The two tokenised claims, their edits, and how much of them is shared."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]
    edits: tuple[Edit, ...]
    ratio: float  # difflib ratio of the key sequences: 1.0 = same wording
    content_overlap: float  # shared content keys / content keys of the shorter claim


@lru_cache(maxsize=1024)
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
    ca = {t.key for t in ta if is_content(t)}
    cb = {t.key for t in tb if is_content(t)}
    overlap = len(ca & cb) / max(1, min(len(ca), len(cb)))
    return TokenDiff(ta, tb, tuple(edits), matcher.ratio(), overlap)
