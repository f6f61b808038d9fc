"""Names of one thing written differently: ``HP`` / ``Hewlett-Packard``, ``US`` / ``United
States``, ``RED SOX`` / ``Red Sox``, ``Russia`` / ``Russian``, ``Kiev`` / ``Kyiv``, ``Xi`` /
``Xi Jinping``.

:func:`same_entity` decides whether two names (as written in text) can refer to the same
person, place or organisation. It is generous on purpose: a detector reports another name in
the same role only when the two certainly differ, so every doubt goes to "the same".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from claimcmp.memo import memoize
from claimcmp.text.dates import MONTHS, TIME_ZONES, WEEKDAYS
from claimcmp.text.lexicon import (
    ENTITY_ALIASES,
    GIVEN_NAME_FORMS,
    TITLE_CASE_SMALL_WORDS,
    VAGUE_SOURCES,
)
from claimcmp.text.normalize import Token, spelling_key, tokens

__all__ = [
    "CALENDAR_WORDS",
    "PERSONAL_PRONOUNS",
    "AliasTable",
    "antecedent",
    "is_demonym",
    "is_name",
    "name_key",
    "name_runs",
    "named_in",
    "same_entity",
]

#: Days, months and relative time words: capitalised or not, they are dates, not names.
CALENDAR_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset("today tonight yesterday tomorrow week weekend month year".split())
)
_AFTER_TIME = re.compile(r"(?:\d|[ap]\.?\s?m\.?)\s*\(?$", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(]\s*)$")

_PARTS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Words that do not count in initials: "Federal Bureau of Investigation" = FBI.
_LINKING = frozenset({"of", "the", "and", "for", "de", "la", "du", "&"})
# Suffixes that turn a place into its people or adjective: Russia/Russian, China/Chinese.
_DEMONYM_ENDINGS = (
    "n",
    "an",
    "ian",
    "ese",
    "i",
    "ish",
    "ic",
    "ean",
    "ern",
    "ians",
    "ans",
    "ns",
    "s",
)


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def _name_words(name: str) -> list[tuple[str, str]]:
    """The words of ``name`` as written, each with its spelling key (see :func:`name_key`)."""
    name = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name.replace("’", "'"))
    return [(p, spelling_key(p)) for p in _PARTS.findall(name) if spelling_key(p)]


def name_key(name: str) -> tuple[str, ...]:
    """The words of ``name`` as spelling keys, hyphens and case ignored ("Hewlett-Packard" →
    ("hewlet", "packard"))."""
    # A dotted acronym is one word: "I.R." → ("ir",), as "IR" is.
    return tuple(k for _, k in _name_words(name))


class AliasTable:
    """Groups of names for one thing (built-in :data:`ENTITY_ALIASES` plus a user's own)."""

    def __init__(self, groups: Iterable[Iterable[str]] = (), *, builtin: bool = True) -> None:
        self._group_of: dict[tuple[str, ...], set[int]] = {}
        all_groups = [*(ENTITY_ALIASES if builtin else ()), *groups]
        for i, g in enumerate(all_groups):
            for n in g:
                self._group_of.setdefault(name_key(n), set()).add(i)

    def same(self, x: tuple[str, ...], y: tuple[str, ...]) -> bool:
        gx, gy = self._group_of.get(x), self._group_of.get(y)
        return bool(gx and gy and gx & gy)


_BUILTIN = AliasTable()
#: Forms of one given name ("Bill" / "William", "Peggy" / "Margaret"), compared word by word.
_GIVEN_NAMES = AliasTable(GIVEN_NAME_FORMS, builtin=False)


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in _LINKING)


def _initials_as_written(written: list[tuple[str, str]]) -> str:
    """The initials of a name as written (word, key): a short acronym inside it gives all its
    letters ("US Geological Survey" -> "usgs")."""
    out = []
    for w, _ in written:
        letters = w.replace(".", "")
        if letters.isupper() and letters.isalpha() and len(letters) <= 4:
            out.append(letters.lower())
        elif w.lower() not in _LINKING:
            out.append(w[0].lower())
    return "".join(out)


def _close_spelling(p: str, q: str) -> bool:
    """Transliteration variants differ inside a name ("Volodomyr" / "Volodymyr", "Zelensky" /
    "Zelenskiy"), by a letter or two; names that differ in their ending ("InsuranceXYZ" /
    "InsuranceABC") are different names."""
    if p == q:
        return True
    if min(len(p), len(q)) < 5 or p[0] != q[0]:
        return False
    differing = sum(
        max(i2 - i1, j2 - j1)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=p, b=q).get_opcodes()
        if op != "equal"
    )
    return differing <= 2 and difflib.SequenceMatcher(a=p, b=q).ratio() >= 0.8


def _demonym(x: str, y: str) -> bool:
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) < 3:
        return False
    for root in {shorter, shorter.rstrip("aeiouy") if len(shorter) > 4 else shorter}:
        if longer.startswith(root) and longer[len(root) :] in _DEMONYM_ENDINGS:
            return True
    return False


@memoize(65536)
def _abbreviation(x: str, y: str) -> bool:
    """ "blvd" / "boulevard", "calif" / "california": the short word (2–5 letters, same first
    letter) is the long one's letters in order."""
    short, long_ = sorted((x, y), key=len)
    if (
        not (2 <= len(short) <= 5 < len(long_) + 1)
        or len(long_) < len(short) + 2
        or short[0] != long_[0]
    ):
        return False
    rest = iter(long_[1:])
    return all(c in rest for c in short[1:])


def _known_apart(p: str, q: str) -> bool:
    """Two words WordNet knows as two places ("Austria" / "Australia", "Niger" / "Nigeria") or
    two peoples ("Austrian" / "Australian"): not one name spelled two ways."""
    from claimcmp.text.wordnet import wordnet

    wn = wordnet()
    if not (p[:1].isupper() and q[:1].isupper()):
        return False
    if wn.same_name(p, q):
        return False
    return (wn.is_place(p) and wn.is_place(q)) or (wn.is_demonym(p) and wn.is_demonym(q))


def _same_words(p: str, q: str, p_word: str, q_word: str) -> bool:
    """Whether two words of two names (spelling keys ``p``, ``q``; as written ``p_word``,
    ``q_word``) can be one word: a short form ("Tim" / "Timothy", "Blvd" / "Boulevard"), a
    transliteration ("Zelensky" / "Zelenskyy"), a demonym ("Russia" / "Russian"), a familiar
    form of a given name ("Bill" / "William")."""
    if p == q or _demonym(p, q) or _GIVEN_NAMES.same((p,), (q,)):
        return True
    if not (
        (min(len(p), len(q)) >= 3 and (p.startswith(q) or q.startswith(p)))
        or _abbreviation(p, q)
        or _close_spelling(p, q)
    ):
        return False
    return not _known_apart(p_word, q_word)


def _same_keys(x_words: list[tuple[str, str]], y_words: list[tuple[str, str]]) -> bool:
    xs = tuple(k for _, k in x_words)
    ys = tuple(k for _, k in y_words)
    if not xs or not ys:
        return False
    if xs == ys or _BUILTIN.same(xs, ys):
        return True
    # Partial names: "Xi" / "Xi Jinping", "Burns" / "William Burns".
    if set(xs) <= set(ys) or set(ys) <= set(xs):
        return True
    # Acronyms: "HP" / "Hewlett-Packard", "FBI" / "Federal Bureau of Investigation", read as
    # written ("FAA": a spelling key folds its doubled letter) and in the plural ("DNNs").
    for one, many in ((x_words, y_words), (y_words, x_words)):
        if len(one) != 1 or len(many) < 2:
            continue
        written = one[0][0]
        if len(written) > 2 and written.endswith("s") and written[:-1].isupper():
            written = written[:-1]
        if written.lower() == _initials(tuple(w.lower() for w, _ in many)):
            return True
        if written.lower() == _initials_as_written(many):
            return True  # "USGS" / "US Geological Survey": an acronym inside gives its letters
        if one[0][1] == "".join(k for _, k in many):
            return True  # "Hewlett-Packard" written "HewlettPackard"
    if len(xs) == len(ys) and all(
        _same_words(p, q, pw, qw) for (pw, p), (qw, q) in zip(x_words, y_words, strict=True)
    ):
        return True
    if len(x_words) == len(y_words) == 1 and (
        _clipped(x_words[0][0], y_words[0][0]) or _clipped(y_words[0][0], x_words[0][0])
    ):
        return True
    from claimcmp.text.wordnet import same_name

    return same_name(" ".join(xs), " ".join(ys))


def _clipped(short: str, full: str) -> bool:
    """Whether ``short`` is a clipped pet form of the one-word place ``full``, as news writes a
    city or its team: "Indy" / "Indianapolis", "Philly" / "Philadelphia", "Cincy" /
    "Cincinnati" (the head of the full name, a doubled letter undone, and "y" or "ie")."""
    s, f = short.lower(), full.lower()
    if not (4 <= len(s) <= 6 and s.endswith(("y", "ie")) and len(f) >= len(s) + 3):
        return False
    head = s.removesuffix("ie").removesuffix("y")
    if len(head) >= 4 and head[-1] == head[-2]:
        head = head[:-1]  # "Philly": "Phil"
    if len(head) < 3 or not f.startswith(head):
        return False
    from claimcmp.text.wordnet import place_scale, wordnet

    # A place WordNet knows, clipped to a word it does not ("Jerry" / "Jerusalem", "Andy" /
    # "Anderson" are a name and another).
    return place_scale(full) is not None and not wordnet().synsets(s)


def same_entity(x: str, y: str, aliases: AliasTable | None = None) -> bool:
    """Whether names ``x`` and ``y`` (as written) can be the same person, place or body."""
    x_words, y_words = _name_words(x), _name_words(y)
    if aliases is not None and aliases.same(
        tuple(k for _, k in x_words), tuple(k for _, k in y_words)
    ):
        return True
    return _same_keys(x_words, y_words)


_OWNER = re.compile(r"['’]s?$")


def is_name(tok: Token, text: str) -> bool:
    """Whether a capitalised token of ``text`` names something.

    Not a name: a word capitalised only because it starts a sentence, is written in capitals
    (a shout) or stands in a Title Case headline, when it is an ordinary English word
    ("Similar", "RED", "Launches");
    days and months (dates); honorifics and function words.
    """
    t = tok.text
    if not t[:1].isupper() or not tok.content:
        return False
    if tok.lower in CALENDAR_WORDS or _OWNER.sub("", tok.lower) in CALENDAR_WORDS:
        return False  # "Tuesday", "Tuesday's action": a day, not a name
    if tok.lower in TIME_ZONES and _AFTER_TIME.search(text[max(0, tok.start - 8) : tok.start]):
        return False  # "8 p.m. ET": a time zone ("told ET" may be the Economic Times)
    from claimcmp.text.wordnet import is_common_word

    starts_sentence = bool(_SENTENCE_START.search(text[max(0, tok.start - 3) : tok.start]))
    shouting = t.isupper() and len(t) > 3 and "." not in t
    if starts_sentence and is_common_word(tok.lower):
        # "Japan is prone to earthquakes": a country WordNet knows is the country, though
        # "japan" is also lacquer ("Turkey", "China", "Chile" alike).
        from claimcmp.text.wordnet import place_scale

        return place_scale(t) == "country"
    if starts_sentence or shouting:
        return not is_common_word(tok.lower)
    return not (
        _title_case(text) and (is_common_word(tok.lower) or _prefixed_common_word(tok.lower))
    )


_PREFIXES = ("re", "un", "pre", "co", "over", "out", "mis", "non")


def _prefixed_common_word(word: str) -> bool:
    """A common word with a prefix WordNet does not list the whole of: "rehires", "unveils"."""
    from claimcmp.text.wordnet import is_common_word

    return any(
        word.startswith(p) and len(word) > len(p) + 3 and is_common_word(word[len(p) :])
        for p in _PREFIXES
    )


@memoize(8192)
def _title_case(text: str) -> bool:
    """A headline written in Title Case ("Microsoft Launches Emergency Patch"): its capitals
    are style, not names."""
    words = [
        w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in TITLE_CASE_SMALL_WORDS
    ]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# For words WordNet does not know as a people: endings that make nationality words ("-ese",
# "-ish", "-man" only after them: Englishman, Scotsman, not "Rahman"). Not "-ian": WordNet knows
# those peoples, and the given names that end so ("Brian", "Sebastian") are not peoples.
_DEMONYM_WORD = re.compile(r"(?:ese|ish|(?:ish|ch|sh|ots)m[ae]n)$", re.I)
# Nationality words WordNet files under another people ("Saudi" is an Arab), knows only as
# a noun ("Dane", "Swede": so is the given name "Frank"), or does not know.
_NATIONALITY_WORDS = frozenset(
    "swiss dutch french greek greeks thai turk turks scots welsh irish iraqi iraqis israeli israelis "
    "pakistani pakistanis saudi saudis kuwaiti qatari yemeni omani bahraini emirati bangladeshi "
    "nepali afghan afghans czech czechs slovak slovaks basque kurd kurds uzbek uzbeks kazakh "
    "kazakhs tajik tajiks dane danes finn finns pole poles scot swede swedes spaniard "
    "spaniards".split()
)


def is_demonym(word: str) -> bool:
    """A people or nationality word: "Australian", "Chinese", "Englishman", "Swiss", "Iraqi",
    "Roman", "Texan" (WordNet's peoples, see :meth:`claimcmp.text.wordnet.WordNet.is_demonym`,
    then nationality endings); not a given name such as "Brian" or "Christian"."""
    from claimcmp.text.wordnet import wordnet

    word = word.replace("’", "'").removesuffix("'s")
    w = word.lower()
    if w in _NATIONALITY_WORDS or _DEMONYM_WORD.search(w):
        return True
    return wordnet().is_demonym(word)


#: Pronouns that stand for one person named before them: "**Bush** rushed for 404 yards. **He**
#: also had 440 yards receiving."
PERSONAL_PRONOUNS = frozenset("he she him his her who whose".split())
_RELATIVE_PRONOUNS = frozenset({"who", "whose"})
# What may stand between a subject and its verb: an apposition or an aside ("Harrison, who
# hadn't missed a game, was listed", "Bell (5-foot-11, 220 pounds) has spent time").
_ASIDE = re.compile(r"\s*(?:,\s*who\b|\()")
# Verbs that WordNet also reads as nouns ("has" as the plural of "ha", "was" of "wa").
_AUXILIARY_VERBS = frozenset(
    "is was were are has had have does did will would can could may might should must".split()
)


def name_runs(text: str) -> list[list[Token]]:
    """Runs of capitalised words of ``text`` that open with a name (see :func:`is_name`), in
    order ("Indianapolis Colts", "Marvin Harrison")."""
    runs: list[list[Token]] = []
    toks = tokens(text)
    k = 0
    while k < len(toks):
        if not is_name(toks[k], text):
            k += 1
            continue
        run = [toks[k]]
        k += 1
        while (
            k < len(toks)
            and toks[k].text[:1].isupper()
            and not text[run[-1].end : toks[k].start].strip()
        ):
            run.append(toks[k])
            k += 1
        runs.append(run)
    return runs


def _people(word: str) -> bool:
    """Words for people or a body that open news sentences with no article: "Police",
    "Officials", "Witnesses" (plural nouns for people). Never what "he" stands for. A singular
    person noun ("Crane", "Wright") opens a sentence only as a name."""
    from claimcmp.text.wordnet import base_forms, is_agent

    plural = any(pos == "n" and base != word for pos, base in base_forms(word))
    return word in VAGUE_SOURCES or (plural and is_agent(word))


def _named_subject(text: str) -> str | None:
    """The last word of the first name in ``text`` that a verb follows, directly or after an
    aside: the subject a later "he" most likely stands for."""
    from claimcmp.text.wordnet import base_forms

    toks = tokens(text)
    runs = name_runs(text)
    first = toks[0] if toks else None
    if (
        first is not None
        and first.content
        and first.text[:1].isupper()
        and not _people(first.lower)
        and not (runs and runs[0][0] is first)
    ):
        # A name that is also a word opens the sentence ("**Bush** played in 10 games",
        # "**Manning** has the Indy passing game well-tuned"); is_name cannot tell it from a
        # capitalised word, but a verb after it can.
        runs.insert(0, [first])
    for run in runs:
        if _ASIDE.match(text, run[-1].end):
            return run[-1].text
        word = next((t.lower for t in toks if t.start >= run[-1].end), None)
        if word is None:
            continue
        if word in _AUXILIARY_VERBS:
            return run[-1].text
        # An inflected verb, not a plural noun ("Bush **shells**"); "lost" and "won" are nouns
        # as well, but not plurals.
        forms = base_forms(word)
        verb = any(pos == "v" and base != word for pos, base in forms)
        if verb and not any(pos == "n" and base != word for pos, base in forms):
            return run[-1].text
    return None


_BRACKETED = re.compile(r"\([^()]*\)")


def antecedent(pronoun: str, before: Sequence[str]) -> str | None:
    """The name a pronoun stands for, read from the text before it, or None when no name is
    clear.

    ``before`` holds sentences of the text, nearest last; the last one ends where the pronoun
    stands. "who" stands for a name right before it ("... and Mike **Bell**, who has had only
    six carries"). "he", "she", "him", "his" and "her" stand for the named subject of the
    pronoun's own sentence so far or, if it has none, of the sentence before ("**Harrison**,
    who hadn't missed a game all season, was listed as inactive. He has 53 catches"); no
    further, and never for a name that is not a subject. The last word of the name is returned.
    """
    pronoun = pronoun.lower()
    if pronoun not in PERSONAL_PRONOUNS or not before:
        return None
    if pronoun in _RELATIVE_PRONOUNS:
        own = before[-1]
        runs = name_runs(own)
        # A bracket may stand between: "for the **Chiefs** (2-13), who had 352 yards".
        rest = _BRACKETED.sub("", own[runs[-1][-1].end :]) if runs else ""
        if runs and rest.strip() in ("", ","):
            return runs[-1][-1].text
        return None
    for sentence in reversed(before[-2:]):
        subject = _named_subject(sentence)
        if subject is not None:
            return subject
    return None


def named_in(name: str, texts: Sequence[str]) -> bool:
    """Whether one of ``texts`` names ``name`` (or a name that can be the same)."""
    return any(
        same_entity(name, " ".join(t.text for t in run)) or same_entity(name, run[-1].text)
        for text in texts
        for run in name_runs(text)
    )
