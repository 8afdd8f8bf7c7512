import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorFar } from '../../../data/annotations/anchor';
import { prepareFuzzyQuery } from '../../../data/annotations/fuzzy-candidates';
import { buildGramIndex, seedWindows } from '../../../data/annotations/gram-index';
import { describeSpan } from '../../../data/annotations/selectors';
import { runToEnd } from '../../../data/time-slices';

const words = [
  'de',
  'gemeente',
  'bijstand',
  'Participatiewet',
  'werk',
  'regeling',
  'minister',
  'uitkering',
  'van',
  'het',
];
const sentence = fc
  .array(fc.constantFrom(...words), { minLength: 4, maxLength: 40 })
  .map((w) => `${w.join(' ')}.`);

describe('seedWindows', () => {
  it('points at the place a quote was copied to', () => {
    const quote = 'Eind december 2024 ontvingen in totaal bijna 406 duizend mensen een bijstandsuitkering.';
    const text = `${'bla '.repeat(3000)}${quote}${' bla'.repeat(3000)}`;
    const index = runToEnd(buildGramIndex(text));
    const [first] = seedWindows(index, quote, 20, 8);
    expect(first?.from).toBeLessThanOrEqual(12000);
    expect(first?.to).toBeGreaterThanOrEqual(12000 + quote.length);
  });

  it('returns nothing for an empty text', () => {
    expect(seedWindows(runToEnd(buildGramIndex('')), 'iets langer dan acht', 2, 8)).toEqual([]);
  });
});

describe('anchorFar', () => {
  it('finds a quote with up to 5% edits moved anywhere in generated text', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 20, maxLength: 80 }),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 3 }),
        (sentences, pick, edits) => {
          const distinct =
            'Het kabinet trekt 17 miljoen euro uit voor de pilot met loonkostensubsidie in Rotterdam.';
          const original = [...sentences.slice(0, 5), distinct, ...sentences.slice(5)].join(' ');
          const start = original.indexOf(distinct);
          const { quote, position } = describeSpan(original, start, start + distinct.length);
          let copy = distinct;
          for (const at of edits.slice(0, Math.floor(distinct.length * 0.05))) {
            const i = at % copy.length;
            copy = `${copy.slice(0, i)}#${copy.slice(i + 1)}`;
          }
          const others = original.replace(distinct, '');
          const at = pick % (others.length + 1);
          // The context moves with it: the sentence is carried to elsewhere in the page.
          const before = `${others.slice(0, at)} ${quote.prefix}`;
          const moved = `${before}${copy}${quote.suffix} ${others.slice(at)}`;
          const index = runToEnd(buildGramIndex(moved));
          const anchor = anchorFar(
            index,
            { quote, position },
            prepareFuzzyQuery(distinct, 0.25),
            position.start,
          );
          expect(anchor).not.toBeNull();
          // An edit at the quote's edge may be matched either way (both cost one edit).
          expect(Math.abs((anchor?.start ?? -9) - before.length)).toBeLessThanOrEqual(1);
          expect(Math.abs((anchor?.end ?? -9) - (before.length + copy.length))).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
