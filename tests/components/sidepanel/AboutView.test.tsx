import { afterEach, describe, expect, it } from 'vitest';
import { fakeSources, type RenderedPanel, renderPanel } from './render-panel';

let panel: RenderedPanel | undefined;
afterEach(() => panel?.unmount());

describe('about the data', () => {
  it('"about the data" shows version, date, counts and sources', async () => {
    panel = await renderPanel('#/about');
    const facts = Object.fromEntries(
      [...panel.root.querySelectorAll('.facts dt')].map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent,
      ]),
    );
    expect(facts).toMatchObject({
      Datasetversie: 'ds-1a2b3c',
      'Geladen op': '22 november 2026',
      Documenten: '4',
      'Geciteerd maar niet opgenomen': '2',
      Verwijzingen: '3',
      Dossiers: '1',
    });
    expect(panel.all('.sources li')).toEqual(['000_5b0e6dc1a4e276c7.txt sha256 ffffffffffff…']);
  });

  it('"about the data" shows the storage used and asks to keep it persistently', async () => {
    let persisted = false;
    const { sources } = fakeSources({
      storageEstimate: async () => ({ usage: 52_428_800, quota: 2_147_483_648, persisted }),
      persistStorage: async () => {
        persisted = true;
        return true;
      },
    });
    panel = await renderPanel('#/about', sources);
    expect(panel.text('.storage-used')).toBe('50 MB in gebruik van 2 GB die de browser toestaat');
    expect(panel.text('.storage-persisted')).toMatch(/^Niet blijvend bewaard/);
    await panel.click(panel.root.querySelector('.storage button'));
    expect(panel.text('.storage-persisted')).toMatch(/^Blijvend bewaard/);
    expect(panel.root.querySelector('.storage button')).toBeNull();
    expect(panel.text('.storage-refused')).toBe('');
  });

  it('says so when the browser refuses to keep the data, or cannot tell the storage used', async () => {
    const refusing = fakeSources({ persistStorage: async () => false }).sources;
    panel = await renderPanel('#/about', refusing, 'en');
    await panel.click(panel.root.querySelector('.storage button'));
    expect(panel.text('.storage-refused')).toBe(
      'The browser declined the request to keep the data persistently.',
    );
    panel.unmount();
    panel = await renderPanel('#/about', fakeSources({ storageEstimate: async () => null }).sources, 'en');
    expect(panel.text('.storage p')).toBe('This browser does not say how much storage Kamerlens uses.');
  });
});
