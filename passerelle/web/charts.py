"""Hand-drawn SVG charts: geometry computed here, drawn by the templates (no JS, no lib).

Pure functions from query results to plain dicts of coordinates. Not a stable API.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

#: One colour per sector slug (RECORD.md's fixed list), chosen for contrast on white
#: and to stay distinguishable next to each other in a stacked bar.
SECTOR_COLOURS = {
    "diplomacy": "#1f4e79", "economy": "#2e7d32", "education": "#6a1b9a", "culture": "#c2185b",
    "heritage": "#8d6e63", "tourism": "#00838f", "agriculture": "#7cb342", "fisheries": "#0277bd",
    "climate": "#00695c", "energy": "#f9a825", "health": "#d32f2f", "technology": "#5e35b1",
    "aerospace": "#455a64", "transport": "#ef6c00", "urban": "#795548", "community": "#ad1457",
    "defence": "#37474f",
}
_OTHER = "#9e9e9e"
CHART_W, CHART_H, PAD = 640, 220, 28


def _rows(rows: Any) -> list[tuple[str, str, int]]:
    """(period, sector, count) triples from the shapes ``sectors_over_time`` may return."""
    out: list[tuple[str, str, int]] = []
    for row in rows or []:
        period = str(row.get("period") or row.get("month") or row.get("year") or "")
        if isinstance(row.get("sectors"), dict):
            out.extend((period, s, int(n)) for s, n in row["sectors"].items())
        elif row.get("sector"):
            out.append((period, str(row["sector"]), int(row.get("count") or row.get("n") or 0)))
    return [r for r in out if r[0] and r[2] > 0]


def sector_chart(rows: Any) -> dict[str, Any]:
    """Stacked bars of events (or articles) per sector and period.

    Args:
        rows: what ``sectors_over_time`` returned.

    Returns:
        ``{"width", "height", "bars": [{x, y, w, h, colour, title}], "ticks": [...],
        "legend": [{sector, colour}]}``; ``bars`` is empty when there is no data.
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for period, sector, n in _rows(rows):
        counts[period][sector] += n
    periods = sorted(counts)[-24:]
    top = max((sum(counts[p].values()) for p in periods), default=0)
    chart: dict[str, Any] = {"width": CHART_W, "height": CHART_H, "bars": [], "ticks": [], "legend": []}
    if not top:
        return chart
    step = (CHART_W - 2 * PAD) / len(periods)
    scale = (CHART_H - 2 * PAD) / top
    used: set[str] = set()
    for i, period in enumerate(periods):
        chart["bars"].extend(_stack(counts[period], PAD + i * step, step * 0.8, scale, period, used))
        chart["ticks"].append({"x": PAD + i * step + step * 0.4, "label": period})
    chart["legend"] = [{"sector": s, "colour": SECTOR_COLOURS.get(s, _OTHER)} for s in sorted(used)]
    chart["top"] = top
    return chart


def _stack(by_sector: dict[str, int], x: float, w: float, scale: float, period: str,
           used: set[str]) -> list[dict[str, Any]]:
    y = CHART_H - PAD
    bars = []
    for sector, n in sorted(by_sector.items()):
        h = n * scale
        y -= h
        used.add(sector)
        bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(w, 1), "h": round(h, 1),
                     "colour": SECTOR_COLOURS.get(sector, _OTHER), "title": f"{period} · {sector}: {n}"})
    return bars


NET_SIZE, NET_MAX = 360, 24


def network(net: dict[str, Any], center: str) -> dict[str, Any]:
    """Circular layout of a profile's network, the profile's own node in the middle.

    Args:
        net: ``{"nodes": [{id, label, kind}], "edges": [{source, target, weight}]}``.
        center: id or label of the profile's entity.

    Returns:
        ``{"size", "nodes": [{id, label, kind, x, y, center}], "edges": [{x1, y1, x2, y2, w}]}``
        with at most ``NET_MAX`` nodes (the most connected ones).
    """
    nodes = list(net.get("nodes") or [])
    edges = list(net.get("edges") or [])
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[str(e.get("source"))] += 1
        degree[str(e.get("target"))] += 1
    hub = next((n for n in nodes if str(n.get("id")) == center or n.get("name") == center
                or n.get("label") == center or n.get("center")), None)
    others = sorted((n for n in nodes if n is not hub), key=lambda n: -degree[str(n.get("id"))])
    placed = _place(hub, others[: NET_MAX - 1])
    pos = {n["id"]: (n["x"], n["y"]) for n in placed}
    lines = [{"x1": pos[s][0], "y1": pos[s][1], "x2": pos[t][0], "y2": pos[t][1],
              "w": min(1 + int(e.get("weight") or 1), 6)}
             for e in edges for s, t in [(str(e.get("source")), str(e.get("target")))]
             if s in pos and t in pos]
    return {"size": NET_SIZE, "nodes": placed, "edges": lines}


def _place(hub: dict[str, Any] | None, others: list[dict[str, Any]]) -> list[dict[str, Any]]:
    mid, radius = NET_SIZE / 2, NET_SIZE / 2 - 50
    placed = []
    if hub is not None:
        placed.append(_node(hub, mid, mid, True))
    for i, n in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1) - math.pi / 2
        placed.append(_node(n, mid + radius * math.cos(angle), mid + radius * math.sin(angle), False))
    return placed


def _node(n: dict[str, Any], x: float, y: float, center: bool) -> dict[str, Any]:
    return {"id": str(n.get("id")), "label": str(n.get("label") or n.get("name") or n.get("id")),
            "kind": n.get("kind") or "person", "x": round(x, 1), "y": round(y, 1), "center": center}
