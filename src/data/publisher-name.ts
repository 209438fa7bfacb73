import type { TFunction } from 'i18next';
import { ATLAS_CONTRIBUTORS } from './atlas-format.ts';

/** A source's publisher as shown: publishers are names, except this project's own, which is shown in the interface language. */
export function publisherName(publisher: string, t: TFunction): string {
  return publisher === ATLAS_CONTRIBUTORS ? t('data.atlasContributors') : publisher;
}
