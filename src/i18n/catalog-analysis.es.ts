import type { DeepStrings } from './catalog.ts';
import type { analysisEn } from './catalog-analysis.ts';

/** Spanish strings of catalog-analysis.ts (loaded with the Spanish interface: src/i18n/i18n.ts). */
export const analysisEs: DeepStrings<typeof analysisEn> = {
  tabs: {
    label: 'Vistas del panel',
    layers: 'Capas',
    stats: 'Estadísticas',
    table: 'Tabla',
    gap: 'Brecha de carga',
  },
  measures: {
    count: 'Número',
    per100k: 'Por cada 100,000 habitantes',
    per10kKm2: 'Por cada 10,000 km²',
    bevPerCharger: 'VE de batería por cargador',
    shareBeyondR: 'Proporción de personas a más de R km',
  },
  measureUnits: {
    count: '{{layer}} que pasan los filtros',
    per100k: '{{layer}} por cada 100,000 habitantes (Censo 2020 de EE. UU. e INEGI 2020)',
    per10kKm2: '{{layer}} por cada 10,000 km² de superficie estatal',
    bevPerCharger: 'Vehículos eléctricos de batería registrados en 2023 (solo VE de batería, no híbridos enchufables; AFDC/Experian) por cargador mapeado',
    shareBeyondR:
      'Proporción de la población del estado (Censo 2020 de EE. UU., INEGI 2020) cuya distancia en línea recta al {{layer}} más cercano que pasa los filtros supera R km (R se elige en la pestaña Brecha de carga); donde la capa de cargadores es parcial estas proporciones son cotas superiores (la cobertura es una cota inferior)',
  },
  choropleth: {
    heading: 'Estados',
    layer: 'Colorear estados por',
    none: 'Sin color por estado',
    measure: 'Medida',
    bevUsOnly: 'Solo estados de EE. UU.: México no publica registros por estado',
    legendTitle: '{{layer}}: {{measure}}',
    classRange: '{{from}} a {{to}}',
    zero: 'Ninguno mapeado',
    noData: 'Sin valor',
    partial: '{{country}}: la capa es parcial ({{mapped}} mapeados); los valores son cotas inferiores, no «bajos».',
    loading: 'Cargando cifras por estado…',
    missing: 'Esta versión de los datos no incluye cifras por estado: el mapa coroplético y la tabla de estados requieren los datos de población.',
    sources:
      'Denominadores: población del Censo 2020 de EE. UU. y del Censo 2020 del INEGI; superficies de los polígonos estatales del mapa base (Natural Earth, incluye aguas interiores).',
    tooltip: '{{state}}: {{value}}',
    tooltipRank: 'lugar {{rank}} de {{of}} en {{country}}',
    tooltipOpen: 'Haga clic para ver el perfil del estado',
    hexHidden: 'Mientras los estados están coloreados, se ocultan los hexágonos de cargadores; los cargadores individuales siguen apareciendo desde el zoom {{zoom}}.',
  },
  profile: {
    heading: 'Perfil del estado',
    close: 'Cerrar el perfil del estado',
    population: 'Población (2020)',
    area: 'Superficie',
    bev: 'VE de batería registrados (2023)',
    layer: 'Capa',
    count: 'Que pasan los filtros',
    rank: 'Lugar',
    rankCountry: '{{rank}} de {{of}} ({{country}})',
    rankBoth: '{{rank}} de {{of}} (ambos)',
    noRank: '–',
    published: 'Cifras publicadas',
    publishedLine: '{{publisher}} ({{date}}) publicó: {{value}} {{unit}}',
    publishedGap: 'El mapa tiene {{mapped}} para este estado: la cifra publicada muestra cuánto falta.',
    noPublished: 'No se encontró una cifra publicada por estado para esta capa.',
    partial: 'Capa parcial en {{country}}: los conteos son cotas inferiores.',
    sources: 'Fuentes',
    missing: 'Este estado no está en esta versión de los datos.',
    rankedBy:
      'Lugares según «{{measure}}» (por número para las capas distintas de cargadores cuando se elige VE de batería por cargador), entre los estados con valor; los empates comparten lugar.',
  },
};
