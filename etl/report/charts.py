"""The pictures of `kbio report`, as SVG text to inline in the page.

The network is drawn here, placed by networkx: a force-directed layout orders each
column so that connected organizations sit near each other, then the columns are
straightened. Its labels sit at the ends of fixed columns, so the layout does not
depend on any font's widths. The timeline and bar charts are drawn by matplotlib, with
text kept as text (``svg.fonttype = none``) so the browser draws Korean with the page's
font stack.
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from collections import Counter, defaultdict
from datetime import date
from html import escape

from etl.report.data import Amount, Fact, Side

# What a reader tells apart at a glance: one colour per kind, the same in every chart.
KIND_COLOURS = {
    "visit": "#1f77b4",
    "mou": "#2ca02c",
    "contract": "#d62728",
    "cooperation": "#ff7f0e",
}
KIND_LABELS = {
    "visit": "방문 visit",
    "mou": "MOU",
    "contract": "계약 contract",
    "cooperation": "협력 cooperation",
}
UNKNOWN_REGION = "(지역 미상 no region)"
FONT_STACK = [
    "Noto Sans KR",
    "Noto Sans CJK KR",
    "Apple SD Gothic Neo",
    "Malgun Gothic",
    "NanumGothic",
    "sans-serif",
]


# Names drawn per side of the network.
MAX_NODES_PER_SIDE = 40


def _title(side: Side) -> str:
    return f"{side.name_ko} — {side.name_en}" if side.name_en else side.name_ko


def network_svg(facts: list[Fact], width: int = 1100) -> str:
    """Korean side on the left, Boston side on the right, one edge per pair and kind
    (width by count, colour by kind); English names on hover."""
    import networkx as nx

    if not facts:
        return '<p class="empty">No visit or agreement to draw.</p>'
    # The busiest names of each side: a network of thousands of names is unreadable,
    # and every fact is in the table anyway.
    weight: Counter = Counter()
    for fact in facts:
        weight[fact.korean.key] += 1
        weight[fact.boston.key] += 1
    korean_keys = {f.korean.key for f in facts}
    boston_keys = {f.boston.key for f in facts}
    shown = {
        *sorted(korean_keys, key=lambda k: (-weight[k], k))[:MAX_NODES_PER_SIDE],
        *sorted(boston_keys, key=lambda k: (-weight[k], k))[:MAX_NODES_PER_SIDE],
    }
    graph = nx.Graph()
    sides: dict[str, Side] = {}
    edges: Counter = Counter()
    for fact in facts:
        if fact.korean.key not in shown or fact.boston.key not in shown:
            continue
        sides[fact.korean.key], sides[fact.boston.key] = fact.korean, fact.boston
        graph.add_node(fact.korean.key, column=0)
        graph.add_node(fact.boston.key, column=1)
        graph.add_edge(fact.korean.key, fact.boston.key)
        edges[(fact.korean.key, fact.boston.key, fact.kind)] += 1
    layout = nx.spring_layout(graph, seed=7, iterations=60)
    left = sorted(
        (n for n, d in graph.nodes(data=True) if d["column"] == 0), key=lambda n: (-layout[n][1], n)
    )
    right = sorted(
        (n for n, d in graph.nodes(data=True) if d["column"] == 1), key=lambda n: (-layout[n][1], n)
    )
    row, top = 22, 40
    height = top + row * max(len(left), len(right)) + 20
    x_left, x_right = 330, width - 330

    def spread(nodes: list[str], x: int) -> dict[str, tuple[int, float]]:
        step = (height - top - 20) / max(len(nodes), 1)
        return {n: (x, top + step * (i + 0.5)) for i, n in enumerate(nodes)}

    at = {**spread(left, x_left), **spread(right, x_right)}
    kinds = sorted({k for _, _, k in edges})
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="Korea-Boston network">',
        f'<text x="{x_left}" y="20" text-anchor="end" class="head">한국 Korea</text>',
        f'<text x="{x_right}" y="20" class="head">보스턴·매사추세츠 Boston area</text>',
    ]
    for (source, target, kind), count in sorted(edges.items()):
        (x1, y1), (x2, y2) = at[source], at[target]
        offset = (kinds.index(kind) - (len(kinds) - 1) / 2) * 3
        mid = (x1 + x2) / 2
        stroke = 1 + 1.5 * math.sqrt(count)
        tip = f"{sides[source].name_ko} → {sides[target].name_ko}: {KIND_LABELS[kind]} × {count}"
        parts.append(
            f'<path class="edge" data-source="{escape(source)}" data-target="{escape(target)}" '
            f'data-kind="{kind}" data-count="{count}" '
            f'd="M{x1 + 6},{y1 + offset:.1f} C{mid},{y1 + offset:.1f} {mid},{y2 + offset:.1f} '
            f'{x2 - 6},{y2 + offset:.1f}" stroke="{KIND_COLOURS[kind]}" '
            f'stroke-width="{stroke:.1f}" fill="none" opacity="0.7"><title>{escape(tip)}</title></path>'
        )
    for key in left + right:
        x, y = at[key]
        side = sides[key]
        anchor, dx = ("end", -10) if key in left else ("start", 10)
        parts.append(
            f'<g class="node" data-key="{escape(key)}"><title>{escape(_title(side))}</title>'
            f'<circle cx="{x}" cy="{y:.1f}" r="5" fill="#444"/>'
            f'<text x="{x + dx}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(side.name_ko)}</text></g>'
        )
    parts.append("</svg>")
    total = len(korean_keys) + len(boston_keys)
    note = (
        f'<p class="note">The {len(graph)} busiest of {total} names are drawn; '
        "every fact is in the table below.</p>"
        if len(graph) < total
        else ""
    )
    return "".join(parts) + note


def _pyplot():
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    # The fonts of the stack may be missing here; the browser draws the text anyway.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "kbio",
            "font.family": FONT_STACK,
            "font.size": 10,
        }
    )
    return plt


def _svg(figure) -> str:
    plt = _pyplot()
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs missing from the measuring font
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    # The page's style gives every SVG text its font stack; the copy on each element
    # (matplotlib's whole fallback list) would only add weight.
    text = re.sub(r"font-family: [^;\"]*;? ?", "", text)
    return text[text.index("<svg") :]


def timeline_svg(facts: list[Fact]) -> str:
    """One row per Korean region, facts by month: filled when completed or signed,
    hollow when planned; marker size by count."""
    dated = [f for f in facts if f.on is not None]
    if not dated:
        return '<p class="empty">No dated visit or agreement.</p>'
    plt = _pyplot()
    cells: Counter = Counter()
    for f in dated:
        month = date(f.on.year, f.on.month, 1)
        cells[(f.region_ko or UNKNOWN_REGION, month, f.kind, f.is_done)] += 1
    totals = Counter()
    for (region, *_), n in cells.items():
        totals[region] += n
    regions = sorted(totals, key=lambda r: (-totals[r], r))
    figure, axis = plt.subplots(figsize=(11, 0.45 * len(regions) + 1.4))
    markers = {"visit": "o", "mou": "D", "contract": "s", "cooperation": "^"}
    shift = {"visit": -0.2, "mou": 0.0, "contract": 0.1, "cooperation": 0.2}
    row = {region: i for i, region in enumerate(regions)}
    groups: dict[tuple[str, bool], list[tuple]] = defaultdict(list)
    for (region, month, kind, done), n in sorted(cells.items()):
        groups[(kind, done)].append((month, row[region] + shift[kind], 30 + 25 * math.sqrt(n)))
    for (kind, done), points in sorted(groups.items()):
        months, ys, sizes = zip(*points, strict=True)
        axis.scatter(
            months,
            ys,
            s=sizes,
            marker=markers[kind],
            facecolors=KIND_COLOURS[kind] if done else "white",
            edgecolors=KIND_COLOURS[kind],
            linewidths=1.5,
            zorder=3,
        )
    axis.set_yticks(range(len(regions)), regions)
    axis.set_ylim(len(regions) - 0.5, -0.5)  # every row in view, the busiest on top
    axis.grid(axis="x", color="#ddd")
    axis.set_axisbelow(True)
    for kind, marker in markers.items():
        axis.scatter([], [], marker=marker, color=KIND_COLOURS[kind], label=KIND_LABELS[kind])
    axis.scatter([], [], marker="o", facecolors="white", edgecolors="#555", label="예정 planned")
    axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    figure.autofmt_xdate()
    return _svg(figure)


def agreements_bar_svg(facts: list[Fact]) -> str:
    """Agreement events per Korean region and kind (an event counts once per region)."""
    seen = {(f.event_id, f.region_ko or UNKNOWN_REGION, f.kind) for f in facts if f.kind != "visit"}
    if not seen:
        return '<p class="empty">No agreement.</p>'
    plt = _pyplot()
    counts: dict[str, Counter] = defaultdict(Counter)
    for _, region, kind in seen:
        counts[region][kind] += 1
    regions = sorted(counts, key=lambda r: (-sum(counts[r].values()), r))
    figure, axis = plt.subplots(figsize=(9, 0.4 * len(regions) + 1.2))
    left = [0] * len(regions)
    for kind in ("mou", "contract", "cooperation"):
        values = [counts[r][kind] for r in regions]
        axis.barh(regions, values, left=left, color=KIND_COLOURS[kind], label=KIND_LABELS[kind])
        left = [a + b for a, b in zip(left, values, strict=True)]
    axis.invert_yaxis()
    axis.set_xlabel("agreements (events)")
    axis.xaxis.get_major_locator().set_params(integer=True)
    axis.legend(loc="lower right", frameon=False)
    return _svg(figure)


def amounts_by_region(amounts: list[Amount]) -> list[tuple[str, Counter, Counter]]:
    """(region, sum by currency, count by currency), largest first."""
    sums: dict[str, Counter] = defaultdict(Counter)
    counts: dict[str, Counter] = defaultdict(Counter)
    for amount in amounts:
        region = amount.region_ko or UNKNOWN_REGION
        sums[region][amount.currency] += amount.value
        counts[region][amount.currency] += 1
    return sorted(
        ((r, sums[r], counts[r]) for r in sums),
        key=lambda row: (-row[1].get("USD", 0), -row[1].get("KRW", 0), row[0]),
    )


def amounts_bar_svg(amounts: list[Amount]) -> str:
    """Announced amounts per region: one panel in KRW, one in USD (never converted)."""
    rows = amounts_by_region(amounts)
    if not rows:
        return '<p class="empty">No amount.</p>'
    plt = _pyplot()
    regions = [r for r, _, _ in rows]
    panels = [
        (currency, scale, unit)
        for currency, scale, unit in (("KRW", 1e8, "억 원 (100M KRW)"), ("USD", 1e6, "million USD"))
        if any(s.get(currency) for _, s, _ in rows)
    ]
    if not panels:
        return '<p class="empty">No amount in KRW or USD.</p>'
    figure, axes = plt.subplots(
        1, len(panels), figsize=(5.5 * len(panels), 0.4 * len(regions) + 1.2), squeeze=False
    )
    for axis, (currency, scale, unit) in zip(axes[0], panels, strict=True):
        values = [float(s.get(currency, 0)) / scale for _, s, _ in rows]
        axis.barh(regions, values, color="#7f7f7f" if currency == "KRW" else "#9467bd")
        axis.set_xlabel(unit)
        axis.invert_yaxis()
    return _svg(figure)
