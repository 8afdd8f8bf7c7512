/** The pipeline on fixture documents it was not tuned on: a PDF-style answer and a Word-style letter. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../data/dataset/types';
import { buildDataset } from '../../../data/pipeline/build';

const { dataset } = buildDataset({ sourcesDir: resolve('tests/fixtures/documents/mini') });
const answers = dataset.documents.find((d) => d.source === '101_answers.txt') as DocumentRecord;
const letter = dataset.documents.find((d) => d.source === '100_letter.txt') as DocumentRecord;

describe('PDF-style answers', () => {
  it('reads header, asker, dates and news article', () => {
    expect(answers).toMatchObject({ type: 'antwoord', date: '2024-09-30', submitted: '2024-09-02' });
    expect(answers.askedBy).toEqual([{ name: 'Jansen', role: 'lid', portfolio: null, party: 'D66' }]);
    expect(answers.authors[0]).toMatchObject({ name: 'Van Hijum', role: 'minister' });
    expect(answers.newsArticle).toEqual({
      title: 'Werk moet lonen',
      outlet: 'Volkskrant',
      date: '2024-09-01',
      url: 'https://www.volkskrant.nl/werk-moet-lonen',
    });
  });
  it('keeps a question without an answer, flagged', () => {
    expect(answers.qa.map((q) => [q.number, q.flags])).toEqual([
      ['1', []],
      ['2', []],
      ['3', ['no-answer']],
      ['4', []],
    ]);
    expect(answers.qa[2]).toMatchObject({
      question: 'Wat is de stand van zaken van het toeslagenstelsel?',
      answer: null,
    });
  });
  it('resolves "Zie het antwoord op vraag 2." and de-hyphenates (re-integratie stays)', () => {
    expect(answers.qa[3]?.refersTo).toBe('2');
    expect(answers.qa[1]?.question).toContain('Hoeveel gemeenten bieden re-integratie aan');
    expect(answers.qa[1]?.answer).toContain('de Participatiewet monitor.');
    expect(answers.qa[0]?.question).toContain('1 september 2024?');
  });
  it('drops the furniture between pages', () => {
    expect(JSON.stringify(answers)).not.toMatch(/Onze referentie|Pagina 2 van 2|2024-0000123456/);
  });
});

describe('Word-style letter', () => {
  it('reads sections, signature and footnote', () => {
    expect(letter.sections.map((s) => s.heading)).toEqual([null, 'Stand van zaken', 'Vervolg']);
    expect(letter.authors).toEqual([
      {
        name: 'Y.J. van Hijum',
        role: 'minister',
        portfolio: 'Sociale Zaken en Werkgelegenheid',
        party: null,
      },
    ]);
    expect(letter.footnotes).toEqual([
      {
        number: '1',
        text: 'Kamerstukken II, 2024/25, 34352, nr. 306',
        anchor: 'Hierbij informeer ik uw Kamer over de uitvoering van de motie-Jansen.',
      },
    ]);
    expect(letter.references[0]?.citedAs).toBe('motie-Jansen');
  });
  it('has an extractive summary when no editorial one is written', () => {
    expect(letter.summarySource).toBe('extractive');
    expect(letter.summary).toMatch(/^Hierbij informeer ik uw Kamer/);
  });
});
