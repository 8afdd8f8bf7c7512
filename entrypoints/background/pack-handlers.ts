/**
 * The pack calls (extension pages only): import the staged pack files, follow the import, remove a
 * pack; and the offscreen importer's notice that the live generations changed.
 */
import { publishLive } from '../../data/db/live-sources';
import { objectWith, type Validator } from '../../data/payload';
import { fail } from '../../data/result';
import type { Handlers } from './handler-spec';
import { emptyPayload } from './validate-payload';

/** Longest pack id accepted (the build's ids are far shorter). */
const MAX_PACK_ID_LENGTH = 100;

/** `{ id }`: a pack id, a string of at most 100 characters. */
const packIdPayload: Validator<{ id: string }> = (payload) => {
  const object = objectWith(payload, ['id']);
  if (!object.ok) return object;
  const { id } = object.value;
  if (typeof id !== 'string' || id === '' || id.length > MAX_PACK_ID_LENGTH)
    return fail(`id must be a string of 1 to ${MAX_PACK_ID_LENGTH} characters`);
  return { ok: true, value: { id } };
};

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
