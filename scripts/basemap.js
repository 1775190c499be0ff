// Build the offline basemap (GeoJSON) from world-atlas TopoJSON. Called by build_assets.sh.
// Detailed (1:50m) outlines for the countries passerelle is about and their neighbours,
// coarse (1:110m) ones for the rest, to keep the file small. ISO 3166-1 numeric ids.
const fs = require("fs");
const path = require("path");
const topojson = require("topojson-client");

const [atlasDir, outFile] = process.argv.slice(2);
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
