/**
 * Issue 11: "export what I see" as a PNG for a slide (1920 × 1080) or a report (A4 landscape at
 * 200 dpi). Composed on a canvas of our own: the map's canvases (maplibre and deck.gl, read in the
 * frame that draws them: src/map/map-frame.ts), the title, the legend with the counts, a
 * scale bar, the attribution, the data's as-of dates, the export date and the link of the view.
 * No DOM-to-image library, nothing from another origin: works under the page's CSP.
 */
import { BASEMAP_COLORS } from '../map/basemap-style.ts';
import { drawMapFrame } from '../map/map-frame.ts';

export const IMAGE_SIZES = {
  slide: { width: 1920, height: 1080 },
  // 297 × 210 mm at 200 dpi
  a4: { width: 2339, height: 1654 },
} as const;
export type ImageSizeId = keyof typeof IMAGE_SIZES;

export interface ImageLegendLine {
  color: string;
  label: string;
  /** right-aligned figure (a count), or '' */
  value: string;
  /** a class swatch (square) rather than a layer chip (dot); an indented note when no colour */
  kind: 'layer' | 'class' | 'note' | 'title';
}

export interface ImageContent {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: ImageLegendLine[];
  attribution: string;
  asOf: string;
  exportedOn: string;
  link: string;
  /** the map's camera: zoom and latitude for the scale bar */
  zoom: number;
  latitude: number;
}

const FONT = '"Noto Sans", system-ui, sans-serif';

/** A round distance (m) near `target` metres, and its label. */
export function niceDistance(targetMetres: number): { metres: number; label: string } {
  const exponent = Math.floor(Math.log10(Math.max(targetMetres, 1)));
  const base = 10 ** exponent;
  const step = [5, 2, 1].map((f) => f * base).find((d) => d <= targetMetres) ?? base;
  return { metres: step, label: step >= 1000 ? `${step / 1000} km` : `${step} m` };
}

/** Words of `text` in lines no wider than `width`, at most `maxLines` (the last one ends with …). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (context.measureText(candidate).width <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last.length > 1 && context.measureText(`${last}…`).width > width) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last}…`;
    return kept;
  }
  // a single unbreakable word (a link) wider than the line: cut it into pieces
  return lines
    .flatMap((l) => {
      if (context.measureText(l).width <= width) return [l];
      const pieces: string[] = [];
      let piece = '';
      for (const ch of l) {
        if (context.measureText(piece + ch).width > width) {
          pieces.push(piece);
          piece = '';
        }
        piece += ch;
      }
      if (piece) pieces.push(piece);
      return pieces;
    })
    .slice(0, maxLines);
}

/**
 * Draws the image; the map's canvases (maplibre below deck.gl), read in a frame the map draws for it and placed as
 * they are in `mapElement`, cover the map area.
 */
export async function composeMapImage(size: ImageSizeId, content: ImageContent, mapElement: HTMLElement): Promise<HTMLCanvasElement> {
  const { width, height } = IMAGE_SIZES[size];
  const k = height / 1080;
  const px = (n: number) => Math.round(n * k);
  await Promise.all([document.fonts.load(`400 ${px(20)}px "Noto Sans"`), document.fonts.load(`700 ${px(40)}px "Noto Sans"`)]).catch(() => undefined);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);

  const headerH = px(96);
  const footerH = px(150);
  const legendW = px(500);
  const map = { x: 0, y: headerH, width: width - legendW, height: height - headerH - footerH };

  // the map: every canvas of the map element (maplibre, then deck.gl), scaled to cover the map area
  const frame = mapElement.getBoundingClientRect();
  const scale = Math.max(map.width / frame.width, map.height / frame.height);
  const offsetX = map.x + (map.width - frame.width * scale) / 2;
  const offsetY = map.y + (map.height - frame.height * scale) / 2;
  context.save();
  context.beginPath();
  context.rect(map.x, map.y, map.width, map.height);
  context.clip();
  // the sea: maplibre's canvas leaves it transparent (the map container's background)
  context.fillStyle = BASEMAP_COLORS.water;
  context.fillRect(map.x, map.y, map.width, map.height);
  await drawMapFrame((sources) => {
    for (const source of sources) {
      const box = source.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      context.drawImage(source, offsetX + (box.left - frame.left) * scale, offsetY + (box.top - frame.top) * scale, box.width * scale, box.height * scale);
    }
  });
  context.restore();
  context.strokeStyle = '#111';
  context.lineWidth = px(2);
  context.strokeRect(map.x + context.lineWidth / 2, map.y, map.width - context.lineWidth, map.height);

  // scale bar (web mercator, 512-px tiles), bottom left of the map
  const metresPerCssPixel = (40075016.686 * Math.cos((content.latitude * Math.PI) / 180)) / (512 * 2 ** content.zoom);
  const metresPerPixel = metresPerCssPixel / scale;
  const { metres, label } = niceDistance(metresPerPixel * px(220));
  const barW = metres / metresPerPixel;
  const barX = map.x + px(24);
  const barY = map.y + map.height - px(30);
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.fillRect(barX - px(10), barY - px(40), barW + px(120), px(56));
  context.fillStyle = '#111';
  context.fillRect(barX, barY, barW, px(8));
  context.fillRect(barX, barY - px(10), px(3), px(18));
  context.fillRect(barX + barW - px(3), barY - px(10), px(3), px(18));
  context.font = `700 ${px(22)}px ${FONT}`;
  context.textBaseline = 'alphabetic';
  context.fillText(label, barX, barY - px(14));

  // title
  context.fillStyle = '#111';
  context.font = `700 ${px(40)}px ${FONT}`;
  context.fillText(wrap(context, content.title, width - px(48), 1)[0] ?? '', px(24), px(50));
  context.font = `400 ${px(24)}px ${FONT}`;
  context.fillStyle = '#222';
  context.fillText(wrap(context, content.subtitle, width - px(48), 1)[0] ?? '', px(24), px(84));

  // legend with counts
  const lx = map.x + map.width + px(20);
  const lw = legendW - px(40);
  let y = headerH + px(40);
  context.fillStyle = '#111';
  context.font = `700 ${px(30)}px ${FONT}`;
  context.fillText(content.legendTitle, lx, y);
  y += px(16);
  for (const line of content.legend) {
    if (y > height - footerH - px(20)) break;
    if (line.kind === 'note') {
      context.font = `400 ${px(20)}px ${FONT}`;
      context.fillStyle = '#222';
      for (const text of wrap(context, line.label, lw - px(36), 4)) {
        y += px(26);
        context.fillText(text, lx + px(36), y);
      }
      y += px(6);
      continue;
    }
    if (line.kind === 'title') {
      context.font = `700 ${px(24)}px ${FONT}`;
      context.fillStyle = '#111';
      for (const text of wrap(context, line.label, lw, 2)) {
        y += px(34);
        context.fillText(text, lx, y);
      }
      continue;
    }
    y += px(40);
    context.fillStyle = line.color;
    context.strokeStyle = '#111';
    context.lineWidth = px(2);
    context.beginPath();
    if (line.kind === 'layer') context.arc(lx + px(12), y - px(9), px(12), 0, Math.PI * 2);
    else context.rect(lx, y - px(21), px(26), px(22));
    context.fill();
    context.stroke();
    context.fillStyle = '#111';
    context.font = `${line.kind === 'layer' ? 700 : 400} ${px(line.kind === 'layer' ? 26 : 22)}px ${FONT}`;
    const valueW = line.value ? context.measureText(line.value).width + px(12) : 0;
    context.fillText(wrap(context, line.label, lw - px(36) - valueW, 1)[0] ?? '', lx + px(36), y);
    if (line.value) {
      context.textAlign = 'right';
      context.fillText(line.value, lx + lw, y);
      context.textAlign = 'left';
    }
  }

  // footer: attribution, as-of dates, export date, link
  context.fillStyle = '#f4f5f7';
  context.fillRect(0, height - footerH, width, footerH);
  context.fillStyle = '#111';
  context.font = `400 ${px(19)}px ${FONT}`;
  let fy = height - footerH + px(28);
  const footerLines = [
    ...wrap(context, content.asOf, width - px(48), 2),
    ...wrap(context, `${content.attribution} · ${content.exportedOn}`, width - px(48), 1),
    ...wrap(context, content.link, width - px(48), 2),
  ];
  for (const text of footerLines.slice(0, 5)) {
    context.fillText(text, px(24), fy);
    fy += px(25);
  }
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
}
