/**
 * deck.gl's data layers wait for the basemap's first complete frame (issue 13).
 *
 * maplibre creates its shader programs when it first draws each kind of layer, and waits on the main thread
 * until each one is linked. When deck.gl's first draw of the data (its own programs, thousands of points) is
 * already queued on the GPU, those waits last until the GPU has finished it: in software GL the all-layers view
 * then took 8.4-11 s instead of 5.5-5.8 s, depending on which arrived first. Drawing the basemap first removes
 * the slow order. A basemap that never settles (a tile request hanging on a weak connection) holds the data back
 * at most `maxWaitMs` from the moment the data is ready.
 */
export interface BasemapFirstGate {
  /** the basemap has drawn its first complete view (maplibre's first `idle`) */
  basemapDrawn(): void;
  /** deck.gl has data layers to draw: starts the longest wait, once */
  layersWaiting(): void;
  dispose(): void;
}

export const BASEMAP_FIRST_MAX_WAIT_MS = 3000;

export function createBasemapFirstGate(onOpen: () => void, maxWaitMs = BASEMAP_FIRST_MAX_WAIT_MS): BasemapFirstGate {
  let open = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const openGate = () => {
    if (open) return;
    open = true;
    clearTimeout(timer);
    onOpen();
  };
  return {
    basemapDrawn: openGate,
    layersWaiting() {
      if (!open && timer === undefined) timer = setTimeout(openGate, maxWaitMs);
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
