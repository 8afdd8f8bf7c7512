/**
 * Re-anchoring every note of a page against its current text, as a generator that yields after
 * each bounded piece of work (one note, one slice of the index build) so the content script can
 * spread a large page over several short tasks.
 *
 * Order: exact matches for all notes first; their displacement (new − stored start) then corrects
 * the expected position of the notes that were not found verbatim, so an edited quote is looked
 * for where its neighbours went (a paragraph inserted above moves everything below it); only
 * what is still missing is searched in the whole text, through the shared n-gram index.
 */

import type { SlicedWork } from '../time-slices';
import {
  type Anchor,
  type AnchorOptions,
  type AnchorTarget,
  anchorExact,
  anchorFar,
  anchorNear,
  DEFAULT_ANCHOR_OPTIONS,
} from './anchor';
import { prepareFuzzyQuery } from './fuzzy-candidates';
import { buildGramIndex, type GramIndex } from './gram-index';

/** Displacement of an exactly anchored note: stored start → current start. */
interface Shift {
  stored: number;
  delta: number;
}

/** The displacement of the exactly anchored note whose stored start is nearest `stored`. */
export function expectedStart(shifts: Shift[], stored: number): number {
  if (shifts.length === 0) return stored;
  let low = 0;
  let high = shifts.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((shifts[middle] as Shift).stored < stored) low = middle + 1;
    else high = middle;
  }
  const after = shifts[low] as Shift;
  const before = shifts[low - 1];
  const nearest =
    before !== undefined && Math.abs(before.stored - stored) < Math.abs(after.stored - stored)
      ? before
      : after;
  return stored + nearest.delta;
}

/** Anchor every target in `text`; the result has one entry per target (null: orphan). */
export function* reanchorSteps(
  text: string,
  targets: readonly AnchorTarget[],
  options: AnchorOptions = DEFAULT_ANCHOR_OPTIONS,
): SlicedWork<(Anchor | null)[]> {
  const anchors: (Anchor | null)[] = targets.map(() => null);
  const shifts: Shift[] = [];
  // In page order, each note is first looked for where the previous one's displacement puts it:
  // after an insertion above, every later note is then found in O(1) at its shifted place.
  const order = [...targets.keys()].sort(
    (a, b) => (targets[a]?.position?.start ?? 0) - (targets[b]?.position?.start ?? 0),
  );
  let delta = 0;
  for (const i of order) {
    const target = targets[i] as AnchorTarget;
    const stored = target.position?.start ?? null;
    const anchor = anchorExact(text, target, stored === null ? null : Math.max(0, stored + delta));
    anchors[i] = anchor;
    if (anchor !== null && stored !== null) {
      delta = anchor.start - stored;
      shifts.push({ stored, delta });
    }
    yield;
  }
  shifts.sort((a, b) => a.stored - b.stored);

  const missing: number[] = [];
  for (const [i, target] of targets.entries()) {
    if (anchors[i] !== null || target.quote.exact.length === 0) continue;
    const query = prepareFuzzyQuery(target.quote.exact, options.maxErrorRatio);
    const hint = target.position === null ? null : expectedStart(shifts, target.position.start);
    const near = hint === null ? null : anchorNear(text, target, query, hint, options);
    anchors[i] = near;
    if (near === null) missing.push(i);
    yield;
  }
  if (missing.length === 0) return anchors;

  const index: GramIndex = yield* buildGramIndex(text);
  for (const i of missing) {
    const target = targets[i] as AnchorTarget;
    const query = prepareFuzzyQuery(target.quote.exact, options.maxErrorRatio);
    const hint = target.position === null ? null : expectedStart(shifts, target.position.start);
    anchors[i] = anchorFar(index, target, query, hint, options);
    yield;
  }
  return anchors;
}
