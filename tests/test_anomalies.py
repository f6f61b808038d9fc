"""Single-source anomalies and syndication (near-verbatim copies)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import claimcmp
from claimcmp.anomalies import find_anomalies
from claimcmp.ingest import Article
from claimcmp.syndication import containment, find_syndication

BODY = (
    "The council approved the budget on Tuesday after a debate that lasted most of the night.\n\n"
)


def kinds(text: str) -> list[tuple[str, str]]:
    a = Article(text, source="s")
    found = find_anomalies(a)
    for an in found:
        assert a.text[an.start : an.end] == an.text
    return [(an.kind, an.text) for an in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            BODY
            + "Troops crossed the 1,000 kilometer (621 kilometer) border near the river crossing.\n",
            ("unit", "1,000 kilometer (621 kilometer)"),
        ),
        (
            BODY + "They crossed the 1,000 kilometer border. miles) north of the capital.\n",
            ("fragment", "miles) north of the capital."),
        ),
        (
            BODY + "They met at the summit in Oslo. , which the president also attended.\n",
            ("fragment", ", which the president also attended."),
        ),
        (
            BODY + "Before visiting Paris earlier this monthMacron said he would not attend.\n",
            ("run-together", "monthMacron"),
        ),
        (
            BODY
            + "He said “we will rebuild the bridge and the school within a year.\n\nThe mayor left.\n",
            ("unbalanced", "“"),
        ),
        (
            BODY + "The plan (which the unions oppose was approved by the board on Monday.\n",
            ("unbalanced", "("),
        ),
        (BODY + BODY, ("duplicate", BODY.strip())),
        (
            BODY
            + "The minister said the new rules would apply to every company with more than fifty staff and o\n",
            ("truncated", "o"),
        ),
    ],
)
def test_anomalies_found(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        BODY + "The 1,000-kilometer (621-mile) border runs north of the capital.\n",
        BODY + "Apple sold more iPhone units, and eBay and McDonald's reported results.\n",
        BODY + "“We will rebuild,” she said. “It will take a year.”\n",
        # A quote running on into the next paragraph, which reopens it: the news convention.
        BODY + "“We will rebuild the bridge and the school.\n\n“It will take a year,” she said.\n",
        BODY + "The plan (approved on Monday) takes effect in May.\n",
    ],
)
def test_clean_text_has_no_anomalies(text: str) -> None:
    assert kinds(text) == []


STORY = (
    "Storm closes harbor bridge after cable snaps\n\n"
    "A steel support cable on the harbor bridge snapped during a storm on Monday night, injuring "
    "12 people and forcing officials to close the span, the transport department said.\n\n"
    "Mayor Linda Okafor said the bridge would remain closed until engineers complete a full inspection.\n\n"
    "The bridge carries about 40,000 vehicles a day between the harbor district and the airport.\n"
)


def test_copies_are_grouped_and_the_fullest_is_the_original() -> None:
    wire = Article(STORY, source="wire")
    copy = Article(
        "date 2026-03-10\n\n" + STORY.replace("harbor district", "harbour district"), source="paper"
    )
    other = Article(
        "Bridge closed\n\nEngineers began checking every cable on the bridge on Tuesday, the city said, "
        "and the ferry company added extra crossings for commuters.\n",
        source="other",
    )
    assert containment(wire, copy) > 0.9
    assert containment(wire, other) < 0.2
    copy_of, groups = find_syndication([wire, copy, other])
    assert copy.published == dt.date(2026, 3, 10)
    assert copy_of == {"paper": "wire"}  # not all dated: the fullest (tie: first given)
    assert groups == [["wire", "paper"]]
    dated = Article("date 2026-03-09\n\n" + STORY, source="wire")
    assert find_syndication([dated, copy, other])[0] == {"paper": "wire"}  # all dated: earliest


def test_report_marks_copies_and_counts_independent_sources(hashing: Any) -> None:
    wire = Article(STORY, source="wire")
    copy = Article(STORY.replace("12 people", "14 people"), source="paper")
    other = Article(
        "Bridge shut\n\nA support cable on the harbor bridge snapped in a storm on Monday night, "
        "injuring 12 people, the transport department said.\n",
        source="other",
    )
    report = claimcmp.compare([wire, copy, other], embedder=hashing, align_threshold=0.3)
    assert report.source("paper").copy_of == "wire"
    assert report.syndication == (("wire", "paper"),)
    copies = [
        p
        for p in report.pairs
        if {report.claim(p.a).source, report.claim(p.b).source} == {"wire", "paper"}
    ]
    assert copies and all(p.syndicated for p in copies)
    full = [g for g in report.groups if len(g.claims) == 3]
    assert full and all(g.independent_sources == 2 for g in full)
    data = report.to_dict()
    assert data["syndication"] == [["wire", "paper"]]
    assert claimcmp.Report.from_json(report.to_json()) == report
    assert "copy of wire" in report.to_text()
