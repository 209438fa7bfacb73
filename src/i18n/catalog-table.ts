import { defineCatalog } from './catalog.ts';

/** Strings of the table view (the accessible list of the features that pass the filters). */
export const tableCatalog = defineCatalog(
  {
    table: {
      heading: 'Features that pass the filters',
    },
  },
  {
    table: {
      heading: 'Elementos que pasan los filtros',
    },
  },
);
