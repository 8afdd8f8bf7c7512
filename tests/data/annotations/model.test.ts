import { describe, expect, it } from 'vitest';
import {
  createAnnotation,
  editAnnotation,
  newAnnotationId,
  normalizeTags,
  parseTagInput,
  positionOf,
  quoteOf,
} from '../../../data/annotations/model';
import { describeSpan, trimSpan } from '../../../data/annotations/selectors';

describe('tags', () => {
  it.each([
    [
      ['bijstand', ' Bijstand ', '#pilot', '', 'twee  woorden'],
      ['bijstand', 'pilot', 'twee woorden'],
    ],
    [['x'.repeat(80)], ['x'.repeat(64)]],
  ])('%j → %j', (input, expected) => {
    expect(normalizeTags(input)).toEqual(expected);
  });
  it('splits typed input on commas and semicolons', () => {
    expect(parseTagInput('bijstand, #pilot; gemeenten,')).toEqual(['bijstand', 'pilot', 'gemeenten']);
  });
});

describe('selectors', () => {
  const text = 'In 2024 ontvingen 406 duizend mensen bijstand, meldt het CBS in de factsheet van december.';
  it('describes a span with 32 characters of context at most', () => {
    const start = text.indexOf('406');
    const { quote, position } = describeSpan(text, start, start + 20);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '406 duizend mensen b',
      prefix: 'In 2024 ontvingen ',
      suffix: 'ijstand, meldt het CBS in de fact'.slice(0, 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 20 });
  });
  it('trims spaces around a selection', () => {
    expect(trimSpan(' a b  ', 0, 6)).toEqual([1, 4]);
    expect(trimSpan('   ', 0, 3)).toEqual([3, 3]);
  });
  it('never cuts a surrogate pair in the context', () => {
    const emoji = `${'x'.repeat(31)}😀${'y'.repeat(10)}`;
    const { quote } = describeSpan(emoji, 33, 35);
    expect(quote.prefix.startsWith('\ud83d')).toBe(false);
    expect(quote.prefix.length === 32 || quote.prefix.length === 33).toBe(true);
  });
});

describe('createAnnotation / editAnnotation', () => {
  const quote = { type: 'TextQuoteSelector' as const, exact: 'q', prefix: '', suffix: '' };
  const base = createAnnotation(
    {
      source: 'https://x.nl/a',
      title: ' Titel ',
      quote,
      position: null,
      note: 'n',
      tags: ['A', 'a'],
      linkedDocumentIds: ['kst-1-2', 'kst-1-2'],
    },
    new Date('2026-01-01T00:00:00Z'),
    'urn:uuid:1',
  );
  it('fills in id, times and normalized fields', () => {
    expect(base).toEqual({
      id: 'urn:uuid:1',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      target: { source: 'https://x.nl/a', title: 'Titel', selectors: [quote] },
      body: { note: 'n', tags: ['A'], linkedDocumentIds: ['kst-1-2'] },
    });
    expect(quoteOf(base)).toBe(quote);
    expect(positionOf(base)).toBeNull();
  });
  it('edits the body and the modified time only', () => {
    const edited = editAnnotation(base, { note: 'nieuw', tags: ['b'] }, new Date('2026-02-01T00:00:00Z'));
    expect(edited.created).toBe(base.created);
    expect(edited.modified).toBe('2026-02-01T00:00:00.000Z');
    expect(edited.body).toEqual({ note: 'nieuw', tags: ['b'], linkedDocumentIds: ['kst-1-2'] });
    expect(edited.target).toBe(base.target);
  });
  it('generates urn:uuid ids', () => {
    expect(
      createAnnotation({
        source: 'https://x.nl/',
        quote,
        position: null,
        note: '',
        tags: [],
        linkedDocumentIds: [],
      }).id,
    ).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });
  it('makes version 4 UUIDs without crypto.randomUUID (missing outside secure contexts, e.g. http pages)', () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 50 }, () => newAnnotationId());
      for (const id of ids)
        expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(50);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
