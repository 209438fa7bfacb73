import type { Catalog } from './catalog.ts';
import { categoriesCatalog } from './catalog-categories.ts';
import { panelsCatalog } from './catalog-panels.ts';
import { mapCatalog } from './catalog-map.ts';
import { layersCatalog } from './catalog-layers.ts';
import { analysisCatalog } from './catalog-analysis.ts';
import { statsCatalog } from './catalog-stats.ts';
import { presentCatalog } from './catalog-present.ts';
import { offlineCatalog } from './catalog-offline.ts';
import { governanceCatalog } from './catalog-governance.ts';
import { chainCatalog } from './catalog-chain.ts';

/**
 * The string catalogs of the first view. Each catalog's top-level keys must be unique across catalogs.
 * A panel loaded later registers its own catalog from its module with `registerCatalog` (src/i18n/i18n.ts), so its
 * strings load with it (issue 13): catalog-gap.ts (src/components/gap-panel.tsx), catalog-table.ts (src/components/table-view.tsx).
 */
export const CATALOGS: Catalog<Record<string, unknown>>[] = [
  categoriesCatalog as Catalog<Record<string, unknown>>,
  panelsCatalog as Catalog<Record<string, unknown>>,
  mapCatalog as Catalog<Record<string, unknown>>,
  layersCatalog as unknown as Catalog<Record<string, unknown>>,
  analysisCatalog as Catalog<Record<string, unknown>>,
  statsCatalog as Catalog<Record<string, unknown>>,
  presentCatalog as Catalog<Record<string, unknown>>,
  offlineCatalog as Catalog<Record<string, unknown>>,
  governanceCatalog as Catalog<Record<string, unknown>>,
  chainCatalog as Catalog<Record<string, unknown>>,
];
