/**
 * The pack calls (extension pages only): import the staged pack files, follow the import, remove a
 * pack; and the offscreen importer's notice that the live generations changed.
 */
import { publishLive } from '../../data/db/live-sources';
import { packIdPayload } from '../../data/payload';
import type { Handlers } from './handler-spec';
import { emptyPayload } from './validate-payload';

/** The handlers, over `services.packs` (data/db/pack-importer.ts). */
export const PACK_HANDLERS: Handlers<
  'importStagedPacks' | 'packImportStatus' | 'removePack' | 'liveChanged'
> = {
  importStagedPacks: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: async (_payload, _sender, { packs }) => ({ ok: true, value: await packs.importStaged() }),
  },
  packImportStatus: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: async (_payload, _sender, { packs }) => ({ ok: true, value: await packs.progress() }),
  },
  removePack: {
    from: 'extension-page',
    validate: packIdPayload,
    handle: async ({ id }, _sender, { packs }) => ({ ok: true, value: await packs.remove(id) }),
  },
  liveChanged: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: async (_payload, _sender, { db }) => {
      await publishLive(db);
      return { ok: true, value: null };
    },
  },
};
