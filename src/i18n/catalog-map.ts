import { defineCatalog } from './catalog.ts';

/** Strings drawn by the map layers (tooltips, symbol notes). */
export const mapCatalog = defineCatalog(
  {
    atlasMap: {
      tooltip: {
        hexCount_one: '{{formatted}} charger in this area',
        hexCount_other: '{{formatted}} chargers in this area',
        zoomIn: 'Zoom in to see each charger',
        crossBorder: 'Cross-border',
      },
      legend: {
        hexbin: 'Chargers per hexagon',
        approximate: 'Outer ring: approximate location',
        plantSize: 'Size: capacity (GWh), or investment when capacity is unknown',
        assemblySize: 'Size: investment (USD million) when known',
        flowWidth: 'Width: annual volume when public; thicker: cross-border',
        chainHint: 'Select a facility to highlight its supply chain',
      },
    },
  },
  {
    atlasMap: {
      tooltip: {
        hexCount_one: '{{formatted}} cargador en esta zona',
        hexCount_other: '{{formatted}} cargadores en esta zona',
        zoomIn: 'Acerque el mapa para ver cada cargador',
        crossBorder: 'Transfronterizo',
      },
      legend: {
        hexbin: 'Cargadores por hexágono',
        approximate: 'Anillo exterior: ubicación aproximada',
        plantSize: 'Tamaño: capacidad (GWh), o inversión si no se conoce la capacidad',
        assemblySize: 'Tamaño: inversión (millones de USD) cuando se conoce',
        flowWidth: 'Grosor: volumen anual cuando es público; más grueso: transfronterizo',
        chainHint: 'Seleccione una instalación para resaltar su cadena de suministro',
      },
    },
  },
);
