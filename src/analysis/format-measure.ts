import { formatNumber } from '../components/format.ts';
import type { Language } from '../state/atlas-state.ts';
import type { StateMeasure } from './state-measures.ts';

/** A measure value as text: counts as integers, rates with the decimals their size needs. */
export function formatMeasure(measure: StateMeasure, value: number, language: Language): string {
  if (measure === 'count') return formatNumber(value, language, 0);
  if (measure === 'shareBeyondR') return `${formatNumber(value * 100, language, value * 100 >= 10 ? 0 : 1)} %`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return formatNumber(value, language, digits);
}
