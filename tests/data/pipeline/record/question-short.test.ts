import { describe, expect, it } from 'vitest';
import { questionShort } from '../../../../data/pipeline/record/question-short';

describe('questionShort', () => {
  it('takes the first question sentence and shortens at a word', () => {
    expect(
      questionShort(
        'Eén van de conclusies is dat het niet werkt. Was u al bekend met deze knelpunten? Zo ja, hoe lang?',
      ),
    ).toBe('Was u al bekend met deze knelpunten?');
    const long = questionShort(`Bent u bekend met ${'het zeer lange bericht '.repeat(10)}?`);
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long.endsWith('…')).toBe(true);
  });
});
