// Builds src/AllianceTracker.Web/Features/Map/stance-map.json: SVG path data for NATO's members
// and the countries around them, projected once so the app can draw the stance map on the server
// with no JavaScript and no Node at run time.
//
//   cd src/map-geometry && npm ci && npm run build
//
// Geometry: Natural Earth 1:110m from world-atlas (countries-110m.json), matched on the ISO
// numeric id, never the name (world-atlas says "Macedonia", "Turkey", "United States of America").
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { feature } from "topojson-client";
import { geoNaturalEarth1, geoPath } from "d3-geo";

const here = dirname(fileURLToPath(import.meta.url));
const atlas = JSON.parse(readFileSync(join(here, "node_modules/world-atlas/countries-110m.json"), "utf8"));
const members = JSON.parse(readFileSync(join(here, "../../seeds/members.json"), "utf8")).members;
const memberIds = new Set(members.map((m) => m.numeric));

const width = 960;
const height = 470;

// North America and Europe together, both upright: Natural Earth centred on the North Atlantic,
// fitted to the frame below (Alaska, Hawaii and most of Russia fall outside and are clipped).
const frame = {
  type: "MultiPoint",
  coordinates: [[-123, 27], [-123, 50], [-80, 62], [-20, 66], [30, 71], [44, 58], [44, 36], [-8, 35], [-82, 25]],
};
const projection = geoNaturalEarth1().rotate([40, 0]).fitExtent([[8, 8], [width - 8, height - 8]], frame);
projection.clipExtent([[0, 0], [width, height]]);
const path = geoPath(projection).digits(1);

// Members under this projected area (px²) get a marker so they stay findable and clickable.
const smallArea = 170;

const countries = feature(atlas, atlas.objects.countries).features
  .map((f) => {
    const d = path(f);
    if (!d) return null;
    const id = f.id ?? null;
    const [cx, cy] = path.centroid(f);
    const area = path.area(f);
    const member = id !== null && memberIds.has(id);
    return {
      id,
      name: f.properties.name,
      member,
      d,
      cx: Math.round(cx * 10) / 10,
      cy: Math.round(cy * 10) / 10,
      marker: member && area < smallArea,
    };
  })
  // geoPath returns null for a country wholly outside the clip frame; the rest is drawn (clipped).
  .filter((c) => c !== null);

const missing = members.filter((m) => !countries.some((c) => c.id === m.numeric));
if (missing.length > 0) {
  throw new Error(`No geometry for ${missing.map((m) => m.name).join(", ")}`);
}

const output = {
  source: "Natural Earth 1:110m, via world-atlas 2.0.2; built by src/map-geometry/build-map.mjs",
  width,
  height,
  countries: countries.sort((a, b) => Number(a.member) - Number(b.member) || a.name.localeCompare(b.name)),
};
const target = join(here, "../../src/AllianceTracker.Web/Features/Map/stance-map.json");
writeFileSync(target, JSON.stringify(output) + "\n");
console.log(`${countries.length} countries (${countries.filter((c) => c.member).length} members, ` +
  `${countries.filter((c) => c.marker).length} with markers) -> ${target}`);
