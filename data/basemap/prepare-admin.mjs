// Normalises the attributes of the Natural Earth admin-0 / admin-1 layers read by ogr2ogr
// (build-basemap.sh step 2). Geometry is passed through untouched, except that the one unnamed
// Mexican feature (an islet with no name or code) is given the code of the nearest named
// Mexican state, so that the later dissolve merges it into that state.
//
// usage: node prepare-admin.mjs <countries_raw.geojson> <states_raw.geojson> <outdir>
import fs from 'node:fs';
import path from 'node:path';
import { US_FIPS_TO_USPS, MX_FIPS_TO_ISO, CA_FIPS_TO_ISO, MX_NAME_OVERRIDES, MX_NAME_EN, US_NAME_ES } from './codes.mjs';

const [countriesIn, statesIn, outDir] = process.argv.slice(2);
if (!outDir) throw new Error('usage: node prepare-admin.mjs countries_raw states_raw outdir');

// US and Mexico keep more detail (states.geojson is used for point-in-polygon) than context.
const FOCUS_M = Number(process.env.FOCUS_SIMPLIFY_M ?? 250);
const CONTEXT_M = Number(process.env.CONTEXT_SIMPLIFY_M ?? 3000);

const displayEn = new Intl.DisplayNames(['en'], { type: 'region' });
const displayEs = new Intl.DisplayNames(['es'], { type: 'region' });

// ---- countries -----------------------------------------------------------------------------
const countries = JSON.parse(fs.readFileSync(countriesIn, 'utf8'));
const keptCountries = [];
for (const f of countries.features) {
  if (!f.geometry) continue;
  const iso = f.properties.iso_a2;
  if (!/^[A-Z]{2}$/.test(iso ?? '')) {
    console.warn(`  countries: dropping feature without a valid iso_a2 (${iso}, ${f.properties.NAME})`);
    continue;
  }
  // Names from the ICU data in Node (CLDR), not from Natural Earth's abbreviated NAME field
  // ("Dominican Rep.", "Turks and Caicos Is."): full names in English and Spanish.
  const nameEn = displayEn.of(iso);
  const nameEs = displayEs.of(iso);
  if (!nameEn || nameEn === iso || !nameEs || nameEs === iso) throw new Error(`no CLDR name for ${iso}`);
  const focus = iso === 'US' || iso === 'MX';
  // simplify_m: simplification interval (metres) read by build-basemap.sh, dropped afterwards.
  f.properties = { iso_a2: iso, name_en: nameEn, name_es: nameEs, focus, simplify_m: focus ? FOCUS_M : CONTEXT_M };
  keptCountries.push(f);
}
countries.features = keptCountries;
fs.writeFileSync(path.join(outDir, 'countries_norm.geojson'), JSON.stringify(countries));
console.log(`  countries: ${keptCountries.length} features`);

// ---- states / provinces --------------------------------------------------------------------
const states = JSON.parse(fs.readFileSync(statesIn, 'utf8'));
const named = [];
const unnamed = [];
for (const f of states.features) {
  if (!f.geometry) continue;
  const { iso_a2: country, name, fips } = f.properties;
  if (!name || !fips) {
    unnamed.push(f);
    continue;
  }
  let code;
  let outName = name;
  if (country === 'US') code = `US-${US_FIPS_TO_USPS[fips.slice(2)]}`;
  else if (country === 'MX') {
    code = `MX-${MX_FIPS_TO_ISO[fips]}`;
    outName = MX_NAME_OVERRIDES[code] ?? name;
  } else if (country === 'CA') code = `CA-${CA_FIPS_TO_ISO[fips]}`;
  if (!code || code.endsWith('-undefined')) throw new Error(`no ISO 3166-2 code for ${country} ${fips} ${name}`);
  const nameEn = country === 'MX' ? (MX_NAME_EN[code] ?? outName) : outName;
  const nameEs = country === 'US' ? (US_NAME_ES[code] ?? outName) : outName;
  f.properties = { code, name: outName, name_en: nameEn, name_es: nameEs, country, simplify_m: country === 'CA' ? CONTEXT_M : FOCUS_M };
  named.push(f);
}

// Unnamed features: give each the code of the nearest named state of the same country
// (distance from the feature's vertex mean to the nearest vertex of each candidate).
function vertices(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  return polys.flat(2);
}
for (const f of unnamed) {
  const vs = vertices(f.geometry);
  const c = [vs.reduce((s, v) => s + v[0], 0) / vs.length, vs.reduce((s, v) => s + v[1], 0) / vs.length];
  let best = null;
  let bestD = Infinity;
  for (const g of named) {
    if (g.properties.country !== f.properties.iso_a2) continue;
    const k = Math.cos((c[1] * Math.PI) / 180);
    for (const v of vertices(g.geometry)) {
      const d = Math.hypot((v[0] - c[0]) * k, v[1] - c[1]);
      if (d < bestD) {
        bestD = d;
        best = g;
      }
    }
  }
  if (!best || bestD * 111.2 > 250) {
    console.warn(`  states: dropping unnamed feature at ${c.map((x) => x.toFixed(3))} (no state within 250 km)`);
    continue;
  }
  console.log(
    `  states: unnamed ${f.properties.iso_a2} feature at [${c.map((x) => x.toFixed(3))}] ` +
      `assigned to ${best.properties.code} ${best.properties.name} (${(bestD * 111.2).toFixed(0)} km away)`,
  );
  f.properties = { ...best.properties };
  named.push(f);
}
states.features = named;
fs.writeFileSync(path.join(outDir, 'states_norm.geojson'), JSON.stringify(states));
const count = (c) => new Set(named.filter((f) => f.properties.country === c).map((f) => f.properties.code)).size;
console.log(`  states: US ${count('US')}, MX ${count('MX')}, CA ${count('CA')} codes`);
