"""Ingest: read an article, decode it with certainty, and tell reporting from the rest.

News text handed over by users is noisy: a headline, ``date 2023-02-26``
metadata, datelines (``Wednesday | March 1, 2023``), bylines, photo credits
and web boilerplate (share / comment / navigation lines). These lines are
recognised by their *shape* and recorded as :class:`~claimcmp.records.Block`
regions of kind other than ``body``; claims are only taken from ``body``
blocks, and every offset still indexes :attr:`Article.text` exactly.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from claimcmp.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    SourceNotFoundError,
    UnreadableSourceError,
    UnsupportedLanguageError,
)
from claimcmp.options import DEFAULT_MAX_CHARS
from claimcmp.records import Block
from claimcmp.text.dates import MONTH_PATTERN, WEEKDAY_PATTERN, parse_date
from claimcmp.text.lexicon import TITLE_CASE_SMALL_WORDS

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Article",
    "check_article",
    "decode_bytes",
    "find_blocks",
]


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def decode_bytes(data: bytes, *, name: str = "input", encoding: str | None = None) -> str:
    """Decode ``data`` to text, or raise when its encoding is not certain.

    Certain means: the ``encoding`` the caller names; a byte-order mark; valid
    UTF-8; or a charset the document declares itself (HTML ``<meta charset>``,
    XML declaration) under which it decodes cleanly. Guessing a legacy code
    page from byte statistics is not certain, so it is refused with advice.
    """
    if not data.strip():
        raise EmptyInputError(f"'{name}' is empty; give a file with the article's text.")
    if b"\x00" in data and not data.startswith(tuple(b for b, _ in _BOMS)):
        raise BinaryInputError(
            f"'{name}' contains NUL bytes, so it is binary, not text; "
            "give the article as a plain-text file."
        )
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise EncodingError(
                f"'encoding' must name a codec Python knows (got {encoding!r})."
            ) from exc
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"'{name}' is not valid {encoding} (bad byte at offset {exc.start}); "
                "check the declared encoding."
            ) from exc
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:  # pragma: no cover - BOM then garbage
                raise EncodingError(
                    f"'{name}' starts with a {codec} byte-order mark but does not decode "
                    f"as {codec} (offset {exc.start}); re-save it as UTF-8."
                ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        charset = (declared.group(1) or declared.group(2)).decode("ascii")
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    raise EncodingError(
        f"'{name}' is not valid UTF-8 (first bad byte at offset {first_bad}) and declares "
        "no encoding; re-save it as UTF-8, or name its encoding "
        "(encoding='cp1252' in Python, --encoding cp1252 on the command line)."
    )


def _check_text(text: str, name: str) -> None:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > max(2, len(text) // 100):
        raise BinaryInputError(
            f"'{name}' has {controls} control characters in {len(text)}, so it is "
            "not text; give the article as a plain-text file."
        )


# ---------------------------------------------------------------------------
# Dates in metadata and datelines

_DATE_LINE_REST = re.compile(
    rf"\b(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN}|updated|published|posted|on|at|am|pm|a\.m|p\.m|"
    r"gmt|utc|[ecmp][sd]t|bst|cet|ist)\b|[\d|/,.:;()\-–—•·\s]",
    re.I,
)


# ---------------------------------------------------------------------------
# Line shapes

_METADATA_PREFIX = re.compile(
    r"(?:date|published|updated|posted|modified|dateline)\s*[:=]?\s*"
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.I,
)
_METADATA_LINE = re.compile(
    r"(?:url|link|source|author|authors|byline|section|category|categories|tags|keywords|"
    r"language|lang|id|slug|title|published|updated|date)\s*[:=]\s*\S.*",
    re.I,
)
_BYLINE = re.compile(
    r"(?i:by|from|written by|reporting by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z&][\w.'’-]*|and|of|the))*"
    r"(?:\s*[,|/]\s*.{0,60})?",
)
# Vocabulary of web page furniture: sharing, comments, subscriptions, navigation, legal
# footers. Phrases of page chrome mark a line wherever they stand...
_BOILERPLATE = re.compile(
    r"\b(?:share\s+this(?:\s+(?:news|story|article|post))?|spread\s+this|e-?mail\s+(?:this|address)|"
    r"print\s+this|leave\s+a\s+(?:comment|reply)|privacy\s+policy|"
    r"terms\s+of\s+(?:use|service)|(?:scroll|back)\s+to\s+top|skip\s+to|read\s+(?:more|next|also)|"
    r"related\s+(?:articles?|stories|news|content)|follow\s+us|all\s+rights\s+reserved|"
    r"required\s+fields|click\s+here|download\s+(?:our|the)\s+app|(?:next|previous)\s+"
    r"(?:article|post|story)|most\s+(?:read|popular)|recommended\s+for\s+you)\b|©",
    re.I,
)
# ...while single words that news prose uses too ("declined to comment", "the comments opposed
# the rule", "shared a photo on Facebook") mark only a line that is not a sentence: a label,
# a button row ("Share | Tweet | Comments (12)").
_BOILERPLATE_WORD = re.compile(
    r"\b(?:share|tweet|whatsapp|pinterest|linkedin|facebook|telegram|print|comments?|subscribe|"
    r"newsletter|copyright|sign\s+(?:up|in)|log\s*in|advertisement|sponsored|cookies?)\b",
    re.I,
)
_INLINE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?)"
    r"\s*(?:\((?:[A-Za-z.& ]{1,30})\))?\s*(?::|—|–|--|-)\s+"
)
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of each non-blank line, trimmed of surrounding whitespace."""
    for m in re.finditer(r"[^\n\r]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _is_date_only(segment: str) -> bool:
    if parse_date(segment) is None:
        return False
    return not _DATE_LINE_REST.sub("", segment).strip()


def _shape(segment: str) -> str:
    """What a line is, judged on its own: a non-body kind, or ``"prose"``."""
    words = _WORD.findall(segment)
    if not words:
        return "boilerplate"  # punctuation, rules, bullets
    if _is_date_only(segment):
        return "dateline"
    if _METADATA_LINE.fullmatch(segment) and len(words) <= 20:
        return "metadata"
    if len(words) <= 12 and _BYLINE.fullmatch(segment):
        return "byline"
    if len(words) <= 30 and _POSTED_FOOTER.match(segment):
        return "metadata"
    if (segment[0] in "([" and segment[-1] in ")]") or re.match(
        r"(?:photo|image|picture|file photo|video)\s*(?:credit)?\s*[:/]", segment, re.I
    ):
        return "caption"
    if len(words) <= 15 and (
        _BOILERPLATE.search(segment)
        or (
            _BOILERPLATE_WORD.search(segment)
            and len(words) <= 6
            and not _SENTENCE_END.search(segment)
        )
    ):
        return "boilerplate"
    return "prose"


def find_blocks(text: str) -> tuple[Block, ...]:
    """Split ``text`` into line-level blocks and say what each one is.

    Rules (by shape, so they carry over to any outlet's page):

    * a leading ``date 2023-02-26``-style field is ``metadata`` (the rest of
      its line is judged on its own); ``key: value`` lines are ``metadata``;
    * a line that is only a date (weekday, month, separators) is a ``dateline``;
      ``WASHINGTON (AP) —`` at the start of the first paragraph is one too;
    * ``By ...`` lines are ``byline``; lines wrapped in brackets are ``caption``;
    * short lines with web-furniture vocabulary, and lines with no words,
      are ``boilerplate``;
    * before the first paragraph of prose, lines without sentence punctuation
      are the ``headline`` (the first with three or more words is the title);
      after it, lines of six words or fewer without sentence punctuation are
      ``boilerplate`` (section labels, navigation);
    * an article with no line of prose at all (a headline alone, a list of names) reports
      what its headline lines say: they are its ``body``.
    """
    segments: list[tuple[int, int, str]] = []
    for s, e in _lines(text):
        meta = _METADATA_PREFIX.match(text, s, e)
        if meta:
            segments.append((s, meta.end(), "metadata"))
            s = meta.end()
            while s < e and text[s].isspace():
                s += 1
            if s >= e:
                continue
        segments.append((s, e, _shape(text[s:e])))

    blocks: list[Block] = []
    seen_body = False
    for s, e, kind in segments:
        segment = text[s:e]
        if kind == "prose":
            words = _WORD.findall(segment)
            punctuated = bool(_SENTENCE_END.search(segment))
            if not seen_body and not punctuated and len(words) <= 30:
                # One- and two-word lines above the story are section labels
                # or place/outlet tags ("International", "CNN"), not headlines.
                kind = "headline" if len(words) >= 3 else "boilerplate"
            elif seen_body and not punctuated and len(words) <= 6:
                kind = "boilerplate"
            else:
                kind = "body"
                if not seen_body:
                    seen_body = True
                    if not any(b.kind == "headline" for b in blocks):
                        # A page flattened to one paragraph: "Headline Words Feb 29, 2012 2:31 PM
                        # The story begins..." — the headline and the publication stamp are not
                        # reporting.
                        for b in _inline_furniture(text, s, e):
                            blocks.append(b)
                            s = b.end
                            while s < e and text[s].isspace():
                                s += 1
                    dl = _INLINE_DATELINE.match(text, s, e)
                    if dl and sum(c.isupper() for c in dl["place"]) >= 2 and dl.end() < e:
                        blocks.append(Block(start=s, end=dl.end(), kind="dateline"))
                        s = dl.end()
        blocks.append(Block(start=s, end=e, kind=kind))
    if not seen_body:
        # No line of prose: the article is a headline, a headline list or a list of names
        # ("Obama taps Gupta for surgeon general"). Those lines are then what it reports.
        blocks = [
            Block(start=b.start, end=b.end, kind="body") if b.kind == "headline" else b
            for b in blocks
        ]
    return tuple(blocks)


_ZONES = "ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|IST|AEST|AEDT|NZST|NZDT|JST|HKT|SGT"
_TIME = rf"(?:,?\s*\d{{1,2}}[:.]\s?\d{{2}}\s?(?:[ap]\.?\s?m\.?)?(?:\s+(?-i:{_ZONES})\b)?(?:\s*\([^)]{{1,20}}\))?)"
_STAMP = re.compile(
    rf"(?:(?:Article\s+)?(?:posted|published|updated|last\s+updated)(?:\s+on)?\s*:?\s*)?"
    rf"(?:(?:{WEEKDAY_PATTERN}),?\s+)?"
    rf"(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_PATTERN})\.?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s?[/.]\s?\d{{1,2}}\s?[/.]\s?\d{{2,4}})"
    rf"{_TIME}?",
    re.I,
)


#: A blog's footer line, a publication stamp: "On behalf of ... posted in Pedestrian Accidents
#: on Wednesday, September 18, 2013.", "Posted by Jane Doe on 3/1/2023", "Filed under World
#: News on 1 March 2023". Not a sentence of the story that says when something was posted
#: ("The video was posted by the ministry on ...", "He posted in Spanish on March 1, 2023").
_POSTED_FOOTER = re.compile(
    rf"^(?:(?i:on\s+behalf\s+of|by)\s+.{{1,80}}?\s+)?"
    rf"(?i:(?:posted|filed)\s+(?:in|under|by))\s+(?:(?:[A-Z][\w.&'’-]*|and|of|the|&),?\s+){{1,8}}"
    rf"on\s+(?i:{_STAMP.pattern})\W*$"
)


def _inline_furniture(text: str, s: int, e: int) -> list[Block]:
    """Headline and publication stamp at the start of a paragraph that holds the story too.

    A stamp (a date, often with a time and a zone, maybe "Posted"/"Updated" before it) within
    the first 40 words makes what precedes it the headline; without one, a run of Title Case
    words followed by the story's first sentence is the headline ("Microsoft Issues Emergency
    Patch to Curb Hackers Microsoft today issued ...": the headline ends where the lede's
    subject, a name, begins).
    """
    window = text[s : min(e, s + 400)]
    words_before = 0
    for m in _STAMP.finditer(window):
        words_before = len(_WORD.findall(window[: m.start()]))
        if words_before > 40:
            break
        start, end = s + m.start(), s + m.end()
        if end >= e or not _WORD.search(text, end, e):
            return []
        out = []
        if re.search(r"[.!?][\"'”’]?\s", text[s:start]):
            # A sentence of the story before the stamp: it stays reporting, the stamp does not.
            return [
                Block(start=s, end=start - 1 if text[start - 1].isspace() else start, kind="body"),
                Block(start=start, end=end, kind="metadata"),
            ]
        if words_before >= 2:
            out.append(
                Block(
                    start=s,
                    end=start if not text[start - 1].isspace() else start - 1,
                    kind="headline",
                )
            )
        elif words_before:
            out.append(
                Block(start=s, end=start - 1, kind="boilerplate")
            )  # an outlet tag: "Reuters Sep 18, 2013"
        out.append(Block(start=start, end=end, kind="metadata"))
        return out
    # Title Case headline, no stamp.
    words = list(re.finditer(r"[^\s]+", window))
    caps = 0
    for k, w in enumerate(words):
        token = w.group().strip("\"'“”‘’(),:;")
        if not token:
            continue
        if token[:1].isupper() or token[:1].isdigit():
            caps += 1
            continue
        if token.lower() in TITLE_CASE_SMALL_WORDS:
            continue
        # The first lower-case word: the story has begun. Step back over the lede's subject
        # (names, not ordinary words written in Title Case).
        from claimcmp.text.wordnet import is_common_word

        j = k
        while (
            j > 0
            and words[j - 1].group()[:1].isupper()
            and not is_common_word(words[j - 1].group().strip("\"'“”‘’(),:;"))
        ):
            j -= 1
        if j == k or j < 4 or caps - (k - j) < 3:
            return []
        head_words = [x.group() for x in words[:j]]
        capital = sum(1 for x in head_words if x[:1].isupper() or x[:1].isdigit())
        if capital < 0.75 * sum(1 for x in head_words if x.lower() not in TITLE_CASE_SMALL_WORDS):
            return []
        end = s + words[j - 1].end()
        return [Block(start=s, end=end, kind="headline")]
    return []


# ---------------------------------------------------------------------------
# Language

#: Labels of py3langid that are English for claimcmp: English itself, Nigerian Pidgin (which
#: the model gives to short English lines such as "Registration will run from October 26 to
#: November 20.") and "zxx" (no linguistic content: dates, figures).
ENGLISH_LABELS = frozenset({"en", "pcm", "zxx"})
#: A body is refused only when the identifier gives another language at least this probability:
#: short English (a brief, a list of names) gets low, spread probabilities, never this one
#: (0 of the 8,369 ECB+ sentences, each taken alone; see docs/benchmarks.md).
LANGUAGE_REFUSAL_PROBABILITY = 0.8
#: Characters of the body the identifier reads: enough to be sure, bounded cost on huge input.
_LANGUAGE_SAMPLE = 5000
_identifier_lock = threading.Lock()


@functools.cache
def _language_identifier() -> Any:
    # py3langid (a maintained fork of langid.py) ships its model inside the package: no
    # download; NumPy only; loads in ~0.5 s, once per process, and only when a check runs.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str, float]:
    """The language of ``text`` (an ISO 639 code, as py3langid gives it) and its probability."""
    with _identifier_lock:  # the identifier is built once; its classify is read-only
        identifier = _language_identifier()
    lang, probability = identifier.classify(text[:_LANGUAGE_SAMPLE])
    return str(lang), float(probability)


def _latin_share(text: str) -> float:
    letters = [ch for ch in text[:_LANGUAGE_SAMPLE] if ch.isalpha()]
    return sum(1 for ch in letters if ch < "\u0250") / len(letters) if letters else 1.0


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


@attrs.frozen
class Article:
    """One outlet's article: the text exactly as read, and what is known about it.

    ``blocks`` says which regions of ``text`` are reporting (``body``) and
    which are headline, metadata, dateline, byline, caption or boilerplate.
    When not given, ``title``, ``published`` and ``blocks`` are found from
    the text itself.
    """

    text: str = attrs.field(repr=False)
    source: str = "text"
    title: str | None = None
    published: dt.date | None = None
    path: str | None = None
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"'text' must be str (got {type(self.text).__name__}).")
        if not self.source:
            raise ValueError("'source' must be a non-empty id (got '').")
        if self.blocks:
            return
        blocks = find_blocks(self.text)
        object.__setattr__(self, "blocks", blocks)
        if self.title is None:
            for b in blocks:
                if b.kind == "headline" and len(_WORD.findall(self.text[b.start : b.end])) >= 3:
                    object.__setattr__(self, "title", self.text[b.start : b.end])
                    break
        if self.published is None:
            for b in blocks:
                if b.kind in ("metadata", "dateline"):
                    found = parse_date(self.text[b.start : b.end])
                    if found:
                        object.__setattr__(self, "published", found)
                        break

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        source: str = "text",
        title: str | None = None,
        published: dt.date | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        check_language: bool = True,
    ) -> Article:
        """An article from a string, checked like a file would be."""
        article = cls(text, source=source, title=title, published=published)
        check_article(article, max_chars=max_chars, check_language=check_language)
        return article

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        source: str | None = None,
        encoding: str | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        check_language: bool = True,
    ) -> Article:
        """Read an article file. The source id defaults to the file stem."""
        p = Path(path)
        if not p.exists():
            raise SourceNotFoundError(f"'{p}' does not exist; check the path.")
        if not p.is_file():
            raise SourceNotFoundError(f"'{p}' is not a file; give a text file per article.")
        size = p.stat().st_size
        # Decoded text is never shorter than a quarter of its bytes (UTF-32),
        # so very large files are refused before being read whole.
        if size > 4 * max_chars:
            raise InputTooLargeError(
                f"'{p}' is {size:,} bytes, over the limit of {max_chars:,} characters; "
                "split it, or raise max_chars (--max-chars)."
            )
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise UnreadableSourceError(
                f"'{p}' cannot be read ({exc.strerror or exc}); check its permissions."
            ) from exc
        text = decode_bytes(data, name=str(p), encoding=encoding)
        article = cls(text, source=source or p.stem, path=str(p))
        check_article(article, max_chars=max_chars, check_language=check_language)
        return article

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        """The regions of :attr:`text` that are reporting."""
        return tuple(b for b in self.blocks if b.kind == "body")

    @property
    def body(self) -> str:
        """The reporting text, blocks joined by blank lines (for reading, not offsets)."""
        return "\n\n".join(self.text[b.start : b.end] for b in self.body_blocks)


def check_article(
    article: Article, *, max_chars: int = DEFAULT_MAX_CHARS, check_language: bool = True
) -> None:
    """Raise a clear :class:`~claimcmp.errors.InputError` if ``article`` cannot be compared."""
    name = article.path or article.source
    if len(article.text) > max_chars:
        raise InputTooLargeError(
            f"'{name}' has {len(article.text):,} characters, over the limit of "
            f"{max_chars:,}; split it, or raise max_chars (--max-chars)."
        )
    if not article.text.strip():
        raise EmptyInputError(f"'{name}' is empty; give the article's text.")
    _check_text(article.text, name)
    if not article.body_blocks:
        raise EmptyInputError(
            f"'{name}' has no reporting text (only headline, metadata or boilerplate lines); "
            "give the article body."
        )
    if check_language:
        body = article.body
        latin = _latin_share(body)
        lang, probability = identify_language(body) if latin >= 0.7 else ("", 1.0)
        if latin < 0.7 or (
            lang not in ENGLISH_LABELS and probability >= LANGUAGE_REFUSAL_PROBABILITY
        ):
            found = (
                f"{latin:.0%} Latin letters"
                if latin < 0.7
                else f"identified as '{lang}' (p={probability:.2f})"
            )
            raise UnsupportedLanguageError(
                f"'{name}' does not look like English ({found}); claimcmp compares English news. "
                "Translate it first, or pass check_language=False (--no-language-check) to compare anyway."
            )
