"""End to end with the real model: seeds gold rows, examples, the pair API."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import claimcmp
from claimcmp.errors import NotEnoughSourcesError

from .conftest import EXAMPLES, check_expectations, read_jsonl

slow = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report(seed_paths: list[Path], embedder: Any) -> claimcmp.Report:
    return claimcmp.compare(seed_paths, embedder=embedder)


@slow
@pytest.mark.shared
def test_seed_gold_rows_p3_p4_p5(seed_report: claimcmp.Report, shared: Path) -> None:
    rows = [
        r for r in read_jsonl(shared / "gold" / "seeds.jsonl") if r["id"][:2] in ("P3", "P4", "P5")
    ]
    assert len(rows) == 3
    assert check_expectations(seed_report, rows) == []


@slow
@pytest.mark.shared
def test_seed_term_and_unit_rows_p1_p2(seed_report: claimcmp.Report, shared: Path) -> None:
    rows = [r for r in read_jsonl(shared / "gold" / "seeds.jsonl") if r["id"][:2] in ("P1", "P2")]
    assert len(rows) == 2
    assert check_expectations(seed_report, rows) == []


@slow
@pytest.mark.shared
def test_seed_garbled_conversion_is_an_anomaly(seed_report: claimcmp.Report) -> None:
    found = [(a.source[:3], a.kind, a.text) for a in seed_report.anomalies]
    assert ("003", "unit", "1,000 kilometer (621 kilometer)") in found


@slow
@pytest.mark.shared
def test_seed_claims_index_their_sources(seed_report: claimcmp.Report) -> None:
    for c in seed_report.claims:
        text = seed_report.source(c.source).text
        assert " … ".join(text[s:e] for s, e in c.spans) == c.text
        assert c.start == c.spans[0][0] and c.end == c.spans[-1][1]
    # Boilerplate never becomes a claim.
    texts = " ".join(c.text for c in seed_report.claims)
    assert "Scroll to Top" not in texts and "Leave a Comment" not in texts
    assert "date 2023" not in texts


@slow
@pytest.mark.shared
def test_ap_copies_mostly_agree(seed_report: claimcmp.Report) -> None:
    verdicts = Counter(
        p.verdict
        for p in seed_report.pairs
        if {seed_report.claim(p.a).source[:3], seed_report.claim(p.b).source[:3]} == {"000", "002"}
    )
    assert verdicts["agreement"] > verdicts["paraphrase"] + verdicts["divergence"]
    assert verdicts["divergence"] == 0


@slow
def test_examples_expectations_hold(embedder: Any) -> None:
    report = claimcmp.compare(sorted(EXAMPLES.glob("*.txt")), embedder=embedder)
    assert check_expectations(report, read_jsonl(EXAMPLES / "expected.jsonl")) == []


@slow
def test_compare_pair_api(embedder: Any) -> None:
    r = claimcmp.compare_pair(
        "Police said 12 people were injured in the blast.",
        "Police said 14 people were injured in the blast.",
        embedder=embedder,
    )
    assert r.verdict == "divergence"
    assert r.kinds == ("number",)
    d = r.divergences[0]
    assert r.text_a[d.a_span[0] : d.a_span[1]] == "12"  # type: ignore[index]
    assert 0.0 <= r.confidence <= 1.0 and r.similarity > 0.9
    same = claimcmp.compare_pair(
        "The U.S. criticised the plan.", "The US criticized the plan.", embedder=embedder
    )
    assert same.verdict == "agreement"
    para = claimcmp.compare_pair(
        "The mayor said the bridge would stay shut until the inspection ends.",
        "According to the mayor, the bridge remains closed until inspectors finish.",
        embedder=embedder,
    )
    assert para.verdict == "paraphrase"
    own = claimcmp.compare_pair(
        "Troops crossed the 1,000 kilometer (621 kilometer) border.",
        "Troops crossed the 1,000-kilometer border.",
        embedder=embedder,
    )
    assert any(
        d.kind == "unit" and d.b_span is None and "contradicts itself" in d.explanation
        for d in own.divergences
    )
    unrelated = claimcmp.compare_pair(
        "The central bank raised interest rates by a quarter point.",
        "A rare orchid bloomed in the botanical garden this spring.",
        embedder=embedder,
    )
    assert unrelated.verdict == "unrelated"


@slow
def test_compare_pairs_matches_compare_pair(embedder: Any) -> None:
    pairs = [
        ("The fire burned 300 acres.", "The fire burned 3,000 acres."),
        ("The border is 1,000 km long.", "The border is 621 miles long."),
    ]
    batch = claimcmp.compare_pairs(pairs, embedder=embedder)
    single = [claimcmp.compare_pair(a, b, embedder=embedder) for a, b in pairs]
    assert [r.verdict for r in batch] == [r.verdict for r in single] == ["divergence", "paraphrase"]


def test_compare_pairs_rejects_bad_items(hashing: Any) -> None:
    with pytest.raises(TypeError, match=r"'pairs\[0\]' must be a \(text_a, text_b\) pair"):
        claimcmp.compare_pairs([("only one",)], embedder=hashing)  # type: ignore[list-item]
    assert claimcmp.compare_pairs([], embedder=hashing) == []


def test_one_source_is_refused(hashing: Any) -> None:
    with pytest.raises(NotEnoughSourcesError, match="at least 2"):
        claimcmp.compare([EXAMPLES / "wire_service.txt"], embedder=hashing)


def test_duplicate_stems_get_distinct_ids(tmp_path: Path, hashing: Any) -> None:
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(
            "The council approved the budget on Tuesday after a long debate.\n"
        )
    report = claimcmp.compare(
        [tmp_path / "x" / "story.txt", tmp_path / "y" / "story.txt"], embedder=hashing
    )
    assert [s.id for s in report.sources] == ["story", "story-2"]


def test_custom_detectors_and_switching_off(hashing: Any) -> None:
    from claimcmp.detectors import UnitDetector
    from claimcmp.protocols import ClaimText
    from claimcmp.records import Divergence

    class ShoutDetector:
        name = "shout"

        def detect(self, a: ClaimText, b: ClaimText) -> list[Divergence]:
            if a.text.isupper() != b.text.isupper():
                return [
                    Divergence(
                        kind="style",
                        a_span=None,
                        b_span=None,
                        a_text="",
                        b_text="",
                        explanation="one source shouts",
                        detector="shout",
                    )
                ]
            return []

    a = claimcmp.Article.from_text(
        "POLICE SAID 12 PEOPLE WERE HURT IN THE CRASH ON MONDAY.\n", source="a"
    )
    b = claimcmp.Article.from_text(
        "Police said 14 people were hurt in the crash on Monday.\n", source="b"
    )
    report = claimcmp.compare(
        [a, b], embedder=hashing, detectors=[UnitDetector(), ShoutDetector()], align_threshold=0.1
    )
    assert [d.kind for d in report.pairs[0].divergences] == ["style"]


@slow
@pytest.mark.shared
def test_seed_syndication_and_anomalies(seed_report: claimcmp.Report) -> None:
    ids = {s.id[:3]: s for s in seed_report.sources}
    assert {ids["000"].copy_of, ids["002"].copy_of} - {None} in ({ids["000"].id}, {ids["002"].id})
    assert len(seed_report.syndication) == 1
    found = {(a.source[:3], a.kind, a.text) for a in seed_report.anomalies}
    assert ("003", "unit", "1,000 kilometer (621 kilometer)") in found
    assert ("003", "run-together", "monthLukashenko") in found
    assert ("003", "fragment", "miles) north of Kiev.") in found


@slow
@pytest.mark.shared
def test_seed_multi_fact_sentence_aligns_fact_by_fact(seed_report: claimcmp.Report) -> None:
    ap = "000_d62221a731092a34"
    presidency = seed_report.find_claim(ap, "only president since")
    protests = seed_report.find_claim(ap, "crushed 2020 protests")
    vote = seed_report.find_claim(ap, "regard as fraudulent")
    assert len({presidency.id, protests.id, vote.id}) == 3
    assert seed_report.pairs_with(presidency.id) and seed_report.pairs_with(protests.id)
    assert vote.id in seed_report.unique


def test_claims_option_is_validated(hashing: Any) -> None:
    with pytest.raises(ValueError, match=r"'claims' must be one of \('atomic', 'sentence'\)"):
        claimcmp.compare(sorted(EXAMPLES.glob("*.txt")), embedder=hashing, claims="words")
    sentence = claimcmp.compare(sorted(EXAMPLES.glob("*.txt")), embedder=hashing, claims="sentence")
    atomic = claimcmp.compare(sorted(EXAMPLES.glob("*.txt")), embedder=hashing)
    assert len(atomic.claims) > len(sentence.claims)
    assert all(len(c.spans) == 1 for c in sentence.claims)


def test_fact_aware_alignment_is_the_default_and_the_threshold_its_cosine_floor(
    hashing: Any,
) -> None:
    from claimcmp.options import Options

    assert Options().align_method == "fact" and Options().align_threshold is None
    a = claimcmp.Article.from_text(
        "Officials said 12 people were hurt when the roof fell on Monday.\n", source="a"
    )
    b = claimcmp.Article.from_text(
        "Officials said 14 people were hurt when the roof fell on Monday.\n", source="b"
    )
    report = claimcmp.compare([a, b], embedder=hashing)
    assert report.settings["align_method"] == "fact"
    assert report.settings["align_threshold"] is None
    assert [p.verdict for p in report.pairs] == ["divergence"]
    assert claimcmp.Report.from_json(report.to_json()) == report
    similarity = report.pairs[0].similarity
    strict = claimcmp.compare([a, b], embedder=hashing, align_threshold=similarity + 0.01)
    assert strict.pairs == () and len(strict.unique) == 2
    cosine_only = claimcmp.compare([a, b], embedder=hashing, align_method="greedy")
    assert [p.verdict for p in cosine_only.pairs] == ["divergence"]


@slow
def test_claims_the_aligner_pairs_still_need_the_same_fact_to_conflict(embedder: Any) -> None:
    """Two facts told in one frame (who stays in the post until when / whose contract runs
    until when) are aligned, but a divergence needs the same-fact model's probability at the
    conflict bar, which the aligner's own probability does not stand in for."""
    a = claimcmp.Article(
        "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday after a 9-14 start. "
        "Assistant Tony DiLeo will take over, and he will remain in the position through the "
        "end of the 2008-09 season.",
        source="a",
    )
    b = claimcmp.Article(
        "The 76ers dismissed Maurice Cheeks on Saturday, with the team at 9-14. "
        "Cheeks had a guaranteed contract through the end of the 2009-2010 season.",
        source="b",
    )
    report = claimcmp.compare([a, b], embedder=embedder)
    assert [p.verdict for p in report.pairs] == ["paraphrase"]
    # The same season told two ways is still a conflict.
    c = claimcmp.Article(
        "The 76ers dismissed Maurice Cheeks on Saturday, with the team at 9-14. "
        "Assistant Tony DiLeo will take over, and he will stay in the job through the end of "
        "the 2009-10 season.",
        source="c",
    )
    report = claimcmp.compare([a, c], embedder=embedder)
    assert "divergence" in [p.verdict for p in report.pairs]
