"""Text normalisation shared by the comparator and the detectors.

:func:`tokens` gives word tokens with offsets and a *spelling key*: a form
under which spelling variants that news outlets differ on compare equal —
case, curly vs straight apostrophes, ``U.S.``/``US``, ``1,000``/``1000``,
British/American ``-ise``/``-ize`` and ``-our``/``-or``, hyphenation
(``re-election``/``reelection``) and doubled letters (``Zelenskyy``/
``Zelensky``, ``travelled``/``traveled``).
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from claimcmp.memo import memoize

__all__ = [
    "FUNCTION_WORDS",
    "HONORIFICS",
    "PHRASE_BREAKS",
    "Token",
    "expand_keys",
    "is_content_key",
    "same_wording",
    "spelling_key",
    "spelling_keys",
    "tokens",
    "wording_keys",
]

#: Punctuation that ends a phrase or clause: what a figure counts, or an "if" clause, stops there.
PHRASE_BREAKS = frozenset(',;:()[]"“”.!?—–')

#: Titles dropped before comparing wording ("Mr Lukashenko" = "Lukashenko").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam"})

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N., a.m.
    r"|\d+(?:[,.]\d+)*"  # 1,000  3.5
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*"  # words, don't, re-election
    # ... and a contraction or possessive that a tokenised corpus (ECB+, CoNLL) spaces out:
    # "hadn ’ t", "It ’ s", "Creighton ’ s" are one word, as the outlet wrote them.
    r"(?: ['’] (?:t|s|ll|re|ve|d|m)\b)?",
)

#: Words that carry no content of their own: what detectors skip when they look for
#: the words two claims do not share.
FUNCTION_WORDS = (
    frozenset(
        """a an the of to in on at for with by from and or but as is are was were be been being has
    have had do does did that this these those it its he she they we you i his her their our your
    my him them us me who whom which what when where while than then there here so such into onto
    over under about after before during since until upon via per also just very will would shall
    should can could may might must s t its their theirs both each either any all some""".split()
    )
    | frozenset(
        # Pronouns that stand for a noun the claim or its neighbours name: "the others have been
        # drawn from ..." tells the same as "non-party candidates have been drawn from ...".
        """others ones""".split()
    )
    | frozenset(
        # Connectives and discourse adverbs: they link or frame a claim and state no fact of their
        # own, so "Still, ..." / "Now ..." / "However, ..." is never a detail one source lacks.
        """still now however meanwhile already yet though although moreover furthermore
    additionally instead thus therefore hence indeed even nonetheless nevertheless besides
    otherwise anyway too well just""".split()
    )
    | frozenset(
        # Prepositions that place or link but state nothing on their own (those that carry a
        # direction or a polarity — up, down, above, below, for, against — are not listed).
        """through across along around toward towards among amongst between within despite amid
    amidst beyond behind beside besides near onto upon""".split()
    )
)


@attrs.frozen
class Token:
    """A word or number in a text, with its offsets and spelling key.

    ``lower`` is the word lower-cased, with straight apostrophes: what word lists are
    matched against. ``key`` collapses doubled letters and drops hyphens ("arrested" →
    "arested"), so it is for comparing two texts, not for looking words up.
    """

    text: str
    start: int
    end: int
    key: str
    # Both computed once per token (see tokens()): detectors read them for every word of
    # every compared pair.
    lower: str = attrs.field(default="", eq=False, repr=False)
    content: bool = attrs.field(default=False, eq=False, repr=False)  # see is_content_key


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return text.casefold()


# Contractions with an apostrophe, spelled out (their keys hold a space; see expand_keys).
_APOSTROPHE_FORMS = {
    "we're": "we are",
    "they're": "they are",
    "you're": "you are",
    "i'm": "i am",
    "it's": "it is",
    "that's": "that is",
    "he's": "he is",
    "she's": "she is",
    "there's": "there is",
    "what's": "what is",
    "who's": "who is",
    "let's": "let us",
    "i've": "i have",
    "we've": "we have",
    "they've": "they have",
    "you've": "you have",
    "i'll": "i wil",
    "we'll": "we wil",
    "they'll": "they wil",
    "you'll": "you wil",
    "he'll": "he wil",
    "she'll": "she wil",
    "it'll": "it wil",
}


@memoize(65536)
def spelling_key(word: str) -> str:
    """The form of ``word`` under which spelling variants compare equal."""
    w = _fold(word)
    if w in _APOSTROPHE_FORMS:
        return _APOSTROPHE_FORMS[w]
    if w[:1].isdigit():
        return w.replace(",", "")
    w = re.sub(r"'s?$", "", w)  # possessives: China's = China, Belarus' = Belarus
    w = w.replace(".", "").replace("-", "").replace("'", "")
    w = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", w)
    w = re.sub(r"ys(e|ed|es|ing)$", r"yz\1", w)  # analyse / analyze
    if len(w) >= 6:
        w = re.sub(r"our(s|ed|ing|able|ably|ite|ites|ary|ful|less)?$", r"or\1", w)
        w = re.sub(r"tre(s)?$", r"ter\1", w)  # centre / center
    return re.sub(r"(.)\1+", r"\1", w)


def spelling_keys(text: str) -> list[str]:
    """The spelling keys of ``text``'s tokens, without building tokens (for whole articles)."""
    return [spelling_key(m.group().replace(" ", "")) for m in _TOKEN.finditer(text)]


def tokens(text: str) -> list[Token]:
    """Word and number tokens of ``text`` with offsets and spelling keys."""
    return list(_tokens(text))


# A claim is compared with every claim aligned to it, so the same text is
# tokenised many times per report; Tokens are frozen, so sharing them is safe.
@memoize(8192)
def _tokens(text: str) -> tuple[Token, ...]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        joined = word.replace(" ", "")  # "hadn ’ t" → "hadn’t"
        key = spelling_key(joined)
        # "U.S." and "US" (the country) share the key of the pronoun "us": capitals decide.
        content = is_content_key(key) or (len(word) >= 2 and word.replace(".", "").isupper())
        out.append(Token(word, m.start(), m.end(), key, joined.lower().replace("’", "'"), content))
    return tuple(out)


@memoize(65536)
def is_content_key(key: str) -> bool:
    """Whether a spelling key carries content: not a function word, honorific or bare punctuation."""
    return key not in _FUNCTION_KEYS and any(c.isalnum() for c in key)


# Keys collapse doubled letters ("been" → "ben", "will" → "wil"), so the word lists are
# looked up by key too.
_FUNCTION_KEYS = (
    frozenset(spelling_key(w) for w in FUNCTION_WORDS | HONORIFICS) | FUNCTION_WORDS | HONORIFICS
)


_CONTRACTIONS = {
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "cant": ("can", "not"),
    "canot": ("can", "not"),
    "wont": ("wil", "not"),
    "wouldnt": ("would", "not"),
    "couldnt": ("could", "not"),
    "shouldnt": ("should", "not"),
    "hasnt": ("has", "not"),
    "havent": ("have", "not"),
    "hadnt": ("had", "not"),
}


def expand_keys(keys: list[str]) -> list[str]:
    """Spelling keys with contractions spelled out ("isn't" = "is not", "we're" = "we are")."""
    out: list[str] = []
    for k in keys:
        out.extend(_CONTRACTIONS.get(k, tuple(k.split(" "))))
    return out


def wording_keys(toks: list[Token]) -> list[str]:
    """Spelling keys with honorifics dropped and contractions expanded: equal lists mean the
    same wording."""
    return expand_keys([t.key for t in toks if t.key not in HONORIFICS])


def same_wording(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in punctuation, case, spelling variants or honorifics.
    Currency signs are no punctuation: "$1 million" / "£1 million" differ."""
    return _wording(a) == _wording(b)


#: Signs that are part of an amount, not punctuation (tokens leave them out).
_CURRENCY_SIGNS = re.compile(r"[$£€¥₹₩₽]")


@memoize(8192)  # each claim is checked against every claim aligned with it
def _wording(text: str) -> tuple[str, ...]:
    return (*wording_keys(tokens(text)), *_CURRENCY_SIGNS.findall(text))
