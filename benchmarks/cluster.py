"""Cluster-level figures (issue #13): language refusals, alignment of mixed events, stories.

    python benchmarks/cluster.py            # prints the section; run.py puts it in docs/benchmarks.md

* **Language**: every shared ECB+ article, and every one of its sentences taken alone as a
  one-line brief, through the ingest check (``Article.from_text``): how many are refused.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from _shared import read_jsonl, require_shared

from claimcmp.errors import InputError
from claimcmp.ingest import Article


def language_lines(shared: Path) -> list[str]:
    docs = list(read_jsonl(shared / "data/ecbplus/docs.jsonl"))
    refused_docs: Counter[str] = Counter()
    refused_sentences: Counter[str] = Counter()
    n_sentences = 0
    examples: list[str] = []
    for d in docs:
        text = "\n".join(s["text"] for s in d["sentences"]) + "\n"
        try:
            Article.from_text(text, source=d["doc_id"])
        except InputError as e:
            refused_docs[type(e).__name__] += 1
            examples.append(f"{d['doc_id']}: {e}")
        for s in d["sentences"]:
            n_sentences += 1
            try:
                Article.from_text(s["text"] + "\n", source=d["doc_id"])
            except InputError as e:
                refused_sentences[type(e).__name__] += 1
                if len(examples) < 8:
                    examples.append(f"{d['doc_id']} sentence {s['idx']}: {s['text'][:80]!r} ({type(e).__name__})")
    def cell(refused: Counter[str]) -> str:
        lang = refused.get("UnsupportedLanguageError", 0)
        other = {k: v for k, v in refused.items() if k != "UnsupportedLanguageError"}
        return f"**{lang}** | {sum(other.values())} {other or ''}".rstrip()

    lines = [
        "## English input that is accepted (ECB+ articles and one-line briefs)",
        "",
        "Every shared ECB+ article (all English news) through the ingest check, and every one of its",
        "sentences alone as a one-line article (a brief, a headline). Language identification is py3langid",
        "(refused: a non-English label with probability ≥ 0.8, or a non-Latin script). Target: no English",
        "article refused as not English. \"No reporting text\" are lines that are only page furniture",
        "(a date stamp such as \"May 2, 2013 1: 35 pm.\", a section label such as \"Reactions\").",
        "",
        "| input | count | refused as not English | refused, no reporting text |",
        "|---|---|---|---|",
        f"| ECB+ articles | {len(docs)} | {cell(refused_docs)} |",
        f"| ECB+ sentences, each alone | {n_sentences} | {cell(refused_sentences)} |",
    ]
    if examples:
        lines += ["", "Examples of refusals:", "", *(f"- {x}" for x in examples[:6])]
    return lines


def cluster_lines(shared: Path) -> list[str]:
    return language_lines(shared)


if __name__ == "__main__":
    print("\n".join(cluster_lines(require_shared())))
