/**
 * The light-DOM hosts of our shadow-root UIs. A host is a plain `div`: a page can define a custom
 * element for any name it can predict (and its constructor's `attachInternals()` would hand it our
 * shadow root), but it cannot define one for a built-in element. The shadow root is attached before
 * the host enters the document, with the DOM methods as they were when the content script started.
 */

// Captured at content-script start. Page scripts patch their own world's prototypes, not ours
// (Chromium's isolated world, Firefox's Xrays; the hostile-page e2e test checks it), and a later
// patch in this world would not be used either.
const attachShadow = Element.prototype.attachShadow;
const createElement = Document.prototype.createElement;

const hosts = new WeakSet<Node>();

/**
 * The attribute, on the first element of each host's shadow root, that says which installation of
 * Kamerlens made the host. Firefox's newer copy of the script finds an older copy's hosts by it
 * (`removeLeftoverHosts`); the page cannot see it behind a closed root, nor forge it without the
 * installation's extension URL.
 */
const STAMP_ATTRIBUTE = 'data-stamp';

let stamp = '';

/**
 * A stamp for the hosts of the installation whose extension URL is `extensionUrl` (Firefox's holds a
 * UUID random per installation and kept across reloads and updates): two 32-bit FNV-1a hashes of
 * it, so a test build's open root shows no part of the URL. Set once at start with `stampHostsWith`.
 */
export function hostStamp(extensionUrl: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ extensionUrl.length;
  for (let i = 0; i < extensionUrl.length; i += 1) {
    const code = extensionUrl.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code ^ (i & 0xff), 0x01000193);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** Hosts made from now on carry `value` (see `hostStamp`). */
export function stampHostsWith(value: string): void {
  stamp = value;
}

/** A mounted host: the element in the page, its shadow root and the container the UI renders into. */
export interface OwnHost {
  shadowHost: HTMLElement;
  shadow: ShadowRoot;
  uiContainer: HTMLElement;
  remove(): void;
}

/** A per-page-load random suffix, for ids a page must not be able to predict. */
export function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Create a host at the end of `doc.body` (or the root element) with a shadow root of `mode` holding
 * `css` and one container; it is removed when `signal` aborts.
 */
export function createOwnHost(
  doc: Document,
  options: { mode: ShadowRootMode; css: string; signal: AbortSignal },
): OwnHost {
  const shadowHost = createElement.call(doc, 'div') as HTMLElement;
  const shadow = attachShadow.call(shadowHost, { mode: options.mode });
  const style = createElement.call(doc, 'style') as HTMLStyleElement;
  if (stamp) style.setAttribute(STAMP_ATTRIBUTE, stamp);
  // Page rules cannot restyle the host into something else (`all` resets the inherited and own styles).
  style.textContent = `:host { all: initial !important; }\n${options.css}`;
  const uiContainer = createElement.call(doc, 'div') as HTMLElement;
  shadow.append(style, uiContainer);
  hosts.add(shadowHost);
  (doc.body ?? doc.documentElement).append(shadowHost);
  const remove = () => {
    shadowHost.remove();
    hosts.delete(shadowHost);
  };
  options.signal.addEventListener('abort', remove, { once: true });
  return { shadowHost, shadow, uiContainer, remove };
}

/** Whether `node` is one of our hosts (identity, not a name or attribute a page could copy). */
export function isOwnHost(node: unknown): boolean {
  return typeof node === 'object' && node !== null && hosts.has(node as Node);
}

/** Whether `node` is one of our hosts or inside one's light DOM. */
export function isInsideOwnHost(node: Node | null): boolean {
  for (let at = node; at; at = at.parentNode) if (hosts.has(at)) return true;
  return false;
}

/** Firefox lets extension code open any shadow root, closed ones included (`openOrClosedShadowRoot`). */
type FirefoxElement = Element & { readonly openOrClosedShadowRoot?: ShadowRoot | null };

/**
 * Removes the hosts an older copy of this script left in `doc`, and returns how many. Firefox starts
 * a new copy in open tabs when the extension is reloaded or updated, and nukes the old one's
 * sandbox first: its listeners and timers are dead, so it can close nothing, and an open card or
 * note overlay would stay on the page for good (measured in firefox-esr 153, cross-browser-suite.ts).
 * Only hosts with this installation's stamp go: a page's look-alike stays, whatever it is named.
 * Chromium never starts a second copy in a document and shows no closed root to extension code, so
 * nothing is looked at there.
 */
export function removeLeftoverHosts(doc: Document, value: string): number {
  if (!value) return 0;
  let removed = 0;
  // Null on an element without a shadow root in Firefox; not there at all in Chromium.
  if ((doc.documentElement as FirefoxElement).openOrClosedShadowRoot === undefined) return 0;
  // The page's top-level elements one by one, so the cost follows their number, not the page's
  // size. Measured in firefox-esr 153 with a throwaway probe build (1000 calls per page load, the
  // mean; load average 4.0–4.9, three runs): 13–34 µs a call on letter.html (2 children of the
  // body), 0.8–1.0 ms with 2,000 divs at the top of the body. A selector instead
  // (`:scope > div:not([class]):not([style])`) cost 25–59 µs on letter.html and 0.2 ms with 2,000
  // divs with a class: Gecko walks every element under the body for it.
  for (const parent of [doc.body, doc.documentElement]) {
    for (const element of parent ? [...parent.children] : []) {
      if (element.localName !== 'div' || hosts.has(element)) continue;
      const root = (element as FirefoxElement).openOrClosedShadowRoot;
      if (root?.firstElementChild?.getAttribute(STAMP_ATTRIBUTE) !== value) continue;
      element.remove();
      removed += 1;
    }
  }
  return removed;
}
