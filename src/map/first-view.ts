/**
 * Resolves once the map has drawn its first view: the map container reports `data-map-idle` and `data-deck-ready`
 * (see src/map/map-view.tsx) and still does `settleMs` later (deck.gl reports ready with no layers before the data
 * arrives). At once when the map reports it could not be created (`data-map-failed`: no WebGL), or after `timeoutMs`
 * in any case (no map drawn: what waits for the first view is still wanted).
 * Work that would compete with the first view waits for it: the service worker's registration and precache
 * (src/offline/register.ts), the side panel's scrolling layer (src/components/side-panel.tsx).
 */
export function afterFirstView(root: ParentNode = document, { settleMs = 1000, timeoutMs = 15_000 } = {}): Promise<void> {
  const drawn = () => {
    const map = root.querySelector('[data-testid="map"]');
    return map?.getAttribute('data-map-idle') === 'true' && map.getAttribute('data-deck-ready') === 'true';
  };
  const failed = () => root.querySelector('[data-testid="map"]')?.getAttribute('data-map-failed') === 'true';
  return new Promise((resolve) => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (failed()) done();
      else if (!drawn()) {
        clearTimeout(settle);
        settle = undefined;
      } else if (settle === undefined)
        settle = setTimeout(() => {
          settle = undefined;
          if (drawn()) done();
        }, settleMs);
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => done(), timeoutMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(settle);
      resolve();
    }
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-idle', 'data-deck-ready', 'data-map-failed'] });
    check();
  });
}

let pageFirstView: Promise<void> | null = null;
let pageFirstViewDrawn = false;

/**
 * `afterFirstView()` of this page, shared by everything that waits for it: one observer per page, and a panel
 * mounted again later (after a presentation) does not wait for a first view that has already been drawn.
 */
export function afterPageFirstView(): Promise<void> {
  pageFirstView ??= afterFirstView().then(() => {
    pageFirstViewDrawn = true;
  });
  return pageFirstView;
}

export function isPageFirstViewDrawn(): boolean {
  return pageFirstViewDrawn;
}
