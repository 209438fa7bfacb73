import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../../src/components/format.ts';

describe('formatDate', () => {
  it('shows each ISO precision in the language asked for, also after the other language was used', () => {
    expect(formatDate('2024', 'en')).toBe('2024');
    expect(formatDate('2024-03', 'en')).toBe('March 2024');
    expect(formatDate('2024-03-05', 'en')).toBe('Mar 5, 2024');
    expect(formatDate('2024-03', 'es')).toMatch(/^marzo (de )?2024$/);
    expect(formatDate('2024-03-05', 'es')).toMatch(/^5 mar\.? (de )?2024$/);
    expect(formatDate('2024-03-05', 'en')).toBe('Mar 5, 2024');
    expect(formatDate('2024-12', 'en')).toBe('December 2024');
  });

  it('keeps the calendar day whatever the time zone (dates are UTC days)', () => {
    expect(formatDate('2024-01-01', 'en')).toBe('Jan 1, 2024');
    expect(formatDate('2023-12-31', 'en')).toBe('Dec 31, 2023');
  });

  it('shows anything that is not an ISO date as given', () => {
    expect(formatDate('n.d.', 'en')).toBe('n.d.');
    expect(formatDate('', 'es')).toBe('');
  });
});

describe('formatNumber', () => {
  it('uses the language’s separators', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'es')).toBe('1,234.5');
    expect(formatNumber(0.125, 'en', 1)).toBe('0.1');
  });
});
