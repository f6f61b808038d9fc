"""examples/quickstart.ipynb runs top to bottom (nbclient, ipykernel) and is committed with its
outputs; Report.to_pandas gives one row per finding."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import claimcmp

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"
EX = sorted(EXAMPLES.glob("*.txt"))


def test_to_pandas_has_one_row_per_finding_with_spans_into_the_sources(hashing: Any) -> None:
    pd = pytest.importorskip("pandas", reason="the test extra installs pandas")
    report = claimcmp.compare(EX, embedder=hashing)
    df = report.to_pandas()
    assert list(df.columns) == list(claimcmp.Report.FINDING_COLUMNS)
    assert len(df) == sum(len(p.divergences) for p in report.pairs)
    assert str(df["a_start"].dtype) == "Int64"
    for row in df.itertuples():
        if not pd.isna(row.a_start):
            assert report.source(row.source_a).text[row.a_start : row.a_end] == row.a_text
        if not pd.isna(row.b_start):
            assert report.source(row.source_b).text[row.b_start : row.b_end] == row.b_text
    assert set(df["verdict"]) <= {"agreement", "paraphrase", "divergence"}
    assert df["decision"].isna().all()
    key = df.loc[df["kind"] == "number", "fingerprint"].iloc[0]
    review = report.review(key, "dismissed")
    assert len(report.to_pandas(review=review)) == len(df) - 1
    shown = report.to_pandas(review=review, dismissed=True)
    assert shown.loc[shown["fingerprint"] == key, "decision"].tolist() == ["dismissed"]


def test_to_pandas_without_pandas_says_what_to_install(
    hashing: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = claimcmp.compare(EX, embedder=hashing)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'claimcmp\[pandas\]'"):
        report.to_pandas()
    assert report.finding_rows()  # the same rows as plain dicts need nothing


def _script() -> Any:
    """scripts/make_quickstart.py, which writes and runs the notebook."""
    pytest.importorskip("nbclient", reason="the test extra installs nbclient")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_quickstart
    finally:
        sys.path.pop(0)
    return make_quickstart


def test_the_committed_notebook_is_what_the_script_writes_with_its_outputs() -> None:
    nbformat = pytest.importorskip("nbformat", reason="the test extra installs nbformat")
    build = _script().build
    committed = nbformat.read(NOTEBOOK, as_version=4)
    assert [c.source for c in committed.cells] == [c.source for c in build().cells]
    code = [c for c in committed.cells if c.cell_type == "code"]
    assert all(c.outputs for c in code), "run python scripts/make_quickstart.py and commit"
    assert any("text/html" in o.get("data", {}) for c in code for o in c.outputs)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)


@pytest.mark.slow
def test_the_notebook_runs_top_to_bottom() -> None:
    nbformat = pytest.importorskip("nbformat", reason="the test extra installs nbformat")
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="claimcmp"' in h for h in html), "the report's HTML view"
    assert any("<table" in h and "kind" in h for h in html), "the DataFrame of findings"
    text = "".join(o.get("text", "") for o in outputs)
    assert "review: 1 confirmed" in text
    assert "Warning" not in text and "Traceback" not in text
