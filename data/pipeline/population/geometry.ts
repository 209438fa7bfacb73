/** Geometry: municipio centres from the INEGI 2015 TopoJSON and state areas from the committed basemap. */
import { feature } from 'topojson-client';
import area from '@turf/area';
import centerOfMass from '@turf/center-of-mass';
import pointOnFeature from '@turf/point-on-feature';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

export interface MunicipioCentre {
  /** 5-digit INEGI key */
  code: string;
  name: string;
  lon: number;
  lat: number;
  /** 'center-of-mass', or 'point-on-surface' when the centre of mass falls outside the polygon (crescent shapes) */
  how: 'center-of-mass' | 'point-on-surface';
}

type Poly = Feature<Polygon | MultiPolygon>;

/** Centre of each municipio polygon: the area-weighted centre of mass, or a point on the surface when that falls outside. */
export function municipioCentres(topology: Topology, objectName = 'municipalities'): Map<string, MunicipioCentre> {
  const obj = topology.objects[objectName] as GeometryCollection | undefined;
  if (!obj) throw new Error(`TopoJSON has no object "${objectName}" (objects: ${Object.keys(topology.objects).join(', ')})`);
  const fc = feature(topology, obj) as FeatureCollection;
  const out = new Map<string, MunicipioCentre>();
  for (const f of fc.features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const code = String(p.state_code ?? '').padStart(2, '0') + String(p.mun_code ?? '').padStart(3, '0');
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    const poly = f as Poly;
    let [lon, lat] = centerOfMass(poly).geometry.coordinates as [number, number];
    let how: MunicipioCentre['how'] = 'center-of-mass';
    if (!booleanPointInPolygon([lon, lat], poly)) {
      [lon, lat] = pointOnFeature(poly).geometry.coordinates as [number, number];
      how = 'point-on-surface';
    }
    out.set(code, { code, name: String(p.mun_name ?? ''), lon: round6(lon), lat: round6(lat), how });
  }
  return out;
}

export interface BasemapState {
  code: string;
  country: string;
  nameEn: string;
  nameEs: string;
  areaKm2: number;
}

/** Geodesic area (@turf/area, WGS84 sphere of radius 6,371,008.8 m) of each basemap state polygon, in km². */
export function basemapStates(fc: FeatureCollection): Map<string, BasemapState> {
  const out = new Map<string, BasemapState>();
  for (const f of fc.features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const code = String(p.code ?? '');
    if (!code || !f.geometry) continue;
    const km2 = area(f) / 1e6;
    const prev = out.get(code);
    if (prev) prev.areaKm2 = Math.round((prev.areaKm2 + km2) * 10) / 10;
    else {
      out.set(code, {
        code,
        country: String(p.country ?? code.slice(0, 2)),
        nameEn: String(p.name_en ?? p.name ?? code),
        nameEs: String(p.name_es ?? p.name ?? code),
        areaKm2: Math.round(km2 * 10) / 10,
      });
    }
  }
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
