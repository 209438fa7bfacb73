/** Class breaks and their colours, without the classing code (which loads with the first choropleth: ./classes.ts). */
import type { Rgba } from '../map/layer-styles.ts';

export interface ClassBreaks {
  /** ascending upper-exclusive thresholds between classes (CLASS_COUNT - 1 of them, fewer with few distinct values) */
  thresholds: number[];
  /** one colour per class, low to high */
  colors: Rgba[];
  /** lowest and highest positive value */
  min: number;
  max: number;
}

export const ZERO_COLOR: Rgba = [236, 236, 236, 235];
export const NO_DATA_COLOR: Rgba = [255, 255, 255, 0];

export function colorOfClass(breaks: ClassBreaks | null, index: number): Rgba {
  if (index === -1) return ZERO_COLOR;
  if (index < 0 || !breaks) return NO_DATA_COLOR;
  return breaks.colors[index] ?? NO_DATA_COLOR;
}

/** [low, high) bounds of each class, for the legend. */
export function classRanges(breaks: ClassBreaks): { from: number; to: number }[] {
  const edges = [breaks.min, ...breaks.thresholds, breaks.max];
  return breaks.colors.map((_, i) => ({ from: edges[i]!, to: edges[i + 1]! }));
}
