"""The knowledge base as a graph (networkx), written as GraphML or JSON graph.

Nodes are people, organisations and places; edges are ``met`` (took part in the same
meeting, agreement or conference), ``visited`` (person or organisation -> place of a
visit), ``holds_office_at`` (person -> the organisation or place the office is of, when
it is a known entity) and ``committed_to`` (actor -> counterpart of a commitment).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import IO, Any

import networkx as nx

from passerelle.errors import ConfigError
from passerelle.query.filters import reading
from passerelle.store.knowledge import entity_by_name, q

FORMATS = ("graphml", "json-graph")


def build_graph(db: Any) -> nx.MultiDiGraph:
    """The whole knowledge base as a directed multigraph.

    Args:
        db: the ``Database``.

    Returns:
        Nodes ``"<kind>:<id>"`` with ``name, kind, country``; edges with ``relation`` and
        ``count``.
    """
    g = nx.MultiDiGraph()
    with reading(db) as conn:
        for r in q(conn, "SELECT id, kind, name, country FROM kb_entities WHERE merged_into IS NULL"):
            g.add_node(f"{r.kind}:{r.id}", name=r.name, kind=r.kind, country=r.country or "")
        _met(conn, g)
        _visited(conn, g)
        _offices(conn, g)
        _committed(conn, g)
    return g


def _add(g: nx.MultiDiGraph, a: str, b: str, relation: str) -> None:
    if a == b or a not in g or b not in g:
        return
    for key, data in g.get_edge_data(a, b, default={}).items():
        if data["relation"] == relation:
            g[a][b][key]["count"] += 1
            return
    g.add_edge(a, b, relation=relation, count=1)


def _node(kind: str, entity_id: int) -> str:
    return f"{kind}:{entity_id}"


def _met(conn: Any, g: nx.MultiDiGraph) -> None:
    groups: dict[int, list[str]] = {}
    for ev, kind, eid in q(conn, "SELECT DISTINCT l.event_id, n.kind, n.id FROM kb_event_links l "
                           "JOIN kb_events e ON e.id = l.event_id JOIN kb_entities n ON n.id = "
                           "l.entity_id WHERE l.role = 'participant' AND e.type != 'visit'"):
        groups.setdefault(ev, []).append(_node(kind, eid))
    for nodes in groups.values():
        for a, b in itertools.combinations(sorted(set(nodes)), 2):
            _add(g, a, b, "met")


def _visited(conn: Any, g: nx.MultiDiGraph) -> None:
    for kind, eid, pid in q(conn, "SELECT DISTINCT n.kind, n.id, e.place_id FROM kb_events e JOIN "
                            "kb_event_links l ON l.event_id = e.id AND l.role = 'participant' JOIN "
                            "kb_entities n ON n.id = l.entity_id WHERE e.type = 'visit' AND "
                            "e.place_id IS NOT NULL"):
        _add(g, _node(kind, eid), _node("place", pid), "visited")


def _offices(conn: Any, g: nx.MultiDiGraph) -> None:
    for eid, of in q(conn, "SELECT DISTINCT entity_id, of_name FROM kb_offices WHERE of_name IS "
                     "NOT NULL").all():
        for kind in ("organization", "place"):
            target = entity_by_name(conn, kind, of)
            if target:
                _add(g, _node("person", eid), _node(kind, target), "holds_office_at")
                break


def _committed(conn: Any, g: nx.MultiDiGraph) -> None:
    for ak, aid, ck, cid in q(conn, "SELECT a.kind, a.id, c.kind, c.id FROM kb_commitments k JOIN "
                              "kb_entities a ON a.id = k.actor_id JOIN kb_entities c ON c.id = "
                              "k.counterpart_id"):
        _add(g, _node(ak, aid), _node(ck, cid), "committed_to")


def export_graph(db: Any, fmt: str, out: str | Path | IO[Any]) -> dict[str, int]:
    """Write the knowledge-base graph.

    Args:
        db: the ``Database``.
        fmt: ``graphml`` or ``json-graph`` (networkx node-link JSON).
        out: a path or an open file (binary for GraphML, text for JSON).

    Returns:
        ``{"nodes": n, "edges": m}``.

    Raises:
        ConfigError: on an unknown format.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown graph format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    g = build_graph(db)
    if fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        data = json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, indent=1)
        if hasattr(out, "write"):
            out.write(data)  # type: ignore[union-attr]
        else:
            Path(out).write_text(data, encoding="utf-8")
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
