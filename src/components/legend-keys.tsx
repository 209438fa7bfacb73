/** Symbol keys of each layer, drawn from its spec's legend parts, so that a swatch matches the map. */
import { useTranslation } from 'react-i18next';
import type { LayerSpec, LegendPart } from '../map/layer-spec.ts';
import { cssColor, type Rgba } from '../map/layer-styles.ts';
import { APPROXIMATE_RING, statusFill, statusOutline } from '../map/layers/common.ts';
import { useAtlasStore } from '../state/store.ts';
import { categoryLabel, formatInteger } from './format.ts';

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

function StatusKey({ base, namespace, keys }: { base: Rgba; namespace: string; keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <KeyList
      title={t('legend.statusStyles')}
      entries={keys.map((key) => ({ key, label: categoryLabel(t, namespace, key), swatch: <StatusSwatch base={base} status={key} /> }))}
    />
  );
}

function ApproximateKey({ base }: { base: Rgba }) {
  const { t } = useTranslation();
  return (
    <p className="legend-approx">
      <span
        className="swatch swatch-dot swatch-approx"
        style={{
          backgroundColor: cssColor(base),
          boxShadow: `0 0 0 ${APPROXIMATE_RING.gapPixels / 2}px #fff, 0 0 0 ${APPROXIMATE_RING.gapPixels / 2 + APPROXIMATE_RING.widthPixels}px ${cssColor(APPROXIMATE_RING.color)}`,
        }}
        aria-hidden="true"
      />
      <span>{t('legend.approximate')}</span>
    </p>
  );
}

function RampKey({ part }: { part: Extract<LegendPart, { kind: 'ramp' }> }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return (
    <div className="legend-key-group">
      <p className="legend-key-title">{t(part.title)}</p>
      <ul className="density-ramp">
        {part.steps.map((step) => (
          <li key={step.min}>
            <Swatch color={step.color} shape="hex" />
            <span>{formatInteger(step.min, language)}+</span>
          </li>
        ))}
      </ul>
      <p className="legend-note">{t(part.note.key, part.note.values)}</p>
    </div>
  );
}

function LegendPartKey({ part, base }: { part: LegendPart; base: Rgba }) {
  const { t } = useTranslation();
  switch (part.kind) {
    case 'palette':
      return (
        <KeyList
          title={t(part.title)}
          entries={part.keys.map((key) => ({
            key,
            label: categoryLabel(t, part.domain, key),
            swatch: <Swatch color={part.palette[key] ?? part.palette.unknown ?? base} shape={part.shape} />,
          }))}
        />
      );
    case 'status':
      return <StatusKey base={base} namespace={part.domain} keys={part.keys} />;
    case 'ramp':
      return <RampKey part={part} />;
    case 'approximate':
      return <ApproximateKey base={base} />;
  }
}

export function LegendKey({ spec }: { spec: LayerSpec }) {
  return (
    <>
      {spec.legend.map((part, i) => (
        <LegendPartKey key={`${part.kind}-${i}`} part={part} base={spec.color} />
      ))}
    </>
  );
}
