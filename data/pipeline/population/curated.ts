/** data/curated/state-populations.csv: the committed per-state aggregate (Census 2020 / INEGI 2020).
 *  It is the single source of truth for state populations: the snapshot sums are checked against it. */
import { readFileSync } from 'node:fs';
import { parseCount, parseCsvLines, readTextLines } from './csv-lines.ts';
import type { CuratedMismatch } from './types.ts';

export const CURATED_FILE = 'state-populations.csv';

export interface CuratedStatePopulation {
  code: string;
  name: string;
  country: string;
  population: number;
  census: string;
  sourceUrl: string;
  asOf: string;
}

export function parseCuratedStatePopulations(bytes: Uint8Array, file = CURATED_FILE): CuratedStatePopulation[] {
  const lines = parseCsvLines(readTextLines(bytes, file).lines);
  const head = lines[0]?.fields.map((f) => f.trim()) ?? [];
  const need = ['state_code', 'name', 'country', 'population', 'census', 'source_url', 'as_of'];
  for (const c of need) if (!head.includes(c)) throw new Error(`${file}: column ${c} is missing`);
  const at = (f: string[], c: string) => (f[head.indexOf(c)] ?? '').trim();
  const rows: CuratedStatePopulation[] = [];
  for (const l of lines.slice(1)) {
    if (l.raw.trim() === '') continue;
    const pop = parseCount(at(l.fields, 'population'));
    if (l.error || pop === null) throw new Error(`${file} line ${l.row}: malformed row (${l.error ?? 'population is not a whole number'})`);
    rows.push({
      code: at(l.fields, 'state_code'),
      name: at(l.fields, 'name'),
      country: at(l.fields, 'country'),
      population: pop,
      census: at(l.fields, 'census'),
      sourceUrl: at(l.fields, 'source_url'),
      asOf: at(l.fields, 'as_of'),
    });
  }
  return rows;
}

export function readCuratedStatePopulations(path: string): CuratedStatePopulation[] {
  return parseCuratedStatePopulations(readFileSync(path));
}

/** Every state whose curated population differs from the snapshot sum (or is missing on one side). */
export function compareWithCurated(curated: CuratedStatePopulation[], snapshot: Map<string, number>): CuratedMismatch[] {
  const out: CuratedMismatch[] = [];
  const cur = new Map(curated.map((r) => [r.code, r.population]));
  for (const code of new Set([...cur.keys(), ...snapshot.keys()])) {
    const a = cur.get(code) ?? null;
    const b = snapshot.get(code) ?? null;
    if (a !== b) out.push({ code, curated: a, snapshot: b });
  }
  return out.sort((x, y) => x.code.localeCompare(y.code));
}
