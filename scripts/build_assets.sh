#!/usr/bin/env bash
# Vendor the web app's third-party assets into passerelle/web/static/vendor/ (git-ignored).
#
# Everything the pages load is served by passerelle itself (no CDN). The versions are
# pinned in package.json / package-lock.json and fetched from the npm registry by `npm ci`:
#   leaflet          map widget (BSD-2-Clause)
#   world-atlas      Natural Earth country outlines, TopoJSON (ISC; data public domain)
#   topojson-client  TopoJSON -> GeoJSON, used here at build time only (ISC)
#   swagger-ui-dist  the offline API docs page at /docs (Apache-2.0)
# The basemap is converted at build time to one small GeoJSON file: 1:50m outlines of
# France, Vietnam and their neighbours, 1:110m for the rest of the world. The regional outlines
# (French regions and départements, Vietnamese provinces) are committed data instead, made by
# scripts/build_basemap.py into passerelle/web/static/basemap/ (see the README.md there).
# Install scripts are never run (--ignore-scripts): swagger-ui-dist pulls in an analytics
# postinstall hook we do not want.
# Usage: bash scripts/build_assets.sh   (needs node and npm; re-run after changing versions)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=passerelle/web/static/vendor
if [[ -f package-lock.json ]]; then npm ci --ignore-scripts --no-audit --no-fund --silent; else npm install --ignore-scripts --no-audit --no-fund --silent; fi
rm -rf "$OUT" && mkdir -p "$OUT/leaflet/images" "$OUT/swagger-ui" "$OUT/basemap"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$OUT/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$OUT/leaflet/images/"
cp node_modules/leaflet/LICENSE "$OUT/leaflet/LICENSE"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
   node_modules/swagger-ui-dist/LICENSE "$OUT/swagger-ui/"
cp node_modules/world-atlas/LICENSE "$OUT/basemap/LICENSE"
# The basemap: world-atlas TopoJSON -> one GeoJSON file (node reads the script from stdin).
node - node_modules/world-atlas "$OUT/basemap/countries.geojson" <<'JS'
// Detailed (1:50m) outlines for the countries passerelle is about and their neighbours,
// coarse (1:110m) ones for the rest, to keep the file small. ISO 3166-1 numeric ids.
const fs = require("fs");
const path = require("path");
const topojson = require("topojson-client");

const [atlasDir, outFile] = process.argv.slice(2);  // argv: node - ATLAS_DIR OUT_FILE
// France, Vietnam, and the neighbours that frame them on the map.
const DETAILED = new Set(["250", "704", "116", "418", "156", "056", "276", "756", "380", "724", "442", "492", "020"]);

function features(file) {
  const topo = JSON.parse(fs.readFileSync(path.join(atlasDir, file), "utf8"));
  return topojson.feature(topo, topo.objects.countries).features;
}

const fine = features("countries-50m.json").filter((f) => DETAILED.has(String(f.id)));
const coarse = features("countries-110m.json").filter((f) => !DETAILED.has(String(f.id)));
const round = (c) => (typeof c[0] === "number" ? c.map((v) => Math.round(v * 1000) / 1000) : c.map(round));
const out = fine.concat(coarse).map((f) => ({
  type: "Feature",
  id: String(f.id),
  properties: { name: f.properties.name, detailed: DETAILED.has(String(f.id)) },
  geometry: f.geometry && { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
}));
fs.writeFileSync(outFile, JSON.stringify({ type: "FeatureCollection", features: out }));
JS
echo "build_assets: vendored into $OUT ($(du -sh "$OUT" | cut -f1))" >&2
