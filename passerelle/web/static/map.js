// Map: Leaflet over the vendored offline basemap (no tile server, no CDN).
"use strict";

(function () {
  const BASEMAP = "/static/vendor/basemap/countries.geojson";
  const PROFILE = { person: "people", organization: "organizations", place: "places" };

  function baseLayer(map) {
    return fetch(BASEMAP).then((r) => r.json()).then((geo) => {
      L.geoJSON(geo, {
        style: (f) => ({ color: "#7a8797", weight: f.properties.detailed ? 1 : 0.6, fillColor: "#fbfaf6", fillOpacity: 1 }),
        interactive: false,
      }).addTo(map);
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
    const base = baseLayer(map);
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
