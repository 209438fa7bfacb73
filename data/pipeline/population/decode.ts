/** Text decoding for the population inputs, kept in one function so it can be swapped for the shared
 *  reader in data/pipeline/io/csv.ts later: strict UTF-8 when the bytes are valid UTF-8, else ISO-8859-1. */

export interface DecodedBytes {
  text: string;
  encoding: 'utf-8' | 'latin1';
}

export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  let b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // WHATWG maps the 'latin1' label to windows-1252, a superset of ISO-8859-1 for printable bytes.
    return { text: new TextDecoder('latin1').decode(b), encoding: 'latin1' };
  }
}

/** Splits text into physical lines (CRLF, LF or CR), keeping 1-based line numbers. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
