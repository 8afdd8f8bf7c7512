/**
 * Where the page scanner runs, in one place: the manifest's host permissions (`wxt.config.ts`) and
 * the content script's `matches` are built from these lists.
 */

/** Parliamentary and government sites Kamerlens is enabled for by default. */
export const ENABLED_SITES = [
  '*://*.tweedekamer.nl/*',
  '*://*.eerstekamer.nl/*',
  '*://*.officielebekendmakingen.nl/*',
  '*://*.rijksoverheid.nl/*',
];

/**
 * The local demo server and the end-to-end fixtures. Chrome and Firefox match any port when the
 * pattern names none, so `http://127.0.0.1/*` covers `http://127.0.0.1:40123/` (checked in e2e).
 */
export const LOCAL_SITES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The content script's `matches`. */
export const CONTENT_SCRIPT_MATCHES = [...ENABLED_SITES, ...LOCAL_SITES];
