import type { TFunction } from 'i18next';
import { ATLAS_CONTRIBUTORS, PER_ROW_AS_OF } from '../data/atlas-format.ts';
import type { Language } from '../state/atlas-state.ts';
import { formatDate } from './format.ts';
import { SOURCE_TITLES_ES } from '../data/source-titles-es.ts';

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

/** A source's title in the interface language: the data's English description, or its Spanish title by source id. */
export function sourceTitle(source: { id: string; title: string }, language: Language): string {
  return (language === 'es' ? SOURCE_TITLES_ES[source.id] : undefined) ?? source.title;
}
