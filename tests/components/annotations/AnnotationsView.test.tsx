import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationsView } from '../../../components/annotations/AnnotationsView';
import { NotesForDocument } from '../../../components/annotations/NotesForDocument';
import type { AnnotationRecord } from '../../../data/annotations/model';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';
import { TRANSLATORS as T } from '../../fixtures/translators';
import { fakeSources, renderWith, settle, typeInto } from './helpers';

const PAGE = 'https://www.nu.nl/politiek/participatiewet';
const here = sampleRecord();
const lost = sampleRecord({
  id: 'urn:uuid:lost',
  target: {
    source: PAGE,
    selectors: [{ type: 'TextQuoteSelector', exact: 'een zin die weg is', prefix: '', suffix: '' }],
  },
  body: { note: 'verdwenen', tags: ['pilot'], linkedDocumentIds: [] },
});
const elsewhere = sampleRecord({
  id: 'urn:uuid:nos',
  modified: '2026-03-09T10:00:00.000Z',
  target: {
    source: 'https://nos.nl/artikel/1',
    title: 'NOS-artikel',
    selectors: [{ type: 'TextQuoteSelector', exact: 'elders', prefix: '', suffix: '' }],
  },
  body: { note: 'andere site', tags: [], linkedDocumentIds: [] },
});
const status = { source: PAGE, anchored: [here.id], orphaned: [lost.id], pending: false };

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

async function view(records: AnnotationRecord[] = [here, lost, elsewhere]) {
  const fake = fakeSources(records, { status, pageUrl: `${PAGE}?utm_source=nieuwsbrief#reacties` });
  const rendered = await renderWith(fake.sources, <AnnotationsView />);
  cleanup = rendered.unmount;
  return { ...rendered, fake };
}

describe('AnnotationsView', () => {
  it('lists this page’s notes, and those not found on the page separately with their quote', async () => {
    const v = await view();
    expect(v.text('h1')).toBe('Notities');
    expect(v.all('.ka-cards')[0]).toContain('bijna 406 duizend mensen');
    expect(v.text('#ka-orphans-heading')).toBe('Niet gevonden op deze pagina');
    const orphans = v.root.querySelector('section[aria-labelledby="ka-orphans-heading"]');
    expect(orphans?.textContent).toContain('een zin die weg is');
    expect(v.root.textContent).not.toContain('andere site');
    expect(v.button(T.nl('annotate_scope_page', '2'))?.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows all pages with their page link, and filters by tag, site and words', async () => {
    const v = await view();
    await v.click(v.button(T.nl('annotate_scope_all', '3')));
    expect(v.all('.ka-card .ka-note-text')).toEqual(['Check CBS-cijfer', 'verdwenen', 'andere site']);
    expect(v.text('.ka-card a[target="_blank"]')).toBe('Kabinet past Participatiewet aan');
    const site = v.root.querySelector('#ka-filter-site') as HTMLSelectElement;
    site.value = 'nos.nl';
    site.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(v.all('.ka-card .ka-note-text')).toEqual(['andere site']);
    site.value = '';
    site.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await typeInto(v.root.querySelector('#ka-filter-text'), 'CBS');
    expect(v.all('.ka-card .ka-note-text')).toEqual(['Check CBS-cijfer']);
    await typeInto(v.root.querySelector('#ka-filter-text'), 'niets dergelijks');
    expect(v.root.textContent).toContain(T.nl('annotate_noMatch'));
  });

  it('deletes with undo', async () => {
    const v = await view();
    const card = v.root.querySelector(`[data-annotation-id="${here.id}"]`);
    await v.click(
      [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent === T.nl('annotate_delete')),
    );
    expect(v.fake.records().map((r) => r.id)).not.toContain(here.id);
    expect(v.text('.ka-undo')).toContain(T.nl('annotate_deleted'));
    await v.click(v.button(T.nl('annotate_undo')));
    expect(v.fake.records()).toContainEqual(here);
    expect(v.root.querySelector('.ka-undo')).toBeNull();
  });

  it('edits a note in place and shows storage errors', async () => {
    const v = await view();
    const card = v.root.querySelector(`[data-annotation-id="${here.id}"]`);
    await v.click(
      [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent === T.nl('annotate_edit')),
    );
    const field = v.root.querySelector('textarea');
    await typeInto(field, 'Nieuwe tekst');
    v.fake.failWith('storage-full: saving the note failed (QuotaExceededError)');
    await v.click(v.button(T.nl('annotate_save')));
    expect(v.text('[role="alert"]')).toContain('De opslag van de browser is vol');
    v.fake.failWith(null);
    await v.click(v.button(T.nl('annotate_save')));
    const saved = v.fake.calls.filter((c) => c.name === 'save').at(-1)?.args[0] as AnnotationRecord;
    expect(saved.body.note).toBe('Nieuwe tekst');
    expect(saved.target).toEqual(here.target);
    expect(v.all('.ka-card .ka-note-text')).toContain('Nieuwe tekst');
  });

  it('reveals a note on the page', async () => {
    const v = await view();
    await v.click(v.button(T.nl('annotate_showOnPage')));
    expect(v.fake.calls.find((c) => c.name === 'reveal')?.args).toEqual([7, here.id]);
  });

  it('exports the notes shown as JSON-LD, Markdown and CSV', async () => {
    const v = await view();
    await v.click(v.button(T.nl('annotate_export_jsonld')));
    await v.click(v.button(T.nl('annotate_export_markdown')));
    await v.click(v.button(T.nl('annotate_export_csv')));
    const [jsonld, markdown, csv] = v.fake.downloads;
    expect(jsonld?.name).toMatch(/^kamerlens-notities-\d{4}-\d\d-\d\d\.jsonld$/);
    expect(JSON.parse(jsonld?.text ?? '')).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    expect(markdown?.text).toContain('# Kamerlens-notities');
    expect(markdown?.text).toContain(
      'Kamerstukken II 2025/26, 34352, nr. 349 — Monitoringsbrief Participatiewet 2025',
    );
    expect(csv?.text.split('\r\n')).toHaveLength(4);
  });

  it('reports every refused item of an import', async () => {
    const v = await view();
    const report = {
      status: 'rejected',
      issues: [{ index: 2, id: 'urn:uuid:x', field: 'created', reason: 'notDate' }],
    };
    const input = v.root.querySelector('#ka-import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(report)], 'export.jsonld')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(10);
    expect(v.text('.ka-export [role="alert"]')).toBe(
      `${T.nl('annotate_import_rejected', '1')}${T.nl('annotate_import_issue', '3', 'urn:uuid:x', 'created', T.nl('annotate_reason_notDate'))}`,
    );
  });

  it('says when there are no notes yet', async () => {
    const v = await view([]);
    expect(v.root.textContent).toContain(T.nl('annotate_empty_page'));
  });
});

describe('NotesForDocument', () => {
  it('lists every note linked to the document, across pages', async () => {
    const fake = fakeSources([here, lost, elsewhere]);
    const v = await renderWith(
      fake.sources,
      <NotesForDocument documentIds={['kst-34352-349', '2025D51855']} />,
    );
    cleanup = v.unmount;
    expect(v.text('h2')).toBe('Notities bij dit document');
    expect(v.all('.ka-card .ka-note-text')).toEqual(['Check CBS-cijfer']);
    expect(v.text('.ka-card a[target="_blank"]')).toBe('Kabinet past Participatiewet aan');
  });
});
