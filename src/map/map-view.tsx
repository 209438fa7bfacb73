import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { NavigationControl, ScaleControl, type Map as MaplibreMap } from 'maplibre-gl';
import { MapLibreOverlay, type MapLibreOverlayProps } from '@deck.gl/maplibre';
import type { DeckProps, Layer, PickingInfo } from '@deck.gl/core';
import { useTranslation } from 'react-i18next';
import { CHOROPLETH_LAYER_ID, createBasemapStyle, type StateFills } from './basemap-style.ts';
import { TOOLTIP_STYLE } from './tooltip.ts';
import { createAtlasMap } from './create-map.ts';
import { createBasemapFirstGate, type BasemapFirstGate } from './basemap-first.ts';
import { provideMapFrames } from './map-frame.ts';
import { useAtlasStore } from '../state/store.ts';
import type { MapView as AtlasMapView, Language } from '../state/atlas-state.ts';

export interface MapViewProps {
  deckLayers: Layer[];
  onFeatureClick?: (info: PickingInfo) => void;
  getTooltip?: (info: PickingInfo) => { text: string } | null;
  /** the state choropleth drawn by the basemap, with its hover text and click action */
  choropleth?: {
    fills: StateFills;
    tooltip(code: string): string | null;
    onClick(code: string): void;
  } | null;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function sameView(a: AtlasMapView, b: AtlasMapView): boolean {
  return Math.abs(a.center[0] - b.center[0]) < 1e-4 && Math.abs(a.center[1] - b.center[1]) < 1e-4 && Math.abs(a.zoom - b.zoom) < 0.01;
}

function readView(map: MaplibreMap): AtlasMapView {
  const center = map.getCenter();
  return { center: [round(center.lng, 4), round(center.lat, 4)], zoom: round(map.getZoom(), 2) };
}

/** how long the image export waits for the map to draw the frame it reads */
const FRAME_TIMEOUT_MS = 10_000;

/**
 * deck.gl's renderer while it has no layers (issue 13): its canvas starts transparent, so an empty draw changes no
 * pixel, yet each one (its first frame, each basemap frame while the tiles load) makes the browser composite the page
 * again, work the GPU process shares with the basemap in software GL. deck.gl draws normally from its first layers on.
 */
const DRAW_NOTHING = (): void => undefined;
const DRAW_NORMALLY: Pick<DeckProps, '_customRender'> = { _customRender: null };

/**
 * deck.gl's canvas with the drawing-buffer size it is about to be given (the map canvas's) before its WebGL context
 * exists: a context made at the default 300×150 is resized in deck.gl's first frame, and in software GL that resize
 * waits on the GPU process (issue 13).
 */
function deckCanvasSizedLike(mapCanvas: HTMLCanvasElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = mapCanvas.width;
  canvas.height = mapCanvas.height;
  return canvas;
}

/**
 * The maplibre basemap with deck.gl drawn over it. The store owns the camera: the map reports
 * moves to the store and follows the store when something else (a link, a search) changes it.
 * `data-map-idle` / `data-deck-ready` on the container tell tests and benchmarks when a frame is done;
 * `data-map-failed` that the map could not be created (no WebGL).
 */
export function MapView({ deckLayers, onFeatureClick, getTooltip, choropleth }: MapViewProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [basemapFirstDone, setBasemapFirstDone] = useState(false);
  const gateRef = useRef<BasemapFirstGate | null>(null);
  const language = useAtlasStore((s) => s.language);
  const fills = choropleth?.fills ?? null;
  const view = useAtlasStore((s) => s.view);
  const flyRequest = useAtlasStore((s) => s.flyRequest);
  const fitRequest = useAtlasStore((s) => s.fitRequest);
  const lastFlyRequest = useRef(flyRequest);
  // The layers the overlay was last given, for its after-render callback (set in the effect that passes them on).
  const layersRef = useRef<Layer[]>(deckLayers);
  // data layers given to MapView but not yet to deck.gl (the basemap draws first): deck.gl is not ready with them
  const heldBackRef = useRef(false);
  // what the map's current style was made from: a restyle to the same inputs would only validate and diff it again
  const styledWithRef = useRef<{ language: Language; fills: StateFills | null } | null>(null);

  // A layout effect: the map (its WebGL context, its worker, its first tile requests) starts before the
  // browser lays out and paints the rest of the page, not after (issue 13: 0.12 s sooner, median of 9 loads).
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const initial = useAtlasStore.getState();
    let map: MaplibreMap;
    try {
      map = createAtlasMap({ container, baseUrl: new URL('./', document.baseURI).href, language: initial.language, view: initial.view });
    } catch (error) {
      // nothing will be drawn: what waits for the first view need not (src/map/first-view.ts)
      container.dataset.mapFailed = 'true';
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the failure (no WebGL) is only known once maplibre is built on the mounted container; the fallback message must be rendered from here
      setFailure(String(error));
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const setIdle = (idle: boolean) => (container.dataset.mapIdle = String(idle));
    setIdle(false);
    map.on('idle', () => setIdle(true));
    const gate = createBasemapFirstGate(() => setBasemapFirstDone(true));
    gateRef.current = gate;
    map.once('idle', () => gate.basemapDrawn());
    map.on('movestart', () => setIdle(false));
    // issue 11: a move by the user (drag, wheel, keys), not by a fit or a link, changes a presented scene
    map.on('movestart', (event) => {
      const cause = (event as { originalEvent?: unknown }).originalEvent;
      if (typeof UIEvent !== 'undefined' && cause instanceof UIEvent) useAtlasStore.getState().noteUserMove();
    });
    map.on('moveend', () => {
      const next = readView(map);
      if (!sameView(next, useAtlasStore.getState().view)) useAtlasStore.getState().setView(next);
    });
    // deck.gl takes a canvas made outside it (and puts it in the overlay's container) and a renderer of its own; the
    // overlay's props type leaves both out (its interleaved mode sets `_customRender`)
    const overlayProps: MapLibreOverlayProps & Pick<DeckProps, 'canvas' | '_customRender'> = {
      interleaved: false,
      canvas: deckCanvasSizedLike(map.getCanvas()),
      layers: [],
      _customRender: DRAW_NOTHING,
      // luma.gl would keep the drawing buffer after each frame: a copy per frame (./map-frame.ts)
      deviceProps: { webgl: { preserveDrawingBuffer: false } },
      onAfterRender: () => {
        const layers = layersRef.current;
        container.dataset.deckReady = String(!heldBackRef.current && layers.every((layer) => layer.isLoaded));
        container.dataset.deckLayers = String(layers.length);
      },
    };
    const overlay = new MapLibreOverlay(overlayProps);
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    styledWithRef.current = { language: initial.language, fills: null };
    (window as unknown as { __atlasMap?: MaplibreMap }).__atlasMap = map;
    const withdrawFrames = provideMapFrames({
      drawFrame: (read) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            map.off('render', onRender);
            reject(new Error('the map drew no frame'));
          }, FRAME_TIMEOUT_MS);
          // after the overlay's own listener, which has deck.gl draw over the view maplibre has just drawn
          const onRender = () => {
            clearTimeout(timer);
            map.off('render', onRender);
            const deckCanvas = overlay.getCanvas();
            try {
              read(deckCanvas ? [map.getCanvas(), deckCanvas] : [map.getCanvas()]);
              resolve();
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          };
          map.on('render', onRender);
          // a new layer filter (every layer passes) is a change deck.gl draws again for, in that frame
          overlay.setProps({ layerFilter: () => true });
          map.triggerRepaint();
        }),
    });
    return () => {
      withdrawFrames();
      gate.dispose();
      gateRef.current = null;
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (deckLayers.length > 0) gateRef.current?.layersWaiting();
    // the data layers are drawn once the basemap has drawn its first view (./basemap-first.ts)
    const given = basemapFirstDone ? deckLayers : [];
    layersRef.current = given;
    heldBackRef.current = given.length < deckLayers.length;
    // Where deck.gl picks nothing, the basemap's choropleth answers with the state under the pointer.
    const stateAt = (info: PickingInfo): string | null => {
      const map = mapRef.current;
      // deck.gl reports a pointer that left the map as (-1, -1)
      if (!choropleth || !map?.getLayer(CHOROPLETH_LAYER_ID) || info.x < 0 || info.y < 0) return null;
      const code = map.queryRenderedFeatures([info.x, info.y], { layers: [CHOROPLETH_LAYER_ID] })[0]?.properties?.code;
      return typeof code === 'string' ? code : null;
    };
    overlayRef.current?.setProps({
      layers: given,
      // from its first layers on, deck.gl draws every frame it needs, an empty one too (all layers turned off later)
      ...(given.length > 0 ? DRAW_NORMALLY : {}),
      onClick: (info: PickingInfo) => {
        const code = info.picked ? null : stateAt(info);
        if (code && choropleth) choropleth.onClick(code);
        else onFeatureClick?.(info);
      },
      getTooltip: (info: PickingInfo) => {
        const featureTooltip = getTooltip?.(info) ?? null;
        if (featureTooltip || info.picked) return featureTooltip;
        const code = stateAt(info);
        const text = code && choropleth ? choropleth.tooltip(code) : null;
        return text ? { text, style: TOOLTIP_STYLE } : null;
      },
    });
    const container = containerRef.current;
    if (!container) return;
    container.dataset.deckReady = 'false';
    // Layers equal to the previous ones cause no redraw, so no after-render callback: settle after two frames.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        if (basemapFirstDone && deckLayers.every((layer) => layer.isLoaded)) container.dataset.deckReady = 'true';
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [deckLayers, basemapFirstDone, onFeatureClick, getTooltip, choropleth]);

  useEffect(() => {
    const map = mapRef.current;
    const styledWith = styledWithRef.current;
    if (!map || (styledWith?.language === language && styledWith.fills === fills)) return;
    styledWithRef.current = { language, fills };
    // a restyle is not a move: mark the map busy until maplibre reports idle again
    if (containerRef.current) containerRef.current.dataset.mapIdle = 'false';
    map.setStyle(createBasemapStyle({ baseUrl: new URL('./', document.baseURI).href, language, choropleth: fills }), { diff: true });
  }, [language, fills]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || sameView(readView(map), view)) return;
    if (flyRequest !== lastFlyRequest.current) {
      lastFlyRequest.current = flyRequest;
      map.flyTo({ center: view.center, zoom: view.zoom, essential: true, duration: 1200 });
    } else {
      map.jumpTo({ center: view.center, zoom: view.zoom });
    }
  }, [view, flyRequest]);

  // issue 11: a story scene frames a bounding box (the same area on 16:9 and 4:3 screens)
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !fitRequest) return;
    const [west, south, east, north] = fitRequest.bounds;
    const { width, height } = map.getContainer().getBoundingClientRect();
    const { top, right, bottom, left } = fitRequest.padding;
    // padding that leaves no room is dropped rather than refused by maplibre
    const padding = left + right < width * 0.8 && top + bottom < height * 0.8 ? fitRequest.padding : 10;
    const box: [[number, number], [number, number]] = [
      [west, south],
      [east, north],
    ];
    // an easing still running (the inertia of a drag) would carry the camera away from the scene
    map.stop();
    if (fitRequest.duration > 0) map.fitBounds(box, { padding, duration: fitRequest.duration, essential: true });
    else map.fitBounds(box, { padding, animate: false });
  }, [fitRequest]);

  return (
    <div className="map-view">
      <div ref={containerRef} className="map-canvas" data-testid="map" role="region" aria-label={t('map.label')} />
      {failure && (
        <p className="map-failure" role="alert">
          {t('map.webglMissing')}
        </p>
      )}
    </div>
  );
}
