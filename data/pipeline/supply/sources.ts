/** Source metadata (SourceInfo without the counts the runner fills in). */
import type { AdapterResult } from '../adapter-types.ts';
import { ATLAS_CONTRIBUTORS, PER_ROW_AS_OF } from '../../../src/data/atlas-format.ts';

export type SourceMeta = AdapterResult['source'];

const snap = (m: Omit<SourceMeta, 'origin'>): SourceMeta => ({ ...m, origin: 'snapshot' });

export const SOURCES = {
  cim: snap({
    id: 'cim',
    title: 'Clean Investment Monitor: EV, battery and critical-minerals manufacturing facilities (2024-Q4)',
    publisher: 'Rhodium Group & MIT CEEPR',
    url: 'https://www.cleaninvestmentmonitor.org/',
    licence: 'CC BY 4.0',
    asOf: '2024-12',
  }),
  naatbatt: snap({
    id: 'naatbatt',
    title: 'NREL / NAATBatt Lithium-Ion Battery Supply Chain Database (commercial facilities)',
    publisher: 'National Renewable Energy Laboratory / NAATBatt International',
    url: 'https://www.nrel.gov/transportation/li-ion-battery-supply-chain-database.html',
    licence: 'publicly available; cite "NREL / NAATBatt Lithium-Ion Battery Supply Chain Database"',
    asOf: '2026-03-31',
  }),
  minmod: snap({
    id: 'minmod',
    title: 'MinMod mineral sites with battery minerals, US and Mexico (mostly from USGS and state surveys)',
    publisher: 'DARPA CriticalMAAS MinMod (USC ISI / University of Minnesota)',
    url: 'https://minmod.isi.edu/',
    licence: 'USGS rows public domain; repository MIT; academic-compilation rows: cite',
    asOf: '2025-07',
  }),
  busch: snap({
    id: 'busch-lithium',
    title: 'Lithium deposits worldwide: resource type, status and resources (Busch et al. 2024)',
    publisher: 'P. Busch et al. (UC Davis / MIT)',
    url: 'https://github.com/pmbusch/Critical-Minerals-EV',
    licence: 'MIT',
    asOf: '2024',
  }),
  usgsLithium: snap({
    id: 'usgs-lithium-2019',
    title: 'Lithium deposits in the United States (USGS data release)',
    publisher: 'U.S. Geological Survey',
    url: 'https://doi.org/10.5066/P9ZKRWQF',
    licence: 'public domain (US government)',
    asOf: '2019-08',
  }),
  retc: snap({
    id: 'retc-2022',
    title: 'Registro de Emisiones y Transferencia de Contaminantes (RETC) 2022: vehicle, battery and mining establishments',
    publisher: 'SEMARNAT',
    url: 'https://www.gob.mx/semarnat/acciones-y-programas/registro-de-emisiones-y-transferencia-de-contaminantes-retc',
    licence: 'Libre Uso MX (Mexican open data); cite SEMARNAT RETC',
    asOf: '2022',
  }),
  investments: snap({
    id: 'na-ev-investments-2024',
    title: 'North American EV supply-chain investment announcements (batteries and EVs), from the DOE/Argonne facility list and press releases',
    publisher: 'A. Cheng (MIT)',
    url: 'https://github.com/acheng98/NA-EV-Battery-Supply-Chain-Mapping',
    licence: 'MIT (repository); upstream DOE/Argonne',
    asOf: '2024-05',
  }),
  jv: snap({
    id: 'jv-ownership-links',
    title: 'Ownership / joint-venture links read from Clean Investment Monitor (Rhodium Group & MIT CEEPR) and investment-file company names',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'https://www.cleaninvestmentmonitor.org/',
    licence: 'CC BY 4.0 (as CIM)',
    asOf: '2024-12',
  }),
  curatedAssembly: {
    id: 'curated-assembly-plants',
    title: 'Curated US and Mexican vehicle assembly plants (one public source per row)',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'data/curated/assembly-plants.csv',
    licence: 'CC BY 4.0 (facts with per-row citations)',
    asOf: PER_ROW_AS_OF,
    origin: 'curated',
  } as SourceMeta,
  curatedBattery: {
    id: 'curated-battery-facilities',
    title: 'Curated battery supply-chain facilities missing from the snapshots (one public source per row)',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'data/curated/battery-facilities.csv',
    licence: 'CC BY 4.0 (facts with per-row citations)',
    asOf: PER_ROW_AS_OF,
    origin: 'curated',
  } as SourceMeta,
  curatedFlows: {
    id: 'curated-flows',
    title: 'Curated supply-chain links (offtake, supply contracts, same-site, ownership)',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'data/curated/flows.csv',
    licence: 'CC BY 4.0 (facts with per-row citations)',
    asOf: PER_ROW_AS_OF,
    origin: 'curated',
  } as SourceMeta,
  curatedOverrides: {
    id: 'curated-overrides',
    title: 'Curated overrides of stale or wrong source fields',
    publisher: ATLAS_CONTRIBUTORS,
    url: 'data/curated/facility-overrides.csv',
    licence: 'CC BY 4.0 (facts with per-row citations)',
    asOf: PER_ROW_AS_OF,
    origin: 'curated',
  } as SourceMeta,
} satisfies Record<string, SourceMeta>;
