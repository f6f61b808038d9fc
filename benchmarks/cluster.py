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
* **What tells the same event**: ECB+ same-event vs different-event sentence pairs, a logistic
  model fitted on the training topics and scored on the held-out ones, for growing sets of
  evidence — cosine alone; with the words, names and figures the two sentences share (words
  weighted by their rarity in the topic); with the neighbouring sentences; with the story model's
  probability that the two documents report one event. This is why the aligner is cosine plus
  stories plus the same-fact model, and not a pair model of its own.
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(1, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tools/
from _shared import read_jsonl, require_shared
from ecb_pairs import EVALUATION_TOPICS

import claimcmp
import claimcmp.comparator
from claimcmp.embed import SentenceTransformerEmbedder
from claimcmp.errors import InputError
from claimcmp.ingest import Article
from claimcmp.protocols import Embedder
from claimcmp.report import Report
from claimcmp.verdict import CONFLICT_KINDS
from tools.training import LABELS_FILE as ECB_PAIR_LABELS
from tools.training import pair_counts, precision_recall_f1


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
                    examples.append(
                        f"{d['doc_id']} sentence {s['idx']}: {s['text'][:80]!r} ({type(e).__name__})"
                    )

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
        'article refused as not English. "No reporting text" are lines that are only page furniture',
        '(a date stamp such as "May 2, 2013 1: 35 pm.", a section label such as "Reactions").',
        "",
        "| input | count | refused as not English | refused, no reporting text |",
        "|---|---|---|---|",
        f"| ECB+ articles | {len(docs)} | {cell(refused_docs)} |",
        f"| ECB+ sentences, each alone | {n_sentences} | {cell(refused_sentences)} |",
    ]
    if examples:
        lines += ["", "Examples of refusals:", "", *(f"- {x}" for x in examples[:6])]
    return lines


def _topic_inputs(
    shared: Path, *, held_out: bool = True
) -> dict[int, list[tuple[Article, str, list[tuple[int, int, int]]]]]:
    """Per held-out topic (``held_out=False``: per training topic): (article, event,
    sentences) for each document, a sentence as its ECB+ number and its offsets. ECB+ numbers
    the sentences of its 'ecbplus' documents from 1 (the pair files use those numbers), so a
    sentence's position is not its number."""
    out: dict[int, list[tuple[Article, str, list[tuple[int, int, int]]]]] = {}
    for d in read_jsonl(shared / "data/ecbplus/docs.jsonl"):
        if (d["topic"] in EVALUATION_TOPICS) != held_out:
            continue
        spans, text = [], ""
        for s in d["sentences"]:
            spans.append((s["idx"], len(text), len(text) + len(s["text"])))
            text += s["text"] + "\n"
        article = Article(text, source=d["doc_id"], published=None)
        out.setdefault(d["topic"], []).append((article, d["subtopic"], spans))
    return out


#: Outlets per input in the five-outlet reports (the editors' check compared five outlets of
#: one event), and how many inputs are drawn from each ECB+ event with at least that many.
FIVE_OUTLETS = 5
DRAWS_PER_EVENT = 2


def five_outlet_inputs(shared: Path, *, held_out: bool = True) -> list[list[Article]]:
    """Inputs of :data:`FIVE_OUTLETS` articles of one ECB+ event (a subtopic), as an editor
    would hand over five outlets' reports of one event: :data:`DRAWS_PER_EVENT` draws from each
    event of the held-out (or training) topics that has that many articles, seeded by the
    event's name so that every run draws the same ones."""
    by_event: dict[str, list[Article]] = {}
    for docs in _topic_inputs(shared, held_out=held_out).values():
        for article, event, _ in docs:
            by_event.setdefault(event, []).append(article)
    out: list[list[Article]] = []
    for event, articles in sorted(by_event.items()):
        if len(articles) < FIVE_OUTLETS:
            continue
        rng = random.Random(f"five-outlets:{event}")
        ordered = sorted(articles, key=lambda a: a.source)
        out += [rng.sample(ordered, FIVE_OUTLETS) for _ in range(DRAWS_PER_EVENT)]
    return out


def _aligned_sentences(
    report: Report, spans: dict[str, list[tuple[int, int, int]]]
) -> set[tuple[str, int, str, int]]:
    """(doc, sentence, doc, sentence) of every aligned claim pair, both orders."""

    def sentence_of(claim_id: str) -> tuple[str, int]:
        return _sentence_number(report.claim(claim_id), spans)

    out: set[tuple[str, int, str, int]] = set()
    for c in report.claims:  # (doc, sentence, "", -1): the sentence has a claim at all
        doc, k = sentence_of(c.id)
        out.add((doc, k, "", -1))
    for p in report.pairs:
        a, b = sentence_of(p.a), sentence_of(p.b)
        out.add((*a, *b))
        out.add((*b, *a))
    return out


def mixed_event_lines(shared: Path, embedder: Embedder) -> list[str]:
    inputs = _topic_inputs(shared)
    same = [
        r
        for r in read_jsonl(shared / "data/ecbplus/aligned_sentence_pairs.jsonl")
        if int(r["cluster_id"].split("_")[0]) in inputs
    ]
    different = [
        r
        for r in read_jsonl(shared / "data/ecbplus/hard_negative_pairs.jsonl")
        if r["topic"] in inputs
    ]
    results: dict[str, dict[str, float]] = {}
    for name, options in (
        ("stories (default)", {}),
        ("one story (stories=False)", {"stories": False}),
    ):
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
            counts = pair_counts([event[x] for x in ids], [story[x] for x in ids])
            tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
            for ev in set(event.values()):
                n_events += 1
                kept_whole += len({story[x] for x in ids if event[x] == ev}) == 1
        found = sum(
            (r["doc_a"], r["sent_a"], r["doc_b"], r["sent_b"]) in aligned for r in same
        ) / max(1, len(same))
        with_claims = [
            r
            for r in same
            if (r["doc_a"], r["sent_a"], "", -1) in aligned
            and (r["doc_b"], r["sent_b"], "", -1) in aligned
        ]
        found_claims = sum(
            (r["doc_a"], r["sent_a"], r["doc_b"], r["sent_b"]) in aligned for r in with_claims
        ) / max(1, len(with_claims))
        wrong = sum(
            (r["doc_a"], r["sent_a"], r["doc_b"], r["sent_b"]) in aligned for r in different
        ) / max(1, len(different))
        p, r_, f1 = precision_recall_f1(tp, fp, fn)
        results[name] = {
            "found": found,
            "found_claims": found_claims,
            "n_claims": len(with_claims),
            "wrong": wrong,
            "p": p,
            "r": r_,
            "f1": f1,
            "whole": kept_whole,
            "events": n_events,
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
        "aligned. Many ECB+ sentences are headlines, datelines or stamps, which are page furniture and have no",
        "claims by design; the next column counts only the same-event pairs whose two sentences both have claims.",
        "Targets (#13): same-event ≥ 0.5 with ≤ 5 % of different-event pairs aligned; story F1 ≥ 0.9.",
        "Until 2026-12-01 this benchmark read ECB+ sentences by position, not by their ECB+ number, and",
        "scored half the documents against neighbouring sentences: its 0.13 for cosine-only alignment",
        "is 0.15 read correctly (commit d74d191). In 1,339 of the 3,320 same-event pairs one sentence has no claim",
        "(mostly headlines, page furniture by design), and a one-to-one aligner can find at most 0.47",
        "of the pairs (each sentence has one counterpart per other document).",
        "",
        "| input as | story P | story R | story F1 | events kept whole | same-event pairs aligned | "
        "same-event pairs aligned, both sentences with claims | different-event pairs aligned |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, x in results.items():
        lines.append(
            f"| {name} | {x['p']:.2f} | {x['r']:.2f} | **{x['f1']:.2f}** | {x['whole']} / {x['events']} | "
            f"**{x['found']:.2f}** | {x['found_claims']:.2f} (of {x['n_claims']:,}) | {x['wrong']:.1%} |"
        )
    return lines


def evidence_lines(shared: Path, embedder: Embedder) -> list[str]:
    import math
    import re

    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from claimcmp.stories import load_default_story_model, source_profile, story_features
    from tools.training import ecb_story_inputs

    docs = {d["doc_id"]: d for d in read_jsonl(shared / "data/ecbplus/docs.jsonl")}
    story_inputs = ecb_story_inputs(shared, embedder)
    profile = {
        doc: prof
        for item in story_inputs
        for doc, prof in zip(item.doc_ids, item.profiles, strict=True)
    }
    story_model = load_default_story_model()
    story_p: dict[tuple[str, str], float] = {}
    for item in story_inputs:
        for (i, j), x in story_features(item.profiles).items():
            story_p[item.doc_ids[i], item.doc_ids[j]] = story_p[
                item.doc_ids[j], item.doc_ids[i]
            ] = story_model.probability(x)
    position = {d: {s["idx"]: k for k, s in enumerate(doc["sentences"])} for d, doc in docs.items()}
    word = re.compile(r"[a-z][a-z'-]+|\d[\d,.]*")
    stop = frozenset(
        "the a an of to in on at for with by from and or but is are was were be been has have had that this it its he she they his her their not as will would said says".split()
    )
    df: dict[int, Counter[str]] = {}
    n_sent: Counter[int] = Counter()
    for doc in docs.values():
        for s_ in doc["sentences"]:
            n_sent[doc["topic"]] += 1
            df.setdefault(doc["topic"], Counter()).update(set(word.findall(s_["text"].lower())))

    def features(r: dict[str, object]) -> list[float] | None:
        da, db = str(r["doc_a"]), str(r["doc_b"])
        ia, ib = position[da].get(int(r["sent_a"])), position[db].get(int(r["sent_b"]))  # type: ignore[call-overload]
        if ia is None or ib is None:
            return None
        topic = docs[da]["topic"]
        va, vb = profile[da].vectors, profile[db].vectors
        ta, tb = docs[da]["sentences"][ia]["text"], docs[db]["sentences"][ib]["text"]
        wa = {w for w in word.findall(ta.lower()) if w not in stop}
        wb = {w for w in word.findall(tb.lower()) if w not in stop}

        def idf(w: str) -> float:
            return math.log(n_sent[topic] / (1 + df[topic][w]))

        union = sum(idf(w) for w in wa | wb)
        # Names as story separation reads them (claimcmp.text.names.is_name).
        names_a, names_b = (
            source_profile([ta], va[ia : ia + 1]).names,
            source_profile([tb], vb[ib : ib + 1]).names,
        )
        figures = len(set(re.findall(r"\d[\d,.]*", ta)) & set(re.findall(r"\d[\d,.]*", tb)))
        around = [
            float(va[ia + k] @ vb[ib + k])
            for k in (-1, 1)
            if 0 <= ia + k < len(va) and 0 <= ib + k < len(vb)
        ]
        return [
            float(va[ia] @ vb[ib]),
            sum(idf(w) for w in wa & wb) / union if union else 0.0,
            math.log1p(len(names_a & names_b)),
            math.log1p(len(names_a ^ names_b)),
            math.log1p(figures),
            max(around, default=0.0),
            story_p.get((da, db), 0.0),
        ]

    rows = []
    for label, path in ((1, "aligned_sentence_pairs.jsonl"), (0, "hard_negative_pairs.jsonl")):
        for r in read_jsonl(shared / "data/ecbplus" / path):
            topic = int(str(r.get("cluster_id", r.get("topic"))).split("_")[0])
            x = features(r)
            if x is not None:
                rows.append((x, label, topic not in EVALUATION_TOPICS))
    x_all = np.array([r[0] for r in rows])
    y_all = np.array([r[1] for r in rows])
    train = np.array([r[2] for r in rows])
    sets = (
        ("cosine", [0]),
        ("+ shared words (IDF), names, figures", [0, 1, 2, 3, 4]),
        ("+ neighbouring sentences", [0, 1, 2, 3, 4, 5]),
        ("+ story model (the two documents)", [0, 1, 2, 3, 4, 5, 6]),
    )
    lines = [
        "### What tells two sentences report the same event",
        "",
        f"ECB+ same-event vs different-event sentence pairs ({int(y_all.sum()):,} and {int((1 - y_all).sum()):,}); a",
        "class-balanced logistic regression fitted on the training topics, scored on the held-out ones:",
        "ROC AUC, and the share of same-event pairs found when 5 % of the different-event pairs are let through.",
        "",
        "| evidence | AUC | same-event found at 5 % different-event |",
        "|---|---|---|",
    ]
    for name, cols in sets:
        xs = x_all[:, cols]
        mean, scale = xs[train].mean(axis=0), xs[train].std(axis=0) + 1e-9
        model = LogisticRegression(class_weight="balanced", max_iter=5000).fit(
            (xs[train] - mean) / scale, y_all[train]
        )
        p = model.predict_proba((xs[~train] - mean) / scale)[:, 1]
        y = y_all[~train]
        cut = np.quantile(p[y == 0], 0.95)
        lines.append(f"| {name} | {roc_auc_score(y, p):.3f} | {(p[y == 1] > cut).mean():.2f} |")
    lines += [
        "",
        "Within one pair of sentences, shared words, names and figures add little to cosine; what",
        "separates events is the documents' context, which story separation supplies before alignment.",
    ]
    return lines


def within_story_lines(shared: Path, embedder: Embedder) -> list[str]:
    """Evidence for "same fact" once stories are separated: inside each ECB+ event, pairs of
    annotated sentences of two documents that report one event instance (ECB+
    ``aligned_sentence_pairs``) vs those that share no event instance (both sentences annotated,
    not a listed pair) — the decision the aligner faces within a story."""
    import itertools
    import math
    import re

    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from claimcmp.stories import source_profile

    docs = {d["doc_id"]: d for d in read_jsonl(shared / "data/ecbplus/docs.jsonl")}
    same: set[tuple[str, int, str, int]] = set()
    for r in read_jsonl(shared / "data/ecbplus/aligned_sentence_pairs.jsonl"):
        same |= {
            (r["doc_a"], r["sent_a"], r["doc_b"], r["sent_b"]),
            (r["doc_b"], r["sent_b"], r["doc_a"], r["sent_a"]),
        }
    ids = list(docs)
    vectors = embedder.encode([s["text"] for d in ids for s in docs[d]["sentences"]])
    start: dict[str, int] = {}
    k = 0
    for d in ids:
        start[d] = k
        k += len(docs[d]["sentences"])
    word = re.compile(r"[a-z][a-z'-]+|\d[\d,.]*")
    figure = re.compile(r"\b\d[\d,.]*\d\b|\b[2-9]\b")
    stop = frozenset(
        "the a an of to in on at for with by from and or but is are was were be been has have had that this it its he she they his her their not as will would said says".split()
    )
    by_event: dict[str, list[str]] = {}
    for d in ids:
        by_event.setdefault(docs[d]["subtopic"], []).append(d)
    rows: list[tuple[list[float], int, bool]] = []
    for members in by_event.values():
        topic = docs[members[0]]["topic"]
        info: dict[tuple[str, int], tuple[set[str], frozenset[str], set[str]]] = {}
        df: Counter[str] = Counter()
        for d in members:
            for i, s_ in enumerate(docs[d]["sentences"]):
                words = {w for w in word.findall(s_["text"].lower()) if w not in stop}
                df.update(words)
                row = start[d] + i
                info[d, i] = (
                    words,
                    source_profile([s_["text"]], vectors[row : row + 1]).names,
                    set(figure.findall(s_["text"])),
                )
        n = sum(len(docs[d]["sentences"]) for d in members)
        for da, db in itertools.combinations(members, 2):
            sa, sb = docs[da]["sentences"], docs[db]["sentences"]
            sims = (
                vectors[start[da] : start[da] + len(sa)]
                @ vectors[start[db] : start[db] + len(sb)].T
            )
            annotated_a, annotated_b = (
                set(docs[da]["annotated_sentences"]),
                set(docs[db]["annotated_sentences"]),
            )
            for ia, xa in enumerate(sa):
                for ib, xb in enumerate(sb):
                    if (da, xa["idx"], db, xb["idx"]) in same:
                        label = 1
                    elif xa["idx"] in annotated_a and xb["idx"] in annotated_b:
                        label = 0
                    else:
                        continue
                    (wa, na, fa), (wb, nb, fb) = info[da, ia], info[db, ib]

                    weight = {w: math.log(n / (1 + df[w])) for w in wa | wb}  # IDF in the event
                    union = sum(weight.values())
                    around = [
                        float(sims[ia + j, ib + j])
                        for j in (-1, 1)
                        if 0 <= ia + j < len(sa) and 0 <= ib + j < len(sb)
                    ]
                    cos = float(sims[ia, ib])
                    rows.append(
                        (
                            [
                                cos,
                                cos
                                - float(sims[ia].max()),  # how far from A's best counterpart in B
                                cos - float(sims[:, ib].max()),
                                sum(weight[w] for w in wa & wb) / union if union else 0.0,
                                math.log1p(len(na & nb)),
                                math.log1p(len(na ^ nb)),
                                math.log1p(len(fa & fb)),
                                max(around, default=0.0),
                            ],
                            label,
                            topic not in EVALUATION_TOPICS,
                        )
                    )
    x_all = np.array([r[0] for r in rows])
    y_all = np.array([r[1] for r in rows])
    train = np.array([r[2] for r in rows])
    y = y_all[~train]
    lines = [
        "### Within a story: the same event instance or not",
        "",
        "Once stories are separated, the aligner decides among sentences of one event. ECB+ pairs of annotated",
        f"sentences of two documents of one event: {int(y_all.sum()):,} that report the same event instance vs",
        f"{int((1 - y_all).sum()):,} that share none; a class-balanced logistic regression fitted on the training",
        "topics, scored on the held-out ones (ROC AUC; share of same-instance pairs found when 5 % of the others",
        "are let through; share of each class at cosine ≥ 0.6, the aligner's threshold).",
        "",
        "| evidence | AUC | same instance found at 5 % others |",
        "|---|---|---|",
    ]
    for name, cols in (
        ("cosine", [0]),
        ("+ rank against each claim's best counterpart", [0, 1, 2]),
        ("+ shared words (IDF), names, figures", [0, 1, 2, 3, 4, 5, 6]),
        ("+ neighbouring sentences", [0, 1, 2, 3, 4, 5, 6, 7]),
    ):
        xs = x_all[:, cols]
        mean, scale = xs[train].mean(axis=0), xs[train].std(axis=0) + 1e-9
        model = LogisticRegression(class_weight="balanced", max_iter=5000).fit(
            (xs[train] - mean) / scale, y_all[train]
        )
        p = model.predict_proba((xs[~train] - mean) / scale)[:, 1]
        cut = np.quantile(p[y == 0], 0.95)
        lines.append(f"| {name} | {roc_auc_score(y, p):.3f} | {(p[y == 1] > cut).mean():.2f} |")
    cos = x_all[~train, 0]
    lines += [
        "",
        f"At cosine ≥ 0.6: {(cos[y == 1] >= 0.6).mean():.2f} of the same-instance pairs and {(cos[y == 0] >= 0.6).mean():.2f} of the",
        "others. Inside one event, a pair's own evidence barely separates the same instance from another one",
        "told alongside it. ECB+ 'same instance' is loose, though (two sentences mentioning one event",
        "instance); against the readers' labels of the same *fact*, the rare words two claims share do",
        'help, which is what the fact-aware aligner uses (docs/calibration.md; "Alignment in the reports").',
    ]
    return lines


def alignment_lines(embedder: Embedder) -> list[str]:
    import json

    from aligned_pairs import LABELS_FILE, reports

    labelled = [
        json.loads(line)
        for line in LABELS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]

    # Claims are named by source and offsets (their text stays in ../shared).
    agreed = {
        (_span(r["a"]), _span(r["b"])): r["labels"][0]
        for r in labelled
        if r["labels"][0] == r["labels"][1]
    }
    aligned: set[tuple[tuple[str, int, int], tuple[str, int, int]]] = set()
    for report in reports(embedder).values():
        for p in report.pairs:
            ca, cb = report.claim(p.a), report.claim(p.b)
            a, b = _at(ca), _at(cb)
            aligned |= {(a, b), (b, a)}
    still = [label for key, label in agreed.items() if key in aligned]
    same = sum(label == "same" for label in still)
    return [
        "### Aligned pairs: the same fact? (labelled by reading them)",
        "",
        f"{len(labelled)} aligned claim pairs of the seeds report and three held-out ECB+ topics, drawn on 2026-12-01",
        "from what `compare` aligned and labelled same fact / different fact by two readers independently",
        f"(`benchmarks/aligned_pairs.py`); they agreed on {len(agreed)}. Of those, the current version still aligns",
        f"{len(still)}, and **{same / max(1, len(still)):.2f}** ({same}/{len(still)}) of them are the same fact. The editors'",
        "check of the comparator of 2026-11-23 found 12 of 25 sampled aligned pairs to be the same fact (0.48).",
    ]


REPORT_PAIRS_FILE = Path(__file__).resolve().parent / "data" / "report_pairs_labels.jsonl"
SECOND_PAIRS_FILE = Path(__file__).resolve().parent / "data" / "second_pairs_labels.jsonl"


def report_alignment_lines(shared: Path, embedder: Embedder) -> list[str]:
    """The reports of the held-out topics, made with the fact-aware aligner and with cosine
    alone, scored against pairs two readers labelled: the claim pairs the reports hold
    (``report_pairs_labels.jsonl``) and the sentence pairs of the labelling rounds."""
    inputs = _topic_inputs(shared)
    labelled = {(*_span(r["a"]), *_span(r["b"])): r for r in read_jsonl(REPORT_PAIRS_FILE)}
    rounds = [r for r in read_jsonl(ECB_PAIR_LABELS) if r["label"] and r["topic"] in inputs]
    out: dict[str, dict[str, Any]] = {}
    for method in ("fact", "greedy"):
        verdicts: Counter[tuple[str | None, str]] = Counter()
        by_sentences: dict[tuple[str, int, str, int], str] = {}
        n_pairs = n_div = 0
        seconds: list[tuple[str, int, int, str, int, int]] = []
        for docs in inputs.values():
            report = claimcmp.compare(
                [a for a, _, _ in docs], embedder=embedder, align_method=method
            )
            seconds += _second_pairs(report)
            spans = {a.source: sp for a, _, sp in docs}
            n_pairs += len(report.pairs)
            n_div += sum(p.verdict == "divergence" for p in report.pairs)
            for p in report.pairs:
                ca, cb = report.claim(p.a), report.claim(p.b)
                row = labelled.get((*_at(ca), *_at(cb)))
                if row is not None and row["label"]:
                    verdicts[row["label"], p.verdict] += 1
                (da, ka), (db, kb) = _sentence_number(ca, spans), _sentence_number(cb, spans)
                for key in ((da, ka, db, kb), (db, kb, da, ka)):
                    if by_sentences.get(key) != "divergence":  # a divergence of any claims
                        by_sentences[key] = p.verdict
        found: dict[str, list[int]] = {}
        for r in rounds:
            name = "test" if r["round"] in (2, 5) else "dev"
            hit = by_sentences.get((r["doc_a"], r["sent_a"], r["doc_b"], r["sent_b"]))
            cell = found.setdefault(name, [0, 0, 0, 0])  # conflicts, flagged, others, flagged
            k = 0 if r["label"] == "conflict" else 2
            cell[k] += 1
            cell[k + 1] += hit == "divergence"
        out[method] = {
            "verdicts": verdicts,
            "found": found,
            "pairs": n_pairs,
            "div": n_div,
            "seconds": seconds,
        }
    lines = [
        "## Alignment in the reports (ECB+ held-out topics, labelled by reading)",
        "",
        'The reports of the 10 held-out topics (as in "Mixed events"), made with the fact-aware aligner',
        '(`align_method="fact"`, the default) and with cosine alone (`"greedy"`, threshold 0.6, the',
        "default before 2026-12-01). **Claim pairs**: 136 pairs drawn at random on 2026-12-01 from both",
        "versions' reports (40 divergence and 30 other aligned pairs each, seed 2026), labelled by two",
        "readers independently by reading the two claims with their sentences (guidelines:",
        f"`ecb_pairs_guidelines.md`; `report_pairs_labels.jsonl`; they agreed on {sum(1 for r in labelled.values() if r['label'])}).",
        "Scored here: the labelled pairs each version's report holds. **Sentence pairs**: the labelling",
        "rounds' pairs of these topics (rounds 1 dev, 2 and 5 test): how many of their conflicts the",
        "report flags (a divergence between claims of the two sentences), and how many of the others.",
        "",
        "| aligner | pairs in the reports | divergences | labelled divergences that are conflicts | labelled divergences that are different facts | labelled aligned pairs that are different facts | round 1 conflicts flagged | rounds 2+5 conflicts flagged | rounds 2+5 non-conflicts flagged |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    second_labels = {
        (*_span(r["claim"]), *_span(r["second"])): r for r in read_jsonl(SECOND_PAIRS_FILE)
    }
    for method, x in out.items():
        v = x["verdicts"]
        div = sum(n for (lab, verdict), n in v.items() if verdict == "divergence")
        conflict = v["conflict", "divergence"]
        different_div = v["different", "divergence"]
        aligned = sum(v.values())
        different = sum(n for (lab, _), n in v.items() if lab == "different")
        dev, test = x["found"].get("dev", [0, 0, 0, 0]), x["found"].get("test", [0, 0, 0, 0])
        lines.append(
            f"| {method} | {x['pairs']:,} | {x['div']:,} | **{conflict / max(1, div):.2f}** ({conflict}/{div}) | "
            f"{different_div / max(1, div):.2f} | {different / max(1, aligned):.2f} ({different}/{aligned}) | "
            f"{dev[1]}/{dev[0]} | **{test[1]}/{test[0]}** | {test[3]}/{test[2]} |"
        )
    rules: dict[str, Counter[str]] = {}
    for r in second_labels.values():
        if r["label"]:
            rules.setdefault(r["rule"], Counter())[r["label"]] += 1
    present = Counter(
        second_labels[k]["label"]
        for k in out["fact"]["seconds"]
        if second_labels.get(k, {}).get("label")
    )

    def same_share(c: Counter[str]) -> str:
        n = sum(c.values())
        return f"{(c['compatible'] + c['conflict']) / max(1, n):.2f} ({c['compatible'] + c['conflict']}/{n})"

    lines += [
        "",
        "**A fact told over two claims** (second counterparts, fact-aware aligner only). 120 pairs",
        "drawn on 2026-12-01 (seed 2026) from these reports with second counterparts switched on: 60",
        "that the rule kept (`completes`: the second tells another part of the claim than the first)",
        "and 60 that only a margin rule (nearly as likely as the first) would add; labelled blind by",
        f"two readers (`second_pairs_labels.jsonl`, agreed on {sum(1 for r in second_labels.values() if r['label'])}).",
        "",
        "| second pairs | same fact (compatible or conflict) |",
        "|---|---|",
        *(f"| {rule} | {same_share(c)} |" for rule, c in sorted(rules.items())),
        f"| in today's reports ({len(out['fact']['seconds'])} second pairs), labelled | {same_share(present)} |",
    ]
    return lines


REPORT_DIVERGENCES_FILE = (
    Path(__file__).resolve().parent / "data" / "report_divergence_labels.jsonl"
)


def report_divergence_lines(shared: Path, embedder: Embedder) -> list[str]:
    """Every divergence of the reports of the held-out topics (test) and of the training
    topics (dev), scored against the divergences of main at 60fd933 that two readers labelled
    blind (``report_divergence_labels.jsonl``): how many are real conflicts."""
    labels: dict[tuple[str, int, int, str, int, int], dict[str, Any]] = {}
    for r in read_jsonl(REPORT_DIVERGENCES_FILE):
        labels[(*_span(r["a"]), *_span(r["b"]))] = r
        labels[(*_span(r["b"]), *_span(r["a"]))] = r
    lines = [
        "## Divergences in the reports (ECB+, labelled by reading)",
        "",
        "Every divergence of the reports of the 10 held-out topics (**test**) and of the 11",
        "training topics (dev), as the editors' check reads a report. The divergences of main at",
        "60fd933 (2026-12-06: 170 and 281) were labelled blind by two readers each, who saw the two",
        "claims with their sentences and not the tool's findings (`ecb_pairs_guidelines.md`;",
        "`report_divergence_labels.jsonl`). The dev labels and the dev reports' false alarms were",
        "read to find rules; of the test ones only these totals were looked at. At 75ebe24",
        "(2026-12-07), when decimals as ECB+ writes them ('6. 1') stopped splitting sentences, the 21",
        "divergences on claims nobody had labelled (17 dev, 4 test) were labelled the same way.",
        "*Conflicts kept*: of the labelled conflicts, how many today's report still flags; a",
        "divergence new since it was drawn is unlabelled. From 2026-12-08 (commit 1374e42) a report",
        "pair needs the same-fact model's probability at the conflict bar, which the aligner's own",
        "probability no longer stands in for (`verdict-model.md`): chosen on the dev reports (0.76 ->",
        "0.91, 39 of 42 flagged conflicts kept), then measured once held out: 0.46 (48/105) -> 0.51",
        "(35/69); with the same day's rule for two ages of one named person, 0.52 (37/71), and",
        "*conflicts kept* falls from 48/51 to 37/51: a precision-first trade.",
        "",
        "| topics | divergences | labelled (readers agree) | real conflicts | precision | conflicts kept | unlabelled |",
        "|---|---|---|---|---|---|---|",
    ]
    # Per kind of decisive finding: how many labelled divergences carrying it are conflicts.
    by_kind: dict[str, dict[str, Counter[str]]] = {}
    for name, held_out in (("**held-out (test)**", True), ("training (dev)", False)):
        counts: Counter[str] = Counter()
        kinds = by_kind.setdefault(name, {})
        n_div = 0
        for docs in _topic_inputs(shared, held_out=held_out).values():
            report = claimcmp.compare([a for a, _, _ in docs], embedder=embedder)
            for label, decisive_kinds in _divergence_labels(report, labels):
                n_div += 1
                counts[label] += 1
                for kind in decisive_kinds:
                    kinds.setdefault(kind, Counter())[label] += 1
        set_name = "test" if held_out else "dev"
        all_conflicts = sum(
            1
            for r in read_jsonl(REPORT_DIVERGENCES_FILE)
            if r["set"] == set_name
            and r["label"] == "conflict"
            # Conflicts first seen in five-outlet reports need not be in a whole topic's.
            and not r["drawn"].startswith("five-outlets")
        )
        agreed = counts["conflict"] + counts["compatible"] + counts["different"]
        lines.append(
            f"| {name} | {n_div} | {agreed} | {counts['conflict']} | "
            f"**{counts['conflict'] / max(1, agreed):.2f}** | {counts['conflict']}/{all_conflicts} | "
            f"{counts['unlabelled']} |"
        )
    lines += [
        "",
        f"**Five outlets of one event.** The editors' check read reports of {FIVE_OUTLETS} outlets of one",
        f"event. Here, {DRAWS_PER_EVENT} draws of {FIVE_OUTLETS} articles from each ECB+ event (subtopic) that has",
        "as many (`five_outlet_inputs`, seeded by the event), each compared alone. Their",
        "divergences were labelled like the others (from 2026-12-07, drawn `five-outlets@…` for",
        "those first seen there).",
        "",
        "| topics | inputs | divergences | labelled (readers agree) | real conflicts | precision | unlabelled |",
        "|---|---|---|---|---|---|---|",
    ]
    listing: dict[str, dict[str, Counter[str]]] = {}
    for name, held_out in (("**held-out (test)**", True), ("training (dev)", False)):
        counts = Counter()
        inputs = five_outlet_inputs(shared, held_out=held_out)
        n_div = 0
        for articles in inputs:
            report = claimcmp.compare(articles, embedder=embedder)
            for label, _ in _divergence_labels(report, labels):
                n_div += 1
                counts[label] += 1
            per = listing.setdefault(name, {})
            per.setdefault("listed", Counter()).update(_typed_findings(report, labels))
            # The same input with every finding listed, as reports listed them before.
            with mock.patch.object(claimcmp.comparator, "listed_findings", list):
                every = claimcmp.compare(articles, embedder=embedder)
            per.setdefault("all", Counter()).update(_typed_findings(every, labels))
        agreed = counts["conflict"] + counts["compatible"] + counts["different"]
        lines.append(
            f"| {name} | {len(inputs)} | {n_div} | {agreed} | {counts['conflict']} | "
            f"**{counts['conflict'] / max(1, agreed):.2f}** | {counts['unlabelled']} |"
        )
    lines += [
        "",
        "### Findings an editor sees",
        "",
        "The editors' check also counted the typed findings of the reports (all but omission /",
        "addition) and how many are right. In the five-outlet reports above: the typed findings",
        "listed today, against the same reports listing every finding the detectors make (as",
        "reports did before 2026-12-07). A comparison now lists, of its typed findings, only the",
        'decisive ones and unresolved dates (`docs/detectors.md`, "What a comparison lists");',
        "verdicts are the same either way. *On real conflicts*: of the findings on pairs the",
        "readers labelled (conflict / compatible / different), those on a conflict.",
        "",
        "| topics | findings | typed findings | on divergences | on other pairs | on labelled pairs | on real conflicts |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, per in listing.items():
        for how, title in (("all", "every finding the detectors make"), ("listed", "**listed**")):
            c = per.get(how, Counter())
            lines.append(
                f"| {name} | {title} | {c['typed']} | {c['on_divergence']} | {c['on_other']} | "
                f"{c['labelled']} | {c['conflict']} ({c['conflict'] / max(1, c['labelled']):.2f}) |"
            )
    lines += [
        "",
        "By kind of decisive finding (a divergence may carry several): labelled divergences that",
        "carry it, and how many of them are real conflicts.",
        "",
        "| topics | " + " | ".join(CONFLICT_KINDS) + " |",
        "|---|" + "---|" * len(CONFLICT_KINDS),
    ]
    for name, kinds in by_kind.items():
        cells = []
        for kind in CONFLICT_KINDS:
            c = kinds.get(kind, Counter())
            agreed = c["conflict"] + c["compatible"] + c["different"]
            cells.append(f"{c['conflict']}/{agreed}" if agreed else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    rows = list(read_jsonl(REPORT_DIVERGENCES_FILE))
    lines.append("")
    for drawn in dict.fromkeys(r["drawn"] for r in rows):
        for set_name in ("test", "dev"):
            part = [r for r in rows if r["set"] == set_name and r["drawn"] == drawn]
            if not part:
                continue
            agreed = [r for r in part if r["label"]]
            conflicts = sum(r["label"] == "conflict" for r in agreed)
            lines.append(
                f"At {drawn.split('@')[1]} ({set_name}): {len(part)} divergences, the readers agreed on "
                f"{len(agreed)}, of which {conflicts} are real conflicts: precision "
                f"{conflicts / max(1, len(agreed)):.2f}.  "
            )
    return lines


def _divergence_labels(
    report: Report, labels: dict[tuple[str, int, int, str, int, int], dict[str, Any]]
) -> list[tuple[str, tuple[str, ...]]]:
    """The readers' label of each divergence of ``report`` ("unlabelled" when nobody labelled
    it, "disagree" when the two readers did not agree), with its decisive kinds."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for p in report.pairs:
        if p.verdict != "divergence":
            continue
        row = labels.get((*_at(report.claim(p.a)), *_at(report.claim(p.b))))
        out.append(("unlabelled" if row is None else row["label"] or "disagree", p.decisive_kinds))
    return out


def _typed_findings(
    report: Report, labels: dict[tuple[str, int, int, str, int, int], dict[str, Any]]
) -> Counter[str]:
    """Counts of the typed findings (not coverage) ``report``'s pairs list: in all, on
    divergences, on other pairs, on pairs the readers labelled, and on those they labelled
    conflict."""
    c: Counter[str] = Counter()
    for p in report.pairs:
        row = labels.get((*_at(report.claim(p.a)), *_at(report.claim(p.b))))
        label = row["label"] if row is not None else None
        n = sum(1 for d in p.divergences if d.kind not in ("omission", "addition"))
        c["typed"] += n
        c["on_divergence" if p.verdict == "divergence" else "on_other"] += n
        if label in ("conflict", "compatible", "different"):
            c["labelled"] += n
            c["conflict"] += n if label == "conflict" else 0
    return c


def _second_pairs(report: Report) -> list[tuple[str, int, int, str, int, int]]:
    """(claim, second) offsets of the pairs where a claim has two counterparts in one source:
    one for each of its two counterparts, as either may be the one labelled."""
    partners: dict[tuple[str, str], list[str]] = {}
    for p in report.pairs:
        for x, y in ((p.a, p.b), (p.b, p.a)):
            partners.setdefault((x, report.claim(y).source), []).append(y)
    out: list[tuple[str, int, int, str, int, int]] = []
    for (hub, _), others in partners.items():
        if len(others) < 2:
            continue
        out += [(*_at(report.claim(hub)), *_at(report.claim(o))) for o in others]
    return out


def _span(side: dict[str, Any]) -> tuple[str, int, int]:
    """A labelled claim's source and offsets, as the label files give them."""
    return side["source"], side["start"], side["end"]


def _at(claim: Any) -> tuple[str, int, int]:
    """A report claim's source and offsets: the key the label files use."""
    return claim.source, claim.start, claim.end


def _sentence_number(claim: Any, spans: dict[str, list[tuple[int, int, int]]]) -> tuple[str, int]:
    for k, s, e in spans[claim.source]:
        if s <= claim.start < e + 1:
            return claim.source, k
    return claim.source, -1


def cluster_lines(shared: Path, embedder: Embedder | None = None) -> list[str]:
    embedder = embedder or SentenceTransformerEmbedder()
    return [
        *language_lines(shared),
        "",
        *mixed_event_lines(shared, embedder),
        "",
        *report_alignment_lines(shared, embedder),
        "",
        *report_divergence_lines(shared, embedder),
        "",
        *alignment_lines(embedder),
        "",
        *evidence_lines(shared, embedder),
        "",
        *within_story_lines(shared, embedder),
    ]


if __name__ == "__main__":
    print("\n".join(cluster_lines(require_shared())))
