/** Golden expectations per seed: metadata, questions, shared answers, footnotes, sections, references. */
import { describe, expect, it } from 'vitest';
import { recordById, seedBuild, seedRecord } from '../../fixtures/seed-build';

describe('seed 000: answers of minister Aartsen (docx style)', () => {
  const r = () => seedRecord('000');
  it('has a stable local id and no invented number', () => {
    expect(r().id).toBe('local-000_5b0e6dc1a4e276c7');
    expect(r().ids).toEqual(['local-000_5b0e6dc1a4e276c7']);
    expect(r().citation).toBeNull();
    expect(r().officialUrl).toBeNull();
    expect(r().provenance?.identifiers).toBeNull();
  });
  it('reads kind, date, author and news article from the text', () => {
    expect(r().type).toBe('antwoord');
    expect(r().date).toBe('2026-03-31');
    expect(r().provenance?.date).toBe('text');
    expect(r().authors).toEqual([
      { name: 'Aartsen', role: 'minister', portfolio: 'Werk en Participatie', party: null },
    ]);
    expect(r().newsArticle).toMatchObject({
      title: 'Zorg als kabinet dat iedereen die wil werken ook kan werken',
      outlet: 'Trouw',
      date: '2026-02-04',
    });
    expect(r().newsArticle?.url).toMatch(/^https:\/\/www\.trouw\.nl\//);
  });
  it('has 11 questions, each answered', () => {
    expect(r().qa.map((q) => q.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(r().qa.every((q) => q.answer !== null && q.flags.length === 0)).toBe(true);
    expect(r().qa[10]).toMatchObject({
      question: 'Kunt u deze vragen één voor één beantwoorden?',
      answer: 'Ja.',
    });
  });
  it('keeps the answer paragraphs and bullets, without footnote marks', () => {
    const answer7 = r().qa[6]?.answer ?? '';
    expect(answer7).toContain('· De nieuwe Banenafspraak');
    expect(answer7).toContain('loonkostensubsidie van 68%');
    expect(r().qa.some((q) => /footnoteRef|\uE000/.test(`${q.question}${q.answer}`))).toBe(false);
  });
  it('has footnotes 1–11 anchored to the sentence carrying their mark', () => {
    expect(r().footnotes.map((f) => f.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
    ]);
    expect(r().footnotes[6]).toEqual({
      number: '7',
      text: 'December 2025, 2025Z19505',
      anchor:
        'Dit is onder meer gedaan in de Voortgangsbrief sociaal ontwikkelbedrijven en beschut werk en in de beantwoording van Kamervragen van het lid De Kort (VVD).',
    });
  });
  it('cites the related Aanhangsel from its header, without taking it as its own id', () => {
    const header = r().references.find((ref) => ref.raw.startsWith('Aanhangsel'));
    expect(header).toMatchObject({
      location: null,
      context: 'Zie ook Aanhangsel Handelingen, vergaderjaar 2025-2026, nr. 1181',
    });
    expect(r().ids.some((id) => id.includes('1181'))).toBe(false);
  });
});

describe('seed 001: answers of state secretary Nobel (pdf style)', () => {
  const r = () => seedRecord('001');
  it('carries the identifiers from the manifest', () => {
    expect(r().id).toBe('ah-tk-20242025-520');
    expect(r().ids).toEqual(['ah-tk-20242025-520', '2024D43182', '2024Z15690']);
    expect(r().citation).toBe('Aanhangsel Handelingen II 2024/25, nr. 520');
    expect(r().officialUrl).toBe('https://zoek.officielebekendmakingen.nl/ah-tk-20242025-520.html');
  });
  it('reads who asked, the party, the dates and both authors', () => {
    expect(r().askedBy).toEqual([{ name: 'De Kort', role: 'lid', portfolio: null, party: 'VVD' }]);
    expect(r().submitted).toBe('2024-10-11');
    expect(r().date).toBe('2024-11-11');
    expect(r().authors.map((a) => [a.name, a.role, a.portfolio])).toEqual([
      ['Nobel', 'staatssecretaris', 'Sociale Zaken en Werkgelegenheid'],
      ['Minister van Sociale Zaken en Werkgelegenheid', 'minister', 'Sociale Zaken en Werkgelegenheid'],
    ]);
    expect(r().title).toBe(
      'Antwoord op vragen van het lid De Kort (VVD) over het rapport «Re-integratiedienstverlening in het kader van de Participatiewet»',
    );
    expect(r().newsArticle).toBeNull();
  });
  it('has 13 questions; a question split over a page break is one question', () => {
    expect(r().qa).toHaveLength(13);
    expect(r().qa[10]?.question).toContain('sinds de Stand van de Uitvoering van december 2023?');
    expect(r().qa[10]?.question).toContain(
      'Worden in de uitvoering van de motie ook particuliere re-integratiedienstverleners meegenomen?',
    );
  });
  it('joins words broken over lines and keeps real hyphens', () => {
    const text = r()
      .qa.map((q) => `${q.question} ${q.answer}`)
      .join(' ');
    expect(text).toContain('uitvoering van de Participatiewet een gebrek aan tijd');
    expect(text).toContain('re-integratie-activiteiten');
    expect(text).toContain('prioriteitstelling daarbinnen');
    expect(text).not.toMatch(/Participa- ?tiewet|daarbin- ?nen/);
  });
  it('continues an answer across a page with footnotes in between', () => {
    expect(r().qa[5]?.answer).toContain('organisaties als sociaal ontwikkelbedrijven, brancheorganisaties');
  });
  it('reads the footnotes at the page bottoms, attached to their sentences', () => {
    expect(r().footnotes.map((f) => f.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(r().footnotes[2]?.text).toBe(
      'In de Monitoringsbrief Participatiewet van 15 oktober 2024 (TK 34 352, nr 327) en de daarbij bijgevoegde factsheet wordt onder andere nader ingegaan op deze ondersteuning.',
    );
    expect(r().footnotes[4]?.anchor).toMatch(
      /^Daarnaast werk ik in het kader van spoor 2 van het programma Participatiewet in balans deze/,
    );
  });
  it('labels the reference named in its footnote ("cited as")', () => {
    const ref = r().references.find((x) => x.ids.includes('kst-34352-327'));
    expect(ref).toMatchObject({
      raw: 'TK 34 352, nr 327',
      citedAs: 'Monitoringsbrief Participatiewet van 15 oktober 2024',
    });
    expect(ref?.location).toEqual({ qa: '3', footnote: '3' });
  });
});

describe('seed 002: answers with a shared answer and "Zie hierboven." (docx, numbered style)', () => {
  const r = () => seedRecord('002');
  it('reads both authors, one without a printed name', () => {
    expect(r().authors.map((a) => [a.name, a.portfolio])).toEqual([
      ['Aartsen', 'Werk en Participatie'],
      ['minister van Sociale Zaken en Werkgelegenheid', 'Sociale Zaken en Werkgelegenheid'],
    ]);
    expect(r().date).toBe('2026-03-26');
  });
  it('links questions 3, 4 and 5 to one shared answer', () => {
    expect(r().qa).toHaveLength(8);
    const shared = r().qa.filter((q) => ['3', '4', '5'].includes(q.number));
    expect(shared.map((q) => q.sharedWith)).toEqual([
      ['3', '4', '5'],
      ['3', '4', '5'],
      ['3', '4', '5'],
    ]);
    expect(new Set(shared.map((q) => q.answer)).size).toBe(1);
    expect(shared[0]?.answer).toMatch(/^De sociale zekerheid in Nederland werkt/);
    expect(r().qa[5]?.sharedWith).toEqual([]);
  });
  it('keeps "Zie hierboven." as the answer to 8, flagged as pointing above', () => {
    expect(r().qa[7]).toMatchObject({ number: '8', answer: 'Zie hierboven.', refersTo: null });
    expect(r().qa[7]?.flags).toEqual(['answer-without-heading', 'refers-above']);
  });
  it('drops Word bookmarks and reads the trailing endnote as the news article link', () => {
    expect(JSON.stringify(r())).not.toContain('bookmark');
    expect(r().newsArticle).toMatchObject({ outlet: 'Trouw', date: '2026-02-10' });
    expect(r().newsArticle?.url).toMatch(/^https:\/\/www\.trouw\.nl\/binnenland\/bijna-een-half-miljoen/);
    const endnote = r().footnotes.find((f) => f.number === '1)');
    expect(endnote?.anchor).toMatch(/^Bent u bekend met het bericht ‘Bijna een half miljoen/);
    expect(r().qa[7]?.answer).not.toContain('Trouw');
  });
  it('has footnotes 1–4 and the endnote, and no references (its footnotes name no paper)', () => {
    expect(r().footnotes.map((f) => f.number)).toEqual(['1', '2', '3', '4', '1)']);
    expect(r().references).toEqual([]);
  });
});

describe('seed 003: letter "Voortgang Participatiewet in balans" (pdf, double-spaced)', () => {
  const r = () => seedRecord('003');
  it('takes title and date from the manifest and the author from the signature', () => {
    expect(r()).toMatchObject({
      id: 'kst-34352-330',
      type: 'brief',
      title: 'Voortgang Participatiewet in balans',
      date: '2024-12-16',
    });
    expect(r().provenance).toMatchObject({ title: 'manifest', date: 'manifest' });
    expect(r().citation).toBe('Kamerstukken II 2024/25, 34352, nr. 330');
    expect(r().dossierTitle).toBe('Uitvoering en evaluatie Participatiewet');
    expect(r().authors).toEqual([
      { name: 'J.N.J Nobel', role: 'staatssecretaris', portfolio: 'Participatie en Integratie', party: null },
    ]);
  });
  it('splits sections at the headings; the reading guide lines stay text', () => {
    const headings = r().sections.map((s) => s.heading);
    expect(headings).toContain('I. Spoor 1: de wet direct verbeteren');
    expect(headings).toContain('VI. Spoor 3: Versterken vakkundigheid');
    expect(headings).toContain(
      '1. Er bestaat een aanzienlijke mismatch tussen de huidige bijstandspopulatie en de vraag op de arbeidsmarkt',
    );
    expect(headings.filter((h) => h?.startsWith('I. '))).toHaveLength(1);
    const guide = r().sections.find((s) => s.heading === 'Leeswijzer');
    expect(guide?.paragraphs).toContain('I. Spoor 1: de wet direct verbeteren');
    expect(headings).toContain('Het activeringsbeginsel blijft belangrijk');
  });
  it('drops page furniture and keeps the signature out of the text', () => {
    const text = JSON.stringify(r().sections);
    for (const furniture of ['Onze referentie', '2024-0000933473', 'Pagina 11 van 14', 'J.N.J Nobel']) {
      expect(text).not.toContain(furniture);
    }
  });
  it('keeps "toeslagen- en belastingstelsel" and places all 36 footnotes', () => {
    expect(JSON.stringify(r().sections)).toContain('hervorming van het toeslagen- en belastingstelsel');
    expect(r().footnotes).toHaveLength(36);
    expect(r().footnotes.every((f) => f.anchor !== null)).toBe(true);
    expect(r().footnotes[11]?.anchor).toContain('motie Mohandis/Palmen van mei 2024 en uit');
    expect(r().footnotes[35]?.text).toBe(
      'https://vng.nl/nieuws/leeragenda-participatiewet-vertrouwen-en-vakmanschap',
    );
  });
  it('expands one footnote naming three papers', () => {
    const ref = r().references.find((x) => x.location?.footnote === '10');
    expect(ref?.ids).toEqual(['kst-17050-601', 'kst-17050-603', 'kst-17050-605']);
    expect(ref?.citedAs).toBe('wetsvoorstel Handhaving Sociale zekerheid');
  });
});

describe('seed 004: letter "Monitoringsbrief Participatiewet 2025" (docx)', () => {
  const r = () => seedRecord('004');
  it('has its identifiers, sections and signature', () => {
    expect(r()).toMatchObject({
      id: 'kst-34352-349',
      ids: ['kst-34352-349', '2025D51855'],
      type: 'brief',
      date: '2025-12-12',
    });
    expect(r().sections.map((s) => s.heading)).toEqual([
      'Inleiding',
      'Cijfermatige ontwikkelingen',
      'Recente rapporten',
      'Re-integratiedienstverlening door gemeenten',
      'Kwaliteitsonderzoek SRG',
      'Kinderopvang',
      'Breed Offensief',
      'Arbeidsbeperkte nuggers',
      'Toezegging aan het lid Richardson',
      'Vooruitblik',
    ]);
    expect(r().authors[0]?.name).toBe('J.N.J. Nobel');
  });
  it('joins a soft-wrapped line and keeps "-instrumenten" after "en"', () => {
    const text = JSON.stringify(r().sections);
    expect(text).toContain('re-integratiebudgetten en -instrumenten');
    expect(text).toContain('verdiepende studie onder 12 gemeenten');
  });
  it('has 11 footnotes and cites an Eerste Kamer letter paper and a plenary record', () => {
    expect(r().footnotes).toHaveLength(11);
    const ids = r().references.flatMap((x) => x.ids);
    expect(ids).toContain('kst-36582-F');
    expect(ids).toContain('h-tk-20242025-112');
  });
});

describe('the whole seed dataset', () => {
  it('counts', () => {
    const { documents } = seedBuild().dataset;
    expect(documents.filter((d) => !d.stub)).toHaveLength(5);
    expect(documents.reduce((n, d) => n + d.qa.length, 0)).toBe(32);
    expect(documents.reduce((n, d) => n + d.references.length, 0)).toBe(37);
  });
  it('resolves a seed cited by another seed to the full record', () => {
    const letter = recordById('kst-34352-349');
    expect(letter.stub).toBe(false);
    expect(letter.citedBy.map((c) => [c.documentId, c.qa, c.location?.footnote])).toEqual([
      ['local-000_5b0e6dc1a4e276c7', '2', '2'],
      ['local-000_5b0e6dc1a4e276c7', '4', '4'],
    ]);
  });
});
