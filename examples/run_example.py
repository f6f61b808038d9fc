"""Compare the example articles in examples/harbor_bridge and print the report.

python examples/run_example.py            # readable text
python examples/run_example.py --format json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import claimcmp

HERE = Path(__file__).resolve().parent / "harbor_bridge"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text")
    args = parser.parse_args()
    report = claimcmp.compare(sorted(HERE.glob("*.txt")))
    if args.format == "json":
        sys.stdout.write(report.to_json() + "\n")
    elif args.format == "markdown":
        sys.stdout.write(report.to_markdown())
    elif args.format == "html":
        sys.stdout.write(report.to_html(full_page=True))
    else:
        sys.stdout.write(report.to_text(color=sys.stdout.isatty()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
