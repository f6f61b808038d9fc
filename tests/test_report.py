from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimcmp import compare
from claimcmp.errors import SchemaError, SpanError
from claimcmp.ingest import Article
from claimcmp.records import Claim, Source
from claimcmp.report import Report

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def report(hashing: Any) -> Report:
    return compare(sorted(EXAMPLES.glob("*.txt")), embedder=hashing)


def test_json_contract(report: Report) -> None:
    data = json.loads(report.to_json())
    assert data["schema"] == "claimcmp.report/3"
    for s in data["sources"]:
        assert {"id", "path", "title", "published"} <= s.keys()
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for c in data["claims"]:
        assert {"id", "source", "text", "start", "end"} <= c.keys()
        assert texts[c["source"]][c["start"] : c["end"]] == c["text"]
    claims = {c["id"]: c for c in data["claims"]}
    for p in data["pairs"]:
        assert {"a", "b", "similarity", "confidence", "verdict", "divergences"} <= p.keys()
        for d in p["divergences"]:
            assert {"kind", "a_text", "b_text", "a_span", "b_span", "explanation"} <= d.keys()
            for side in ("a", "b"):
                span = d[f"{side}_span"]
                src = texts[claims[p[side]]["source"]]
                if span is not None:
                    assert src[span[0] : span[1]] == d[f"{side}_text"]
    for g in data["groups"]:
        assert set(g["claims"]) <= claims.keys()
    assert set(data["unique"]) <= claims.keys()


def test_round_trip(report: Report) -> None:
    again = Report.from_json(report.to_json())
    assert again == report
    assert again.to_dict() == report.to_dict()


def test_repr_is_one_line_with_counts(report: Report) -> None:
    r = repr(report)
    assert "\n" not in r
    assert r.startswith("<Report 3 sources") and "divergence" in r and "unique" in r


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d.update(schema="other/9"),
            "'schema' must be 'claimcmp.report/1' or 'claimcmp.report/2' or 'claimcmp.report/3'",
        ),
        (
            lambda d: d["claims"][0].update(start="0"),
            r"'claims\[0\].start' must be an int \(got '0'\)",
        ),
        (
            lambda d: d["claims"][0].update(start=True),
            r"'claims\[0\].start' must be an int \(got True\)",
        ),
        (
            lambda d: d["pairs"][0].update(syndicated=1),
            r"'pairs\[0\].syndicated' must be true or false",
        ),
        (
            lambda d: d["pairs"][0]["probabilities"].update(divergence="high"),
            r"'pairs\[0\].probabilities.divergence' must be a number",
        ),
        (
            lambda d: d["pairs"][0]["divergences"].append({"kind": "number"}),
            r"'pairs\[0\].divergences\[[0-9]+\].a_text' must be present",
        ),
        (
            lambda d: d["sources"][0]["blocks"].append({"start": 0, "end": 1, "kind": "footer"}),
            r"'sources\[0\].blocks\[[0-9]+\]': 'kind' must be one of",
        ),
        (
            lambda d: d["claims"][0].update(spans=[[0]]),
            r"'claims\[0\].spans\[0\]' must be \[start, end\] integers",
        ),
        (lambda d: d["pairs"][0].update(verdict="maybe"), r"'pairs\[0\].verdict' must be one of"),
        (lambda d: d["claims"][0].update(text="tampered"), "must be the [0-9]+ characters"),
        (lambda d: d["sources"][0].update(published="yesterday"), "YYYY-MM-DD"),
        (lambda d: d.pop("pairs"), "'pairs' must be present"),
        (lambda d: d.update(pairs={}), r"'pairs' must be a list \(got \{\}\)"),
        (lambda d: d.update(settings=[]), "'settings' must be an object"),
    ],
)
def test_from_dict_validates(report: Report, mutate: Any, message: str) -> None:
    data = report.to_dict()
    mutate(data)
    with pytest.raises((SchemaError, SpanError), match=message):
        Report.from_dict(data)


def test_from_json_rejects_non_json() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        Report.from_json("{nope")


def test_claim_must_match_source_slice() -> None:
    src = Source(id="s", text="Hello world. Bye.")
    bad = Claim(id="s#0", source="s", text="Hello there", start=0, end=11)
    with pytest.raises(SpanError, match="must equal source text"):
        Report(sources=[src], claims=[bad], pairs=[], groups=[], unique=[])


def test_html_escapes_article_text(hashing: Any) -> None:
    evil = "<script>alert(1)</script> & co"
    a = Article.from_text(
        f"Officials said 12 people were hurt when the {evil} roof fell on Monday.\n", source="a"
    )
    b = Article.from_text(
        f"Officials said 14 people were hurt when the {evil} roof fell on Monday.\n", source="b<i>"
    )
    rep = compare([a, b], embedder=hashing)
    html = rep.to_html()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    # The page's own two scripts (its data, as JSON, and its code) and no other.
    assert html.count("<script") == 2 and html.count("</script>") == 2
    assert "\\u003cscript\\u003ealert(1)" in html  # in the data, escaped for a script element
    assert "&amp; co" in html
    assert "b&lt;i&gt;" in html
    assert "<mark" in html  # the differing figure is highlighted
    assert rep._repr_mimebundle_()["text/html"] == html


def test_markdown_and_text(report: Report) -> None:
    md = report.to_markdown()
    assert md.startswith("# claimcmp report")
    assert "## Divergence" in md
    txt = report.to_text()
    assert "DIVERGENCE" in txt and "\x1b[" not in txt
    assert "\x1b[" in report.to_text(color=True)


def test_golden_json(tmp_path: Path, hashing: Any) -> None:
    """The report for a fixed input does not drift (deterministic embedder)."""
    a = Article.from_text(
        "The bridge carries 40,000 vehicles a day. It opened in 1987.\n", source="a"
    )
    b = Article.from_text(
        "The bridge carries 45,000 vehicles a day. It opened in 1987.\n", source="b"
    )
    data = compare([a, b], embedder=hashing).to_dict()
    pairs = [
        (p["a"], p["b"], p["verdict"], [d["kind"] for d in p["divergences"]]) for p in data["pairs"]
    ]
    assert pairs == [("a#0", "b#0", "divergence", ["number"]), ("a#1", "b#1", "agreement", [])]
    assert data["pairs"][0]["divergences"][0]["a_span"] == [19, 25]
    assert data["unique"] == []


def test_every_field_written_is_in_the_documented_example() -> None:
    """docs/report-schema.md is the one description of the format: its example names every
    key that claimcmp.schema writes, record by record."""
    import re
    import typing

    import attrs

    from claimcmp import schema
    from claimcmp.records import ClaimPair

    doc = (Path(__file__).resolve().parents[1] / "docs" / "report-schema.md").read_text(
        encoding="utf-8"
    )
    example = doc.split("```json", 1)[1].split("```", 1)[0]
    keys = set(re.findall(r'"(\w+)":', example))
    todo: list[type] = [Report]
    seen: set[type] = set()
    missing = []
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for key, tp, _ in schema.fields(cls):
            if key not in keys:
                missing.append(f"{cls.__name__}.{key}")
            for arg in (
                tp,
                *typing.get_args(tp),
                *(a for t in typing.get_args(tp) for a in typing.get_args(t)),
            ):
                if isinstance(arg, type) and attrs.has(arg):
                    todo.append(arg)
    assert ClaimPair in seen
    assert "schema" in keys
    assert not missing, f"written but not in docs/report-schema.md: {missing}"
