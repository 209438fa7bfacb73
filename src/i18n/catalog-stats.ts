import { defineCatalog } from './catalog.ts';

/** Strings of the statistics panel (charts, state table, statistics export). */
export const statsCatalog = defineCatalog(
  {
    stats: {
      heading: 'Statistics of what passes the filters',
    },
  },
  {
    stats: {
      heading: 'Estadísticas de lo que pasa los filtros',
    },
  },
);
