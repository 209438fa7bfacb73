/** Reading raw inputs: gunzip, BOM stripping, UTF-8 validation with an explicit latin1/windows-1252 fallback. */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  hadBom: boolean;
  /** set when the bytes were not valid UTF-8 and a fallback decoding was used */
  warning: string | null;
}

export function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Reads a file; inflates it when it is gzip (by magic bytes, whatever its name). */
export function readInputBytes(path: string): Buffer {
  const raw = readFileSync(path);
  return isGzip(raw) ? gunzipSync(raw) : raw;
}

export function sha256(buf: Buffer | string): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** A text input that is neither UTF-8 nor windows-1252/ISO-8859-1 (NUL bytes, UTF-16): the build stops, naming the file. */
export class InputEncodingError extends Error {
  constructor(
    public readonly label: string,
    public readonly detail: string,
  ) {
    super(`${label}: ${detail}`);
    this.name = 'InputEncodingError';
  }
}

export type TextEncodingName = DecodedText['encoding'];

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/**
 * Which encoding a text input is in: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
 * windows-1252 (a superset of ISO-8859-1 for printable text). Throws InputEncodingError for bytes that are
 * neither: a UTF-16 byte-order mark, or NUL bytes (UTF-16 without BOM, binary data).
 */
export function detectEncoding(buf: Uint8Array, label = 'input'): { encoding: TextEncodingName; hadBom: boolean; bytes: Uint8Array } {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new InputEncodingError(label, 'the file is UTF-16 (byte-order mark found); save it as UTF-8 or ISO-8859-1');
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    throw new InputEncodingError(label, `the file contains NUL bytes (first at byte ${nul}): not UTF-8 or ISO-8859-1 text (UTF-16 or binary?)`);
  }
  let bytes = buf;
  let hadBom = false;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    hadBom = true;
  }
  try {
    UTF8_STRICT.decode(bytes);
    return { encoding: 'utf-8', hadBom, bytes };
  } catch {
    return { encoding: 'windows-1252', hadBom, bytes };
  }
}

/**
 * Decode a text input: BOM stripped; valid UTF-8 as UTF-8; otherwise windows-1252/ISO-8859-1, with a warning
 * saying so. Neither (NUL bytes, UTF-16): InputEncodingError.
 */
export function decodeText(buf: Uint8Array, label = 'input'): DecodedText {
  const { encoding, hadBom, bytes } = detectEncoding(buf, label);
  if (encoding === 'utf-8') {
    return { text: stripBom(new TextDecoder('utf-8').decode(bytes)), encoding, hadBom, warning: null };
  }
  return {
    text: decodeWindows1252(bytes),
    encoding,
    hadBom,
    warning: `${label}: bytes are not valid UTF-8; decoded as windows-1252 (latin1). Check accented names.`,
  };
}

/** windows-1252 code points of bytes 0x80-0x9F (the WHATWG table; the 5 unassigned bytes map to themselves). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * windows-1252 (a superset of ISO-8859-1's printable characters). Written out because Node 20's
 * TextDecoder('windows-1252') (and 'latin1') decodes bytes 0x80-0x9F as C1 control characters, i.e. as
 * ISO-8859-1, which turns curly quotes, dashes and the euro sign of windows-1252 exports into invisible controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
