/**
 * Syncing categories of the SyncFeed into a store folder: for each category, start from the
 * stored skiptoken (or the beginning), follow the feed's `next` links to the end and commit each
 * page with the token after it. The last page's `resume` link gives the token for the next run,
 * which then reads only what changed.
 */
import type { Category } from './categories';
import { DEFAULT_FETCH_POLICY, type FetchPolicy, fetchPage } from './fetch-page';
import { commitPage, readState } from './store';

/** Where to read, where to store, and how to report. */
export interface SyncOptions {
  /** Feed base URL, e.g. `https://…/SyncFeed/2.0`. */
  feed: string;
  /** Store folder. */
  out: string;
  policy?: FetchPolicy;
  /** Called after every committed page, and once when a category is done. */
  onProgress?: (progress: SyncProgress) => void;
}

/** How far one category has come in this run. */
export interface SyncProgress {
  category: Category;
  /** Entities read in this run (updates and deletions included). */
  entities: number;
  /** Pages committed in this run. */
  pages: number;
  elapsedMs: number;
  done: boolean;
}

/** The first feed URL of `category`, from the start or from a stored skiptoken. */
function feedUrl(feed: string, category: Category, skiptoken: string | null): string {
  const url = new URL(`${feed.replace(/\/+$/, '')}/Feed`);
  url.searchParams.set('category', category);
  if (skiptoken !== null) url.searchParams.set('skiptoken', skiptoken);
  return url.href;
}

/** Sync one category to the end of its feed. */
export async function syncCategory(category: Category, options: SyncOptions): Promise<SyncProgress> {
  const policy = options.policy ?? DEFAULT_FETCH_POLICY;
  const started = performance.now();
  let state = readState(options.out, category);
  let url = feedUrl(options.feed, category, state.skiptoken);
  const origin = new URL(url).origin;
  const progress: SyncProgress = { category, entities: 0, pages: 0, elapsedMs: 0, done: false };
  const seen = new Set<string>();
  for (;;) {
    seen.add(url);
    const page = await fetchPage(url, policy);
    const link = page.next ?? page.resume;
    const token = link === null ? null : new URL(link).searchParams.get('skiptoken');
    if (token === null) throw new Error(`${url}: the ${page.next ? 'next' : 'resume'} link has no skiptoken`);
    if (page.entities.length > 0 || token !== state.skiptoken) {
      state = commitPage(options.out, state, page.entities, token);
      progress.pages += 1;
      progress.entities += page.entities.length;
    }
    progress.elapsedMs = performance.now() - started;
    if (page.next === null) break;
    options.onProgress?.({ ...progress });
    // Never leave the feed's own site, and never go round in circles.
    if (new URL(page.next).origin !== origin) throw new Error(`${url}: next link leaves ${origin}`);
    if (seen.has(page.next)) throw new Error(`${url}: next link points back to a page already read`);
    url = page.next;
  }
  progress.done = true;
  options.onProgress?.({ ...progress });
  return progress;
}
