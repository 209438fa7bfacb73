/** Truncation guard: a source yielding far fewer rows than the committed baseline fails the build. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export class TruncationError extends Error {
  constructor(public readonly problems: { sourceId: string; rowsRead: number; baseline: number }[]) {
    super(
      problems
        .map(
          (p) =>
            `Source "${p.sourceId}" yielded ${p.rowsRead} rows, fewer than 50% of its baseline ${p.baseline} (data/baseline-counts.json): truncated or partial download?`,
        )
        .join('\n') + '\nSet ATLAS_ALLOW_SHRINK=1 to accept a smaller source deliberately (then update data/baseline-counts.json).',
    );
    this.name = 'TruncationError';
  }
}

export type Baseline = Record<string, number>;

export function readBaseline(path: string | null): Baseline {
  if (!path || !existsSync(path)) return {};
  const j = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const out: Baseline = {};
  for (const [k, v] of Object.entries(j)) if (typeof v === 'number' && !k.startsWith('_')) out[k] = v;
  return out;
}

export function checkShrink(
  baseline: Baseline,
  rows: { sourceId: string; rowsRead: number }[],
  allowShrink: boolean,
): { sourceId: string; rowsRead: number; baseline: number }[] {
  const problems = rows
    .filter((r) => baseline[r.sourceId] !== undefined && r.rowsRead < 0.5 * baseline[r.sourceId]!)
    .map((r) => ({ sourceId: r.sourceId, rowsRead: r.rowsRead, baseline: baseline[r.sourceId]! }));
  if (problems.length && !allowShrink) throw new TruncationError(problems);
  return problems;
}

export function writeBaseline(path: string, rows: { sourceId: string; rowsRead: number }[]): void {
  const out: Record<string, unknown> = {
    _comment:
      'rows read per source in a known-good build; the build fails if a source yields < 50% of this (ATLAS_ALLOW_SHRINK=1 to override). Regenerate with: npx tsx data/pipeline/cli.ts baseline',
  };
  for (const r of [...rows].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1))) out[r.sourceId] = r.rowsRead;
  writeFileSync(path, JSON.stringify(out, null, 2) + '\n');
}
