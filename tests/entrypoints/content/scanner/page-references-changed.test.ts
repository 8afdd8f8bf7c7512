import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarkedReference, MarksListener } from '../../../../entrypoints/content/scanner/mark-registry';
import {
  NOTIFY_DELAY_MS,
  notifyReferenceChanges,
} from '../../../../entrypoints/content/scanner/page-references-changed';

/** A registry stand-in whose listeners the test calls, as the scanner would after a slice. */
function fakeRegistry() {
  const listeners = { marked: new Set<MarksListener>(), unmarked: new Set<MarksListener>() };
  const reference = { group: 1, citation: {}, marks: [] } as unknown as MarkedReference;
  return {
    onMarked: (l: MarksListener) => {
      listeners.marked.add(l);
      return () => listeners.marked.delete(l);
    },
    onUnmarked: (l: MarksListener) => {
      listeners.unmarked.add(l);
      return () => listeners.unmarked.delete(l);
    },
    mark: () => {
      for (const l of listeners.marked) l([reference]);
    },
    unmark: () => {
      for (const l of listeners.unmarked) l([reference]);
    },
    listening: () => listeners.marked.size + listeners.unmarked.size,
  };
}

function setup() {
  const registry = fakeRegistry();
  const stop = new AbortController();
  const send = vi.fn(() => Promise.resolve());
  const notifier = notifyReferenceChanges(registry, send, stop.signal);
  return { registry, stop, send, notifier };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('content script: telling the panel that the references changed', () => {
  it('sends nothing before a panel asked for the references', () => {
    const { registry, send } = setup();
    registry.mark();
    vi.advanceTimersByTime(10 * NOTIFY_DELAY_MS);
    expect(send).not.toHaveBeenCalled();
  });

  it('gathers the changes of one window into one message, sent after the delay', () => {
    const { registry, send, notifier } = setup();
    notifier.arm();
    registry.mark();
    vi.advanceTimersByTime(100);
    registry.unmark();
    registry.mark();
    vi.advanceTimersByTime(NOTIFY_DELAY_MS - 101);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * NOTIFY_DELAY_MS);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a page that keeps changing still sends one message per window', () => {
    const { registry, send, notifier } = setup();
    notifier.arm();
    for (let t = 0; t < 3 * NOTIFY_DELAY_MS; t += 100) {
      registry.mark();
      vi.advanceTimersByTime(100);
    }
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('a send without a receiver (no panel open) is not an error', async () => {
    const { registry, send, notifier } = setup();
    send.mockImplementation(() => Promise.reject(new Error('Receiving end does not exist')));
    notifier.arm();
    registry.mark();
    vi.advanceTimersByTime(NOTIFY_DELAY_MS);
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stops listening and drops a pending message when the extension goes away', () => {
    const { registry, send, notifier, stop } = setup();
    notifier.arm();
    registry.mark();
    expect(registry.listening()).toBe(2);
    stop.abort();
    expect(registry.listening()).toBe(0);
    vi.advanceTimersByTime(NOTIFY_DELAY_MS);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('servePageReferences arms the notifier when a panel asks', () => {
  it('reads the whole page, answers pageReferences, then announces later marks as pageReferencesChanged', async () => {
    const { browser } = await import('wxt/browser');
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { servePageReferences } = await import('../../../../entrypoints/content/scanner/page-references');
    // Off-screen text is read only when the panel asks: the answer must wait for it.
    const listed: unknown[] = [];
    const registry = { ...fakeRegistry(), pageReferences: () => listed as never[], marksOfGroup: () => [] };
    const scanEverything = vi.fn(async () => {
      await Promise.resolve();
      listed.push({ group: 7 });
    });
    const sent: unknown[] = [];
    const spy = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
    });
    const stop = new AbortController();
    servePageReferences(stop.signal, { registry, scanEverything }, null);
    registry.mark();
    vi.advanceTimersByTime(NOTIFY_DELAY_MS);
    expect(sent).toEqual([]);
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'pageReferences', payload: {} },
      { id: browser.runtime.id },
      () => undefined,
    );
    expect(scanEverything).toHaveBeenCalledOnce();
    expect(answers).toEqual([{ ok: true, value: [{ group: 7 }] }]);
    registry.mark();
    vi.advanceTimersByTime(NOTIFY_DELAY_MS);
    expect(sent).toEqual([{ type: 'pageReferencesChanged', payload: {} }]);
    stop.abort();
    spy.mockRestore();
    fakeBrowser.reset();
  });
});
