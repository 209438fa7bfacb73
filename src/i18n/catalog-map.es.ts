import type { DeepStrings } from './catalog.ts';
import type { mapEn } from './catalog-map.ts';

/** Spanish strings of catalog-map.ts (loaded with the Spanish interface: src/i18n/i18n.ts). */
export const mapEs: DeepStrings<typeof mapEn> = {
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
};
