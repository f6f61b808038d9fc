"""Write examples/quickstart.ipynb and run it, so that it is committed with its outputs.

    python scripts/make_quickstart.py

The notebook's cells are written here (one place to edit); nbclient runs them in a fresh
kernel from examples/ and the notebook is saved with every output. tests/test_notebook.py runs
the committed notebook top to bottom again in CI.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """\
# claimcmp quickstart

Three reports of one (fictional) event, compared claim by claim: where the outlets agree,
paraphrase and diverge, which version of a fact most independent outlets give, and a
review step whose decisions are kept. Everything runs offline.""",
    ),
    (
        "code",
        """\
import os
import pathlib
import tempfile
import warnings

import claimcmp

# tqdm (through sentence-transformers) asks for ipywidgets in a notebook; no bars needed.
warnings.filterwarnings("ignore", message="IProgress not found")
# The bundled model is on disk: never ask the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

paths = sorted(pathlib.Path("harbor_bridge").glob("*.txt"))
report = claimcmp.compare(paths)
print(repr(report))""",
    ),
    ("markdown", "The report renders itself as HTML in a notebook:"),
    ("code", "report"),
    (
        "markdown",
        """\
## Findings

Every divergence with its pair; here only those that count (not low severity):""",
    ),
    (
        "code",
        """\
for pair, d in report.divergences():
    if d.severity != "low":
        a, b = report.claim(pair.a).source, report.claim(pair.b).source
        print(f"{d.kind:<9} {a:>15}: {d.a_text!r:<28} {b}: {d.b_text!r}")""",
    ),
    (
        "markdown",
        """\
## Versions of one fact

Each group of claims that report one fact lists its versions, with the independent sources
behind each (syndicated copies count once):""",
    ),
    (
        "code",
        """\
for g in report.groups:
    if len(g.variants) > 1:
        versions = [
            f"{v.independent} independent: {', '.join(v.sources)}"
            + (" (outlier)" if v.outlier else "")
            for v in g.variants
        ]
        print(g.id, " · ".join(versions))""",
    ),
    (
        "markdown",
        """\
## As a DataFrame

One row per finding, with its sources, spans, kind, severity, confidence and the pair's
verdict:""",
    ),
    (
        "code",
        """\
df = report.to_pandas()
columns = ["verdict", "kind", "source_a", "a_text", "source_b", "b_text", "confidence"]
df[df.severity == "high"][columns]""",
    ),
    (
        "markdown",
        """\
## Review

An editor dismisses a false alarm or confirms a real discrepancy; the decision goes into a
review file, keyed by the finding's fingerprint, and applies again to later runs:""",
    ),
    (
        "code",
        """\
review_file = pathlib.Path(tempfile.mkdtemp()) / "review.json"
pair, finding = next((p, d) for p, d in report.divergences() if d.kind == "number")
report.review((pair, finding), "confirmed", note="checked with the city desk", file=review_file)

later = claimcmp.compare(paths)  # tomorrow's run of the same articles
review = claimcmp.Review.load(review_file)
print("\\n".join(later.to_text(review=review).splitlines()[:5]))
print([d.decision for d in review.decisions], review.decisions[0].texts)""",
    ),
]


def build() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell(src) if kind == "markdown" else nbformat.v4.new_code_cell(src)
        for kind, src in CELLS
    ]
    return nb


def main() -> int:
    nb = build()
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    nbformat.write(nb, NOTEBOOK)
    print(f"wrote {NOTEBOOK.relative_to(ROOT)} with its outputs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
