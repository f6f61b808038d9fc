"""Layering of the package, read from the source with ``ast`` (imports inside functions count).

* ``claimcmp.text`` is the bottom layer: it imports no other claimcmp module but the memo caches.
* No module reaches into another for an underscore name (``from claimcmp.x import _y``,
  ``import claimcmp.x`` then ``claimcmp.x._y``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimcmp"
#: What the text layer may import besides itself: the memo caches it registers with.
TEXT_LAYER_MAY_IMPORT = frozenset({"claimcmp.memo"})


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(under: Path = PACKAGE) -> list[Path]:
    return sorted(under.rglob("*.py"))


def _imports(path: Path) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(line, module imported, names imported from it) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against this module's package
                base = _module_name(path).split(".")
                if path.name != "__init__.py":
                    base = base[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module, tuple(a.name for a in node.names)


def _is_claimcmp(module: str) -> bool:
    return module == "claimcmp" or module.startswith("claimcmp.")


def test_the_module_list_is_not_empty() -> None:
    text = _modules(PACKAGE / "text")
    assert {p.stem for p in text} >= {"dates", "diff", "normalize", "quantities", "names"}
    assert len(_modules()) > 30


@pytest.mark.parametrize("path", _modules(PACKAGE / "text"), ids=lambda p: p.name)
def test_the_text_layer_imports_nothing_above_it(path: Path) -> None:
    bad = [
        f"{path.name}:{line}: {target}"
        for line, module, names in _imports(path)
        # "from claimcmp import x" imports the module claimcmp.x.
        for target in ([f"claimcmp.{n}" for n in names] if module == "claimcmp" else [module])
        if _is_claimcmp(target)
        and not (target == "claimcmp.text" or target.startswith("claimcmp.text."))
        and target not in TEXT_LAYER_MAY_IMPORT
    ]
    assert not bad, "the text layer imports modules above it:\n" + "\n".join(bad)


def test_no_module_imports_a_private_name_of_another() -> None:
    bad: list[str] = []
    for path in _modules():
        here = _module_name(path)
        for line, module, names in _imports(path):
            if not _is_claimcmp(module) or module == here:
                continue
            bad.extend(
                f"{path.relative_to(PACKAGE.parent)}:{line}: from {module} import {n}"
                for n in names
                if n.startswith("_") and not n.startswith("__")
            )
    assert not bad, "private names imported across modules:\n" + "\n".join(bad)


def test_no_module_reads_a_private_attribute_of_another_module() -> None:
    """``import claimcmp.x as m`` / ``from claimcmp import x`` and then ``m._y``."""
    bad: list[str] = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        aliases: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                aliases.update(
                    (a.asname or a.name).split(".")[0] for a in node.names if _is_claimcmp(a.name)
                )
            elif isinstance(node, ast.ImportFrom) and node.module and _is_claimcmp(node.module):
                # Imported submodules ("from claimcmp.text import dates"); other names are
                # functions and classes, whose underscore attributes are their own business.
                sub = {
                    a.asname or a.name
                    for a in node.names
                    if (PACKAGE.parent / node.module.replace(".", "/") / f"{a.name}.py").exists()
                    or (PACKAGE.parent / node.module.replace(".", "/") / a.name).is_dir()
                }
                aliases.update(sub)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                root = node.value
                while isinstance(root, ast.Attribute):
                    root = root.value
                if isinstance(root, ast.Name) and root.id in aliases:
                    bad.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: .{node.attr}")
    assert not bad, "private attributes of other modules read:\n" + "\n".join(bad)
