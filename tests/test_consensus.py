"""Consensus per fact: the versions of a group's fact, independent sources, outliers, latest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import claimcmp
from claimcmp.consensus import fact_variants
from claimcmp.records import ClaimPair, Variant
from claimcmp.report import Report

from .conftest import EXAMPLES

EX = sorted(EXAMPLES.glob("*.txt"))


def pair(a: str, b: str, verdict: str, similarity: float = 0.9) -> ClaimPair:
    return ClaimPair(a=a, b=b, similarity=similarity, confidence=0.9, verdict=verdict)  # type: ignore[arg-type]


def variants(
    claims: list[str],
    pairs: list[ClaimPair],
    *,
    copies: dict[str, str] | None = None,
    dates: dict[str, dt.date] | None = None,
) -> tuple[Variant, ...]:
    source_of = {c: c.split("#")[0] for c in claims}
    family = {s: (copies or {}).get(s, s) for s in source_of.values()}
    published = {s: (dates or {}).get(s) for s in source_of.values()}
    return fact_variants(claims, pairs, source_of=source_of, family_of=family, published=published)


def test_claims_that_agree_are_one_version() -> None:
    (v,) = variants(
        ["a#0", "b#0", "c#0"], [pair("a#0", "b#0", "paraphrase"), pair("b#0", "c#0", "agreement")]
    )
    assert v.claims == ("a#0", "b#0", "c#0") and v.independent == 3
    assert not v.outlier and not v.latest


def test_a_divergence_splits_the_fact_and_the_majority_names_the_outlier() -> None:
    claims = ["a#0", "b#0", "c#0"]
    pairs = [
        pair("a#0", "b#0", "paraphrase"),
        pair("a#0", "c#0", "divergence"),
        pair("b#0", "c#0", "divergence"),
    ]
    first, second = variants(claims, pairs)
    assert (first.sources, first.independent, first.outlier) == (("a", "b"), 2, False)
    assert (second.sources, second.independent, second.outlier) == (("c",), 1, True)


def test_versions_are_not_joined_through_a_chain_across_a_divergence() -> None:
    # a ~ b and b ~ c, but a and c diverge: b joins the closer one, never both.
    claims = ["a#0", "b#0", "c#0"]
    pairs = [
        pair("a#0", "b#0", "paraphrase", 0.95),
        pair("b#0", "c#0", "paraphrase", 0.80),
        pair("a#0", "c#0", "divergence"),
    ]
    found = variants(claims, pairs)
    assert [v.claims for v in found] == [("a#0", "b#0"), ("c#0",)]


def test_copies_of_one_report_count_once() -> None:
    claims = ["ap#0", "paper#0", "other#0"]
    pairs = [
        pair("ap#0", "paper#0", "agreement"),
        pair("ap#0", "other#0", "divergence"),
        pair("paper#0", "other#0", "divergence"),
    ]
    wire, other = variants(claims, pairs, copies={"paper": "ap"})
    assert wire.sources == ("ap", "paper") and wire.independent == 1
    assert other.independent == 1
    assert not wire.outlier and not other.outlier  # one voice against one: no majority


def test_a_copy_that_changed_the_figure_is_not_an_outlier_of_its_original() -> None:
    claims = ["ap#0", "paper#0"]
    first, second = variants(
        claims, [pair("ap#0", "paper#0", "divergence")], copies={"paper": "ap"}
    )
    assert first.independent == second.independent == 1
    assert not first.outlier and not second.outlier


def test_latest_needs_dates_on_two_days_and_one_holder() -> None:
    claims = ["a#0", "b#0", "c#0"]
    pairs = [
        pair("a#0", "b#0", "divergence"),
        pair("a#0", "c#0", "divergence"),
        pair("b#0", "c#0", "divergence"),
    ]
    mar9, mar10 = dt.date(2026, 3, 9), dt.date(2026, 3, 10)
    assert [v.latest for v in variants(claims, pairs, dates={"a": mar9, "c": mar10})] == [
        False,
        False,
        True,
    ]
    assert not any(v.latest for v in variants(claims, pairs))
    assert not any(v.latest for v in variants(claims, pairs, dates={"a": mar9, "b": mar9}))
    assert not any(
        v.latest for v in variants(claims, pairs, dates={"a": mar10, "b": mar10, "c": mar9})
    )


def test_reports_carry_versions_that_round_trip_and_are_checked(hashing: Any) -> None:
    report = claimcmp.compare(EX, embedder=hashing)
    for g in report.groups:
        assert sorted(c for v in g.variants for c in v.claims) == sorted(g.claims)
    split = [g for g in report.groups if len(g.variants) > 1]
    assert split, "the examples plant conflicting figures: some fact must have two versions"
    assert Report.from_json(report.to_json()) == report
    data = report.to_dict()
    data["groups"][0]["variants"] = [{"claims": data["groups"][0]["claims"][:1], "sources": []}]
    with pytest.raises(claimcmp.SchemaError, match="'variants' must share out its claims"):
        Report.from_dict(data)


def test_schema_2_reports_read_without_versions(hashing: Any) -> None:
    data = claimcmp.compare(EX, embedder=hashing).to_dict()
    data["schema"] = "claimcmp.report/2"
    for g in data["groups"]:
        del g["variants"]
    back = Report.from_dict(data)
    assert all(g.variants == () for g in back.groups)


def test_versions_are_shown_in_text_markdown_and_html(hashing: Any) -> None:
    report = claimcmp.compare(EX, embedder=hashing)
    text, markdown, page = report.to_text(), report.to_markdown(), report.to_html()
    assert "FACTS TOLD IN MORE THAN ONE VERSION" in text
    assert "## Facts told in more than one version" in markdown
    # The wire figure (12, with the city desk) against the copy that garbled it (14).
    assert "2 independent sources: a dozen / 12 · 1: 14" in text
    assert "(outlier)" in text
    assert "2 independent sources: a dozen / 12 · 1: 14" in page
    assert "class='versions'" in page


def test_a_version_label_is_escaped_in_html() -> None:
    from claimcmp.render import render_html

    text_a, text_b = "The <b>fee</b> is 12 dollars.", "The <b>fee</b> is 14 dollars."
    data = {
        "sources": [{"id": "a", "text": text_a}, {"id": "b", "text": text_b}],
        "claims": [
            {"id": "a#0", "source": "a", "text": text_a, "start": 0, "end": len(text_a)},
            {"id": "b#0", "source": "b", "text": text_b, "start": 0, "end": len(text_b)},
        ],
        "pairs": [
            {
                "a": "a#0",
                "b": "b#0",
                "verdict": "divergence",
                "similarity": 0.9,
                "confidence": 0.9,
                "divergences": [
                    {
                        "kind": "number",
                        "a_text": "<b>fee</b> is 12",
                        "b_text": "14",
                        "a_span": [4, 20],
                        "b_span": [22, 24],
                        "explanation": "x",
                    }
                ],
            }
        ],
        "groups": [
            {
                "id": "g0",
                "claims": ["a#0", "b#0"],
                "variants": [
                    {"claims": ["a#0"], "sources": ["a"], "independent": 1},
                    {"claims": ["b#0"], "sources": ["b"], "independent": 1},
                ],
            }
        ],
        "unique": [],
    }
    page = render_html(data)
    assert "<b>fee</b> is 12 · " not in page and "&lt;b&gt;fee&lt;/b&gt; is 12" in page


@pytest.mark.slow
@pytest.mark.shared
def test_seeds_partnership_and_alliance_are_two_versions_and_ap_copies_count_once(
    seed_paths: list[Path], embedder: Any
) -> None:
    report = claimcmp.compare(seed_paths, embedder=embedder)

    def says(v: Variant, word: str) -> bool:
        return any(word in report.claim(c).text for c in v.claims)

    two_versions = [
        g
        for g in report.groups
        if len(g.variants) == 2
        and [says(v, "partnership") for v in g.variants] in ([True, False], [False, True])
        and [says(v, "alliance") for v in g.variants]
        == [not says(v, "partnership") for v in g.variants]
    ]
    assert len(two_versions) == 1, "partnership and alliance must be two versions of one fact"
    copies = {s.id: s.copy_of for s in report.sources if s.copy_of}
    assert copies, "the seeds hold two copies of one AP report"
    copy, original = next(iter(copies.items()))
    both = [
        g for g in report.groups if {copy, original} <= {report.claim(c).source for c in g.claims}
    ]
    assert both
    for g in both:
        sources = {report.claim(c).source for c in g.claims}
        assert g.independent_sources == len(sources) - 1
        for v in g.variants:
            if {copy, original} <= set(v.sources):
                assert v.independent == len(v.sources) - 1
    assert "· 1: alliance" in report.to_text() or "· 1: partnership" in report.to_text()
