/** Line-by-line CSV: each physical line is parsed on its own (these files have no quoted newlines), so every
 *  record keeps its exact line number and a broken line cannot swallow the lines after it. */
import Papa from 'papaparse';
import type { QuarantinedRow } from './types.ts';

export interface CsvLine {
  /** 1-based physical line number */
  row: number;
  raw: string;
  fields: string[];
  /** set when the line is not valid CSV (unterminated quote, stray quote) */
  error: string | null;
}

export function parseCsvLines(lines: string[]): CsvLine[] {
  return lines.map((raw, i) => {
    if (raw.trim() === '') return { row: i + 1, raw, fields: [], error: null };
    const res = Papa.parse<string[]>(raw, { header: false, delimiter: ',', skipEmptyLines: false });
    const err = res.errors[0];
    return { row: i + 1, raw, fields: res.data[0] ?? [], error: err ? `${err.code}: ${err.message}` : null };
  });
}

export function quarantine(file: string, line: { row: number; raw: string }, reason: string): QuarantinedRow {
  return { file, row: line.row, reason, raw: line.raw.length > 500 ? line.raw.slice(0, 500) : line.raw };
}

/** '948,990' or '948990' -> 948990; anything else -> null (no negatives, no decimals). */
export function parseCount(s: string | undefined): number | null {
  const t = (s ?? '').trim();
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** '+32.500194', '-086.487813' -> number; empty or not a plain decimal -> null. */
export function parseCoord(s: string | undefined): number | null {
  const t = (s ?? '').trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
