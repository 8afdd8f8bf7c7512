/**
 * The on-disk store of synced entities, one folder per category:
 *
 *   DIR/<Category>/pages/000001.json   the entities of one committed page, in feed order
 *   DIR/<Category>/state.json          how many pages are committed, and the skiptoken after them
 *
 * A page is committed by writing its page file and then the state (each atomically); the state
 * is the commit point, so a run stopped between the two leaves a page file that the state does
 * not count and the next run overwrites. Replaying the counted pages in order gives the store:
 * a later version of an entity replaces the earlier one, a deletion removes it.
 */
import { existsSync, readFileSync } from 'node:fs';
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
    (state.pages as number) < 0
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
  writeFileAtomic(pagePath(dir, state.category, pages), JSON.stringify(entities));
  const next: CategoryState = { category: state.category, skiptoken, pages };
  writeFileAtomic(join(dir, state.category, 'state.json'), `${JSON.stringify(next)}\n`);
  return next;
}

/** The current entities of `category` (deleted ones removed), by id. */
export function loadEntities(dir: string, category: Category): Map<string, RawEntity> {
  const state = readState(dir, category);
  const entities = new Map<string, RawEntity>();
  for (let page = 1; page <= state.pages; page++) {
    const path = pagePath(dir, category, page);
    const list = JSON.parse(readFileSync(path, 'utf8')) as RawEntity[];
    if (!Array.isArray(list)) throw new Error(`${path}: not a page of entities`);
    for (const entity of list) {
      if (entity.deleted) entities.delete(entity.id);
      else entities.set(entity.id, entity);
    }
  }
  return entities;
}

function pagePath(dir: string, category: Category, page: number): string {
  return join(dir, category, 'pages', `${String(page).padStart(6, '0')}.json`);
}
