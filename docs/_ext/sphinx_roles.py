"""A griffe extension for the documentation site: docstrings written with Sphinx roles
(``:func:`claimcmp.compare```, ``:class:`~claimcmp.Report```) show as code, not as raw role
markup. mkdocs.yml loads it for mkdocstrings; the package itself does not use it."""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|data|exc|obj|const):`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _shorten(match: re.Match[str]) -> str:
    target = match.group(1)
    # "~a.b.c" shows as "c", as Sphinx does; a plain target shows whole.
    shown = target.rsplit(".", 1)[-1] if match.group(0).find("`~") != -1 else target
    return f"`{shown}`"


class SphinxRolesToCode(Extension):
    def on_object(self, *, obj: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            text = _ROLE.sub(_shorten, obj.docstring.value)
            obj.docstring.value = _LITERAL.sub(r"`\1`", text)
