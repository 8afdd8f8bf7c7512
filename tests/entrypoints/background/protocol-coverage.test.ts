import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../../entrypoints/background/handlers';

// That every call of the protocol has a handler with a validator is proven by the `HandlerTable`
// type; what a type cannot prove is how a validator treats a forged payload.
describe('every handler', () => {
  it.each(Object.entries(HANDLERS))('%s refuses a payload that is not an object', (_name, spec) => {
    for (const forged of ['x', 42, [], null, true]) expect(spec.validate(forged).ok).toBe(false);
  });
});
