// Code tables (attributes only, no geometry) used to normalise Natural Earth's admin-1 layer.
// The world_map.gpkg in Debian's qgis-common has no iso_3166_2 field, only FIPS 10-4 codes
// (`fips`, e.g. US06, MX19, CA08), so codes are mapped here to ISO 3166-2.

// US: FIPS 10-4 "USnn" uses the FIPS 5-2 state number nn -> USPS / ISO 3166-2:US suffix.
// prettier-ignore
export const US_FIPS_TO_USPS = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE',
  '11': 'DC', '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA',
  '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN',
  '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM',
  '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA',
  '54': 'WV', '55': 'WI', '56': 'WY',
};

// Mexico: FIPS 10-4 MX01..MX32 (alphabetical by the old names) -> ISO 3166-2:MX.
// MX09 is the former Distrito Federal, now Ciudad de México (ISO code changed DIF -> CMX in 2016).
// prettier-ignore
export const MX_FIPS_TO_ISO = {
  MX01: 'AGU', MX02: 'BCN', MX03: 'BCS', MX04: 'CAM', MX05: 'CHP', MX06: 'CHH', MX07: 'COA',
  MX08: 'COL', MX09: 'CMX', MX10: 'DUR', MX11: 'GUA', MX12: 'GRO', MX13: 'HID', MX14: 'JAL',
  MX15: 'MEX', MX16: 'MIC', MX17: 'MOR', MX18: 'NAY', MX19: 'NLE', MX20: 'OAX', MX21: 'PUE',
  MX22: 'QUE', MX23: 'ROO', MX24: 'SLP', MX25: 'SIN', MX26: 'SON', MX27: 'TAB', MX28: 'TAM',
  MX29: 'TLA', MX30: 'VER', MX31: 'YUC', MX32: 'ZAC',
};

// Canada: FIPS 10-4 CAnn -> ISO 3166-2:CA.
// prettier-ignore
export const CA_FIPS_TO_ISO = {
  CA01: 'AB', CA02: 'BC', CA03: 'MB', CA04: 'NB', CA05: 'NL', CA07: 'NS', CA08: 'ON', CA09: 'PE',
  CA10: 'QC', CA11: 'SK', CA12: 'YT', CA13: 'NT', CA14: 'NU',
};

// Natural Earth's Spanish names already carry accents (Nuevo León, Querétaro...). Two are changed:
export const MX_NAME_OVERRIDES = {
  'MX-CMX': 'Ciudad de México', // Natural Earth: "Distrito Federal" (renamed by the 2016 reform)
  'MX-MEX': 'Estado de México', // Natural Earth: "México" (ambiguous with the country)
};

// English names where they differ from the Spanish ones.
export const MX_NAME_EN = {
  'MX-CMX': 'Mexico City',
  'MX-MEX': 'State of Mexico',
};

// Conventional Spanish names of US states where they differ from English (Fundéu/RAE usage).
// prettier-ignore
export const US_NAME_ES = {
  'US-DC': 'Distrito de Columbia', 'US-HI': 'Hawái', 'US-LA': 'Luisiana', 'US-MS': 'Misisipi',
  'US-MO': 'Misuri', 'US-MI': 'Míchigan', 'US-NH': 'Nuevo Hampshire', 'US-NJ': 'Nueva Jersey',
  'US-NM': 'Nuevo México', 'US-NY': 'Nueva York', 'US-NC': 'Carolina del Norte',
  'US-SC': 'Carolina del Sur', 'US-ND': 'Dakota del Norte', 'US-SD': 'Dakota del Sur',
  'US-OR': 'Oregón', 'US-PA': 'Pensilvania', 'US-WV': 'Virginia Occidental',
};
