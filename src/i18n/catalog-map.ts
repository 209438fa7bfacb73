/** Strings drawn by the map layers (tooltips, symbol notes). */
export const mapEn = {
  atlasMap: {
    tooltip: {
      hexCount_one: '{{formatted}} charger in this area',
      hexCount_other: '{{formatted}} chargers in this area',
      zoomIn: 'Zoom in to see each charger',
      crossBorder: 'Cross-border',
    },
    legend: {
      hexbin: 'Chargers per hexagon',
      approximate: 'Outer ring: approximate location',
      plantSize: 'Size: capacity (GWh), or investment when capacity is unknown',
      assemblySize: 'Size: investment (USD million) when known',
      flowWidth: 'Width: annual volume when public; thicker: cross-border',
      chainHint: 'Select a facility to highlight its supply chain',
    },
  },
};
