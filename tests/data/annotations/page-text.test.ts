import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  endsAfterSpace,
  modelOffsetOf,
  normalizeChunk,
  normalizeText,
  rawEndOf,
  rawStartOf,
} from '../../../data/annotations/page-text';

describe('normalizeText', () => {
  it.each([
    ['  twee   spaties ', 'twee spaties '],
    ['a\n\t b', 'a b'],
    ['nbsp\u00a0en\u2009dun', 'nbsp en dun'],
    ['Partici\u00adpatie\u200bwet', 'Participatiewet'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });
});

const rawText = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '\n', '\u00a0', '\u00ad', 'é'),
  maxLength: 40,
});

describe('chunked normalization (text nodes one after another)', () => {
  it('equals normalizing the concatenation', () => {
    fc.assert(
      fc.property(fc.array(rawText, { maxLength: 6 }), (chunks) => {
        let afterSpace = true;
        let model = '';
        for (const chunk of chunks) {
          const normalized = normalizeChunk(chunk, afterSpace);
          model += normalized;
          afterSpace = endsAfterSpace(normalized, afterSpace);
        }
        expect(model).toBe(normalizeText(chunks.join('')));
      }),
    );
  });

  it('maps offsets both ways consistently', () => {
    fc.assert(
      fc.property(rawText, fc.boolean(), (raw, afterSpace) => {
        const model = normalizeChunk(raw, afterSpace);
        expect(modelOffsetOf(raw, raw.length, afterSpace)).toBe(model.length);
        for (let n = 0; n < model.length; n++) {
          const start = rawStartOf(raw, n, afterSpace);
          // The raw character at `start` produced model character n.
          expect(modelOffsetOf(raw, start, afterSpace)).toBe(n);
          expect(modelOffsetOf(raw, start + 1, afterSpace)).toBe(n + 1);
          const end = rawEndOf(raw, n + 1, afterSpace);
          expect(modelOffsetOf(raw, end, afterSpace)).toBe(n + 1);
        }
        expect(rawStartOf(raw, model.length, afterSpace)).toBe(raw.length);
      }),
    );
  });
});
