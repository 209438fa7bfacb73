import { describe, expect, it } from 'vitest';
import { decodeOtherJobsFigure, encodeOtherJobsFigure } from '../../src/data/jobs-figure.ts';
import { jobsAttributes } from '../../data/pipeline/jobs/figures.ts';

describe('other jobs figures (detail attribute jobsOther)', () => {
  it('what the pipeline writes, the interface reads back', () => {
    const figures = [
      { jobs: 640, kind: 'employed', year: null, source: 'naatbatt', curated: false },
      { jobs: 1000, kind: 'announced', year: null, source: 'na-ev-investments-2024', curated: false },
      { jobs: 350, kind: 'employed', year: 2019, source: 'https://example.org/a b', curated: true },
    ] as const;
    const attributes = jobsAttributes(figures)!;
    const others = attributes.jobsOther as string[];
    const kept = { jobs: attributes.jobs, kind: attributes.jobsKind, year: attributes.jobsYear, source: attributes.jobsSourceUrl };
    const all = [kept, ...others.map(decodeOtherJobsFigure)];
    expect(all).toHaveLength(3);
    expect(new Set(all.map((f) => JSON.stringify(f)))).toEqual(new Set(figures.map(({ curated: _curated, ...f }) => JSON.stringify(f))));
    for (const figure of others.map(decodeOtherJobsFigure)) expect(encodeOtherJobsFigure(figure!)).toMatch(/^\d+ (employed|announced) (\d{4}|-) \S/);
  });

  it('a string in another form is not read as a figure (it is shown as written)', () => {
    for (const text of ['about 2000 jobs', '2000 hired 2024 x', '2000 employed 24 x', '2000 employed 2024', '']) expect(decodeOtherJobsFigure(text)).toBeNull();
  });
});
