"""Anomalies: what is wrong inside one article, found without another source.

Bad editing and bad scraping leave marks an editor wants to see even when no other outlet
disagrees:

* ``unit`` — a parenthetical conversion that does not convert ("1,000 kilometer (621 kilometer)");
* ``fragment`` — a stray piece after a sentence end ("border. miles) north of Kiev.",
  "in Uzbekistan. , which Putin also attended.");
* ``run-together`` — two words without the space between them ("monthLukashenko");
* ``duplicate`` — a paragraph repeated word for word;
* ``unbalanced`` — a quotation mark or bracket opened and never closed (a quote that runs on
  into the next paragraph, which opens with a quotation mark, is the news convention and fine);
* ``truncated`` — a paragraph that stops in the middle of a word or sentence.

Every anomaly has offsets into ``Article.text``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcmp.records import Anomaly
from claimcmp.text.quantities import conversion_anomalies

if TYPE_CHECKING:
    from claimcmp.ingest import Article

__all__ = ["ANOMALY_KINDS", "find_anomalies"]

ANOMALY_KINDS = ("unit", "fragment", "run-together", "duplicate", "unbalanced", "truncated")

# A sentence end followed by a piece that cannot start a sentence: a lower-case word closing a
# bracket ("miles)"), or a comma.
_FRAGMENT = re.compile(r"(?<=[.!?])\s+(?P<frag>(?:[a-z][\w-]*\)|,)[^.!?]*[.!?]?)")
# lowercase run + Capitalised word inside one token: "monthLukashenko". Three lower-case
# letters first, so iPhone, eBay and McDonald do not count.
_RUN_TOGETHER = re.compile(r"\b[a-z]{3,}[A-Z][a-z]{2,}\b")
_WORD_END = re.compile(r"[.!?…:;\"”’)\]—–-]$")


def _anomaly(article: Article, kind: str, start: int, end: int, why: str) -> Anomaly:
    return Anomaly(
        source=article.source,
        kind=kind,
        start=start,
        end=end,
        text=article.text[start:end],
        explanation=why,
    )


def find_anomalies(article: Article) -> list[Anomaly]:
    """Anomalies in the body of ``article``, in text order."""
    text = article.text
    out: list[Anomaly] = []
    blocks = article.body_blocks
    seen: dict[str, int] = {}
    for i, b in enumerate(blocks):
        para = text[b.start : b.end]
        for (s, e), why in conversion_anomalies(para):
            out.append(_anomaly(article, "unit", b.start + s, b.start + e, why))
        for m in _FRAGMENT.finditer(para):
            s, e = b.start + m.start("frag"), b.start + m.end("frag")
            out.append(
                _anomaly(
                    article,
                    "fragment",
                    s,
                    e,
                    "a stray fragment after the end of a sentence (left over from editing?)",
                )
            )
        for m in _RUN_TOGETHER.finditer(para):
            out.append(
                _anomaly(
                    article,
                    "run-together",
                    b.start + m.start(),
                    b.start + m.end(),
                    f"two words run together: '{m.group()}'",
                )
            )
        key = " ".join(para.split()).lower()
        if len(key) > 40:
            if key in seen:
                out.append(
                    _anomaly(
                        article,
                        "duplicate",
                        b.start,
                        b.end,
                        f"this paragraph repeats paragraph {seen[key] + 1} word for word",
                    )
                )
            else:
                seen[key] = i
        nxt = text[blocks[i + 1].start : blocks[i + 1].end] if i + 1 < len(blocks) else ""
        out.extend(_unbalanced(article, b.start, para, nxt))
        if i == len(blocks) - 1 or len(para.split()) > 12:
            last = para.rstrip()
            if (
                last
                and not _WORD_END.search(last)
                and re.search(r"\b\w{1,3}$", last)
                and len(para.split()) > 12
            ):
                w = re.search(r"\S+$", last)
                assert w is not None
                out.append(
                    _anomaly(
                        article,
                        "truncated",
                        b.start + w.start(),
                        b.start + w.end(),
                        "the paragraph stops mid-sentence: the text may be cut off",
                    )
                )
    fragments = [a for a in out if a.kind == "fragment"]
    out = [
        a
        for a in out
        if not (a.kind == "unbalanced" and any(f.start <= a.start < f.end for f in fragments))
    ]  # the stray "miles)" is one anomaly, not also an unbalanced bracket
    out.sort(key=lambda a: (a.start, a.kind))
    return out


def _unbalanced(article: Article, offset: int, para: str, next_para: str) -> list[Anomaly]:
    out: list[Anomaly] = []
    opens = [m.start() for m in re.finditer("“", para)]
    closes = [m.start() for m in re.finditer("”", para)]
    if len(opens) > len(closes) and not next_para.lstrip().startswith(("“", '"')):
        pos = opens[-1]
        out.append(
            _anomaly(
                article,
                "unbalanced",
                offset + pos,
                offset + pos + 1,
                "a quotation mark is opened and never closed",
            )
        )
    elif len(closes) > len(opens) and not (opens == [] and para.lstrip().startswith("“")):
        pos = closes[-1]
        out.append(
            _anomaly(
                article,
                "unbalanced",
                offset + pos,
                offset + pos + 1,
                "a quotation mark is closed that was never opened",
            )
        )
    straight = [m.start() for m in re.finditer('"', para)]
    if len(straight) % 2 == 1 and not next_para.lstrip().startswith('"'):
        pos = straight[-1]
        out.append(
            _anomaly(
                article,
                "unbalanced",
                offset + pos,
                offset + pos + 1,
                "an odd number of straight quotation marks",
            )
        )
    depth, first_open = 0, -1
    for m in re.finditer(r"[()]", para):
        if m.group() == "(":
            if depth == 0:
                first_open = m.start()
            depth += 1
        elif depth == 0:
            out.append(
                _anomaly(
                    article,
                    "unbalanced",
                    offset + m.start(),
                    offset + m.end(),
                    "a bracket is closed that was never opened",
                )
            )
        else:
            depth -= 1
    if depth > 0:
        out.append(
            _anomaly(
                article,
                "unbalanced",
                offset + first_open,
                offset + first_open + 1,
                "a bracket is opened and never closed",
            )
        )
    return out
