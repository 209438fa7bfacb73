/** Issue 11: a presented scene is "changed" when what it shows differs from the scene as applied, not otherwise. */
import { describe, expect, it } from 'vitest';
import { sceneKey } from '../../src/present/scene-control.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';

describe('sceneKey', () => {
  const scene = { ...defaultAtlasState(), story: 'binational', scene: 2, present: true, countries: ['MX' as const] };

  it('ignores the camera, the session display choices and the data version a link records once the manifest loads', () => {
    const key = sceneKey(scene);
    expect(sceneKey({ ...scene, view: { center: [-90, 20], zoom: 6 } })).toBe(key);
    expect(sceneKey({ ...scene, language: 'es', panelTab: 'stats', highContrast: true, bothLanguages: true })).toBe(key);
    expect(sceneKey({ ...scene, dataVersion: '20261201T191612Z' })).toBe(key);
  });

  it('changes with what the scene shows: filters, layers, the state colouring, the scene itself', () => {
    const key = sceneKey(scene);
    expect(sceneKey({ ...scene, countries: ['US', 'MX'] })).not.toBe(key);
    expect(sceneKey({ ...scene, layers: { ...scene.layers, minerals: !scene.layers.minerals } })).not.toBe(key);
    expect(sceneKey({ ...scene, choropleth: 'chargers' })).not.toBe(key);
    expect(sceneKey({ ...scene, scene: 3 })).not.toBe(key);
  });
});
