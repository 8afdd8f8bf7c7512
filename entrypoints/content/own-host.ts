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
