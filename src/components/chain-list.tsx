/**
 * The supply chain of a selected facility as a readable list (issue 14): every flow upstream (material flowing into
 * it, transitively; farthest first, so the list reads from mine to plant) and downstream, each step with its ends,
 * material, relation, year, volume, source links and as-of date; and "show this chain only" (link `chain=`), which
 * filters the map and the legend counts to the chain's facilities and flows, with a way back.
 * Data strings are rendered as text; links only for http(s) URLs.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowRecord, SourceInfo } from '../data/atlas-format.ts';
import { useFlows, useManifest } from '../data/queries.ts';
import { endpointKey, supplyChainOf } from '../map/supply-chain.ts';
import { useAtlasStore } from '../state/store.ts';
import { categoryLabel, formatDate, formatNumber, safeHref } from './format.ts';
import '../styles/chain.css';
import { sourceTitle } from './source-text.ts';

/** Flows of the chain in reading order: upstream farthest first, then downstream nearest first (pure; exported for tests). */
export function chainSteps(flows: readonly FlowRecord[], facilityId: string): { upstream: FlowRecord[]; downstream: FlowRecord[] } {
  const chain = supplyChainOf(flows, facilityId);
  const byDepth = (direction: 'up' | 'down'): FlowRecord[] => {
    const ids = direction === 'up' ? chain.upstreamFlows : chain.downstreamFlows;
    const depth = new Map<string, number>([[facilityId, 0]]);
    const order: { flow: FlowRecord; depth: number }[] = [];
    const seen = new Set<string>();
    let frontier = [facilityId];
    for (let level = 1; frontier.length; level++) {
      const next: string[] = [];
      for (const flow of flows) {
        if (!ids.has(flow.id) || seen.has(flow.id)) continue;
        const near = endpointKey(direction === 'up' ? flow.to : flow.from);
        if (!frontier.includes(near)) continue;
        seen.add(flow.id);
        order.push({ flow, depth: level });
        const far = endpointKey(direction === 'up' ? flow.from : flow.to);
        if (!depth.has(far)) {
          depth.set(far, level);
          next.push(far);
        }
      }
      frontier = next;
    }
    return order.sort((a, b) => (direction === 'up' ? b.depth - a.depth : a.depth - b.depth)).map((o) => o.flow);
  };
  return { upstream: byDepth('up'), downstream: byDepth('down') };
}

/** The site a source link goes to ("fordauthority.com"), so a reader sees whose page it is. */
function hostOf(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return href;
  }
}

function Step({ flow, sources }: { flow: FlowRecord; sources: Record<string, SourceInfo> | undefined }) {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  const select = useAtlasStore((s) => s.select);
  const unknown = t('chain.unknown');
  return (
    <li className="chain-step" data-testid="chain-step" data-flow-id={flow.id}>
      <button type="button" className="link-button chain-step-title" onClick={() => select(flow.id)} title={t('chain.openStep')}>
        {t('chain.step', { from: flow.from.name, to: flow.to.name })}
      </button>
      <dl className="chain-step-facts">
        <dt>{t('chain.material')}</dt>
        <dd>{categoryLabel(t, 'flowMaterial', flow.material)}</dd>
        <dt>{t('chain.relation')}</dt>
        <dd>{categoryLabel(t, 'flowRelation', flow.relation)}</dd>
        <dt>{t('chain.year')}</dt>
        <dd>{flow.year === null ? unknown : String(flow.year)}</dd>
        <dt>{t('chain.volume')}</dt>
        <dd>{flow.volume === null ? unknown : `${formatNumber(flow.volume, language)}${flow.volumeUnit ? ` ${flow.volumeUnit}` : ''}`}</dd>
        <dt>{t('chain.source')}</dt>
        <dd>
          {flow.sources.map((ref, i) => {
            const source = sources?.[ref.sourceId];
            const href = safeHref(ref.url) ?? safeHref(source?.url);
            const asOf = ref.asOf ?? source?.asOf;
            return (
              <span key={`${ref.sourceId}:${ref.recordId}:${i}`} className="chain-source">
                {href ? (
                  <a href={href} rel="noopener noreferrer" target="_blank">
                    {`${t('chain.sourceLink')}: ${hostOf(href)}`}
                  </a>
                ) : source ? (
                  sourceTitle(source, language)
                ) : (
                  ref.sourceId
                )}
                {asOf && <> · {t('chain.asOf', { date: formatDate(asOf, language) })}</>}
              </span>
            );
          })}
        </dd>
      </dl>
    </li>
  );
}

/** "Show this chain only" / "Show everything again" for one facility. */
export function ChainOnlyToggle({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const active = useAtlasStore((s) => s.chain === facilityId);
  const setChainOnly = useAtlasStore((s) => s.setChainOnly);
  return (
    <button type="button" className="chain-toggle" aria-pressed={active} onClick={() => setChainOnly(active ? null : facilityId)} data-testid="chain-only">
      {active ? t('chain.showAll') : t('chain.showOnly')}
    </button>
  );
}

export function ChainList({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const flows = useFlows().data;
  const sources = useManifest().data?.sources;
  const steps = useMemo(() => (flows ? chainSteps(flows, facilityId) : null), [flows, facilityId]);
  if (!steps || steps.upstream.length + steps.downstream.length === 0) return null;
  const count = steps.upstream.length + steps.downstream.length;
  return (
    <section className="chain-list" data-testid="chain-list" aria-label={t('chain.heading', { count })}>
      <h3>{t('chain.heading', { count })}</h3>
      <p className="legend-note">{t('chain.intro')}</p>
      <ChainOnlyToggle facilityId={facilityId} />
      {steps.upstream.length > 0 && (
        <>
          <h4>{t('chain.upstream')}</h4>
          <ol className="chain-steps">
            {steps.upstream.map((flow) => (
              <Step key={flow.id} flow={flow} sources={sources} />
            ))}
          </ol>
        </>
      )}
      {steps.downstream.length > 0 && (
        <>
          <h4>{t('chain.downstream')}</h4>
          <ol className="chain-steps">
            {steps.downstream.map((flow) => (
              <Step key={flow.id} flow={flow} sources={sources} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
