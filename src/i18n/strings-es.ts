import { es } from './es.ts';
import { categoriesEs } from './catalog-categories.es.ts';
import { panelsEs } from './catalog-panels.es.ts';
import { mapEs } from './catalog-map.es.ts';
import { analysisEs } from './catalog-analysis.es.ts';
import { presentEs } from './catalog-present.es.ts';
import { offlineEs } from './catalog-offline.es.ts';
import { governanceEs } from './catalog-governance.es.ts';

export { SOURCE_TITLES_ES } from '../data/source-titles-es.ts';

/**
 * The first view's Spanish strings: the catalogs of ./strings-en.ts in Spanish, in a chunk of their own (issue 13).
 * The layer names (from the layer specs) and the supply-chain catalog are in the first view's bundle in both
 * languages already; i18n.ts adds them when it loads this chunk.
 */
export const ES_STRINGS: Record<string, unknown> = Object.assign({}, es, categoriesEs, panelsEs, mapEs, analysisEs, presentEs, offlineEs, governanceEs);
