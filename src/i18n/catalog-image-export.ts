import { defineCatalog } from './catalog.ts';

/**
 * Strings of the image export and the embed code (issue 11), registered by src/present/image-export-controls.tsx
 * and src/present/embed-view.tsx when they first load (issue 13: not part of the first view).
 */
export const imageExportCatalog = defineCatalog(
  {
    embed: {
      openFull: 'Open the full atlas',
      copyCode: 'Copy embed code',
      codeCopied: 'Embed code copied',
      codeLabel: 'Embed code (copy it into your page)',
      frameTitle: 'US–Mexico transport electrification atlas',
    },
    imageExport: {
      button: 'Download image (PNG)',
      size: 'Image size',
      slide: 'Slide, 1920 × 1080',
      a4: 'A4 landscape, 200 dpi',
      working: 'Drawing the image…',
      done: 'Image saved',
      failed: 'The image could not be made: {{message}}',
      legend: 'Legend',
      exportedOn: 'Exported {{date}}',
      asOf: 'Data as of: {{dates}}',
      link: 'Reproduce this view: {{url}}',
      scale: 'Scale',
    },
  },
  {
    embed: {
      openFull: 'Abrir el atlas completo',
      copyCode: 'Copiar código para insertar',
      codeCopied: 'Código para insertar copiado',
      codeLabel: 'Código para insertar (cópielo en su página)',
      frameTitle: 'Atlas de la electrificación del transporte México–Estados Unidos',
    },
    imageExport: {
      button: 'Descargar imagen (PNG)',
      size: 'Tamaño de la imagen',
      slide: 'Diapositiva, 1920 × 1080',
      a4: 'A4 horizontal, 200 ppp',
      working: 'Dibujando la imagen…',
      done: 'Imagen guardada',
      failed: 'No se pudo crear la imagen: {{message}}',
      legend: 'Leyenda',
      exportedOn: 'Exportado el {{date}}',
      asOf: 'Datos al: {{dates}}',
      link: 'Reproducir esta vista: {{url}}',
      scale: 'Escala',
    },
  },
);
