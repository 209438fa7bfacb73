export { afdc2022Adapter, afdcNyAdapter, parseAfdc2022, parseAfdcFull, AFDC_2022_ID, AFDC_NY_ID, AFDC_LIVE_ID } from './afdc.ts';
export { teslaAdapter, parseTesla, TESLA_ID } from './tesla.ts';
export { teslaUs2026Adapter, parseTeslaUs2026, TESLA_US_2026_ID } from './tesla-us-2026.ts';
export { teslaMx2023Adapter, parseTeslaMx2023, TESLA_MX_2023_ID } from './tesla-mx-2023.ts';
export { ocmMxAdapter, parseOcm, parseOcmReference, OCM_MX_ID, OCM_LIVE_MX_ID, OCM_LIVE_US_ID } from './ocm.ts';
export { mergeChargers } from './merge.ts';
import type { SourceAdapter } from '../adapter-types.ts';
import { afdc2022Adapter, afdcNyAdapter } from './afdc.ts';
import { teslaAdapter } from './tesla.ts';
import { TESLA_US_2026_ID, TESLA_US_2026_META, teslaUs2026Adapter } from './tesla-us-2026.ts';
import { TESLA_MX_2023_ID, TESLA_MX_2023_META, teslaMx2023Adapter } from './tesla-mx-2023.ts';
import { ocmMxAdapter } from './ocm.ts';

export const chargerSnapshotAdapters: SourceAdapter[] = [afdc2022Adapter, afdcNyAdapter, teslaAdapter, teslaUs2026Adapter, teslaMx2023Adapter, ocmMxAdapter];

/** What the manifest says about a source that could not be read (no file, no network). */
export const CHARGER_SOURCE_META: Record<string, { title: string; publisher: string; url: string; licence: string; asOf: string }> = {
  'afdc-us-2022': {
    title: 'AFDC electric vehicle charging stations, national (public and private)',
    publisher: 'US DOE Alternative Fuels Data Center (NREL)',
    url: 'https://afdc.energy.gov/stations',
    licence: 'Public domain (US government work)',
    asOf: '2022-01-15',
  },
  'afdc-ny-2025': {
    title: 'AFDC stations, full-column export, New York (all fuels; ELEC rows used)',
    publisher: 'US DOE Alternative Fuels Data Center (NREL)',
    url: 'https://afdc.energy.gov/stations',
    licence: 'Public domain (US government work)',
    asOf: '2025-04-21',
  },
  'supercharge-info-2021': {
    title: 'Tesla Supercharger sites, North America (supercharge.info, a community-maintained list)',
    publisher: 'supercharge.info',
    url: 'https://supercharge.info/',
    licence: 'No licence stated; cited as supercharge.info',
    asOf: '2021-12-06',
  },
  [TESLA_US_2026_ID]: { ...TESLA_US_2026_META },
  [TESLA_MX_2023_ID]: { ...TESLA_MX_2023_META },
  'ocm-mx-2019': {
    title: 'Open Charge Map POIs in Mexico (100-record sample, created 2018-02 to 2019-07)',
    publisher: 'Open Charge Map',
    url: 'https://openchargemap.org/',
    licence: 'CC BY-SA 4.0 (© Open Charge Map contributors)',
    asOf: '2019-07',
  },
};
