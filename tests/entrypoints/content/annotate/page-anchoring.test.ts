import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHighlightLayer } from '../../../../entrypoints/content/annotate/highlights';
import { createAnchoring } from '../../../../entrypoints/content/annotate/page-anchoring';
import * as textModel from '../../../../entrypoints/content/annotate/text-model';
import { watchPage } from '../../../../entrypoints/content/page-watcher';
import { sampleRecord } from '../../../fixtures/annotations/arbitraries';

vi.mock('../../../../entrypoints/content/annotate/text-model', async (original) => {
  const actual = await original<typeof import('../../../../entrypoints/content/annotate/text-model')>();
  return { ...actual, buildPageText: vi.fn(actual.buildPageText) };
});

const TIMING = { sliceMs: 8, settleMs: 5, minIntervalMs: 0 };
let abort: AbortController | null = null;
afterEach(() => {
  abort?.abort();
  abort = null;
  document.body.innerHTML = '';
  vi.mocked(textModel.buildPageText).mockClear();
});

function start(highlights = createHighlightLayer(document)) {
  document.body.innerHTML = '<p id="p">Dat schrijft de staatssecretaris aan de Kamer over de bijstand.</p>';
  abort = new AbortController();
  return createAnchoring({ doc: document, signal: abort.signal, highlights, timing: TIMING });
}

describe('anchoring on load', () => {
  it('does not read the page text when the page has no notes', async () => {
    const anchoring = start();
    anchoring.setRecords([]);
    await anchoring.settled();
    document.querySelector('#p')?.append(' Een zin erbij.');
    await new Promise((done) => setTimeout(done, 20));
    await anchoring.settled();
    expect(textModel.buildPageText).not.toHaveBeenCalled();
    expect(anchoring.status('x')).toEqual({ source: 'x', anchored: [], orphaned: [], pending: false });
  });

  it('reads it and anchors once the page has a note', async () => {
    const anchoring = start();
    anchoring.setRecords([]);
    await anchoring.settled();
    anchoring.upsert(
      sampleRecord({
        target: {
          source: 'https://example.org/',
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: 'de staatssecretaris',
              prefix: 'Dat schrijft ',
              suffix: ' aan',
            },
          ],
        },
      }),
    );
    await anchoring.settled();
    expect(textModel.buildPageText).toHaveBeenCalled();
    expect(anchoring.anchoredIds()).toHaveLength(1);
  });

  it("anchors again after another subscriber's own change (the scanner splitting the text)", async () => {
    const highlights = createHighlightLayer(document);
    const anchoring = start(highlights);
    anchoring.upsert(
      sampleRecord({
        target: {
          source: 'https://example.org/',
          selectors: [{ type: 'TextQuoteSelector', exact: 'de Kamer', prefix: 'aan ', suffix: ' over' }],
        },
      }),
    );
    await anchoring.settled();
    const reads = vi.mocked(textModel.buildPageText).mock.calls.length;
    // A second subscriber wraps "aan de Kamer" as the scanner does: its own change makes no records.
    const scanner = new AbortController();
    const feed = watchPage(document).subscribe(() => {}, scanner.signal);
    feed.ownChange(() => {
      const text = document.querySelector('#p')?.firstChild as Text;
      const tail = text.splitText(text.data.indexOf('aan de Kamer'));
      tail.splitText('aan de Kamer'.length);
      const mark = document.createElement('span');
      tail.before(mark);
      mark.append(tail);
    });
    await vi.waitFor(() => expect(textModel.buildPageText).toHaveBeenCalledTimes(reads + 1));
    await anchoring.settled();
    scanner.abort();
    // The note's range now lies in the new text nodes, inside the mark.
    const range = highlights.rangeOf(anchoring.anchoredIds()[0] as string);
    expect(range?.toString()).toBe('de Kamer');
    expect(range?.startContainer.parentElement?.tagName).toBe('SPAN');
  });
});
