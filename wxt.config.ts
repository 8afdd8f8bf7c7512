import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { NOTE_FRAME_PAGE } from './data/annotations/note-frame';
import { SIDEBAR_COMMAND, SIDEBAR_SHORTCUT } from './data/commands';
import { ENABLED_SITES, LOCAL_SITES } from './data/sites';

/** Sites Kamerlens runs on by default. Development builds add the local demo server. */
export const DEFAULT_SITES = ENABLED_SITES;

/**
 * Only a release build (`wxt build`, mode `production`) leaves out the local hosts; the test and
 * demo builds (`wxt build --mode test`, `wxt` dev) run on 127.0.0.1/localhost for the fixtures.
 */
const withLocalHosts = (mode: string) => mode !== 'production';
const isLocalPattern = (pattern: string) => LOCAL_SITES.includes(pattern);

export default defineConfig({
  // Every import is written out: no auto-imports.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    // Localized from public/_locales (Dutch first, English available).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    // public/_locales/{nl,en} exist; browsers (and web-ext lint) require the default named.
    default_locale: 'nl',
    // Least privilege: scripting registers the content script on sites the reader enables;
    // activeTab lets the side panel read the current tab's address after a toolbar click, to offer
    // "enable this site"; storage is for `storage.session` only, where the open note editor's session
    // outlives a stopped service worker (notes themselves are in IndexedDB); Chrome's offscreen is
    // for the document that starts the pack import's thread (a service worker cannot start a worker;
    // no warning is shown for it). No tabs, no <all_urls> by default.
    permissions:
      browser === 'firefox'
        ? ['scripting', 'activeTab', 'storage']
        : ['sidePanel', 'scripting', 'activeTab', 'storage', 'offscreen'],
    host_permissions: [...ENABLED_SITES, ...(withLocalHosts(mode) ? LOCAL_SITES : [])],
    // Asked for at the moment the reader enables one site (a subset) or all sites.
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_ext_actionTitle__' },
    // Only the note frame page may be framed into web pages (the editor and note card live there so the
    // page cannot read them). Chrome serves it under a per-session id against fingerprinting;
    // Firefox's extension ids are already random per install.
    web_accessible_resources: [
      {
        resources: [NOTE_FRAME_PAGE],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kamerlens@kamerlens.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
          // Firefox opens the sidebar only from its own user input: the card's "open in side panel"
          // names this shortcut when the sidebar is closed.
          commands: { [SIDEBAR_COMMAND]: { suggested_key: { default: SIDEBAR_SHORTCUT } } },
        }
      : {}),
  }),
  // `npm run zip`: one package per store, named from package.json's name and version (the only
  // place the version is set), plus the sources archive AMO's review asks for. Test artifacts and
  // local outputs stay out of it; the bundled dataset is in (reviewers can rebuild it with
  // `npm run data:build` from data/sources).
  zip: {
    excludeSources: ['test-results/**', '.output/**', '.wxt/**', '**/*.log'],
  },
  hooks: {
    // The content script's static `matches` name the local hosts for tests and the demo; a release
    // build must not run there, so they are removed from its manifest.
    'build:manifestGenerated': (wxt, manifest) => {
      if (withLocalHosts(wxt.config.mode)) return;
      manifest.content_scripts = manifest.content_scripts
        ?.map((script) => ({ ...script, matches: script.matches?.filter((match) => !isLocalPattern(match)) }))
        .filter((script) => (script.matches?.length ?? 0) > 0);
    },
  },
});
