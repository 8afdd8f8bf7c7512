import { describe, expect, it } from 'vitest';
import { expectedStart, reanchorSteps } from '../../../data/annotations/reanchor';
import { describeSpan } from '../../../data/annotations/selectors';
import { runToEnd } from '../../../data/time-slices';

describe('expectedStart', () => {
  const shifts = [
    { stored: 100, delta: 50 },
    { stored: 1000, delta: 400 },
    { stored: 5000, delta: -20 },
  ];
  it.each([
    { stored: 0, expected: 50 },
    { stored: 400, expected: 450 },
    { stored: 700, expected: 1100 },
    { stored: 4000, expected: 3980 },
    { stored: 9000, expected: 8980 },
  ])('a note stored at $stored is expected at $expected', ({ stored, expected }) => {
    expect(expectedStart(shifts, stored)).toBe(expected);
  });
  it('keeps the stored start without exactly anchored neighbours', () => {
    expect(expectedStart([], 123)).toBe(123);
  });
});

describe('reanchorSteps', () => {
  it('anchors an edited quote through the shift of its exactly anchored neighbour', () => {
    const paragraph = (n: number) =>
      `Alinea ${n}: de gemeente verstrekt bijstand aan ${n * 37} huishoudens in de regio. `;
    const text = Array.from({ length: 200 }, (_, n) => paragraph(n)).join('');
    const spans = [10, 11].map((n) => {
      const start = text.indexOf(paragraph(n));
      return describeSpan(text, start, start + paragraph(n).length - 1);
    });
    // Insert more than the near radius above both, and edit the second quote.
    const edited = `${'Nieuw. '.repeat(2000)}${text.replace('aan 407 huishoudens', 'aan 408 huishoudens')}`;
    const [first, second] = runToEnd(reanchorSteps(edited, spans));
    expect(first?.method).toBe('exact');
    expect(second?.method).toBe('fuzzy');
    expect(edited.slice(second?.start, second?.end)).toBe(paragraph(11).replace('407', '408').trimEnd());
  });

  it('yields between notes and returns one entry per target', () => {
    const text = 'Eerste zin over bijstand. Tweede zin over werk.';
    const targets = [describeSpan(text, 0, 25), describeSpan(text, 26, text.length)];
    const steps = reanchorSteps(text, targets);
    let yields = 0;
    let result = steps.next();
    while (result.done !== true) {
      yields++;
      result = steps.next();
    }
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(result.value.map((a) => a?.start)).toEqual([0, 26]);
  });
});
