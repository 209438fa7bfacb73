/** Counts the app shows: per country and per state (ISO 3166-2). */
import type { Country } from '../../../src/data/atlas-format.ts';

export function countByCountry(records: { country: Country }[]): Record<Country, number> {
  const out: Record<Country, number> = { US: 0, MX: 0 };
  for (const r of records) out[r.country]++;
  return out;
}

export function countByState(records: { state: string | null }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) if (r.state) out[r.state] = (out[r.state] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
