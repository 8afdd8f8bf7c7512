/**
 * The records the panel shows, read by id when a view first asks for them: `resolve(id)` answers
 * from what was read and queues the ids it does not know yet; queued ids are read together in the
 * next microtask, and the answer lands in a signal, so views that asked render again. The panel
 * never holds more than what it showed recently (the cache starts again past a bound).
 */
import { signal } from '@preact/signals';
import type { DocumentRecord } from '../../data/dataset/types';
import type { PanelSources } from './panel-sources';

/** Records kept before the cache starts again (views ask again for what they show). */
const MAX_CACHED = 5000;

/** Creates the cache over `sources`. */
export function createDocumentCache(sources: Pick<PanelSources, 'readDocuments' | 'dossierTitles'>) {
  /** Every id asked for: its record, null when the dataset does not have it, absent while being read. */
  const documents = signal<ReadonlyMap<string, DocumentRecord | null>>(new Map());
  const titles = signal<ReadonlyMap<string, string | null>>(new Map());
  let asked = new Set<string>();
  let askedTitles = new Set<string>();
  let queued: string[] = [];
  let queuedTitles: string[] = [];
  let generation = 0;

  function flush(): void {
    const ids = queued;
    const keys = queuedTitles;
    queued = [];
    queuedTitles = [];
    const at = generation;
    if (ids.length > 0)
      void sources.readDocuments(ids).then(
        (found) => {
          if (at === generation) store(ids, found);
        },
        () => {
          if (at === generation) store(ids, new Map());
        },
      );
    if (keys.length > 0)
      void sources.dossierTitles(keys).then(
        (found) => {
          if (at !== generation) return;
          const next = new Map(titles.value);
          for (const key of keys) next.set(key, found.get(key) ?? null);
          titles.value = next;
        },
        () => undefined,
      );
  }

  function schedule(): void {
    if (queued.length + queuedTitles.length === 1) queueMicrotask(flush);
  }

  /** Adds records read elsewhere (a library page), and null for `ids` not found. */
  function store(ids: readonly string[], found: ReadonlyMap<string, DocumentRecord>): void {
    const next = documents.value.size > MAX_CACHED ? new Map() : new Map(documents.value);
    if (next.size === 0 && documents.value.size > 0) asked = new Set();
    for (const id of ids) {
      next.set(id, found.get(id) ?? null);
      asked.add(id);
    }
    documents.value = next;
  }

  /** The document for any of its ids (full documents win over stubs); null when unknown or not read yet. */
  function resolve(id: string): DocumentRecord | null {
    const known = documents.value.get(id);
    if (known !== undefined) return known;
    if (!asked.has(id)) {
      asked.add(id);
      queued.push(id);
      schedule();
    }
    return null;
  }

  /** The dossier's title; null when unknown or not read yet. */
  function dossierTitle(key: string): string | null {
    const known = titles.value.get(key);
    if (known !== undefined) return known;
    if (!askedTitles.has(key)) {
      askedTitles.add(key);
      queuedTitles.push(key);
      schedule();
    }
    return null;
  }

  /** Forgets everything read (the data changed). */
  function clear(): void {
    generation++;
    asked = new Set();
    askedTitles = new Set();
    queued = [];
    queuedTitles = [];
    documents.value = new Map();
    titles.value = new Map();
  }

  return {
    resolve,
    dossierTitle,
    /** Whether a read has answered for `id` (found or not). */
    answered: (id: string) => documents.value.has(id),
    store,
    clear,
  };
}
