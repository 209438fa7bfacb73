/** CSV parsing on top of papaparse: header checks (schema drift), malformed rows to quarantine. */
import Papa from 'papaparse';
import type { QuarantineEntry } from '../../../src/data/atlas-format.ts';
import { SchemaDriftError } from '../adapter-types.ts';
import { decodeText } from './read-input.ts';

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
  const decoded = decodeText(buf, sourceId);
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
      if (c === 10) { line++; continue; }
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
