/**
 * The map's canvases keep a frame only until the browser has shown it: neither maplibre's nor deck.gl's context is
 * made with `preserveDrawingBuffer`, which would cost a copy of each canvas at every frame (issue 13). What reads
 * them (issue 11's image export) does so in the frame that draws them: the map view provides `drawMapFrame`.
 */
export type MapFrameReader = (canvases: HTMLCanvasElement[]) => void;

export interface MapFrameSource {
  /** draws a frame of the map and calls `read` with its canvases (maplibre's first) before the frame is shown */
  drawFrame(read: MapFrameReader): Promise<void>;
}

let current: MapFrameSource | null = null;

/** Makes `source` the page's map; the returned function withdraws it. */
export function provideMapFrames(source: MapFrameSource): () => void {
  current = source;
  return () => {
    if (current === source) current = null;
  };
}

export function drawMapFrame(read: MapFrameReader): Promise<void> {
  return current ? current.drawFrame(read) : Promise.reject(new Error('no map is shown'));
}
