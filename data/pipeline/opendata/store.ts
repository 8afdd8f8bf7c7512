/**
 * The on-disk store of synced entities, one folder per category:
 *
 *   DIR/<Category>/pages/000001.json   the entities of one committed page, in feed order
 *   DIR/<Category>/state.json          how many pages are committed, and the skiptoken after them
 *
 * (after a compaction, pages live in `pages.<generation>/`, and the state names the generation).
 * A page is committed by writing its page file and then the state (each atomically); the state
 * is the commit point, so a run stopped between the two leaves a page file that the state does
 * not count and the next run overwrites. Replaying the counted pages in order gives the store:
 * a later version of an entity replaces the earlier one, a deletion removes it.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import type { Category } from './categories';
import type { RawEntity } from './entity';

/** What has been committed for one category. */
export interface CategoryState {
  category: Category;
  /** The skiptoken to continue from; null before the first page. */
  skiptoken: string | null;
  /** Committed pages. */
  pages: number;
  /** Which page folder holds them (absent or 0: `pages/`; N: `pages.N/`, written by a compaction). */
  generation?: number;
}

/** The committed state of `category` in `dir` (an empty state when nothing was synced yet). */
export function readState(dir: string, category: Category): CategoryState {
  const path = join(dir, category, 'state.json');
  if (!existsSync(path)) return { category, skiptoken: null, pages: 0 };
  const state = JSON.parse(readFileSync(path, 'utf8')) as Partial<CategoryState>;
  if (
    state.category !== category ||
    !(state.skiptoken === null || typeof state.skiptoken === 'string') ||
    !Number.isInteger(state.pages) ||
    (state.pages as number) < 0 ||
    !(state.generation === undefined || (Number.isInteger(state.generation) && state.generation >= 0))
  ) {
    throw new Error(`${path}: not a sync state for ${category}`);
  }
  return state as CategoryState;
}

/** Commit one page: its entities and the skiptoken after it, together. Returns the new state. */
export function commitPage(
  dir: string,
  state: CategoryState,
  entities: RawEntity[],
  skiptoken: string | null,
): CategoryState {
  const pages = state.pages + 1;
  writeFileAtomic(pagePath(dir, state, pages), JSON.stringify(entities));
  const next: CategoryState = { ...state, skiptoken, pages };
  writeFileAtomic(join(dir, state.category, 'state.json'), `${JSON.stringify(next)}\n`);
  return next;
}

/** The current entities of `category` (deleted ones removed), by id. */
export function loadEntities(dir: string, category: Category): Map<string, RawEntity> {
  const state = readState(dir, category);
  const entities = new Map<string, RawEntity>();
  for (let page = 1; page <= state.pages; page++) {
    const path = pagePath(dir, state, page);
    const list = JSON.parse(readFileSync(path, 'utf8')) as RawEntity[];
    if (!Array.isArray(list)) throw new Error(`${path}: not a page of entities`);
    for (const entity of list) {
      if (entity.deleted) entities.delete(entity.id);
      else entities.set(entity.id, entity);
    }
  }
  return entities;
}

/** Entities per page written by a compaction. */
const COMPACT_PAGE = 2000;

/** What a compaction did to one category. */
export interface Compaction {
  category: Category;
  pagesBefore: number;
  pagesAfter: number;
  /** Entities kept (the current ones; superseded versions and deletions are dropped). */
  entities: number;
}

/**
 * Rewrite `category`'s store as its current entities only, in as few pages as fit: every version
 * an update replaced and every deletion is dropped, and the skiptoken is kept, so the next sync
 * continues where the last one stopped. The new pages go to a new folder and the state is the
 * commit point: a compaction stopped half-way leaves the store as it was (its folder is cleared
 * by the next one); the old folder is removed after the commit.
 */
export function compactCategory(dir: string, category: Category): Compaction {
  const state = readState(dir, category);
  if (!existsSync(join(dir, category, 'state.json')))
    return { category, pagesBefore: 0, pagesAfter: 0, entities: 0 };
  const entities = [...loadEntities(dir, category).values()];
  const next: CategoryState = { ...state, pages: 0, generation: (state.generation ?? 0) + 1 };
  rmSync(pageFolder(dir, next), { recursive: true, force: true });
  for (let i = 0; i < entities.length; i += COMPACT_PAGE) {
    next.pages += 1;
    writeFileAtomic(pagePath(dir, next, next.pages), JSON.stringify(entities.slice(i, i + COMPACT_PAGE)));
  }
  writeFileAtomic(join(dir, category, 'state.json'), `${JSON.stringify(next)}\n`);
  removeStaleFolders(dir, next);
  return { category, pagesBefore: state.pages, pagesAfter: next.pages, entities: entities.length };
}

/** Page folders of `state.category` that its state does not name (left by a stopped compaction). */
function removeStaleFolders(dir: string, state: CategoryState): void {
  const current = pageFolder(dir, state);
  for (const name of readdirSync(join(dir, state.category))) {
    const path = join(dir, state.category, name);
    if (/^pages(\.\d+)?$/.test(name) && path !== current) rmSync(path, { recursive: true, force: true });
  }
}

function pageFolder(dir: string, state: CategoryState): string {
  const generation = state.generation ?? 0;
  return join(dir, state.category, generation === 0 ? 'pages' : `pages.${generation}`);
}

function pagePath(dir: string, state: CategoryState, page: number): string {
  return join(pageFolder(dir, state), `${String(page).padStart(6, '0')}.json`);
}
