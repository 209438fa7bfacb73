import { en } from './en.ts';
import { categoriesEn } from './catalog-categories.ts';
import { panelsEn } from './catalog-panels.ts';
import { mapEn } from './catalog-map.ts';
import { layerStrings } from './catalog-layers.ts';
import { analysisEn } from './catalog-analysis.ts';
import { presentEn } from './catalog-present.ts';
import { offlineEn } from './catalog-offline.ts';
import { governanceEn } from './catalog-governance.ts';
import { chainCatalog } from './catalog-chain.ts';

/**
 * The first view's English strings: the shell and every area's catalog, merged (each catalog's top-level keys are
 * unique across catalogs). English is in the first view's bundle; Spanish (./strings-es.ts, the same catalogs) is
 * loaded when the interface is first shown in Spanish (src/i18n/i18n.ts, issue 13). A panel loaded later adds its
 * own catalog in both languages with `registerCatalog`: catalog-gap.ts (src/components/gap-panel.tsx),
 * catalog-stats.ts (src/components/stats-panel.tsx), catalog-table.ts (src/components/table-view.tsx),
 * catalog-image-export.ts (src/present/image-export-controls.tsx, src/present/embed-view.tsx).
 */
export const EN_STRINGS: Record<string, unknown> = Object.assign(
  {},
  en,
  categoriesEn,
  panelsEn,
  mapEn,
  layerStrings('en'),
  analysisEn,
  presentEn,
  offlineEn,
  governanceEn,
  chainCatalog.en,
);
