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
# France, Vietnam and their neighbours, 1:110m for the rest of the world.
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
node scripts/basemap.js node_modules/world-atlas "$OUT/basemap/countries.geojson"
echo "build_assets: vendored into $OUT ($(du -sh "$OUT" | cut -f1))" >&2
