// Map: Leaflet over the vendored offline basemap (no tile server, no CDN).
"use strict";

(function () {
  const BASEMAP = "/static/vendor/basemap/countries.geojson";
  // Regions and départements of France, provinces of Vietnam: committed data, see static/basemap/README.md.
  const ADMIN = "/static/basemap/admin1-fr-vn.geojson";
  const PROFILE = { person: "people", organization: "organizations", place: "places" };
  // Panes stack the outlines under the markers (Leaflet's overlay pane is at z-index 400).
  const PANES = { basemap: 250, regions: 300, departments: 310 };
  const ADMIN_LAYERS = [
    { pane: "regions", label: "Regions (France) and provinces (Vietnam)", on: true, weight: 1.3, color: "#566678",
      keep: (p) => p.level !== "department" },
    { pane: "departments", label: "Départements (France)", on: false, weight: 0.6, color: "#9aa5b2",
      keep: (p) => p.level === "department" },
  ];

  function addPanes(map) {
    Object.entries(PANES).forEach(([name, z]) => { map.createPane(name).style.zIndex = String(z); });
  }

  function baseLayer(map) {
    return fetch(BASEMAP).then((r) => r.json()).then((geo) => {
      L.geoJSON(geo, {
        pane: "basemap",
        style: (f) => ({ color: "#7a8797", weight: f.properties.detailed ? 1 : 0.6, fillColor: "#fbfaf6", fillOpacity: 1 }),
        interactive: false,
      }).addTo(map);
    });
  }

  function adminTooltip(p) {
    // Built as DOM text, never HTML, so a name cannot inject markup.
    const box = document.createElement("span");
    const name = document.createElement("strong");
    name.textContent = p.name;
    const what = p.level === "department" ? "département" + (p.region ? ", " + p.region : "")
      : p.level === "province" ? "province (before the 2025 merger)" : "region";
    box.append(name, document.createTextNode(" · " + what));
    return box;
  }

  function adminLayer(geo, spec) {
    return L.geoJSON(geo, {
      pane: spec.pane,
      filter: (f) => spec.keep(f.properties),
      style: () => ({ color: spec.color, weight: spec.weight, fill: true, fillOpacity: 0, className: "admin-" + spec.pane }),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(adminTooltip(f.properties), { sticky: true, className: "admin-tip" });
        layer.on("mouseover", () => layer.setStyle({ weight: spec.weight + 1.5, color: "#2f3e50" }));
        layer.on("mouseout", () => layer.setStyle({ weight: spec.weight, color: spec.color }));
      },
    });
  }

  function adminLayers(map, collapsed) {
    return fetch(ADMIN).then((r) => (r.ok ? r.json() : null)).then((geo) => {
      if (!geo) return;
      const overlays = {};
      ADMIN_LAYERS.forEach((spec) => {
        const layer = adminLayer(geo, spec);
        overlays[spec.label] = layer;
        if (spec.on) layer.addTo(map);
      });
      L.control.layers(null, overlays, { collapsed: collapsed }).addTo(map);
    });
  }

  function popupFor(p) {
    const box = document.createElement("div");
    const a = document.createElement("a");
    const name = p.name || p.key || "place";
    a.href = "/places/" + encodeURIComponent(p.id != null ? p.id : name);
    a.textContent = name;
    const info = document.createElement("div");
    info.textContent = [p.visits ? p.visits + " visit(s)" : "", p.meetings ? p.meetings + " meeting(s)" : "",
      p.events ? p.events + " event(s)" : ""].filter(Boolean).join(" · ");
    box.append(a, info);
    return box;
  }

  function addMarkers(map, places) {
    const layer = L.featureGroup();
    places.filter((p) => p.lat != null && p.lon != null).forEach((p) => {
      const weight = (p.visits || 0) + (p.meetings || 0) + (p.events || 0) || 1;
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: Math.min(5 + 2 * Math.sqrt(weight), 18), color: "#8b1a3d", weight: 2, fillColor: "#c2185b", fillOpacity: 0.75,
        className: "place-marker",
      });
      marker.bindPopup(popupFor(p));
      marker.bindTooltip(p.name || p.key || "");
      marker.on("dblclick", () => { location.href = "/places/" + encodeURIComponent(p.id != null ? p.id : p.name); });
      layer.addLayer(marker);
    });
    layer.addTo(map);
    return layer;
  }

  function initMap(el) {
    const map = L.map(el, { worldCopyJump: true, attributionControl: true }).setView([30, 50], 2);
    map.attributionControl.setPrefix("Leaflet").addAttribution("Natural Earth");
    addPanes(map);
    const base = Promise.all([baseLayer(map), adminLayers(map, el.classList.contains("map-small"))]);
    if (el.dataset.lat) {
      const at = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
      base.then(() => { map.setView(at, 6); L.circleMarker(at, { radius: 9, color: "#8b1a3d", weight: 2, fillColor: "#c2185b", fillOpacity: 0.75, className: "place-marker" }).bindTooltip(el.dataset.label || "").addTo(map); });
      return;
    }
    Promise.all([base, fetch(el.dataset.source).then((r) => (r.ok ? r.json() : []))]).then(([, places]) => {
      const layer = addMarkers(map, Array.isArray(places) ? places : places.places || []);
      if (layer.getLayers().length) map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 7 });
      el.dataset.ready = "1";
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const el = document.getElementById("map");
    if (el && window.L) initMap(el);
  });
})();
