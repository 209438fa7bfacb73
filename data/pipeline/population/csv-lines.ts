/** Line-by-line CSV: each physical line is parsed on its own (these files have no quoted newlines), so every
 *  record keeps its exact line number and a broken line cannot swallow the lines after it. */
import Papa from 'papaparse';
import { readCsvText } from '../io/csv.ts';
import type { TextEncodingName } from '../io/read-input.ts';
import type { QuarantinedRow } from './types.ts';

export interface TextLines {
  /** physical lines (CRLF, LF or CR), line i is line number i + 1 */
  lines: string[];
  encoding: TextEncodingName;
  /** set when the bytes were not UTF-8 (decoded as windows-1252) */
  warning: string | null;
}

/** Decodes an input with the pipeline's one reader (data/pipeline/io/csv.ts: UTF-8 with or without BOM, else
 *  windows-1252; UTF-16 or NUL bytes throw InputEncodingError naming the file) and splits it into physical lines. */
export function readTextLines(bytes: Uint8Array, file: string): TextLines {
  const { text, encoding, warning } = readCsvText(bytes, file);
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { lines, encoding, warning };
}

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
