/**
 * The contract every background handler meets: who may call it, how its payload is checked, what it
 * does with the services. Feature handler modules import it from here; `handlers.ts` assembles them.
 */
import type { BackgroundProtocol } from '../../data/messages';
import type { Validator } from '../../data/payload';
import type { Result } from '../../data/result';
import type { SenderInfo } from './sender';
import type { BackgroundServices } from './services';

type Payload<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['payload'];
type Answer<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['result'];

/** How one call is handled. `from: 'extension-page'` refuses content scripts. */
export interface HandlerSpec<K extends keyof BackgroundProtocol> {
  from: 'any' | 'extension-page';
  validate: Validator<Payload<K>>;
  handle(
    payload: Payload<K>,
    sender: SenderInfo,
    services: BackgroundServices,
  ): Result<Answer<K>> | Promise<Result<Answer<K>>>;
}

/** Every call of the protocol has an entry; the type makes a missing one a compile error. */
export type HandlerTable = { [K in keyof BackgroundProtocol]: HandlerSpec<K> };

/** The handlers of some of the calls (one feature's share of the table). */
export type Handlers<K extends keyof BackgroundProtocol> = Pick<HandlerTable, K>;
