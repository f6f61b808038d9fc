"""Report: the typed result of a comparison, and its JSON form ``claimcmp.report/2``.

A :class:`Report` holds the sources (with their full text), the claims, the
aligned pairs with verdicts and divergences, the groups of claims that report
the same thing, and each source's unique claims. It checks its invariants on
construction — every claim's text is its source slice, every divergence span
indexes its claim's source — and :meth:`Report.from_json` validates a saved
report against the schema before rebuilding it, so a round trip is exact. Reports written
as ``claimcmp.report/1`` (before stories and skipped sources) are read too: all their sources
form one story, and nothing was skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from claimcmp.errors import SchemaError, SpanError
from claimcmp.records import (
    BLOCK_KINDS,
    VERDICTS,
    Anomaly,
    Block,
    Claim,
    ClaimGroup,
    ClaimPair,
    Divergence,
    SkippedSource,
    Source,
    Story,
)

__all__ = ["READABLE_SCHEMAS", "SCHEMA", "Report"]

SCHEMA = "claimcmp.report/2"
#: Schemas :meth:`Report.from_json` reads: this one, and /1 (no ``stories``, no ``skipped``).
READABLE_SCHEMAS: tuple[str, ...] = ("claimcmp.report/1", SCHEMA)


def _sources(v: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(v)


def _claims(v: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(v)


def _pairs(v: Iterable[ClaimPair]) -> tuple[ClaimPair, ...]:
    return tuple(v)


def _groups(v: Iterable[ClaimGroup]) -> tuple[ClaimGroup, ...]:
    return tuple(v)


def _ids(v: Iterable[str]) -> tuple[str, ...]:
    return tuple(v)


def _anomalies(v: Iterable[Anomaly]) -> tuple[Anomaly, ...]:
    return tuple(v)


def _syndication(v: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(g) for g in v)


def _stories(v: Iterable[Story]) -> tuple[Story, ...]:
    return tuple(v)


def _skipped(v: Iterable[SkippedSource]) -> tuple[SkippedSource, ...]:
    return tuple(v)


@attrs.frozen
class Report:
    """Claim-level comparison of several sources.

    ``pairs`` are aligned claims of two different sources; ``groups`` gather
    aligned claims across all sources (one per source); ``unique`` lists the
    claims no other source reports. ``stories`` say which sources report which event (claims
    are aligned only within a story; one story of all sources when not given); ``skipped``
    lists the sources left out with ``errors="skip"``.
    """

    sources: tuple[Source, ...] = attrs.field(converter=_sources)
    claims: tuple[Claim, ...] = attrs.field(converter=_claims)
    pairs: tuple[ClaimPair, ...] = attrs.field(converter=_pairs)
    groups: tuple[ClaimGroup, ...] = attrs.field(converter=_groups)
    unique: tuple[str, ...] = attrs.field(converter=_ids)
    anomalies: tuple[Anomaly, ...] = attrs.field(default=(), converter=_anomalies)
    #: Groups of source ids that are near-verbatim copies of one report.
    syndication: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_syndication)
    stories: tuple[Story, ...] = attrs.field(default=(), converter=_stories)
    skipped: tuple[SkippedSource, ...] = attrs.field(default=(), converter=_skipped)
    model: str = ""
    settings: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    _claim_index: dict[str, Claim] = attrs.field(init=False, repr=False, eq=False)
    _source_index: dict[str, Source] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        sources = {s.id: s for s in self.sources}
        if len(sources) != len(self.sources):
            dup = [k for k, n in Counter(s.id for s in self.sources).items() if n > 1]
            raise ValueError(f"'sources' ids must be unique (got duplicates {dup!r}).")
        claims: dict[str, Claim] = {}
        for c in self.claims:
            if c.id in claims:
                raise ValueError(f"'claims' ids must be unique (got {c.id!r} twice).")
            src = sources.get(c.source)
            if src is None:
                raise ValueError(
                    f"claim {c.id!r}: 'source' must be a source id (got {c.source!r})."
                )
            if c.end > len(src.text):
                raise SpanError(
                    f"claim {c.id!r}: end must be <= {len(src.text)}, the length of "
                    f"source {src.id!r} (got {c.end})."
                )
            if len(c.spans) == 1 and src.text[c.start : c.end] != c.text:
                raise SpanError(
                    f"claim {c.id!r}: 'text' must equal source text[{c.start}:{c.end}] "
                    f"({src.text[c.start : c.end]!r}), got {c.text!r}."
                )
            if len(c.spans) > 1:
                joined = " … ".join(src.text[s:e] for s, e in c.spans)
                if joined != c.text:
                    raise SpanError(
                        f"claim {c.id!r}: 'text' must join its spans with ' … ' ({joined!r}), got {c.text!r}."
                    )
            claims[c.id] = c
        for p in self.pairs:
            for side in (p.a, p.b):
                if side not in claims:
                    raise ValueError(f"pair ({p.a!r}, {p.b!r}): {side!r} is not a claim id.")
            ca, cb = claims[p.a], claims[p.b]
            if ca.source == cb.source:
                raise ValueError(
                    f"pair ({p.a!r}, {p.b!r}): claims must come from different sources "
                    f"(both from {ca.source!r})."
                )
            for d in p.divergences:
                for span, text, claim in ((d.a_span, d.a_text, ca), (d.b_span, d.b_text, cb)):
                    if span is None:
                        continue
                    src_text = sources[claim.source].text
                    if span[1] > len(src_text) or src_text[span[0] : span[1]] != text:
                        raise SpanError(
                            f"pair ({p.a!r}, {p.b!r}) {d.kind} divergence: span {list(span)} "
                            f"must index {text!r} in source {claim.source!r} "
                            f"(got {src_text[span[0] : span[1]]!r})."
                        )
        for g in self.groups:
            for cid in g.claims:
                if cid not in claims:
                    raise ValueError(f"group {g.id!r}: {cid!r} is not a claim id.")
        for cid in self.unique:
            if cid not in claims:
                raise ValueError(f"'unique': {cid!r} is not a claim id.")
        for an in self.anomalies:
            src = sources.get(an.source)
            if src is None:
                raise ValueError(f"anomaly: 'source' must be a source id (got {an.source!r}).")
            if src.text[an.start : an.end] != an.text:
                raise SpanError(
                    f"anomaly in {an.source!r}: 'text' must equal source text[{an.start}:{an.end}] "
                    f"({src.text[an.start : an.end]!r}), got {an.text!r}."
                )
            if an.claim is not None and an.claim not in claims:
                raise ValueError(f"anomaly: {an.claim!r} is not a claim id.")
        for group in self.syndication:
            for sid in group:
                if sid not in sources:
                    raise ValueError(f"'syndication': {sid!r} is not a source id.")
        for src in self.sources:
            if src.copy_of is not None and src.copy_of not in sources:
                raise ValueError(
                    f"source {src.id!r}: 'copy_of' must be a source id (got {src.copy_of!r})."
                )
        if not self.stories and self.sources:
            object.__setattr__(self, "stories", (Story(id="s1", sources=tuple(sources)),))
        story_of: dict[str, str] = {}
        for story in self.stories:
            for sid in story.sources:
                if sid not in sources:
                    raise ValueError(f"story {story.id!r}: {sid!r} is not a source id.")
                if sid in story_of:
                    raise ValueError(
                        f"story {story.id!r}: source {sid!r} is already in story {story_of[sid]!r}; "
                        "each source belongs to one story."
                    )
                story_of[sid] = story.id
        if self.stories and len(story_of) != len(sources):
            missing = [sid for sid in sources if sid not in story_of]
            raise ValueError(f"'stories' must cover every source (missing {missing!r}).")
        for p in self.pairs:
            sa, sb = claims[p.a].source, claims[p.b].source
            if story_of.get(sa) != story_of.get(sb):
                raise ValueError(
                    f"pair ({p.a!r}, {p.b!r}): claims must come from one story "
                    f"(got {story_of.get(sa)!r} and {story_of.get(sb)!r})."
                )
        for g in self.groups:
            in_stories = {story_of.get(claims[cid].source) for cid in g.claims}
            if len(in_stories) > 1:
                raise ValueError(
                    f"group {g.id!r}: claims must come from one story (got {sorted(map(str, in_stories))!r})."
                )
        object.__setattr__(self, "_claim_index", claims)
        object.__setattr__(self, "_source_index", sources)

    # ------------------------------------------------------------------ access

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        try:
            return self._claim_index[claim_id]
        except KeyError:
            raise KeyError(f"no claim {claim_id!r} in this report") from None

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        try:
            return self._source_index[source_id]
        except KeyError:
            raise KeyError(f"no source {source_id!r} in this report") from None

    def pairs_with(self, claim_id: str) -> tuple[ClaimPair, ...]:
        """Aligned pairs that include this claim."""
        return tuple(p for p in self.pairs if claim_id in (p.a, p.b))

    def find_claim(self, source_id: str, quote: str) -> Claim:
        """The claim of ``source_id`` whose text contains ``quote``."""
        for c in self.claims:
            if c.source == source_id and quote in c.text:
                return c
        raise LookupError(f"no claim of {source_id!r} contains {quote!r}")

    def divergences(self) -> Iterator[tuple[ClaimPair, Divergence]]:
        """Every divergence in the report, with its pair."""
        for p in self.pairs:
            for d in p.divergences:
                yield p, d

    @property
    def counts(self) -> dict[str, int]:
        """Number of pairs per verdict, plus ``unique`` claims."""
        c = Counter(p.verdict for p in self.pairs)
        out = {v: c.get(v, 0) for v in VERDICTS if v != "unrelated"}
        out["unique"] = len(self.unique)
        return out

    def __repr__(self) -> str:
        c = self.counts
        return (
            f"<Report {len(self.sources)} sources, {len(self.claims)} claims, "
            f"{len(self.pairs)} pairs ({c['agreement']} agreement, {c['paraphrase']} paraphrase, "
            f"{c['divergence']} divergence), {len(self.groups)} groups, {c['unique']} unique, "
            f"{len(self.anomalies)} anomalies>"
        )

    # -------------------------------------------------------------- serialise

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data (schema ``claimcmp.report/2``)."""
        return {
            "schema": SCHEMA,
            "model": self.model,
            "settings": dict(self.settings),
            "sources": [
                {
                    "id": s.id,
                    "path": s.path,
                    "title": s.title,
                    "published": s.published.isoformat() if s.published else None,
                    "copy_of": s.copy_of,
                    "text": s.text,
                    "blocks": [{"start": b.start, "end": b.end, "kind": b.kind} for b in s.blocks],
                }
                for s in self.sources
            ],
            "claims": [
                {
                    "id": c.id,
                    "source": c.source,
                    "text": c.text,
                    "start": c.start,
                    "end": c.end,
                    "spans": [list(s) for s in c.spans],
                    "sentence": list(c.sentence) if c.sentence else None,
                    "attribution": list(c.attribution) if c.attribution else None,
                }
                for c in self.claims
            ],
            "pairs": [
                {
                    "a": p.a,
                    "b": p.b,
                    "similarity": p.similarity,
                    "confidence": p.confidence,
                    "verdict": p.verdict,
                    "syndicated": p.syndicated,
                    "probabilities": dict(p.probabilities),
                    "divergences": [
                        {
                            "kind": d.kind,
                            "a_text": d.a_text,
                            "b_text": d.b_text,
                            "a_span": list(d.a_span) if d.a_span else None,
                            "b_span": list(d.b_span) if d.b_span else None,
                            "explanation": d.explanation,
                            "confidence": d.confidence,
                            "severity": d.severity,
                            "detector": d.detector,
                        }
                        for d in p.divergences
                    ],
                }
                for p in self.pairs
            ],
            "groups": [
                {"id": g.id, "claims": list(g.claims), "independent_sources": g.independent_sources}
                for g in self.groups
            ],
            "syndication": [list(group) for group in self.syndication],
            "stories": [{"id": st.id, "sources": list(st.sources)} for st in self.stories],
            "skipped": [
                {"source": k.source, "type": k.type, "message": k.message} for k in self.skipped
            ],
            "unique": list(self.unique),
            "anomalies": [
                {
                    "source": a.source,
                    "claim": a.claim,
                    "kind": a.kind,
                    "start": a.start,
                    "end": a.end,
                    "text": a.text,
                    "explanation": a.explanation,
                }
                for a in self.anomalies
            ],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (schema ``claimcmp.report/2``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> Report:
        """Rebuild a report from :meth:`to_dict` output, validating it first."""
        _validate(data)
        try:
            sources = [
                Source(
                    id=s["id"],
                    text=s["text"],
                    path=s.get("path"),
                    title=s.get("title"),
                    published=dt.date.fromisoformat(s["published"]) if s.get("published") else None,
                    blocks=tuple(
                        Block(b["start"], b["end"], b["kind"]) for b in s.get("blocks", [])
                    ),
                    copy_of=s.get("copy_of"),
                )
                for s in data["sources"]
            ]
            claims = [
                Claim(
                    id=c["id"],
                    source=c["source"],
                    text=c["text"],
                    start=c["start"],
                    end=c["end"],
                    spans=tuple(tuple(s) for s in c.get("spans") or ()),
                    sentence=tuple(c["sentence"]) if c.get("sentence") else None,
                    attribution=tuple(c["attribution"]) if c.get("attribution") else None,
                )
                for c in data["claims"]
            ]
            pairs = [
                ClaimPair(
                    a=p["a"],
                    b=p["b"],
                    verdict=p["verdict"],
                    similarity=float(p["similarity"]),
                    confidence=float(p["confidence"]),
                    probabilities=dict(p.get("probabilities") or {}),
                    syndicated=bool(p.get("syndicated", False)),
                    divergences=tuple(
                        Divergence(
                            kind=d["kind"],
                            a_span=tuple(d["a_span"]) if d.get("a_span") else None,
                            b_span=tuple(d["b_span"]) if d.get("b_span") else None,
                            a_text=d["a_text"],
                            b_text=d["b_text"],
                            explanation=d["explanation"],
                            confidence=float(d.get("confidence", 1.0)),
                            severity=d.get("severity", "high"),
                            detector=d.get("detector", ""),
                        )
                        for d in p["divergences"]
                    ),
                )
                for p in data["pairs"]
            ]
            groups = [
                ClaimGroup(g["id"], tuple(g["claims"]), int(g.get("independent_sources", 0)))
                for g in data["groups"]
            ]
            return cls(
                sources=sources,
                claims=claims,
                pairs=pairs,
                groups=groups,
                unique=tuple(data["unique"]),
                syndication=tuple(tuple(g) for g in data.get("syndication", [])),
                stories=tuple(
                    Story(id=st["id"], sources=tuple(st["sources"]))
                    for st in data.get("stories", [])
                ),
                skipped=tuple(
                    SkippedSource(source=k["source"], type=k["type"], message=k["message"])
                    for k in data.get("skipped", [])
                ),
                anomalies=tuple(
                    Anomaly(
                        source=a["source"],
                        kind=a["kind"],
                        start=a["start"],
                        end=a["end"],
                        text=a["text"],
                        explanation=a["explanation"],
                        claim=a.get("claim"),
                    )
                    for a in data.get("anomalies", [])
                ),
                model=data.get("model", ""),
                settings=dict(data.get("settings") or {}),
            )
        except SchemaError:
            raise
        except (ValueError, TypeError, IndexError) as exc:
            raise SchemaError(f"report does not follow {data.get('schema')}: {exc}") from exc

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        """Parse and validate a JSON report written by :meth:`to_json`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"report is not valid JSON: {exc}") from exc
        return cls.from_dict(data)

    # ---------------------------------------------------------------- render

    def to_text(self, *, color: bool = False, width: int = 100) -> str:
        """A readable plain-text rendering (ANSI colour optional)."""
        from claimcmp.render import render_text

        return render_text(self.to_dict(), color=color, width=width)

    def to_markdown(self) -> str:
        """The report as Markdown."""
        from claimcmp.render import render_markdown

        return render_markdown(self.to_dict())

    def to_html(self, *, full_page: bool = False) -> str:
        """The report as HTML (all text escaped); ``full_page`` adds ``<html>``."""
        from claimcmp.render import render_html

        return render_html(self.to_dict(), full_page=full_page)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": repr(self), "text/html": self.to_html()}


# ---------------------------------------------------------------- validation

_PAIR_KEYS = {
    "a": str,
    "b": str,
    "similarity": (int, float),
    "confidence": (int, float),
    "verdict": str,
    "divergences": list,
}
_CLAIM_KEYS = {"id": str, "source": str, "text": str, "start": int, "end": int}
_SOURCE_KEYS = {"id": str, "text": str}
_DIV_KEYS = {"kind": str, "a_text": str, "b_text": str, "explanation": str}


def _expect(cond: bool, where: str, expected: str, got: Any) -> None:
    if not cond:
        shown = repr(got)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        raise SchemaError(f"'{where}' must be {expected} (got {shown}).")


def _check_keys(obj: Any, keys: dict[str, Any], where: str) -> None:
    _expect(isinstance(obj, dict), where, "an object", obj)
    for k, typ in keys.items():
        _expect(k in obj, f"{where}.{k}", "present", None)
        value = obj[k]
        ok = isinstance(value, typ) and not (typ is int and isinstance(value, bool))
        _expect(ok, f"{where}.{k}", f"of type {typ if isinstance(typ, type) else 'number'}", value)


def _check_span(value: Any, where: str) -> None:
    if value is None:
        return
    _expect(
        isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value),
        where,
        "null or [start, end] integers",
        value,
    )


def _validate(data: Any) -> None:
    _expect(isinstance(data, dict), "report", "a JSON object", data)
    _expect(
        data.get("schema") in READABLE_SCHEMAS,
        "schema",
        " or ".join(map(repr, READABLE_SCHEMAS)),
        data.get("schema"),
    )
    for key in ("sources", "claims", "pairs", "groups", "unique"):
        _expect(isinstance(data.get(key), list), key, "a list", data.get(key))
    for i, s in enumerate(data["sources"]):
        _check_keys(s, _SOURCE_KEYS, f"sources[{i}]")
        pub = s.get("published")
        _expect(
            pub is None or isinstance(pub, str),
            f"sources[{i}].published",
            "null or YYYY-MM-DD",
            pub,
        )
        if isinstance(pub, str):
            try:
                dt.date.fromisoformat(pub)
            except ValueError:
                _expect(False, f"sources[{i}].published", "a YYYY-MM-DD date", pub)
        for j, b in enumerate(s.get("blocks", [])):
            _check_keys(b, {"start": int, "end": int, "kind": str}, f"sources[{i}].blocks[{j}]")
            _expect(
                b["kind"] in BLOCK_KINDS,
                f"sources[{i}].blocks[{j}].kind",
                f"one of {BLOCK_KINDS}",
                b["kind"],
            )
    for i, c in enumerate(data["claims"]):
        _check_keys(c, _CLAIM_KEYS, f"claims[{i}]")
    for i, p in enumerate(data["pairs"]):
        _check_keys(p, _PAIR_KEYS, f"pairs[{i}]")
        _expect(p["verdict"] in VERDICTS, f"pairs[{i}].verdict", f"one of {VERDICTS}", p["verdict"])
        for j, d in enumerate(p["divergences"]):
            _check_keys(d, _DIV_KEYS, f"pairs[{i}].divergences[{j}]")
            _check_span(d.get("a_span"), f"pairs[{i}].divergences[{j}].a_span")
            _check_span(d.get("b_span"), f"pairs[{i}].divergences[{j}].b_span")
    for i, g in enumerate(data["groups"]):
        _check_keys(g, {"id": str, "claims": list}, f"groups[{i}]")
    for i, u in enumerate(data["unique"]):
        _expect(isinstance(u, str), f"unique[{i}]", "a claim id", u)
    for key in ("stories", "skipped", "anomalies"):
        _expect(isinstance(data.get(key, []), list), key, "a list", data.get(key))
    for i, st in enumerate(data.get("stories", [])):
        _check_keys(st, {"id": str, "sources": list}, f"stories[{i}]")
        for j, sid in enumerate(st["sources"]):
            _expect(isinstance(sid, str), f"stories[{i}].sources[{j}]", "a source id", sid)
    for i, k in enumerate(data.get("skipped", [])):
        _check_keys(k, {"source": str, "type": str, "message": str}, f"skipped[{i}]")
    for i, a in enumerate(data.get("anomalies", [])):
        _check_keys(
            a,
            {"source": str, "kind": str, "start": int, "end": int, "text": str, "explanation": str},
            f"anomalies[{i}]",
        )
