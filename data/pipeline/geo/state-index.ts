/** Point-in-polygon assignment of country + state against the basemap (public/basemap/states.geojson).
 *  Flatbush bbox index over every polygon part, exact test with @turf/boolean-point-in-polygon. */
import Flatbush from 'flatbush';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface StateHit {
  code: string;
  name: string;
  country: string;
  /** 'inside' or 'nearest' (within maxSnapKm of a polygon, in none) */
  how: 'inside' | 'nearest';
  distanceKm: number;
}

interface Part {
  code: string;
  name: string;
  country: string;
  poly: Polygon;
}

const KM_PER_DEG = 111.32;

export class StateIndex {
  private parts: Part[] = [];
  private index: Flatbush;
  readonly codes: string[];

  constructor(fc: FeatureCollection) {
    const codes = new Set<string>();
    for (const f of fc.features as Feature[]) {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const code = String(p.code ?? '');
      const country = String(p.country ?? code.slice(0, 2));
      const name = String(p.name ?? code);
      if (!code || !f.geometry) continue;
      codes.add(code);
      const g = f.geometry;
      if (g.type === 'Polygon') this.parts.push({ code, name, country, poly: g });
      else if (g.type === 'MultiPolygon') {
        for (const coords of (g as MultiPolygon).coordinates) this.parts.push({ code, name, country, poly: { type: 'Polygon', coordinates: coords } });
      }
    }
    this.codes = [...codes].sort();
    this.index = new Flatbush(Math.max(1, this.parts.length));
    for (const part of this.parts) {
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (const [x, y] of part.poly.coordinates[0] ?? []) {
        if (x! < minX) minX = x!;
        if (x! > maxX) maxX = x!;
        if (y! < minY) minY = y!;
        if (y! > maxY) maxY = y!;
      }
      this.index.add(minX, minY, maxX, maxY);
    }
    if (this.parts.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** The nearest state polygon of `country` within maxKm (0 when inside), or null. */
  nearestInCountry(lon: number, lat: number, country: string, maxKm: number): StateHit | null {
    const dLat = maxKm / KM_PER_DEG;
    const dLon = maxKm / (KM_PER_DEG * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
    let best: StateHit | null = null;
    for (const i of this.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const part = this.parts[i];
      if (!part || part.country !== country) continue;
      if (booleanPointInPolygon([lon, lat], part.poly)) return { code: part.code, name: part.name, country, how: 'inside', distanceKm: 0 };
      const d = distanceToPolygonKm(lon, lat, part.poly);
      if (d <= maxKm && (!best || d < best.distanceKm)) best = { code: part.code, name: part.name, country, how: 'nearest', distanceKm: d };
    }
    return best;
  }

  /** The state polygon containing the point, else the nearest within maxSnapKm, else null. */
  locate(lon: number, lat: number, maxSnapKm = 10): StateHit | null {
    const pt: Position = [lon, lat];
    for (const i of this.index.search(lon, lat, lon, lat)) {
      const part = this.parts[i];
      if (part && booleanPointInPolygon(pt, part.poly)) {
        return { code: part.code, name: part.name, country: part.country, how: 'inside', distanceKm: 0 };
      }
    }
    if (maxSnapKm <= 0) return null;
    const dLat = maxSnapKm / KM_PER_DEG;
    const dLon = maxSnapKm / (KM_PER_DEG * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
    let best: StateHit | null = null;
    for (const i of this.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const part = this.parts[i];
      if (!part) continue;
      const d = distanceToPolygonKm(lon, lat, part.poly);
      if (d <= maxSnapKm && (!best || d < best.distanceKm)) {
        best = { code: part.code, name: part.name, country: part.country, how: 'nearest', distanceKm: d };
      }
    }
    return best;
  }
}

/** Distance in km from a point to a polygon's rings (local equirectangular projection; fine at 10 km). */
export function distanceToPolygonKm(lon: number, lat: number, poly: Polygon): number {
  const kx = KM_PER_DEG * Math.cos((lat * Math.PI) / 180);
  const ky = KM_PER_DEG;
  let best = Infinity;
  for (const ring of poly.coordinates) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!,
        b = ring[i]!;
      const ax = (a[0]! - lon) * kx,
        ay = (a[1]! - lat) * ky;
      const bx = (b[0]! - lon) * kx,
        by = (b[1]! - lat) * ky;
      const dx = bx - ax,
        dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const px = ax + t * dx,
        py = ay + t * dy;
      const d = Math.sqrt(px * px + py * py);
      if (d < best) best = d;
    }
  }
  return best;
}

/** Great-circle distance in metres. */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const R = 6371008.8;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}
