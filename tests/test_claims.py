"""Atomic claims: clauses, relative clauses, appositives, attribution, exact spans."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcmp.claims import AtomicClaimExtractor, SentenceClaimExtractor, sentence_spans
from claimcmp.ingest import Article
from claimcmp.records import Claim
from claimcmp.split import PunktSentenceSplitter


def atomic(sentence: str, *, multi_span: bool = True) -> list[tuple[str, str | None]]:
    article = Article(sentence + "\n", source="s")
    extractor = AtomicClaimExtractor(multi_span=multi_span)
    claims = extractor.claims(article, sentence_spans(article, PunktSentenceSplitter()))
    for c in claims:
        assert " … ".join(article.text[s:e] for s, e in c.spans) == c.text
    return [
        (c.text, article.text[c.attribution[0] : c.attribution[1]] if c.attribution else None)
        for c in claims
    ]


def texts(sentence: str, *, multi_span: bool = True) -> list[str]:
    return [t for t, _ in atomic(sentence, multi_span=multi_span)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Maria Silva, the mayor of the coastal town, will open the harbor on Friday, and cut the ribbon before noon.",
            "Maria Silva, the mayor of the coastal town",
        ),
        (
            "They met at the summit in Lisbon, which the prime minister also attended, to agree on a deal.",
            "which the prime minister also attended",
        ),
        (
            "Ortega has led Nicaragua since the election was held in 2007, and jailed rival candidates before the vote.",
            "jailed rival candidates before the vote.",
        ),
    ],
)
def test_default_claims_are_contiguous(sentence: str, expected: str) -> None:
    article = Article(sentence + "\n", source="s")
    claims = AtomicClaimExtractor().claims(article, [(0, len(sentence))])
    assert len(claims) >= 2
    for c in claims:
        assert len(c.spans) == 1
        assert article.text[c.start : c.end] == c.text
    assert expected in [c.text for c in claims]


def test_coordinated_clause_borrows_the_subject() -> None:
    got = texts(
        "Ortega has led Nicaragua since the election was held in 2007, and jailed rival candidates "
        "before his disputed reelection in a vote that observers regard as rigged."
    )
    assert got == [
        "Ortega has led Nicaragua since the election was held in 2007",
        "Ortega … jailed rival candidates before his disputed reelection",
        "in a vote that observers regard as rigged.",
    ]


def test_independent_clauses_split() -> None:
    got = texts("The plant closed in March, but the company says it will reopen in the autumn.")
    assert got == ["The plant closed in March", "the company says it will reopen in the autumn."]


def test_appositive_is_its_own_claim() -> None:
    got = texts("Maria Silva, the mayor of the coastal town, will open the new harbor on Friday.")
    assert got == [
        "Maria Silva … the mayor of the coastal town",
        "Maria Silva … will open the new harbor on Friday.",
    ]


def test_embedded_relative_clause() -> None:
    got = texts(
        "They met at the summit in Lisbon, which the prime minister also attended, to agree on a deal."
    )
    assert got == [
        "They met at the summit in Lisbon … to agree on a deal.",
        "which the prime minister also attended",
    ]


def test_attribution_is_metadata_not_a_claim() -> None:
    got = atomic(
        "The bridge will stay closed until the inspection ends, the transport department said."
    )
    assert got == [
        ("The bridge will stay closed until the inspection ends", "the transport department said.")
    ]
    got = atomic(
        "According to the regional weather office, gusts reached 110 kilometers per hour on Monday."
    )
    assert got == [
        (
            "gusts reached 110 kilometers per hour on Monday.",
            "According to the regional weather office",
        )
    ]


def test_short_sentences_stay_whole() -> None:
    assert texts("Prices rose sharply in May.") == ["Prices rose sharply in May."]


def test_sentence_extractor_is_still_available() -> None:
    article = Article(
        "The plant closed in March, but the company says it will reopen in the autumn.\n",
        source="s",
    )
    claims = SentenceClaimExtractor().claims(
        article, sentence_spans(article, PunktSentenceSplitter())
    )
    assert len(claims) == 1


def test_to_source_maps_multi_span_offsets() -> None:
    text = "Ortega has led Nicaragua, and jailed rivals."
    c = Claim(
        id="s#1",
        source="s",
        text="Ortega … jailed rivals.",
        start=0,
        end=len(text),
        spans=((0, 6), (30, 44)),
        sentence=(0, len(text)),
    )
    assert c.to_source(0, 6) == (0, 6)
    i = c.text.index("rivals")
    s, e = c.to_source(i, i + 6)
    assert text[s:e] == "rivals"


WORDS = st.sampled_from(
    "the council said , and but which who the mayor of Oslo , according to officials voted on "
    "Monday to close 12 schools ; Maria Silva in a vote that critics call unfair .".split()
)


@given(st.lists(WORDS, min_size=3, max_size=40).map(" ".join))
@example(
    "; said the the the ; council the the the"
)  # a subject of punctuation only (CI, 2026-12-06)
@settings(max_examples=200, deadline=None)
def test_atomic_spans_always_index_the_text(sentence: str) -> None:
    article = Article(sentence + "\n", source="s")
    for c in AtomicClaimExtractor(multi_span=True).claims(article, [(0, len(sentence))]):
        assert " … ".join(article.text[s:e] for s, e in c.spans) == c.text
        for s, e in c.spans:
            assert 0 <= s < e <= len(sentence)
        if c.attribution:
            assert 0 <= c.attribution[0] <= c.attribution[1] <= len(sentence)


def test_parenthetical_fact_is_a_claim() -> None:
    got = texts(
        "The film (which cost $200 million to make) opened in 3,000 theaters on Friday.",
        multi_span=False,
    )
    assert "which cost $200 million to make" in got
    assert texts("The Shanghai Cooperation Organization (SCO) met in May.", multi_span=False) == [
        "The Shanghai Cooperation Organization (SCO) met in May."
    ]


def test_list_items_become_claims_with_multi_span() -> None:
    got = texts("The talks included officials from France, Germany, Italy and Spain on Monday.")
    assert got == [
        "The talks included officials from … France … on Monday.",
        "The talks included officials from … Germany … on Monday.",
        "The talks included officials from … Italy … on Monday.",
        "The talks included officials from … Spain … on Monday.",
    ]
    assert (
        len(
            texts(
                "The talks included officials from France, Germany, Italy and Spain on Monday.",
                multi_span=False,
            )
        )
        == 1
    )
