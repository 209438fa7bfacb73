/** Small helpers shared by the supply-chain adapters (CSV, names, distances). */
import type { QuarantineEntry } from '../../../src/data/atlas-format.ts';
import { SchemaDriftError } from '../adapter-types.ts';
import { readTable, truncateRaw, type ParsedRow } from '../io/csv.ts';

export { readTable, truncateRaw, type ParsedRow, type Row } from '../io/csv.ts';

/** Trim and collapse whitespace. */
export function clean(s: string | undefined | null): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

export function orNull(s: string | undefined | null): string | null {
  const c = clean(s);
  return c === '' || /^(na|n\/a|null|<null>|none)$/i.test(c) ? null : c;
}

/** Parse a number ("1,234.5" ok); null for empty / NA / non-numeric. */
export function num(s: string | undefined | null): number | null {
  const c = clean(s).replace(/,/g, '');
  if (c === '' || /^(na|n\/a|null|<null>)$/i.test(c)) return null;
  const n = Number(c);
  return Number.isFinite(n) ? n : null;
}

/** Lowercase, strip accents and punctuation. */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that say nothing about which facility/company a name refers to. */
const STOP = new Set(
  (
    'a an and the of de del la las el los y e en at on for in by to ' +
    'inc incorporated llc l l c lp ltd limited co corp corporation company companies cia compania group grupo holdings holding ' +
    'sa s a cv c v rl r l sapi sab sas de cv srl gmbh ag plc nv bv kk ' +
    'usa us u s america americas american north na mexico mexicana mexicano mexican international global ' +
    'plant plants planta facility facilities site sites campus complex complejo unit unidad division operations operation ' +
    'mine mines mina minas mining minera minero mineral minerals project projects prospect prospects property deposit deposits occurrence ' +
    'claim claims quarry unnamed unknown area district no ' +
    'manufacturing manufacture fabricacion production producción industries industrial industrias enterprises enterprise ' +
    'motor motors automotive automotriz auto vehicles vehicle vehiculos ' +
    'battery batteries baterias bateria energy power solutions systems system technologies technology tech materials material ' +
    'advanced new resources resource metals metal metalurgica chemical chemicals products product services ' +
    'jv partnership joint venture'
  ).split(/\s+/),
);

const ALIASES: [RegExp, string][] = [
  [/\bgeneral motors\b/g, 'gm'],
  [/\blg energy solution\b/g, 'lg'],
  [/\blges\b/g, 'lg'],
  [/\blg chem\b/g, 'lg'],
  [/\bsk on\b/g, 'sk'],
  [/\bsk innovation\b/g, 'sk'],
  [/\bsk battery\b/g, 'sk'],
  [/\bmercedes benz\b/g, 'mercedes'],
  [/\bvolkswagen\b/g, 'vw'],
  [/\bblueovalsk\b/g, 'blueoval sk'],
  [/\bfca\b/g, 'stellantis'],
  [/\bchrysler\b/g, 'stellantis'],
  [/\bhyundai motor\b/g, 'hyundai'],
  [/\bkia motors\b/g, 'kia'],
];

/** Distinctive words of a name (normalised, aliases applied, stop words removed). */
export function tokens(s: string): Set<string> {
  let n = normalize(s);
  for (const [re, rep] of ALIASES) n = n.replace(re, rep);
  const out = new Set<string>();
  for (const w of n.split(' ')) {
    if (w.length < 2 || STOP.has(w) || /^\d+$/.test(w)) continue;
    out.add(w);
  }
  return out;
}

export function sharesToken(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (b.has(t)) return true;
  return false;
}

/** Names are "similar": same distinctive words, one's words contained in the other's, or Jaccard >= 0.5. */
export function similarNames(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  if (inter === 0) return false;
  if (inter === a.size || inter === b.size) return true;
  return inter / (a.size + b.size - inter) >= 0.5;
}

const R = 6371.0088;
/** Great-circle distance in km. */
export function distKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Degrees of lat/lon that cover at least `km` around `lat` (for bounding-box queries). */
export function kmToDeg(km: number, lat: number): { dLat: number; dLon: number } {
  const dLat = km / 110.574;
  const dLon = km / (111.32 * Math.max(0.05, Math.cos((lat * Math.PI) / 180)));
  return { dLat, dLon };
}

export function q(sourceId: string, row: number, recordId: string | null, reason: string, raw: string): QuarantineEntry {
  return { sourceId, row, recordId, reason, raw: truncateRaw(raw) };
}

/** Split "A, B; C" style owner lists. */
export function splitList(s: string, sep: RegExp = /;/): string[] {
  return s
    .split(sep)
    .map((x) => clean(x))
    .filter((x) => x !== '');
}

export function isoDate(s: string): string | null {
  const c = clean(s);
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(c) ? c : null;
}

/** Reserved attribute keys: carried from adapters to the mergers, removed before output. */
export const REF_URL = '__refUrl';
export const DATASET = '__dataset';

/**
 * Reads one input table of an adapter: a missing input or a missing required column is schema drift;
 * malformed rows start the adapter's quarantine list and count as rows read.
 */
export function readInputTable(
  sourceId: string,
  files: Record<string, Buffer>,
  file: string,
  required: string[],
): { rows: ParsedRow[]; quarantined: QuarantineEntry[]; rowsRead: number } {
  const buf = files[file];
  if (!buf) throw new SchemaDriftError(sourceId, `input ${file} not provided`);
  const { rows, malformed } = readTable(sourceId, buf, required, { label: `${sourceId} (${file})` });
  return { rows, quarantined: [...malformed], rowsRead: rows.length + malformed.length };
}

/** A well-formed citation URL: parses as a URL, http or https, with a host. Returns the problem, or null when it is fine. */
export function urlProblem(s: string): string | null {
  if (!s) return 'missing source_url';
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return `source_url "${s}" is not a URL`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `source_url "${s}" is not http(s)`;
  if (!u.hostname || !u.hostname.includes('.')) return `source_url "${s}" has no host`;
  if (/\s/.test(s)) return `source_url "${s}" contains spaces`;
  return null;
}

/** YYYY-MM or YYYY-MM-DD with a real month and day. */
export function isAsOfDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}
