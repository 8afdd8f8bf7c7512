/**
 * WXT's content-script context announces each start of the script with a DOM event on the document,
 * `<extension id>:content:wxt:content-script-started`, for an older copy of the script in the same
 * document to stop. DOM events reach the page's listeners too, and the name is predictable: the
 * extension's id is public (the store's; Firefox's is in the manifest). Measured against the release
 * build in Chromium (hostile-page.e2e.ts) and the test build in Firefox (hostile-names-suite.ts): a
 * page that listened for it learnt that Kamerlens runs on the site, on pages without a reference
 * too. It stopped no older copy either: Chromium runs the script once per document (declared and
 * registered scripts at load; the background injects only content-ui.js), and in Firefox, which
 * does start a new copy in open tabs when the extension is reloaded, the old copy is nuked before
 * the new one starts (its listeners and timers dead; the second card seen after `runtime.reload()`
 * in Firefox 153 ESR was the card it left open, which the new copy now removes: lifetime.ts). So the
 * announcement is kept in this world: `document` here is this world's view of the page's document,
 * and an own property on it is invisible to page scripts.
 */

/** What WXT's event names end with (`getUniqueEventName` puts the id and entrypoint first). */
const STARTED_SUFFIX = ':wxt:content-script-started';

// Captured at load: a page patches its own world's prototypes, not ours.
const dispatchEvent = EventTarget.prototype.dispatchEvent;

/**
 * Swallows WXT's start announcement on `doc` until the returned function is called; call it once
 * the context is made (first thing in `main`), so every other dispatch is the browser's own again.
 */
export function quietStart(doc: Document): () => void {
  Object.defineProperty(doc, 'dispatchEvent', {
    configurable: true,
    writable: true,
    value(this: Document, event: Event): boolean {
      if (event.type.endsWith(STARTED_SUFFIX)) return true;
      return dispatchEvent.call(this, event);
    },
  });
  return () => {
    delete (doc as { dispatchEvent?: unknown }).dispatchEvent;
  };
}
