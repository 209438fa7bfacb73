/** Reading raw inputs: gunzip, BOM stripping, UTF-8 validation with an explicit latin1/windows-1252 fallback. */
import { gunzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
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

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** Decode bytes as UTF-8 (strict). Invalid UTF-8 falls back to windows-1252 and says so. */
export function decodeText(buf: Buffer, label = 'input'): DecodedText {
  let bytes: Uint8Array = buf;
  let hadBom = false;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    hadBom = true;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: stripBom(text), encoding: 'utf-8', hadBom, warning: null };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      text,
      encoding: 'windows-1252',
      hadBom,
      warning: `${label}: bytes are not valid UTF-8; decoded as windows-1252 (latin1). Check accented names.`,
    };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
