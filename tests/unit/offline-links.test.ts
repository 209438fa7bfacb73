/** Issue 12: the data build in links (`data=`, additive to v=1) and the update prompt's deferral during a presentation. */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeAtlasState, encodeAtlasState } from '../../src/state/url-codec.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';
import { useAtlasStore } from '../../src/state/store.ts';
import { deferUpdatesWhile, updatesDeferred } from '../../src/offline/offline-store.ts';

describe('data= in links', () => {
  it('round-trips the data build id and keeps v=1', () => {
    const state = { ...defaultAtlasState(), dataVersion: '20261201T145307Z' };
    const fragment = encodeAtlasState(state);
    expect(fragment).toMatch(/^#v=1&/);
    expect(fragment).toContain('data=20261201T145307Z');
    const decoded = decodeAtlasState(fragment);
    expect(decoded.problems).toEqual([]);
    expect(decoded.state.dataVersion).toBe('20261201T145307Z');
  });
  it('is omitted when unknown, and old links without it open unchanged', () => {
    expect(encodeAtlasState(defaultAtlasState())).not.toContain('data=');
    const decoded = decodeAtlasState('#v=1&lang=es&layers=chargers');
    expect(decoded.problems).toEqual([]);
    expect(decoded.state.dataVersion).toBeNull();
    expect(decoded.state.language).toBe('es');
  });
  it('rejects a malformed build id as an invalid value (the rest of the link still opens)', () => {
    const decoded = decodeAtlasState('#v=1&lang=es&data=%3Cscript%3E');
    expect(decoded.problems).toEqual([{ param: 'data', reason: 'invalid-value' }]);
    expect(decoded.state.dataVersion).toBeNull();
    expect(decoded.state.language).toBe('es');
  });
});

describe('the update prompt waits during a presentation', () => {
  afterEach(() => useAtlasStore.setState({ present: false, presenting: false }));
  it('is deferred while the store presents, and while any registered condition holds', () => {
    expect(updatesDeferred()).toBe(false);
    useAtlasStore.setState({ present: true });
    expect(updatesDeferred()).toBe(true);
    useAtlasStore.setState({ present: false, presenting: true });
    expect(updatesDeferred()).toBe(true);
    useAtlasStore.setState({ presenting: false });
    let busy = true;
    const release = deferUpdatesWhile(() => busy);
    expect(updatesDeferred()).toBe(true);
    busy = false;
    expect(updatesDeferred()).toBe(false);
    release();
  });
});
