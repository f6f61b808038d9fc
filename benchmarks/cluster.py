"""Cluster-level figures (issue #13): language refusals, alignment of mixed events, stories.

    python benchmarks/cluster.py            # prints the section; run.py puts it in docs/benchmarks.md

* **Language**: every shared ECB+ article, and every one of its sentences taken alone as a
  one-line brief, through the ingest check (``Article.from_text``): how many are refused.
* **Mixed events**: each held-out ECB+ topic (``benchmarks/ecb_pairs.EVALUATION_TOPICS``: no
  model trains on them) given to ``compare`` as one input — the documents of both its events
  together, as an editorial feed would mix them. Story separation is scored pairwise over
  documents; alignment by the share of ECB+ same-event sentence pairs (``aligned_sentence_pairs``)
  whose sentences have claims aligned, against the share of different-event pairs
  (``hard_negative_pairs``) aligned.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from _shared import read_jsonl, require_shared
from ecb_pairs import EVALUATION_TOPICS

import claimcmp
from claimcmp.embed import SentenceTransformerEmbedder
from claimcmp.errors import InputError
from claimcmp.ingest import Article
from claimcmp.protocols import Embedder
from claimcmp.report import Report


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


def _topic_inputs(shared: Path) -> dict[int, list[tuple[Article, str, list[tuple[int, int]]]]]:
    """Per held-out topic: (article, event, sentence offsets) for each document."""
    out: dict[int, list[tuple[Article, str, list[tuple[int, int]]]]] = {}
    for d in read_jsonl(shared / "data/ecbplus/docs.jsonl"):
        if d["topic"] not in EVALUATION_TOPICS:
            continue
        spans, text = [], ""
        for s in d["sentences"]:
            spans.append((len(text), len(text) + len(s["text"])))
            text += s["text"] + "\n"
        article = Article(text, source=d["doc_id"], published=None)
        out.setdefault(d["topic"], []).append((article, d["subtopic"], spans))
    return out


def _aligned_sentences(report: Report, spans: dict[str, list[tuple[int, int]]]) -> set[tuple[str, int, str, int]]:
    """(doc, sentence, doc, sentence) of every aligned claim pair, both orders."""

    def sentence_of(claim_id: str) -> tuple[str, int]:
        c = report.claim(claim_id)
        for k, (s, e) in enumerate(spans[c.source]):
            if s <= c.start < e + 1:
                return c.source, k
        return c.source, -1

    out: set[tuple[str, int, str, int]] = set()
    for p in report.pairs:
        a, b = sentence_of(p.a), sentence_of(p.b)
        out.add((*a, *b))
        out.add((*b, *a))
    return out


def mixed_event_lines(shared: Path, embedder: Embedder) -> list[str]:
    inputs = _topic_inputs(shared)
    same = [r for r in read_jsonl(shared / "data/ecbplus/aligned_sentence_pairs.jsonl") if int(r["cluster_id"].split("_")[0]) in inputs]
    different = [r for r in read_jsonl(shared / "data/ecbplus/hard_negative_pairs.jsonl") if r["topic"] in inputs]
    results: dict[str, dict[str, float]] = {}
    for name, options in (("stories (default)", {}), ("one story (stories=False)", {"stories": False})):
        aligned: set[tuple[str, int, str, int]] = set()
        tp = fp = fn = 0
        kept_whole = n_events = 0
        for docs in inputs.values():
            articles = [a for a, _, _ in docs]
            report = claimcmp.compare(articles, embedder=embedder, **options)
            aligned |= _aligned_sentences(report, {a.source: sp for a, _, sp in docs})
            story = {sid: st.id for st in report.stories for sid in st.sources}
            event = {a.source: ev for a, ev, _ in docs}
            ids = [a.source for a in articles]
            for i in range(len(ids)):
                for j in range(i + 1, len(ids)):
                    s_, t_ = event[ids[i]] == event[ids[j]], story[ids[i]] == story[ids[j]]
                    tp += s_ and t_
                    fp += t_ and not s_
                    fn += s_ and not t_
            for ev in set(event.values()):
                n_events += 1
                kept_whole += len({story[x] for x in ids if event[x] == ev}) == 1
        found = sum((r["doc_a"], r["sent_a"], r["doc_b"], r["sent_b"]) in aligned for r in same) / max(1, len(same))
        wrong = sum((r["doc_a"], r["sent_a"], r["doc_b"], r["sent_b"]) in aligned for r in different) / max(1, len(different))
        p, r_ = tp / max(1, tp + fp), tp / max(1, tp + fn)
        results[name] = {
            "found": found, "wrong": wrong, "p": p, "r": r_, "f1": 2 * p * r_ / max(1e-9, p + r_),
            "whole": kept_whole, "events": n_events,
        }
    n_docs = sum(len(v) for v in inputs.values())
    lines = [
        "## Mixed events: stories and alignment (ECB+ held-out topics)",
        "",
        f"Each of the {len(inputs)} held-out ECB+ topics ({n_docs} documents, two events each) compared as one",
        "input by `claimcmp.compare` (atomic claims, shipped models). Story separation: pairwise precision /",
        "recall / F1 over documents (same event = same story), and how many of the events keep all their",
        f"documents in one story. Alignment: of {len(same):,} same-event sentence pairs, the share whose",
        f"sentences have claims aligned; of {len(different):,} different-event pairs (same topic), the share",
        "aligned. Targets (#13): same-event ≥ 0.5 with ≤ 5 % of different-event pairs aligned; story F1 ≥ 0.9.",
        "",
        "| input as | story P | story R | story F1 | events kept whole | same-event pairs aligned | different-event pairs aligned |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, x in results.items():
        lines.append(
            f"| {name} | {x['p']:.2f} | {x['r']:.2f} | **{x['f1']:.2f}** | {x['whole']} / {x['events']} | "
            f"**{x['found']:.2f}** | {x['wrong']:.1%} |"
        )
    return lines


def cluster_lines(shared: Path, embedder: Embedder | None = None) -> list[str]:
    embedder = embedder or SentenceTransformerEmbedder()
    return [*language_lines(shared), "", *mixed_event_lines(shared, embedder)]


if __name__ == "__main__":
    print("\n".join(cluster_lines(require_shared())))
