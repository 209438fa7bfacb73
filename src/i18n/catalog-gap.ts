import { defineCatalog } from './catalog.ts';

/** Strings of the charging-gap analysis (issue 10): controls, summary, candidate sites, ports scenario, legend, export. */
export const gapCatalog = defineCatalog(
  {
    gap: {
      heading: 'Charging gap',
      intro:
        'Who is far from a charger, and where new sites would reach the most people. Every figure follows the charger filters (country, level, network, status, access, state).',
      toggle: 'Show the gap on the map',
      radius: 'Distance R',
      radiusOption: '{{km}} km',
      radiusHint: {
        r1_6: 'NEVI: within 1 mile',
        r30: 'half of the EU’s 60 km AFIR spacing',
        r50: 'default',
        r80: 'NEVI: 50-mile spacing',
      },
      filtersHeading: 'Chargers counted',
      loading: 'Computing the distances…',
      missing: 'This data build has no population points: the gap cannot be computed.',
      noChargers: 'No charger passes the filters: everybody is counted beyond R.',
      computed: '{{points}} population points, {{chargers}} chargers passing the filters; recomputed in {{ms}} ms.',
      summary: {
        heading: 'People beyond {{km}} km of a charger',
        caption: 'People farther than {{km}} km (straight line) from the nearest charger passing the filters',
        area: 'Area',
        people: 'People',
        beyond: 'Beyond {{km}} km',
        share: 'Share',
        dcBeyond: 'DC fast: beyond {{km}} km',
        dcShare: 'DC fast: share',
        both: 'Both countries',
        lowerBound: 'upper bound',
        dcNote:
          'DC fast figures count only chargers whose level is known to be DC fast, so they overstate the gap (coverage is a lower bound): the US 2022 snapshot marks DC fast only in New York and at Tesla sites (the 2026 Tesla Supercharger snapshot adds the open Tesla sites); elsewhere the level is unknown, not absent.',
      },
      states: {
        heading: 'States with the largest gaps',
        caption: 'The {{count}} states with the largest share of people beyond {{km}} km',
        state: 'State',
      },
      candidates: {
        heading: 'Candidate sites',
        intro:
          'Greedy ranking: each site is the population point with the most people beyond {{km}} km within {{km}} km of it, after the earlier picks; the people a pick covers no longer count.',
        caption: 'Up to {{count}} candidate sites, with the people each would newly cover',
        rank: '#',
        place: 'Place',
        newly: 'People newly covered',
        none: 'Nobody is beyond {{km}} km of a charger passing the filters.',
        namesLoading: 'loading names…',
      },
      ports: {
        heading: 'Ports needed in 2030 (scenario)',
        intro:
          'A scenario, not a forecast: battery EVs registered in 2023 (AFDC/Experian) × NREL’s 2030 ratios (about 5.5 public DC fast and 30 public Level 2 ports per 1,000 EVs; “The 2030 National Charging Network”, NREL, 2023), against the sites mapped under the filters. US states only (Mexico publishes no EV stock by state). Mapped ports are known only where the source gives them.',
        caption: 'Ports needed in 2030 under the NREL ratios, and DC fast sites mapped, by US state',
        bev: 'Battery EVs 2023',
        dcNeeded: 'DC fast ports needed',
        l2Needed: 'Level 2 ports needed',
        dcMapped: 'DC fast sites mapped',
        dcPorts: 'Their ports (where known)',
        show: 'Show the US state table',
      },
      legend: {
        heading: 'Distance to the nearest charger',
        band: '{{from}}–{{to}} km',
        first: 'up to {{to}} km',
        last: 'over {{from}} km',
        none: 'no charger passes the filters',
        size: 'Circle area: people (US county population centres, Census 2020; Mexican municipios, INEGI 2020)',
        candidate: 'Numbered marker: candidate site (rank)',
      },
      rests: {
        heading: 'What these figures rest on',
        distance: 'Distances are straight-line (great-circle) from a population point to the nearest charger, not driving distances.',
        population:
          'Population: US county population-weighted centres (Census 2020) and Mexican municipio centres (INEGI Censo 2020; municipios created after 2015 placed at their parent’s centre). Everyone in a county or municipio is counted at its centre.',
        chargersUS: 'United States: the charger layer is partial and dated (AFDC 2022 snapshot, New York 2025, Tesla 2021 and 2026): shares beyond R are upper bounds.',
        chargersMX:
          'Mexico: the charger layer holds about a tenth of the public sites (114 mapped; EMA counted 4,060 public charge points in 2025): Mexican coverage figures are lower bounds, and the gap is overstated.',
        border: 'With both countries selected, the nearest charger may be across the border.',
      },
      export: {
        csv: 'Download the gap figures (CSV)',
        citations: 'Citations',
        done: 'Saved {{file}}',
        failed: 'Export failed: {{message}}',
      },
    },
  },
  {
    gap: {
      heading: 'Brecha de carga',
      intro:
        'Quién está lejos de un cargador y dónde nuevos sitios llegarían a más personas. Cada cifra sigue los filtros de cargadores (país, nivel, red, estado operativo, acceso, entidad).',
      toggle: 'Mostrar la brecha en el mapa',
      radius: 'Distancia R',
      radiusOption: '{{km}} km',
      radiusHint: {
        r1_6: 'NEVI: a menos de 1 milla',
        r30: 'la mitad de los 60 km de AFIR (UE)',
        r50: 'predeterminada',
        r80: 'NEVI: espaciado de 50 millas',
      },
      filtersHeading: 'Cargadores considerados',
      loading: 'Calculando las distancias…',
      missing: 'Esta compilación de datos no tiene puntos de población: no se puede calcular la brecha.',
      noChargers: 'Ningún cargador pasa los filtros: toda la población queda a más de R.',
      computed: '{{points}} puntos de población, {{chargers}} cargadores que pasan los filtros; recalculado en {{ms}} ms.',
      summary: {
        heading: 'Personas a más de {{km}} km de un cargador',
        caption: 'Personas a más de {{km}} km (en línea recta) del cargador más cercano que pasa los filtros',
        area: 'Ámbito',
        people: 'Personas',
        beyond: 'A más de {{km}} km',
        share: 'Proporción',
        dcBeyond: 'Carga rápida CC: a más de {{km}} km',
        dcShare: 'Carga rápida CC: proporción',
        both: 'Ambos países',
        lowerBound: 'cota superior',
        dcNote:
          'Las cifras de carga rápida CC cuentan solo los cargadores cuyo nivel se sabe que es CC, así que exageran la brecha (la cobertura es una cota inferior): el corte de EE. UU. de 2022 marca la carga rápida solo en Nueva York y en sitios Tesla (el corte de Supercargadores Tesla de 2026 añade los sitios Tesla abiertos); en el resto el nivel es desconocido, no ausente.',
      },
      states: {
        heading: 'Entidades con mayor brecha',
        caption: 'Las {{count}} entidades con mayor proporción de personas a más de {{km}} km',
        state: 'Entidad',
      },
      candidates: {
        heading: 'Sitios candidatos',
        intro:
          'Clasificación voraz: cada sitio es el punto de población con más personas a más de {{km}} km dentro de {{km}} km de él, tras las elecciones anteriores; las personas que cubre una elección ya no cuentan.',
        caption: 'Hasta {{count}} sitios candidatos, con las personas que cada uno cubriría por primera vez',
        rank: 'N.º',
        place: 'Lugar',
        newly: 'Personas cubiertas por primera vez',
        none: 'Nadie está a más de {{km}} km de un cargador que pase los filtros.',
        namesLoading: 'cargando nombres…',
      },
      ports: {
        heading: 'Puertos necesarios en 2030 (escenario)',
        intro:
          'Un escenario, no un pronóstico: vehículos eléctricos de batería registrados en 2023 (AFDC/Experian) × las razones de NREL para 2030 (unos 5.5 puertos públicos de carga rápida CC y 30 de Nivel 2 por cada 1,000 VE; “The 2030 National Charging Network”, NREL, 2023), frente a los sitios mapeados con los filtros. Solo estados de EE. UU. (México no publica el parque de VE por entidad). Los puertos mapeados se conocen solo donde la fuente los da.',
        caption: 'Puertos necesarios en 2030 según las razones de NREL y sitios de carga rápida CC mapeados, por estado de EE. UU.',
        bev: 'VE de batería 2023',
        dcNeeded: 'Puertos CC necesarios',
        l2Needed: 'Puertos Nivel 2 necesarios',
        dcMapped: 'Sitios CC mapeados',
        dcPorts: 'Sus puertos (donde se conocen)',
        show: 'Mostrar la tabla por estado de EE. UU.',
      },
      legend: {
        heading: 'Distancia al cargador más cercano',
        band: '{{from}}–{{to}} km',
        first: 'hasta {{to}} km',
        last: 'más de {{from}} km',
        none: 'ningún cargador pasa los filtros',
        size: 'Área del círculo: personas (centros de población de condados de EE. UU., Censo 2020; municipios de México, INEGI 2020)',
        candidate: 'Marcador numerado: sitio candidato (lugar en la clasificación)',
      },
      rests: {
        heading: 'En qué se basan estas cifras',
        distance: 'Las distancias son en línea recta (ortodrómicas) desde un punto de población hasta el cargador más cercano, no distancias por carretera.',
        population:
          'Población: centros de población ponderados de los condados de EE. UU. (Censo 2020) y centros de los municipios de México (INEGI, Censo 2020; los municipios creados después de 2015 se ubican en el centro de su municipio de origen). Toda la población de un condado o municipio se cuenta en su centro.',
        chargersUS:
          'Estados Unidos: la capa de cargadores es parcial y antigua (corte AFDC 2022, Nueva York 2025, Tesla 2021 y 2026): las proporciones a más de R son cotas superiores.',
        chargersMX:
          'México: la capa de cargadores tiene alrededor de una décima parte de los sitios públicos (114 mapeados; EMA contó 4,060 puntos de carga públicos en 2025): las cifras de cobertura de México son cotas inferiores y la brecha está sobrestimada.',
        border: 'Con ambos países seleccionados, el cargador más cercano puede estar al otro lado de la frontera.',
      },
      export: {
        csv: 'Descargar las cifras de la brecha (CSV)',
        citations: 'Citas',
        done: 'Se guardó {{file}}',
        failed: 'La exportación falló: {{message}}',
      },
    },
  },
);
