import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHighlightLayer } from '../../../../entrypoints/content/annotate/highlights';
import { createAnchoring } from '../../../../entrypoints/content/annotate/page-anchoring';
import * as textModel from '../../../../entrypoints/content/annotate/text-model';
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

function start() {
  document.body.innerHTML = '<p id="p">Dat schrijft de staatssecretaris aan de Kamer over de bijstand.</p>';
  abort = new AbortController();
  return createAnchoring({
    doc: document,
    signal: abort.signal,
    highlights: createHighlightLayer(document),
    timing: TIMING,
  });
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
});
