import type { Translations } from './en.ts';

export const es: Translations = {
  app: {
    title: 'Atlas de la electrificación del transporte México–Estados Unidos',
    shortTitle: 'Atlas VE MX–EE. UU.',
    tagline: 'Cargadores, minerales, plantas de baterías y de vehículos, y los flujos entre ellos',
  },
  language: {
    switchLabel: 'Idioma',
    en: 'English',
    es: 'Español',
    switchTo: 'Switch to English',
  },
  panel: {
    label: 'Capas y filtros',
    open: 'Mostrar capas y filtros',
    close: 'Ocultar capas y filtros',
  },
  map: {
    label: 'Mapa de Estados Unidos y México',
    loading: 'Cargando el mapa…',
    attributionLabel: 'Datos del mapa',
    attribution: 'Mapa base: Natural Earth (dominio público) · Lugares: GeoNames (CC BY 4.0) · Tipografía: Noto Sans (OFL)',
    webglMissing: 'Este navegador no puede dibujar el mapa (WebGL no está disponible). Los paneles y la exportación de datos siguen funcionando.',
  },
  url: {
    problems_one: 'Un ajuste del enlace no se entendió y se restableció: {{params}}',
    problems_other: '{{count}} ajustes del enlace no se entendieron y se restablecieron: {{params}}',
    dismiss: 'Cerrar',
  },
  data: {
    loading: 'Cargando datos…',
    failed: 'No se pudieron cargar los datos del atlas: {{message}}',
    curatedOnly: 'Las copias de las fuentes no estaban disponibles al construir este atlas: solo se muestran las capas curadas a mano.',
    sourceMissing: 'Fuente faltante: {{source}}',
    atlasContributors: 'Colaboradores del atlas de VE',
    asOfPerRow: 'cada dato con su propia fecha',
  },
};
