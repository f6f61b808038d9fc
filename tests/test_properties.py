"""Property tests: whatever the text, offsets index it exactly."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcmp.claims import SentenceClaimExtractor, sentence_spans
from claimcmp.ingest import Article, find_blocks
from claimcmp.split import PunktSentenceSplitter
from claimcmp.text.quantities import find_quantities

WORDS = st.sampled_from(
    "the council said on Monday that 12 people U.S. Mr. “quoted” — 1,000 km (621 miles) $5bn "
    "Share Comment By date 2023-01-02 Jan. 5 officials were hurt . , ! ? \n \n\n".split(" ")
)
TEXTS = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=80).map(" ".join)


@given(TEXTS)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_blocks_sentences_and_claims_index_the_text(text: str) -> None:
    blocks = find_blocks(text)
    for b in blocks:
        assert 0 <= b.start <= b.end <= len(text)
    article = Article(text or " ", source="s")
    spans = sentence_spans(article, PunktSentenceSplitter())
    for s, e in spans:
        assert 0 <= s < e <= len(article.text)
    for c in SentenceClaimExtractor().claims(article, spans):
        assert article.text[c.start : c.end] == c.text


@given(TEXTS)
@settings(max_examples=200, deadline=None)
def test_quantities_index_the_text(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


@given(st.lists(TEXTS, min_size=2, max_size=3))
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_report_spans_index_sources(texts: list[str]) -> None:
    from claimcmp import compare
    from claimcmp.embed import HashingEmbedder
    from claimcmp.errors import InputError

    articles: list[Any] = []
    for i, t in enumerate(texts):
        body = t + "\nOfficials said 12 people were hurt on Monday in the city.\n"
        try:
            articles.append(Article.from_text(body, source=f"s{i}", check_language=False))
        except InputError:
            return
    report = compare(
        articles, embedder=HashingEmbedder(), align_threshold=0.3, check_language=False
    )
    for p, d in report.divergences():
        a = report.source(report.claim(p.a).source).text
        if d.a_span:
            assert a[d.a_span[0] : d.a_span[1]] == d.a_text


CLAIM_WORDS = st.sampled_from(
    "the police said on Monday that 12 people were killed injured arrested in Paris Berlin U.S. "
    "not never nearly rose fell about 200 feet metres $5bn €75m “quoted words” may will blue white "
    "partnership alliance Smith Jones 36-year-old 37-year-old Tuesday through Thursday".split(" ")
)
CLAIMS = st.lists(CLAIM_WORDS, min_size=1, max_size=25).map(" ".join)


@given(CLAIMS, CLAIMS, st.floats(min_value=-1.0, max_value=1.0))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_comparison_is_the_same_either_way_round(a: str, b: str, similarity: float) -> None:
    from claimcmp.comparator import Comparator
    from claimcmp.protocols import ClaimText

    comparator = _COMPARATOR.setdefault("c", Comparator())
    x = comparator.compare(ClaimText(a), ClaimText(b), similarity)
    y = comparator.compare(ClaimText(b), ClaimText(a), similarity)
    flip = {"omission": "addition", "addition": "omission"}
    assert (x.verdict, x.confidence) == (y.verdict, y.confidence)
    assert sorted(d.kind for d in x.divergences) == sorted(
        flip.get(d.kind, d.kind) for d in y.divergences
    )
    for d in x.divergences:
        # Spans index the compared texts, and their texts are what they cover.
        assert d.a_span is None or a[d.a_span[0] : d.a_span[1]] == d.a_text
        assert d.b_span is None or b[d.b_span[0] : d.b_span[1]] == d.b_text


_COMPARATOR: dict[str, Any] = {}
