import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvText, readTable } from '../../data/pipeline/io/csv.ts';
import { decodeText, detectEncoding, InputEncodingError } from '../../data/pipeline/io/read-input.ts';
import { num } from '../../data/pipeline/supply/util.ts';
import { SHARED, shared } from './helpers.ts';

// A real ISO-8859-1 export: INEGI Censo 2020 population by municipio (CRLF, 4-line preamble, thousands separators).
const INEGI_REL = 'population/mx-municipio-population-2020-inegi.csv';
const HAS_INEGI = existsSync(join(SHARED, INEGI_REL));
if (!HAS_INEGI) console.warn(`[tests/data] ${join(SHARED, INEGI_REL)} not found: the real latin-1 file test is SKIPPED`);

describe('one CSV reader with encoding detection', () => {
  const text = 'id,name,state\r\n1,Querétaro,Querétaro\r\n2,Peñón Blanco,Durango\r\n3,São Paulo … “x”,—\r\n';
  const utf8 = Buffer.from(text, 'utf8');
  const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  // windows-1252 bytes of the same text (… “ ” — are in 0x80-0x9F, the rest is ISO-8859-1)
  const cp1252: Record<string, number> = { '…': 0x85, '“': 0x93, '”': 0x94, '—': 0x97 };
  const latin1 = Buffer.from([...text].map((c) => cp1252[c] ?? c.charCodeAt(0)));

  it('the same text as UTF-8, UTF-8 with BOM and latin-1 (windows-1252) reads identically, CRLF or not', () => {
    const reads = [utf8, utf8Bom, latin1].map((b) => readTable('t', b, ['id', 'name', 'state']));
    expect(reads.map((r) => r.encoding)).toEqual(['utf-8', 'utf-8', 'windows-1252']);
    for (const r of reads) {
      expect(r.header).toEqual(['id', 'name', 'state']);
      expect(r.rows.map((x) => x.data)).toEqual(reads[0]!.rows.map((x) => x.data));
      expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4]);
      expect(r.malformed).toEqual([]);
    }
    expect(reads[0]!.rows[1]!.data.name).toBe('Peñón Blanco');
    expect(reads[2]!.rows[2]!.data.name).toBe('São Paulo … “x”');
    expect(reads[2]!.warnings[0]).toMatch(/not valid UTF-8.*windows-1252/);
    expect(reads[0]!.warnings).toEqual([]);
    // the charger adapters' parser goes through the same decoding
    const p = [utf8, utf8Bom, latin1].map((b) => parseCsv('t', b));
    for (const x of p) expect(x.rows.map((r) => r.data)).toEqual(p[0]!.rows.map((r) => r.data));
    expect(readCsvText(latin1, 't').text).toBe(text.replace(/\r\n/g, '\n'));
    expect(readCsvText(Buffer.from('a,b\rc,d\r'), 't').text).toBe('a,b\nc,d\n');
  });

  it('bytes that are neither UTF-8 nor latin-1 text (NUL bytes, UTF-16) are an error naming the file', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n1,León\n', 'utf16le')]);
    const utf16NoBom = Buffer.from('id,name\n1,León\n', 'utf16le');
    expect(() => readTable('t', utf16le, ['id'], { label: 'supply/some-file.csv' })).toThrow(InputEncodingError);
    expect(() => readTable('t', utf16le, ['id'], { label: 'supply/some-file.csv' })).toThrow(/supply\/some-file\.csv: .*UTF-16/);
    expect(() => parseCsv('afdc-x', utf16NoBom)).toThrow(/afdc-x: .*NUL bytes/);
    expect(() => decodeText(Buffer.from([0x61, 0x00, 0x62]), 'x.csv')).toThrow(/x\.csv/);
    expect(detectEncoding(Buffer.from('plain ascii')).encoding).toBe('utf-8');
  });

  it('malformed rows are quarantined with their line number and reason, never dropped', () => {
    const r = readTable('t', Buffer.from('id,name\r\n1,a\r\n2,b,extra\r\n\r\n3,"c\r\nd"\r\n4\r\n', 'utf8'), ['id', 'name']);
    expect(r.rows.map((x) => [x.row, x.data.id])).toEqual([
      [2, '1'],
      [5, '3'],
    ]);
    expect(r.rows[1]!.data.name).toBe('c\nd');
    expect(r.malformed.map((m) => [m.row, m.reason])).toEqual([
      [3, 'malformed row: 3 fields, header has 2'],
      [7, 'malformed row: 1 fields, header has 2'],
    ]);
  });

  it.skipIf(!HAS_INEGI)('reads the real ISO-8859-1 INEGI file: accented municipio names decode, no U+FFFD, thousands separators parse', () => {
    const buf = shared(INEGI_REL);
    const r = readTable('inegi-2020', buf, ['key', 'name', 'total'], { skipLines: 4, columns: ['key', 'name', 'total', 'men', 'women'], label: INEGI_REL });
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings[0]).toContain(INEGI_REL);
    const byKey = new Map(r.rows.map((x) => [x.data.key!.trim(), x]));
    expect(byKey.get('22 014')?.data.name).toBe('Querétaro');
    expect(byKey.get('22 014')?.row).toBe(1837); // the line in the file (CRLF counted once)
    expect(byKey.get('10 021')?.data.name).toBe('Peñón Blanco');
    expect(byKey.get('01 001')?.data.name).toBe('Aguascalientes');
    expect(num(byKey.get('01 001')?.data.total)).toBe(948990);
    const names = r.rows.map((x) => x.data.name!);
    expect(names.some((n) => n.includes('\uFFFD'))).toBe(false);
    expect(names.filter((n) => /[áéíóúñü]/i.test(n)).length).toBeGreaterThan(300);
    expect(names.some((n) => n.includes('\r'))).toBe(false);
    // the national total row leads; 2,469 municipios + 32 state subtotal rows follow
    const municipios = r.rows.filter((x) => /^\d{2} \d{3}$/.test(x.data.key!.trim()));
    expect(municipios).toHaveLength(2469);
    expect(municipios.reduce((s, x) => s + num(x.data.total)!, 0)).toBe(126014024);
    // the one-field footer line is quarantined with its line number, not lost
    expect(r.malformed).toHaveLength(1);
    expect(r.malformed[0]!.raw).toMatch(/FUENTE: INEGI\. Censo de Población y Vivienda 2020\./);
  });
});
