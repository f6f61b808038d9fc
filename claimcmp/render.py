"""Render: a report's plain dict (``Report.to_dict()``) as text, Markdown or HTML.

Renderers take the plain dict, not the objects, so a saved JSON report can be
rendered as well (``claimcmp render report.json``). HTML escapes every piece
of text slice by slice: highlighted spans are cut from the text first, then
each piece is escaped, so a ``<`` in an article can never become markup.
"""

from __future__ import annotations

import hashlib
import html
import json
import textwrap
from collections.abc import Iterable
from typing import Any

__all__ = ["render_html", "render_markdown", "render_text"]

_VERDICT_ORDER = {"divergence": 0, "paraphrase": 1, "agreement": 2, "unrelated": 3}


def _index(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    claims = {c["id"]: c for c in data["claims"]}
    sources = {s["id"]: s for s in data["sources"]}
    return claims, sources


def _pairs_by_verdict(data: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(
        data["pairs"],
        key=lambda p: (_VERDICT_ORDER.get(p["verdict"], 9), -float(p["confidence"])),
    )


def _group_pairs(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each group's pairs (both claims in the group), in report order — one pass over the
    pairs, not one per group (a 1,000-article report has thousands of each)."""
    group_of = {cid: g["id"] for g in data["groups"] for cid in g["claims"]}
    out: dict[str, list[dict[str, Any]]] = {g["id"]: [] for g in data["groups"]}
    for p in data["pairs"]:
        g = group_of.get(p["a"])
        if g is not None and group_of.get(p["b"]) == g:
            out[g].append(p)
    return out


def _versions(
    data: dict[str, Any],
) -> list[tuple[dict[str, Any], list[tuple[dict[str, Any], str]]]]:
    """Groups whose fact is told in more than one version, each version with a short label:
    what its claims say where they diverge from the other versions (the finding's span on its
    side: "partnership" vs "alliance"), or its first claim when no finding names a span."""
    claims, _ = _index(data)
    pairs_of = _group_pairs(data)
    out = []
    for g in data["groups"]:
        variants = g.get("variants") or []
        if len(variants) < 2:
            continue
        version_of = {cid: k for k, v in enumerate(variants) for cid in v["claims"]}
        said: list[list[str]] = [[] for _ in variants]
        for p in pairs_of[g["id"]]:
            ka, kb = version_of.get(p["a"]), version_of.get(p["b"])
            if ka is None or kb is None or ka == kb:
                continue
            for d in p["divergences"]:
                if d.get("severity") == "low" or d["kind"] in ("omission", "addition"):
                    continue
                if d.get("a_span") and d["a_text"]:
                    said[ka].append(d["a_text"])
                if d.get("b_span") and d["b_text"]:
                    said[kb].append(d["b_text"])
        labelled = []
        for k, v in enumerate(variants):
            words = list(dict.fromkeys(" ".join(x.split()) for x in said[k]))
            if words:
                label = " / ".join(words[:3])
            else:
                first = " ".join(claims[v["claims"][0]]["text"].split())
                label = first if len(first) <= 70 else first[:67] + "..."
            labelled.append((v, label))
        out.append((g, labelled))
    return out


def _version_summary(labelled: list[tuple[dict[str, Any], str]]) -> str:
    """ "2 independent sources: partnership · 1: alliance" (most-backed first)."""
    ranked = sorted(labelled, key=lambda x: -int(x[0]["independent"]))
    parts = []
    for k, (v, label) in enumerate(ranked):
        n = int(v["independent"])
        head = f"{n} independent source{'s' if n != 1 else ''}" if k == 0 else str(n)
        parts.append(f"{head}: {label}")
    return " · ".join(parts)


def _version_marks(v: dict[str, Any]) -> str:
    marks = [m for m, on in (("outlier", v.get("outlier")), ("latest", v.get("latest"))) if on]
    return f" ({', '.join(marks)})" if marks else ""


def _review_note(d: dict[str, Any]) -> str:
    """ " [dismissed: note]" / " [confirmed]" for a reviewed finding, else ""."""
    r = d.get("review")
    if not r:
        return ""
    note = " ".join(str(r.get("note") or "").split())
    return f" [{r['decision']}{': ' + note if note else ''}]"


def _review_line(data: dict[str, Any]) -> str | None:
    r = data.get("review")
    if not r:
        return None
    hidden = int(r.get("hidden", 0))
    shown = int(r.get("dismissed", 0)) - hidden
    parts = [f"{int(r.get('confirmed', 0))} confirmed"]
    if hidden:
        parts.append(f"{hidden} dismissed (hidden)")
    elif shown:
        parts.append(f"{shown} dismissed (shown)")
    else:
        parts.append("0 dismissed")
    return "review: " + ", ".join(parts)


# ------------------------------------------------------------------- text

_ANSI = {
    "divergence": "\x1b[31m",
    "paraphrase": "\x1b[33m",
    "agreement": "\x1b[32m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "reset": "\x1b[0m",
}


def _story_lines(data: dict[str, Any]) -> list[str]:
    """One line per story ("s1: a, b, c"), or one line when every source is in one story."""
    stories = data.get("stories") or []
    if len(stories) <= 1:
        return [f"1 story: all {len(data['sources'])} sources report one event"]
    return [f"{len(stories)} stories (claims are aligned only within a story):"] + [
        f"{st['id']}: {', '.join(st['sources'])}" for st in stories
    ]


def render_text(data: dict[str, Any], *, color: bool = False, width: int = 100) -> str:
    """Terminal rendering: summary, divergences first, then paraphrases, agreements, unique claims."""
    claims, sources = _index(data)

    def c(style: str, s: str) -> str:
        return f"{_ANSI[style]}{s}{_ANSI['reset']}" if color else s

    def wrap(prefix: str, text: str) -> list[str]:
        return textwrap.wrap(
            " ".join(text.split()),
            width=width,
            initial_indent=prefix,
            subsequent_indent=" " * len(prefix),
        ) or [prefix]

    counts: dict[str, int] = {}
    for p in data["pairs"]:
        counts[p["verdict"]] = counts.get(p["verdict"], 0) + 1
    lines = [
        c(
            "bold",
            f"claimcmp: {len(sources)} sources, {len(claims)} claims, {len(data['pairs'])} aligned pairs",
        ),
        "  "
        + ", ".join(f"{counts.get(v, 0)} {v}" for v in ("divergence", "paraphrase", "agreement"))
        + f", {len(data['unique'])} unique claims",
        *(("  " if k == 0 else "    ") + line for k, line in enumerate(_story_lines(data))),
        *([f"  {_review_line(data)}"] if _review_line(data) else []),
        *(
            [
                f"  {len(data['skipped'])} source{'s' if len(data['skipped']) > 1 else ''} skipped (see SKIPPED SOURCES)"
            ]
            if data.get("skipped")
            else []
        ),
        "",
        c("bold", "Sources"),
    ]
    for s in data["sources"]:
        meta = ", ".join(
            x
            for x in (
                s.get("title") and repr(s["title"]),
                s.get("published"),
                s.get("copy_of") and f"copy of {s['copy_of']}",
            )
            if x
        )
        lines.append(f"  {s['id']}" + (f"  ({meta})" if meta else ""))
    versions = _versions(data)
    if versions:
        lines += ["", c("bold", f"FACTS TOLD IN MORE THAN ONE VERSION ({len(versions)})")]
        for g, labelled in versions:
            lines += wrap(f"- {g['id']}: ", _version_summary(labelled))
            for v, label in labelled:
                lines += wrap("    ", f"{', '.join(v['sources'])}: {label!r}{_version_marks(v)}")
    for verdict in ("divergence", "paraphrase", "agreement"):
        ps = [p for p in _pairs_by_verdict(data) if p["verdict"] == verdict]
        if not ps:
            continue
        lines += ["", c("bold", f"{verdict.upper()} ({len(ps)})")]
        for p in ps:
            a, b = claims[p["a"]], claims[p["b"]]
            lines.append(
                c(verdict, f"- {verdict}")
                + (" (syndicated copies)" if p.get("syndicated") else "")
                + c("dim", f"  similarity {p['similarity']:.2f}, confidence {p['confidence']:.2f}")
            )
            lines += wrap(f"    [{a['source']}] ", a["text"])
            lines += wrap(f"    [{b['source']}] ", b["text"])
            for d in p["divergences"]:
                mark = "!" if d.get("severity", "high") != "low" else "~"
                lines += wrap(f"      {mark} {d['kind']}: ", d["explanation"] + _review_note(d))
    if data["unique"]:
        lines += ["", c("bold", f"ONLY ONE SOURCE ({len(data['unique'])})")]
        for cid in data["unique"]:
            cl = claims[cid]
            lines += wrap(f"  [{cl['source']}] ", cl["text"])
    if data.get("skipped"):
        lines += ["", c("bold", f"SKIPPED SOURCES ({len(data['skipped'])})")]
        for k in data["skipped"]:
            lines += wrap(f"  [{k['source']}] {k['type']}: ", k["message"])
    if data.get("anomalies"):
        lines += ["", c("bold", f"ANOMALIES IN A SINGLE SOURCE ({len(data['anomalies'])})")]
        for an in data["anomalies"]:
            lines += wrap(
                f"  [{an['source']}] {an['kind']}: ", f"{an['text']!r} — {an['explanation']}"
            )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------- markdown


def _md(text: str) -> str:
    out = " ".join(text.split())
    for ch in "\\`*_[]<>|":
        out = out.replace(ch, "\\" + ch)
    return out


def render_markdown(data: dict[str, Any]) -> str:
    """Markdown: a summary table, then each aligned pair, then unique claims."""
    claims, sources = _index(data)
    counts: dict[str, int] = {}
    for p in data["pairs"]:
        counts[p["verdict"]] = counts.get(p["verdict"], 0) + 1
    lines = [
        "# claimcmp report",
        "",
        "| sources | claims | aligned pairs | divergence | paraphrase | agreement | unique |",
        "|---|---|---|---|---|---|---|",
        f"| {len(sources)} | {len(claims)} | {len(data['pairs'])} | {counts.get('divergence', 0)} | "
        f"{counts.get('paraphrase', 0)} | {counts.get('agreement', 0)} | {len(data['unique'])} |",
        "",
        *(("- " if k else "") + _md(line) for k, line in enumerate(_story_lines(data))),
        *([f"- {_md(_review_line(data) or '')}"] if _review_line(data) else []),
        "",
    ]
    if data.get("skipped"):
        lines += [f"## Skipped sources ({len(data['skipped'])})", ""]
        lines += [
            f"- `{_md(k['source'])}` ({_md(k['type'])}): {_md(k['message'])}"
            for k in data["skipped"]
        ]
        lines.append("")
    lines += [
        "## Sources",
        "",
    ]
    for s in data["sources"]:
        extra = " — ".join(_md(x) for x in (s.get("title"), s.get("published")) if x)
        lines.append(
            f"- `{s['id']}`"
            + (f" — {extra}" if extra else "")
            + (f" — copy of `{s['copy_of']}`" if s.get("copy_of") else "")
        )
    versions = _versions(data)
    if versions:
        lines += ["", f"## Facts told in more than one version ({len(versions)})", ""]
        for g, labelled in versions:
            lines.append(f"- **{g['id']}**: {_md(_version_summary(labelled))}")
            for v, label in labelled:
                sources_md = ", ".join(f"`{_md(x)}`" for x in v["sources"])
                lines.append(f"  - “{_md(label)}”{_md(_version_marks(v))} — {sources_md}")
    for verdict in ("divergence", "paraphrase", "agreement"):
        ps = [p for p in _pairs_by_verdict(data) if p["verdict"] == verdict]
        if not ps:
            continue
        lines += ["", f"## {verdict.capitalize()} ({len(ps)})", ""]
        for p in ps:
            a, b = claims[p["a"]], claims[p["b"]]
            lines.append(
                f"- **{verdict}**"
                + (" (syndicated copies)" if p.get("syndicated") else "")
                + f" (similarity {p['similarity']:.2f}, confidence {p['confidence']:.2f})"
            )
            lines.append(f"  - `{a['source']}`: {_md(a['text'])}")
            lines.append(f"  - `{b['source']}`: {_md(b['text'])}")
            for d in p["divergences"]:
                lines.append(
                    f"  - *{d['kind']}*: {_md(d['explanation'])}"
                    + (" (low severity)" if d.get("severity") == "low" else "")
                    + _md(_review_note(d))
                )
    if data["unique"]:
        lines += ["", f"## Only one source ({len(data['unique'])})", ""]
        for cid in data["unique"]:
            cl = claims[cid]
            lines.append(f"- `{cl['source']}`: {_md(cl['text'])}")
    if data.get("anomalies"):
        lines += ["", f"## Anomalies in a single source ({len(data['anomalies'])})", ""]
        for an in data["anomalies"]:
            lines.append(
                f"- `{an['source']}` *{an['kind']}*: “{_md(an['text'])}” — {_md(an['explanation'])}"
            )
    return "\n".join(lines) + "\n"


# -------------------------------------------------------------------- html

_CSS = """
.claimcmp{font-family:system-ui,sans-serif;font-size:14px;line-height:1.45}
.claimcmp table{border-collapse:collapse;width:100%;margin:.5em 0}
.claimcmp td,.claimcmp th{border:1px solid #ddd;padding:6px;vertical-align:top;text-align:left}
.claimcmp th{background:#f5f5f5}
.claimcmp .v-divergence{border-left:4px solid #c62828}
.claimcmp .v-paraphrase{border-left:4px solid #f9a825}
.claimcmp .v-agreement{border-left:4px solid #2e7d32}
.claimcmp mark{background:#ffcdd2;padding:0 1px}
.claimcmp mark.low{background:#fff3c4}
.claimcmp .why{color:#555;font-size:12px}
.claimcmp .badge{font-size:11px;padding:1px 5px;border-radius:3px;background:#eee}
.claimcmp .versions{font-size:12px;color:#6a1b9a}
.claimcmp mark.low{background:transparent;border-bottom:1px dotted #999}
.claimcmp.show-coverage mark.low{background:#fff3c4;border-bottom:none}
.claimcmp .toolbar{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:6px;background:#fafafa;border:1px solid #ddd}
.claimcmp .findings{list-style:none;padding:0;margin:.5em 0;max-height:24em;overflow:auto;border:1px solid #ddd}
.claimcmp .findings li{padding:4px 6px;border-bottom:1px solid #eee;cursor:pointer}
.claimcmp .findings li:hover,.claimcmp .findings li.active{background:#e3f2fd}
.claimcmp .findings .sev-high{color:#c62828;font-weight:bold}
.claimcmp .findings .sev-medium{color:#ef6c00}
.claimcmp .findings .sev-low{color:#777}
.claimcmp .passages{display:flex;gap:12px}
.claimcmp [hidden]{display:none!important}
.claimcmp .passages>div{flex:1;border:1px solid #ddd;padding:6px;max-height:28em;overflow:auto;white-space:pre-wrap}
.claimcmp .passages mark{background:#ffcdd2}
"""


def _highlight(text: str, offset: int, spans: Iterable[tuple[int, int, str, bool]]) -> str:
    """Escape ``text`` (which starts at ``offset`` in its source), marking ``spans``."""
    pieces: list[str] = []
    pos = 0
    for s, e, title, low in sorted(set(spans)):
        s, e = s - offset, e - offset
        if s < pos or e > len(text) or s >= e:
            continue  # overlapping or outside this claim: leave unmarked
        pieces.append(html.escape(text[pos:s]))
        cls = ' class="low"' if low else ""
        pieces.append(f'<mark{cls} title="{html.escape(title)}">{html.escape(text[s:e])}</mark>')
        pos = e
    pieces.append(html.escape(text[pos:]))
    return "".join(pieces)


_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are escaped, so
    article text such as ``</script>`` cannot end the element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _finding_browser(data: dict[str, Any], claims: dict[str, Any], uid: str) -> list[str]:
    """The filter bar, the findings sorted by severity, the panel that shows a finding's two
    passages inside their full articles, and the data the script reads (as inert JSON)."""
    esc = html.escape
    rows = []
    for p in data["pairs"]:
        for d in p["divergences"]:
            rows.append((p, d))
    rows.sort(
        key=lambda x: (
            _SEVERITY_ORDER.get(x[1].get("severity", "high"), 3),
            _VERDICT_ORDER.get(x[0]["verdict"], 9),
            -float(x[1].get("confidence", 1.0)),
        )
    )
    kinds = sorted({d["kind"] for _, d in rows})
    verdicts = [
        v
        for v in ("divergence", "paraphrase", "agreement")
        if any(p["verdict"] == v for p, _ in rows)
    ]
    findings = []
    items = []
    for k, (p, d) in enumerate(rows):
        ca, cb = claims[p["a"]], claims[p["b"]]
        findings.append(
            {
                "a": ca["source"],
                "b": cb["source"],
                "a_span": d.get("a_span"),
                "b_span": d.get("b_span"),
                "a_claim": [ca["start"], ca["end"]],
                "b_claim": [cb["start"], cb["end"]],
                "title": f"{d['kind']}: {d['explanation']}",
            }
        )
        texts = " vs ".join(repr(t) for t in (d.get("a_text"), d.get("b_text")) if t)
        severity = d.get("severity", "high")
        items.append(
            f"<li class='finding' data-index='{k}' data-verdict='{esc(p['verdict'])}' "
            f"data-kind='{esc(d['kind'])}' data-severity='{esc(severity)}'>"
            f"<span class='sev-{esc(severity)}'>{esc(severity)}</span> "
            f"<b>{esc(d['kind'])}</b> {esc(texts)} "
            f"<span class='why'>{esc(ca['source'])} / {esc(cb['source'])} · {esc(p['verdict'])}"
            f"{esc(_review_note(d))}</span></li>"
        )
    texts_by_source = {s["id"]: s["text"] for s in data["sources"]}
    boxes = "".join(
        f"<label><input type='checkbox' class='f-verdict' value='{esc(v)}' checked> {esc(v)}</label>"
        for v in verdicts
    )
    options = "".join(f"<option value='{esc(k)}'>{esc(k)}</option>" for k in kinds)
    return [
        f"<h4>Findings (<span class='shown'>{len(rows)}</span> of {len(rows)}, most severe first)</h4>",
        "<div class='toolbar'>",
        f"<span>verdict: {boxes}</span>",
        f"<label>kind: <select class='f-kind'><option value=''>all</option>{options}</select></label>",
        "<label><input type='checkbox' class='f-coverage'> highlight coverage (omission / addition)</label>",
        "</div>",
        f"<ul class='findings'>{''.join(items)}</ul>",
        "<div class='passages' hidden><div class='side-a'></div><div class='side-b'></div></div>",
        f"<script type='application/json' class='claimcmp-data'>"
        f"{_script_json({'texts': texts_by_source, 'findings': findings})}</script>",
    ]


# Builds the passage view with text nodes only (never innerHTML): article text stays inert.
_SCRIPT = """(function(){
var root=document.getElementById('__ID__');if(!root)return;
var data=JSON.parse(root.querySelector('script.claimcmp-data').textContent);
var items=root.querySelectorAll('li.finding'),shown=root.querySelector('.shown');
function apply(){
 var on={};root.querySelectorAll('input.f-verdict').forEach(function(b){on[b.value]=b.checked;});
 var kind=root.querySelector('select.f-kind').value,n=0;
 items.forEach(function(li){var ok=on[li.dataset.verdict]&&(!kind||li.dataset.kind===kind);li.hidden=!ok;n+=ok?1:0;});
 shown.textContent=String(n);
 root.querySelectorAll('tr.group,tr.group-why').forEach(function(tr){
  var vs=(tr.dataset.verdicts||'').split(' ').filter(Boolean);
  tr.hidden=vs.length>0&&!vs.some(function(v){return on[v];});});
}
function passage(box,source,span,claim,title){
 box.textContent='';var h=document.createElement('h5');h.textContent=source;box.appendChild(h);
 var text=data.texts[source],cut=span||claim,body=document.createElement('div');
 body.appendChild(document.createTextNode(text.slice(0,cut[0])));
 var m=document.createElement('mark');m.textContent=text.slice(cut[0],cut[1]);m.title=title;
 if(!span){m.className='claim';}
 body.appendChild(m);body.appendChild(document.createTextNode(text.slice(cut[1])));
 box.appendChild(body);m.scrollIntoView({block:'nearest'});
}
function show(li){
 items.forEach(function(x){x.classList.remove('active');});li.classList.add('active');
 var f=data.findings[Number(li.dataset.index)],panel=root.querySelector('.passages');panel.hidden=false;
 passage(panel.querySelector('.side-a'),f.a,f.a_span,f.a_claim,f.title);
 passage(panel.querySelector('.side-b'),f.b,f.b_span,f.b_claim,f.title);
}
items.forEach(function(li){li.addEventListener('click',function(){show(li);});});
root.querySelectorAll('input.f-verdict').forEach(function(b){b.addEventListener('change',apply);});
root.querySelector('select.f-kind').addEventListener('change',apply);
root.querySelector('input.f-coverage').addEventListener('change',function(e){root.classList.toggle('show-coverage',e.target.checked);});
})();"""


def render_html(data: dict[str, Any], *, full_page: bool = False) -> str:
    """HTML: groups side by side (one column per source), divergent spans highlighted."""
    claims, sources = _index(data)
    esc = html.escape
    source_ids = [s["id"] for s in data["sources"]]
    marks: dict[str, list[tuple[int, int, str, bool]]] = {}
    verdict_of_claim: dict[str, str] = {}
    for p in data["pairs"]:
        for cid in (p["a"], p["b"]):
            prev = verdict_of_claim.get(cid)
            if prev is None or _VERDICT_ORDER[p["verdict"]] < _VERDICT_ORDER[prev]:
                verdict_of_claim[cid] = p["verdict"]
        for d in p["divergences"]:
            low = d.get("severity") == "low"
            title = f"{d['kind']}: {d['explanation']}"
            if d.get("a_span"):
                marks.setdefault(p["a"], []).append((d["a_span"][0], d["a_span"][1], title, low))
            if d.get("b_span"):
                marks.setdefault(p["b"], []).append((d["b_span"][0], d["b_span"][1], title, low))

    counts: dict[str, int] = {}
    for p in data["pairs"]:
        counts[p["verdict"]] = counts.get(p["verdict"], 0) + 1
    # One id per rendering, so that several reports on one page (a notebook) keep apart.
    uid = (
        "claimcmp-"
        + hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:12]
    )
    out = [f'<div class="claimcmp" id="{uid}"><style>{_CSS}</style>']
    out.append(
        f"<p><b>{len(sources)}</b> sources, <b>{len(claims)}</b> claims, "
        f"<b>{len(data['pairs'])}</b> aligned pairs: {counts.get('divergence', 0)} divergence, "
        f"{counts.get('paraphrase', 0)} paraphrase, {counts.get('agreement', 0)} agreement; "
        f"{len(data['unique'])} unique claims.</p>"
    )
    story_lines = _story_lines(data)
    if _review_line(data):
        story_lines = [*story_lines, _review_line(data) or ""]
    out.append(
        "<p class='stories'>"
        + esc(story_lines[0])
        + "".join("<br>" + esc(x) for x in story_lines[1:])
        + "</p>"
    )
    if data.get("skipped"):
        out.append(f"<h4>Skipped sources ({len(data['skipped'])})</h4><ul>")
        for k in data["skipped"]:
            out.append(
                f"<li><code>{esc(k['source'])}</code> {esc(k['type'])}: {esc(k['message'])}</li>"
            )
        out.append("</ul>")
    out += _finding_browser(data, claims, uid)
    header = "".join(
        f"<th>{esc(sid)}"
        + (
            f"<br><span class='why'>{esc(sources[sid].get('title') or '')}</span>"
            if sources[sid].get("title")
            else ""
        )
        + (
            f"<br><span class='badge'>copy of {esc(sources[sid]['copy_of'])}</span>"
            if sources[sid].get("copy_of")
            else ""
        )
        + "</th>"
        for sid in source_ids
    )
    out.append(f"<table><thead><tr><th>group</th>{header}</tr></thead><tbody>")

    def cell(cid: str | None) -> str:
        if cid is None:
            return "<td></td>"
        cl = claims[cid]
        v = verdict_of_claim.get(cid, "")
        body = _highlight(cl["text"], cl["start"], marks.get(cid, []))
        return f'<td class="v-{esc(v)}">{body}</td>'

    def sort_key(g: dict[str, Any]) -> tuple[int, str]:
        best = min(
            (_VERDICT_ORDER[verdict_of_claim.get(c, "unrelated")] for c in g["claims"]), default=9
        )
        return best, g["id"]

    version_rows = {
        g["id"]: _version_summary(labelled)
        + "".join(f" [{label}{_version_marks(v)}]" for v, label in labelled if _version_marks(v))
        for g, labelled in _versions(data)
    }
    pairs_of = _group_pairs(data)
    for g in sorted(data["groups"], key=sort_key):
        by_source = {claims[c]["source"]: c for c in g["claims"]}
        verdicts = sorted(
            {verdict_of_claim.get(c, "") for c in g["claims"]} - {""},
            key=lambda v: _VERDICT_ORDER[v],
        )
        label = esc(g["id"]) + "".join(f" <span class='badge'>{esc(v)}</span>" for v in verdicts)
        if g.get("independent_sources"):
            label += f"<br><span class='why'>{int(g['independent_sources'])} independent</span>"
        if g["id"] in version_rows:
            label += f"<br><span class='versions'>{esc(version_rows[g['id']])}</span>"
        out.append(
            f"<tr class='group' data-verdicts='{esc(' '.join(verdicts))}'><td>{label}</td>"
            f"{''.join(cell(by_source.get(s)) for s in source_ids)}</tr>"
        )
        reasons = [
            f"{esc(d['kind'])}: {esc(d['explanation'])}{esc(_review_note(d))}"
            for p in pairs_of[g["id"]]
            for d in p["divergences"]
            if d.get("severity") != "low"
        ]
        if reasons:
            out.append(
                f"<tr class='group-why' data-verdicts='{esc(' '.join(verdicts))}'><td></td>"
                f"<td colspan='{len(source_ids)}' class='why'>"
                + "<br>".join(dict.fromkeys(reasons))
                + "</td></tr>"
            )
    out.append("</tbody></table>")
    if data["unique"]:
        out.append(f"<h4>Only one source ({len(data['unique'])})</h4><ul>")
        for cid in data["unique"]:
            cl = claims[cid]
            out.append(f"<li><code>{esc(cl['source'])}</code>: {esc(cl['text'])}</li>")
        out.append("</ul>")
    if data.get("anomalies"):
        out.append(f"<h4>Anomalies in a single source ({len(data['anomalies'])})</h4><ul>")
        for an in data["anomalies"]:
            out.append(
                f"<li><code>{esc(an['source'])}</code> <b>{esc(an['kind'])}</b>: "
                f"<mark>{esc(an['text'])}</mark> — {esc(an['explanation'])}</li>"
            )
        out.append("</ul>")
    out.append(f"<script>{_SCRIPT.replace('__ID__', uid)}</script>")
    out.append("</div>")
    body = "\n".join(out)
    if full_page:
        return (
            "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>claimcmp report</title></head>"
            f"<body>\n{body}\n</body></html>\n"
        )
    return body
