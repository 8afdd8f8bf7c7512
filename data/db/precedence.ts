/**
 * Which record wins when several sources hold one with the same id: the bundled dataset's with the
 * text, then a pack's with metadata (of two packs, the one imported last), then a pack's stub, then
 * the bundled dataset's stub (a paper it only cites). Lookups apply it when they read
 * (resolve-documents.ts), and the search index applies the same rule when an import decides which
 * source's segment indexes a document (`ownedIds`), so the two never disagree.
 */
import { runToEnd, type SlicedWork } from '../time-slices';
import { BUNDLED_SEGMENT } from './segment-owner';

/** What ranking needs of a record found in a source. */
export interface Ranked {
  source: string;
  generation: number;
  stub: boolean;
}

function tier({ source, stub }: Pick<Ranked, 'source' | 'stub'>): number {
  if (stub) return source === BUNDLED_SEGMENT ? 0 : 1;
  return source === BUNDLED_SEGMENT ? 3 : 2;
}

/** Whether `a` wins over `b`. */
function outranks(a: Ranked, b: Ranked): boolean {
  const [ta, tb] = [tier(a), tier(b)];
  return ta !== tb ? ta > tb : a.generation > b.generation;
}

/** The winner of `candidates` (undefined when there are none). */
export function best<T extends Ranked>(candidates: readonly T[]): T | undefined {
  let winner: T | undefined;
  for (const candidate of candidates) if (!winner || outranks(candidate, winner)) winner = candidate;
  return winner;
}

/** A source's documents with metadata (not stubs), for deciding which segment indexes which. */
export interface SourceDocuments {
  source: string;
  generation: number;
  /** Ids of its documents that are not stubs. */
  documents: readonly string[];
}

/**
 * The ids of `target`'s documents it is the winner for (so its search segment indexes them): all
 * its documents but those a source it does not outrank holds too. Stubs never win over a document,
 * so only documents are compared.
 */
export function ownedIds(target: SourceDocuments, all: Iterable<SourceDocuments>): Set<string> {
  return runToEnd(ownedIdsSteps(target, all));
}

/** Ids compared between two steps of the stepped forms below (a millisecond or two). */
const IDS_PER_STEP = 8192;

/** `ownedIds` in steps (`runSliced`): at 300,000 documents in 16 packs it is a set of 280,000 ids. */
export function* ownedIdsSteps(
  target: SourceDocuments,
  all: Iterable<SourceDocuments>,
): SlicedWork<Set<string>> {
  const taken = new Set<string>();
  const rank = { source: target.source, generation: target.generation, stub: false };
  for (const other of all) {
    if (other.source === target.source) continue;
    if (!outranks({ source: other.source, generation: other.generation, stub: false }, rank)) continue;
    for (let i = 0; i < other.documents.length; i++) {
      taken.add(other.documents[i] as string);
      if (i % IDS_PER_STEP === IDS_PER_STEP - 1) yield;
    }
  }
  const owned = new Set<string>();
  for (let i = 0; i < target.documents.length; i++) {
    const id = target.documents[i] as string;
    if (!taken.has(id)) owned.add(id);
    if (i % IDS_PER_STEP === IDS_PER_STEP - 1) yield;
  }
  return owned;
}

/**
 * The sources whose segments an import or removal of `changed` may change: those holding one of
 * the documents it held before or holds now, but the bundled dataset when a pack changed (its
 * documents win over every pack's). In steps (`runSliced`): it looks every other source's ids up,
 * 280,000 of them at 300,000 documents.
 */
export function* overlappingSteps(
  changed: string,
  before: readonly string[],
  after: readonly string[],
  all: Iterable<SourceDocuments>,
): SlicedWork<string[]> {
  const others = [...all].filter(
    (other) => other.source !== changed && (other.source !== BUNDLED_SEGMENT || changed === BUNDLED_SEGMENT),
  );
  // Built only when there is another source to compare (the bundled dataset's first import has
  // none): a set of 600,000 ids was 0.09 s of its last transaction at 300,000 documents.
  if (others.length === 0) return [];
  const touched = new Set<string>();
  for (const ids of [before, after])
    for (let i = 0; i < ids.length; i++) {
      touched.add(ids[i] as string);
      if (i % IDS_PER_STEP === IDS_PER_STEP - 1) yield;
    }
  const found: string[] = [];
  for (const other of others) {
    for (let i = 0; i < other.documents.length; i++) {
      if (touched.has(other.documents[i] as string)) {
        found.push(other.source);
        break;
      }
      if (i % IDS_PER_STEP === IDS_PER_STEP - 1) yield;
    }
  }
  return found;
}
