/** The `lookup` answer: card-shaped documents plus the titles a card needs, in one read transaction. */
import type { DocumentRecord } from '../dataset/types';
import type { CardDocument, LookupEntry } from '../messages';
import { cardQuestions, type StoredCard } from './block-packing';
import type { KamerlensDB } from './kamerlens-db';
import { heldTitlesFor, lookupTables, readLookup } from './lookup-documents';
import { readCards, resolveCards } from './resolve-documents';
import { withDirectories } from './row-blocks';

/**
 * One entry per input id, in input order (duplicates repeated), as `lookupDocuments` resolves them,
 * with each document cut to what a card shows and the titles of the documents citing it. Reads no
 * document body (block-packing.ts): a card is about a kilobyte of a record of up to 55,000 chars.
 */
export async function lookupCards(db: KamerlensDB, ids: readonly string[]): Promise<LookupEntry[]> {
  const held = heldTitlesFor(db, ids);
  // Where each id's block is: held in memory once read (row-blocks.ts), outside the transaction.
  return withDirectories(db, () =>
    db.transaction('r', lookupTables(db, false), async () => {
      // Titles of citing documents: stored with the card by its import, from the records this batch
      // found, the rest (in an earlier build's blocks, or of another source) in one bulk read of their
      // cards. It goes out after the lookup's dossier read, if it makes one, not beside it: Dexie
      // starts a nested transaction only once those started before it in the same transaction have
      // ended. (Issued together, the two gained nothing measurable in the packs bench, 2026-12-04.)
      const titles = new Map<string, string | null>();
      const entries = await readLookup(
        db,
        ids,
        held,
        (documents) => readCitingTitles(db, documents, titles),
        resolveCards,
      );
      // Each distinct record is cut once, however often the batch names it.
      const cards = new Map<
        StoredCard,
        { card: CardDocument; citingTitles: Record<string, string | null> }
      >();
      return entries.map(({ id, document, dossierTitle }) => {
        if (!document) return { id, document: null, dossierTitle, citingTitles: {} };
        let cut = cards.get(document);
        if (!cut) {
          const citingTitles: Record<string, string | null> = {};
          for (const place of document.citedBy)
            citingTitles[place.documentId] =
              document.citingTitles?.[place.documentId] ?? titles.get(place.documentId) ?? null;
          cut = { card: cardOf(document), citingTitles };
          cards.set(document, cut);
        }
        return { id, document: cut.card, dossierTitle, citingTitles: cut.citingTitles };
      });
    }),
  );
}

/** What a popover card shows of `document` (field by field, so nothing else crosses the wire). */
export function cardOf(document: DocumentRecord): CardDocument {
  return {
    id: document.id,
    stub: document.stub,
    type: document.type,
    title: document.title,
    date: document.date,
    authors: document.authors,
    askedBy: document.askedBy,
    submitted: document.submitted,
    dossier: document.dossier,
    dossierSuffix: document.dossierSuffix,
    citation: document.citation,
    officialUrl: document.officialUrl,
    summary: document.summary,
    summarySource: document.summarySource,
    kind: document.kind,
    qa: cardQuestions(document.qa),
    citedBy: document.citedBy.map(({ documentId, qa, context, raw }) => ({ documentId, qa, context, raw })),
  };
}

/**
 * Fill `titles` with the titles of every document citing one of `documents` that its card does not
 * hold (`citingTitles`, stored by its import).
 */
async function readCitingTitles(
  db: KamerlensDB,
  documents: ReadonlyMap<string, StoredCard>,
  titles: Map<string, string | null>,
): Promise<void> {
  for (const document of documents.values()) titles.set(document.id, document.title);
  const missing = new Set<string>();
  for (const document of documents.values())
    for (const place of document.citedBy)
      if (!titles.has(place.documentId) && !(place.documentId in (document.citingTitles ?? {})))
        missing.add(place.documentId);
  if (missing.size === 0) return;
  // By id: citing places name record ids. Their cards: a title needs no body.
  for (const record of (await readCards(db, [...missing])).values()) titles.set(record.id, record.title);
}
