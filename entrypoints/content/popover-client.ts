import { browser } from 'wxt/browser';
import type { BackgroundProtocol } from '../../data/messages';
import type { Result } from '../../data/result';

type Payload<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['payload'];
type Answer<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['result'];

/** Sends one typed call to the background; transport failures come back as `{ok: false}`, never a throw. */
export async function callBackground<K extends keyof BackgroundProtocol>(
  type: K,
  payload: Payload<K>,
): Promise<Result<Answer<K>>> {
  try {
    const answer = (await browser.runtime.sendMessage({ type, payload })) as Result<Answer<K>> | undefined;
    if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean') {
      return { ok: false, error: `no answer to ${type}` };
    }
    return answer;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
