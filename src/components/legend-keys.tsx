/** Symbol keys of each layer, drawn from the shared palettes so that a swatch matches the map. */
import { useTranslation } from 'react-i18next';
import type { LayerId } from '../data/atlas-format.ts';
import {
  ASSEMBLY_EV_COLORS,
  CHARGER_LEVEL_COLORS,
  COMMODITY_COLORS,
  FLOW_MATERIAL_COLORS,
  LAYER_COLORS,
  PLANT_STAGE_COLORS,
  cssColor,
  type Rgba,
} from '../map/layer-styles.ts';
import { APPROXIMATE_RING, statusFill, statusOutline } from '../map/layers/common.ts';
import { CHARGER_AGGREGATE_BELOW_ZOOM, HEXBIN_RAMP } from '../map/layers/chargers.ts';
import { useAtlasStore } from '../state/store.ts';
import { categoryLabel, formatInteger } from './format.ts';

const FACILITY_STATUS_KEYS = ['operating', 'under_construction', 'announced', 'cancelled', 'disputed'] as const;
const MINERAL_STATUS_KEYS = ['producing', 'construction', 'evaluation', 'past_producer', 'disputed'] as const;

function Swatch({ color, shape = 'dot' }: { color: Rgba; shape?: 'dot' | 'line' | 'hex' }) {
  return <span className={`swatch swatch-${shape}`} style={{ backgroundColor: cssColor(color) }} aria-hidden="true" />;
}

function StatusSwatch({ base, status }: { base: Rgba; status: string }) {
  const fill = statusFill(base, status);
  const outline = statusOutline(status);
  return (
    <span
      className="swatch swatch-dot"
      style={{ backgroundColor: cssColor(fill), borderColor: cssColor(outline.color), borderWidth: `${Math.max(1, outline.width)}px` }}
      aria-hidden="true"
    />
  );
}

function KeyList({ title, entries }: { title: string; entries: { key: string; label: string; swatch: React.ReactNode }[] }) {
  return (
    <div className="legend-key-group">
      <p className="legend-key-title">{title}</p>
      <ul className="legend-key">
        {entries.map((entry) => (
          <li key={entry.key}>
            {entry.swatch}
            <span>{entry.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function paletteEntries(palette: Record<string, Rgba>, namespace: string, keys: readonly string[], t: ReturnType<typeof useTranslation>['t'], shape: 'dot' | 'line' = 'dot') {
  return keys.map((key) => ({ key, label: categoryLabel(t, namespace, key), swatch: <Swatch color={palette[key] ?? palette.unknown!} shape={shape} /> }));
}

function StatusKey({ layer, namespace, keys }: { layer: LayerId; namespace: string; keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <KeyList
      title={t('legend.statusStyles')}
      entries={keys.map((key) => ({ key, label: categoryLabel(t, namespace, key), swatch: <StatusSwatch base={LAYER_COLORS[layer]} status={key} /> }))}
    />
  );
}

function ApproximateKey({ layer }: { layer: LayerId }) {
  const { t } = useTranslation();
  return (
    <p className="legend-approx">
      <span
        className="swatch swatch-dot swatch-approx"
        style={{ backgroundColor: cssColor(LAYER_COLORS[layer]), boxShadow: `0 0 0 ${APPROXIMATE_RING.gapPixels / 2}px #fff, 0 0 0 ${APPROXIMATE_RING.gapPixels / 2 + APPROXIMATE_RING.widthPixels}px ${cssColor(APPROXIMATE_RING.color)}` }}
        aria-hidden="true"
      />
      <span>{t('legend.approximate')}</span>
    </p>
  );
}

export function LegendKey({ layer }: { layer: LayerId }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  switch (layer) {
    case 'chargers':
      return (
        <>
          <KeyList title={t('legend.levels')} entries={paletteEntries(CHARGER_LEVEL_COLORS, 'chargerLevel', ['DC', 'L2', 'L1', 'unknown'], t)} />
          <div className="legend-key-group">
            <p className="legend-key-title">{t('legend.density')}</p>
            <ul className="density-ramp">
              {HEXBIN_RAMP.map((step) => (
                <li key={step.min}>
                  <Swatch color={step.color} shape="hex" />
                  <span>{formatInteger(step.min, language)}+</span>
                </li>
              ))}
            </ul>
            <p className="legend-note">{t('legend.pointsFromZoom', { zoom: CHARGER_AGGREGATE_BELOW_ZOOM })}</p>
          </div>
        </>
      );
    case 'minerals':
      return (
        <>
          <KeyList title={t('legend.commodities')} entries={paletteEntries(COMMODITY_COLORS, 'commodity', Object.keys(COMMODITY_COLORS), t)} />
          <StatusKey layer={layer} namespace="mineralStatus" keys={MINERAL_STATUS_KEYS} />
          <ApproximateKey layer={layer} />
        </>
      );
    case 'battery-plants':
      return (
        <>
          <KeyList title={t('legend.stages')} entries={paletteEntries(PLANT_STAGE_COLORS, 'plantStage', Object.keys(PLANT_STAGE_COLORS), t)} />
          <StatusKey layer={layer} namespace="facilityStatus" keys={FACILITY_STATUS_KEYS} />
          <ApproximateKey layer={layer} />
        </>
      );
    case 'assembly-plants':
      return (
        <>
          <KeyList title={t('legend.ev')} entries={paletteEntries(ASSEMBLY_EV_COLORS, 'ev', Object.keys(ASSEMBLY_EV_COLORS), t)} />
          <StatusKey layer={layer} namespace="facilityStatus" keys={FACILITY_STATUS_KEYS} />
          <ApproximateKey layer={layer} />
        </>
      );
    case 'flows':
      return (
        <KeyList
          title={t('legend.materials')}
          entries={paletteEntries(FLOW_MATERIAL_COLORS, 'flowMaterial', Object.keys(FLOW_MATERIAL_COLORS).filter((k) => k !== 'unknown'), t, 'line')}
        />
      );
  }
}
