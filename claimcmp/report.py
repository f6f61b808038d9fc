"""Report: the typed result of a comparison, and its JSON form ``claimcmp.report/3``.

A :class:`Report` holds the sources (with their full text), the claims, the
aligned pairs with verdicts and divergences, the groups of claims that report
the same thing, and each source's unique claims. It checks its invariants on
construction — every claim's text is its source slice, every divergence span
indexes its claim's source — and :meth:`Report.from_json` validates a saved
report against the schema before rebuilding it, so a round trip is exact. Reports written
as ``claimcmp.report/2`` (before the versions of each group's fact) and ``/1`` (before stories
and skipped sources too) are read as well: their groups list no versions, all the sources of a
/1 report form one story, and nothing was skipped.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from claimcmp.errors import SchemaError, SpanError
from claimcmp.records import (
    VERDICTS,
    Anomaly,
    Claim,
    ClaimGroup,
    ClaimPair,
    Divergence,
    SkippedSource,
    Source,
    Story,
)
from claimcmp.schema import structure, unstructure

if TYPE_CHECKING:
    from claimcmp.review import Review

__all__ = ["READABLE_SCHEMAS", "SCHEMA", "Report"]

SCHEMA = "claimcmp.report/3"
#: Schemas :meth:`Report.from_json` reads: this one, /2 (no ``variants`` in groups) and /1
#: (no ``stories``, no ``skipped`` either).
READABLE_SCHEMAS: tuple[str, ...] = ("claimcmp.report/1", "claimcmp.report/2", SCHEMA)


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


@attrs.frozen(kw_only=True)
class Report:
    """Claim-level comparison of several sources.

    ``pairs`` are aligned claims of two different sources; ``groups`` gather
    aligned claims across all sources (one per source); ``unique`` lists the
    claims no other source reports. ``stories`` say which sources report which event (claims
    are aligned only within a story; one story of all sources when not given); ``skipped``
    lists the sources left out with ``errors="skip"``.
    """

    # Field order is the JSON key order (claimcmp.schema writes the fields in this order).
    model: str = ""
    settings: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    sources: tuple[Source, ...] = attrs.field(converter=_sources)
    claims: tuple[Claim, ...] = attrs.field(converter=_claims)
    pairs: tuple[ClaimPair, ...] = attrs.field(converter=_pairs)
    groups: tuple[ClaimGroup, ...] = attrs.field(converter=_groups)
    #: Groups of source ids that are near-verbatim copies of one report.
    syndication: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_syndication)
    stories: tuple[Story, ...] = attrs.field(default=(), converter=_stories)
    skipped: tuple[SkippedSource, ...] = attrs.field(default=(), converter=_skipped)
    unique: tuple[str, ...] = attrs.field(converter=_ids)
    anomalies: tuple[Anomaly, ...] = attrs.field(default=(), converter=_anomalies)
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
            if g.variants:
                told = [cid for v in g.variants for cid in v.claims]
                if sorted(told) != sorted(g.claims):
                    raise ValueError(
                        f"group {g.id!r}: 'variants' must share out its claims {list(g.claims)!r}, "
                        f"each to one variant (got {told!r})."
                    )
                for v in g.variants:
                    backing = list(dict.fromkeys(claims[cid].source for cid in v.claims))
                    if sorted(v.sources) != sorted(backing):
                        raise ValueError(
                            f"group {g.id!r}: a variant's 'sources' must be its claims' sources "
                            f"{backing!r} (got {list(v.sources)!r})."
                        )
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

    def divergences(
        self, *, review: Review | None = None, dismissed: bool = False
    ) -> Iterator[tuple[ClaimPair, Divergence]]:
        """Every divergence in the report, with its pair; with a ``review``, not those it
        dismissed (unless ``dismissed=True``)."""
        for p in self.pairs:
            for d in p.divergences:
                if review is not None and not dismissed:
                    decision = review.get(self.fingerprint(p, d))
                    if decision is not None and decision.decision == "dismissed":
                        continue
                yield p, d

    #: Columns of :meth:`to_pandas`, in order.
    FINDING_COLUMNS: ClassVar[tuple[str, ...]] = (
        "fingerprint",
        "verdict",
        "kind",
        "severity",
        "confidence",
        "source_a",
        "source_b",
        "a_text",
        "b_text",
        "a_start",
        "a_end",
        "b_start",
        "b_end",
        "explanation",
        "detector",
        "claim_a",
        "claim_b",
        "pair_confidence",
        "similarity",
        "decision",
    )

    def finding_rows(
        self, *, review: Review | None = None, dismissed: bool = False
    ) -> list[dict[str, Any]]:
        """One plain row per finding (the columns of :attr:`FINDING_COLUMNS`): what
        :meth:`to_pandas` puts in a DataFrame, for code that does not use pandas.

        Spans are offsets into each source's text (``None`` on the side that lacks the detail);
        ``decision`` is the ``review``'s (``None`` when not reviewed); findings the review
        dismissed are left out unless ``dismissed=True``."""
        rows = []
        for p, d in self.divergences(review=review, dismissed=dismissed):
            key = self.fingerprint(p, d)
            decision = review.get(key) if review is not None else None
            rows.append(
                {
                    "fingerprint": key,
                    "verdict": p.verdict,
                    "kind": d.kind,
                    "severity": d.severity,
                    "confidence": d.confidence,
                    "source_a": self.claim(p.a).source,
                    "source_b": self.claim(p.b).source,
                    "a_text": d.a_text,
                    "b_text": d.b_text,
                    "a_start": d.a_span[0] if d.a_span else None,
                    "a_end": d.a_span[1] if d.a_span else None,
                    "b_start": d.b_span[0] if d.b_span else None,
                    "b_end": d.b_span[1] if d.b_span else None,
                    "explanation": d.explanation,
                    "detector": d.detector,
                    "claim_a": p.a,
                    "claim_b": p.b,
                    "pair_confidence": p.confidence,
                    "similarity": p.similarity,
                    "decision": decision.decision if decision is not None else None,
                }
            )
        return rows

    def to_pandas(self, *, review: Review | None = None, dismissed: bool = False) -> Any:
        """A pandas DataFrame with one row per finding (see :meth:`finding_rows`).

        Needs pandas (``pip install 'claimcmp[pandas]'``); span columns are nullable integers.
        """
        try:
            import pandas as pd
        except ImportError as exc:
            from claimcmp.errors import MissingDependencyError

            raise MissingDependencyError(
                "Report.to_pandas needs pandas; pip install 'claimcmp[pandas]' "
                "(or use Report.finding_rows() for plain dicts)."
            ) from exc
        frame = pd.DataFrame(
            self.finding_rows(review=review, dismissed=dismissed),
            columns=list(self.FINDING_COLUMNS),
        )
        for column in ("a_start", "a_end", "b_start", "b_end"):
            frame[column] = frame[column].astype("Int64")
        return frame

    def fingerprint(self, pair: ClaimPair, divergence: Divergence) -> str:
        """The finding's stable key in review files (:func:`claimcmp.review.fingerprint`)."""
        from claimcmp.review import fingerprint

        def claim(cid: str) -> dict[str, str]:
            c = self.claim(cid)
            return {"source": c.source, "text": c.text}

        found = {"kind": divergence.kind, "a_text": divergence.a_text, "b_text": divergence.b_text}
        return fingerprint(claim(pair.a), claim(pair.b), found)

    def review(
        self,
        finding: tuple[ClaimPair, Divergence] | str,
        decision: str,
        *,
        note: str = "",
        file: str | os.PathLike[str] | None = None,
        into: Review | None = None,
    ) -> Review:
        """Record an editor's ``decision`` (``"confirmed"`` or ``"dismissed"``) on ``finding``
        — a ``(pair, divergence)`` from :meth:`divergences`, or its fingerprint.

        With ``file``, the decision is added to that review file (created if missing) and the
        file is saved; ``into`` adds it to a review in memory. Returns the review. A later
        report of the same articles, rendered with the review (``to_text(review=...)``,
        ``claimcmp compare --review FILE``), hides the dismissed findings and marks the
        confirmed ones; see :mod:`claimcmp.review`.
        """
        from claimcmp.review import Review

        key = finding if isinstance(finding, str) else self.fingerprint(*finding)
        base = into if into is not None else Review()
        if file is not None:
            base = Review.load(file, missing_ok=True)
            if into is not None:
                raise ValueError("give 'file' or 'into', not both.")
        reviewed = base.decide(self.to_dict(), key, decision, note=note)
        if file is not None:
            reviewed.save(file)
        return reviewed

    @property
    def counts(self) -> dict[str, int]:
        """Number of pairs per verdict, plus ``unique`` claims."""
        c: Counter[str] = Counter(p.verdict for p in self.pairs)
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
        """The report as plain JSON-ready data (schema ``claimcmp.report/3``; written from the
        records' fields by :mod:`claimcmp.schema`)."""
        return {"schema": SCHEMA, **unstructure(self)}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (schema ``claimcmp.report/3``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> Report:
        """Rebuild a report from :meth:`to_dict` output, validating it as it goes
        (:func:`claimcmp.schema.structure`: the error names the JSON path at fault)."""
        if not isinstance(data, dict):
            raise SchemaError(f"'report' must be a JSON object (got {type(data).__name__}).")
        if data.get("schema") not in READABLE_SCHEMAS:
            raise SchemaError(
                f"'schema' must be {' or '.join(map(repr, READABLE_SCHEMAS))} "
                f"(got {data.get('schema')!r})."
            )
        report: Report = structure(cls, {k: v for k, v in data.items() if k != "schema"})
        return report

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        """Parse and validate a JSON report written by :meth:`to_json`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"report is not valid JSON: {exc}") from exc
        return cls.from_dict(data)

    # ---------------------------------------------------------------- render

    def _rendered(self, review: Review | None, show_dismissed: bool) -> dict[str, Any]:
        if review is None:
            return self.to_dict()
        from claimcmp.review import annotate

        return annotate(self.to_dict(), review, show_dismissed=show_dismissed)

    def to_text(
        self,
        *,
        color: bool = False,
        width: int = 100,
        review: Review | None = None,
        show_dismissed: bool = False,
    ) -> str:
        """A readable plain-text rendering (ANSI colour optional); with a ``review``, its
        dismissed findings are hidden (counted) unless ``show_dismissed``, confirmed ones marked."""
        from claimcmp.render import render_text

        return render_text(self._rendered(review, show_dismissed), color=color, width=width)

    def to_markdown(self, *, review: Review | None = None, show_dismissed: bool = False) -> str:
        """The report as Markdown (``review`` as in :meth:`to_text`)."""
        from claimcmp.render import render_markdown

        return render_markdown(self._rendered(review, show_dismissed))

    def to_html(
        self, *, full_page: bool = False, review: Review | None = None, show_dismissed: bool = False
    ) -> str:
        """The report as HTML (all text escaped); ``full_page`` adds ``<html>``; ``review`` as
        in :meth:`to_text`."""
        from claimcmp.render import render_html

        return render_html(self._rendered(review, show_dismissed), full_page=full_page)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": repr(self), "text/html": self.to_html()}
