/**
 * The content script's one watcher of the page's DOM (uBlock Origin's `domWatcher`): a single
 * MutationObserver whose callback only queues the records. Its subscribers (the scanner, the
 * anchoring of notes) get them later, in a task of their own, or at once when one of them calls
 * `flush()` before it reads the page. Changes inside our own UI hosts, and the hosts coming in, are
 * dropped here for everyone. A subscriber's own changes of the page (the scanner wrapping text) are
 * not observed at all: the observer is off while they are made, and the other subscribers are told
 * only that the page changed (`changedByOthers`). Observing them cost a record per split, insertion
 * and move of a text node (five or six per mark), each made by the browser and then filtered here:
 * about a tenth of the scanner's time on a page scrolled through (`npm run bench -- scanner`).
 */

import { nextTask } from '../../data/time-slices';
import { isInsideOwnHost, isOwnHost } from './own-host';

/**
 * Hears a batch of the page's mutation records, in the order they happened; `changedByOthers` is
 * true when another subscriber changed the page since the last batch (its changes come without
 * records). Called when either has something to say.
 */
export type MutationListener = (records: readonly MutationRecord[], changedByOthers: boolean) => void;

/** The page's watcher. */
export interface PageWatcher {
  /** Adds `listener` until `signal` aborts; the page is observed while anyone listens. */
  subscribe(listener: MutationListener, signal: AbortSignal): WatchSubscription;
  /** Hands every record observed so far to the subscribers now, not in a later task. */
  flush(): void;
}

/** One subscriber's handle. */
export interface WatchSubscription {
  /** Runs `change`, a change this subscriber makes to the page: its records go to the others only. */
  ownChange<T>(change: () => T): T;
}

/** What any subscriber needs: text and structure, and the attributes that hide or make editable. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'contenteditable', 'role'],
};

/** Records of one moment, or (`from` set, no records) a change a subscriber made itself. */
interface Batch {
  records: MutationRecord[];
  from: MutationListener | null;
}

/** Whether a record is about the page, not about one of our hosts or what is inside it. */
function isPageRecord(record: MutationRecord): boolean {
  if (isInsideOwnHost(record.target)) return false;
  // One of our hosts entering the page changes nothing of the page's own.
  const added = [...record.addedNodes];
  return added.length === 0 || record.removedNodes.length > 0 || !added.every(isOwnHost);
}

const watchers = new WeakMap<Document, PageWatcher>();

/** The watcher of `doc`: one per document, made on first use. */
export function watchPage(doc: Document): PageWatcher {
  let watcher = watchers.get(doc);
  if (!watcher) {
    watcher = createPageWatcher(doc);
    watchers.set(doc, watcher);
  }
  return watcher;
}

function createPageWatcher(doc: Document): PageWatcher {
  const listeners = new Set<MutationListener>();
  let pending: Batch[] = [];
  let scheduled = false;

  const collect = (): void => {
    const records = observer?.takeRecords() ?? [];
    if (records.length > 0) pending.push({ records, from: null });
  };

  const deliver = (): void => {
    collect();
    const batches = pending.map(({ records, from }) => ({ records: records.filter(isPageRecord), from }));
    pending = [];
    for (const listener of [...listeners]) {
      if (!listeners.has(listener)) continue; // an earlier listener's work ended this one
      const heard = batches.flatMap(({ records }) => records);
      const changedByOthers = batches.some(({ from }) => from !== null && from !== listener);
      if (heard.length > 0 || changedByOthers) listener(heard, changedByOthers);
    }
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    void nextTask().then(() => {
      scheduled = false;
      deliver();
    });
  };

  const observer = new MutationObserver((records) => {
    pending.push({ records, from: null });
    schedule();
  });

  return {
    subscribe(listener, signal) {
      if (signal.aborted) return { ownChange: (change) => change() };
      if (listeners.size === 0) observer.observe(doc.documentElement, OBSERVED);
      listeners.add(listener);
      signal.addEventListener(
        'abort',
        () => {
          listeners.delete(listener);
          if (listeners.size > 0) return;
          observer.disconnect();
          pending = [];
        },
        { once: true },
      );
      return {
        ownChange(change) {
          // What the page did until now is kept; then nothing is observed until the change is made.
          collect();
          observer.disconnect();
          try {
            return change();
          } finally {
            if (listeners.size > 0) observer.observe(doc.documentElement, OBSERVED);
            // The others learn that the page changed; the one that changed it needs no news.
            if (listeners.size > 1) {
              pending.push({ records: [], from: listener });
              schedule();
            } else if (pending.length > 0) schedule();
          }
        },
      };
    },
    flush: deliver,
  };
}
