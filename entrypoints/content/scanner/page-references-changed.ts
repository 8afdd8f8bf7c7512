/**
 * Tells an open side panel that this page's references changed (marked after load, or unmarked),
 * so "On this page" stays current. Changes are gathered for `delayMs` and sent as one
 * `pageReferencesChanged` message (the background passes it on with this tab's id). Not reset by
 * every change: a page that keeps changing still sends one message per window, not none.
 *
 * Nothing is sent until a panel has asked this page for its references (`arm()`): pages nobody
 * looks at from the panel never wake the background.
 */
import type { MarkRegistry } from './mark-registry';

/** Changes within this many ms make one message. */
export const NOTIFY_DELAY_MS = 300;

/** Starts sending after the first `pageReferences` request. */
export interface ReferenceChangeNotifier {
  arm(): void;
}

/** Watches `registry` until `signal` aborts; `send` delivers one notification. */
export function notifyReferenceChanges(
  registry: Pick<MarkRegistry, 'onMarked' | 'onUnmarked'>,
  send: () => Promise<unknown>,
  signal: AbortSignal,
  delayMs = NOTIFY_DELAY_MS,
): ReferenceChangeNotifier {
  let armed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    if (!armed || timer !== null || signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      // No panel open (no receiver) or the extension reloaded: nothing to tell.
      send().catch(() => undefined);
    }, delayMs);
  };
  const stops = [registry.onMarked(changed), registry.onUnmarked(changed)];
  signal.addEventListener('abort', () => {
    if (timer !== null) clearTimeout(timer);
    for (const stop of stops) stop();
  });
  return {
    arm() {
      armed = true;
    },
  };
}
