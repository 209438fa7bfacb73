/** Strings of offline use, data integrity, updates and data versions in links (issue 12). */
export const offlineEn = {
  dataFile: {
    unavailable: 'unavailable',
    loadingBytes: 'loading… {{loaded}} of {{total}}',
    loadingBytesUnknown: 'loading… {{loaded}}',
    problem: {
      'not-found': 'Not found: the data file {{file}} is missing on the server.',
      damaged: 'Damaged or incomplete: the data file {{file}} did not arrive whole and intact.',
      version: 'From another data version: the data file {{file}} does not belong to this data build.',
      timeout: 'No response: nothing arrived for {{seconds}} seconds while loading {{file}}.',
      offline: 'Could not be downloaded: {{file}} (no connection?).',
      http: 'Server error (HTTP {{status}}) for the data file {{file}}.',
    },
    manifestVersion: 'The data was built for another version of the atlas: no layer can be shown.',
    othersWork: 'The other layers are not affected.',
    retry: 'Retry',
    retrying: 'Retrying…',
  },
  offline: {
    heading: 'Offline use',
    intro: 'After this visit the map, basemap and layers work without a connection. Details are stored as you open them.',
    download: 'Make available offline',
    downloadHint: 'Also stores every detail file ({{total}}) for search, tables and exports without a connection.',
    progress: 'Storing for offline use: {{loaded}} of {{total}}…',
    done: 'Everything is available offline ({{total}}).',
    partial: '{{count}} files could not be stored; try again when connected.',
    persisted: 'The browser keeps this storage: it will not clear it when space runs low.',
    notPersisted: 'The browser may clear the stored files when space runs low.',
    unsupported: 'This browser cannot store the atlas for offline use.',
    ready: 'Ready to work offline.',
    updateAvailable: 'A new version of the atlas is available.',
    updateNow: 'Update now',
    updateLater: 'Later',
    updateDeferred: 'A new version is ready; it will be offered after the presentation.',
    // shown in the language that stayed, to people who asked for the other: both languages in one message
    languageUnavailable:
      'The Spanish interface could not be loaded (no connection?); it stays in English. · No se pudo cargar la interfaz en español (¿sin conexión?); sigue en inglés.',
  },
  dataVersion: {
    differs: 'This link was made on the data of {{linked}}; this atlas has the data of {{current}}. Counts may differ.',
    dismiss: 'Dismiss',
  },
};
