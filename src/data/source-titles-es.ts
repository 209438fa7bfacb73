/**
 * Spanish titles of the atlas's sources, by source id. The titles in the data describe each source in English (they
 * are this project's descriptions, not the publishers' own titles); the interface shows these in Spanish. Licence terms
 * are shown as written. A test checks that every registered source has one.
 */
export const SOURCE_TITLES_ES: Readonly<Record<string, string>> = {
  'afdc-us-live': 'Estaciones de carga para vehículos eléctricos del AFDC, Estados Unidos (API en vivo)',
  'ocm-mx-live': 'Puntos de Open Charge Map en México (API en vivo)',
  'ocm-us-live': 'Puntos de Open Charge Map en Estados Unidos (API en vivo)',
  'afdc-us-2022': 'Estaciones de carga para vehículos eléctricos del AFDC, nacional (públicas y privadas)',
  'afdc-ny-2025': 'Estaciones del AFDC, exportación con todas las columnas, Nueva York (todos los combustibles; se usan las filas ELEC)',
  'supercharge-info-2021': 'Sitios Tesla Supercharger, Norteamérica (supercharge.info, una lista mantenida por la comunidad)',
  'supercharge-info-us-2026':
    'Sitios Tesla Supercharger abiertos en Estados Unidos, julio de 2026 (supercharge.info, una lista mantenida por la comunidad; vía charles-hood/sunchaser)',
  'supercharge-info-mx-2023':
    'Sitios Tesla Supercharger en México, junio de 2023 (supercharge.info, una lista mantenida por la comunidad; exportación vía ChrisByBits/tesla-superchargers)',
  'ocm-mx-2019': 'Puntos de Open Charge Map en México (muestra de 100 registros, creados de 2018-02 a 2019-07)',
  cim: 'Clean Investment Monitor: instalaciones de fabricación de vehículos eléctricos, baterías y minerales críticos (2024-T4)',
  naatbatt: 'Base de datos NREL / NAATBatt de la cadena de suministro de baterías de iones de litio (instalaciones comerciales)',
  minmod: 'Sitios de MinMod con minerales para baterías, Estados Unidos y México (sobre todo de levantamientos del USGS y de los estados)',
  'busch-lithium': 'Yacimientos de litio en el mundo: tipo de recurso, estado y recursos (Busch et al. 2024)',
  'usgs-lithium-2019': 'Yacimientos de litio en Estados Unidos (publicación de datos del USGS)',
  'retc-2022': 'Registro de Emisiones y Transferencia de Contaminantes (RETC) 2022: establecimientos de vehículos, baterías y minería',
  'na-ev-investments-2024':
    'Anuncios de inversión en la cadena de suministro de vehículos eléctricos en Norteamérica (baterías y vehículos), de la lista de instalaciones del DOE/Argonne y comunicados de prensa',
  'curated-assembly-plants': 'Plantas de ensamble de vehículos de Estados Unidos y México, verificadas a mano (una fuente pública por fila)',
  'curated-battery-facilities': 'Instalaciones de la cadena de baterías ausentes de las instantáneas, verificadas a mano (una fuente pública por fila)',
  'curated-flows': 'Vínculos de la cadena de suministro verificados a mano (compra, contratos de suministro, mismo sitio, propiedad)',
  'jv-ownership-links':
    'Vínculos de propiedad / empresa conjunta leídos de los nombres de empresa de Clean Investment Monitor (Rhodium Group y MIT CEEPR) y del archivo de inversiones',
  'curated-overrides': 'Correcciones documentadas de campos desactualizados o erróneos de las fuentes',
  'curated-facility-jobs': 'Empleo reportado en plantas de baterías y de vehículos, verificado a mano (una fuente pública por fila)',
  'census-2020-cenpop': 'Centros de población 2020 por condado (CenPop2020_Mean_CO)',
  'inegi-censo-2020': 'Censo de Población y Vivienda 2020: población total por entidad y municipio',
  'inegi-mg-2015': 'Límites municipales de México, cartografía del INEGI 2015 (TopoJSON de mxmaps)',
  'inegi-ageeml': 'Catálogo Único de Claves de Áreas Geoestadísticas (municipios de origen de los municipios nuevos)',
  'afdc-bev-2023': 'Registros de vehículos ligeros eléctricos de batería por estado (solo BEV, sin PHEV)',
  'natural-earth-admin1': 'Polígonos estatales del mapa base del atlas (Natural Earth 1:10m Admin 1, simplificados): área geodésica',
  'curated-state-populations': 'data/curated/state-populations.csv (población residente del Censo de EE. UU. 2020, INEGI Censo 2020)',
  'mx-state-charger-figures':
    'Cifras publicadas de cargadores por estado de México (parciales: INA citando el RENAEL 2022-09 para 10 estados, una lista de prensa de 2022, la agencia estatal de Puebla 2022-2025)',
  'curated-policies-us':
    'Datos de gobernanza de los estados de EE. UU., verificados a mano: normas ZEV, estándares de combustibles limpios, incentivos a vehículos eléctricos, asignaciones NEVI (una fuente pública por fila)',
  'curated-policies-mx':
    'Datos de gobernanza de los estados de México, verificados a mano: incentivos a vehículos eléctricos, exenciones de circulación y verificación (una fuente pública por fila)',
  'curated-policies-national':
    'Datos de gobernanza federal de Estados Unidos y México, verificados a mano: normas de cargadores, tarifas de carga, créditos federales, estándares de combustibles (una fuente pública por fila)',
};
