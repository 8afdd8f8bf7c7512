/** Text cleaning: de-hyphenation, furniture, footnote marks in PDF text, extraction style. */
import { describe, expect, it } from 'vitest';
import { buildLexicon, joinHyphenated } from '../../../../data/pipeline/layout/dehyphenate';
import { extractDocxFootnotes } from '../../../../data/pipeline/layout/docx-footnotes';
import { dropFurniture, isFurniture } from '../../../../data/pipeline/layout/page-furniture';
import { findPdfMark } from '../../../../data/pipeline/layout/pdf-marks';
import { detectStyle } from '../../../../data/pipeline/layout/read-layout';

describe('joinHyphenated', () => {
  const lexicon = buildLexicon('De re-integratie van mensen.\nHet SCP-onderzoek en de bijstandsuitkering.');
  it.each([
    ['van de Participa-', 'tiewet een', 'van de Participatiewet een'],
    ['en zijn vrij daarbin-', 'nen, zoals', 'en zijn vrij daarbinnen, zoals'],
    ['ondersteuning bij re-', 'integratie van', 'ondersteuning bij re-integratie van'],
    ['bij re-', 'integratievoorzieningen', 'bij re-integratievoorzieningen'],
    ['het SCP-', 'onderzoek', 'het SCP-onderzoek'],
    ['van het toeslagen- ', 'en belastingstelsel', 'van het toeslagen- en belastingstelsel'],
    ['in Noord-', 'Holland', 'in Noord-Holland'],
    ['de zee-', 'eend', 'de zee-eend'],
    ['de bijstandsuit-', 'kering', 'de bijstandsuitkering'],
    ['de situ-', 'atie', 'de situatie'],
  ])('%s + %s', (left, right, joined) => {
    expect(joinHyphenated(left, right, lexicon)).toBe(joined);
  });
});

describe('page furniture', () => {
  it.each([
    ['Datum ', true],
    ['Onze referentie ', true],
    [' Pagina 11 van 14 ', true],
    ['Pagina 11 van 14 volgt hier tekst', false],
    ['Datum van inwerkingtreding is 1 juli', false],
  ])('%s → %s', (line, furniture) => {
    expect(isFurniture(line)).toBe(furniture);
  });
  it('drops the reference number after its label and hands on the page start', () => {
    const kept = dropFurniture([
      { text: 'Onze referentie ', line: 1 },
      { text: '2024-0000933473 ', line: 2 },
      { text: ' Pagina 11 van 14 ', line: 3 },
      { text: 'Het activeringsbeginsel', line: 4 },
    ]);
    expect(kept).toEqual([{ text: 'Het activeringsbeginsel', line: 4, pageStart: true }]);
  });
});

describe('findPdfMark', () => {
  it.each([
    ['onder de loep te nemen.4 Als eerste', '4', 'nemen.'],
    ['de motie Rikkers-Oosterkamp33 verzoekt', '33', 'Oosterkamp'],
    ['motie Mohandis/Palmen van mei 202412 en uit', '12', 'mei 2024'],
    ['ongeveer 3,5% van de mensen tussen de 18 en 67 jaar.7 Mede', '7', 'jaar.'],
    ['vaker ouder (56%), en 53%.9 Ook', '9', '53%.'],
    ['Zie kst 36651-21 en spoor 2', '21', null],
    ['een stijging van 6,9 procent', '9', null],
  ])('%s: footnote %s', (text, number, before) => {
    const at = findPdfMark(text, number, 0, text.length);
    if (before === null) expect(at).toBe(-1);
    else expect(text.slice(0, at).endsWith(before)).toBe(true);
  });
});

describe('Word footnotes', () => {
  it('pairs marks and texts, drops bookmarks, keeps line numbers', () => {
    const { lines, footnotes } = extractDocxFootnotes(
      'x.txt',
      '[bookmark: _Hlk1]Eerste regel.[footnoteRef:1] [1:  Kamerstuk 34 352, nr. 340]\nTweede [2:  over\ntwee regels] regel[footnoteRef:2].\nDerde',
    );
    expect(lines.map((l) => [l.line, l.text.replace(/\uE000(\d+)\uE001/g, '<$1>')])).toEqual([
      [1, 'Eerste regel.<1> '],
      [2, 'Tweede  regel<2>.'],
      [4, 'Derde'],
    ]);
    expect(footnotes.map((f) => [f.number, f.text, f.line])).toEqual([
      ['1', 'Kamerstuk 34 352, nr. 340', 1],
      ['2', 'over twee regels', 2],
    ]);
  });
  it('refuses a footnote text that is not closed', () => {
    expect(() => extractDocxFootnotes('x.txt', 'Tekst.[footnoteRef:1]\n[1: nooit dicht')).toThrow(
      "x.txt:2: footnote text [1: … is not closed with ']'",
    );
  });
});

describe('detectStyle', () => {
  it.each([
    ['Tekst[footnoteRef:1] [1: noot]', 'docx'],
    [`${'Een lange alinea zonder regelafbreking. '.repeat(6)}\n`, 'docx'],
    ['Dit is de eerste regel van de Participa-\ntiewet en de rest.', 'pdf'],
    ['Regel\fvolgende pagina', 'pdf'],
    ['Kort.\nOok kort.', 'docx'],
  ])('%s → %s', (text, style) => {
    expect(detectStyle(text)).toBe(style);
  });
});
