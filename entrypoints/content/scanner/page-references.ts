/**
 * The content-script side of the side panel's "On this page": answers `pageReferences` with the
 * scanner's registry and `revealReference` by scrolling to the reference and opening its popover.
 * Only the extension itself can send these (tabs.sendMessage); the sender is checked anyway.
 * Once a panel has asked, later changes to the marks are announced (`pageReferencesChanged`).
 * The answer lists every reference on the page: off-screen text the scanner has not read yet is
 * read (and marked) before the answer goes out.
 */
import { browser } from 'wxt/browser';
import type { ContentProtocol } from '../../../data/messages';
import type { Result } from '../../../data/result';
import type { MarkRegistry } from './mark-registry';
import { notifyReferenceChanges } from './page-references-changed';

/** Opens the popover at a mark, pinned (the popover controller's `open`). */
export interface PopoverOpener {
  open(mark: HTMLElement, how: 'focus' | 'pin'): void;
}

type Registry = Pick<MarkRegistry, 'pageReferences' | 'marksOfGroup'>;

/** Scrolls to the first piece of `group` and opens its popover; false when the reference is gone. */
export function revealGroup(registry: Registry, group: number, popover: PopoverOpener | null): boolean {
  const first = registry.marksOfGroup(group)[0];
  if (!(first instanceof HTMLElement)) return false;
  first.scrollIntoView({ block: 'center', inline: 'nearest' });
  if (popover) {
    popover.open(first, 'pin');
  } else {
    // Without the popover, keyboard focus on the reference is the next best thing (it opens on focus).
    (first.closest<HTMLElement>('a[href], [tabindex]') ?? first).focus({ preventScroll: true });
  }
  return true;
}

/** Handles one message; undefined for messages that are not ours (another listener may answer). */
export function answerPanel(
  message: unknown,
  registry: Registry,
  popover: PopoverOpener | null,
): Result<ContentProtocol[keyof ContentProtocol]['result']> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, payload } = message as { type?: unknown; payload?: { group?: unknown } };
  if (type === 'pageReferences') return { ok: true, value: registry.pageReferences() };
  if (type !== 'revealReference') return undefined;
  const group = payload?.group;
  if (typeof group !== 'number' || !Number.isSafeInteger(group) || group < 1) {
    return { ok: false, error: 'revealReference: group must be a positive integer' };
  }
  return { ok: true, value: revealGroup(registry, group, popover) };
}

/** Serves the side panel's calls until `signal` aborts, and tells it when the references change. */
export function servePageReferences(
  signal: AbortSignal,
  scanner: {
    registry: Registry & Pick<MarkRegistry, 'onMarked' | 'onUnmarked'>;
    scanEverything(): Promise<void>;
  },
  popover: PopoverOpener | null,
): void {
  const { registry } = scanner;
  const notifier = notifyReferenceChanges(
    registry,
    () => browser.runtime.sendMessage({ type: 'pageReferencesChanged', payload: {} }),
    signal,
  );
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if ((message as { type?: unknown } | null)?.type === 'pageReferences') {
      // The list is of every reference: text not yet read (off-screen) is read first.
      return scanner.scanEverything().then(() => {
        notifier.arm();
        return answerPanel(message, registry, popover);
      });
    }
    const answer = answerPanel(message, registry, popover);
    return answer ? Promise.resolve(answer) : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
