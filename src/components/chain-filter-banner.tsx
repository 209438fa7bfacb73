/** While the map shows one supply chain only (`chain=`), says so over the map with a way back to everything. */
import { useTranslation } from 'react-i18next';
import { useFlows } from '../data/queries.ts';
import { useAtlasStore } from '../state/store.ts';
import '../styles/chain.css';

export function ChainFilterBanner() {
  const { t } = useTranslation();
  const chain = useAtlasStore((s) => s.chain);
  const setChainOnly = useAtlasStore((s) => s.setChainOnly);
  const select = useAtlasStore((s) => s.select);
  const flows = useFlows(chain !== null).data;
  if (!chain) return null;
  const end = flows?.flatMap((f) => [f.from, f.to]).find((e) => e.facilityId === chain);
  return (
    <div className="chain-banner" role="status" data-testid="chain-banner">
      {end ? (
        <button type="button" className="link-button" onClick={() => select(chain)}>
          {t('chain.showingOnly', { name: end.name })}
        </button>
      ) : (
        <span>{t('chain.showingOnlyUnknown')}</span>
      )}
      <button type="button" onClick={() => setChainOnly(null)} data-testid="chain-show-all">
        {t('chain.showAll')}
      </button>
    </div>
  );
}
