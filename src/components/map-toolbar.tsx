/** Search, copy link and export, over the map. */
export function MapToolbar() {
  return null;
}
