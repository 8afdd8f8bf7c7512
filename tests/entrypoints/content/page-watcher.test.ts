import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOwnHost } from '../../../entrypoints/content/own-host';
import { type MutationListener, watchPage } from '../../../entrypoints/content/page-watcher';

const running: AbortController[] = [];
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

/**
 * Subscribes a recorder; `heard` collects what each delivery handed over, `told` whether each said
 * another subscriber had changed the page.
 */
function subscribe() {
  const controller = new AbortController();
  running.push(controller);
  const heard: MutationRecord[][] = [];
  const told: boolean[] = [];
  const listener: MutationListener = (records, changedByOthers) => {
    heard.push([...records]);
    told.push(changedByOthers);
  };
  const feed = watchPage(document).subscribe(listener, controller.signal);
  return { heard, told, feed, stop: () => controller.abort() };
}

const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

describe('page watcher', () => {
  it('is one watcher per document', () => {
    expect(watchPage(document)).toBe(watchPage(document));
  });

  it('hands records over in a later task, never inside the observer callback', async () => {
    const { heard } = subscribe();
    document.body.append(paragraph('een'));
    await Promise.resolve(); // the observer callback has run by now
    await Promise.resolve();
    expect(heard).toEqual([]);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]?.[0]?.addedNodes[0]?.textContent).toBe('een');
  });

  it('hands everything observed so far over at once on flush, to every subscriber', () => {
    const first = subscribe();
    const second = subscribe();
    document.body.append(paragraph('een'));
    (document.body.firstChild?.firstChild as Text).data = 'twee';
    watchPage(document).flush();
    for (const { heard } of [first, second]) {
      expect(heard.map((batch) => batch.map((r) => r.type))).toEqual([['childList', 'characterData']]);
    }
  });

  it("makes no records of a subscriber's own changes, and tells the others only that the page changed", () => {
    const scanner = subscribe();
    const anchoring = subscribe();
    document.body.append(paragraph('van de pagina'));
    scanner.feed.ownChange(() => document.body.append(paragraph('van ons')));
    document.body.append(paragraph('weer van de pagina'));
    watchPage(document).flush();
    const texts = (batches: MutationRecord[][]) =>
      batches.flat().flatMap((r) => [...r.addedNodes].map((n) => n.textContent));
    // The page's changes before and after are heard by both; the own change made no record at all.
    expect(texts(scanner.heard)).toEqual(['van de pagina', 'weer van de pagina']);
    expect(texts(anchoring.heard)).toEqual(['van de pagina', 'weer van de pagina']);
    expect(scanner.told).toEqual([false]);
    expect(anchoring.told).toEqual([true]);
  });

  it("tells the others of a subscriber's own change in a later task, also when the page did nothing", async () => {
    const scanner = subscribe();
    const anchoring = subscribe();
    scanner.feed.ownChange(() => document.body.append(paragraph('van ons')));
    expect(anchoring.told).toEqual([]);
    await vi.waitFor(() => expect(anchoring.told).toEqual([true]));
    expect(anchoring.heard).toEqual([[]]);
    expect(scanner.told).toEqual([]);
  });

  it('drops changes of our own hosts and of what is inside them', () => {
    const { heard } = subscribe();
    const host = createOwnHost(document, { mode: 'open', css: '', signal: new AbortController().signal });
    host.shadowHost.append(paragraph('in de host'));
    watchPage(document).flush();
    expect(heard).toEqual([]);
    document.body.append(paragraph('pagina'));
    watchPage(document).flush();
    expect(heard).toHaveLength(1);
  });

  it('stops handing over when a subscriber leaves, and observes nothing once all have left', () => {
    const leaving = subscribe();
    const staying = subscribe();
    leaving.stop();
    document.body.append(paragraph('een'));
    watchPage(document).flush();
    expect(leaving.heard).toEqual([]);
    expect(staying.heard).toHaveLength(1);
    staying.stop();
    document.body.append(paragraph('twee'));
    const late = subscribe();
    watchPage(document).flush();
    expect(late.heard).toEqual([]);
  });
});
