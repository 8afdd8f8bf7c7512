import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../../entrypoints/background/handlers';

/** Call names declared in one interface of data/messages.ts, read from the source. */
function declaredCalls(interfaceName: string): string[] {
  const source = readFileSync(join(import.meta.dirname, '../../../data/messages.ts'), 'utf8');
  const start = source.indexOf(`export interface ${interfaceName} {`);
  expect(start, `${interfaceName} not found`).toBeGreaterThan(-1);
  const body = source.slice(start, source.indexOf('\n}', start));
  return [...body.matchAll(/^ {2}(\w+): \{/gm)].map((match) => match[1] as string);
}

describe('every BackgroundProtocol call has a handler', () => {
  const declared = declaredCalls('BackgroundProtocol');

  it('reads the protocol', () => {
    expect(declared).toContain('lookup');
    expect(declared).toContain('openSidePanel');
  });

  it('handlers and protocol list the same calls', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...declared].sort());
  });

  it.each(Object.entries(HANDLERS))('%s has a validator, an access rule and a handler', (_name, spec) => {
    expect(typeof spec.validate).toBe('function');
    expect(typeof spec.handle).toBe('function');
    expect(['any', 'extension-page']).toContain(spec.from);
  });

  it.each(Object.entries(HANDLERS))('%s refuses a payload that is not an object', (_name, spec) => {
    for (const forged of ['x', 42, [], null, true]) expect(spec.validate(forged).ok).toBe(false);
  });
});
