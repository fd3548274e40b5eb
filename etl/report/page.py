"""`kbio report`: one self-contained HTML page (no CDN, no server, opens offline) of the
Korea-Boston network, the timeline of visits and signings per region, agreements and
amounts per region, and a table of every fact shown with its evidence and article.

The charts are inline SVG. The fact table, the evidence sentences and the article list
travel as gzip-compressed JSON inside the page and are drawn by a few lines of inline
JavaScript (the browser's own DecompressionStream), which keeps a report of 10,000
articles under 5 MB.
"""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path

from sqlalchemy import Engine

from etl import __version__
from etl.report.charts import (
    FONT_STACK,
    KIND_COLOURS,
    KIND_LABELS,
    agreements_bar_svg,
    amounts_bar_svg,
    amounts_by_region,
    network_svg,
    timeline_svg,
)
from etl.report.data import ReportData, gather


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    facts: int
    articles: int
    size_bytes: int


def payload(data: ReportData) -> dict:
    """The table's data: facts point into the evidence list, evidence into articles."""
    article_index = {article_id: i for i, article_id in enumerate(sorted(data.articles))}
    evidence: list[list] = []
    evidence_index: dict[tuple[int, str], int] = {}

    def evidence_of(article_id: int, sentence: str) -> int:
        key = (article_id, sentence)
        if key not in evidence_index:
            evidence_index[key] = len(evidence)
            evidence.append([article_index[article_id], sentence])
        return evidence_index[key]

    facts = [
        [
            f.kind,
            f.status,
            f.on.isoformat() if f.on else None,
            f.region_ko,
            f.official or "",
            f.korean.name_ko,
            f.boston.name_ko,
            f.boston.name_en or "",
            f.article_count,
            evidence_of(f.article_id, f.evidence),
            f.happened_on is not None,  # else the date is the first report's
        ]
        for f in sorted(
            data.facts, key=lambda f: (f.on or date.min, f.kind, f.event_id), reverse=True
        )
    ]
    amounts = [
        [
            float(a.value),
            a.currency,
            a.qualifier,
            a.raw_text,
            a.region_ko,
            evidence_of(a.article_id, a.evidence),
        ]
        for a in data.amounts
    ]
    articles = [
        [
            a.article_id,
            a.title or a.source_name,
            a.publisher,
            a.published_on.isoformat() if a.published_on else None,
            a.source_name,
        ]
        for _, a in sorted(data.articles.items())
    ]
    return {"facts": facts, "amounts": amounts, "evidence": evidence, "articles": articles}


def encode_payload(content: dict) -> str:
    raw = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, mtime=0)).decode("ascii")


def decode_payload(encoded: str) -> dict:
    """The inverse of encode_payload (what the page's script does)."""
    return json.loads(gzip.decompress(base64.b64decode(encoded)).decode("utf-8"))


_STYLE = """
:root { font-family: %(fonts)s; color: #222; }
body { margin: 2rem auto; max-width: 1180px; padding: 0 1rem; line-height: 1.45; }
svg text { font-family: %(fonts)s !important; }
svg.network text { font-size: 12px; }
svg.network text.head { font-weight: bold; font-size: 13px; }
svg.network g.node:hover text { font-weight: bold; }
svg.network path.edge:hover { opacity: 1; }
h1 { margin-bottom: 0.2rem; } .meta { color: #666; margin-top: 0; }
.legend span { display: inline-block; margin-right: 1.2rem; }
.legend i { display: inline-block; width: 18px; height: 4px; vertical-align: middle; margin-right: 4px; }
figure { margin: 1rem 0 2rem; overflow-x: auto; } figure svg { max-width: 100%%; height: auto; }
table { border-collapse: collapse; width: 100%%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f6f6; position: sticky; top: 0; }
td.num { text-align: right; white-space: nowrap; }
.planned { color: #8a6d00; } .done { color: #1b6e20; }
#pager button { margin: 0 0.3rem; } #search { width: 20rem; padding: 3px; }
ol#evidence li:target, ol#articles li:target { background: #fff6bf; }
.empty { color: #888; font-style: italic; }
"""

_SCRIPT = """
(async () => {
  const status = document.getElementById('loading');
  if (!('DecompressionStream' in window)) {
    status.textContent = 'This browser cannot unpack the fact table (it needs DecompressionStream).';
    return;
  }
  const bytes = Uint8Array.from(atob(document.getElementById('kbio-data').textContent.trim()), c => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  const data = JSON.parse(await new Response(stream).text());
  const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  const labels = %(labels)s;
  document.getElementById('evidence').innerHTML = data.evidence.map((e, i) =>
    `<li id="e-${i}">${esc(e[1])} <a href="#a-${e[0]}">[${esc(data.articles[e[0]][1])}]</a></li>`).join('');
  document.getElementById('articles').innerHTML = data.articles.map((a, i) =>
    `<li id="a-${i}"><b>${esc(a[1])}</b> ${esc(a[2] || '')} ${esc(a[3] || '')} <code>${esc(a[4])}</code></li>`).join('');
  document.getElementById('amount-rows').innerHTML = data.amounts.map(a =>
    `<tr><td class="num">${esc(a[0].toLocaleString())} ${esc(a[1])}</td><td>${esc(a[3])}</td><td>${esc(a[2])}</td>` +
    `<td>${esc(a[4] || '')}</td><td><a href="#e-${a[5]}">근거 evidence</a> · <a href="#a-${data.evidence[a[5]][0]}">기사 article</a></td></tr>`).join('');
  let rows = data.facts, page = 0;
  const size = 100, body = document.getElementById('fact-rows'), pager = document.getElementById('pager');
  const draw = () => {
    const pages = Math.max(1, Math.ceil(rows.length / size));
    page = Math.min(page, pages - 1);
    body.innerHTML = rows.slice(page * size, page * size + size).map(f =>
      `<tr><td>${esc(labels[f[0]])}</td><td class="${['completed','signed','agreed'].includes(f[1]) ? 'done' : 'planned'}">${esc(f[1])}</td>` +
      `<td class="num">${esc(f[2] || '')}</td><td>${esc(f[3] || '')}</td><td>${esc(f[4])}</td><td>${esc(f[5])}</td>` +
      `<td title="${esc(f[7])}">${esc(f[6])}</td><td class="num">${f[8]}</td>` +
      `<td><a href="#e-${f[9]}">근거 evidence</a> · <a href="#a-${data.evidence[f[9]][0]}">기사 article</a></td></tr>`).join('');
    pager.innerHTML = `${rows.length} facts · page ${page + 1} of ${pages} ` +
      `<button ${page ? '' : 'disabled'} data-step="-1">◀</button><button ${page < pages - 1 ? '' : 'disabled'} data-step="1">▶</button>`;
  };
  pager.addEventListener('click', e => { if (e.target.dataset.step) { page += +e.target.dataset.step; draw(); } });
  document.getElementById('search').addEventListener('input', e => {
    const q = e.target.value.trim().toLowerCase();
    rows = q ? data.facts.filter(f => f.join(' ').toLowerCase().includes(q)) : data.facts;
    page = 0; draw();
  });
  draw();
  status.remove();
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
})();
"""


def render(data: ReportData, database: str) -> str:
    """The whole page, as one string."""
    fonts = ", ".join(f'"{f}"' if " " in f else f for f in FONT_STACK)
    filters = []
    if data.since:
        filters.append(f"since {data.since.isoformat()}")
    if data.region:
        filters.append(f"region {data.region}")
    if data.min_confidence is not None:
        filters.append(f"confidence at least {data.min_confidence:.2f}")
    visits = data.counts.get("visit", 0)
    agreements = len({f.event_id for f in data.facts if f.kind != "visit"})
    legend = "".join(
        f'<span><i style="background:{colour}"></i>{escape(KIND_LABELS[kind])}</span>'
        for kind, colour in KIND_COLOURS.items()
    )
    amount_rows = "".join(
        f"<tr><td>{escape(region)}</td>"
        f'<td class="num">{sums.get("KRW", 0):,.0f} ({counts.get("KRW", 0)})</td>'
        f'<td class="num">{sums.get("USD", 0):,.0f} ({counts.get("USD", 0)})</td></tr>'
        for region, sums, counts in amounts_by_region(data.amounts)
    )
    undated = (
        f" {data.undated} undated facts are left out by --since."
        if data.since and data.undated
        else ""
    ) + (
        f" {data.weak} facts below the confidence asked for are left out."
        if data.min_confidence is not None and data.weak
        else ""
    )
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kbio {escape(__version__)}">
<title>kbio report: Korea–Boston biotech engagement</title>
<style>{_STYLE % {"fonts": fonts}}</style>
</head>
<body>
<h1>한국–보스턴 바이오 교류 Korea–Boston biotech engagement</h1>
<p class="meta">{escape(database)} · generated {generated} · {escape(", ".join(filters) or "all facts")} ·
{visits} visits, {agreements} agreements, {len(data.amounts)} amounts from {len(data.articles)} articles
(each real-world visit or signing counted once, however many articles report it).{escape(undated)}</p>

<h2>Network</h2>
<p class="legend">{legend} Line width: number of visits or agreements. Hover a name for its English name.</p>
<figure id="network">{network_svg(data.facts)}</figure>

<h2>Timeline by region</h2>
<p>Filled markers: completed visits, signed or agreed agreements; hollow: planned. Undated facts are in the table only.</p>
<figure id="timeline">{timeline_svg(data.facts)}</figure>

<h2>Agreements by region and kind</h2>
<figure id="agreements">{agreements_bar_svg(data.facts)}</figure>

<h2>Amounts announced by region</h2>
<p>Sums of the amounts stated in the articles shown, in their own currency (never converted);
in brackets, how many amounts.</p>
<table><thead><tr><th>region</th><th>KRW</th><th>USD</th></tr></thead><tbody>{amount_rows}</tbody></table>
<figure id="amounts">{amounts_bar_svg(data.amounts)}</figure>
<table><thead><tr><th>amount</th><th>as written</th><th>qualifier</th><th>region</th><th>source</th></tr></thead>
<tbody id="amount-rows"></tbody></table>

<h2>Every fact shown</h2>
<p><input id="search" type="search" placeholder="filter: name, region, status, date…"> <span id="pager"></span></p>
<p id="loading">Unpacking the table…</p>
<table>
<thead><tr><th>kind</th><th>status</th><th>date</th><th>region</th><th>official</th><th>Korean side</th>
<th>Boston side</th><th>articles</th><th>source</th></tr></thead>
<tbody id="fact-rows"></tbody>
</table>

<h2>Evidence sentences</h2>
<ol id="evidence" start="0"></ol>

<h2>Articles</h2>
<ol id="articles" start="0"></ol>

<script type="application/octet-stream" id="kbio-data">{encode_payload(payload(data))}</script>
<script>{_SCRIPT % {"labels": json.dumps(KIND_LABELS, ensure_ascii=False)}}</script>
</body>
</html>
"""


def write_report(
    engine: Engine,
    out: Path,
    database: str,
    since: date | None = None,
    region: str | None = None,
    min_confidence: float | None = None,
) -> ReportSummary:
    """Build the report from the database's public views and write it to ``out``."""
    with engine.connect() as conn:
        data = gather(conn, since, region, min_confidence)
    page = render(data, database)
    out.write_text(page, encoding="utf-8")
    return ReportSummary(out, len(data.facts), len(data.articles), len(page.encode("utf-8")))
