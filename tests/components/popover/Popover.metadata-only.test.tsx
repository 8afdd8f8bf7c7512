import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../../components/i18n-context';
import type { PopoverActions } from '../../../components/popover/card-model';
import { Popover } from '../../../components/popover/Popover';
import { makeCitation, makeDocument } from '../../fixtures/builders';
import { popoverI18n } from '../../fixtures/translators';
import { card } from './sample-cards';

// A paper known only from the Kamer's open data: metadata, no text.
const MOTION = makeDocument({
  id: 'kst-36600-XV-86',
  ids: ['kst-36600-XV-86', '2024D46110'],
  stub: true,
  type: 'kamerstuk',
  title: 'Motie van het lid Jansen over een onafhankelijke evaluatie van de re-integratie',
  date: '2024-11-21',
  authors: [{ name: 'A. Jansen', role: 'lid', portfolio: null, party: 'SP' }],
  chamber: 'TK',
  vergaderjaar: '2024-2025',
  dossier: '36600',
  dossierSuffix: 'XV',
  citation: 'Kamerstukken II 2024/25, 36600 XV, nr. 86',
  officialUrl: 'https://zoek.officielebekendmakingen.nl/kst-36600-XV-86.html',
  kind: { soort: 'Motie', group: 'motie', nl: 'Motie', en: 'Motion' },
});

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => root.remove());

function show(lang: 'nl' | 'en') {
  const c = makeCitation({
    dossier: '36600',
    dossierSuffix: 'XV',
    vergaderjaar: '2024-2025',
    numbers: ['86'],
    ids: [MOTION.id],
  });
  const actions: PopoverActions = {
    openSidePanel: vi.fn(),
    copyText: vi.fn(async () => true),
    close: vi.fn(),
  };
  const model = card(c, [MOTION]);
  act(() => {
    render(
      <I18nContext.Provider value={popoverI18n(lang)}>
        <Popover
          content={{ status: 'ready', citation: c, card: model }}
          mode="tooltip"
          actions={actions}
          keyboardHint={false}
        />
      </I18nContext.Provider>,
      root,
    );
  });
}

const text = (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? null;
const fact = (label: string) =>
  [...root.querySelectorAll('.kl-fact')]
    .find((row) => row.querySelector('dt')?.textContent === label)
    ?.querySelector('dd')?.textContent ?? null;

describe('a card for a paper with metadata only', () => {
  it('shows kind, title, date, sender, dossier and the official link, and says the text is not in the data (nl)', () => {
    show('nl');
    expect(text('.kl-kicker')).toBe('Motie');
    expect(text('.kl-title')).toBe(MOTION.title);
    expect(text('.kl-note')).toBe(
      'De tekst van dit stuk zit niet in de gegevens. Dit zijn de gegevens van de Tweede Kamer over het stuk.',
    );
    expect(fact('Datum')).toContain('2024');
    expect(fact('Van')).toContain('A. Jansen');
    expect(fact('Dossier')).toBe('36600 XV');
    expect(root.querySelector<HTMLAnchorElement>('a.kl-link')?.href).toBe(MOTION.officialUrl);
    expect(root.querySelector('.kl-summary')).toBeNull();
  });

  it('speaks English with the English kind label', () => {
    show('en');
    expect(text('.kl-kicker')).toBe('Motion');
    expect(text('.kl-note')).toContain('The text of this paper is not in the data');
    expect(fact('From')).toContain('A. Jansen');
  });
});
