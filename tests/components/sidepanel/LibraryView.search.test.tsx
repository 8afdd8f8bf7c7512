import { afterEach, describe, expect, it } from 'vitest';
import type { Citation } from '../../../data/citations/types';
import { fakeRecognize, fakeSources, type RenderedPanel, renderPanel } from './render-panel';

let panel: RenderedPanel;
afterEach(() => panel.unmount());

const searchBox = () => panel.root.querySelector('#search-input');

async function submit() {
  const form = panel.root.querySelector('search form');
  form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await new Promise((r) => setTimeout(r, 0));
}

describe('search in the panel', () => {
  it('updates results on every keystroke, ranked, with where it matched and marks', async () => {
    panel = await renderPanel();
    for (const prefix of ['l', 'lo', 'loon', 'loonkost', 'loonkostensubsidie'])
      await panel.type(searchBox(), prefix);
    expect(panel.all('.result-title')).toEqual([
      'Antwoord op vragen van het lid De Kort over het rapport Re-integratiedienstverlening',
      'Monitoringsbrief Participatiewet 2025',
    ]);
    expect(panel.all('.result:first-child .hit-where')).toEqual(['Antwoord 3']);
    expect(panel.all('.result mark')).toEqual(['loonkostensubsidie', 'loonkostensubsidie']);
    expect(panel.text('.result-count')).toBe('2 resultaten');
  });

  it('finds inflected forms: "gemeenten" finds a letter that says "gemeente"', async () => {
    panel = await renderPanel();
    await panel.type(searchBox(), 'gemeenten ');
    expect(panel.all('.result-title')).toContain('Voortgang Participatiewet in balans');
    expect(panel.all('.result mark')).toContain('gemeente');
  });

  it('says "Antwoord 3–5" for a shared answer, and the hit opens that answer', async () => {
    panel = await renderPanel();
    await panel.type(searchBox(), 'sociale zekerheid');
    const where = panel.root.querySelector('.hit-where');
    expect(where?.textContent).toBe('Antwoord 3–5');
    expect(where?.getAttribute('href')).toBe('#/doc/local-002/a/3');
    await panel.click(where);
    expect(panel.state.route.value).toEqual({
      name: 'doc',
      id: 'local-002',
      target: { kind: 'answer', number: '3' },
    });
    expect(document.activeElement?.id).toBe('answer-3-4-5');
  });

  it('says when nothing matches', async () => {
    panel = await renderPanel();
    await panel.type(searchBox(), 'xyzzy');
    expect(panel.text('.result-count')).toBe('Niets gevonden.');
    expect(panel.all('.result-title')).toEqual([]);
  });

  it('search and filters combine', async () => {
    panel = await renderPanel();
    await panel.type(searchBox(), 'loonkostensubsidie');
    panel.state.setFilters({ kinds: ['brief'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(panel.all('.result-title')).toEqual(['Monitoringsbrief Participatiewet 2025']);
    expect(panel.all('.filters label.check')).toEqual(['Antwoord op Kamervragen (1)', 'Kamerbrief (1)']);
  });

  it.each([
    ['kst-34352-349', 'kst-34352-349', 'Monitoringsbrief Participatiewet 2025'],
    ['2024Z15690', 'ah-tk-20242025-520', 'Antwoord op vragen van het lid De Kort'],
    ['2024z15690', 'ah-tk-20242025-520', 'Antwoord op vragen van het lid De Kort'],
    ['34352 nr 349', 'kst-34352-349', 'Monitoringsbrief Participatiewet 2025'],
  ])('a typed reference %j jumps to the document on Enter', async (query, id, title) => {
    panel = await renderPanel();
    await panel.type(searchBox(), query);
    expect(panel.text('.reference-hit')).toContain(title);
    await submit();
    expect(panel.state.route.value).toMatchObject({ name: 'doc', id });
    expect(panel.text('#doc-title')).toContain(title);
  });

  it('a typed reference to a document that is only cited shows its stub card', async () => {
    panel = await renderPanel();
    await panel.type(searchBox(), 'Kamerstuk 34 352, nr. 327');
    expect(panel.text('.reference-hits')).toContain('niet in de gegevens');
    await submit();
    expect(panel.text('.notice')).toContain('wordt geciteerd in de gegevens');
  });

  it('Enter without a reference opens the best hit at its passage', async () => {
    panel = await renderPanel();
    await panel.type(searchBox(), 'jobcoaching');
    await submit();
    expect(panel.state.route.value).toEqual({
      name: 'doc',
      id: 'ah-tk-20242025-520',
      target: { kind: 'answer', number: '3' },
    });
  });

  // Bad input (issue 12): each is answered with a "no results" that says why, in both languages.
  it.each([
    ['a 10,000-character word', 'x'.repeat(10_000), 'Niets gevonden.', 'Nothing found.'],
    [
      'only stop words',
      'de het van een ',
      'Niets gevonden: de zoekvraag bevat alleen veelvoorkomende woorden',
      'Nothing found: the search holds only common words',
    ],
    [
      'only punctuation',
      '!!! ?? … — ;',
      'Niets gevonden: de zoekvraag bevat geen woorden of cijfers.',
      'Nothing found: the search has no words or numbers.',
    ],
    [
      'a regex that matches everything',
      '^.*$',
      'Niets gevonden: de zoekvraag bevat geen',
      'Nothing found: the search has no',
    ],
    ['a regex read as words', '.*(xyzzy|qqqq)+$', 'Niets gevonden.', 'Nothing found.'],
  ])('%s: a clear "no results"', async (_label, query, dutch, english) => {
    for (const [lang, expected] of [
      ['nl', dutch],
      ['en', english],
    ] as const) {
      panel = await renderPanel('#/', fakeSources().sources, lang);
      await panel.type(searchBox(), query);
      expect(panel.text('.result-count')).toContain(expected);
      expect(panel.all('.result-title')).toEqual([]);
      panel.unmount();
    }
    panel = await renderPanel();
  });

  it('a pasted text of 10,000 characters is searched, and only its start is read for references', async () => {
    const seen: number[] = [];
    const recognize = (text: string): Citation[] => {
      seen.push(text.length);
      return fakeRecognize(text);
    };
    panel = await renderPanel('#/', fakeSources({ recognize }).sources);
    const pasted = 'Kamerstuk 34352 nr 349 loonkostensubsidie '.repeat(240);
    expect(pasted.length).toBeGreaterThan(10_000);
    await panel.type(searchBox(), pasted);
    expect(panel.text('.reference-hit')).toContain('Monitoringsbrief Participatiewet 2025');
    expect(panel.all('.result-title')).toContain('Monitoringsbrief Participatiewet 2025');
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(200);
  });
});
