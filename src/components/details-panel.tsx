/**
 * The selected feature's attributes and sources. Data strings are rendered as React text only;
 * URLs become links only when they are http(s).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DetailRecord, FlowEndpoint, FlowRecord, DatasetId, SourceInfo, SourceRef } from '../data/atlas-format.ts';
import { useFlows, useManifest, useStates } from '../data/queries.ts';
import { StateProfile } from './state-profile.tsx';
import { STATE_SELECTION_PREFIX, useSelectionStatus } from '../map/selection.ts';
import { useStateNames, stateNameMap } from '../search/basemap-names.ts';
import type { Language } from '../state/atlas-state.ts';
import { useAtlasStore } from '../state/store.ts';
import { attributeDomain } from '../data/datasets.ts';
import { CitationLink } from './citation-link.tsx';
import { categoryLabel, formatDate, formatNumber, isIsoDate, safeHref, stateLabel } from './format.ts';
import { JOBS_ATTRIBUTES, JobsDetails } from './jobs-views.tsx';
import { ChainList } from './chain-list.tsx';
import '../styles/panels.css';
import { publisherName, sourceAsOfText, sourceTitle } from './source-text.ts';

type AttributeValue = DetailRecord['attributes'][string];

function attributeName(t: TFunction, key: string): string {
  return t(`details.attr.${key}`, { defaultValue: key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()) });
}

function scalarText(t: TFunction, language: Language, layer: string, key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? t('details.yes') : t('details.no');
  if (typeof value === 'number') return formatNumber(value, language);
  const namespace = attributeDomain(layer, key);
  if (namespace) return categoryLabel(t, namespace, value);
  if (isIsoDate(value)) return formatDate(value, language);
  return value;
}

function AttributeValueView({ layer, name, value }: { layer: string; name: string; value: Exclude<AttributeValue, null> }): ReactNode {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  if (name === 'doi' && typeof value === 'string') {
    const href = safeHref(/^https?:/i.test(value) ? value : `https://doi.org/${value}`);
    return href ? (
      <a href={href} rel="noopener noreferrer" target="_blank">
        {value}
      </a>
    ) : (
      value
    );
  }
  if (typeof value === 'string' && /^https?:\/\//i.test(value)) {
    const href = safeHref(value);
    if (href) {
      return (
        <a href={href} rel="noopener noreferrer" target="_blank">
          {value}
        </a>
      );
    }
  }
  if (Array.isArray(value)) return value.map((item) => scalarText(t, language, layer, name, item)).join(', ');
  return scalarText(t, language, layer, name, value);
}

function SourceItems({ refs, sources }: { refs: readonly SourceRef[]; sources: Record<string, SourceInfo> | undefined }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return (
    <ul className="details-sources">
      {refs.map((ref, i) => {
        const source = sources?.[ref.sourceId];
        const href = safeHref(ref.url) ?? safeHref(source?.url);
        return (
          <li key={`${ref.sourceId}:${ref.recordId}:${i}`}>
            <strong>{source ? sourceTitle(source, language) : t('details.unknownSource', { id: ref.sourceId })}</strong>
            {source && <span className="source-meta"> — {publisherName(source.publisher, t)}</span>}
            <span className="details-source-line">{t('details.recordId', { id: ref.recordId })}</span>
            {source && <span className="details-source-line">{t('details.licence', { licence: source.licence })}</span>}
            {source && <span className="details-source-line">{sourceAsOfText(source.asOf, language, t, 'details.asOf', 'details.asOfPerRow')}</span>}
            {href && (
              <a className="details-source-line" href={href} rel="noopener noreferrer" target="_blank">
                {t('details.openSource')}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Endpoint({ endpoint }: { endpoint: FlowEndpoint }) {
  const { t } = useTranslation();
  const select = useAtlasStore((s) => s.select);
  const label = `${endpoint.name} (${t(`countries.${endpoint.country}`, { defaultValue: endpoint.country })})`;
  if (!endpoint.facilityId) return <>{label}</>;
  const facilityId = endpoint.facilityId;
  return (
    <button type="button" className="link-button" onClick={() => select(facilityId)} aria-label={t('details.selectEndpoint', { name: endpoint.name })}>
      {label}
    </button>
  );
}

function FlowDetails({ flow, sources }: { flow: FlowRecord; sources: Record<string, SourceInfo> | undefined }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return (
    <>
      <dl className="details-attributes">
        <dt>{t('details.flowFrom')}</dt>
        <dd>
          <Endpoint endpoint={flow.from} />
        </dd>
        <dt>{t('details.flowTo')}</dt>
        <dd>
          <Endpoint endpoint={flow.to} />
        </dd>
        <dt>{t('details.material')}</dt>
        <dd>{categoryLabel(t, 'flowMaterial', flow.material)}</dd>
        <dt>{t('details.relation')}</dt>
        <dd>{categoryLabel(t, 'flowRelation', flow.relation)}</dd>
        {flow.year !== null && (
          <>
            <dt>{t('details.year')}</dt>
            <dd>{String(flow.year)}</dd>
          </>
        )}
        {flow.volume !== null && (
          <>
            <dt>{t('details.volume')}</dt>
            <dd>
              {formatNumber(flow.volume, language)}
              {flow.volumeUnit ? ` ${flow.volumeUnit}` : ''}
            </dd>
          </>
        )}
        {flow.description && (
          <>
            <dt>{t('details.description')}</dt>
            <dd>{flow.description}</dd>
          </>
        )}
      </dl>
      {flow.crossBorder && <p className="details-flag">{t('details.crossBorder')}</p>}
      <h3>{t('details.sources')}</h3>
      <SourceItems refs={flow.sources} sources={sources} />
    </>
  );
}

function FlowLinks({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const flows = useFlows().data;
  const select = useAtlasStore((s) => s.select);
  if (!flows) return null;
  const upstream = flows.filter((f) => f.to.facilityId === facilityId);
  const downstream = flows.filter((f) => f.from.facilityId === facilityId);
  const list = (items: FlowRecord[], other: (f: FlowRecord) => FlowEndpoint) => (
    <ul className="flow-links">
      {items.map((flow) => (
        <li key={flow.id}>
          <button type="button" className="link-button" onClick={() => select(flow.id)}>
            {t('details.flowLink', { material: categoryLabel(t, 'flowMaterial', flow.material), other: other(flow).name })}
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {upstream.length > 0 && (
        <>
          <h3>{t('details.upstream')}</h3>
          {list(upstream, (f) => f.from)}
        </>
      )}
      {downstream.length > 0 && (
        <>
          <h3>{t('details.downstream')}</h3>
          {list(downstream, (f) => f.to)}
        </>
      )}
    </>
  );
}

function PointDetails({ layer, record, sources }: { layer: DatasetId; record: DetailRecord; sources: Record<string, SourceInfo> | undefined }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  // issue 15: the jobs figure is shown as one item (value, kind, year, source) by JobsDetails
  const entries = Object.entries(record.attributes ?? {}).filter(([key]) => !JOBS_ATTRIBUTES.includes(key));
  const known = entries.filter((entry): entry is [string, Exclude<AttributeValue, null>] => entry[1] !== null && !(Array.isArray(entry[1]) && entry[1].length === 0));
  const missing = entries.filter(([, value]) => value === null || (Array.isArray(value) && value.length === 0)).map(([key]) => attributeName(t, key));
  return (
    <>
      {record.precision === 'approximate' && (
        <p className="details-flag approximate" data-testid="approximate-flag">
          <span aria-hidden="true">◌ </span>
          {t('details.approximate')}
        </p>
      )}
      {(record.overrides ?? [])
        .filter((o) => o.field === 'disputed')
        .map((o, i) => (
          <p key={`disputed:${i}`} className="details-flag disputed" data-testid="disputed-flag">
            {t('correction.disputedNote', { reason: String(o.value ?? '') })} <CitationLink url={o.sourceUrl}>{t('details.overrideSource')}</CitationLink>
            {' · '}
            {t('details.overrideAsOf', { date: formatDate(o.asOf, language) })}
          </p>
        ))}
      <dl className="details-attributes">
        <div className="details-row">
          <dt>{t('details.coordinates')}</dt>
          <dd>
            {formatNumber(record.lat, language, 4)}, {formatNumber(record.lon, language, 4)}
          </dd>
        </div>
        {known.map(([key, value]) => (
          <div key={key} className="details-row" data-attribute={key}>
            <dt>{attributeName(t, key)}</dt>
            <dd>
              <AttributeValueView layer={layer} name={key} value={value} />
            </dd>
          </div>
        ))}
      </dl>
      <JobsDetails record={record} />
      {missing.length > 0 && <p className="legend-note">{t('details.notReported', { names: missing.join(', ') })}</p>}
      {record.overrides && record.overrides.length > 0 && (
        <>
          <h3>{t('details.overrides')}</h3>
          <ul className="details-overrides">
            {record.overrides.map((override, i) => {
              const value = override.value === null ? t('categories.unknown') : scalarText(t, language, layer, override.field, override.value);
              // issue 14: the source's value stays visible beside the correction
              const was = override.sourceValue;
              const wasText =
                was === undefined
                  ? null
                  : was === null || (Array.isArray(was) && was.length === 0)
                    ? t('categories.unknown')
                    : Array.isArray(was)
                      ? was.map((v) => scalarText(t, language, layer, override.field, v)).join(', ')
                      : scalarText(t, language, layer, override.field, was);
              return (
                <li key={`${override.field}:${i}`} data-override-field={override.field}>
                  <span>
                    {override.field === 'disputed'
                      ? t('correction.disputedNote', { reason: String(override.value ?? '') })
                      : t('details.override', { field: attributeName(t, override.field), value })}
                  </span>
                  {wasText !== null && <span className="details-source-line override-source-value">{t('correction.sourceValue', { value: wasText })}</span>}
                  {override.note && <span className="details-source-line">{override.note}</span>}
                  <span className="details-source-line">
                    <CitationLink url={override.sourceUrl}>{t('details.overrideSource')}</CitationLink>
                    {' · '}
                    {t('details.overrideAsOf', { date: formatDate(override.asOf, language) })}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t('details.sources')}</h3>
      <SourceItems refs={record.sources ?? []} sources={sources} />
      <FlowLinks facilityId={record.id} />
      <ChainList facilityId={record.id} />
    </>
  );
}

export function DetailsPanel() {
  const { t } = useTranslation();
  const status = useSelectionStatus();
  const select = useAtlasStore((s) => s.select);
  const language = useAtlasStore((s) => s.language);
  const manifest = useManifest().data;
  const stateNames = stateNameMap(useStateNames(status.status !== 'none').data);
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const selectedId = status.status === 'none' ? null : status.id;
  const found = status.status === 'found' ? status.id : null;
  const stateCode = selectedId?.startsWith(STATE_SELECTION_PREFIX) ? selectedId.slice(STATE_SELECTION_PREFIX.length) : null;
  const states = useStates(stateCode !== null);

  // Focus moves to the panel when it opens (and to the heading once the record is known).
  useEffect(() => {
    if (!selectedId) return;
    if (!panelRef.current?.contains(document.activeElement)) returnFocus.current = document.activeElement;
    (headingRef.current ?? panelRef.current)?.focus();
  }, [selectedId, found]);

  if (status.status === 'none') return null;

  const close = () => {
    select(null);
    const target = returnFocus.current;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  let heading: string;
  let body: ReactNode;
  let subtitle: string | null = null;
  if (stateCode !== null) {
    const state = states.data?.find((s) => s.code === stateCode);
    heading = state ? (language === 'es' ? state.nameEs : state.nameEn) : t('profile.heading');
    subtitle = state ? `${t('profile.heading')} · ${t(`countries.${state.country}`)}` : null;
    body = state ? <StateProfile state={state} allStates={states.data!} /> : states.isLoading ? null : <p className="gap">{t('profile.missing')}</p>;
  } else if (status.status === 'loading') {
    heading = t('details.loading');
    body = null;
  } else if (status.status === 'missing') {
    heading = t('details.label');
    body = <p className="gap">{t('details.notFound', { id: status.id })}</p>;
  } else if (status.feature.layer === 'flows') {
    const flow = status.feature.record;
    heading = t('details.flowTitle', { from: flow.from.name, to: flow.to.name });
    subtitle = t('layers.flows');
    body = <FlowDetails flow={flow} sources={manifest?.sources} />;
  } else {
    const { layer, record } = status.feature;
    heading = record.name;
    const place = [stateLabel(record.state, stateNames, language), t(`countries.${record.country}`, { defaultValue: record.country })].filter(Boolean).join(', ');
    subtitle = `${t(`layers.${layer}`)} · ${place}`;
    body = <PointDetails layer={layer} record={record} sources={manifest?.sources} />;
  }

  return (
    <section
      ref={panelRef}
      className="details-panel"
      data-testid="details-panel"
      aria-label={t('details.label')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-busy={status.status === 'loading'}
    >
      <div className="details-head">
        <h2 ref={headingRef} tabIndex={-1} className="details-title">
          {heading}
        </h2>
        <button type="button" className="close-button" onClick={close} aria-label={t('details.close')} title={t('details.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {subtitle && <p className="details-subtitle">{subtitle}</p>}
      <div className="details-body">{body}</div>
    </section>
  );
}
