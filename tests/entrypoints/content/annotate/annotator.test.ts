import { afterEach, describe, expect, it } from 'vitest';
import { createOverlayState } from '../../../../components/annotations/overlay-state';
import type { AnnotationRecord } from '../../../../data/annotations/model';
import { noteOfTarget } from '../../../../data/annotations/note-frame';
import type { CallBackground } from '../../../../data/messaging';
import type { Result } from '../../../../data/result';
import { answerAnnotationCall } from '../../../../entrypoints/content/annotate/annotation-messages';
import { createAnnotator } from '../../../../entrypoints/content/annotate/annotator';
import { createHighlightLayer } from '../../../../entrypoints/content/annotate/highlights';

const ARTICLE = `
  <article>
    <h1>Kabinet wil Participatiewet versoepelen</h1>
    <p id="p1">Dat schrijft staatssecretaris Nobel aan de Kamer (Kamerstukken II 2025/26, 34352, nr. 349).</p>
    <p id="p2">Eind december 2024 ontvingen in totaal bijna 406 duizend mensen een bijstandsuitkering, iets meer dan een jaar eerder.</p>
    <p id="p3">Critici vinden dat het kabinet te traag gaat met de herziening van de sociale zekerheid.</p>
  </article>`;
const URL_WITH_TRACKING = 'https://www.nu.nl/politiek/participatiewet?utm_source=nieuwsbrief#reacties';
const SOURCE = 'https://www.nu.nl/politiek/participatiewet';

let abort: AbortController | null = null;
afterEach(() => {
  abort?.abort();
  abort = null;
  document.body.innerHTML = '';
});

function setup(stored: AnnotationRecord[] = [], trustAll = true) {
  document.body.innerHTML = ARTICLE;
  abort = new AbortController();
  const db = new Map(stored.map((r) => [r.id, r]));
  const calls: { type: string; payload: unknown }[] = [];
  const call = (async (
    type: string,
    payload: { annotation?: AnnotationRecord; ids?: string[]; url?: string },
  ) => {
    calls.push({ type, payload });
    if (type === 'annotationsForPage')
      return { ok: true, value: [...db.values()].filter((r) => r.target.source === SOURCE) };
    if (type === 'lookup')
      return {
        ok: true,
        value: (payload.ids ?? []).map((id) => ({ id, document: null, dossierTitle: null })),
      };
    return { ok: false, error: `unexpected ${type}` } satisfies Result<never>;
  }) as unknown as CallBackground;
  const state = createOverlayState();
  const highlights = createHighlightLayer(document);
  const annotator = createAnnotator({
    doc: document,
    signal: abort.signal,
    call,
    state,
    highlights,
    ensureUi: async () => {},
    isOwnEvent: () => false,
    // happy-dom marks every dispatched event untrusted; the default (`event.isTrusted`) has its own test.
    ...(trustAll ? { isTrusted: () => true } : {}),
    href: () => URL_WITH_TRACKING,
    title: () => 'Kabinet wil Participatiewet versoepelen',
    timing: { sliceMs: 8, settleMs: 5, minIntervalMs: 0 },
  });
  return { annotator, state, highlights, calls, db };
}

function selectText(selector: string, text: string): void {
  const node = document.querySelector(selector)?.firstChild as Text;
  const at = node.data.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Select, Alt+Shift+N, and play the background's part of Save: store the note built from the
 * editor's target, send the change notice, tell the annotator it was saved.
 */
async function annotate(setupResult: ReturnType<typeof setup>, selector: string, text: string, note: string) {
  selectText(selector, text);
  document.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }),
  );
  await wait(0);
  const view = setupResult.state.view.value;
  if (view.kind !== 'editor') throw new Error(`editor not open: ${view.kind}`);
  const saved = noteOfTarget(
    view.target,
    { note, tags: ['bijstand'], linked: view.draft.linked },
    new Date(),
  );
  setupResult.db.set(saved.id, saved);
  setupResult.annotator.endpoint.changed(saved.target.source);
  setupResult.annotator.actions.saved();
  await wait(0);
  await setupResult.annotator.anchoring.settled();
  return { view, saved };
}

describe('annotator in the page', () => {
  it('Alt+Shift+N on a selection opens the editor with a W3C target for the clean URL; once saved, the change notice highlights it', async () => {
    const s = setup();
    await s.annotator.load();
    const { view, saved } = await annotate(s, '#p2', 'bijna 406 duizend mensen', 'Check CBS');
    if (view.kind !== 'editor') throw new Error('no editor');
    expect(view.draft.quote).toBe('bijna 406 duizend mensen');
    expect(view.target).toMatchObject({
      kind: 'new',
      source: SOURCE,
      title: 'Kabinet wil Participatiewet versoepelen',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'bijna 406 duizend mensen',
        prefix: 'Eind december 2024 ontvingen in totaal '.slice(-32),
        suffix: ' een bijstandsuitkering, iets meer dan een jaar eerder.'.slice(0, 32),
      },
      position: { type: 'TextPositionSelector' },
    });
    expect(s.calls.map((c) => c.type)).not.toContain('saveAnnotation');
    expect(s.state.view.value.kind).toBe('none');
    expect(document.getSelection()?.isCollapsed ?? true).toBe(true);
    expect(s.highlights.rangeOf(saved.id)?.toString()).toBe('bijna 406 duizend mensen');
    expect(s.annotator.endpoint.status()).toMatchObject({
      source: SOURCE,
      anchored: [saved.id],
      orphaned: [],
    });
  });

  it('ignores shortcuts and pointer actions a page script dispatches (untrusted events)', async () => {
    const s = setup([], false);
    await s.annotator.load();
    selectText('#p2', 'bijna 406 duizend mensen');
    document.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }),
    );
    document.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    document.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true }),
    );
    await wait(10);
    expect(s.state.view.value.kind).toBe('none');
  });

  it("shows a note's card when the reader puts the caret in its passage, not when a page script does", async () => {
    const s = setup();
    await s.annotator.load();
    await annotate(s, '#p2', 'bijna 406 duizend mensen', 'n');
    const text = document.querySelector('#p2')?.firstChild as Text;
    const inside = text.data.indexOf('406');
    // The browser fires `selectionchange` (trusted) for a selection a page script makes too.
    document.getSelection()?.collapse(text, inside);
    document.dispatchEvent(new Event('selectionchange'));
    await wait(10);
    expect(s.state.view.value.kind).toBe('none');
    // The reader's click there does.
    document.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    await wait(10);
    expect(s.state.view.value.kind).toBe('card');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Escape', bubbles: true }));
    await wait(10);
    expect(s.state.view.value.kind).toBe('none');
    // Caret browsing: an arrow key that moves the caret within the passage shows its card again.
    document.getSelection()?.collapse(text, inside + 1);
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', bubbles: true }));
    await wait(10);
    expect(s.state.view.value.kind).toBe('card');
  });

  it('pre-links the documents a selection refers to', async () => {
    const s = setup();
    await s.annotator.load();
    const { view, saved } = await annotate(s, '#p1', 'Kamerstukken II 2025/26, 34352, nr. 349', '');
    expect(view.kind === 'editor' && view.draft.linked.map((d) => [d.id, d.citation])).toEqual([
      ['kst-34352-349', 'Kamerstukken II 2025/26, 34352, nr. 349'],
    ]);
    expect(saved.body.linkedDocumentIds).toEqual(['kst-34352-349']);
  });

  it('editing from the card opens the editor on the stored note', async () => {
    const s = setup();
    await s.annotator.load();
    const { saved } = await annotate(s, '#p3', 'te traag gaat', 'eerste versie');
    expect(s.annotator.endpoint.reveal(saved.id)).toBe(true);
    await wait(0);
    s.annotator.actions.editCard();
    await wait(0);
    const view = s.state.view.value;
    expect(view.kind === 'editor' && [view.draft.mode, view.draft.note, view.target]).toEqual([
      'edit',
      'eerste versie',
      { kind: 'edit', record: saved },
    ]);
  });

  it('re-anchors stored notes on load; keeps them through small edits; lists them as not found after large ones', async () => {
    const first = setup();
    await first.annotator.load();
    await annotate(first, '#p2', 'bijna 406 duizend mensen een bijstandsuitkering', 'n');
    const stored = [...first.db.values()];
    const id = stored[0]?.id as string;
    abort?.abort();

    const s = setup(stored);
    await s.annotator.load();
    expect(s.annotator.endpoint.status().anchored).toEqual([id]);

    const p2 = document.querySelector('#p2') as HTMLElement;
    p2.textContent =
      'Eind december 2024 ontvingen in totaal bijna 406.000 mensen een bijstandsuitkering, iets meer dan een jaar eerder.';
    await wait(20);
    await s.annotator.anchoring.settled();
    expect(s.highlights.rangeOf(id)?.toString()).toBe('bijna 406.000 mensen een bijstandsuitkering');

    p2.textContent =
      'Het aantal mensen in de bijstand is het afgelopen jaar nauwelijks veranderd, meldt het CBS.';
    await wait(20);
    await s.annotator.anchoring.settled();
    expect(s.annotator.endpoint.status()).toMatchObject({ anchored: [], orphaned: [id], pending: false });
    expect(s.db.has(id)).toBe(true); // never deleted
  });

  it('answers the side panel: status, reveal, changed; refuses malformed calls', async () => {
    const s = setup();
    await s.annotator.load();
    await annotate(s, '#p3', 'te traag gaat', 'n');
    const id = [...s.db.keys()][0] as string;
    expect(
      answerAnnotationCall({ type: 'annotationStatus', payload: {} }, s.annotator.endpoint),
    ).toMatchObject({ ok: true, value: { anchored: [id] } });
    expect(answerAnnotationCall({ type: 'revealAnnotation', payload: { id } }, s.annotator.endpoint)).toEqual(
      { ok: true, value: true },
    );
    await wait(0);
    expect(s.state.view.value.kind).toBe('card');
    expect(
      answerAnnotationCall(
        { type: 'revealAnnotation', payload: { id: 'urn:uuid:none' } },
        s.annotator.endpoint,
      ),
    ).toEqual({ ok: true, value: false });
    expect(
      answerAnnotationCall({ type: 'revealAnnotation', payload: { id: 5 } }, s.annotator.endpoint)?.ok,
    ).toBe(false);
    expect(
      answerAnnotationCall({ type: 'pageReferences', payload: {} }, s.annotator.endpoint),
    ).toBeUndefined();
  });
});
