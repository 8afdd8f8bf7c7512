/**
 * How long the content script runs, and how it hears that the page's address changed: from the
 * browser only, never from anything a page can send.
 *
 * WXT's content-script context (`ctx`) stops the script when a DOM event on the document says that
 * a newer copy of it started, and its own start announced itself that way, and to every page in a
 * window message naming the extension's id. A page can dispatch that event as well as any script.
 * Tried in Chromium against the release build (hostile-page.e2e.ts): a page that heard the
 * message learnt our id, and one forged event took every mark off the page and closed the note
 * editor with the reader's draft in it; in Firefox the same event took every mark off too
 * (cross-browser-suite.ts). The window message is now switched off (the content script's
 * `noScriptStartedPostMessage`), the event our own start would send is kept from the page
 * (quiet-start.ts), and the event is let through only where the extension is gone; the address
 * watch WXT offers (`wxt:locationchange`) is a window event under a predictable name too, and it
 * ends with `ctx`, so the address is watched here.
 *
 * What an old copy sees when the extension is reloaded (`runtime.reload()` from an extension page,
 * as an update does), measured with a throwaway probe build that wrote each copy's findings into the
 * page (reload-suite.ts keeps the outcome):
 * - Firefox 153 ESR starts a new copy in the open tab and nukes the old copy's sandbox first: from
 *   then on its DOM listeners and timers never ran again (a 500 ms timer stopped, a listener's first
 *   statement, a plain `setAttribute`, never ran), and no `runtime.connect` port of it heard
 *   `onDisconnect` before that. So it cannot stop itself, and no signal would reach it; WXT's event
 *   came too late on 79c823d as well (the build before 9451748: two cards after a reload there too).
 *   What stays is its DOM: a card or note overlay open at the reload stayed on the page for good,
 *   next to the new copy's card. The new copy removes those hosts at start (own-host.ts,
 *   `removeLeftoverHosts`, by a stamp the page can neither read nor forge); its marks the new copy
 *   takes over (one card per hover, on the old marks).
 * - Chromium starts no new copy and leaves the old one running: its port heard `onDisconnect` (with
 *   `runtime.id` still set in the handler), then `runtime.id` was undefined, `getURL`, `connect` and
 *   `postMessage` threw "Extension context invalidated.", `sendMessage` rejected with it, and each
 *   hover logged "Kamerlens could not load its card UI" to the page's console where the card had
 *   not been loaded before. It now stops at the reader's next contact with a mark
 *   (`stillRunning`), marks and all; nothing wakes or asks the background for it.
 */

/** Whether the extension that runs this script is still there (its id goes when it is reloaded, updated or removed). */
type ExtensionAlive = () => boolean;

/** The content script's lifetime: its signal, and a check to make when the reader reaches for it. */
export interface ContentLifetime {
  readonly signal: AbortSignal;
  /**
   * Whether the extension still runs; when it is gone, the lifetime ends here (marks, listeners and
   * UI go). Made at the reader's first contact with a mark: Chromium's old copy hears of the reload
   * from nothing else, and any earlier check would cost every page.
   */
  stillRunning(): boolean;
}

/**
 * A lifetime that ends when `ctx` does (WXT: a newer copy of the script started) and the extension
 * that runs this script is gone, or when `stillRunning` finds it gone: an old copy left behind by an
 * update or reload steps aside, and a page's forged announcement changes nothing. While the
 * extension runs, no second copy starts in a document: content scripts are injected once per
 * document (declared or registered), and the background injects only the UI part
 * (`content-ui.ts`), which has no context of its own.
 */
export function contentLifetime(ctx: { signal: AbortSignal }, alive: ExtensionAlive): ContentLifetime {
  const own = new AbortController();
  const stillRunning = () => {
    if (own.signal.aborted) return false;
    if (alive()) return true;
    own.abort(ctx.signal.aborted ? ctx.signal.reason : 'extension gone');
    return false;
  };
  if (ctx.signal.aborted) stillRunning();
  else ctx.signal.addEventListener('abort', stillRunning, { once: true });
  return { signal: own.signal, stillRunning };
}

/** How often the address is compared where the browser has no Navigation API (as WXT does: 1 s). */
const LOCATION_POLL_MS = 1000;

/** The window parts the address watch uses (a parameter, so tests can drive it). */
export interface LocationSource {
  location: { readonly href: string };
  navigation?: EventTarget;
  setInterval(handler: () => void, ms: number): number;
  clearInterval(id: number): void;
}

/**
 * Calls `onChange(href)` after the page's address changed without a new document (single-page
 * sites), until `signal` aborts: on the Navigation API's `navigatesuccess` where there is one,
 * else by comparing the address every LOCATION_POLL_MS. Only a real change counts, whatever a page
 * dispatches.
 */
export function watchLocation(
  view: LocationSource,
  signal: AbortSignal,
  onChange: (href: string) => void,
): void {
  if (signal.aborted) return;
  let last = view.location.href;
  const compare = () => {
    const href = view.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  if (typeof view.navigation?.addEventListener === 'function') {
    // A page can dispatch `navigatesuccess` on the navigation object too (DOM events reach every
    // world's listeners): it then costs one comparison, and only a real change of address counts.
    view.navigation.addEventListener('navigatesuccess', compare, { signal });
    return;
  }
  const timer = view.setInterval(compare, LOCATION_POLL_MS);
  signal.addEventListener('abort', () => view.clearInterval(timer), { once: true });
}
