import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Anchor, AnchorTarget } from '../../../data/annotations/anchor';
import { normalizeText } from '../../../data/annotations/page-text';
import { reanchorSteps } from '../../../data/annotations/reanchor';
import { describeSpan } from '../../../data/annotations/selectors';
import { runToEnd } from '../../../data/time-slices';

/** One target anchored in one go, as the page's re-anchoring does for each. */
function anchorQuote(text: string, target: AnchorTarget): Anchor | null {
  return runToEnd(reanchorSteps(text, [target]))[0] ?? null;
}

/** A saved page: the 2025 monitoring letter (seed 004) in the page-text model. */
const page = normalizeText(readFileSync('data/sources/004_1bc47c291b0e2824.txt', 'utf8'));

function targetFor(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  const { quote: q, position } = describeSpan(text, start, start + quote.length);
  return { target: { quote: q, position }, start, end: start + quote.length };
}

const quoteA =
  'Eind december 2024 ontvingen in totaal bijna 406 duizend mensen (tot de AOW-leeftijd) een bijstandsuitkering.';
const quoteB =
  'Slechts 11 procent van de gemeenten heeft nooit twijfels gehad over welke activiteiten onder de SRG vallen.';

interface EditCase {
  name: string;
  quote: string;
  edit: (text: string) => string;
  expect: 'exact' | 'fuzzy' | 'orphan';
  /** How the placed span ends, when the edit changed the quote's end. */
  tail?: string;
}

const cases: EditCase[] = [
  { name: 'unchanged page', quote: quoteA, edit: (t) => t, expect: 'exact' },
  {
    name: 'text inserted above',
    quote: quoteA,
    edit: (t) => `Nieuw: een extra alinea bovenaan. ${'Lorem ipsum. '.repeat(300)}${t}`,
    expect: 'exact',
  },
  { name: 'text removed above', quote: quoteB, edit: (t) => t.slice(4000), expect: 'exact' },
  {
    name: 'context rewritten, quote intact',
    quote: quoteB,
    edit: (t) => t.replace('Daarnaast blijkt dat gemeenten', 'Bovendien zien we dat gemeenten'),
    expect: 'exact',
  },
  {
    name: 'typo corrected in the quote',
    quote: quoteA,
    edit: (t) => t.replace('406 duizend', '406.000'),
    expect: 'fuzzy',
  },
  {
    name: 'one word replaced',
    quote: quoteB,
    edit: (t) => t.replace('nooit twijfels', 'geen twijfels'),
    expect: 'fuzzy',
  },
  {
    name: 'words inserted',
    quote: quoteA,
    edit: (t) => t.replace('bijna 406 duizend mensen', 'bijna 406 duizend volwassen mensen'),
    expect: 'fuzzy',
  },
  {
    name: 'small edit and text inserted far above',
    quote: quoteB,
    edit: (t) => `${'Extra tekst. '.repeat(2000)}${t.replace('SRG vallen', 'SRG-definitie vallen')}`,
    expect: 'fuzzy',
    tail: 'SRG-definitie vallen.',
  },
  {
    name: 'paragraph moved far down and edited',
    quote: quoteA,
    edit: (t) => {
      const at = t.indexOf(quoteA);
      const paragraph = t.slice(at - 200, at + 300).replace('406 duizend', '405 duizend');
      return t.slice(0, at - 200) + t.slice(at + 300) + 'x '.repeat(5000) + paragraph;
    },
    expect: 'fuzzy',
  },
  {
    name: 'sentence rewritten',
    quote: quoteA,
    edit: (t) =>
      t.replace(
        quoteA,
        'In december 2024 had ruim vierhonderdduizend mensen onder de AOW-leeftijd bijstand nodig.',
      ),
    expect: 'orphan',
  },
  { name: 'sentence deleted', quote: quoteB, edit: (t) => t.replace(quoteB, ''), expect: 'orphan' },
];

describe('anchorQuote on a saved page', () => {
  it.each(cases)('$name → $expect', ({ quote, edit, expect: outcome, tail }) => {
    const { target } = targetFor(page, quote);
    const edited = edit(page);
    const anchor = anchorQuote(edited, target);
    if (outcome === 'orphan') {
      expect(anchor).toBeNull();
      return;
    }
    expect(anchor?.method).toBe(outcome);
    // The anchored span covers the edited sentence: it starts where the quote's first words are.
    const placed = edited.slice(anchor?.start, anchor?.end);
    expect(placed.slice(0, 12)).toBe(quote.slice(0, 12));
    expect(placed.endsWith(tail ?? quote.slice(-8))).toBe(true);
  });

  it('picks the occurrence whose context matches when the quote repeats', () => {
    const text =
      'De motie-Jansen is aangenomen. Later: de motie is verworpen. Tot slot: de motie is aangenomen.';
    const start = text.lastIndexOf('de motie');
    const { quote } = describeSpan(text, start, start + 8);
    const anchor = anchorQuote(`Ingevoegd. ${text}`, {
      quote,
      position: { type: 'TextPositionSelector', start: 0, end: 8 },
    });
    expect(anchor?.start).toBe(start + 'Ingevoegd. '.length);
  });

  it('picks the occurrence nearest the stored position when contexts are equal', () => {
    const text = `${'x '.repeat(40)}herhaald stuk ${'x '.repeat(40)}herhaald stuk ${'x '.repeat(40)}`;
    const second = text.lastIndexOf('herhaald stuk');
    const { quote, position } = describeSpan(text, second, second + 13);
    expect(anchorQuote(text, { quote, position })?.start).toBe(second);
    const first = text.indexOf('herhaald stuk');
    const moved = { ...position, start: first + 3, end: first + 16 };
    expect(anchorQuote(text, { quote, position: moved })?.start).toBe(first);
  });

  it('anchors without a position selector', () => {
    const { target, start } = targetFor(page, quoteB);
    expect(anchorQuote(page, { quote: target.quote, position: null })?.start).toBe(start);
  });

  it('anchors a long quote (over 256 characters) after small edits', () => {
    const begin = page.indexOf('Uit het rapport komen meerdere inzichten');
    const { quote, position } = describeSpan(page, begin, begin + 600);
    const edited =
      page.slice(0, begin + 100) +
      ' (zie bijlage)' +
      page.slice(begin + 100, begin + 400) +
      page.slice(begin + 410);
    const anchor = anchorQuote(`${'Nieuwe kop. '.repeat(800)}${edited}`, { quote, position });
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.errors).toBeLessThanOrEqual(30);
  });

  it('a short quote deleted here but occurring far away in a foreign context is not found, not misplaced', () => {
    const filler = 'Andere alinea over iets heel anders dan dit. '.repeat(200);
    const text = `Het kabinet wil de minister steunen in dit dossier. ${filler}Verderop staat de minister opnieuw.`;
    const start = text.indexOf('de minister');
    const { quote, position } = describeSpan(text, start, start + 11);
    const edited = text.replace('Het kabinet wil de minister steunen in dit dossier.', 'Het kabinet zwijgt.');
    expect(anchorQuote(edited, { quote, position })).toBeNull();
  });

  it('a short quote moved far away together with its context is still found exactly', () => {
    const filler = 'Andere alinea over iets heel anders dan dit. '.repeat(200);
    const sentence = 'Het kabinet wil de minister steunen in dit dossier. ';
    const text = `${sentence}${filler}`;
    const { quote, position } = describeSpan(text, 16, 27);
    const moved = `${filler}${sentence}`;
    expect(anchorQuote(moved, { quote, position })).toMatchObject({
      start: filler.length + 16,
      method: 'exact',
    });
  });

  it('returns null for an empty quote instead of matching everywhere', () => {
    expect(
      anchorQuote(page, {
        quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
        position: null,
      }),
    ).toBeNull();
  });

  it('does not land a short quote on a look-alike with foreign context', () => {
    const text = `De Participatiewet wordt herzien. ${'Andere zaken. '.repeat(50)}Over participatiewetten in Europa.`;
    const start = text.indexOf('Participatiewet');
    const { quote, position } = describeSpan(text, start, start + 15);
    expect(
      anchorQuote(text.replace('De Participatiewet wordt herzien.', 'Iets anders.'), { quote, position }),
    ).toBeNull();
  });
});
