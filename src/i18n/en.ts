/** English strings. The Spanish file must have exactly the same keys (checked by the type and a test). */
import type { DeepStrings } from './catalog.ts';
export const en = {
  app: {
    title: 'US–Mexico Transport Electrification Atlas',
    shortTitle: 'EV Atlas US–MX',
    tagline: 'Chargers, minerals, battery and vehicle plants, and the flows between them',
  },
  language: {
    switchLabel: 'Language',
    en: 'English',
    es: 'Español',
    switchTo: 'Cambiar a español',
  },
  panel: {
    label: 'Layers and filters',
    open: 'Show layers and filters',
    close: 'Hide layers and filters',
  },
  map: {
    label: 'Map of the United States and Mexico',
    loading: 'Loading map…',
    attributionLabel: 'Map data',
    attribution: 'Basemap: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · Font: Noto Sans (OFL)',
    webglMissing: 'This browser cannot draw the map (WebGL is unavailable). The panels and data export still work.',
  },
  url: {
    problems_one: 'One setting in the link was not understood and was reset: {{params}}',
    problems_other: '{{count}} settings in the link were not understood and were reset: {{params}}',
    dismiss: 'Dismiss',
  },
  data: {
    loading: 'Loading data…',
    failed: 'The atlas data could not be loaded: {{message}}',
    curatedOnly: 'Source snapshots were not available when this atlas was built: only hand-curated layers are shown.',
    sourceMissing: 'Missing source: {{source}}',
    atlasContributors: 'EV atlas contributors',
    asOfPerRow: 'each fact with its own date',
  },
} as const;

export type Translations = DeepStrings<typeof en>;
