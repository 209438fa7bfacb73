/**
 * The one CSV/TSV reader of the pipeline (charger and supply adapters, curated files, flows, overrides), on top of
 * papaparse: encoding detection (UTF-8 with or without BOM, else windows-1252/ISO-8859-1, said in a warning; NUL
 * bytes or UTF-16 are an error naming the file), CRLF/CR line ends, header checks (schema drift), malformed rows
 * to quarantine with their line number and reason.
 */
import Papa from 'papaparse';
import type { QuarantineEntry } from '../../../src/data/atlas-format.ts';
import { SchemaDriftError } from '../adapter-types.ts';
import { decodeText, type TextEncodingName } from './read-input.ts';

export interface CsvText {
  /** decoded text, BOM stripped, line ends normalised to \n */
  text: string;
  encoding: TextEncodingName;
  /** set when the input was not UTF-8 (decoded as windows-1252) */
  warning: string | null;
}

/** Decodes a CSV/TSV input (see decodeText) and normalises CRLF and CR line ends to LF. `label` names the file in errors. */
export function readCsvText(buf: Uint8Array, label: string): CsvText {
  const d = decodeText(buf, label);
  return { text: d.text.replace(/\r\n?/g, '\n'), encoding: d.encoding, warning: d.warning };
}

export interface CsvRow {
  /** 1-based line number of the row's first line in the file (header = 1) */
  row: number;
  data: Record<string, string>;
  raw: string;
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
  /** rows that could not be parsed (wrong field count, unterminated quote) */
  quarantined: QuarantineEntry[];
  /** total data rows seen (parsed + malformed) */
  rowsRead: number;
  warnings: string[];
}

export interface ParseCsvOptions {
  /** lines to skip before the header (preamble) */
  skipLines?: number;
  delimiter?: string;
}

export function truncateRaw(s: string): string {
  return s.length > 500 ? s.slice(0, 500) : s;
}

export function parseCsv(sourceId: string, buf: Buffer, opts: ParseCsvOptions = {}): ParsedCsv {
  const decoded = readCsvText(buf, sourceId);
  const warnings = decoded.warning ? [decoded.warning] : [];
  let text = decoded.text;
  if (opts.skipLines) {
    let idx = 0;
    for (let i = 0; i < opts.skipLines; i++) {
      const nl = text.indexOf('\n', idx);
      idx = nl < 0 ? text.length : nl + 1;
    }
    text = text.slice(idx);
  }
  const lineOffset = opts.skipLines ?? 0;
  const res = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    delimiter: opts.delimiter ?? ',',
  });
  const all = res.data;
  const first = all[0];
  if (!first) throw new SchemaDriftError(sourceId, 'the file is empty (no header row)');
  const header = first.map((h) => h.trim());
  // line numbers: compute from cursor positions is not exposed per row; count newlines in the raw text instead
  const rowLines = lineNumbers(text, all.length);
  const badRows = new Map<number, string>();
  for (const err of res.errors) {
    if (typeof err.row === 'number') badRows.set(err.row, `${err.code}: ${err.message}`);
  }
  const rows: CsvRow[] = [];
  const quarantined: QuarantineEntry[] = [];
  for (let i = 1; i < all.length; i++) {
    const fields = all[i]!;
    const line = (rowLines[i] ?? i + 1) + lineOffset;
    const raw = truncateRaw(fields.join(','));
    const err = badRows.get(i);
    if (err && err.startsWith('MissingQuotes')) {
      quarantined.push({ sourceId, row: line, recordId: null, reason: `malformed CSV row (unterminated quote: file truncated?)`, raw });
      continue;
    }
    if (fields.length !== header.length) {
      // papaparse tolerates a trailing empty field; anything else is a broken row
      const ok = fields.length === header.length + 1 && fields[fields.length - 1] === '';
      if (!ok) {
        quarantined.push({
          sourceId,
          row: line,
          recordId: null,
          reason: `malformed CSV row: ${fields.length} fields, header has ${header.length}${i === all.length - 1 ? ' (last row: file truncated?)' : ''}`,
          raw,
        });
        continue;
      }
    }
    const data: Record<string, string> = {};
    header.forEach((h, j) => {
      data[h] = (fields[j] ?? '').trim();
    });
    rows.push({ row: line, data, raw });
  }
  return { header, rows, quarantined, rowsRead: all.length - 1, warnings };
}

/** Approximate 1-based starting line of each parsed row (handles quoted newlines by scanning quotes). */
function lineNumbers(text: string, n: number): number[] {
  const out: number[] = [];
  let line = 1;
  let inQuote = false;
  let atRowStart = true;
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text.charCodeAt(i);
    if (atRowStart) {
      // skip blank lines like papaparse's skipEmptyLines
      if (c === 10) {
        line++;
        continue;
      }
      if (c === 13) continue;
      out.push(line);
      atRowStart = false;
    }
    if (c === 34) inQuote = !inQuote;
    else if (c === 10) {
      line++;
      if (!inQuote) atRowStart = true;
    }
  }
  return out;
}

export type Row = Record<string, string>;
export interface ParsedRow {
  /** 1-based line number in the file (header = 1, after any preamble lines) */
  row: number;
  data: Row;
  raw: string;
}

export interface ReadTableOptions {
  skipLines?: number;
  delimiter?: string;
  /** a cell equal to this token (e.g. '<Null>') reads as empty */
  nullToken?: string;
  /** names the file in encoding errors (default: the source id) */
  label?: string;
  /** column names to use when the file has no usable header row: every line (after skipLines) is data */
  columns?: string[];
}

/**
 * Parse a CSV/TSV with untrimmed cells (the supply adapters' and curated files' reader); checks that every
 * `required` column exists (else SchemaDriftError naming them). Rows with a wrong field count are returned in
 * `malformed` with their line number; blank lines are skipped.
 */
export function readTable(
  sourceId: string,
  buf: Buffer,
  required: string[],
  opts: ReadTableOptions = {},
): { header: string[]; rows: ParsedRow[]; malformed: QuarantineEntry[]; encoding: TextEncodingName; warnings: string[] } {
  const decoded = readCsvText(buf, opts.label ?? sourceId);
  let text = decoded.text;
  let lineBase = 0;
  for (let i = 0; i < (opts.skipLines ?? 0); i++) {
    const nl = text.indexOf('\n');
    text = nl < 0 ? '' : text.slice(nl + 1);
    lineBase++;
  }
  const res = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: opts.delimiter ?? ',' });
  const lines = res.data;
  const headerCells = opts.columns ?? lines[0];
  if (!headerCells || headerCells.every((h) => h.trim() === '')) {
    throw new SchemaDriftError(sourceId, 'the file is empty (no header row)');
  }
  const header = headerCells.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new SchemaDriftError(sourceId, `missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}; found: ${header.join(', ')}`);
  }
  // line numbers: papaparse does not expose them per row; count newlines inside each parsed row
  const rows: ParsedRow[] = [];
  const malformed: QuarantineEntry[] = [];
  let line = opts.columns ? lineBase : lineBase + 1 + countNewlines(headerCells);
  for (let i = opts.columns ? 0 : 1; i < lines.length; i++) {
    const cells = lines[i]!;
    const rowLine = line + 1;
    line += 1 + countNewlines(cells);
    if (cells.length === 1 && cells[0]!.trim() === '') continue; // blank line
    const raw = truncateRaw(cells.join(opts.delimiter === '\t' ? '\t' : ','));
    if (cells.length !== header.length) {
      malformed.push({ sourceId, row: rowLine, recordId: null, reason: `malformed row: ${cells.length} fields, header has ${header.length}`, raw });
      continue;
    }
    const data: Row = {};
    header.forEach((h, j) => {
      const v = cells[j] ?? '';
      data[h] = opts.nullToken && v.trim() === opts.nullToken ? '' : v;
    });
    rows.push({ row: rowLine, data, raw });
  }
  return { header, rows, malformed, encoding: decoded.encoding, warnings: decoded.warning ? [decoded.warning] : [] };
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const c of cells) for (let i = 0; i < c.length; i++) if (c.charCodeAt(i) === 10) n++;
  return n;
}

/** Throws SchemaDriftError naming every missing column (and close matches that look renamed). */
export function requireColumns(sourceId: string, header: string[], required: readonly string[]): void {
  const have = new Set(header);
  const missing = required.filter((c) => !have.has(c));
  if (missing.length === 0) return;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const hints = missing.map((m) => {
    const near = header.find((h) => norm(h) === norm(m) || norm(h).includes(norm(m)) || (norm(h).length > 3 && norm(m).includes(norm(h))));
    return near ? `"${m}" (renamed to "${near}"?)` : `"${m}"`;
  });
  throw new SchemaDriftError(sourceId, `missing column(s) ${hints.join(', ')}; found columns: ${header.slice(0, 40).join(', ')}${header.length > 40 ? ', ...' : ''}`);
}

export function num(s: string | undefined | null): number | null {
  if (s === undefined || s === null) return null;
  const t = s.trim();
  if (t === '' || t === '<Null>' || t.toLowerCase() === 'null' || t.toLowerCase() === 'nan') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Coordinates: NaN (not null) when unparsable so the central checks can quarantine with a reason. */
export function coord(s: string | undefined | null): number {
  const v = num(s);
  return v === null ? NaN : v;
}

export function str(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  const t = s.trim();
  return t === '' ? null : t;
}
