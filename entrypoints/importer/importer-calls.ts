/**
 * The offscreen importer's one message, `importerCall` (data/messages.ts `ImporterProtocol`): checked
 * like every message the background takes, because `runtime.onMessage` also hears content scripts.
 */

import type { PackImporter } from '../../data/db/pack-importer';
import type { ImporterCall, PackImportProgress } from '../../data/messages';
import { objectWith, packIdPayload, type Validator } from '../../data/payload';
import { fail, ok, type Result } from '../../data/result';

/** Who sent it, as `runtime.onMessage` says. */
export interface ImporterCallSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

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
  const checked = importerCallPayload(payload);
  if (!checked.ok) return Promise.resolve({ ok: false, error: `importerCall: ${checked.error}` });
  const call = checked.value;
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

/** `{ call }`, or `{ call: 'remove', id }` with a pack id. */
const importerCallPayload: Validator<ImporterCall> = (payload) => {
  const object = objectWith(payload, ['call', 'id']);
  if (!object.ok) return object;
  const { call, id } = object.value;
  if (call === 'remove') {
    const pack = packIdPayload({ id });
    return pack.ok ? ok({ call, id: pack.value.id }) : pack;
  }
  if (id === undefined && (call === 'progress' || call === 'importStaged')) return ok({ call });
  return fail('not a call of the importer');
};
