import { afterEach, describe, expect, it } from 'vitest';
import { ELEMENTS_PER_WRITE_MS, writeBudgetMs } from '../../../../entrypoints/content/scanner/mark-writer';

afterEach(() => document.body.replaceChildren());

describe('writeBudgetMs: how long a frame writes marks', () => {
  it('is the scanner’s own budget on an ordinary page', () => {
    document.body.innerHTML = '<p>een</p><p>twee</p>';
    expect(writeBudgetMs(document, 4)).toBe(4);
  });

  it('grows with a long document, where every frame that writes costs the browser a walk of the page', () => {
    const filler = document.createElement('div');
    for (let i = 0; i < 10 * ELEMENTS_PER_WRITE_MS; i++) filler.append(document.createElement('span'));
    document.body.append(filler);
    const elements = document.getElementsByTagName('*').length;
    expect(writeBudgetMs(document, 4)).toBeCloseTo(elements / ELEMENTS_PER_WRITE_MS);
    expect(writeBudgetMs(document, 4)).toBeGreaterThan(10);
    // It follows the document as it changes.
    filler.remove();
    expect(writeBudgetMs(document, 4)).toBe(4);
  });
});
