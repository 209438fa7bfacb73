/** The map's visible bounds from the store's view and the map element's size (Web Mercator, 512-px tiles, no rotation). */
import type { MapView } from '../state/atlas-state.ts';
import type { Bounds } from './export-data.ts';

const TILE = 512;

function lonLatToWorld(lon: number, lat: number, scale: number): [number, number] {
  const x = ((lon + 180) / 360) * scale;
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  return [x, y];
}

function worldToLonLat(x: number, y: number, scale: number): [number, number] {
  const lon = (x / scale) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / scale;
  const lat = (180 / Math.PI) * Math.atan(Math.sinh(n));
  return [lon, lat];
}

export function viewBounds(view: MapView, width: number, height: number): Bounds | null {
  if (!(width > 0 && height > 0)) return null;
  const scale = TILE * 2 ** view.zoom;
  const [cx, cy] = lonLatToWorld(view.center[0], view.center[1], scale);
  if (width >= scale) return { west: -180, east: 180, ...latRange() };
  const [west, north] = worldToLonLat(cx - width / 2, cy - height / 2, scale);
  const [east, south] = worldToLonLat(cx + width / 2, cy + height / 2, scale);
  return { west: wrap(west), east: wrap(east), north, south };

  function latRange() {
    const [, north] = worldToLonLat(cx, cy - height / 2, scale);
    const [, south] = worldToLonLat(cx, cy + height / 2, scale);
    return { north, south };
  }
}

function wrap(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** Size of the map element, when it is on the page. */
export function mapElementSize(): { width: number; height: number } | null {
  const element = document.querySelector('.map-area');
  if (!(element instanceof HTMLElement)) return null;
  const { width, height } = element.getBoundingClientRect();
  return width > 0 && height > 0 ? { width, height } : null;
}
