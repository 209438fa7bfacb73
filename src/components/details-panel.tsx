/** The selected feature's attributes and sources. */
export function DetailsPanel() {
  return null;
}
