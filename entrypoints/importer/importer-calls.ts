/**
 * The offscreen importer's one message, `importerCall` (data/messages.ts `ImporterProtocol`): checked
 * like every message the background takes, because `runtime.onMessage` also hears content scripts.
 */

import type { PackImporter } from '../../data/db/pack-importer';
import type { ImporterCall, PackImportProgress } from '../../data/messages';
import type { Result } from '../../data/result';

/** Who sent it, as `runtime.onMessage` says. */
export interface ImporterCallSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Longest pack id accepted (as the background's `removePack`). */
const MAX_PACK_ID_LENGTH = 100;

/**
 * Answers an `importerCall` from this extension's own pages or worker (no tab, a URL on the
 * extension's origin) with `importer`; undefined for any other message, which is not ours to answer.
 */
export function answerImporterCall(
  message: unknown,
  sender: ImporterCallSender,
  extension: { id: string; origin: string },
  importer: PackImporter,
): Promise<Result<PackImportProgress | boolean>> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (type !== 'importerCall') return undefined;
  const trusted =
    sender.id === extension.id &&
    sender.tab === undefined &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(extension.origin);
  if (!trusted) return Promise.resolve({ ok: false, error: 'importerCall: sender not accepted' });
  const call = importerCallOf(payload);
  if (!call) return Promise.resolve({ ok: false, error: 'importerCall: not a call of the importer' });
  const answer =
    call.call === 'progress'
      ? importer.progress()
      : call.call === 'importStaged'
        ? importer.importStaged()
        : importer.remove(call.id);
  return answer.then(
    (value) => ({ ok: true, value }) as const,
    (error: unknown) =>
      ({ ok: false, error: error instanceof Error ? error.message : String(error) }) as const,
  );
}

function importerCallOf(payload: unknown): ImporterCall | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { call, id } = payload as { call?: unknown; id?: unknown };
  if (call === 'progress' || call === 'importStaged') return { call };
  if (call === 'remove' && typeof id === 'string' && id !== '' && id.length <= MAX_PACK_ID_LENGTH)
    return { call, id };
  return null;
}
