/**
 * The hashed content written in steps is byte for byte the text `hashedContent` writes in one go (as UTF-8),
 * so a pack's hash checks the same whichever wrote it, and the steps yield to the event loop.
 */
import { describe, expect, it } from 'vitest';
import { hashedBytesInSteps, hashedContent } from '../../../data/dataset/canonical-json';
import { generatedDataset } from '../../fixtures/db/generated-dataset';

/**
 * The bytes written in steps are `hashedContent`'s text as UTF-8; where not, the first difference
 * is shown (a diff of megabytes of bytes would take minutes).
 */
async function expectSameBytes(file: { documents: unknown; dossiers: unknown }) {
  const bytes = await hashedBytesInSteps(file);
  const expected = new TextEncoder().encode(hashedContent(file));
  let at = 0;
  while (at < bytes.length && bytes[at] === expected[at]) at++;
  const around = (of: Uint8Array) => new TextDecoder().decode(of.subarray(Math.max(0, at - 40), at + 40));
  expect({ length: bytes.length, from: at, text: around(bytes) }).toEqual({
    length: expected.length,
    from: expected.length,
    text: around(expected),
  });
}

describe('hashedBytesInSteps', () => {
  it('writes the same text as hashedContent', async () => {
    const { documents, dossiers } = generatedDataset(1_000);
    const file = { documents, dossiers };
    await expectSameBytes(file);
  });

  it('the same on odd input: holes, undefined members, nesting, empty lists, no lists', async () => {
    const odd = [
      {
        documents: [{ b: 1, a: undefined, c: [undefined, { z: 'é', y: null }] }, undefined, 3],
        dossiers: [],
      },
      { documents: [], dossiers: [{ id: '34352', title: 'Zorg' }] },
      { documents: 'not a list', dossiers: [1] },
      { documents: [1, 2], dossiers: null },
      // Keys out of order (at the top and nested), integer-like keys, nested holes and undefined,
      // other prototypes, toJSON, a key named toJSON that is no function, odd numbers.
      {
        documents: [
          { z: 1, a: { d: [3, 1], c: 'x' } },
          { a: 1, b: { y: 2, x: 1 } },
          { '10': 'a', '9': 'b' },
          // biome-ignore lint/suspicious/noSparseArray: a hole nested in a record
          { a: [1, , 2], b: [undefined] },
          { a: new Date(0), b: new Map([[1, 2]]) },
          { a: 'x', toJSON: 'not a function' },
          { a: Object.assign(Object.create(null) as object, { b: 1, a: 2 }) },
          { a: Number.NaN, b: -0, c: 1e21, d: Number.POSITIVE_INFINITY },
        ],
        dossiers: [{ id: '1', titel: 'Ä\u2028', zaken: [] }],
      },
    ];
    for (const file of odd) await expectSameBytes(file);
    // A function is refused by both, even as a toJSON; a toJSON a polluted prototype adds is ignored by both.
    const withFunction = { documents: [{ a: { toJSON: () => 'replaced' } }], dossiers: [] };
    expect(() => hashedContent(withFunction)).toThrow(TypeError);
    await expect(hashedBytesInSteps(withFunction)).rejects.toThrow(TypeError);
    Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'polluted', configurable: true });
    try {
      const file = { documents: [{ a: 1, b: [{ c: 2 }] }], dossiers: [] };
      await expectSameBytes(file);
      expect(new TextDecoder().decode(await hashedBytesInSteps(file))).toContain('"b":[{"c":2}]');
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('yields to the event loop while writing many records', async () => {
    const { documents, dossiers } = generatedDataset(2_000);
    let ranBetween = false;
    setTimeout(() => {
      ranBetween = true;
    }, 0);
    const writing = hashedBytesInSteps({ documents, dossiers });
    expect(ranBetween).toBe(false);
    await writing;
    expect(ranBetween).toBe(true);
  });
});
