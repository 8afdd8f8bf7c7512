import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Sites Kamerlens runs on by default (issue 2/4). Development builds add the local demo server. */
export const DEFAULT_SITES = [
  '*://*.tweedekamer.nl/*',
  '*://*.eerstekamer.nl/*',
  '*://*.officielebekendmakingen.nl/*',
  '*://*.rijksoverheid.nl/*',
];

export default defineConfig({
  // Every import is written out: no auto-imports (ARCHITECTURE.md §3).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Kamerlens',
    description: 'Herkent verwijzingen naar Kamerstukken en legt ze uit, zonder netwerk.',
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    action: { default_title: 'Kamerlens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kamerlens@kamerlens.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
