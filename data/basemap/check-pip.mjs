// Checks that coastal cities fall inside their state in public/basemap/states.geojson, and that
// every US/MX place in places.geojson falls in some state of its own country.
// usage: node data/basemap/check-pip.mjs [public/basemap]   (exit code 1 on failure)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pip = require('@turf/boolean-point-in-polygon').default;
const dir = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../../public/basemap');
const states = JSON.parse(fs.readFileSync(path.join(dir, 'states.geojson'), 'utf8')).features;
const places = JSON.parse(fs.readFileSync(path.join(dir, 'places.geojson'), 'utf8')).features;

const stateAt = (p) => states.filter((f) => pip(p, f)).map((f) => f.properties.code);

// [name, [lon, lat], expected code] (city-centre coordinates, GeoNames / Wikipedia)
const CASES = [
  ['San Diego', [-117.1611, 32.7157], 'US-CA'],
  ['Miami', [-80.1918, 25.7617], 'US-FL'],
  ['Key West', [-81.78, 24.5551], 'US-FL'],
  ['Honolulu', [-157.8583, 21.3069], 'US-HI'],
  ['Anchorage', [-149.9003, 61.2181], 'US-AK'],
  ['Cancún', [-86.8515, 21.1619], 'MX-ROO'],
  ['Veracruz', [-96.1342, 19.1738], 'MX-VER'],
  ['La Paz (BCS)', [-110.3128, 24.1426], 'MX-BCS'],
  ['Santa Rosalía (BCS)', [-112.2701, 27.3389], 'MX-BCS'],
  ['Ciudad de México', [-99.1332, 19.4326], 'MX-CMX'],
  ['Boston', [-71.0589, 42.3601], 'US-MA'],
  ['Seattle', [-122.3321, 47.6062], 'US-WA'],
  ['New Orleans', [-90.0715, 29.9511], 'US-LA'],
  ['Tijuana', [-117.0382, 32.5149], 'MX-BCN'],
  ['Ciudad del Carmen', [-91.8058, 18.6496], 'MX-CAM'],
  ['Coatzacoalcos', [-94.458, 18.1345], 'MX-VER'],
  ['Mazatlán', [-106.4111, 23.2494], 'MX-SIN'],
];

let failures = 0;
console.log('point-in-polygon check (states.geojson):');
for (const [name, p, expected] of CASES) {
  const got = stateAt(p);
  const ok = got.length === 1 && got[0] === expected;
  if (!ok) failures++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(22)} ${p.join(',').padEnd(20)} -> ${got.join('+') || 'none'} (expected ${expected})`);
}

// Distance (km) from a point to the nearest edge of a feature (equirectangular, fine at this scale).
function distanceKm(p, f) {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = Infinity;
  for (const ring of polys.flat(1)) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1][0] - p[0]) * k,
        ay = ring[i - 1][1] - p[1];
      const bx = (ring[i][0] - p[0]) * k,
        by = ring[i][1] - p[1];
      const dx = bx - ax,
        dy = by - ay;
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy) * 111.2);
    }
  }
  return best;
}
// The rule recommended to the data pipeline when a record's country is known: the state of that
// country containing the point, else the nearest state of that country within MAX_KM.
const MAX_KM = 10;
function stateInCountry(p, country) {
  const own = states.filter((f) => f.properties.country === country);
  const inside = own.find((f) => pip(p, f));
  if (inside) return { code: inside.properties.code, km: 0 };
  let best = null;
  for (const f of own) {
    const km = distanceKm(p, f);
    if (!best || km < best.km) best = { code: f.properties.code, km };
  }
  return best && best.km <= MAX_KM ? best : null;
}

let placeMisses = 0;
let overlaps = 0;
for (const f of places) {
  const { country, name } = f.properties;
  const got = stateAt(f.geometry.coordinates);
  if (got.length > 1) {
    overlaps++;
    console.log(`  overlap: ${name} -> ${got.join('+')}`);
  }
  if (!got.some((c) => c.startsWith(`${country}-`))) {
    const fallback = stateInCountry(f.geometry.coordinates, country);
    if (country !== 'CA' && !fallback) placeMisses++;
    console.log(
      `  note: place ${country} ${name} ${f.geometry.coordinates} is in ${got.join('+') || 'no state'}; ` +
        (fallback ? `nearest ${country} state ${fallback.code} at ${fallback.km.toFixed(1)} km` : 'no state of its country nearby'),
    );
  }
}
console.log(`  ${places.length} places checked: ${placeMisses} US/MX places with no state of their country within ${MAX_KM} km, ${overlaps} in two states`);
if (failures || placeMisses || overlaps) process.exit(1);
