/** Coverage notes per layer and country: how complete each country's layer is, with published reference totals. */
import { existsSync, readFileSync } from 'node:fs';
import type { Country, CoverageNote, DatasetId, SourceInfo } from '../../src/data/atlas-format.ts';
import { num, parseCsv, str } from './io/csv.ts';

export interface CoverageReference {
  country: Country;
  scope: string;
  value: number;
  unit: string;
  label: string;
  publisher: string;
  sourceUrl: string;
  asOf: string;
}

/** data/curated/charger-coverage-references.csv: the latest national figure per country. */
export function readChargerReferences(path: string): { refs: Partial<Record<Country, CoverageReference>>; warnings: string[] } {
  if (!existsSync(path)) return { refs: {}, warnings: [`${path} not found: charger coverage has no published reference totals`] };
  const csv = parseCsv('charger-coverage-references', readFileSync(path));
  const refs: Partial<Record<Country, CoverageReference>> = {};
  for (const r of csv.rows) {
    const d = r.data;
    const c = (d['country'] ?? '').trim().toUpperCase();
    const country = c === 'US' || c.startsWith('UNITED STATES') ? 'US' : c === 'MX' || c.startsWith('MEX') ? 'MX' : null;
    const value = num(d['value']);
    if (!country || value === null) continue;
    if ((d['scope'] ?? 'national').trim().toLowerCase() !== 'national') continue;
    const ref: CoverageReference = {
      country,
      scope: 'national',
      value,
      unit: str(d['unit']) ?? '',
      label: str(d['label']) ?? '',
      publisher: str(d['publisher']) ?? '',
      sourceUrl: str(d['source_url']) ?? '',
      asOf: str(d['as_of']) ?? '',
    };
    const prev = refs[country];
    if (!prev || ref.asOf > prev.asOf) refs[country] = ref;
  }
  return { refs, warnings: csv.warnings };
}

export function coverageFor(
  layer: DatasetId,
  countByCountry: Record<Country, number>,
  layerSources: SourceInfo[],
  chargerRefs: Partial<Record<Country, CoverageReference>>,
): Record<Country, CoverageNote> {
  const out = {} as Record<Country, CoverageNote>;
  for (const country of ['US', 'MX'] as const) {
    const mapped = countByCountry[country];
    const note: CoverageNote = { level: mapped > 0 ? 'partial' : 'none', mapped, messageKey: `coverage.${layer}.${country}` };
    if (layer === 'chargers') {
      const ref = chargerRefs[country];
      if (ref) note.reference = { value: ref.value, unit: ref.unit, label: ref.label, asOf: ref.asOf, sourceUrl: ref.sourceUrl, publisher: ref.publisher };
      // US: complete only when built from the live national AFDC data; the 2022 snapshot is partial relative to today
      if (country === 'US' && mapped > 0 && layerSources.some((s) => s.id === 'afdc-us-live' && !s.missing)) note.level = 'complete';
      // MX: no complete open point dataset exists; always partial
    }
    out[country] = note;
  }
  return out;
}
