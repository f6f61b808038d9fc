"""Quality and speed benchmarks; writes docs/benchmarks.md.

    python benchmarks/run.py                  # needs ../shared (or CLAIMCMP_SHARED); offline; ~10 minutes
    python benchmarks/run.py --only quality   # ~2 minutes; keeps the speed section already written
    python benchmarks/run.py --only speed     # ~8 minutes; keeps the quality sections (benchmarks/speed.py)
    python benchmarks/onnx_recipe.py          # ~4 minutes; the ONNX export recipes side by side (its own section,
                                              # which run.py keeps)

Quality figures: see benchmarks/quality.py (hand-labelled ECB+ pairs, SummEdits leave one
domain out, paraphrases, planted edits, symmetry, PropSegmEnt, seeds). Speed: benchmarks/speed.py.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import time
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))
from _shared import ROOT
from onnx_recipe import MARKER as RECIPE_MARKER
from quality import quality_lines


def main() -> int:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    if only not in (None, "quality", "speed"):
        raise SystemExit("usage: python benchmarks/run.py [--only quality|speed]")
    t0 = time.perf_counter()
    out = ROOT / "docs" / "benchmarks.md"
    marker = "\n<!-- speed -->\n"
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    previous, _, recipe_text = previous.partition(RECIPE_MARKER)
    old_quality, _, old_speed = previous.partition(marker)
    quality = quality_lines() if only != "speed" else None
    if only != "quality":
        from speed import speed_lines

        speed_text = "\n".join(speed_lines()) + "\n"
    else:
        speed_text = old_speed
    elapsed = time.perf_counter() - t0
    if only == "speed":
        # Keep the quality sections and the header that says when they were made; the speed
        # section says when it was.
        speed_text = speed_text.replace(
            "## Speed\n",
            f"## Speed\n\nWritten by `python benchmarks/run.py --only speed` on "
            f"{dt.date.today().isoformat()} in {elapsed:.0f} s, on the machine above.\n",
            1,
        )
        text = old_quality.rstrip("\n") + "\n"
    else:
        assert quality is not None
        text = "\n".join(_header(only, elapsed) + quality) + "\n"
    text += marker + speed_text
    if recipe_text:  # written by benchmarks/onnx_recipe.py; kept as it is
        text = text.rstrip("\n") + "\n" + RECIPE_MARKER + recipe_text
    out.write_text(text, encoding="utf-8")
    print(text)
    return 0


def _header(only: str | None, elapsed: float) -> list[str]:
    return [
        "# Benchmarks",
        "",
        f"Written by `python benchmarks/run.py{' --only ' + only if only else ''}` on "
        f"{dt.date.today().isoformat()} in {elapsed:.0f} s; "
        f"{platform.machine()} ({_cpu_name()}), {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"claimcmp {version('claimcmp')}, sentence-transformers {version('sentence-transformers')}, "
        f"torch {version('torch')}, onnxruntime {_version('onnxruntime')}, scikit-learn {version('scikit-learn')}. "
        "Embedding model: all-MiniLM-L6-v2 (bundled). Same-fact, verdict, story and alignment models: "
        "`claimcmp/data/{fact,verdict,story,align}_model.json` from `python -m tools.training`.",
        "",
    ]


def _version(package: str) -> str:
    try:
        return version(package)
    except Exception:
        return "not installed"


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    raise SystemExit(main())
