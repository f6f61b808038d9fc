from __future__ import annotations

import pytest

from claimcmp.text.normalize import same_wording, spelling_key, tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("criticise", "criticize"),
        ("re-election", "reelection"),
        ("Zelenskyy", "Zelensky"),
        ("U.S.", "US"),
        ("harbour", "harbor"),
        ("travelled", "traveled"),
        ("1,000", "1000"),
        ("centre", "center"),
        ("China’s", "China's"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Austria", "Australia"), ("four", "for"), ("12", "1.2"), ("Kiev", "Kyiv")]
)
def test_different_words_keep_different_keys(a: str, b: str) -> None:
    assert spelling_key(a) != spelling_key(b)


def test_same_wording_ignores_punctuation_case_and_honorifics() -> None:
    assert same_wording("Mr Lukashenko said: “We will go.”", 'Lukashenko said, "we will go"')
    assert not same_wording("He said they will go.", "He said they will not go.")
    assert not same_wording("12 people were hurt.", "14 people were hurt.")


def test_a_contraction_a_tokenised_corpus_spaced_out_is_one_word() -> None:
    # ECB+ and CoNLL write "hadn ’ t", "It ’ s": the outlet wrote "hadn’t", "It’s".
    spaced = "The City Attorney ’ s office said the case hadn ’ t been submitted."
    assert [t.text for t in tokens(spaced)][2:4] == ["Attorney ’ s", "office"]
    assert same_wording(spaced, "The City Attorney's office said the case hadn't been submitted.")
    assert not same_wording(spaced, "The City Attorney's office said the case had been submitted.")
    # A quote mark between words is not a contraction.
    assert [t.text for t in tokens("the players ' union")] == ["the", "players", "union"]
