"""Review: an editor's decisions kept in a file, keyed by stable fingerprints, carried over to
later runs; dismissed findings hidden and never lost; bad review files refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import claimcmp
from claimcmp.cli import main
from claimcmp.errors import ReviewFileError
from claimcmp.review import Review, fingerprint

from .conftest import EXAMPLES

EX = sorted(EXAMPLES.glob("*.txt"))


def _number_finding(report: claimcmp.Report) -> tuple[Any, Any]:
    return next((p, d) for p, d in report.divergences() if d.kind == "number")


def test_fingerprints_ignore_order_case_punctuation_and_spacing() -> None:
    a = {"source": "wire", "text": "Twelve people were hurt, police said."}
    b = {"source": "paper", "text": "Fourteen people were hurt,  police said"}
    d = {"kind": "omission", "a_text": "police said", "b_text": ""}
    flipped = {"kind": "addition", "a_text": "", "b_text": "police said"}
    assert fingerprint(a, b, d) == fingerprint(b, a, flipped)
    lightly = {"source": "wire", "text": "TWELVE people were hurt — police said"}
    assert fingerprint(lightly, b, d) == fingerprint(a, b, d)
    other = {"source": "wire", "text": "Thirteen people were hurt, police said."}
    assert fingerprint(other, b, d) != fingerprint(a, b, d)
    assert fingerprint(a, b, {**d, "kind": "number"}) != fingerprint(a, b, d)


def test_a_decision_is_kept_in_the_file_and_carried_to_a_new_run(
    hashing: Any, tmp_path: Path
) -> None:
    file = tmp_path / "review.json"
    report = claimcmp.compare(EX, embedder=hashing)
    finding = _number_finding(report)
    review = report.review(finding, "dismissed", note="checked: same figure", file=file)
    assert (
        file.is_file() and review.get(report.fingerprint(*finding)).note == "checked: same figure"
    )
    saved = json.loads(file.read_text(encoding="utf-8"))
    assert saved["format"] == "claimcmp.review/1"
    assert saved["decisions"][0]["decision"] == "dismissed"

    again = claimcmp.compare(EX, embedder=hashing)  # a later run, a new report
    loaded = Review.load(file)
    shown = list(again.divergences(review=loaded))
    everything = list(again.divergences(review=loaded, dismissed=True))
    assert len(shown) == len(everything) - 1  # hidden, never lost
    text = again.to_text(review=loaded)
    assert "review: 0 confirmed, 1 dismissed (hidden)" in text
    assert "[dismissed" not in text
    assert "[dismissed: checked: same figure]" in again.to_text(review=loaded, show_dismissed=True)
    # A second decision is added to the same file; a new decision on a finding replaces the old.
    other = next(
        (p, d)
        for p, d in again.divergences()
        if again.fingerprint(p, d) != again.fingerprint(*finding)
    )
    again.review(other, "confirmed", file=file)
    again.review(finding, "confirmed", file=file)
    final = Review.load(file)
    assert [d.decision for d in final.decisions] == ["confirmed", "confirmed"]
    assert "\\[confirmed\\]" in again.to_markdown(review=final)  # Markdown-escaped brackets
    assert "[confirmed]" in again.to_html(review=final)


def test_decisions_survive_a_lightly_corrected_article(hashing: Any, tmp_path: Path) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in EX}
    report = claimcmp.compare(EX, embedder=hashing)
    finding = _number_finding(report)
    review = report.review(finding, "dismissed")
    folder = tmp_path / "v2"
    folder.mkdir()
    for stem, text in texts.items():  # the desk re-files with spacing and quote marks tidied
        (folder / f"{stem}.txt").write_text(
            text.replace("  ", " ").replace("\u2019", "'") + "\n", encoding="utf-8"
        )
    later = claimcmp.compare(sorted(folder.glob("*.txt")), embedder=hashing)
    assert len(list(later.divergences(review=review))) == len(list(later.divergences())) - 1


def test_unknown_or_ambiguous_findings_are_refused(hashing: Any) -> None:
    report = claimcmp.compare(EX, embedder=hashing)
    with pytest.raises(LookupError, match="no finding of this report"):
        report.review("0000000000000000", "dismissed")
    with pytest.raises(LookupError, match="no finding"):
        report.review("ab", "dismissed")  # too short to be a fingerprint
    with pytest.raises(ValueError, match="'decision' must be one of"):
        report.review(_number_finding(report), "ignored")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{nope", "must be JSON"),
        (b'{"format": "claimcmp.report/3"}', "'format' must be 'claimcmp.review/1'"),
        (b'{"format": "claimcmp.review/1"}', "'decisions' must be a list"),
        (
            b'{"format": "claimcmp.review/1", "decisions": [{"fingerprint": "abcdef", "decision": "maybe"}]}',
            r"'decisions\[0\].decision' must be one of",
        ),
        (
            b'{"format": "claimcmp.review/1", "decisions": [{"fingerprint": "XYZ", "decision": "dismissed"}]}',
            "a hex fingerprint",
        ),
        (b"\xff\xfe\x00\x01", "cannot be read"),
    ],
)
def test_a_corrupt_or_foreign_review_file_is_a_clear_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "review.json"
    path.write_bytes(content)
    with pytest.raises(ReviewFileError, match=message) as info:
        Review.load(path)
    assert str(path) in str(info.value)
    with pytest.raises(ReviewFileError, match="does not exist"):
        Review.load(tmp_path / "none.json")
    assert Review.load(tmp_path / "none.json", missing_ok=True) == Review()


def test_the_command_line_lists_decides_and_applies(
    hashing: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_file = tmp_path / "report.json"
    report = claimcmp.compare(EX, embedder=hashing)
    report_file.write_text(report.to_json(), encoding="utf-8")
    key = report.fingerprint(*_number_finding(report))
    assert main(["review", str(report_file)]) == 0
    listing = capsys.readouterr().out
    assert f"{key}  -" in listing and "number:" in listing
    assert main(["review", str(report_file), key[:8], "dismiss", "--note", "same"]) == 0
    capsys.readouterr()
    review_file = tmp_path / "report.review.json"
    assert Review.load(review_file).get(key).decision == "dismissed"
    assert main(["review", str(report_file)]) == 0
    assert f"{key}  dismissed" in capsys.readouterr().out
    assert main(["render", str(report_file), "--review", str(review_file)]) == 0
    assert "1 dismissed (hidden)" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["render", str(report_file), "--review", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "claimcmp: error: review file" in err and "Traceback" not in err
    assert main(["review", str(report_file), "ffffffffff", "dismiss"]) == 2
    assert "no finding of this report" in capsys.readouterr().err
    nowhere = tmp_path / "no-such-dir" / "review.json"
    assert main(["review", str(report_file), key, "confirm", "--file", str(nowhere)]) == 2
    err = capsys.readouterr().err
    assert "cannot be written" in err and "Traceback" not in err


@pytest.mark.slow
@pytest.mark.shared
def test_a_review_of_the_seeds_survives_rerunning_compare(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "seeds.json"
    assert main(["compare", *map(str, seed_paths), "--format", "json", "-o", str(first)]) == 0
    report = claimcmp.Report.from_json(first.read_text(encoding="utf-8"))
    pair, finding = next((p, d) for p, d in report.divergences() if d.kind == "term")
    key = report.fingerprint(pair, finding)
    assert (
        main(["review", str(first), key, "confirm", "--note", "partnership is not alliance"]) == 0
    )
    capsys.readouterr()
    review_file = tmp_path / "seeds.review.json"
    code = main(["compare", *map(str, seed_paths), "--review", str(review_file)])
    out = capsys.readouterr().out
    assert code == 0
    assert "review: 1 confirmed" in out and "[confirmed: partnership is not alliance]" in out
