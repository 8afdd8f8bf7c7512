/** The cross-record part of the dataset schema: unique ids and a citation graph that adds up. */

import type { SlicedWork } from '../time-slices';

type Json = Record<string, unknown>;
type Report = (path: string, problem: string) => void;

/**
 * Documents gone through per step (the checks run in time slices in the extension): a step of
 * 2,000 was 50 ms for a pack of 19,000 generated documents in Node (CPU profile of readPack).
 */
const PER_STEP = 500;

/**
 * Ids are unique across records (an alias too). In a `closed` graph (a whole dataset) every target
 * and citing document also exists, and every edge a reference makes is listed once in its target's
 * citedBy; an `open` one (a pack) may point at records outside it.
 */
export function* graphSteps(documents: Json[], report: Report, graph: 'closed' | 'open'): SlicedWork<void> {
  const owner = new Map<string, number>();
  const byId = new Map<string, Json>();
  // Edges can only be balanced when every reference says what it resolved to.
  let resolved = true;
  for (let i = 0; i < documents.length; i++) {
    if (i % PER_STEP === PER_STEP - 1) yield;
    const d = documents[i];
    if (Array.isArray(d?.references) && !(d.references as Json[]).every((r) => Array.isArray(r?.targets)))
      resolved = false;
    if (typeof d?.id === 'string') {
      if (byId.has(d.id)) report(`documents[${i}].id`, `duplicate id ${d.id}`);
      byId.set(d.id, d);
    }
    for (const id of Array.isArray(d?.ids) ? (d.ids as unknown[]) : []) {
      if (typeof id !== 'string') continue;
      const other = owner.get(id);
      if (other !== undefined && other !== i)
        report(`documents[${i}].ids`, `id ${id} also belongs to documents[${other}]`);
      owner.set(id, i);
    }
  }
  if (graph === 'open' || !resolved) return;
  const edges = new Map<string, number>();
  const count = (key: string, by: number) => edges.set(key, (edges.get(key) ?? 0) + by);
  for (let i = 0; i < documents.length; i++) {
    if (i % PER_STEP === PER_STEP - 1) yield;
    const d = documents[i];
    for (const [k, r] of (Array.isArray(d?.references) ? (d.references as Json[]) : []).entries()) {
      for (const target of r.targets as unknown[]) {
        if (typeof target !== 'string' || !byId.has(target)) {
          report(
            `documents[${i}].references[${k}].targets`,
            `${String(target)} is not a record in the dataset`,
          );
        } else if (target !== d?.id) count(`${String(d?.id)} → ${target}`, 1);
      }
    }
    for (const [k, c] of (Array.isArray(d?.citedBy) ? (d.citedBy as Json[]) : []).entries()) {
      const from = c?.documentId;
      if (typeof from !== 'string' || !byId.has(from)) {
        report(`documents[${i}].citedBy[${k}].documentId`, `${String(from)} is not in the dataset`);
      } else count(`${from} → ${String(d?.id)}`, -1);
    }
  }
  let checked = 0;
  for (const [edge, balance] of edges) {
    if (++checked % (PER_STEP * 4) === 0) yield;
    if (balance !== 0) {
      report(
        'documents',
        `citation ${edge}: references and citedBy disagree (${balance > 0 ? 'missing in' : 'extra in'} citedBy)`,
      );
    }
  }
}
