"""One bad source does not lose the cluster: compare(errors="skip"), the report's 'skipped',
the CLI's --skip-bad, and reports of schema /1 still read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import claimcmp
from claimcmp.cli import main
from claimcmp.errors import EmptyInputError, NotEnoughSourcesError, SchemaError
from claimcmp.ingest import Article
from claimcmp.report import Report

from .conftest import EXAMPLES

EX = sorted(EXAMPLES.glob("*.txt"))


def _bad_files(d: Path) -> list[Path]:
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.dat").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (d / "french.txt").write_text(
        "Le président a déclaré mardi que les négociations reprendraient la semaine prochaine.\n",
        encoding="utf-8",
    )
    return [d / "empty.txt", d / "binary.dat", d / "french.txt", d / "missing.txt"]


def test_default_raises_on_the_first_bad_source(tmp_path: Path, hashing: Any) -> None:
    bad = _bad_files(tmp_path)
    with pytest.raises(EmptyInputError, match="is empty"):
        claimcmp.compare([*EX, bad[0]], embedder=hashing)


def test_skip_compares_the_rest_and_lists_each_bad_source(tmp_path: Path, hashing: Any) -> None:
    bad = _bad_files(tmp_path)
    report = claimcmp.compare(
        [bad[0], *EX, bad[1], bad[2], bad[3]], embedder=hashing, errors="skip"
    )
    assert [s.id for s in report.sources] == [p.stem for p in EX]
    assert [(k.source, k.type) for k in report.skipped] == [
        (str(bad[0]), "EmptyInputError"),
        (str(bad[1]), "BinaryInputError"),
        (str(bad[2]), "UnsupportedLanguageError"),
        (str(bad[3]), "SourceNotFoundError"),
    ]
    assert report.skipped[3].message == f"'{bad[3]}' does not exist; check the path."
    assert all(k.message for k in report.skipped)
    # The same comparison as without the bad files.
    clean = claimcmp.compare(EX, embedder=hashing)
    assert report.pairs == clean.pairs and report.groups == clean.groups
    data = report.to_dict()
    assert data["skipped"][0] == {
        "source": str(bad[0]),
        "type": "EmptyInputError",
        "message": report.skipped[0].message,
    }
    assert Report.from_json(report.to_json()) == report
    for text in (report.to_text(), report.to_markdown(), report.to_html()):
        assert "empty.txt" in text and "EmptyInputError" in text


def test_skip_still_needs_two_good_sources(tmp_path: Path, hashing: Any) -> None:
    bad = _bad_files(tmp_path)
    with pytest.raises(NotEnoughSourcesError, match=r"skipped .*empty\.txt"):
        claimcmp.compare([EX[0], bad[0]], embedder=hashing, errors="skip")


def test_skip_covers_articles_given_as_objects(hashing: Any) -> None:
    bad = Article("   \n", source="blank")
    report = claimcmp.compare([*EX, bad], embedder=hashing, errors="skip")
    assert [(k.source, k.type) for k in report.skipped] == [("blank", "EmptyInputError")]


def test_errors_must_be_raise_or_skip(hashing: Any) -> None:
    with pytest.raises(ValueError, match=r"'errors' must be one of \('raise', 'skip'\)"):
        claimcmp.compare(EX, embedder=hashing, errors="ignore")  # type: ignore[arg-type]


def test_a_headline_only_article_is_compared_not_refused(hashing: Any) -> None:
    brief = Article("Harbor bridge to close for two weeks of repairs\n", source="headline")
    report = claimcmp.compare([*EX, brief], embedder=hashing)
    assert not report.skipped
    assert any(c.source == "headline" for c in report.claims)


def test_schema_1_reports_still_read(hashing: Any) -> None:
    report = claimcmp.compare(EX, embedder=hashing)
    data = report.to_dict()
    assert data["schema"] == "claimcmp.report/3"
    assert data["stories"] == [{"id": "s1", "sources": [p.stem for p in EX]}]
    old = {k: v for k, v in data.items() if k not in ("stories", "skipped")}
    old["schema"] = "claimcmp.report/1"
    back = Report.from_dict(old)
    assert (
        back == report
        and back.skipped == ()
        and [s.sources for s in back.stories] == [tuple(p.stem for p in EX)]
    )


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (
            lambda d: d.update(stories=[{"id": "s1", "sources": ["nope"]}]),
            "'nope' is not a source id",
        ),
        (
            lambda d: d.update(stories=[{"id": "s1", "sources": [d["sources"][0]["id"]]}]),
            "must cover every source",
        ),
        (lambda d: d.update(stories="s1"), "'stories' must be a list"),
        (
            lambda d: d.update(skipped=[{"source": "x.txt", "type": "EmptyInputError"}]),
            "skipped[0].message",
        ),
    ],
)
def test_bad_stories_or_skipped_are_schema_errors(hashing: Any, edit: Any, fragment: str) -> None:
    data = claimcmp.compare(EX, embedder=hashing).to_dict()
    edit(data)
    with pytest.raises(SchemaError, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        Report.from_dict(data)


@pytest.mark.slow
def test_cli_skip_bad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_files(tmp_path)
    args = ["compare", *map(str, EX), str(bad[0]), "--format", "json", "--backend", "torch"]
    assert main(args) == 2
    _, err = capsys.readouterr()
    assert err.startswith("claimcmp: error:") and "is empty" in err
    assert main([*args, "--skip-bad"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [k["type"] for k in data["skipped"]] == ["EmptyInputError"]
    assert err == f"claimcmp: skipped {bad[0]}: {data['skipped'][0]['message']}\n"


@pytest.mark.slow
def test_batch_skips_bad_sources_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _bad_files(tmp_path)
    f = tmp_path / "clusters.jsonl"
    f.write_text(json.dumps({"id": "bridge", "articles": [*map(str, EX), str(bad[0])]}) + "\n")
    assert main(["batch", str(f)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert [k["type"] for k in row["report"]["skipped"]] == ["EmptyInputError"]
    assert main(["batch", str(f), "--no-skip-bad"]) == 2
    row = json.loads(capsys.readouterr().out)
    assert row["error"]["type"] == "EmptyInputError"


def test_an_unreadable_file_is_skipped_with_the_system_reason(
    tmp_path: Path, hashing: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = claimcmp.compare([*EX, locked], embedder=hashing, errors="skip")
    assert [(k.type, k.message) for k in report.skipped] == [
        (
            "UnreadableSourceError",
            f"'{locked}' cannot be read (Permission denied); check its permissions.",
        )
    ]
    with pytest.raises(PermissionError, match="cannot be read"):
        claimcmp.compare([*EX, locked], embedder=hashing)
