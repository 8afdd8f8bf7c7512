import { describe, expect, it } from 'vitest';
import { isRegexSpace } from '../../../data/citations/chars';

describe('isRegexSpace', () => {
  it('matches what the regex class \\s matches, for every UTF-16 code unit', () => {
    // The parsers use it where they once ran `/\s/.test(text[j])`; a code unit it reads
    // differently would change what a reference's gap may hold.
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isRegexSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
