from __future__ import annotations

import pytest

from claimcmp.split import PunktSentenceSplitter, RegexSentenceSplitter


def sents(text: str, splitter: object = None) -> list[str]:
    sp = splitter or PunktSentenceSplitter()
    return [text[s:e] for s, e in sp.sentences(text)]  # type: ignore[attr-defined]


def test_news_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Gov. Hochul met Sen. Schumer and Lt. Col. Reyes on Jan. 5 at the U.S. Capitol. "
        "Gen. Milley did not attend."
    )
    assert sents(text) == [
        "Gov. Hochul met Sen. Schumer and Lt. Col. Reyes on Jan. 5 at the U.S. Capitol.",
        "Gen. Milley did not attend.",
    ]


def test_mr_and_us_mid_sentence() -> None:
    text = "Mr. Smith said U.S. officials were worried. They declined to comment."
    assert sents(text) == [
        "Mr. Smith said U.S. officials were worried.",
        "They declined to comment.",
    ]


def test_no_is_not_an_abbreviation() -> None:
    text = "Asked whether he would resign, he said no. The board meets on Monday."
    assert len(sents(text)) == 2


def test_number_sign_and_initials_do_not_end_sentences() -> None:
    text = (
        "The Purple Aces were playing the No. 1 team for the first time since 1980. "
        "General manager A.J. Smith said he was aware of it. He said no. The team left. "
        "He lives in the U.S. The company grew."
    )
    assert sents(text) == [
        "The Purple Aces were playing the No. 1 team for the first time since 1980.",
        "General manager A.J. Smith said he was aware of it.",
        "He said no.",
        "The team left.",
        "He lives in the U.S.",
        "The company grew.",
    ]


def test_a_decimal_as_a_tokenised_corpus_writes_it_does_not_end_a_sentence() -> None:
    text = (
        "A magnitude - 6. 1 earthquake struck on Tuesday. He averaged 14. 4 points and 6. 9 "
        "assists. The vote was held in 2009. 12 members abstained. Sales rose 6.\n1 new store opened."
    )
    assert sents(text) == [
        "A magnitude - 6. 1 earthquake struck on Tuesday.",
        "He averaged 14. 4 points and 6. 9 assists.",
        # A year has four digits; a line break is not the corpus's one space.
        "The vote was held in 2009.",
        "12 members abstained.",
        "Sales rose 6.",
        "1 new store opened.",
    ]


def test_curly_quotes_and_em_dashes() -> None:
    text = "“We will rebuild,” she said. “It will take time — years, maybe.” Work starts today."
    assert sents(text) == [
        "“We will rebuild,” she said.",
        "“It will take time — years, maybe.”",
        "Work starts today.",
    ]


def test_paragraph_without_final_punctuation_is_one_sentence() -> None:
    assert sents("Officials said talks would resume next week") == [
        "Officials said talks would resume next week"
    ]


def test_fragment_starting_mid_sentence_joins_previous() -> None:
    text = "They met at the summit in Uzbekistan. , which Putin also attended. Talks went on."
    assert sents(text) == [
        "They met at the summit in Uzbekistan. , which Putin also attended.",
        "Talks went on.",
    ]


def test_offsets_are_trimmed_and_exact() -> None:
    text = "  First sentence here.   Second one there.  "
    spans = PunktSentenceSplitter().sentences(text)
    assert [text[s:e] for s, e in spans] == ["First sentence here.", "Second one there."]


@pytest.mark.parametrize("splitter", [RegexSentenceSplitter()])
def test_regex_splitter_basics(splitter: RegexSentenceSplitter) -> None:
    text = "Mr. Smith arrived. He left at 5 p.m. on Friday. Then it rained"
    got = sents(text, splitter)
    assert got[0] == "Mr. Smith arrived."
    assert got[-1] == "Then it rained"
