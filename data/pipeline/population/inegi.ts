/** INEGI Censo 2020 "Población total por entidad y municipio" export (mx-municipio-population-2020-inegi.csv):
 *  a preamble, a header row, a national total row, one subtotal row per state ("=CONCATENAR(0,01) ",
 *  "=CONCATENAR( ,10) "), municipio rows keyed " 01 001 ", blank lines and a "FUENTE: ..." footer.
 *  Every line is classified; nothing is dropped without being counted or quarantined. */
import type { TextEncodingName } from '../io/read-input.ts';
import { parseCount, parseCsvLines, quarantine, readTextLines } from './csv-lines.ts';
import { MX_INEGI_TO_ISO } from './codes.ts';
import type { QuarantinedRow, SubtotalCheck } from './types.ts';

export const INEGI_FILE = 'mx-municipio-population-2020-inegi.csv';

export interface InegiMunicipio {
  row: number;
  /** 5-digit INEGI key, entidad + municipio: '19039' */
  code: string;
  stateInegi: string;
  /** ISO 3166-2:MX */
  state: string;
  name: string;
  population: number;
}

export interface InegiSubtotal {
  row: number;
  stateInegi: string;
  state: string;
  name: string;
  population: number;
}

export interface ParsedInegi {
  encoding: TextEncodingName;
  linesRead: number;
  rowsRead: number;
  preambleRows: number;
  headerRows: number;
  blankRows: number;
  nationalTotal: { row: number; population: number } | null;
  subtotals: InegiSubtotal[];
  municipios: InegiMunicipio[];
  footerRows: { row: number; text: string }[];
  quarantined: QuarantinedRow[];
  warnings: string[];
}

const MUNICIPIO_KEY = /^\s*(\d{2})\s+(\d{3})\s*$/;
const SUBTOTAL_KEY = /^\s*=\s*CONCATENAR\(\s*0?\s*,\s*(\d{1,2})\s*\)\s*$/i;
const FOOTER = /^\s*(FUENTE|NOTA|NOTAS)\s*:/i;

function isHeader(f: string[]): boolean {
  const t = f.map((x) => x.trim().toLowerCase());
  return t.includes('total') && t.includes('hombres') && t.includes('mujeres');
}

export function parseInegiMunicipios(bytes: Uint8Array, file = INEGI_FILE): ParsedInegi {
  const { lines: text, encoding } = readTextLines(bytes, file);
  const lines = parseCsvLines(text);
  const out: ParsedInegi = {
    encoding,
    linesRead: lines.length,
    rowsRead: 0,
    preambleRows: 0,
    headerRows: 0,
    blankRows: 0,
    nationalTotal: null,
    subtotals: [],
    municipios: [],
    footerRows: [],
    quarantined: [],
    warnings: [],
  };
  const headerIdx = lines.findIndex((l) => !l.error && isHeader(l.fields));
  if (headerIdx < 0) throw new Error(`${file}: no header row with Total / Hombres / Mujeres (format changed?)`);
  const seen = new Map<string, number>();
  let currentState: string | null = null;

  lines.forEach((line, i) => {
    const nonEmpty = line.fields.filter((f) => f.trim() !== '');
    if (i < headerIdx) {
      // title, blank line, "Consulta de: ..." description
      out.preambleRows++;
      return;
    }
    if (i === headerIdx) {
      out.headerRows++;
      return;
    }
    if (line.raw.trim() === '' || (!line.error && nonEmpty.length === 0)) {
      out.blankRows++;
      return;
    }
    out.rowsRead++;
    if (line.error) {
      out.quarantined.push(quarantine(file, line, `malformed CSV line (${line.error})`));
      return;
    }
    const [key = '', name = '', total, men, women] = line.fields;
    if (nonEmpty.length === 1 && FOOTER.test(nonEmpty[0]!)) {
      out.footerRows.push({ row: line.row, text: nonEmpty[0]!.trim() });
      return;
    }
    const extra = line.fields.slice(5).filter((f) => f.trim() !== '');
    if (line.fields.length < 5 || extra.length > 0) {
      out.quarantined.push(quarantine(file, line, `expected 5 fields (key, name, total, men, women), found ${line.fields.length}`));
      return;
    }
    const pop = parseCount(total);
    const m = parseCount(men);
    const w = parseCount(women);
    if (pop === null || m === null || w === null) {
      out.quarantined.push(quarantine(file, line, `population "${total}" / "${men}" / "${women}" is not a whole number`));
      return;
    }
    if (m + w !== pop) out.warnings.push(`${file} line ${line.row}: men ${m} + women ${w} != total ${pop}`);

    if (key.trim() === '' && name.trim().toLowerCase() === 'total') {
      if (out.nationalTotal) out.quarantined.push(quarantine(file, line, 'second national total row'));
      else out.nationalTotal = { row: line.row, population: pop };
      return;
    }
    const sub = SUBTOTAL_KEY.exec(key);
    if (sub) {
      const stateInegi = sub[1]!.padStart(2, '0');
      const state = MX_INEGI_TO_ISO[stateInegi];
      if (!state) {
        currentState = null;
        out.quarantined.push(quarantine(file, line, `state subtotal row with unknown INEGI state code ${stateInegi}`));
        return;
      }
      if (out.subtotals.some((s) => s.state === state)) {
        out.quarantined.push(quarantine(file, line, `second subtotal row for state ${stateInegi}`));
        return;
      }
      currentState = stateInegi;
      out.subtotals.push({ row: line.row, stateInegi, state, name: name.trim(), population: pop });
      return;
    }
    const mk = MUNICIPIO_KEY.exec(key);
    if (!mk) {
      out.quarantined.push(quarantine(file, line, `unrecognised row key "${key.trim()}" (not a municipio, state subtotal, total or footer)`));
      return;
    }
    const stateInegi = mk[1]!;
    const state = MX_INEGI_TO_ISO[stateInegi];
    if (!state) {
      out.quarantined.push(quarantine(file, line, `unknown INEGI state code ${stateInegi}`));
      return;
    }
    if (stateInegi !== currentState) {
      out.warnings.push(`${file} line ${line.row}: municipio ${stateInegi}${mk[2]} is not under its state's subtotal row`);
    }
    if (name.trim() === '') {
      out.quarantined.push(quarantine(file, line, 'municipio row without a name'));
      return;
    }
    const code = stateInegi + mk[2]!;
    const prev = seen.get(code);
    if (prev !== undefined) {
      out.quarantined.push(quarantine(file, line, `duplicate municipio key ${code} (first on line ${prev})`));
      return;
    }
    seen.set(code, line.row);
    out.municipios.push({ row: line.row, code, stateInegi, state, name: name.trim(), population: pop });
  });
  return out;
}

/** Each state's municipio sum against INEGI's own subtotal row (and states that have one but not the other). */
export function checkInegiSubtotals(p: ParsedInegi): SubtotalCheck[] {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const m of p.municipios) {
    const s = sums.get(m.state) ?? { sum: 0, n: 0 };
    s.sum += m.population;
    s.n++;
    sums.set(m.state, s);
  }
  const checks: SubtotalCheck[] = p.subtotals.map((st) => {
    const s = sums.get(st.state) ?? { sum: 0, n: 0 };
    return { state: st.state, name: st.name, subtotal: st.population, sumOfMunicipios: s.sum, municipios: s.n, ok: s.sum === st.population };
  });
  for (const [state, s] of sums) {
    if (!p.subtotals.some((st) => st.state === state)) {
      checks.push({ state, name: '', subtotal: Number.NaN, sumOfMunicipios: s.sum, municipios: s.n, ok: false });
    }
  }
  return checks.sort((a, b) => a.state.localeCompare(b.state));
}
