import { afterEach, describe, expect, it } from 'vitest';
import { type RenderedPanel, renderPanel } from './render-panel';

let panel: RenderedPanel;
afterEach(() => panel.unmount());

const titles = () => panel.all('.result-title');
const checkbox = (label: string) =>
  [...panel.root.querySelectorAll<HTMLLabelElement>('.filters label.check')]
    .find((l) => l.textContent?.startsWith(label))
    ?.querySelector('input');
const select = (label: string) =>
  [...panel.root.querySelectorAll<HTMLLabelElement>('.filters label.field')]
    .find((l) => l.textContent?.startsWith(label))
    ?.querySelector('select') ?? null;

async function choose(selectElement: HTMLSelectElement | null, value: string) {
  if (!selectElement) throw new Error('no select');
  selectElement.value = value;
  selectElement.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
}

describe('library', () => {
  it('lists every full document newest first, with kind, date and authors; no stubs', async () => {
    panel = await renderPanel();
    expect(titles()).toEqual([
      'Antwoorden op vragen over het bericht ‘Bijna een half miljoen mensen tussen wal en schip’',
      'Monitoringsbrief Participatiewet 2025',
      'Voortgang Participatiewet in balans',
      'Antwoord op vragen van het lid De Kort over het rapport Re-integratiedienstverlening',
    ]);
    expect(panel.all('.result-meta')[1]).toBe('Kamerbrief12 december 2025Nobel');
    expect(panel.text('.result-count')).toBe('4 documenten, nieuwste eerst');
  });

  it('shows counts per filter value', async () => {
    panel = await renderPanel();
    expect(panel.all('.filters label.check')).toEqual(['Antwoord op Kamervragen (2)', 'Kamerbrief (2)']);
    expect(panel.all('.years button')).toEqual(['2026 (1)', '2025 (1)', '2024 (2)']);
    expect([...(select('Auteur')?.options ?? [])].map((o) => o.textContent)).toEqual([
      'Alle',
      'Nobel (3)',
      'Aartsen (1)',
    ]);
    expect([...(select('Dossier')?.options ?? [])].map((o) => o.textContent)).toEqual([
      'Alle',
      '34352 — Uitvoering en evaluatie Participatiewet (2)',
    ]);
  });

  it('filters by kind; the kind counts stay those of every kind', async () => {
    panel = await renderPanel();
    await panel.click(checkbox('Kamerbrief'));
    expect(titles()).toEqual([
      'Monitoringsbrief Participatiewet 2025',
      'Voortgang Participatiewet in balans',
    ]);
    expect(panel.all('.filters label.check')).toEqual(['Antwoord op Kamervragen (2)', 'Kamerbrief (2)']);
    // The other filters count within the chosen kind.
    expect(panel.all('.years button')).toEqual(['2025 (1)', '2024 (1)']);
    expect(panel.text('.filters summary')).toBe('Filters (1 actief)');
  });

  it('filters by a year and by a date range', async () => {
    panel = await renderPanel();
    await panel.click(
      [...panel.root.querySelectorAll('.years button')].find((b) => b.textContent?.startsWith('2024')),
    );
    expect(titles()).toHaveLength(2);
    expect(panel.state.filters.value).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    panel.state.setFilters({ from: '2024-12-01', to: '2025-12-31' });
    await new Promise((r) => setTimeout(r, 0));
    expect(titles()).toEqual([
      'Monitoringsbrief Participatiewet 2025',
      'Voortgang Participatiewet in balans',
    ]);
  });

  it('filters by author and dossier, and clears', async () => {
    panel = await renderPanel();
    await choose(select('Auteur'), 'Aartsen');
    expect(titles()).toHaveLength(1);
    await choose(select('Auteur'), '');
    await choose(select('Dossier'), '34352');
    expect(titles()).toEqual([
      'Monitoringsbrief Participatiewet 2025',
      'Voortgang Participatiewet in balans',
    ]);
    await panel.click(
      [...panel.root.querySelectorAll('.filters button')].find((b) => b.textContent === 'Filters wissen'),
    );
    expect(titles()).toHaveLength(4);
  });

  it('speaks English with the English messages', async () => {
    panel = await renderPanel('#/', undefined, 'en');
    expect(panel.text('#view-heading')).toBe('Library');
    expect(panel.all('.filters label.check')).toEqual([
      'Answers to written questions (2)',
      'Letter to parliament (2)',
    ]);
  });
});
