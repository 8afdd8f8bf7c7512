import { describe, expect, it } from 'vitest';
import {
  expandNumbers,
  matchAnswerHeader,
  matchNumberedQuestion,
  matchQuestionHeader,
} from '../../../../data/pipeline/record/qa-headers';

describe('question and answer headers', () => {
  it.each([
    ['Vraag 1', '1', ''],
    ['Vraag 12 ', '12', ''],
    ['Vraag 3: Bent u bekend?', '3', 'Bent u bekend?'],
    ['Vraag 3 Bent u bekend?', null, null],
    ['Vragen van het lid De Kort', null, null],
  ])('question %s', (text, number, rest) => {
    const match = matchQuestionHeader(text);
    expect(match ? [match.number, match.rest] : [null, null]).toEqual([number, rest]);
  });
  it.each([
    ['Antwoord 1', ['1'], ''],
    ['Antwoord vraag 1:', ['1'], ''],
    ['Antwoord vraag 3, 4 en 5:', ['3', '4', '5'], ''],
    ['Antwoord op vraag 2', ['2'], ''],
    ['Antwoorden op vragen 6 t/m 8', ['6', '7', '8'], ''],
    ['Antwoord vraag 1: Ja.', ['1'], 'Ja.'],
    ['Antwoord van minister Aartsen', null, null],
  ])('answer %s', (text, numbers, rest) => {
    const match = matchAnswerHeader(text);
    expect(match ? [match.numbers, match.rest] : [null, null]).toEqual([numbers, rest]);
  });
  it('numbered questions must ask something', () => {
    expect(matchNumberedQuestion('2. Deelt u de mening? Zo nee, waarom niet?')?.number).toBe('2');
    expect(matchNumberedQuestion('1. Er bestaat een mismatch')).toBeNull();
    expect(expandNumbers('3-5')).toEqual(['3', '4', '5']);
  });
});
