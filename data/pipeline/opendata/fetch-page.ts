/**
 * Fetching one feed page politely and robustly: Node's built-in fetch with a timeout per attempt,
 * the body parsed as it streams in, and a bounded number of retries with exponential back-off on
 * server errors (5xx, 429, 408), network failures, timeouts and pages that are truncated or do
 * not parse. Other client errors (4xx) are not retried: asking again would not change them.
 */
import { createFeedPageParser, type FeedPage, FeedPageError } from './feed-page';

/** How hard to try. */
export interface FetchPolicy {
  /** Time allowed for one attempt, headers and body together. */
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each further one. */
  backoffMs: number;
  /** Told about each failed attempt that will be retried. */
  onRetry?: (url: string, attempt: number, problem: string) => void;
  /** Stops waiting and fetching (Ctrl-C). */
  signal?: AbortSignal;
}

/** The defaults of `data:sync`. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = { timeoutMs: 60_000, retries: 5, backoffMs: 1_000 };

const MAX_BACKOFF_MS = 60_000;

/** A page that could not be had within the policy: names the URL and the last problem. */
export class FetchFailedError extends Error {
  constructor(
    readonly url: string,
    readonly problem: string,
    readonly attempts: number,
  ) {
    super(`${url}: ${problem} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
    this.name = 'FetchFailedError';
  }
}

/** Fetch and parse the page at `url`, retrying as the policy allows. */
export async function fetchPage(url: string, policy: FetchPolicy): Promise<FeedPage> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptPage(url, policy);
    if ('page' in outcome) return outcome.page;
    if (!outcome.retry || attempt > policy.retries) throw new FetchFailedError(url, outcome.problem, attempt);
    policy.onRetry?.(url, attempt, outcome.problem);
    const wait = outcome.retryAfterMs ?? policy.backoffMs * 2 ** (attempt - 1);
    await sleep(Math.min(wait, MAX_BACKOFF_MS), policy.signal);
  }
}

type Outcome = { page: FeedPage } | { problem: string; retry: boolean; retryAfterMs?: number };

async function attemptPage(url: string, policy: FetchPolicy): Promise<Outcome> {
  policy.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = policy.signal ? AbortSignal.any([policy.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/atom+xml' } });
    if (!response.ok) {
      await response.body?.cancel();
      const status = response.status;
      const retry = status >= 500 || status === 429 || status === 408;
      return {
        problem: `HTTP ${status}`,
        retry,
        retryAfterMs: retryAfter(response.headers.get('retry-after')),
      };
    }
    if (!response.body) return { problem: 'empty response', retry: true };
    const parser = createFeedPageParser(url);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const chunk of response.body) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    return { page: parser.close() };
  } catch (error) {
    if (policy.signal?.aborted) throw policy.signal.reason;
    if (timeout.aborted) return { problem: `no complete answer within ${policy.timeoutMs} ms`, retry: true };
    if (error instanceof FeedPageError) return { problem: error.problem, retry: true };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { problem: `${error instanceof Error ? error.message : String(error)}${cause}`, retry: true };
  }
}

function retryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header) * 1000;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
