/** Published charger figures per Mexican state (../shared/data/chargers/mx-statistics/mx-state-charger-figures-partial.csv):
 *  figures others published (INA citing the national registry RENAEL, a press list, Puebla's state agency), shown beside
 *  the mapped count in the `states` dataset, never mixed into it. Read with the shared reader (data/pipeline/io/csv.ts);
 *  every row is a figure or is quarantined with its line number and reason. Rows for the same state from different
 *  publishers (or dates) are all kept. */
import type { PublishedFigure, QuarantineEntry } from '../../../src/data/atlas-format.ts';
import { num, readTable, str } from '../io/csv.ts';
import type { TextEncodingName } from '../io/read-input.ts';
import { MX_INEGI_TO_ISO } from './codes.ts';

export const MX_STATE_FIGURES_ID = 'mx-state-charger-figures';
/** relative to the snapshot folder */
export const MX_STATE_FIGURES_INPUT = 'chargers/mx-statistics/mx-state-charger-figures-partial.csv';
export const MX_STATE_FIGURES_META = {
  title: 'Published charger figures per Mexican state (partial: INA citing RENAEL 2022-09 for 10 states, a 2022 press list, Puebla state agency 2022-2025)',
  publisher: 'INA / IMT RENAEL, Mobility Portal, Agencia de Energía del Estado de Puebla',
  url: 'https://poderyestadoperfiles.com/estas-son-las-entidades-donde-mas-sufriras-para-conectar-un-auto-electrico',
  licence: 'published figures quoted from press articles; cite the publisher and article given with each figure',
  asOf: '2022-09',
} as const;

const REQUIRED = ['entidad', 'cve_ent', 'value', 'unit_as_published', 'ref_date', 'publisher_of_figure', 'secondary_source_url', 'exact_quote'];
/** a leading ISO date (YYYY, YYYY-MM or YYYY-MM-DD); the rest of ref_date, if any, is a qualifier */
const LEADING_DATE = /^(\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?![\d-])/;

export interface ParsedPublishedFigures {
  /** ISO 3166-2:MX -> figures in file order */
  byState: Map<string, PublishedFigure[]>;
  rowsRead: number;
  kept: number;
  quarantined: QuarantineEntry[];
  encoding: TextEncodingName;
  warnings: string[];
}

/** Parses the per-state figures; a missing column is schema drift (SchemaDriftError). */
export function parseMxStateChargerFigures(buf: Buffer, sourceId = MX_STATE_FIGURES_ID): ParsedPublishedFigures {
  const t = readTable(sourceId, buf, REQUIRED, { label: MX_STATE_FIGURES_INPUT });
  const out: ParsedPublishedFigures = {
    byState: new Map(),
    rowsRead: t.rows.length + t.malformed.length,
    kept: 0,
    quarantined: [...t.malformed],
    encoding: t.encoding,
    warnings: t.warnings,
  };
  const seen = new Map<string, number>();
  const reject = (row: number, raw: string, reason: string) => out.quarantined.push({ sourceId, row, recordId: null, reason, raw });
  for (const { row, data, raw } of t.rows) {
    const cve = (data['cve_ent'] ?? '').trim();
    const state = /^\d{1,2}$/.test(cve) ? MX_INEGI_TO_ISO[cve.padStart(2, '0')] : undefined;
    if (!state) {
      reject(row, raw, `cve_ent "${cve}" is not an INEGI state code (01-32): the figure cannot be placed in a state`);
      continue;
    }
    const value = num(data['value']);
    if (value === null || value < 0) {
      reject(row, raw, `value "${(data['value'] ?? '').trim()}" is not a non-negative number`);
      continue;
    }
    const refDate = (data['ref_date'] ?? '').trim();
    const date = LEADING_DATE.exec(refDate);
    if (!date) {
      reject(row, raw, `ref_date "${refDate}" does not start with a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      continue;
    }
    const unit = str(data['unit_as_published']);
    const publisher = str(data['publisher_of_figure']);
    const sourceUrl = str(data['secondary_source_url']);
    const quote = str(data['exact_quote']);
    if (!unit || !publisher || !quote || !sourceUrl || !/^https?:\/\//.test(sourceUrl)) {
      const what = !unit ? 'unit_as_published' : !publisher ? 'publisher_of_figure' : !quote ? 'exact_quote' : 'secondary_source_url (an http(s) URL)';
      reject(row, raw, `${what} is missing: a published figure needs its unit, publisher, quote and source`);
      continue;
    }
    const key = [state, publisher, refDate, value, quote].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      reject(row, raw, `duplicate of line ${first} (same state, publisher, date, value and quote)`);
      continue;
    }
    seen.set(key, row);
    // asOf is the date; a qualifier after it ("2022 (article on H1-2022; data date not stated)") goes to the note
    const qualifier = refDate.slice(date[1]!.length).trim();
    const notes = [str(data['note']), qualifier ? `date as published: ${refDate}` : null].filter((x): x is string => !!x);
    const figure: PublishedFigure = {
      dataset: 'chargers',
      value,
      unit,
      asOf: date[1]!,
      publisher,
      sourceUrl,
      quote,
      note: notes.length ? notes.join('; ') : null,
    };
    const list = out.byState.get(state) ?? [];
    list.push(figure);
    out.byState.set(state, list);
    out.kept++;
  }
  out.quarantined.sort((a, b) => a.row - b.row);
  return out;
}
