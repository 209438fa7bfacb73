/**
 * Issue 15 in the built app (1920x1080, English and Spanish): the policy choropleth chosen through the controls
 * (legend counts against states.json, unknown drawn apart from a cited "none" on the map's pixels, national facts
 * against policies.json), and every theme preset through its radio button with its view and link. Screenshots are
 * saved under tests/e2e/screenshots/ (governance-*.png).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import type { PolicyFact, StateRecord } from '../../src/data/atlas-format.ts';
import { differingPixelShare, screenshot, useSharedBrowser, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const sharedBrowser = useSharedBrowser();

type Lang = 'en' | 'es';
const CLASS_OF_STATUS: Record<string, string> = {
  in_force: 'in_force',
  adopted: 'adopted',
  proposed: 'proposed',
  suspended: 'ended',
  repealed: 'ended',
  expired: 'ended',
  none: 'none',
};
const ORDER = ['in_force', 'adopted', 'proposed', 'ended', 'none', 'unknown'];

/** A state's class for a policy, computed here from states.json (the app's rule: strongest status; no fact = unknown). */
function classOf(state: StateRecord, policy: string): string {
  const facts = (state.policies ?? []).filter((fact) => fact.policy === policy);
  if (facts.length === 0) return 'unknown';
  return facts.map((fact) => CLASS_OF_STATUS[fact.status] ?? 'unknown').sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0]!;
}

async function getJson<T>(page: Page, file: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url)).json(), `${baseUrl}data/${file}`) as Promise<T>;
}

/** The mean colour of a 7x7 block around a longitude/latitude on the screenshot. */
async function colourAt(page: Page, png: PNG, lngLat: [number, number]): Promise<[number, number, number]> {
  const point = await page.evaluate((at) => {
    const map = (window as unknown as { __atlasMap: { project(p: [number, number]): { x: number; y: number } } }).__atlasMap;
    return map.project(at);
  }, lngLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = Math.round(box.x + point.x);
  const cy = Math.round(box.y + point.y);
  let [r, g, b, n] = [0, 0, 0, 0];
  for (let y = cy - 3; y <= cy + 3; y++)
    for (let x = cx - 3; x <= cx + 3; x++) {
      const i = (y * png.width + x) * 4;
      r += png.data[i]!;
      g += png.data[i + 1]!;
      b += png.data[i + 2]!;
      n++;
    }
  return [r / n, g / n, b / n];
}

/** Points well inside a state (away from labels), for pixel checks. */
const INSIDE: Record<string, [number, number]> = {
  'US-CA': [-119.2, 36.2],
  'US-TX': [-100.5, 33.2],
  'US-NV': [-116.8, 39.6],
  'US-WY': [-107.3, 42.2],
  'MX-CHH': [-106.4, 29.2],
  'MX-SON': [-111.2, 29.9],
  'MX-COA': [-102.3, 27.4],
};

const isGrey = ([r, g, b]: number[]) => Math.max(r!, g!, b!) - Math.min(r!, g!, b!) < 18 && r! < 200;
const isLand = ([r, g, b]: number[]) => r! > 225 && g! > 222 && b! > 215;

async function openFresh(lang: Lang, fragment = 'layers=none'): Promise<Page> {
  const page = await sharedBrowser().newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${baseUrl}#v=1${lang === 'es' ? '&lang=es' : ''}&${fragment}`);
  await waitForMapReady(page);
  return page;
}

describe('governance: the policy choropleth through the controls', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`ZEV rule (${lang}): legend counts match states.json, unknown is unfilled and differs from a cited none, national facts with sources`, async () => {
      const page = await openFresh(lang);
      const plain = await screenshot(page, `governance-plain-${lang}`);
      const states = await getJson<StateRecord[]>(page, 'states.json');
      const { national } = await getJson<{ national: PolicyFact[] }>(page, 'policies.json');
      expect(
        states.some((state) => (state.policies ?? []).length > 0),
        'the data build carries governance facts',
      ).toBe(true);

      await page.getByTestId('choropleth-layer').selectOption('policy:zev_rule');
      const legend = page.getByTestId('policy-legend');
      await expect.poll(() => legend.getAttribute('data-policy'), { timeout: 30_000 }).toBe('zev_rule');
      expect(await legend.textContent()).toContain(lang === 'en' ? 'ZEV sales rule: status by state' : 'Norma de ventas ZEV: situación por estado');
      expect(page.url()).toContain('pol=zev_rule');
      for (const cls of ['in_force', 'adopted', 'ended', 'none', 'unknown']) {
        for (const country of ['US', 'MX'] as const) {
          const expected = states.filter((s) => s.country === country && classOf(s, 'zev_rule') === cls).length;
          expect(await legend.locator(`li[data-class="${cls}"]`).getAttribute(`data-count-${country.toLowerCase()}`), `${cls} ${country}`).toBe(String(expected));
        }
      }
      // national (federal) rows: the facts of policies.json that go with the ZEV rule, each with its source link
      const nationalUs = page.getByTestId('national-facts').locator('section[data-country="US"]');
      const expectedUs = national.filter((f) => f.jurisdiction === 'US' && ['zev_rule', 'fuel_standard', 'other'].includes(f.policy));
      await expect.poll(() => nationalUs.getAttribute('data-count'), { timeout: 30_000 }).toBe(String(expectedUs.length));
      for (const f of expectedUs) expect(await nationalUs.locator(`li[data-fact="${f.id}"] a`).first().getAttribute('href')).toBe(new URL(f.sourceUrl).href);

      await waitForMapReady(page);
      const coloured = await screenshot(page, `governance-zev-${lang}`);
      expect(differingPixelShare(plain, coloured)).toBeGreaterThan(0.05);
      // pixels: a state in force is blue, a cited none is grey, an unknown state keeps the plain land colour
      const byCode = new Map(states.map((s) => [s.code, s]));
      const checked = { in_force: 0, none: 0, unknown: 0 };
      for (const [code, at] of Object.entries(INSIDE)) {
        const state = byCode.get(code);
        if (!state) continue;
        const cls = classOf(state, 'zev_rule');
        const colour = await colourAt(page, coloured, at);
        if (cls === 'in_force') {
          expect(colour[2] - colour[0], `${code} in force is blue: ${colour}`).toBeGreaterThan(60);
          checked.in_force++;
        } else if (cls === 'none') {
          expect(isGrey(colour), `${code} cited none is grey: ${colour}`).toBe(true);
          checked.none++;
        } else if (cls === 'unknown') {
          expect(isLand(colour), `${code} unknown is not filled: ${colour}`).toBe(true);
          expect(isGrey(colour)).toBe(false);
          checked.unknown++;
        }
      }
      expect(checked.in_force + checked.none + checked.unknown).toBeGreaterThan(2);
      // the legend with its national rows, legible in the panel
      await page.getByTestId('national-facts').scrollIntoViewIfNeeded();
      await screenshot(page, `governance-zev-legend-${lang}`);
      await page.close();
    });
  }

  it('NEVI funds: numeric classes in the legend, Mexico not applicable; the link reopens it', async () => {
    const page = await openFresh('en', 'layers=none&pol=nevi_apportionment');
    const legend = page.getByTestId('policy-legend');
    await expect.poll(() => legend.getAttribute('data-policy'), { timeout: 30_000 }).toBe('nevi_apportionment');
    await expect.poll(() => legend.locator('li[data-class^="range-"]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const states = await getJson<StateRecord[]>(page, 'states.json');
    expect(await legend.locator('li[data-class="na"]').textContent()).toContain('Not applicable (Mexico)');
    expect(await legend.locator('li[data-class="na"]').getAttribute('data-count-mx')).toBe(String(states.filter((s) => s.country === 'MX').length));
    await waitForMapReady(page);
    await screenshot(page, 'governance-nevi-en');
    await page.close();
  });
});

/** What each preset shows, checked after its radio button is clicked. */
const PRESETS: { id: string; check: (page: Page, states: StateRecord[], lang: Lang) => Promise<void> }[] = [
  {
    id: 'infrastructure',
    check: async (page) => {
      expect(await page.getByTestId('count-chargers').isVisible()).toBe(true);
    },
  },
  {
    id: 'supplier',
    check: async () => {},
  },
  {
    id: 'governance',
    check: async (page, _states, lang) => {
      const legend = page.getByTestId('policy-legend');
      await expect.poll(() => legend.getAttribute('data-policy'), { timeout: 30_000 }).toBe('zev_rule');
      expect(await legend.textContent()).toContain(lang === 'en' ? 'Unknown (no curated fact)' : 'Desconocido (sin hecho documentado)');
    },
  },
  {
    id: 'human',
    check: async (page, states, lang) => {
      const legend = page.getByTestId('jobs-legend');
      expect(await legend.textContent()).toContain(lang === 'en' ? 'reported jobs (not estimated)' : 'empleos reportados (no estimados)');
      // the plants' reported jobs (no filter) add up to the states' totals written by the pipeline
      const expected = states.reduce((sum, s) => sum + (s.jobs?.reported ?? 0), 0);
      const reported = async () => {
        const values = await legend.locator('[data-layer]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-reported'))));
        return values.reduce((a, b) => a + b, 0);
      };
      await expect.poll(reported, { timeout: 30_000 }).toBe(expected);
      const facilities = states.reduce((sum, s) => sum + (s.jobs?.facilities ?? 0), 0);
      const shown = await legend.locator('[data-layer]').evaluateAll((items) => items.reduce((sum, item) => sum + Number(item.getAttribute('data-facilities')), 0));
      expect(shown).toBe(facilities);
    },
  },
  {
    id: 'research',
    check: async (page, states) => {
      const legend = page.getByTestId('coverage-legend');
      await expect
        .poll(() => legend.locator('tr[data-state]').count(), { timeout: 30_000 })
        .toBe(states.filter((s) => s.published.some((p) => p.dataset === 'chargers' && p.value > 0)).length);
      expect(await legend.locator('tr[data-layer="chargers"][data-country="MX"]').getAttribute('data-level')).toBe('partial');
    },
  },
  { id: 'all', check: async () => {} },
];

describe('theme presets through the controls', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`every preset (${lang}): layers, view, link and a screenshot`, async () => {
      const page = await openFresh(lang, '');
      const states = await getJson<StateRecord[]>(page, 'states.json');
      const presets = page.getByTestId('theme-presets');
      let previous: PNG | null = null;
      for (const preset of PRESETS) {
        await page.getByTestId(`theme-${preset.id}`).check();
        await expect.poll(() => presets.getAttribute('data-theme'), { timeout: 30_000 }).toBe(preset.id);
        await expect.poll(() => page.url()).toContain(`theme=${preset.id}`);
        await preset.check(page, states, lang);
        await waitForMapReady(page);
        const shot = await screenshot(page, `governance-theme-${preset.id}-${lang}`);
        if (previous) expect(differingPixelShare(previous, shot), `${preset.id} changes the view`).toBeGreaterThan(0.01);
        previous = shot;
      }
      await page.close();
    });
  }

  it('the research view’s tables and a state profile (policies beside chargers per 100k) in both languages', async () => {
    for (const lang of ['en', 'es'] as const) {
      const page = await openFresh(lang, 'layers=chargers&cov=1&theme=research');
      const table = page.getByTestId('coverage-state-table');
      await expect.poll(() => table.locator('tr[data-state]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await table.scrollIntoViewIfNeeded();
      await screenshot(page, `governance-research-table-${lang}`);
      await page.close();

      const profile = await openFresh(lang, 'layers=none&pol=zev_rule&theme=governance&sel=states:US-CA');
      const section = profile.getByTestId('state-policies');
      await section.waitFor({ timeout: 30_000 });
      const states = await getJson<StateRecord[]>(profile, 'states.json');
      const ca = states.find((s) => s.code === 'US-CA')!;
      // US policies (circulation exemptions are Mexican): one row each, classed as computed here
      expect(await section.locator('tr[data-policy]').count()).toBe(5);
      expect(await section.locator('tr[data-policy="zev_rule"]').getAttribute('data-class')).toBe(classOf(ca, 'zev_rule'));
      await expect.poll(() => section.locator('[data-measure="chargersPer100k"]').getAttribute('data-value'), { timeout: 30_000 }).not.toBe('');
      expect(await section.getByTestId('no-causation').textContent()).toContain(lang === 'en' ? 'does not claim' : 'no afirma');
      await section.scrollIntoViewIfNeeded();
      await waitForMapReady(profile);
      await screenshot(profile, `governance-profile-${lang}`);
      await profile.close();
    }
  });

  it('an old link without theme= shows the preset its layers make', async () => {
    const page = await openFresh('en', 'layers=chargers');
    expect(await page.getByTestId('theme-presets').getAttribute('data-theme')).toBe('infrastructure');
    await page.close();
  });
});
