import type { DeepStrings } from './catalog.ts';
import type { offlineEn } from './catalog-offline.ts';

/** Spanish strings of catalog-offline.ts (loaded with the Spanish interface: src/i18n/i18n.ts). */
export const offlineEs: DeepStrings<typeof offlineEn> = {
  dataFile: {
    unavailable: 'no disponible',
    loadingBytes: 'cargando… {{loaded}} de {{total}}',
    loadingBytesUnknown: 'cargando… {{loaded}}',
    problem: {
      'not-found': 'No encontrado: falta el archivo de datos {{file}} en el servidor.',
      damaged: 'Dañado o incompleto: el archivo de datos {{file}} no llegó entero e intacto.',
      version: 'De otra versión de los datos: el archivo {{file}} no corresponde a esta compilación de los datos.',
      timeout: 'Sin respuesta: no llegó nada en {{seconds}} segundos al cargar {{file}}.',
      offline: 'No se pudo descargar: {{file}} (¿sin conexión?).',
      http: 'Error del servidor (HTTP {{status}}) para el archivo de datos {{file}}.',
    },
    manifestVersion: 'Los datos se compilaron para otra versión del atlas: no se puede mostrar ninguna capa.',
    othersWork: 'Las demás capas no se ven afectadas.',
    retry: 'Reintentar',
    retrying: 'Reintentando…',
  },
  offline: {
    heading: 'Uso sin conexión',
    intro: 'Después de esta visita, el mapa, el mapa base y las capas funcionan sin conexión. Los detalles se guardan a medida que los abre.',
    download: 'Guardar para usar sin conexión',
    downloadHint: 'Guarda también todos los archivos de detalle ({{total}}) para la búsqueda, las tablas y las exportaciones sin conexión.',
    progress: 'Guardando para usar sin conexión: {{loaded}} de {{total}}…',
    done: 'Todo está disponible sin conexión ({{total}}).',
    partial: 'No se pudieron guardar {{count}} archivos; vuelva a intentarlo con conexión.',
    persisted: 'El navegador conserva este almacenamiento: no lo borrará si falta espacio.',
    notPersisted: 'El navegador puede borrar los archivos guardados si falta espacio.',
    unsupported: 'Este navegador no puede guardar el atlas para usarlo sin conexión.',
    ready: 'Listo para funcionar sin conexión.',
    updateAvailable: 'Hay una nueva versión del atlas.',
    updateNow: 'Actualizar ahora',
    updateLater: 'Más tarde',
    updateDeferred: 'Hay una nueva versión lista; se ofrecerá después de la presentación.',
    languageUnavailable:
      'No se pudo cargar la interfaz en español (¿sin conexión?); sigue en inglés. · The Spanish interface could not be loaded (no connection?); it stays in English.',
  },
  dataVersion: {
    differs: 'Este enlace se hizo con los datos del {{linked}}; este atlas tiene los datos del {{current}}. Los conteos pueden diferir.',
    dismiss: 'Cerrar',
  },
};
