/** Shared set-up for the page scanner's happy-dom tests. */
import { afterEach } from 'vitest';
import { type PageScanner, startPageScanner } from '../../../../entrypoints/content/scanner/page-scanner';
import type { ViewportGateFactory } from '../../../../entrypoints/content/scanner/viewport-gate';

/** One marked reference as the tests compare it: ids, kind and the text of each piece. */
export interface SeenReference {
  ids: string;
  kind: string | null;
  pieces: string[];
}

const running: AbortController[] = [];

afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

/** Puts `html` in the body, starts a scanner and waits until it has marked everything. */
export async function scanPage(
  html: string,
  options: {
    budgetMs?: number;
    writeBudgetMs?: number;
    beforeIdle?: (scanner: PageScanner) => void;
    viewportGate?: ViewportGateFactory;
    wholeScopeChars?: number;
  } = {},
): Promise<{ scanner: PageScanner; stop: () => void }> {
  document.body.innerHTML = html;
  const controller = new AbortController();
  running.push(controller);
  const scanner = startPageScanner({
    document,
    signal: controller.signal,
    roleDescription: 'verwijzing',
    budgetMs: options.budgetMs,
    writeBudgetMs: options.writeBudgetMs,
    viewportGate: options.viewportGate,
    wholeScopeChars: options.wholeScopeChars,
  });
  options.beforeIdle?.(scanner);
  await scanner.idle();
  return { scanner, stop: () => controller.abort() };
}

/** The marked references on the page, grouped by `data-kamerlens-group`, in document order. */
export function seenReferences(root: ParentNode = document.body): SeenReference[] {
  const groups = new Map<string, SeenReference>();
  for (const mark of root.querySelectorAll('kamerlens-ref')) {
    const group = mark.getAttribute('data-kamerlens-group') ?? '';
    const seen = groups.get(group) ?? {
      ids: mark.getAttribute('data-kamerlens-ref') ?? '',
      kind: mark.getAttribute('data-kamerlens-kind'),
      pieces: [],
    };
    seen.pieces.push(mark.textContent ?? '');
    groups.set(group, seen);
  }
  return [...groups.values()];
}

/** The ids of every marked reference, in document order. */
export const markedIds = (root: ParentNode = document.body): string[] =>
  seenReferences(root).map((r) => r.ids);
