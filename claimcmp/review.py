"""Review: an editor's decisions on findings, kept in a file and carried over to later runs.

An editor reads a finding and confirms it (a real discrepancy) or dismisses it (a false alarm).
The decision is stored in a *review file*, keyed by the finding's :func:`fingerprint` — a digest
of what the finding is about, not of where it sits in a report: the kind, and for each side the
source id, the claim's text and the finding's text, each normalised (case, punctuation, spacing
and Unicode forms do not count), with the two sides in a fixed order. So a later run on the
same articles, or on lightly corrected ones, finds the same fingerprints, and the decisions
apply again: dismissed findings are hidden from the text, Markdown and HTML reports (and
counted), confirmed ones are marked. The report itself never changes, and nothing is deleted:
``show_dismissed=True`` shows every finding with its decision.

The file is JSON, format ``claimcmp.review/1``::

    {"format": "claimcmp.review/1",
     "decisions": [{"fingerprint": "9f1c...", "decision": "dismissed", "note": "same figure",
                    "kind": "number", "sources": ["a", "b"], "texts": ["12", "twelve"],
                    "decided_at": "2026-12-01T12:00:00+00:00"}]}

``kind``, ``sources`` and ``texts`` are kept so that a person can read the file; only the
fingerprint is used to match. A later decision on the same finding replaces the earlier one.
A file that is not valid JSON, is another format, or has a malformed decision is refused with
a :class:`~claimcmp.errors.ReviewFileError` naming the file and the field — never read as an
empty review.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from claimcmp.errors import ReviewFileError

__all__ = ["DECISIONS", "FORMAT", "Decision", "Review", "annotate", "findings", "fingerprint"]

FORMAT = "claimcmp.review/1"
DecisionKind = Literal["confirmed", "dismissed"]
DECISIONS: tuple[str, ...] = ("confirmed", "dismissed")
_FLIP = {"omission": "addition", "addition": "omission"}


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def fingerprint(
    claim_a: Mapping[str, Any], claim_b: Mapping[str, Any], finding: Mapping[str, Any]
) -> str:
    """The stable key of a finding of a pair, from plain report data (``Report.to_dict()``
    claims and divergence): the same whichever claim is ``a``."""
    kind = str(finding["kind"])
    a = (str(claim_a["source"]), _normal(claim_a["text"]), _normal(finding.get("a_text") or ""))
    b = (str(claim_b["source"]), _normal(claim_b["text"]), _normal(finding.get("b_text") or ""))
    if b < a:  # one order for both sides; coverage kinds name the side, so they flip too
        a, b, kind = b, a, _FLIP.get(kind, kind)
    payload = json.dumps([kind, a, b], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def findings(data: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """``(fingerprint, pair, divergence)`` for every finding of a plain report dict."""
    claims = {c["id"]: c for c in data["claims"]}
    for pair in data["pairs"]:
        for d in pair["divergences"]:
            yield fingerprint(claims[pair["a"]], claims[pair["b"]], d), pair, d


def _check(cond: bool, where: str, expected: str, got: Any, path: str | None) -> None:
    if not cond:
        shown = repr(got)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        source = f"review file '{path}'" if path else "review"
        raise ReviewFileError(
            f"{source}: '{where}' must be {expected} (got {shown}); it is not a claimcmp review "
            "file, or it was damaged: fix it or give another --review file."
        )


@attrs.frozen(kw_only=True)
class Decision:
    """An editor's decision on one finding."""

    fingerprint: str
    decision: DecisionKind
    note: str = ""
    kind: str = ""
    sources: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    decided_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "decision": self.decision,
            "note": self.note,
            "kind": self.kind,
            "sources": list(self.sources),
            "texts": list(self.texts),
            "decided_at": self.decided_at,
        }


@attrs.frozen
class Review:
    """The decisions of a review file (see the module docstring), by fingerprint."""

    decisions: tuple[Decision, ...] = ()

    def get(self, key: str) -> Decision | None:
        """The decision on the finding with fingerprint ``key``, if any."""
        return next((d for d in self.decisions if d.fingerprint == key), None)

    def decide(
        self,
        data: Mapping[str, Any],
        key: str,
        decision: str,
        *,
        note: str = "",
        now: dt.datetime | None = None,
    ) -> Review:
        """A review with ``decision`` on the finding ``key`` (a fingerprint, or a unique prefix
        of one of at least 6 characters) of the plain report ``data``."""
        if decision not in DECISIONS:
            raise ValueError(f"'decision' must be one of {DECISIONS} (got {decision!r}).")
        if not isinstance(note, str):
            raise TypeError(f"'note' must be a str (got {type(note).__name__}).")
        claims = {c["id"]: c for c in data["claims"]}
        matches = {fp: (p, d) for fp, p, d in findings(data) if fp.startswith(key)}
        if len(key) < 6 or not matches:
            raise LookupError(
                f"no finding of this report has the fingerprint {key!r}; list them with "
                "'claimcmp review REPORT.json' (a unique prefix of 6 or more characters will do)."
            )
        if len(matches) > 1:
            raise LookupError(
                f"{len(matches)} findings start with {key!r}; give more of the fingerprint."
            )
        ((fp, (pair, d)),) = matches.items()
        made = Decision(
            fingerprint=fp,
            decision=decision,  # type: ignore[arg-type]
            note=note,
            kind=d["kind"],
            sources=(claims[pair["a"]]["source"], claims[pair["b"]]["source"]),
            texts=(d.get("a_text") or "", d.get("b_text") or ""),
            decided_at=(now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds"),
        )
        return Review((*(x for x in self.decisions if x.fingerprint != fp), made))

    # ------------------------------------------------------------------ file

    def to_json(self) -> str:
        return json.dumps(
            {"format": FORMAT, "decisions": [d.to_dict() for d in self.decisions]},
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str, *, path: str | None = None) -> Review:
        """Parse a review file's text; a malformed one raises :class:`ReviewFileError`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            _check(False, "the file", "JSON", f"invalid JSON: {exc}", path)
        _check(isinstance(data, dict), "the file", "a JSON object", data, path)
        _check(data.get("format") == FORMAT, "format", repr(FORMAT), data.get("format"), path)
        items = data.get("decisions")
        _check(isinstance(items, list), "decisions", "a list", items, path)
        out: list[Decision] = []
        for i, item in enumerate(items):
            where = f"decisions[{i}]"
            _check(isinstance(item, dict), where, "an object", item, path)
            fp = item.get("fingerprint")
            _check(
                isinstance(fp, str) and bool(re.fullmatch(r"[0-9a-f]{6,64}", fp)),
                f"{where}.fingerprint",
                "a hex fingerprint",
                fp,
                path,
            )
            _check(
                item.get("decision") in DECISIONS,
                f"{where}.decision",
                f"one of {DECISIONS}",
                item.get("decision"),
                path,
            )
            for key in ("note", "kind", "decided_at"):
                _check(
                    isinstance(item.get(key, ""), str),
                    f"{where}.{key}",
                    "a string",
                    item.get(key),
                    path,
                )
            for key in ("sources", "texts"):
                value = item.get(key, [])
                _check(
                    isinstance(value, list) and all(isinstance(x, str) for x in value),
                    f"{where}.{key}",
                    "a list of strings",
                    value,
                    path,
                )
            out.append(
                Decision(
                    fingerprint=fp,
                    decision=item["decision"],
                    note=item.get("note", ""),
                    kind=item.get("kind", ""),
                    sources=tuple(item.get("sources", [])),
                    texts=tuple(item.get("texts", [])),
                    decided_at=item.get("decided_at", ""),
                )
            )
        return cls(tuple(out))

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, missing_ok: bool = False) -> Review:
        """The review in file ``path`` (an empty review when it does not exist and
        ``missing_ok``)."""
        p = Path(path)
        if not p.exists():
            if missing_ok:
                return cls()
            raise ReviewFileError(f"review file '{p}' does not exist; check the path.")
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReviewFileError(
                f"review file '{p}' cannot be read ({exc}); check the path."
            ) from exc
        return cls.from_json(text, path=str(p))

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the review to ``path`` (replaced whole, through a temporary file)."""
        p = Path(path)
        tmp = p.with_name(p.name + ".tmp")
        try:
            tmp.write_text(self.to_json() + "\n", encoding="utf-8")
            os.replace(tmp, p)
        except OSError as exc:
            raise ReviewFileError(
                f"review file '{p}' cannot be written ({exc.strerror or exc}); give another "
                "path (--file)."
            ) from exc


def annotate(
    data: Mapping[str, Any], review: Review, *, show_dismissed: bool = False
) -> dict[str, Any]:
    """A copy of the plain report ``data`` with ``review`` applied, for the renderers: each
    reviewed finding gets ``"review": {"decision", "note"}``; dismissed ones are left out
    (``show_dismissed`` keeps them, marked); ``"review"`` at the top counts what was applied."""
    out = copy.deepcopy(dict(data))
    claims = {c["id"]: c for c in out["claims"]}
    hidden = confirmed = dismissed = 0
    for pair in out["pairs"]:
        kept = []
        for d in pair["divergences"]:
            decision = review.get(fingerprint(claims[pair["a"]], claims[pair["b"]], d))
            if decision is not None:
                d["review"] = {"decision": decision.decision, "note": decision.note}
                confirmed += decision.decision == "confirmed"
                dismissed += decision.decision == "dismissed"
                if decision.decision == "dismissed" and not show_dismissed:
                    hidden += 1
                    continue
            kept.append(d)
        pair["divergences"] = kept
    out["review"] = {"confirmed": confirmed, "dismissed": dismissed, "hidden": hidden}
    return out
