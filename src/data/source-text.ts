import type { TFunction } from 'i18next';
import { ATLAS_CONTRIBUTORS, PER_ROW_AS_OF } from './atlas-format.ts';
import type { Language } from '../state/atlas-state.ts';
import { formatDate } from '../components/format.ts';

/** A source's publisher as shown: publishers are names, except this project's own, which is shown in the interface language. */
export function publisherName(publisher: string, t: TFunction): string {
  return publisher === ATLAS_CONTRIBUTORS ? t('data.atlasContributors') : publisher;
}

/** A source's date as shown, or null for a source whose rows each carry their own date (`PER_ROW_AS_OF`). */
export function sourceDate(asOf: string, language: Language): string | null {
  return asOf === PER_ROW_AS_OF ? null : formatDate(asOf, language);
}
