/** Routes one incoming message to its handler; every outcome is a `Result`, nothing throws across. */
import type { Result } from '../../data/result';
import type { HandlerSpec, HandlerTable } from './handler-spec';
import { HANDLERS } from './handlers';
import type { SenderInfo } from './sender';
import type { BackgroundServices } from './services';

/**
 * Check the envelope, the sender and the payload, then run the handler. Everything up to the
 * handler call is synchronous so a user gesture carried by the message survives into the handler.
 */
export function dispatchMessage(
  message: unknown,
  sender: SenderInfo,
  services: BackgroundServices,
): Promise<Result<unknown>> {
  try {
    if (typeof message !== 'object' || message === null) return refuse('message must be an object');
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(HANDLERS, type)) {
      return refuse(`unknown message type: ${String(type).slice(0, 40)}`);
    }
    // The key is checked above; the table's per-key typing cannot follow a runtime string.
    const spec = HANDLERS[type as keyof HandlerTable] as unknown as HandlerSpec<'lookup'>;
    if (sender.kind === 'foreign') return refuse('sender not accepted');
    if (spec.from === 'extension-page' && sender.kind !== 'extension-page') {
      return refuse(`${type} is only accepted from extension pages`);
    }
    const checked = spec.validate(payload);
    if (!checked.ok) return refuse(`${type}: ${checked.error}`);
    return Promise.resolve(spec.handle(checked.value, sender, services)).catch(asFailure);
  } catch (error) {
    return asFailure(error);
  }
}

function refuse(error: string): Promise<Result<never>> {
  return Promise.resolve({ ok: false, error });
}

function asFailure(error: unknown): Promise<Result<never>> {
  return refuse(error instanceof Error ? error.message : String(error));
}
