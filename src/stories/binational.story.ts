/**
 * The curated story of the atlas (issue 11). Every figure in a caption is listed in the scene's
 * `facts` and checked against the built data by tests/unit/stories.test.ts and by the build
 * (data/stories/check-stories.ts): when the data changes, the build says which caption to rewrite.
 */
import type { Story } from './story.ts';

const NORTH_AMERICA: [number, number, number, number] = [-124, 14.5, -67, 49.5];

export const BINATIONAL_STORY: Story = {
  id: 'binational',
  title: { en: 'Electrifying transport across the US–Mexico border', es: 'La electrificación del transporte entre México y Estados Unidos' },
  scenes: [
    {
      id: 'overview',
      title: { en: 'One map, two countries', es: 'Un mapa, dos países' },
      caption: {
        en: 'Mapped: 54,981 charging sites, 15,775 mineral sites, 633 battery plants, 173 vehicle assembly plants and 96 supply links. Every layer is partial.',
        es: 'En el mapa: 54,981 sitios de carga, 15,775 sitios minerales, 633 plantas de baterías, 173 plantas de ensamble y 96 vínculos de suministro. Todas las capas son parciales.',
      },
      state: 'v=1',
      bounds: NORTH_AMERICA,
      sources: ['afdc-us-2022', 'ocm-mx-2019', 'minmod', 'cim', 'naatbatt', 'curated-assembly-plants', 'curated-flows'],
      facts: [
        { layer: 'chargers', value: 54981 },
        { layer: 'minerals', value: 15775 },
        { layer: 'battery-plants', value: 633 },
        { layer: 'assembly-plants', value: 173 },
        { layer: 'flows', value: 96 },
      ],
    },
    {
      id: 'mexico-charging',
      title: { en: 'Charging in Mexico: a partial picture', es: 'La carga en México: un panorama parcial' },
      caption: {
        en: 'Only 116 charging sites are mapped in Mexico (13 in Mexico City, 14 in the State of Mexico). EMA counts 4,060 public charge points (Dec. 2025).',
        es: 'Solo 116 sitios de carga están mapeados en México (13 en la Ciudad de México, 14 en el Estado de México). EMA cuenta 4,060 puntos de carga públicos (dic. 2025).',
      },
      state: 'v=1&layers=chargers&country=MX',
      bounds: [-117.5, 14.3, -86.5, 32.8],
      sources: ['ocm-mx-2019', 'supercharge-info-2021', 'mx-state-charger-figures'],
      facts: [
        { layer: 'chargers', value: 116 },
        { layer: 'chargers', states: ['MX-CMX'], value: 13 },
        { layer: 'chargers', states: ['MX-MEX'], value: 14 },
      ],
    },
    {
      id: 'charging-gaps',
      title: { en: 'Where chargers are scarce', es: 'Dónde escasean los cargadores' },
      caption: {
        en: 'Mapped chargers per 100,000 people. Vermont leads the US (50.5), Louisiana is lowest (3.7). In Mexico no state reaches 1: the data there is partial.',
        es: 'Cargadores mapeados por cada 100,000 habitantes. Vermont encabeza EE. UU. (50.5) y Luisiana es el más bajo (3.7). En México ningún estado llega a 1: los datos son parciales.',
      },
      state: 'v=1&layers=none&choro=chargers&measure=per100k',
      bounds: NORTH_AMERICA,
      sources: ['afdc-us-2022', 'afdc-ny-2025', 'supercharge-info-us-2026', 'ocm-mx-2019', 'census-2020-cenpop', 'inegi-censo-2020'],
      facts: [
        { layer: 'chargers', states: ['US-VT'], per100k: true, value: 50.5 },
        { layer: 'chargers', states: ['US-LA'], per100k: true, value: 3.7 },
        { layer: 'chargers', states: ['MX-BCS'], per100k: true, value: 0.9 },
      ],
    },
    {
      id: 'lithium-chain',
      title: { en: 'The lithium chain', es: 'La cadena del litio' },
      caption: {
        en: '310 mapped sites hold lithium, most in Alabama (119) and North Carolina (88); 3 are in Sonora. With 633 battery plants and 15 lithium supply links.',
        es: '310 sitios mapeados tienen litio, la mayoría en Alabama (119) y Carolina del Norte (88); 3 están en Sonora. Con 633 plantas de baterías y 15 vínculos de suministro de litio.',
      },
      state: 'v=1&layers=minerals,battery-plants,flows&f.mineralCommodity=lithium&f.flowMaterial=lithium',
      bounds: [-122, 24, -75, 45],
      sources: ['minmod', 'usgs-lithium-2019', 'busch-lithium', 'cim', 'naatbatt', 'curated-flows', 'jv-ownership-links'],
      facts: [
        { layer: 'minerals', value: 310 },
        { layer: 'minerals', states: ['US-AL'], value: 119 },
        { layer: 'minerals', states: ['US-NC'], value: 88 },
        { layer: 'minerals', states: ['MX-SON'], value: 3 },
        { layer: 'battery-plants', value: 633 },
        { layer: 'flows', value: 15 },
      ],
    },
    {
      id: 'cross-border-flows',
      title: { en: 'Across the border into Mexican assembly', es: 'A través de la frontera hacia el ensamble en México' },
      caption: {
        en: '36 vehicle assembly plants are mapped in Mexico. 5 supply contracts move battery cells and packs: to Ford Cuautitlán from Michigan, Poland and China, to BMW San Luis Potosí from South Carolina, and from GM Ramos Arizpe to Detroit.',
        es: '36 plantas de ensamble de vehículos están mapeadas en México. 5 contratos de suministro mueven celdas y paquetes de baterías: a Ford Cuautitlán desde Míchigan, Polonia y China, a BMW San Luis Potosí desde Carolina del Sur, y de GM Ramos Arizpe a Detroit.',
      },
      state:
        'v=1&layers=assembly-plants,flows&country=MX&f.flowMaterial=cells,modules_packs&f.flowRelation=supply_contract&sel=assembly-plants:curated-assembly-plants:ford-cuautitlan',
      bounds: [-106, 17, -80, 45],
      sources: ['curated-flows', 'curated-assembly-plants', 'cim'],
      facts: [
        { layer: 'assembly-plants', value: 36 },
        { layer: 'flows', value: 5 },
      ],
    },
    {
      id: 'battery-belt',
      title: { en: 'The US battery belt', es: 'El cinturón de baterías de EE. UU.' },
      caption: {
        en: '267 cell and module/pack plants are mapped in the US, 103 of them in nine states from Michigan (27) to Alabama; North Carolina has 16. California has 52.',
        es: 'Hay 267 plantas de celdas y de módulos o paquetes mapeadas en EE. UU., 103 en nueve estados de Míchigan (27) a Alabama; Carolina del Norte tiene 16. California, 52.',
      },
      state: 'v=1&layers=battery-plants&country=US&f.plantStage=cell,module_pack',
      bounds: [-92, 30, -76, 45],
      sources: ['cim', 'naatbatt', 'na-ev-investments-2024', 'curated-battery-facilities'],
      facts: [
        { layer: 'battery-plants', value: 267 },
        { layer: 'battery-plants', states: ['US-MI', 'US-OH', 'US-IN', 'US-KY', 'US-TN', 'US-GA', 'US-SC', 'US-NC', 'US-AL'], value: 103 },
        { layer: 'battery-plants', states: ['US-MI'], value: 27 },
        { layer: 'battery-plants', states: ['US-NC'], value: 16 },
        { layer: 'battery-plants', states: ['US-CA'], value: 52 },
      ],
    },
  ],
};
