const maskVersions = new WeakMap<Uint8Array, number>();
let lastMaskVersion = 0;

/**
 * A number that changes whenever a layer's mask is a new array: cheap for deck.gl's updateTriggers
 * to compare (an array trigger is compared element by element, which costs O(rows) per render).
 */
export function maskVersion(mask: Uint8Array): number {
  let version = maskVersions.get(mask);
  if (version === undefined) {
    version = ++lastMaskVersion;
    maskVersions.set(mask, version);
  }
  return version;
}
