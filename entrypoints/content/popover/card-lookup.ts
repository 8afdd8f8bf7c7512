import type { CardModel, PaperEntry } from '../../../components/popover/card-model';
import { parseCanonicalId } from '../../../data/citations/canonical-id';
import type { Citation } from '../../../data/citations/types';
import { type LookupEntry, MAX_LOOKUP_IDS } from '../../../data/messages';
import type { Result } from '../../../data/result';

/** One batched lookup call to the background (at most `MAX_LOOKUP_IDS` ids). */
export type LookupTransport = (ids: string[]) => Promise<Result<LookupEntry[]>>;

/** Resolves references into card models, caching every answer per id for the page's lifetime. */
export interface CardResolver {
  resolve(citation: Citation): Promise<CardModel>;
}

/**
 * Creates the resolver. Ids asked for in the same task are sent as one batch; answered ids are cached
 * (including "not in the dataset"); failed lookups and answers given while the data is still being
 * imported are not, so a later hover asks again.
 */
export function createCardResolver(transport: LookupTransport): CardResolver {
  const cache = new Map<string, LookupEntry>();
  const inFlight = new Map<string, Promise<LookupEntry | null>>();
  let queued: { ids: Set<string>; settle: Map<string, (entry: LookupEntry | null) => void> } | null = null;

  const flush = async (batch: NonNullable<typeof queued>) => {
    const ids = [...batch.ids];
    for (let start = 0; start < ids.length; start += MAX_LOOKUP_IDS) {
      const slice = ids.slice(start, start + MAX_LOOKUP_IDS);
      const answer = await transport(slice).catch(
        (error: unknown): Result<LookupEntry[]> => ({ ok: false, error: String(error) }),
      );
      const byId = new Map(answer.ok ? answer.value.map((entry) => [entry.id, entry]) : []);
      for (const id of slice) {
        const entry = byId.get(id) ?? null;
        // Not kept while the data is still being imported: a later hover asks again.
        if (entry && !entry.pending) cache.set(id, entry);
        inFlight.delete(id);
        batch.settle.get(id)?.(entry);
      }
    }
  };

  /** The entry for `id`, or null when the lookup failed. */
  const entryOf = (id: string): Promise<LookupEntry | null> => {
    const cached = cache.get(id);
    if (cached) return Promise.resolve(cached);
    const pending = inFlight.get(id);
    if (pending) return pending;
    if (!queued) {
      const batch = {
        ids: new Set<string>(),
        settle: new Map<string, (entry: LookupEntry | null) => void>(),
      };
      queued = batch;
      queueMicrotask(() => {
        queued = null;
        void flush(batch);
      });
    }
    const batch = queued;
    const promise = new Promise<LookupEntry | null>((settle) => {
      batch.ids.add(id);
      batch.settle.set(id, settle);
    });
    inFlight.set(id, promise);
    return promise;
  };

  return {
    async resolve(asCited) {
      let citation = asCited;
      let entries = await Promise.all(citation.ids.map(entryOf));
      // The text named no chamber and the likelier one was inferred. When only the other reading is
      // in the dataset, the card shows that one (still marked as inferred) and keeps the first as
      // the alternative.
      const others = asCited.alternativeIds ?? [];
      const held = (entry: LookupEntry | null | undefined) => entry?.document != null && !entry.document.stub;
      if (others.length > 0 && entries.every((entry) => entry !== null && !held(entry))) {
        const otherEntries = await Promise.all(others.map(entryOf));
        const at = otherEntries.findIndex(held);
        const id = others[at];
        if (id !== undefined) {
          const chamber = parseCanonicalId(id)?.chamber ?? null;
          citation = { ...asCited, ids: [id], chamber, alternativeIds: asCited.ids };
          entries = [otherEntries[at] ?? null];
        }
      }
      const lookupOk = entries.every((entry) => entry !== null);
      const papers: PaperEntry[] = citation.ids.map((id, i) => ({
        id,
        document: entries[i]?.document ?? null,
        dossierTitle: entries[i]?.dossierTitle ?? null,
      }));
      // The lookup answers the titles of citing documents with each entry: no second round trip.
      const citingTitles: Record<string, string | null> = {};
      for (const entry of entries) Object.assign(citingTitles, entry?.citingTitles);
      const dataPending = entries.some((entry) => entry?.pending === true);
      return { citation, papers, lookupOk, citingTitles, dataPending };
    },
  };
}
