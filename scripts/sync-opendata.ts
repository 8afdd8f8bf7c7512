/**
 * `npm run -s data:sync -- --out DIR [--feed URL] [--categories A,B] [--timeout MS] [--retries N]
 * [--backoff MS]`: copy the Tweede Kamer's SyncFeed into DIR, or bring an earlier copy up to date.
 * Each page is committed on its own, so Ctrl-C, SIGTERM or a crash loses nothing: run it again to
 * continue. Prints one progress line per category (entities, pages, rate) on stderr.
 * `npm run -s data:sync -- --out DIR --compact [--categories A,B]` fetches nothing: it rewrites the
 * store as its current entities only (updates pile up pages over many runs), keeping the skiptoken.
 */
import {
  CATEGORY_ELEMENTS,
  type Category,
  DEFAULT_CATEGORIES,
  DEFAULT_FEED_URL,
  isCategory,
} from '../data/pipeline/opendata/categories';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from '../data/pipeline/opendata/fetch-page';
import { compactCategory } from '../data/pipeline/opendata/store';
import { type SyncProgress, syncCategory } from '../data/pipeline/opendata/sync';

const USAGE =
  'usage: npm run -s data:sync -- --out DIR [--feed URL] [--categories A,B] [--timeout MS] [--retries N] [--backoff MS]\n       npm run -s data:sync -- --out DIR --compact [--categories A,B]';

interface Args {
  feed: string;
  out: string;
  categories: Category[];
  policy: FetchPolicy;
  compact: boolean;
}

function parseArgs(argv: string[]): Args | string {
  let feed = DEFAULT_FEED_URL;
  let out: string | null = null;
  let categories: Category[] = [...DEFAULT_CATEGORIES];
  const policy = { ...DEFAULT_FETCH_POLICY };
  const compact = argv.includes('--compact');
  const options = argv.filter((arg) => arg !== '--compact');
  for (let i = 0; i < options.length; i += 2) {
    const [arg, value] = [options[i], options[i + 1]];
    if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
    if (arg === '--feed') feed = value;
    else if (arg === '--out') out = value;
    else if (arg === '--categories') {
      const names = value.split(',').map((name) => name.trim());
      const unknown = names.find((name) => !isCategory(name));
      if (unknown !== undefined)
        return `unknown category ${unknown} (known: ${Object.keys(CATEGORY_ELEMENTS).join(', ')})`;
      categories = names as Category[];
    } else if (arg === '--timeout' || arg === '--retries' || arg === '--backoff') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) return `${arg} must be a whole number, not ${value}`;
      policy[arg === '--timeout' ? 'timeoutMs' : arg === '--retries' ? 'retries' : 'backoffMs'] = n;
    } else return `unknown argument ${arg}`;
  }
  if (out === null) return '--out DIR is required';
  try {
    new URL(feed);
  } catch {
    return `--feed is not a URL: ${feed}`;
  }
  if (compact && options.some((arg) => ['--feed', '--timeout', '--retries', '--backoff'].includes(arg)))
    return '--compact fetches nothing: it takes only --out and --categories';
  return { feed, out, categories, policy, compact };
}

function line(p: SyncProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(p.entities / seconds) : 0;
  return `${p.category}: ${p.entities} entities, ${p.pages} pages, ${rate}/s${p.done ? ', up to date' : ''}`;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`data:sync: ${args}\n${USAGE}\n`);
    return 2;
  }
  if (args.compact) return compactStore(args);
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const tty = process.stderr.isTTY;
  const policy: FetchPolicy = {
    ...args.policy,
    signal: controller.signal,
    onRetry: (url, attempt, problem) => process.stderr.write(`\nretry ${attempt} of ${url}: ${problem}\n`),
  };
  for (const category of args.categories) {
    try {
      await syncCategory(category, {
        feed: args.feed,
        out: args.out,
        policy,
        onProgress: (p) => {
          if (p.done) process.stderr.write(`${tty ? '\r' : ''}${line(p)}\n`);
          else if (tty) process.stderr.write(`\r${line(p)}`);
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (controller.signal.aborted) {
        process.stderr.write(
          `\ndata:sync: interrupted during ${category}; every committed page is kept, run again to continue\n`,
        );
        return 130;
      }
      process.stderr.write(
        `\ndata:sync failed in ${category}: ${message}\nNothing of the failed page was stored; run again to continue.\n`,
      );
      return 1;
    }
  }
  return 0;
}

function compactStore(args: Args): number {
  for (const category of args.categories) {
    try {
      const done = compactCategory(args.out, category);
      process.stderr.write(
        `${category}: ${done.entities} entities, ${done.pagesBefore} pages → ${done.pagesAfter}\n`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `data:sync --compact failed in ${category}: ${message}\nThe store is as it was.\n`,
      );
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
