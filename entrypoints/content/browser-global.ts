/**
 * Imported first by the content script and its UI part, before the extension API module
 * (`wxt/browser`, here webextension-polyfill) is evaluated: that module takes `globalThis.browser`
 * as the extension API when it has a `runtime.id`, and wraps `chrome` otherwise.
 *
 * Chromium's isolated world has no `browser` of its own, and a name the global lacks is looked up
 * in the window's named properties, which are the page's: its elements by `id` and `name`. Measured
 * in Chromium (hostile-page-names.e2e.ts): a page with `<form id="browser"><input name="runtime"
 * id="x"></form>` was taken for the extension API, and no card or note editor opened on it. An own
 * property of this world's global comes before the named properties, so the module finds nothing
 * there and wraps `chrome` (an own property, which no element can shadow). Where the browser
 * defines `browser` itself (Firefox) it is left as it is.
 */
if (!Object.hasOwn(globalThis, 'browser'))
  Object.defineProperty(globalThis, 'browser', { value: undefined, writable: true, configurable: true });
