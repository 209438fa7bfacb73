import type { Catalog } from './catalog.ts';

/** Every area's string catalog. Each catalog's top-level keys must be unique across catalogs. */
export const CATALOGS: Catalog<Record<string, unknown>>[] = [];
