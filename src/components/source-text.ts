import type { TFunction } from 'i18next';
import { ATLAS_CONTRIBUTORS, PER_ROW_AS_OF } from '../data/atlas-format.ts';
import type { Language } from '../state/atlas-state.ts';
import { formatDate } from './format.ts';
import { spanishSourceTitle } from '../i18n/i18n.ts';

/** A source's publisher as shown: publishers are names, except this project's own, which is shown in the interface language. */
export function publisherName(publisher: string, t: TFunction): string {
  return publisher === ATLAS_CONTRIBUTORS ? t('data.atlasContributors') : publisher;
}

/** A source's date as shown, or null for a source whose rows each carry their own date (`PER_ROW_AS_OF`). */
export function sourceDate(asOf: string, language: Language): string | null {
  return asOf === PER_ROW_AS_OF ? null : formatDate(asOf, language);
}

/** "as of <date>" (`datedKey`) for a source, or `perRowKey` for one whose rows each carry their own date. */
export function sourceAsOfText(asOf: string, language: Language, t: TFunction, datedKey: string, perRowKey: string): string {
  const date = sourceDate(asOf, language);
  return date === null ? t(perRowKey) : t(datedKey, { date });
}

/**
 * A source's title in the interface language: the data's English description, or its Spanish title by source id
 * (loaded with the Spanish strings, which the interface has before it shows Spanish).
 */
export function sourceTitle(source: { id: string; title: string }, language: Language): string {
  return (language === 'es' ? spanishSourceTitle(source.id) : undefined) ?? source.title;
}
