import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../data/annotations/csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['met, komma', '"met, komma"'],
    ['zegt "ja"', '"zegt ""ja"""'],
    ['twee\nregels', '"twee\nregels"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['=1,"2"', `"'=1,""2"""`],
    ['', ''],
    // Spreadsheets skip leading whitespace and line breaks and read full-width signs as ASCII.
    [' =1+1', "' =1+1"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\r\n-1', `"'\r\n-1"`],
    ['\u3000=1', "'\u3000=1"],
    ['＝1+1', "'＝1+1"],
    ['＋31', "'＋31"],
    ['－5', "'－5"],
    ['＠cmd', "'＠cmd"],
    ['﹦1', "'﹦1"],
    ['1 = 1', '1 = 1'],
    ['e-mail', 'e-mail'],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });
});
