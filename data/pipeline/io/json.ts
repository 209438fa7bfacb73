export { decodeText } from './read-input.ts';
export function truncateRawJson(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 500 ? s.slice(0, 500) : s;
}
