import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { I18n } from '../../../components/i18n';
import { I18nContext } from '../../../components/i18n-context';
import type { PopoverActions, PopoverContent, PopoverMode } from '../../../components/popover/card-model';
import { Popover } from '../../../components/popover/Popover';
import { formatCitation, officialUrl } from '../../../data/citations';
import { makeCitation, makeDocument } from '../../fixtures/builders';
import { popoverI18n } from '../../fixtures/translators';
import { ANSWERS, card, LETTER, STUB } from './sample-cards';

let root: HTMLElement;
let actions: { [K in keyof PopoverActions]: Mock<PopoverActions[K]> };

function show(content: PopoverContent, mode: PopoverMode = 'tooltip', i18n: I18n = popoverI18n('nl')) {
  act(() => {
    render(
      <I18nContext.Provider value={i18n}>
        <Popover content={content} mode={mode} actions={actions} keyboardHint={false} />
      </I18nContext.Provider>,
      root,
    );
  });
}

const ready = (c: ReturnType<typeof card>): PopoverContent => ({
  status: 'ready',
  citation: c.citation,
  card: c,
});
const text = (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? null;
const all = (selector: string) => [...root.querySelectorAll(selector)].map((n) => n.textContent?.trim());
const fact = (label: string) =>
  [...root.querySelectorAll('.kl-fact')]
    .find((row) => row.querySelector('dt')?.textContent === label)
    ?.querySelector('dd')?.textContent ?? null;
const button = (name: string) =>
  [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  actions = {
    openSidePanel: vi.fn<PopoverActions['openSidePanel']>(async () => ({ ok: true, value: { shown: true } })),
    copyText: vi.fn<PopoverActions['copyText']>(async () => true),
    close: vi.fn<PopoverActions['close']>(),
  };
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const answerCitation = makeCitation({
  kind: 'aanhangsel',
  chamber: 'TK',
  vergaderjaar: '2024-2025',
  dossier: null,
  numbers: ['520'],
  ids: ['ah-tk-20242025-520'],
  raw: 'Aanhangsel Handelingen II 2024/25, nr. 520',
});
const letterCitation = makeCitation({ ids: ['kst-34352-349'] });

describe('found document card', () => {
  it('shows an answer to written questions: who asked, the questions in short form, the summary source', () => {
    show(ready(card(answerCitation, [ANSWERS])));
    expect(text('.kl-title')).toBe(ANSWERS.title);
    expect(text('.kl-kicker')).toBe('Antwoord op Kamervragen · Aanhangsel Handelingen II 2024/25, nr. 520');
    expect(fact('Van')).toBe('J.N.J. Nobel (staatssecretaris, Participatie en Integratie)');
    expect(fact('Vragen van')).toBe('De Kort (VVD)');
    expect(fact('Datum')).toBe('11 november 2024');
    expect(fact('Ingediend')).toBe('11 oktober 2024');
    expect(text('.kl-provenance')).toBe('Redactionele samenvatting');
    expect(all('.kl-questions li button')).toEqual([1, 2, 3, 4, 5].map((n) => `Korte vraag ${n}`));
    expect(text('.kl-questions .kl-more')).toBe('en nog 2 vragen');
    act(() => button('Korte vraag 3')?.click());
    expect(actions.openSidePanel).toHaveBeenCalledWith('ah-tk-20242025-520', '3');
    act(() => button('Open in zijpaneel')?.click());
    expect(actions.openSidePanel).toHaveBeenLastCalledWith('ah-tk-20242025-520');
  });

  it('shows a letter with its dossier title, who cites it (with the sentence) and the official source', () => {
    show(
      ready(
        card(letterCitation, [LETTER], {
          citingTitles: { 'local-002': 'Antwoorden over de Trouw-publicatie' },
        }),
      ),
    );
    expect(text('.kl-title')).toBe('Monitoringsbrief Participatiewet 2025');
    expect(text('.kl-kicker')).toBe('Kamerbrief · Kamerstukken II 2025/26, 34352, nr. 349');
    expect(fact('Datum')).toBe('12 december 2025');
    expect(fact('Dossier')).toBe('34352 — Uitvoering en evaluatie Participatiewet');
    expect(text('.kl-provenance')).toBe('Automatische samenvatting');
    expect(root.querySelector('.kl-questions')).toBeNull();
    expect(text('.kl-cited-by button')).toBe('Antwoorden over de Trouw-publicatie, vraag 2');
    expect(text('.kl-cited-by .kl-quote')).toContain('staat hoe gemeenten dit doen');
    act(() => (root.querySelector('.kl-cited-by button') as HTMLButtonElement).click());
    expect(actions.openSidePanel).toHaveBeenCalledWith('local-002', '2');
    const link = root.querySelector<HTMLAnchorElement>('a.kl-link');
    expect(link?.href).toBe('https://zoek.officielebekendmakingen.nl/kst-34352-349.html');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toContain('noopener');
    expect(link?.getAttribute('aria-label')).toBe('Officiële bron (opent in een nieuw tabblad)');
  });

  it('speaks English when the browser does', () => {
    show(ready(card(answerCitation, [ANSWERS])), 'tooltip', popoverI18n('en'));
    expect(text('.kl-kicker')).toBe(
      'Answers to written questions · Aanhangsel Handelingen II 2024/25, nr. 520',
    );
    expect(fact('Date')).toBe('11 November 2024');
    expect(text('.kl-provenance')).toBe('Editorial summary');
    expect(text('.kl-questions .kl-more')).toBe('and 2 more questions');
  });
});

describe('reference not (fully) in the dataset', () => {
  const missing = makeCitation({
    vergaderjaar: '2019-2020',
    dossier: '17050',
    numbers: ['601'],
    ids: ['kst-17050-601'],
    raw: 'Kamerstukken II 2019/20, 17 050, nr. 601',
  });

  it('explains what the reference is from its parts, with the official link and a calm note', () => {
    show(ready(card(missing, [null])));
    expect(text('.kl-kicker')).toBe('Kamerstuk');
    expect(text('.kl-title')).toBe(formatCitation(missing));
    expect(text('.kl-note')).toBe(
      'Dit stuk zit niet in de meegeleverde gegevens. Dit is wat de verwijzing zelf zegt.',
    );
    expect(fact('Kamer')).toBe('Tweede Kamer');
    expect(fact('Vergaderjaar')).toBe('2019-2020');
    expect(fact('Dossier')).toBe('17050');
    expect(fact('Nummer')).toBe('601');
    expect(root.querySelector<HTMLAnchorElement>('a.kl-link')?.href).toBe(
      officialUrl('kst-17050-601') ?? undefined,
    );
    expect(button('Open in zijpaneel')).toBeUndefined();
  });

  it('says when the chamber was inferred, and when a record names none', () => {
    const inferred = makeCitation({
      kind: 'aanhangsel',
      chamber: 'TK',
      chamberInferred: true,
      alternativeIds: ['ah-ek-20242025-1028'],
      vergaderjaar: '2024-2025',
      dossier: null,
      numbers: ['1028'],
      ids: ['ah-tk-20242025-1028'],
      raw: 'Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028',
    });
    show(ready(card(inferred, [null])));
    expect(fact('Kamer')).toBe('Tweede Kamer (afgeleid: de verwijzing noemt geen Kamer)');
    expect(text('.kl-title')).toBe('Aanhangsel Handelingen 2024/25, nr. 1028');
    // The reading not chosen stays findable, with its official link.
    expect(fact('Andere lezing')).toBe('Aanhangsel Handelingen I 2024/25, nr. 1028');
    const other = [...root.querySelectorAll('.kl-fact')].find(
      (row) => row.querySelector('dt')?.textContent === 'Andere lezing',
    );
    expect(other?.querySelector('a')?.getAttribute('href')).toBe(officialUrl('ah-ek-20242025-1028'));
    show(ready(card(inferred, [null])), 'tooltip', popoverI18n('en'));
    expect(fact('Chamber')).toBe('House of Representatives (inferred: the reference names no chamber)');
    expect(fact('Other reading')).toBe('Aanhangsel Handelingen I 2024/25, nr. 1028');
    const unstated = makeCitation({
      kind: 'handelingen',
      chamber: null,
      vergaderjaar: '2024-2025',
      dossier: null,
      numbers: ['12'],
      ids: ['h-20242025-12'],
      raw: 'Handelingen 2024/25, nr. 12',
    });
    show(ready(card(unstated, [null])));
    expect(fact('Kamer')).toBe('Niet vermeld in de verwijzing');
    expect(fact('Andere lezing')).toBeNull();
  });

  it('shows a stub with its dossier title and every place in the dataset that cites it', () => {
    const c = makeCitation({
      vergaderjaar: null,
      chamber: 'TK',
      numbers: ['327'],
      ids: ['kst-34352-327'],
      raw: 'TK 34 352, nr 327',
    });
    show(
      ready(card(c, [STUB], { citingTitles: { 'kst-34352-330': 'Voortgang Participatiewet in balans' } })),
    );
    expect(text('.kl-title')).toBe('Kamerstukken II 2024/25, 34352, nr. 327');
    expect(text('.kl-note')).toContain('andere stukken ernaar verwijzen');
    expect(fact('Dossier')).toBe('34352 — Uitvoering en evaluatie Participatiewet');
    expect(text('.kl-cited-by button')).toBe('Voortgang Participatiewet in balans');
    expect(text('.kl-cited-by .kl-quote')).toContain('Monitoringsbrief Participatiewet van 15 oktober 2024');
    expect(root.querySelector<HTMLAnchorElement>('a.kl-link')?.href).toBe(STUB.officialUrl);
    act(() => button('Open in zijpaneel')?.click());
    expect(actions.openSidePanel).toHaveBeenCalledWith('kst-34352-327');
  });

  it('still explains the reference when the lookup failed, saying so calmly', () => {
    show(ready(card(letterCitation, [null], { lookupOk: false })));
    expect(text('.kl-title')).toBe(formatCitation(letterCitation));
    expect(text('.kl-note')).toBe(
      'De gegevens waren even niet te raadplegen. Dit is wat de verwijzing zelf zegt.',
    );
    expect(fact('Nummer')).toBe('349');
    expect(root.textContent).not.toMatch(/error|fout/i);
  });

  it('says the data is still loading, not that the paper is missing, during a first import', () => {
    show(ready(card(letterCitation, [null], { dataPending: true })));
    expect(text('.kl-title')).toBe(formatCitation(letterCitation));
    expect(text('.kl-note')).toBe(
      'De gegevens worden nog geladen; dit stuk is er misschien zo. Dit is wat de verwijzing zelf zegt.',
    );
    show(ready(card(letterCitation, [null], { dataPending: true })), 'tooltip', popoverI18n('en'));
    expect(text('.kl-note')).toBe(
      'The data is still loading; this paper may be there in a moment. This is what the reference itself says.',
    );
  });
});

describe('several papers in one reference', () => {
  it('lists each paper in one card, with what the dataset knows about each', () => {
    const c = makeCitation({
      vergaderjaar: null,
      dossier: '17050',
      numbers: ['601', '603', '605'],
      ids: ['kst-17050-601', 'kst-17050-603', 'kst-17050-605'],
      raw: 'Kamerstukken II, 17 050, nrs. 601, 603 en 605',
    });
    const found = makeDocument({
      id: 'kst-17050-603',
      chamber: 'TK',
      title: 'Brief over misbruik en oneigenlijk gebruik',
      date: '2020-01-15',
    });
    show(ready(card(c, [null, found, null])));
    expect(text('.kl-kicker')).toBe('Deze verwijzing noemt 3 stukken');
    expect(text('.kl-title')).toBe(formatCitation(c));
    expect(all('.kl-paper-number')).toEqual(['nr. 601', 'nr. 603', 'nr. 605']);
    expect(all('.kl-paper-title')[1]).toBe('nr. 603 Brief over misbruik en oneigenlijk gebruik');
    expect(all('.kl-paper-details')).toEqual([
      'Niet in de meegeleverde gegevens',
      'Kamerbrief · 15 januari 2020',
      'Niet in de meegeleverde gegevens',
    ]);
    const sidePanel = button('Open in zijpaneel: nr. 603');
    expect(sidePanel).toBeDefined();
    expect(root.querySelectorAll('.kl-paper a.kl-link')).toHaveLength(3);
  });
});

describe('popover frame', () => {
  it('is a non-modal tooltip while hovered: no dialog role, no close button', () => {
    show(ready(card(letterCitation, [LETTER])));
    const frame = root.querySelector('.kl-popover');
    expect(frame?.getAttribute('role')).toBe('tooltip');
    expect(frame?.hasAttribute('aria-labelledby')).toBe(false);
    expect(button('Sluiten')?.hidden).toBe(true);
  });

  it('is a labelled dialog when pinned, with a close button', () => {
    show(ready(card(letterCitation, [LETTER])), 'dialog');
    const frame = root.querySelector('.kl-popover');
    expect(frame?.getAttribute('role')).toBe('dialog');
    const labelledBy = frame?.getAttribute('aria-labelledby') ?? '';
    expect(root.querySelector(`#${labelledBy}`)?.textContent).toBe('Monitoringsbrief Participatiewet 2025');
    act(() => button('Sluiten')?.click());
    expect(actions.close).toHaveBeenCalledTimes(1);
  });

  it('shows a quiet, labelled loading state', () => {
    show({ status: 'loading', citation: letterCitation }, 'dialog');
    expect(text('.kl-loading')).toBe('Bezig met opzoeken…');
    expect(root.querySelector('.kl-popover')?.getAttribute('aria-label')).toBe(
      'Kamerlens: uitleg bij verwijzing',
    );
  });
});

describe('copy citation', () => {
  it('copies the official citation and says so', async () => {
    show(ready(card(letterCitation, [LETTER])));
    await act(async () => button('Kopieer verwijzing')?.click());
    expect(actions.copyText).toHaveBeenCalledWith('Kamerstukken II 2025/26, 34352, nr. 349');
    expect(text('.kl-copy-status')).toBe('Gekopieerd');
  });

  it('says when copying failed', async () => {
    actions.copyText.mockResolvedValueOnce(false);
    show(ready(card(letterCitation, [LETTER])));
    await act(async () => button('Kopieer verwijzing')?.click());
    expect(text('.kl-copy-status')).toBe('Kopiëren lukte niet');
  });
});

describe('"open in side panel" reports how it went', () => {
  /** Clicks the action bar's button and lets the answer arrive. */
  async function openPanel(answer: Awaited<ReturnType<PopoverActions['openSidePanel']>>) {
    actions.openSidePanel.mockImplementation(async () => answer);
    show(ready(card(letterCitation, [LETTER])), 'dialog');
    await act(async () => {
      button('Open in zijpaneel')?.click();
      await Promise.resolve();
    });
    return root.querySelector<HTMLElement>('.kl-panel-status');
  }

  it('says nothing when the panel shows the document', async () => {
    const status = await openPanel({ ok: true, value: { shown: true } });
    expect(status?.hidden).toBe(true);
    expect(status?.textContent).toBe('');
  });

  it('tells how to open the sidebar, with its shortcut, when Firefox would not open it', async () => {
    const status = await openPanel({ ok: true, value: { shown: false, shortcut: 'Alt+Shift+K' } });
    expect(status?.hidden).toBe(false);
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.textContent).toContain('druk op Alt+Shift+K');
  });

  it('without a shortcut, points to the toolbar button', async () => {
    const status = await openPanel({ ok: true, value: { shown: false, shortcut: null } });
    expect(status?.textContent).toContain('knop van Kamerlens in de werkbalk');
    expect(status?.textContent).not.toContain('druk op');
  });

  it('shows what went wrong when opening failed', async () => {
    const status = await openPanel({ ok: false, error: 'side panel not opened: no browser window' });
    expect(status?.dataset.kind).toBe('failed');
    expect(status?.textContent).toBe(
      'Het zijpaneel ging niet open: side panel not opened: no browser window',
    );
  });
});
