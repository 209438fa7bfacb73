/** State code tables: US FIPS -> ISO 3166-2 (US-XX), INEGI entidad -> ISO 3166-2:MX (the basemap's `code`). */

// prettier-ignore
export const US_FIPS_TO_ISO: Readonly<Record<string, string>> = {
  '01': 'US-AL', '02': 'US-AK', '04': 'US-AZ', '05': 'US-AR', '06': 'US-CA', '08': 'US-CO', '09': 'US-CT',
  '10': 'US-DE', '11': 'US-DC', '12': 'US-FL', '13': 'US-GA', '15': 'US-HI', '16': 'US-ID', '17': 'US-IL',
  '18': 'US-IN', '19': 'US-IA', '20': 'US-KS', '21': 'US-KY', '22': 'US-LA', '23': 'US-ME', '24': 'US-MD',
  '25': 'US-MA', '26': 'US-MI', '27': 'US-MN', '28': 'US-MS', '29': 'US-MO', '30': 'US-MT', '31': 'US-NE',
  '32': 'US-NV', '33': 'US-NH', '34': 'US-NJ', '35': 'US-NM', '36': 'US-NY', '37': 'US-NC', '38': 'US-ND',
  '39': 'US-OH', '40': 'US-OK', '41': 'US-OR', '42': 'US-PA', '44': 'US-RI', '45': 'US-SC', '46': 'US-SD',
  '47': 'US-TN', '48': 'US-TX', '49': 'US-UT', '50': 'US-VT', '51': 'US-VA', '53': 'US-WA', '54': 'US-WV',
  '55': 'US-WI', '56': 'US-WY',
};

/** FIPS codes of US territories present in Census files but outside the atlas (reported, not mapped). */
// prettier-ignore
export const US_FIPS_OUTSIDE_ATLAS: Readonly<Record<string, string>> = {
  '60': 'American Samoa', '66': 'Guam', '69': 'Northern Mariana Islands', '72': 'Puerto Rico', '78': 'U.S. Virgin Islands',
};

/** INEGI clave de entidad (01-32) -> ISO 3166-2:MX. */
// prettier-ignore
export const MX_INEGI_TO_ISO: Readonly<Record<string, string>> = {
  '01': 'MX-AGU', '02': 'MX-BCN', '03': 'MX-BCS', '04': 'MX-CAM', '05': 'MX-COA', '06': 'MX-COL', '07': 'MX-CHP',
  '08': 'MX-CHH', '09': 'MX-CMX', '10': 'MX-DUR', '11': 'MX-GUA', '12': 'MX-GRO', '13': 'MX-HID', '14': 'MX-JAL',
  '15': 'MX-MEX', '16': 'MX-MIC', '17': 'MX-MOR', '18': 'MX-NAY', '19': 'MX-NLE', '20': 'MX-OAX', '21': 'MX-PUE',
  '22': 'MX-QUE', '23': 'MX-ROO', '24': 'MX-SLP', '25': 'MX-SIN', '26': 'MX-SON', '27': 'MX-TAB', '28': 'MX-TAM',
  '29': 'MX-TLA', '30': 'MX-VER', '31': 'MX-YUC', '32': 'MX-ZAC',
};

export function usIsoFromUsps(usps: string): string | null {
  const code = `US-${usps.trim().toUpperCase()}`;
  return Object.values(US_FIPS_TO_ISO).includes(code) ? code : null;
}
