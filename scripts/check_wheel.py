"""Check a built claimcmp wheel ships the product and only the product.

    python scripts/check_wheel.py dist/claimcmp-*.whl

Run by ``.ci/run`` after building the wheel, before installing it into a fresh environment.
Exits 1 with one line per problem.
"""

from __future__ import annotations

import sys
import zipfile
from email.parser import Parser

REQUIRED = (
    "claimcmp/__init__.py",
    "claimcmp/__main__.py",
    "claimcmp/py.typed",
    "claimcmp/data/fact_model.json",
    "claimcmp/data/verdict_model.json",
    "claimcmp/data/story_model.json",
    "claimcmp/data/edit_model.json",
    "claimcmp/data/edit_model.npz",
    "claimcmp/data/wordnet.json.gz",
    "claimcmp/data/WORDNET-LICENSE",
)
#: Development code that must stay in the source checkout.
FORBIDDEN = ("training.py", "perturb.py", "tools/", "benchmarks/", "scripts/", "tests/")


def problems(path: str) -> list[str]:
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        dist_info = next(
            (n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info")), None
        )
        if dist_info is None:
            return [f"{path}: no .dist-info folder; not a wheel"]
        metadata = Parser().parsestr(wheel.read(f"{dist_info}/METADATA").decode("utf-8"))
    out = [f"missing {n}" for n in REQUIRED if n not in names]
    for n in names:
        top = n.split("/")[0]
        if top not in ("claimcmp", dist_info) or any(bad in n for bad in FORBIDDEN):
            out.append(f"ships development file {n}")
    if not any(n.startswith(f"{dist_info}/") and n.endswith("/LICENSE") for n in names):
        out.append("no LICENSE in the .dist-info folder")
    if "Typing :: Typed" not in (metadata.get_all("Classifier") or []):
        out.append("no 'Typing :: Typed' classifier")
    for requirement in metadata.get_all("Requires-Dist") or []:
        if requirement.startswith("scikit-learn") and "extra ==" not in requirement:
            out.append(
                f"scikit-learn is a core dependency ({requirement}); it belongs to the train extra"
            )
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/check_wheel.py WHEEL", file=sys.stderr)
        return 2
    found = problems(argv[0])
    for line in found:
        print(f"check_wheel: {line}", file=sys.stderr)
    if not found:
        print(f"check_wheel: {argv[0]} ships the product only")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
