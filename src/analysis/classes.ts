/**
 * Classed colours for choropleths: quantile classes (d3-array) over the states' positive values,
 * drawn with a colour-blind-safe sequential scheme (viridis, d3-scale-chromatic) that keeps its
 * steps apart on a projector. Zero ("none mapped") and no value ("no data") have their own colours.
 */
import { quantileSorted } from 'd3-array';
import { scaleThreshold } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import type { Rgba } from '../map/layer-styles.ts';
import type { ClassBreaks } from './class-colors.ts';

export const CLASS_COUNT = 5;

function rgbaOf(css: string, alpha = 225): Rgba {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), alpha];
  const rgb = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(css);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha] : [128, 128, 128, alpha];
}

/** Viridis from light yellow (low) to dark purple (high), skipping the darkest end so labels stay legible. */
export function classColors(count: number): Rgba[] {
  if (count <= 1) return [rgbaOf(interpolateViridis(0.55))];
  return Array.from({ length: count }, (_, i) => rgbaOf(interpolateViridis(0.95 - (0.85 * i) / (count - 1))));
}

/** Quantile classes over the positive values (duplicate thresholds merged). */
export function quantileBreaks(values: readonly (number | null)[]): ClassBreaks | null {
  const positive = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return null;
  const thresholds: number[] = [];
  for (let i = 1; i < CLASS_COUNT; i++) {
    const q = quantileSorted(positive, i / CLASS_COUNT)!;
    if (q > positive[0]! && (thresholds.length === 0 || q > thresholds[thresholds.length - 1]!)) thresholds.push(q);
  }
  return { thresholds, colors: classColors(thresholds.length + 1), min: positive[0]!, max: positive[positive.length - 1]! };
}

/** Class index of a value (0 = lowest), or -1 for zero, -2 for no value. */
export function classOf(breaks: ClassBreaks | null, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return -2;
  if (value <= 0 || !breaks) return -1;
  const scale = scaleThreshold<number, number>()
    .domain(breaks.thresholds)
    .range(breaks.colors.map((_, i) => i));
  return scale(value);
}
