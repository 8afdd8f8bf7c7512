import { describe, expect, it } from 'vitest';
import { isObject, isText, objectWith } from '../../data/payload';

describe('payload checks', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [null, false],
    [[], false],
    ['x', false],
    [undefined, false],
  ])('isObject(%j) is %s', (value, expected) => {
    expect(isObject(value)).toBe(expected);
  });

  it.each([
    ['abc', 3, true],
    ['abcd', 3, false],
    [3, 3, false],
  ])('isText(%j, %i) is %s', (value, max, expected) => {
    expect(isText(value, max)).toBe(expected);
  });

  it.each([
    [{ ids: [] }, ['ids'], { ok: true, value: { ids: [] } }],
    [{}, ['ids'], { ok: true, value: {} }],
    [{ ids: [], sql: 1 }, ['ids'], { ok: false, error: 'unexpected payload field: sql' }],
    [{ ['x'.repeat(50)]: 1 }, [], { ok: false, error: `unexpected payload field: ${'x'.repeat(40)}` }],
    [[], [], { ok: false, error: 'payload must be an object' }],
    [null, [], { ok: false, error: 'payload must be an object' }],
  ])('objectWith(%j, %j)', (value, allowed, expected) => {
    expect(objectWith(value, allowed)).toEqual(expected);
  });
});
