/** Number, date and category formatting per language, shared by the panels. */
import type { TFunction } from 'i18next';
import { localeOf } from '../i18n/i18n.ts';
import type { Language } from '../state/atlas-state.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  const key = `${language}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function formatInteger(value: number, language: Language): string {
  return formatNumber(Math.round(value), language, 0);
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Formats an ISO date that may be partial (YYYY, YYYY-MM, YYYY-MM-DD); anything else is shown as given. */
export function formatDate(value: string, language: Language): string {
  const match = DATE_PATTERN.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
  if (Number.isNaN(date.getTime())) return value;
  const precision = day ? 'day' : month ? 'month' : 'year';
  return dateFormat(language, precision).format(date);
}

// Creating an Intl.DateTimeFormat costs far more than formatting with one; the legend formats dates on every filter change.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, precision: 'year' | 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${language}:${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (precision !== 'year') options.month = precision === 'day' ? 'short' : 'long';
    if (precision === 'day') options.day = 'numeric';
    format = new Intl.DateTimeFormat(localeOf(language), options);
    dateFormats.set(key, format);
  }
  return format;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text or dropped. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A category value's label, or the raw value when the catalog does not know it (free-text categories). */
export function categoryLabel(t: TFunction, namespace: string, value: string): string {
  return t(`categories.${namespace}.${value}`, { defaultValue: value });
}

/** The label of a state code: from the basemap's labels when loaded, otherwise the code itself. */
export function stateLabel(code: string | null, names: ReadonlyMap<string, { en: string; es: string }> | undefined, language: Language): string | null {
  if (!code) return null;
  const entry = names?.get(code);
  return entry ? entry[language] : code;
}
